#pragma once

// The tail of the log that the driver has not persisted yet: an optional incoming snapshot and
// the entries after it (or after the stable log). Entries move out once the driver reports them
// stable (RawNode::advance).

#include "engine/raft/Types.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace quorum::raft {

class Unstable {
public:
    /// `offset`: index the first unstable entry will have (stable last index + 1).
    explicit Unstable(std::uint64_t offset = 1)
        : m_offset(offset)
    {
    }

    /// First log index if a pending snapshot defines it.
    std::optional<std::uint64_t> maybeFirstIndex() const;
    /// Last log index if unstable entries or a pending snapshot define it.
    std::optional<std::uint64_t> maybeLastIndex() const;
    /// Term of entry i if this part of the log knows it.
    std::optional<std::uint64_t> maybeTerm(std::uint64_t i) const;

    /// Entries up to (i, t) were persisted. Ignored if (i, t) is no longer in the unstable log
    /// (it was replaced meanwhile by entries of another term).
    void stableTo(std::uint64_t i, std::uint64_t t);
    /// The pending snapshot at index i was persisted.
    void stableSnapTo(std::uint64_t i);

    /// Replaces everything with an incoming snapshot.
    void restore(const Snapshot &s);
    /// Appends, truncating any unstable entries at or after the first new index.
    /// Precondition: entries non-empty and contiguous.
    void truncateAndAppend(const std::vector<Entry> &entries);

    /// Entries [lo, hi). Precondition: offset() <= lo <= hi <= offset() + entries().size().
    std::vector<Entry> slice(std::uint64_t lo, std::uint64_t hi) const;

    std::uint64_t offset() const { return m_offset; }
    const std::vector<Entry> &entries() const { return m_entries; }
    const std::optional<Snapshot> &snapshot() const { return m_snapshot; }

private:
    std::optional<Snapshot> m_snapshot;
    std::vector<Entry> m_entries;
    std::uint64_t m_offset; // index of m_entries[0]
};

} // namespace quorum::raft
