#pragma once

// Value types of the raft core: log entries, messages, persistent and volatile state. Plain data
// so that drivers (simulator, daemon, WAL) can copy, store and print them freely.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::raft {

/// A member id. 0 (kNone) means "nobody" and is never a valid member.
using NodeId = std::uint64_t;
inline constexpr NodeId kNone = 0;

enum class EntryType : std::uint8_t {
    Normal,     ///< application data (empty data: the no-op a new leader appends)
    ConfChange, ///< data is an encoded ConfChange (see ConfChange.h)
};

/// The bytes of an entry, immutable and shared: copying an entry (into the unstable log, the
/// storage, one MsgApp per follower, a Ready) shares its bytes instead of copying them. It reads
/// like a const std::string; assigning replaces the bytes. Their hash is computed once for all
/// copies (hash()).
class Payload {
public:
    Payload() = default;
    Payload(std::string bytes) : m_block(bytes.empty() ? nullptr : std::make_shared<const Block>(std::move(bytes))) {}
    Payload(std::string_view bytes) : Payload(std::string(bytes)) {}
    Payload(const char *bytes) : Payload(std::string(bytes)) {}

    const std::string &str() const { return m_block ? m_block->bytes : emptyBytes(); }
    operator const std::string &() const { return str(); }
    operator std::string_view() const { return str(); }
    std::size_t size() const { return m_block ? m_block->bytes.size() : 0; }
    bool empty() const { return size() == 0; }
    const char *data() const { return str().data(); }
    void clear() { m_block.reset(); }
    /// std::hash of the bytes, computed on first use and kept with them (any thread).
    std::uint64_t hash() const
    {
        if (!m_block)
            return std::hash<std::string_view>{}(std::string_view());
        std::uint64_t h = m_block->hash.load(std::memory_order_relaxed);
        if (h == 0) { // not yet (or a hash of 0, computed each time)
            h = std::hash<std::string_view>{}(m_block->bytes);
            m_block->hash.store(h, std::memory_order_relaxed);
        }
        return h;
    }

    friend bool operator==(const Payload &a, const Payload &b) { return a.m_block == b.m_block || a.str() == b.str(); }
    friend bool operator==(const Payload &a, const std::string &b) { return a.str() == b; }
    friend bool operator==(const Payload &a, std::string_view b) { return std::string_view(a.str()) == b; }
    friend bool operator==(const Payload &a, const char *b) { return std::string_view(a.str()) == b; }
    friend std::ostream &operator<<(std::ostream &os, const Payload &p) { return os << p.str(); }

private:
    struct Block {
        explicit Block(std::string b) : bytes(std::move(b)) {}
        std::string bytes;
        mutable std::atomic<std::uint64_t> hash{0}; ///< 0: not computed yet
    };
    static const std::string &emptyBytes()
    {
        static const std::string none;
        return none;
    }
    std::shared_ptr<const Block> m_block; ///< null when empty
};

/// One log entry. Index and term are assigned by the leader that appends it.
struct Entry {
    std::uint64_t term = 0;
    std::uint64_t index = 0;
    EntryType type = EntryType::Normal;
    Payload data;

    bool operator==(const Entry &) const = default;
};

/// Bytes an entry counts for in size limits (maxSizePerMsg, inflight bytes, committed batches):
/// its payload plus a fixed header estimate, so empty entries are not free.
std::uint64_t entrySize(const Entry &e);

/// The members of the cluster as of some log index. Ids are kept sorted and unique.
struct ConfState {
    std::vector<NodeId> voters;
    std::vector<NodeId> learners;

    bool operator==(const ConfState &) const = default;
};

struct SnapshotMetadata {
    ConfState confState;
    std::uint64_t index = 0; ///< last log index the snapshot covers
    std::uint64_t term = 0;  ///< term of that entry

    bool operator==(const SnapshotMetadata &) const = default;
};

/// Application state up to metadata.index plus the configuration at that index.
struct Snapshot {
    SnapshotMetadata metadata;
    std::string data;

    /// A snapshot at index 0 is "no snapshot".
    bool empty() const { return metadata.index == 0; }
    bool operator==(const Snapshot &) const = default;
};

/// State that must be durable before any message of the same Ready is sent.
struct HardState {
    std::uint64_t term = 0;
    NodeId vote = kNone;
    std::uint64_t commit = 0;

    bool empty() const { return term == 0 && vote == kNone && commit == 0; }
    bool operator==(const HardState &) const = default;
};

enum class Role : std::uint8_t { Follower, PreCandidate, Candidate, Leader };

/// Volatile state, reported to the driver when it changes; never persisted.
struct SoftState {
    NodeId lead = kNone;
    Role role = Role::Follower;

    bool operator==(const SoftState &) const = default;
};

/// The answer to a ReadIndex request: once the local applied index reaches `index`, a read of the
/// state machine is linearizable with respect to the request identified by `requestCtx`.
struct ReadState {
    std::uint64_t index = 0;
    std::string requestCtx;

    bool operator==(const ReadState &) const = default;
};

/// Message types, as in etcd-io/raft. "Local" ones are only ever stepped by the RawNode itself.
enum class MessageType : std::uint8_t {
    MsgHup,            ///< local: start an election
    MsgBeat,           ///< local: leader should broadcast heartbeats
    MsgProp,           ///< proposal (local, or forwarded by a follower to the leader)
    MsgApp,            ///< leader -> follower: entries after (index, logTerm), plus commit
    MsgAppResp,        ///< follower -> leader: accepted up to index, or rejected with a hint
    MsgVote,
    MsgVoteResp,
    MsgSnap,           ///< leader -> follower: install this snapshot
    MsgHeartbeat,      ///< leader -> follower: liveness + commit (+ ReadIndex context)
    MsgHeartbeatResp,
    MsgUnreachable,    ///< local: the transport could not reach `from`
    MsgSnapStatus,     ///< local: a snapshot to `from` was delivered (reject = failed)
    MsgCheckQuorum,    ///< local: leader checks that a quorum was recently active
    MsgTransferLeader, ///< ask the leader to hand over to `from`
    MsgTimeoutNow,     ///< leader -> transfer target: campaign now, ignoring leases
    MsgReadIndex,      ///< ReadIndex request (local, or forwarded to the leader)
    MsgReadIndexResp,  ///< leader -> requesting follower
    MsgPreVote,
    MsgPreVoteResp,
};

/// Context value of vote requests sent by a leadership-transfer campaign: voters grant it even
/// while they believe in a live leader, because that leader asked for the transfer.
inline constexpr const char *kCampaignTransfer = "CampaignTransfer";

/// One raft message. Which fields mean something depends on `type` (see MessageType).
struct Message {
    MessageType type = MessageType::MsgHup;
    NodeId to = kNone;
    NodeId from = kNone;
    std::uint64_t term = 0;     ///< sender's term; 0 for local messages and forwarded proposals
    std::uint64_t logTerm = 0;  ///< MsgApp: term at index; votes: last log term; rejects: hint term
    std::uint64_t index = 0;    ///< MsgApp: previous index; MsgAppResp: match or rejected index
    std::vector<Entry> entries;
    std::uint64_t commit = 0;
    std::optional<Snapshot> snapshot; ///< MsgSnap only
    bool reject = false;
    std::uint64_t rejectHint = 0;
    std::string context;        ///< ReadIndex request context, or kCampaignTransfer on votes

    bool operator==(const Message &) const = default;
};

/// A message a member gives itself (MsgHup, MsgBeat, MsgProp, ...): only type and sender set.
inline Message localMessage(MessageType type, NodeId from)
{
    Message m;
    m.type = type;
    m.from = from;
    return m;
}

const char *toString(EntryType t);
const char *toString(Role r);
const char *toString(MessageType t);

/// Messages that must never arrive from the network (the RawNode creates them itself).
bool isLocalMessage(MessageType t);
/// Responses: stepping one from a peer without Progress is refused.
bool isResponseMessage(MessageType t);
/// MsgVote -> MsgVoteResp, MsgPreVote -> MsgPreVoteResp. Precondition: t is a vote request.
MessageType voteResponseType(MessageType t);

} // namespace quorum::raft
