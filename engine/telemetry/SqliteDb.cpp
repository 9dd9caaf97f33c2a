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

/// Creates or checks the schema; returns an error message or "".
std::string prepareSchema(Database &db, bool writable)
{
    sqlite3 *handle = db.handle();
    const std::string &path = db.path();
    // The first statement reads the file header: a file that is not SQLite fails here.
    Statement tables(handle, "SELECT name FROM sqlite_master WHERE type = 'table'");
    if (!tables.valid())
        return db.error("not a Quorum Studio recording, or the file is corrupt");
    bool hasMeta = false;
    int tableCount = 0;
    int rc = SQLITE_ROW;
    while ((rc = tables.step()) == SQLITE_ROW) {
        ++tableCount;
        hasMeta = hasMeta || tables.text(0) == "meta";
    }
    if (rc != SQLITE_DONE)
        return db.error("not a Quorum Studio recording, or the file is corrupt");

    if (tableCount == 0) {
        if (!writable)
            return path + ": the file is empty; it holds no recording";
        std::string failed = db.exec("BEGIN");
        if (failed.empty())
            failed = db.exec(kCreateSchema);
        if (failed.empty()) {
            Statement meta(handle, "INSERT INTO meta(key, value) VALUES (?1, ?2)");
            meta.bindText(1, "schema_version");
            meta.bindText(2, std::to_string(kSchemaVersion));
            if (meta.step() != SQLITE_DONE)
                failed = db.error("cannot write the schema version");
            meta.reset();
            meta.bindText(1, "application");
            meta.bindText(2, kApplicationId);
            if (failed.empty() && meta.step() != SQLITE_DONE)
                failed = db.error("cannot write the schema version");
        }
        if (!failed.empty()) {
            db.exec("ROLLBACK");
            return failed;
        }
        return db.exec("COMMIT");
    }

    if (!hasMeta)
        return path + ": not a Quorum Studio recording (a SQLite database without a 'meta' table)";
    Statement version(handle, "SELECT value FROM meta WHERE key = 'schema_version'");
    if (!version.valid())
        return db.error("cannot read the schema version");
    rc = version.step();
    if (rc == SQLITE_DONE)
        return path + ": not a Quorum Studio recording (no schema_version in its 'meta' table)";
    if (rc != SQLITE_ROW)
        return db.error("cannot read the schema version");
    const std::string text = version.text(0);
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 1)
        return path + ": invalid schema_version '" + text + "' in its 'meta' table";
    if (value > kSchemaVersion)
        return path + ": recorded with schema version " + std::to_string(value) +
               ", newer than this version of Quorum Studio reads (" + std::to_string(kSchemaVersion) +
               "); open it with a newer Quorum Studio";
    return {};
}

} // namespace

std::unique_ptr<Database> openRecording(const std::string &path, bool writable, std::string &error)
{
    const int flags = writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
    auto db = Database::open(path, flags, writable ? "cannot create or open the recording" : "cannot open the recording",
                             error);
    if (!db)
        return nullptr;
    error = prepareSchema(*db, writable);
    if (!error.empty())
        return nullptr;
    return db;
}

} // namespace quorum::telemetry::detail
