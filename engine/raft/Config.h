#pragma once

// Configuration of one raft member. Times are in ticks: the driver calls RawNode::tick() at a
// fixed interval of its choosing. With etcd's usual 100 ms tick the defaults below are etcd's
// defaults: heartbeat 100 ms (1 tick), election timeout 1000 ms (10 ticks), randomized per
// election in [electionTick, 2 * electionTick).

#include "engine/raft/Types.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace quorum::raft {

enum class LogLevel : std::uint8_t { Debug, Info, Warning };
const char *toString(LogLevel level);

/// Receives the core's log lines ("2 became leader at term 3"). Called synchronously from
/// inside tick/step/propose on the driver's thread; must not call back into the RawNode.
class Logger {
public:
    virtual ~Logger() = default;
    virtual void log(LogLevel level, const std::string &line) = 0;
};

struct Config {
    /// This member's id; must not be kNone.
    NodeId id = kNone;

    /// Ticks without hearing from a leader before a follower campaigns (randomized up to 2x).
    /// Must be greater than heartbeatTick (etcd recommends 10x).
    int electionTick = 10;
    /// Ticks between leader heartbeats.
    int heartbeatTick = 1;

    /// Last index the application has already applied (restart); at most the stored commit
    /// index. 0: the storage's snapshot index.
    std::uint64_t applied = 0;

    /// Byte limit of the entries in one MsgApp (see entrySize). 0 means one entry per message.
    std::uint64_t maxSizePerMsg = 1024 * 1024;
    /// Byte limit of Ready::committedEntries; 0 means "same as maxSizePerMsg".
    std::uint64_t maxCommittedSizePerReady = 0;
    /// Flow control: at most this many MsgApp in flight to a replicating follower.
    std::size_t maxInflightMsgs = 256;
    /// Flow control: at most this many entry bytes in flight to a follower; 0 means no limit.
    std::uint64_t maxInflightBytes = 0;

    /// Leader steps down when it has not heard from a quorum within an election timeout;
    /// followers that heard from a leader within the timeout ignore vote requests (lease).
    bool checkQuorum = true;
    /// Campaign with a pre-vote round first, so a member that cannot win does not raise the term.
    bool preVote = true;
    /// If true, a follower refuses proposals (NotLeader) instead of forwarding them to the leader.
    bool disableProposalForwarding = false;

    /// Seeds this member's PRNG (only used for election timeouts), mixed with the id so that
    /// members sharing one seed still draw different timeouts. Same seed: same run.
    std::uint64_t seed = 0;

    /// Optional sink for log lines; not owned, must outlive the RawNode. Null: no logging.
    Logger *logger = nullptr;

    /// Empty if the configuration is usable, else what is wrong with it.
    std::string validate() const;
};

} // namespace quorum::raft
