#pragma once

// The stable storage the raft core reads from. The core never writes to it: the driver persists
// what a Ready hands out (hard state, entries, snapshot) and only then calls advance(). The
// in-memory implementation is MemoryStorage; a durable WAL-backed one implements the same
// interface.
//
// Log layout: the storage holds entries [firstIndex(), lastIndex()]. The entry before
// firstIndex() was compacted into the snapshot; its term stays readable through term() so the
// leader can still check consistency at the snapshot boundary.

#include "engine/raft/Types.h"

#include <cstdint>
#include <vector>

namespace quorum::raft {

/// Expected storage outcomes. Anything else a storage can get wrong (I/O errors, corruption)
/// is its own business to report before the raft core ever sees it.
enum class StorageStatus : std::uint8_t {
    Ok,
    Compacted,                      ///< the index is at or before the snapshot
    Unavailable,                    ///< the index is after the last entry
    SnapshotTemporarilyUnavailable, ///< a snapshot is being built; the leader retries later
    OutOfDate,                      ///< a snapshot/compaction request older than the current one
};

const char *toString(StorageStatus s);

/// A value or why there is none.
template <typename T>
struct StorageResult {
    StorageStatus status = StorageStatus::Ok;
    T value{};

    bool ok() const { return status == StorageStatus::Ok; }
};

/// What a member recovers from on start: its last hard state and the configuration as of the
/// last applied snapshot (later configuration changes are replayed from the log).
struct InitialState {
    HardState hardState;
    ConfState confState;
};

/// Read side of a member's stable storage. Called only from the thread that drives the
/// RawNode, between (never during) the driver's writes.
class Storage {
public:
    virtual ~Storage() = default;

    virtual InitialState initialState() const = 0;
    /// Entries [lo, hi), at most maxSize bytes (entrySize) but always at least one if any.
    /// Preconditions: firstIndex() <= lo <= hi <= lastIndex() + 1, else Compacted / abort.
    virtual StorageResult<std::vector<Entry>> entries(std::uint64_t lo, std::uint64_t hi,
                                                      std::uint64_t maxSize) const = 0;
    /// Term of entry i, for i in [firstIndex() - 1, lastIndex()].
    virtual StorageResult<std::uint64_t> term(std::uint64_t i) const = 0;
    /// Index of the first entry still in the log (snapshot index + 1).
    virtual std::uint64_t firstIndex() const = 0;
    /// Index of the last entry (the snapshot index if the log is empty).
    virtual std::uint64_t lastIndex() const = 0;
    /// The most recent snapshot (may be SnapshotTemporarilyUnavailable).
    virtual StorageResult<Snapshot> snapshot() const = 0;
};

/// Keeps the longest prefix of `entries` within maxSize bytes (entrySize), but at least one entry.
void limitSize(std::vector<Entry> &entries, std::uint64_t maxSize);

/// Sentinel for "no size limit" in entries() calls.
inline constexpr std::uint64_t kNoLimit = UINT64_MAX;

} // namespace quorum::raft
