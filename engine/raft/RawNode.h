#pragma once

// The public face of the raft core (etcd-io/raft's RawNode). A driver owns one RawNode per
// member and runs this loop on one thread:
//
//     node.tick() every tick; node.step(m) for every message received; propose/... on demand;
//     while (node.hasReady()) {
//         Ready rd = node.ready();
//         persist rd.hardState, rd.snapshot, rd.entries   (durably, if rd.mustSync)
//         send rd.messages                                 (only after persisting!)
//         apply rd.snapshot, then rd.committedEntries      (applyConfChange for conf changes)
//         node.advance(rd);
//     }
//
// Nothing here blocks, sleeps, reads a clock or does I/O; given the same inputs (and
// Config::seed) the outputs are the same.

#include "engine/raft/ConfChange.h"
#include "engine/raft/Config.h"
#include "engine/raft/Progress.h"
#include "engine/raft/Raft.h"
#include "engine/raft/Storage.h"
#include "engine/raft/Types.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace quorum::raft {

/// One batch of work for the driver. See the loop in the file comment for the order.
struct Ready {
    std::optional<SoftState> softState; ///< set when leader or role changed (not persisted)
    std::optional<HardState> hardState; ///< set when term, vote or commit changed: persist
    std::vector<ReadState> readStates;  ///< answered ReadIndex requests
    std::vector<Entry> entries;         ///< append to stable storage (may overwrite a suffix)
    std::optional<Snapshot> snapshot;   ///< persist and apply (replaces the log)
    std::vector<Entry> committedEntries; ///< apply to the state machine, in order
    std::vector<Message> messages;      ///< send after persisting the above
    /// True if entries, snapshot, term or vote changed: the write must be synced before sending.
    bool mustSync = false;
};

enum class StepResult : std::uint8_t {
    Ok,
    LocalMessage, ///< a message type the network must never deliver (MsgHup, MsgBeat, ...)
    UnknownPeer,  ///< a response from a member not in the configuration
};
const char *toString(StepResult r);

enum class SnapshotStatus : std::uint8_t { Finish, Failure };

/// A snapshot of a member's state for monitoring and tests.
struct Status {
    NodeId id = kNone;
    HardState hardState;
    SoftState softState;
    std::uint64_t applied = 0;
    std::uint64_t lastIndex = 0;
    NodeId leadTransferee = kNone;
    ConfState config;
    /// Per-member replication state; filled on the leader only.
    std::map<NodeId, Progress> progress;
};

/// One member. Not thread-safe: the driver calls it, and reads its Storage, from one thread.
class RawNode {
public:
    /// Starts (or restarts) a member from `storage`, which must outlive the node and is only
    /// read by it. Aborts if config.validate() fails.
    RawNode(const Config &config, const Storage &storage);
    ~RawNode();
    RawNode(const RawNode &) = delete;
    RawNode &operator=(const RawNode &) = delete;

    /// Advances the logical clock by one tick (Config: electionTick, heartbeatTick).
    void tick();
    /// Starts an election now (PreVote first if configured). Ignored by leaders and learners.
    void campaign();
    /// Proposes application data. Ok means accepted by the leader (or forwarded to it); only
    /// a committed entry is durable, so callers watch committedEntries for it.
    ProposeResult propose(std::string data);
    /// Proposes several entries at once: all or none are accepted, and the leader replicates
    /// them in one message per follower instead of one per entry. Precondition: non-empty.
    ProposeResult proposeBatch(std::vector<std::string> batch);
    /// Proposes a membership change; it takes effect when applied (applyConfChange).
    ProposeResult proposeConfChange(const ConfChange &cc);
    /// Feeds a message received from the network.
    StepResult step(const Message &m);
    /// Applies a committed EntryConfChange; call it while applying that entry. Returns the new
    /// configuration (to store with snapshots).
    ConfState applyConfChange(const ConfChange &cc);
    /// Asks the leader (directly or via this follower) to hand leadership to `transferee`.
    void transferLeadership(NodeId transferee);
    /// Requests a linearizable read point; the answer arrives as a ReadState with the same
    /// context. Precondition: ctx is non-empty and unique among this member's pending requests.
    ProposeResult readIndex(std::string ctx);
    /// The transport could not deliver to `id`: stop optimistic replication to it.
    void reportUnreachable(NodeId id);
    /// The transport finished (or failed) sending a snapshot to `id`.
    void reportSnapshot(NodeId id, SnapshotStatus status);

    /// Whether ready() has something. False while a Ready is outstanding (not yet advanced).
    bool hasReady() const;
    /// Collects the pending work. Precondition: the previous Ready was advanced.
    Ready ready();
    /// Acknowledges that `rd` (the last Ready) was persisted, sent and applied.
    void advance(const Ready &rd);

    /// Current state; `withProgress` also copies the leader's per-member Progress.
    Status status(bool withProgress = true) const;
    /// Read access to the state machine, for tests and inspection.
    const Raft &raft() const { return *m_raft; }

private:
    std::unique_ptr<Raft> m_raft;
    SoftState m_prevSoftState;
    HardState m_prevHardState;
    bool m_readyOutstanding = false;
};

} // namespace quorum::raft
