#pragma once

// Reads recordings that SqliteRecorder wrote, for replay: the runs, and each run's events and
// samples in a time range.

#include "engine/telemetry/Event.h"
#include "engine/telemetry/Sample.h"
#include "engine/telemetry/SqliteRecorder.h"

#include <memory>
#include <string>
#include <vector>

namespace quorum::telemetry {

/// Rows read from a recording, or a message naming the file (then rows is empty).
template <typename T> struct Rows {
    std::vector<T> rows;
    std::string error;
    bool ok() const { return error.empty(); }
};

/// Read-only view of a recording file. Not thread-safe; one reader per thread.
class SqliteReader {
public:
    /// Opens read-only. Errors name the file: missing, not a recording, corrupt, newer schema.
    static Opened<SqliteReader> open(const std::string &path);
    ~SqliteReader();

    const std::string &path() const;
    /// All runs, oldest first.
    Rows<RunInfo> runs() const;
    /// The run's events with time in [from, to), in time order (ties in recording order).
    Rows<Event> events(std::int64_t run, Micros from, Micros to) const;
    /// The run's samples with time in [from, to), in time order.
    Rows<Sample> samples(std::int64_t run, Micros from, Micros to) const;

private:
    explicit SqliteReader(std::unique_ptr<sqlite::Database> db);
    std::unique_ptr<sqlite::Database> m_db;
};

} // namespace quorum::telemetry
