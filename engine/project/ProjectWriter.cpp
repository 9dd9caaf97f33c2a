#include "engine/project/Project.h"

#include "engine/project/ProjectSchema.h"
#include "engine/sqlite/Sqlite.h"
#include "engine/telemetry/SqliteReader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <system_error>

#ifndef QUORUM_VERSION
#define QUORUM_VERSION "unknown"
#endif

namespace quorum::project {

namespace {

namespace fs = std::filesystem;
using sqlite::Database;
using sqlite::Statement;

std::string errnoText()
{
    return std::generic_category().message(errno);
}

/// The temporary file of a save: removed when the save fails, unless it was renamed over the
/// target. A process that dies leaves it; the next save to the same target replaces it.
class TempFile {
public:
    explicit TempFile(std::string path) : m_path(std::move(path)) { removeLeftovers(); }
    ~TempFile()
    {
        if (!m_renamed)
            removeLeftovers();
    }
    TempFile(const TempFile &) = delete;
    TempFile &operator=(const TempFile &) = delete;

    const std::string &path() const { return m_path; }
    void renamed() { m_renamed = true; }

private:
    void removeLeftovers()
    {
        ::unlink(m_path.c_str());
        // The writer keeps its journal in memory; a journal beside the file only comes from a
        // crash of some other writer, and would be applied to the next file of that name.
        ::unlink((m_path + "-journal").c_str());
    }

    std::string m_path;
    bool m_renamed = false;
};

std::string utcNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    char text[32] = {};
    if (gmtime_r(&now, &parts) == nullptr || std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts) == 0)
        return "unknown";
    return text;
}

/// Inserts each row, stopping at the first failure; "" or the reason.
class RowWriter {
public:
    explicit RowWriter(Database &db) : m_db(db) {}

    std::string meta(const char *key, const std::string &value)
    {
        Statement s(m_db.handle(), "INSERT INTO meta(key, value) VALUES (?1, ?2)");
        s.bindText(1, key);
        s.bindText(2, value);
        return done(s, std::string("cannot write meta '") + key + "'");
    }

    std::string topology(const std::string &yaml)
    {
        Statement s(m_db.handle(), "INSERT INTO topology(yaml) VALUES (?1)");
        s.bindText(1, yaml);
        return done(s, "cannot write the topology");
    }

    std::string positions(const std::map<std::string, Point> &positions)
    {
        Statement s(m_db.handle(), "INSERT INTO positions(element_id, x, y) VALUES (?1, ?2, ?3)");
        for (const auto &[id, point] : positions) {
            if (!std::isfinite(point.x) || !std::isfinite(point.y))
                return "the position of '" + id + "' is not a finite number";
            s.reset();
            s.bindText(1, id);
            s.bindDouble(2, point.x);
            s.bindDouble(3, point.y);
            if (std::string e = done(s, "cannot write the position of '" + id + "'"); !e.empty())
                return e;
        }
        return {};
    }

    std::string sizes(const std::map<std::string, Size> &sizes)
    {
        Statement s(m_db.handle(),
                    "INSERT INTO sizes(element_id, width, height, outset_left, outset_top) VALUES (?1, ?2, ?3, ?4, ?5)");
        for (const auto &[id, size] : sizes) {
            const std::array<double, 4> values = {size.width, size.height, size.left, size.top};
            for (std::size_t i = 0; i < values.size(); ++i)
                if (!std::isfinite(values[i]) || values[i] < 0)
                    return "the " + std::string(detail::kSizeFields[i]) + " of '" + id +
                           "' is not a finite number of 0 or more";
            if (std::string problem = detail::bandSizeProblem(id, size.left, size.top, kProjectFormatVersion);
                !problem.empty())
                return problem;
            s.reset();
            s.bindText(1, id);
            s.bindDouble(2, size.width);
            s.bindDouble(3, size.height);
            s.bindDouble(4, size.left);
            s.bindDouble(5, size.top);
            if (std::string e = done(s, "cannot write the size of '" + id + "'"); !e.empty())
                return e;
        }
        return {};
    }

    std::string scenarios(const std::vector<ScenarioEntry> &scenarios)
    {
        Statement s(m_db.handle(), "INSERT INTO scenarios(name, yaml) VALUES (?1, ?2)");
        for (const ScenarioEntry &scenario : scenarios) {
            if (scenario.name.empty())
                return "a scenario has no name";
            s.reset();
            s.bindText(1, scenario.name);
            s.bindText(2, scenario.yaml);
            const int rc = step(s);
            if (rc == SQLITE_CONSTRAINT_PRIMARYKEY)
                return "two scenarios are named '" + scenario.name + "'";
            if (rc != SQLITE_DONE)
                return reason("cannot write the scenario '" + scenario.name + "'");
        }
        return {};
    }

private:
    static int step(Statement &s) { return s.valid() ? s.step() : SQLITE_ERROR; }

    std::string done(Statement &s, const std::string &what) const
    {
        return step(s) == SQLITE_DONE ? std::string() : reason(what);
    }

    std::string reason(const std::string &what) const { return what + " (" + sqlite3_errmsg(m_db.handle()) + ")"; }

    Database &m_db;
};

/// Attaches the recording `runsFrom` as "rec" (outside a transaction, as SQLite requires); "" or
/// the reason naming the recording.
std::string attachRecording(Database &db, const std::string &runsFrom)
{
    // Checked by the recording's own reader: it names the file and says what is wrong with it.
    if (auto reader = telemetry::SqliteReader::open(runsFrom); !reader.ok())
        return "cannot copy the recorded runs: " + reader.error;
    Statement attach(db.handle(), "ATTACH DATABASE ?1 AS rec");
    if (!attach.valid())
        return "cannot copy the recorded runs (" + std::string(sqlite3_errmsg(db.handle())) + ")";
    attach.bindText(1, runsFrom);
    if (attach.step() != SQLITE_DONE)
        return "cannot copy the recorded runs from '" + runsFrom + "' (" + sqlite3_errmsg(db.handle()) + ")";
    return {};
}

/// Writes the whole project (with the runs of `runsFrom` when set) into the empty file `path`
/// and closes it; "" or the reason.
std::string writeDatabase(const Project &project, const std::string &path, const std::string &runsFrom)
{
    std::string error;
    auto db = Database::open(path, SQLITE_OPEN_READWRITE, "cannot open", error);
    if (!db)
        return "cannot open the temporary file as a database (" + error + ")";
    // No journal on disk and no syncs: the file means nothing until it is synced as a whole and
    // renamed, and a failed save deletes it. "main." only: unqualified, journal_mode would try
    // to change the attached recording's too (it is in WAL mode, open in the engine).
    if (!db->exec("PRAGMA main.journal_mode = MEMORY; PRAGMA main.synchronous = OFF").empty())
        return std::string("cannot set up the temporary file (") + sqlite3_errmsg(db->handle()) + ")";
    if (!runsFrom.empty())
        if (std::string e = attachRecording(*db, runsFrom); !e.empty())
            return e;
    const std::string pragmas = "BEGIN; PRAGMA main.application_id = " + std::to_string(detail::kApplicationId) +
                                "; PRAGMA main.user_version = " + std::to_string(kProjectFormatVersion) + ";";
    if (!db->exec(pragmas.c_str()).empty() || !db->exec(detail::kCreateTables).empty())
        return std::string("cannot create the tables (") + sqlite3_errmsg(db->handle()) + ")";
    RowWriter rows(*db);
    for (std::string e : {rows.meta("format_version", std::to_string(kProjectFormatVersion)),
                          rows.meta("written_by", "Quorum Studio " QUORUM_VERSION), rows.meta("saved_at", utcNow())}) {
        if (!e.empty())
            return e;
    }
    if (std::string e = rows.topology(model::topologyToYaml(project.topology)); !e.empty())
        return e;
    if (std::string e = rows.positions(project.positions); !e.empty())
        return e;
    if (std::string e = rows.sizes(project.sizes); !e.empty())
        return e;
    if (std::string e = rows.scenarios(project.scenarios); !e.empty())
        return e;
    if (!runsFrom.empty()) {
        const std::string copy =
            detail::copyRunsSql("rec", "runs", "events", "samples", "main", "runs", "run_events", "run_samples");
        if (!db->exec(copy.c_str()).empty())
            return "cannot copy the recorded runs from '" + runsFrom + "' (" + sqlite3_errmsg(db->handle()) + ")";
    }
    if (!db->exec("COMMIT").empty())
        return std::string("cannot commit (") + sqlite3_errmsg(db->handle()) + ")";
    return {};
}

std::string syncFile(const std::string &path, int flags)
{
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0)
        return errnoText();
    const bool synced = ::fsync(fd) == 0;
    const std::string reason = synced ? std::string() : errnoText();
    ::close(fd);
    return reason;
}

/// The save itself; "" or the reason (without the file name).
std::string save(const Project &project, const std::string &path, const SaveHooks &hooks, const std::string &runsFrom)
{
    const fs::path target(path);
    if (target.filename().empty())
        return "the path names no file";
    const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    struct stat info {};
    if (::stat(folder.c_str(), &info) != 0) {
        std::string reason = "the folder '";
        reason += folder.string();
        reason += errno == ENOENT ? "' does not exist" : "' cannot be used (" + errnoText() + ")";
        return reason;
    }
    if (!S_ISDIR(info.st_mode)) {
        std::string reason = "'"; // piece by piece: see the temporary name below
        reason += folder.string();
        reason += "' is not a folder";
        return reason;
    }

    // Appended piece by piece: GCC 12 -O3 reports a false -Wrestrict for "." + std::string (PR 105329).
    std::string tempName = ".";
    tempName += target.filename().string();
    tempName += ".saving";
    TempFile temp((folder / tempName).string());
    // Created here rather than by SQLite, for the system's own reason when the folder refuses.
    const int fd = ::open(temp.path().c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return "cannot create the temporary file '" + temp.path() + "' (" + errnoText() + ")";
    ::close(fd);

    if (std::string e = writeDatabase(project, temp.path(), runsFrom); !e.empty())
        return e;
    if (std::string e = syncFile(temp.path(), O_RDONLY); !e.empty())
        return "cannot flush the temporary file to disk (" + e + ")";
    if (hooks.beforeRename)
        hooks.beforeRename(temp.path());
    if (::rename(temp.path().c_str(), path.c_str()) != 0)
        return "cannot replace the file (" + errnoText() + ")";
    temp.renamed();
    // Makes the rename itself durable. Some file systems refuse to sync a folder; the new file
    // is in place by now, so that is no reason to report a failed save.
    syncFile(folder.string(), O_RDONLY | O_DIRECTORY);
    return {};
}

} // namespace

std::optional<std::string> saveProject(const Project &project, const std::string &path, const SaveHooks &hooks,
                                       const std::string &runsFrom)
{
    std::string reason;
    try {
        reason = save(project, path, hooks, runsFrom);
    } catch (const std::exception &e) {
        reason = std::string("unexpected error (") + e.what() + ")";
    } catch (...) {
        reason = "unexpected error";
    }
    if (reason.empty())
        return std::nullopt;
    std::error_code ec;
    const bool existed = fs::exists(fs::path(path), ec);
    return path + ": cannot save: " + reason + (existed ? "; the previous file is unchanged" : "; nothing was written");
}

} // namespace quorum::project
