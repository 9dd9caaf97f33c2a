#include "engine/raft/Types.h"

#include "engine/raft/Check.h"

namespace quorum::raft {

std::uint64_t entrySize(const Entry &e)
{
    // Roughly what term, index and type cost in a serialized record.
    constexpr std::uint64_t kHeader = 24;
    return kHeader + e.data.size();
}

const char *toString(EntryType t)
{
    switch (t) {
    case EntryType::Normal: return "EntryNormal";
    case EntryType::ConfChange: return "EntryConfChange";
    }
    return "EntryUnknown";
}

const char *toString(Role r)
{
    switch (r) {
    case Role::Follower: return "Follower";
    case Role::PreCandidate: return "PreCandidate";
    case Role::Candidate: return "Candidate";
    case Role::Leader: return "Leader";
    }
    return "Unknown";
}

const char *toString(MessageType t)
{
    switch (t) {
    case MessageType::MsgHup: return "MsgHup";
    case MessageType::MsgBeat: return "MsgBeat";
    case MessageType::MsgProp: return "MsgProp";
    case MessageType::MsgApp: return "MsgApp";
    case MessageType::MsgAppResp: return "MsgAppResp";
    case MessageType::MsgVote: return "MsgVote";
    case MessageType::MsgVoteResp: return "MsgVoteResp";
    case MessageType::MsgSnap: return "MsgSnap";
    case MessageType::MsgHeartbeat: return "MsgHeartbeat";
    case MessageType::MsgHeartbeatResp: return "MsgHeartbeatResp";
    case MessageType::MsgUnreachable: return "MsgUnreachable";
    case MessageType::MsgSnapStatus: return "MsgSnapStatus";
    case MessageType::MsgCheckQuorum: return "MsgCheckQuorum";
    case MessageType::MsgTransferLeader: return "MsgTransferLeader";
    case MessageType::MsgTimeoutNow: return "MsgTimeoutNow";
    case MessageType::MsgReadIndex: return "MsgReadIndex";
    case MessageType::MsgReadIndexResp: return "MsgReadIndexResp";
    case MessageType::MsgPreVote: return "MsgPreVote";
    case MessageType::MsgPreVoteResp: return "MsgPreVoteResp";
    }
    return "MsgUnknown";
}

bool isLocalMessage(MessageType t)
{
    return t == MessageType::MsgHup || t == MessageType::MsgBeat || t == MessageType::MsgUnreachable
        || t == MessageType::MsgSnapStatus || t == MessageType::MsgCheckQuorum;
}

bool isResponseMessage(MessageType t)
{
    return t == MessageType::MsgAppResp || t == MessageType::MsgVoteResp
        || t == MessageType::MsgHeartbeatResp || t == MessageType::MsgUnreachable
        || t == MessageType::MsgReadIndexResp || t == MessageType::MsgPreVoteResp;
}

MessageType voteResponseType(MessageType t)
{
    switch (t) {
    case MessageType::MsgVote: return MessageType::MsgVoteResp;
    case MessageType::MsgPreVote: return MessageType::MsgPreVoteResp;
    default: break;
    }
    RAFT_FAIL("voteResponseType: not a vote request: " << toString(t));
}

} // namespace quorum::raft
