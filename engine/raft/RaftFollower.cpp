// Followers and candidates: accepting the leader's log, heartbeats and snapshots, counting
// votes, and forwarding requests to the leader.

#include "engine/raft/Raft.h"

#include "engine/raft/Check.h"
#include "engine/raft/Describe.h"

#include <algorithm>

namespace quorum::raft {

ProposeResult Raft::stepCandidate(const Message &m)
{
    // Only the response type of the round we are in counts: a pre-candidate ignores late
    // MsgVoteResp and a candidate late MsgPreVoteResp.
    const MessageType myVoteResp =
        m_role == Role::PreCandidate ? MessageType::MsgPreVoteResp : MessageType::MsgVoteResp;
    switch (m.type) {
    case MessageType::MsgProp:
    case MessageType::MsgReadIndex:
    case MessageType::MsgTransferLeader:
        info(m_id, " no leader at term ", m_term, "; dropping ", toString(m.type));
        return ProposeResult::NotLeader;
    case MessageType::MsgApp:
        // A leader of our term exists (higher terms were handled in step()).
        becomeFollower(m.term, m.from);
        handleAppendEntries(m);
        return ProposeResult::Ok;
    case MessageType::MsgHeartbeat:
        becomeFollower(m.term, m.from);
        handleHeartbeat(m);
        return ProposeResult::Ok;
    case MessageType::MsgSnap:
        becomeFollower(m.term, m.from);
        handleSnapshot(m);
        return ProposeResult::Ok;
    case MessageType::MsgTimeoutNow:
        debug(m_id, " [term ", m_term, " state ", toString(m_role), "] ignored MsgTimeoutNow from ", m.from);
        return ProposeResult::Ok;
    default:
        break;
    }
    if (m.type != myVoteResp)
        return ProposeResult::Ok;
    const VoteTally tally = poll(m.from, m.type, !m.reject);
    info(m_id, " has received ", tally.granted, " ", toString(m.type), " votes and ", tally.rejected,
         " vote rejections");
    if (tally.result == VoteResult::Won) {
        if (m_role == Role::PreCandidate) {
            campaign(CampaignType::Election);
        } else {
            becomeLeader();
            bcastAppend();
        }
    } else if (tally.result == VoteResult::Lost) {
        // A rejection with a higher term already made us a follower in step().
        becomeFollower(m_term, kNone);
    }
    return ProposeResult::Ok;
}

ProposeResult Raft::forwardToLeader(const Message &m, const char *what)
{
    if (m_lead == kNone) {
        info(m_id, " no leader at term ", m_term, "; dropping ", what);
        return ProposeResult::NotLeader;
    }
    Message fwd = m;
    fwd.to = m_lead;
    // A request that reached us from another member carries its term; we re-send it as ours.
    fwd.term = 0;
    send(std::move(fwd));
    return ProposeResult::Ok;
}

ProposeResult Raft::stepFollower(const Message &m)
{
    switch (m.type) {
    case MessageType::MsgProp:
        if (m_disableProposalForwarding && m_lead != kNone) {
            info(m_id, " not forwarding to leader ", m_lead, " at term ", m_term, "; dropping proposal");
            return ProposeResult::NotLeader;
        }
        return forwardToLeader(m, "proposal");
    case MessageType::MsgApp:
        m_electionElapsed = 0;
        m_lead = m.from;
        handleAppendEntries(m);
        return ProposeResult::Ok;
    case MessageType::MsgHeartbeat:
        m_electionElapsed = 0;
        m_lead = m.from;
        handleHeartbeat(m);
        return ProposeResult::Ok;
    case MessageType::MsgSnap:
        m_electionElapsed = 0;
        m_lead = m.from;
        handleSnapshot(m);
        return ProposeResult::Ok;
    case MessageType::MsgTransferLeader:
        return forwardToLeader(m, "leader transfer msg");
    case MessageType::MsgTimeoutNow:
        info(m_id, " [term ", m_term, "] received MsgTimeoutNow from ", m.from,
             " and starts an election to get leadership");
        // No pre-vote: the leader asked for this, so we are not a member back from a partition
        // and the extra round trip would only slow the transfer down.
        hup(CampaignType::Transfer);
        return ProposeResult::Ok;
    case MessageType::MsgReadIndex:
        return forwardToLeader(m, "index reading msg");
    case MessageType::MsgReadIndexResp:
        m_readStates.push_back({m.index, m.context});
        return ProposeResult::Ok;
    default:
        return ProposeResult::Ok;
    }
}

void Raft::handleAppendEntries(const Message &m)
{
    Message resp;
    resp.type = MessageType::MsgAppResp;
    resp.to = m.from;
    if (m.index < m_log.committed()) {
        // Everything up to our commit index matches any leader's log: say where we are.
        resp.index = m_log.committed();
        send(std::move(resp));
        return;
    }
    if (const auto lastNew = m_log.maybeAppend(m.index, m.logTerm, m.commit, m.entries)) {
        resp.index = *lastNew;
        send(std::move(resp));
        return;
    }
    debug(m_id, " [logterm: ", m_log.termOrZero(m.index), ", index: ", m.index, "] rejected MsgApp [logterm: ",
          m.logTerm, ", index: ", m.index, "] from ", m.from);
    // Hint at the last entry at or before m.index whose term is at most m.logTerm: the leader
    // can resume there, skipping a whole conflicting term per round trip.
    const std::uint64_t hintIndex = std::min(m.index, m_log.lastIndex());
    const auto [index, term] = m_log.findConflictByTerm(hintIndex, m.logTerm);
    resp.index = m.index;
    resp.reject = true;
    resp.rejectHint = index;
    resp.logTerm = term;
    send(std::move(resp));
}

void Raft::handleHeartbeat(const Message &m)
{
    m_log.commitTo(m.commit);
    Message resp;
    resp.type = MessageType::MsgHeartbeatResp;
    resp.to = m.from;
    resp.context = m.context;
    send(std::move(resp));
}

void Raft::handleSnapshot(const Message &m)
{
    RAFT_CHECK(m.snapshot.has_value(), "MsgSnap without a snapshot from " << m.from);
    const SnapshotMetadata &meta = m.snapshot->metadata;
    Message resp;
    resp.type = MessageType::MsgAppResp;
    resp.to = m.from;
    if (restore(*m.snapshot)) {
        info(m_id, " [commit: ", m_log.committed(), "] restored snapshot [index: ", meta.index, ", term: ", meta.term, "]");
        resp.index = m_log.lastIndex();
    } else {
        info(m_id, " [commit: ", m_log.committed(), "] ignored snapshot [index: ", meta.index, ", term: ", meta.term, "]");
        resp.index = m_log.committed();
    }
    send(std::move(resp));
}

bool Raft::restore(const Snapshot &s)
{
    const SnapshotMetadata &meta = s.metadata;
    if (meta.index <= m_log.committed())
        return false;
    if (m_role != Role::Follower) {
        // Unreachable: stepping a MsgSnap makes us a follower first. Be defensive anyway.
        warn(m_id, " attempted to restore snapshot as ", toString(m_role), "; should never happen");
        becomeFollower(m_term + 1, kNone);
        return false;
    }
    const ConfState &cs = meta.confState;
    const bool member = std::binary_search(cs.voters.begin(), cs.voters.end(), m_id)
        || std::binary_search(cs.learners.begin(), cs.learners.end(), m_id);
    if (!member) {
        // A leader only sends snapshots to members; this one is stale or misrouted.
        warn(m_id, " attempted to restore snapshot but it is not in the ConfState ", describeConfState(cs),
             "; should never happen");
        return false;
    }
    if (m_log.matchTerm(meta.index, meta.term)) {
        // We already have the entry at the snapshot index, so all before it too: just commit.
        info(m_id, " [commit: ", m_log.committed(), ", lastindex: ", m_log.lastIndex(), ", lastterm: ",
             m_log.lastTerm(), "] fast-forwarded commit to snapshot [index: ", meta.index, ", term: ", meta.term, "]");
        m_log.commitTo(meta.index);
        return false;
    }
    m_log.restore(s);
    m_tracker.reset(cs, m_log.lastIndex() + 1);
    info(m_id, " switched to configuration ", describeConfState(cs));
    return true;
}

} // namespace quorum::raft
