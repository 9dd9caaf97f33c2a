#include "engine/project/Project.h"

#include "engine/project/ProjectSchema.h"
#include "engine/sqlite/Sqlite.h"
#include "engine/telemetry/SqliteRecorder.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>
#include <system_error>

namespace quorum::project {

namespace {

using sqlite::Database;
using sqlite::Statement;

/// The first bytes of a file (up to SQLite's header) and its size, or a message why not.
struct FileStart {
    std::string bytes;
    std::int64_t size = 0;
    std::string error;
};

FileStart readStart(const std::string &path)
{
    FileStart start;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        start.error = "cannot open the file (" + std::generic_category().message(errno) + ")";
        return start;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || S_ISDIR(info.st_mode)) {
        start.error = S_ISDIR(info.st_mode) ? "it is a folder, not a project file" : "cannot read the file";
        ::close(fd);
        return start;
    }
    start.size = info.st_size;
    start.bytes.resize(detail::kSqliteHeaderSize);
    std::size_t got = 0;
    while (got < start.bytes.size()) {
        const ssize_t n = ::read(fd, start.bytes.data() + got, start.bytes.size() - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            start.error = "cannot read the file (" + std::generic_category().message(errno) + ")";
            break;
        }
        if (n == 0)
            break;
        got += static_cast<std::size_t>(n);
    }
    start.bytes.resize(got);
    ::close(fd);
    return start;
}

bool hasMagic(const std::string &bytes)
{
    return bytes.size() >= detail::kSqliteMagicSize &&
           std::memcmp(bytes.data(), detail::kSqliteMagic, detail::kSqliteMagicSize) == 0;
}

std::uint32_t bigEndian(const std::string &bytes, std::size_t offset, std::size_t width)
{
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < width; ++i)
        value = (value << 8) | static_cast<unsigned char>(bytes[offset + i]);
    return value;
}

/// Checks what can be told from the header alone: SQLite at all, and a file as long as its
/// header says (SQLite itself reads a cut file as a smaller database). "" when it looks sound.
std::string checkHeader(const FileStart &start)
{
    if (start.size == 0)
        return "the file is empty; it holds no project";
    const std::size_t prefix = std::min(start.bytes.size(), detail::kSqliteMagicSize);
    const bool magicSoFar = std::memcmp(start.bytes.data(), detail::kSqliteMagic, prefix) == 0;
    if (!magicSoFar)
        return "not a Quorum Studio project (not a SQLite database)";
    if (start.bytes.size() < detail::kSqliteHeaderSize)
        return "the file is truncated (" + std::to_string(start.size) + " bytes, shorter than a SQLite header)";
    // Header layout: https://www.sqlite.org/fileformat.html#the_database_header
    std::uint32_t pageSize = bigEndian(start.bytes, 16, 2);
    if (pageSize == 1)
        pageSize = 65536;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0)
        return "the file is corrupt (invalid page size " + std::to_string(pageSize) + " in its header)";
    const std::uint32_t changeCounter = bigEndian(start.bytes, 24, 4);
    const std::uint32_t pages = bigEndian(start.bytes, 28, 4);
    const std::uint32_t validFor = bigEndian(start.bytes, 92, 4);
    const auto expected = static_cast<std::int64_t>(pages) * pageSize;
    // The page count is only trustworthy when the header says it is current (as SQLite decides).
    if ((changeCounter == validFor && pages > 0 && start.size < expected) || start.size % pageSize != 0)
        return "the file is truncated (" + std::to_string(start.size) + " bytes, its header says " +
               std::to_string(expected) + "); restore it from a backup";
    return {};
}

/// SQLite's reason for the last failure, with "corrupt or truncated" said plainly.
std::string sqliteFailure(const Database &db, const std::string &what)
{
    const int code = sqlite3_errcode(db.handle()) & 0xff;
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
        return "the file is corrupt or truncated (" + std::string(sqlite3_errmsg(db.handle())) + ")";
    return what + " (" + sqlite3_errmsg(db.handle()) + ")";
}

/// Reads the one integer a pragma returns; std::nullopt after an error.
std::optional<std::int64_t> pragmaValue(Database &db, const char *sql)
{
    Statement s(db.handle(), sql);
    if (!s.valid() || s.step() != SQLITE_ROW)
        return std::nullopt;
    return s.int64(0);
}

/// Reads the file into `project` and returns "" or one message (without the file name).
/// Topology YAML errors go to `yamlErrors` instead.
class Reader {
public:
    Reader(Database &db, Project &project, std::vector<model::Diagnostic> &yamlErrors, int &runs, int &format)
        : m_db(db), m_project(project), m_yamlErrors(yamlErrors), m_runs(runs), m_format(format)
    {
    }

    std::string read()
    {
        for (auto step : {&Reader::checkIdentity, &Reader::checkIntegrity, &Reader::checkTables, &Reader::readTopology,
                          &Reader::readPositions, &Reader::readSizes, &Reader::readScenarios, &Reader::countRuns}) {
            if (std::string e = (this->*step)(); !e.empty())
                return e;
            if (!m_yamlErrors.empty())
                return {};
        }
        return {};
    }

private:
    std::string checkIdentity()
    {
        const auto applicationId = pragmaValue(m_db, "PRAGMA application_id");
        if (!applicationId)
            return sqliteFailure(m_db, "cannot read the file's application id");
        if (*applicationId != detail::kApplicationId) {
            char hex[16];
            std::snprintf(hex, sizeof hex, "0x%08x", static_cast<unsigned>(*applicationId));
            return "not a Quorum Studio project (a SQLite database of another application: application id " +
                   std::string(hex) + ")";
        }
        const auto version = pragmaValue(m_db, "PRAGMA user_version");
        if (!version)
            return sqliteFailure(m_db, "cannot read the format version");
        if (*version > kProjectFormatVersion)
            return "written by a newer Quorum Studio: format " + std::to_string(*version) +
                   ", this version reads up to " + std::to_string(kProjectFormatVersion);
        if (*version < 1)
            return "not a valid Quorum Studio project (format version " + std::to_string(*version) + ")";
        m_version = *version;
        m_format = static_cast<int>(*version);
        return {};
    }

    std::string checkIntegrity()
    {
        Statement check(m_db.handle(), "PRAGMA quick_check");
        if (!check.valid())
            return sqliteFailure(m_db, "cannot check the file");
        const int rc = check.step();
        if (rc != SQLITE_ROW)
            return sqliteFailure(m_db, "cannot check the file");
        if (std::string verdict = check.text(0); verdict != "ok")
            return "the file is corrupt or truncated (SQLite's check: " + verdict + ")";
        return {};
    }

    std::string checkTables()
    {
        Statement s(m_db.handle(), "SELECT name FROM sqlite_master WHERE type = 'table'");
        std::set<std::string> present;
        int rc = s.valid() ? SQLITE_ROW : SQLITE_ERROR;
        while (s.valid() && (rc = s.step()) == SQLITE_ROW)
            present.insert(s.text(0));
        if (rc != SQLITE_DONE)
            return sqliteFailure(m_db, "cannot list the tables");
        std::vector<const char *> required(detail::kTables.begin(), detail::kTables.end());
        if (m_version >= 2)
            required.insert(required.end(), detail::kRunTables.begin(), detail::kRunTables.end());
        if (m_version >= 3)
            required.push_back(detail::kSizesTable);
        for (const char *table : required) {
            if (!present.contains(table))
                return std::string("not a complete Quorum Studio project: the table '") + table + "' is missing";
        }
        return {};
    }

    std::string readTopology()
    {
        Statement s(m_db.handle(), "SELECT yaml FROM topology ORDER BY rowid");
        if (!s.valid())
            return sqliteFailure(m_db, "cannot read the topology");
        int rc = s.step();
        if (rc == SQLITE_DONE)
            return "the project holds no topology";
        if (rc != SQLITE_ROW)
            return sqliteFailure(m_db, "cannot read the topology");
        if (s.type(0) != SQLITE_TEXT)
            return "the topology is not text";
        const std::string yaml = s.text(0);
        if ((rc = s.step()) != SQLITE_DONE)
            return rc == SQLITE_ROW ? "the project holds more than one topology" : sqliteFailure(m_db, "cannot read the topology");
        model::LoadResult parsed = model::parseTopology(yaml, m_db.path());
        if (!parsed.ok()) {
            for (model::Diagnostic &d : parsed.errors) {
                d.field = d.field.empty() ? "topology" : "topology." + d.field;
                m_yamlErrors.push_back(std::move(d));
            }
            return {};
        }
        m_project.topology = std::move(*parsed.topology);
        return {};
    }

    std::string readPositions()
    {
        Statement s(m_db.handle(), "SELECT element_id, x, y FROM positions ORDER BY element_id");
        if (!s.valid())
            return sqliteFailure(m_db, "cannot read the positions");
        int rc = SQLITE_ROW;
        while ((rc = s.step()) == SQLITE_ROW) {
            const std::string id = s.text(0);
            for (int column : {1, 2}) {
                const int type = s.type(column);
                if ((type != SQLITE_FLOAT && type != SQLITE_INTEGER) || !std::isfinite(s.real(column)))
                    return "positions: the " + std::string(column == 1 ? "x" : "y") + " of '" + id + "' is not a number";
            }
            m_project.positions[id] = Point{s.real(1), s.real(2)};
        }
        return rc == SQLITE_DONE ? std::string() : sqliteFailure(m_db, "cannot read the positions");
    }

    /// Format 3's zone sizes and format 4's outsets; older files have none (every lane gets its
    /// automatic size), format 3 files no outsets (0).
    std::string readSizes()
    {
        if (m_version < 3)
            return {};
        Statement s(m_db.handle(), m_version >= 4
                                       ? "SELECT element_id, width, height, outset_left, outset_top FROM sizes ORDER BY element_id"
                                       : "SELECT element_id, width, height, 0, 0 FROM sizes ORDER BY element_id");
        if (!s.valid())
            return sqliteFailure(m_db, "cannot read the sizes");
        int rc = SQLITE_ROW;
        while ((rc = s.step()) == SQLITE_ROW) {
            const std::string id = s.text(0);
            for (int column : {1, 2, 3, 4}) {
                const int type = s.type(column);
                if ((type != SQLITE_FLOAT && type != SQLITE_INTEGER) || !std::isfinite(s.real(column)) || s.real(column) < 0)
                    return "sizes: the " + std::string(detail::kSizeFields[column - 1]) + " of '" + id +
                           "' is not a number of 0 or more";
            }
            if (const std::string problem = detail::bandSizeProblem(id, s.real(3), s.real(4), m_format);
                !problem.empty())
                return "sizes: " + problem;
            m_project.sizes[id] = Size{s.real(1), s.real(2), s.real(3), s.real(4)};
        }
        return rc == SQLITE_DONE ? std::string() : sqliteFailure(m_db, "cannot read the sizes");
    }

    std::string readScenarios()
    {
        Statement s(m_db.handle(), "SELECT name, yaml FROM scenarios ORDER BY name");
        if (!s.valid())
            return sqliteFailure(m_db, "cannot read the scenarios");
        int rc = SQLITE_ROW;
        while ((rc = s.step()) == SQLITE_ROW) {
            if (s.type(0) != SQLITE_TEXT || s.type(1) != SQLITE_TEXT)
                return "scenarios: a row whose name or YAML is not text";
            m_project.scenarios.push_back(ScenarioEntry{s.text(0), s.text(1)});
        }
        return rc == SQLITE_DONE ? std::string() : sqliteFailure(m_db, "cannot read the scenarios");
    }

    std::string countRuns()
    {
        if (m_version < 2)
            return {}; // format 1 kept no runs
        Statement s(m_db.handle(), "SELECT count(*) FROM runs");
        if (!s.valid() || s.step() != SQLITE_ROW)
            return sqliteFailure(m_db, "cannot read the recorded runs");
        m_runs = static_cast<int>(s.int64(0));
        return {};
    }

    Database &m_db;
    Project &m_project;
    std::vector<model::Diagnostic> &m_yamlErrors;
    int &m_runs;
    int &m_format;
    std::int64_t m_version = 0;
};

std::string loadInto(const std::string &path, Project &project, std::vector<model::Diagnostic> &yamlErrors, int &runs,
                     int &format)
{
    const FileStart start = readStart(path);
    if (!start.error.empty())
        return start.error;
    if (std::string e = checkHeader(start); !e.empty())
        return e;
    std::string error;
    auto db = Database::open(path, SQLITE_OPEN_READONLY, "cannot open the project", error);
    if (!db) {
        // Diagnostics carry the file separately: drop the "<path>: " prefix.
        const std::string prefix = path + ": ";
        return error.starts_with(prefix) ? error.substr(prefix.size()) : error;
    }
    return Reader(*db, project, yamlErrors, runs, format).read();
}

} // namespace

ProjectLoad loadProject(const std::string &path)
{
    ProjectLoad result;
    std::string error;
    try {
        Project project;
        error = loadInto(path, project, result.errors, result.recordedRuns, result.format);
        if (error.empty() && result.errors.empty())
            result.project = std::move(project);
    } catch (const std::exception &e) {
        error = std::string("unexpected error while reading the project (") + e.what() + ")";
    } catch (...) {
        error = "unexpected error while reading the project";
    }
    if (!error.empty())
        result.errors.push_back(model::Diagnostic{path, 0, 0, "", error});
    if (!result.ok())
        result.recordedRuns = 0;
    return result;
}

std::optional<std::string> extractRuns(const std::string &projectPath, const std::string &recordingPath)
{
    try {
        // The project is checked as a whole first (identity, integrity, tables).
        ProjectLoad load = loadProject(projectPath);
        if (!load.ok())
            return load.errors.front().file + ": " + load.errors.front().message;
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            ::unlink((recordingPath + suffix).c_str());
        if (std::string e = telemetry::prepareRecording(recordingPath); !e.empty())
            return e;
        if (load.recordedRuns == 0)
            return std::nullopt;
        std::string error;
        auto db = Database::open(recordingPath, SQLITE_OPEN_READWRITE, "cannot open the recording", error);
        if (!db)
            return error;
        Statement attach(db->handle(), "ATTACH DATABASE ?1 AS project");
        if (!attach.valid())
            return db->error("cannot read the project's runs");
        attach.bindText(1, projectPath);
        if (attach.step() != SQLITE_DONE)
            return projectPath + ": cannot read the recorded runs (" + sqlite3_errmsg(db->handle()) + ")";
        const std::string copy = "BEGIN; " +
                                 detail::copyRunsSql("project", "runs", "run_events", "run_samples", "main", "runs",
                                                     "events", "samples") +
                                 " COMMIT;";
        if (std::string e = db->exec(copy.c_str()); !e.empty()) {
            db->exec("ROLLBACK");
            return projectPath + ": cannot copy the recorded runs (" + e + ")";
        }
        return std::nullopt;
    } catch (const std::exception &e) {
        return projectPath + ": unexpected error while reading the recorded runs (" + e.what() + ")";
    }
}

bool looksLikeProject(const std::string &path)
{
    const FileStart start = readStart(path);
    return start.error.empty() && hasMagic(start.bytes);
}

} // namespace quorum::project
