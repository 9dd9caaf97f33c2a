#pragma once

// A member's view of the whole log: the stable part in Storage plus the Unstable tail, with the
// commit and apply cursors. Invariant: applied <= committed <= lastIndex(), and committed entries
// are never truncated (a request to do so aborts — it would mean two different entries were
// committed at one index).

#include "engine/raft/Storage.h"
#include "engine/raft/Unstable.h"

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace quorum::raft {

class RaftLog {
public:
    /// Starts from what `storage` holds: committed and applied at its snapshot index.
    /// `maxCommittedSize` bounds nextCommittedEntries(). Storage must outlive the log.
    RaftLog(const Storage &storage, std::uint64_t maxCommittedSize);

    std::uint64_t firstIndex() const;
    std::uint64_t lastIndex() const;
    std::uint64_t lastTerm() const;
    std::uint64_t committed() const { return m_committed; }
    std::uint64_t applied() const { return m_applied; }

    /// Term of entry i: Compacted before the snapshot, Unavailable after the last entry.
    StorageResult<std::uint64_t> term(std::uint64_t i) const;
    /// Term of entry i, or 0 if it is not available.
    std::uint64_t termOrZero(std::uint64_t i) const;
    /// True if entry i exists with term t.
    bool matchTerm(std::uint64_t i, std::uint64_t t) const;
    /// True if a log ending at (lastIndex, lastTerm) is at least as up to date as this one
    /// (Raft §5.4.1: later last term wins; same term, longer log wins).
    bool isUpToDate(std::uint64_t lastIndex, std::uint64_t lastTerm) const;

    /// Follower side of MsgApp: if entry `index` has term `logTerm`, appends `entries` after it
    /// (truncating a conflicting suffix), commits up to min(commit, last new index) and returns
    /// the last new index. nullopt if the terms do not match (the leader must back up).
    std::optional<std::uint64_t> maybeAppend(std::uint64_t index, std::uint64_t logTerm, std::uint64_t commit,
                                             const std::vector<Entry> &entries);
    /// Appends after truncating at entries[0].index; returns the new last index.
    /// Aborts if that would truncate a committed entry.
    std::uint64_t append(const std::vector<Entry> &entries);
    /// Index of the first entry whose term differs from ours (or that we do not have), 0 if
    /// every entry already matches.
    std::uint64_t findConflict(const std::vector<Entry> &entries) const;
    /// Largest (index', term') with index' <= index and term' <= term in our log: where a
    /// rejected MsgApp should resume. Used on both sides to skip a whole term per round trip.
    std::pair<std::uint64_t, std::uint64_t> findConflictByTerm(std::uint64_t index, std::uint64_t term) const;

    /// Leader side: commits up to maxIndex only if that entry is from `term` (the current term).
    /// Raft §5.4.2 (Figure 8): entries of earlier terms are committed only indirectly.
    bool maybeCommit(std::uint64_t maxIndex, std::uint64_t term);
    /// Raises the commit index; never lowers it. Aborts if past the last index.
    void commitTo(std::uint64_t commit);
    /// Precondition: applied() <= i <= committed().
    void appliedTo(std::uint64_t i);

    void stableTo(std::uint64_t i, std::uint64_t t) { m_unstable.stableTo(i, t); }
    void stableSnapTo(std::uint64_t i) { m_unstable.stableSnapTo(i); }
    /// Replaces the log with a snapshot (follower install). Commit moves to its index.
    void restore(const Snapshot &s);

    /// Entries not yet persisted.
    const std::vector<Entry> &unstableEntries() const { return m_unstable.entries(); }
    /// Snapshot not yet persisted.
    const std::optional<Snapshot> &unstableSnapshot() const { return m_unstable.snapshot(); }
    bool hasPendingSnapshot() const { return m_unstable.snapshot().has_value(); }
    /// Committed entries after applied, at most maxCommittedSize bytes (at least one).
    std::vector<Entry> nextCommittedEntries() const;
    bool hasNextCommittedEntries() const;

    /// Entries from i to the end, at most maxSize bytes: Compacted if i is before firstIndex().
    StorageResult<std::vector<Entry>> entries(std::uint64_t i, std::uint64_t maxSize) const;
    /// Entries [lo, hi), at most maxSize bytes. Compacted if lo < firstIndex(); aborts if hi is
    /// past lastIndex() + 1.
    StorageResult<std::vector<Entry>> slice(std::uint64_t lo, std::uint64_t hi, std::uint64_t maxSize) const;
    /// The snapshot to send a follower: the pending one if any, else the storage's.
    StorageResult<Snapshot> snapshot() const;

private:
    const Storage &m_storage;
    Unstable m_unstable;
    std::uint64_t m_committed = 0;
    std::uint64_t m_applied = 0;
    std::uint64_t m_maxCommittedSize;
};

} // namespace quorum::raft
