#include "engine/telemetry/SqliteReader.h"

#include "engine/telemetry/CsvSink.h"
#include "engine/telemetry/SqliteDb.h"

namespace quorum::telemetry {

using detail::Database;
using detail::Statement;

SqliteReader::SqliteReader(std::unique_ptr<Database> db) : m_db(std::move(db)) {}

SqliteReader::~SqliteReader() = default;

Opened<SqliteReader> SqliteReader::open(const std::string &path)
{
    Opened<SqliteReader> result;
    auto db = detail::openRecording(path, false, result.error);
    if (db)
        result.value.reset(new SqliteReader(std::move(db)));
    return result;
}

const std::string &SqliteReader::path() const
{
    return m_db->path();
}

Rows<RunInfo> SqliteReader::runs() const
{
    Rows<RunInfo> result;
    Statement s(m_db->handle(), "SELECT id, started_label, topology_name, seed, scenario FROM runs ORDER BY id");
    if (!s.valid()) {
        result.error = m_db->error("cannot read the runs");
        return result;
    }
    int rc = SQLITE_ROW;
    while ((rc = s.step()) == SQLITE_ROW)
        result.rows.push_back(
            RunInfo{s.int64(0), s.text(1), s.text(2), static_cast<std::uint64_t>(s.int64(3)), s.text(4)});
    if (rc != SQLITE_DONE) {
        result.rows.clear();
        result.error = m_db->error("cannot read the runs");
    }
    return result;
}

Rows<Event> SqliteReader::events(std::int64_t run, Micros from, Micros to) const
{
    Rows<Event> result;
    Statement s(m_db->handle(), "SELECT time_us, kind, type, object, reason, message, attrs FROM events "
                                "WHERE run = ?1 AND time_us >= ?2 AND time_us < ?3 ORDER BY time_us, rowid");
    if (!s.valid()) {
        result.error = m_db->error("cannot read the events");
        return result;
    }
    s.bind(1, run);
    s.bind(2, from);
    s.bind(3, to);
    int rc = SQLITE_ROW;
    while ((rc = s.step()) == SQLITE_ROW) {
        Event e;
        e.time = s.int64(0);
        const std::string kind = s.text(1);
        const std::string type = s.text(2);
        auto k = eventKindFromString(kind);
        auto t = severityFromString(type);
        auto attrs = attrsFromJson(s.text(6));
        if (!k || !t || !attrs) {
            const std::string what = !k ? "unknown kind '" + kind + "'"
                                        : !t ? "unknown type '" + type + "'" : std::string("malformed attrs");
            result.rows.clear();
            result.error = m_db->path() + ": run " + std::to_string(run) + ", event at " + formatSeconds(e.time) +
                           " s: " + what;
            return result;
        }
        e.kind = *k;
        e.type = *t;
        e.object = s.text(3);
        e.reason = s.text(4);
        e.message = s.text(5);
        e.attrs = std::move(*attrs);
        result.rows.push_back(std::move(e));
    }
    if (rc != SQLITE_DONE) {
        result.rows.clear();
        result.error = m_db->error("cannot read the events");
    }
    return result;
}

Rows<Sample> SqliteReader::samples(std::int64_t run, Micros from, Micros to) const
{
    Rows<Sample> result;
    Statement s(m_db->handle(), "SELECT time_us, data FROM samples "
                                "WHERE run = ?1 AND time_us >= ?2 AND time_us < ?3 ORDER BY time_us, rowid");
    if (!s.valid()) {
        result.error = m_db->error("cannot read the samples");
        return result;
    }
    s.bind(1, run);
    s.bind(2, from);
    s.bind(3, to);
    int rc = SQLITE_ROW;
    while ((rc = s.step()) == SQLITE_ROW) {
        auto sample = decodeSample(s.blob(1));
        if (!sample) {
            result.rows.clear();
            result.error = m_db->path() + ": run " + std::to_string(run) + ", sample at " +
                           formatSeconds(s.int64(0)) + " s: unreadable data (corrupt, or a newer sample format)";
            return result;
        }
        result.rows.push_back(std::move(*sample));
    }
    if (rc != SQLITE_DONE) {
        result.rows.clear();
        result.error = m_db->error("cannot read the samples");
    }
    return result;
}

} // namespace quorum::telemetry
