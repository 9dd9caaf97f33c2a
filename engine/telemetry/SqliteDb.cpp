#include "engine/telemetry/SqliteDb.h"

#include <charconv>
#include <utility>

namespace quorum::telemetry::detail {

namespace {

constexpr const char *kCreateSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE runs(
  id INTEGER PRIMARY KEY,
  started_label TEXT NOT NULL,
  topology_name TEXT NOT NULL,
  seed INTEGER NOT NULL,
  scenario TEXT NOT NULL);
CREATE TABLE events(
  run INTEGER NOT NULL REFERENCES runs(id),
  time_us INTEGER NOT NULL,
  kind TEXT NOT NULL,
  type TEXT NOT NULL,
  object TEXT NOT NULL,
  reason TEXT NOT NULL,
  message TEXT NOT NULL,
  attrs TEXT NOT NULL);
CREATE INDEX events_by_time ON events(run, time_us);
CREATE TABLE samples(
  run INTEGER NOT NULL REFERENCES runs(id),
  time_us INTEGER NOT NULL,
  data BLOB NOT NULL);
CREATE INDEX samples_by_time ON samples(run, time_us);
)sql";

} // namespace

Statement::Statement(sqlite3 *db, const char *sql)
{
    if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK)
        m_stmt = nullptr;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept : m_stmt(std::exchange(other.m_stmt, nullptr)) {}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

void Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void Statement::bindText(int index, std::string_view text)
{
    sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void Statement::bindBlob(int index, std::string_view bytes)
{
    sqlite3_bind_blob(m_stmt, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
}

int Statement::step()
{
    return sqlite3_step(m_stmt);
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

std::string Statement::text(int column) const
{
    const auto *p = sqlite3_column_text(m_stmt, column);
    return p ? std::string(reinterpret_cast<const char *>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
             : std::string();
}

std::string_view Statement::blob(int column) const
{
    const void *p = sqlite3_column_blob(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return p ? std::string_view(static_cast<const char *>(p), static_cast<std::size_t>(size)) : std::string_view();
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

std::string Database::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return {};
    std::string text = message ? message : sqlite3_errmsg(m_db);
    sqlite3_free(message);
    return m_path + ": " + text;
}

std::string Database::error(const std::string &what) const
{
    return m_path + ": " + what + " (" + sqlite3_errmsg(m_db) + ")";
}

std::unique_ptr<Database> Database::openRecording(const std::string &path, bool writable, std::string &error)
{
    sqlite3 *raw = nullptr;
    const int flags = writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    std::unique_ptr<Database> db(new Database(raw, path));
    if (rc != SQLITE_OK) {
        error = db->error(writable ? "cannot create or open the recording" : "cannot open the recording");
        return nullptr;
    }
    sqlite3_busy_timeout(raw, 2000);
    sqlite3_extended_result_codes(raw, 1);
    error = db->prepareSchema(writable);
    if (!error.empty())
        return nullptr;
    return db;
}

std::string Database::prepareSchema(bool writable)
{
    // The first statement reads the file header: a file that is not SQLite fails here.
    Statement tables(m_db, "SELECT name FROM sqlite_master WHERE type = 'table'");
    if (!tables.valid())
        return error("not a Quorum Studio recording, or the file is corrupt");
    bool hasMeta = false;
    int tableCount = 0;
    int rc = SQLITE_ROW;
    while ((rc = tables.step()) == SQLITE_ROW) {
        ++tableCount;
        hasMeta = hasMeta || tables.text(0) == "meta";
    }
    if (rc != SQLITE_DONE)
        return error("not a Quorum Studio recording, or the file is corrupt");

    if (tableCount == 0) {
        if (!writable)
            return m_path + ": the file is empty; it holds no recording";
        std::string failed = exec("BEGIN");
        if (failed.empty())
            failed = exec(kCreateSchema);
        if (failed.empty()) {
            Statement meta(m_db, "INSERT INTO meta(key, value) VALUES (?1, ?2)");
            meta.bindText(1, "schema_version");
            meta.bindText(2, std::to_string(kSchemaVersion));
            if (meta.step() != SQLITE_DONE)
                failed = error("cannot write the schema version");
            meta.reset();
            meta.bindText(1, "application");
            meta.bindText(2, kApplicationId);
            if (failed.empty() && meta.step() != SQLITE_DONE)
                failed = error("cannot write the schema version");
        }
        if (!failed.empty()) {
            exec("ROLLBACK");
            return failed;
        }
        return exec("COMMIT");
    }

    if (!hasMeta)
        return m_path + ": not a Quorum Studio recording (a SQLite database without a 'meta' table)";
    Statement version(m_db, "SELECT value FROM meta WHERE key = 'schema_version'");
    if (!version.valid())
        return error("cannot read the schema version");
    rc = version.step();
    if (rc == SQLITE_DONE)
        return m_path + ": not a Quorum Studio recording (no schema_version in its 'meta' table)";
    if (rc != SQLITE_ROW)
        return error("cannot read the schema version");
    const std::string text = version.text(0);
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 1)
        return m_path + ": invalid schema_version '" + text + "' in its 'meta' table";
    if (value > kSchemaVersion)
        return m_path + ": recorded with schema version " + std::to_string(value) +
               ", newer than this version of Quorum Studio reads (" + std::to_string(kSchemaVersion) +
               "); open it with a newer Quorum Studio";
    return {};
}

} // namespace quorum::telemetry::detail
