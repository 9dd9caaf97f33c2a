#pragma once

// Replaying WAL records into the log they describe. Pure logic, no I/O: Wal::open feeds it the
// records of every segment in order, and tests feed it hand-made sequences.
//
// Rules (later records win):
//  - An entry at index i replaces the entry at i and drops everything after it (a raft log
//    conflict), then the log continues from i. An entry past lastIndex() + 1 is a gap: refused.
//  - A snapshot record at (index, term) records that a snapshot file with that point was saved.
//    If the log holds that entry with that term, it was a local snapshot and the log is kept.
//    Otherwise it was a snapshot installed from the leader: the log restarts after it.
//  - Hard state and snapshot records set the hard state.
//  - When older segments were released, the log starts at the first segment's firstIndex - 1
//    with an unknown term; a snapshot must cover it (DurableStorage checks).

#include "engine/durable/WalFormat.h"

#include <optional>
#include <vector>

namespace quorum::durable {

/// The log, hard state and snapshot points a WAL describes.
struct WalState {
    raft::HardState hardState;
    /// Snapshot points recorded by snapshot records or restated by segment headers; ascending.
    std::vector<wal::SnapshotPoint> snapshots;
    /// The log holds entries base + 1 ... base + entries.size().
    std::uint64_t base = 0;
    /// Term of entry `base`, if known (always for base 0; unknown after a release).
    std::optional<std::uint64_t> baseTerm = 0;
    std::vector<raft::Entry> entries;

    std::uint64_t lastIndex() const { return base + entries.size(); }
    /// Term of entry i if the state knows it.
    std::optional<std::uint64_t> term(std::uint64_t i) const;
};

/// Applies records in order to a WalState.
class WalReplayer {
public:
    /// Starts a segment. The first segment replayed decides where the log begins: seq 1 begins
    /// at index 0; a later seq (older segments were released) at header.firstIndex - 1.
    /// Fails if the restated hard state disagrees with the segments replayed before.
    Status beginSegment(const wal::SegmentHeader &header);
    /// Applies one record other than a segment header. Fails on a gap in entry indexes.
    Status apply(const wal::Record &record);

    const WalState &state() const { return m_state; }
    WalState take() { return std::move(m_state); }

private:
    void addSnapshotPoint(const wal::SnapshotPoint &p);

    WalState m_state;
    bool m_started = false;
};

} // namespace quorum::durable
