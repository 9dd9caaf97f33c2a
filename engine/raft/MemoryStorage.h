#pragma once

// Storage kept in memory: what tests and the simulator use. Not synchronized: the driver calls
// it and its RawNode from one thread.

#include "engine/raft/Storage.h"

#include <optional>

namespace quorum::raft {

class MemoryStorage final : public Storage {
public:
    /// An empty log: a dummy entry at index 0, term 0, no snapshot, empty hard state.
    MemoryStorage();

    InitialState initialState() const override;
    StorageResult<std::vector<Entry>> entries(std::uint64_t lo, std::uint64_t hi,
                                              std::uint64_t maxSize) const override;
    StorageResult<std::uint64_t> term(std::uint64_t i) const override;
    std::uint64_t firstIndex() const override;
    std::uint64_t lastIndex() const override;
    StorageResult<Snapshot> snapshot() const override;
    /// The current snapshot's metadata (no copy of its data).
    const SnapshotMetadata &snapshotMetadata() const { return m_snapshot.metadata; }

    void setHardState(const HardState &hs);
    const HardState &hardState() const { return m_hardState; }

    /// Appends entries (Ready::entries). An entry that overlaps the log replaces it and
    /// everything after it. Entries at or before the snapshot are ignored. Precondition: the
    /// first new entry is at most lastIndex() + 1 (no gap) — aborts otherwise.
    void append(const std::vector<Entry> &entries);

    /// Replaces the whole log by a snapshot (Ready::snapshot, or bootstrap). OutOfDate if the
    /// snapshot is not newer than the current one.
    StorageStatus applySnapshot(const Snapshot &snapshot);

    /// Records a snapshot of the application state at index i (<= lastIndex()) and returns it.
    /// `confState`: the configuration as of index i. OutOfDate if i is not past the current
    /// snapshot, Compacted if the log before i is gone already. Does not compact; call compact(i)
    /// when the log before i can go.
    StorageResult<Snapshot> createSnapshot(std::uint64_t i, const ConfState &confState, std::string data);

    /// Discards entries before compactIndex (it stays as the new dummy entry, so its term is
    /// still known). Compacted if already done; aborts if compactIndex > lastIndex().
    StorageStatus compact(std::uint64_t compactIndex);

    /// Bootstraps a member of a new cluster: a snapshot at `index`/`term` carrying `confState`
    /// and a hard state at that term and commit. All initial members get the same call; members
    /// added later start empty and receive a snapshot from the leader.
    void bootstrap(const ConfState &confState, std::uint64_t index = 1, std::uint64_t term = 1);

    /// Test hook: makes snapshot() report SnapshotTemporarilyUnavailable while set.
    void setSnapshotUnavailable(bool unavailable) { m_snapshotUnavailable = unavailable; }

private:
    std::uint64_t offset() const { return m_entries.front().index; }

    HardState m_hardState;
    Snapshot m_snapshot;
    // m_entries[0] is a dummy holding the snapshot (or compaction) index and term.
    std::vector<Entry> m_entries;
    bool m_snapshotUnavailable = false;
};

} // namespace quorum::raft
