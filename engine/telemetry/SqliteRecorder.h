#pragma once

// The history recorder: writes runs, events and samples into a schema-versioned SQLite file
// that SqliteReader replays. Schema in docs/telemetry.md.

#include "engine/telemetry/Sink.h"

#include <cstdint>
#include <memory>
#include <string>

namespace quorum::sqlite {
class Database;
class Statement;
} // namespace quorum::sqlite

namespace quorum::telemetry {

/// One recorded run (a row of the runs table).
struct RunInfo {
    std::int64_t id = 0;        ///< assigned by the database; ignored when recording
    std::string startedLabel;   ///< free text, typically the wall-clock start "2026-11-22 10:15:00"
    std::string topologyName;
    std::uint64_t seed = 0;
    std::string scenario;       ///< scenario name or file; empty for an interactive run
    bool operator==(const RunInfo &) const = default;
};

/// A Sink that appends one run to a recording file. Rows are written in transactions of
/// `batchRows` rows (and on flush()), so a crash loses at most the last unflushed batch.
/// Not thread-safe: call from the producer's thread.
class SqliteRecorder final : public Sink {
public:
    struct Options {
        std::size_t batchRows = 2000;  ///< rows per transaction
        /// With N > 0, open() first deletes the oldest runs so that, with the new one, at most N
        /// runs remain in the file (their events and samples go with them). 0 keeps every run.
        int keepRuns = 0;
    };

    /// Opens (or creates) the file and adds a run. Errors name the file: not a recording,
    /// corrupt, newer schema version, no permission.
    static Opened<SqliteRecorder> open(const std::string &path, const RunInfo &run, Options options);
    static Opened<SqliteRecorder> open(const std::string &path, const RunInfo &run) { return open(path, run, Options{}); }
    /// Commits what is pending.
    ~SqliteRecorder() override;

    void onEvent(const Event &event) override;
    void onSample(const Sample &sample) override;
    /// Commits the current transaction.
    void flush() override;

    std::int64_t runId() const { return m_runId; }
    const std::string &path() const;
    /// The first write error (naming the file), or empty. After an error nothing more is written.
    const std::string &error() const { return m_error; }
    std::uint64_t eventsWritten() const { return m_events; }
    std::uint64_t samplesWritten() const { return m_samples; }

private:
    SqliteRecorder(std::unique_ptr<sqlite::Database> db, Options options);
    /// Opens a transaction if none is open; false after an error.
    bool beginRow();
    void endRow(int rc, const char *what);
    void fail(const std::string &message);

    std::unique_ptr<sqlite::Database> m_db;
    std::unique_ptr<sqlite::Statement> m_insertEvent;
    std::unique_ptr<sqlite::Statement> m_insertSample;
    Options m_options;
    std::int64_t m_runId = 0;
    std::size_t m_pending = 0;  ///< rows in the open transaction
    bool m_inTransaction = false;
    std::uint64_t m_events = 0;
    std::uint64_t m_samples = 0;
    std::string m_error;
};

/// Creates `path` as a recording without runs, or checks that an existing file is one; "" or
/// the error naming the file (not a recording, corrupt, newer schema, no permission).
std::string prepareRecording(const std::string &path);

} // namespace quorum::telemetry
