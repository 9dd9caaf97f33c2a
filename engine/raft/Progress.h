#pragma once

// What the leader knows about each member's log, and the flow control of MsgApp towards it.

#include "engine/raft/Types.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace quorum::raft {

/// A sliding window of MsgApp in flight to one follower, each remembered by the last index it
/// carried and its entry bytes. Full when either the count or the byte limit is reached.
class Inflights {
public:
    /// maxBytes == 0: no byte limit. Precondition: maxCount > 0.
    Inflights(std::size_t maxCount, std::uint64_t maxBytes);

    /// Records a message whose last entry is `index`. Preconditions: !full(), index greater than
    /// every recorded one.
    void add(std::uint64_t index, std::uint64_t bytes);
    /// Forgets every message up to and including `index` (acknowledged).
    void freeLE(std::uint64_t index);
    /// Forgets the oldest message: lets a stalled window (all its messages lost) send again.
    void freeFirstOne();
    bool full() const;
    std::size_t count() const { return m_count; }
    std::uint64_t bytes() const { return m_bytes; }
    void reset();

private:
    struct Item {
        std::uint64_t index = 0;
        std::uint64_t bytes = 0;
    };

    std::size_t m_maxCount;
    std::uint64_t m_maxBytes;
    std::vector<Item> m_ring; // grows up to m_maxCount on demand
    std::size_t m_start = 0;
    std::size_t m_count = 0;
    std::uint64_t m_bytes = 0;
};

enum class ProgressState : std::uint8_t {
    Probe,     ///< unknown match: one MsgApp at a time until the follower accepts one
    Replicate, ///< streaming optimistically, limited by Inflights
    Snapshot,  ///< waiting for a snapshot to be installed; nothing else is sent
};
const char *toString(ProgressState s);

/// The leader's view of one member. match: highest index known to be replicated there;
/// next: the next index to send. Invariant: match < next.
struct Progress {
    Progress(std::size_t maxInflight, std::uint64_t maxInflightBytes)
        : inflights(maxInflight, maxInflightBytes)
    {
    }

    std::uint64_t match = 0;
    std::uint64_t next = 1;
    ProgressState state = ProgressState::Probe;
    /// Snapshot state: index of the snapshot being sent.
    std::uint64_t pendingSnapshot = 0;
    /// Heard from since the last CheckQuorum (leader) — also set when the member is added.
    bool recentActive = false;
    /// Probe state: a MsgApp was sent and we wait for an answer (or a heartbeat response).
    bool msgAppFlowPaused = false;
    Inflights inflights;
    bool isLearner = false;

    void becomeProbe();
    void becomeReplicate();
    void becomeSnapshot(std::uint64_t snapshotIndex);
    /// A follower acknowledged up to n. Returns false if that is old news.
    bool maybeUpdate(std::uint64_t n);
    /// Replicate state: entries up to n were sent; assume they will arrive.
    void optimisticUpdate(std::uint64_t n) { next = n + 1; }
    /// A follower rejected MsgApp at `rejected`, hinting that it matches at most up to
    /// `matchHint`. Returns false if the rejection is stale (out of order).
    bool maybeDecrTo(std::uint64_t rejected, std::uint64_t matchHint);
    /// Whether sending more MsgApp to this member must wait.
    bool isPaused() const;

private:
    void resetState(ProgressState s);
};

} // namespace quorum::raft
