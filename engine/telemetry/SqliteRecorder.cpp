#include "engine/telemetry/SqliteRecorder.h"

#include "engine/telemetry/SqliteDb.h"

namespace quorum::telemetry {

using detail::Database;
using detail::Statement;

SqliteRecorder::SqliteRecorder(std::unique_ptr<Database> db, Options options)
    : m_db(std::move(db)), m_options(options)
{
    if (m_options.batchRows == 0)
        m_options.batchRows = 1;
}

Opened<SqliteRecorder> SqliteRecorder::open(const std::string &path, const RunInfo &run, Options options)
{
    Opened<SqliteRecorder> result;
    auto db = detail::openRecording(path, true, result.error);
    if (!db)
        return result;
    // WAL lets a replay read the file while a run is being recorded; NORMAL sync keeps commits
    // cheap and still never corrupts the file (a power cut may lose the last transactions).
    if (std::string e = db->exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL"); !e.empty()) {
        result.error = e;
        return result;
    }
    if (options.keepRuns > 0) {
        // The newest keepRuns - 1 runs stay; the new one comes next.
        const std::string older = "(SELECT id FROM runs ORDER BY id DESC LIMIT -1 OFFSET " +
                                  std::to_string(options.keepRuns - 1) + ")";
        const std::string prune = "BEGIN; DELETE FROM events WHERE run IN " + older + "; DELETE FROM samples WHERE run IN " +
                                  older + "; DELETE FROM runs WHERE id IN " + older + "; COMMIT";
        if (std::string e = db->exec(prune.c_str()); !e.empty()) {
            db->exec("ROLLBACK");
            result.error = e;
            return result;
        }
    }
    Statement insertRun(db->handle(),
                        "INSERT INTO runs(started_label, topology_name, seed, scenario) VALUES (?1, ?2, ?3, ?4)");
    if (!insertRun.valid()) {
        result.error = db->error("cannot add a run");
        return result;
    }
    insertRun.bindText(1, run.startedLabel);
    insertRun.bindText(2, run.topologyName);
    insertRun.bind(3, static_cast<std::int64_t>(run.seed));
    insertRun.bindText(4, run.scenario);
    if (insertRun.step() != SQLITE_DONE) {
        result.error = db->error("cannot add a run");
        return result;
    }
    const std::int64_t runId = sqlite3_last_insert_rowid(db->handle());
    auto insertEvent = std::make_unique<Statement>(
        db->handle(), "INSERT INTO events(run, time_us, kind, type, object, reason, message, attrs) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    auto insertSample =
        std::make_unique<Statement>(db->handle(), "INSERT INTO samples(run, time_us, data) VALUES (?1, ?2, ?3)");
    if (!insertEvent->valid() || !insertSample->valid()) {
        result.error = db->error("cannot prepare the recording");
        return result;
    }
    result.value.reset(new SqliteRecorder(std::move(db), options));
    result.value->m_runId = runId;
    result.value->m_insertEvent = std::move(insertEvent);
    result.value->m_insertSample = std::move(insertSample);
    return result;
}

std::string prepareRecording(const std::string &path)
{
    std::string error;
    detail::openRecording(path, true, error);
    return error;
}

SqliteRecorder::~SqliteRecorder()
{
    flush();
    // Statements before the database: sqlite3_close_v2 would otherwise defer the close.
    m_insertEvent.reset();
    m_insertSample.reset();
}

const std::string &SqliteRecorder::path() const
{
    return m_db->path();
}

void SqliteRecorder::fail(const std::string &message)
{
    if (m_error.empty())
        m_error = message;
    if (m_inTransaction) {
        m_db->exec("ROLLBACK");
        m_inTransaction = false;
    }
}

bool SqliteRecorder::beginRow()
{
    if (!m_error.empty())
        return false;
    if (!m_inTransaction) {
        if (std::string e = m_db->exec("BEGIN"); !e.empty()) {
            fail(e);
            return false;
        }
        m_inTransaction = true;
        m_pending = 0;
    }
    return true;
}

void SqliteRecorder::endRow(int rc, const char *what)
{
    if (rc != SQLITE_DONE) {
        fail(m_db->error(what));
        return;
    }
    if (++m_pending >= m_options.batchRows)
        flush();
}

void SqliteRecorder::onEvent(const Event &e)
{
    if (!beginRow())
        return;
    Statement &s = *m_insertEvent;
    s.bind(1, m_runId);
    s.bind(2, e.time);
    s.bindText(3, toString(e.kind));
    s.bindText(4, toString(e.type));
    s.bindText(5, e.object);
    s.bindText(6, e.reason);
    s.bindText(7, e.message);
    s.bindText(8, attrsToJson(e.attrs));
    const int rc = s.step();
    s.reset();
    if (rc == SQLITE_DONE)
        ++m_events;
    endRow(rc, "cannot write an event");
}

void SqliteRecorder::onSample(const Sample &sample)
{
    if (!beginRow())
        return;
    Statement &s = *m_insertSample;
    s.bind(1, m_runId);
    s.bind(2, sample.time);
    s.bindBlob(3, encodeSample(sample));
    const int rc = s.step();
    s.reset();
    if (rc == SQLITE_DONE)
        ++m_samples;
    endRow(rc, "cannot write a sample");
}

void SqliteRecorder::flush()
{
    if (!m_inTransaction)
        return;
    m_inTransaction = false;
    m_pending = 0;
    if (std::string e = m_db->exec("COMMIT"); !e.empty()) {
        m_db->exec("ROLLBACK");
        if (m_error.empty())
            m_error = e;
    }
}

} // namespace quorum::telemetry
