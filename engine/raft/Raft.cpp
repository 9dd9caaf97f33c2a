// Raft state machine: the logical clock, the term rules every message passes through, elections
// (with PreVote and leases) and configuration changes. Leader and follower behaviour live in
// RaftLeader.cpp and RaftFollower.cpp.

#include "engine/raft/Raft.h"

#include "engine/raft/Check.h"
#include "engine/raft/Describe.h"

namespace quorum::raft {

const char *toString(ProposeResult r)
{
    switch (r) {
    case ProposeResult::Ok: return "Ok";
    case ProposeResult::NotLeader: return "NotLeader";
    case ProposeResult::TransferInProgress: return "TransferInProgress";
    case ProposeResult::ConfChangePending: return "ConfChangePending";
    case ProposeResult::InvalidConfChange: return "InvalidConfChange";
    case ProposeResult::Dropped: return "Dropped";
    }
    return "?";
}

namespace {

const Config &validated(const Config &c)
{
    const std::string error = c.validate();
    RAFT_CHECK(error.empty(), "invalid raft config: " << error);
    return c;
}


} // namespace

Raft::Raft(const Config &config, const Storage &storage)
    : m_id(validated(config).id)
    , m_log(storage, config.maxCommittedSizePerReady != 0 ? config.maxCommittedSizePerReady : config.maxSizePerMsg)
    , m_tracker(config.maxInflightMsgs, config.maxInflightBytes)
    , m_maxMsgSize(config.maxSizePerMsg)
    , m_heartbeatTimeout(config.heartbeatTick)
    , m_electionTimeout(config.electionTick)
    , m_checkQuorum(config.checkQuorum)
    , m_preVote(config.preVote)
    , m_disableProposalForwarding(config.disableProposalForwarding)
    // Mix the id in so that members configured with one seed still draw different timeouts.
    , m_rng(config.seed ^ (config.id * 0xD1B54A32D192ED03ULL))
    , m_logger(config.logger)
{
    const InitialState state = storage.initialState();
    m_tracker.reset(state.confState, m_log.lastIndex() + 1);
    if (!state.hardState.empty()) {
        const HardState &hs = state.hardState;
        RAFT_CHECK(hs.commit >= m_log.committed() && hs.commit <= m_log.lastIndex(),
                   m_id << " state.commit " << hs.commit << " is out of range [" << m_log.committed() << ", "
                        << m_log.lastIndex() << "]");
        m_log.commitTo(hs.commit);
        m_term = hs.term;
        m_vote = hs.vote;
    }
    if (config.applied > 0)
        m_log.appliedTo(config.applied);
    becomeFollower(m_term, kNone);
    info("newRaft ", m_id, " [", describeConfState(m_tracker.confState()), ", term: ", m_term,
         ", commit: ", m_log.committed(), ", applied: ", m_log.applied(), ", lastindex: ", m_log.lastIndex(),
         ", lastterm: ", m_log.lastTerm(), "]");
}

bool Raft::promotable() const
{
    return m_tracker.isVoter(m_id) && !m_log.hasPendingSnapshot();
}

std::vector<Message> Raft::takeMessages()
{
    std::vector<Message> out;
    out.swap(m_msgs);
    return out;
}

std::vector<ReadState> Raft::takeReadStates()
{
    std::vector<ReadState> out;
    out.swap(m_readStates);
    return out;
}

void Raft::tick()
{
    if (m_role == Role::Leader)
        tickHeartbeat();
    else
        tickElection();
}

void Raft::tickElection()
{
    ++m_electionElapsed;
    if (promotable() && m_electionElapsed >= m_randomizedElectionTimeout) {
        m_electionElapsed = 0;
        step(localMessage(MessageType::MsgHup, m_id));
    }
}

void Raft::tickHeartbeat()
{
    ++m_heartbeatElapsed;
    ++m_electionElapsed;
    if (m_electionElapsed >= m_electionTimeout) {
        m_electionElapsed = 0;
        if (m_checkQuorum)
            step(localMessage(MessageType::MsgCheckQuorum, m_id));
        // A transfer that did not finish within an election timeout is abandoned, so that
        // proposals (refused during a transfer) flow again.
        if (m_role == Role::Leader && m_leadTransferee != kNone) {
            info(m_id, " [term ", m_term, "] abort transferring leadership to ", m_leadTransferee, ": timed out");
            abortLeaderTransfer();
        }
    }
    if (m_role != Role::Leader)
        return;
    if (m_heartbeatElapsed >= m_heartbeatTimeout) {
        m_heartbeatElapsed = 0;
        step(localMessage(MessageType::MsgBeat, m_id));
    }
}

ProposeResult Raft::step(const Message &m)
{
    if (m.term == 0) {
        // Local message, or a proposal/read forwarded by a follower: no term rules apply.
    } else if (m.term > m_term) {
        if (m.type == MessageType::MsgVote || m.type == MessageType::MsgPreVote) {
            const bool force = m.context == kCampaignTransfer;
            const bool inLease = m_checkQuorum && m_lead != kNone && m_electionElapsed < m_electionTimeout;
            if (!force && inLease) {
                // Leader lease: we heard from a leader within the minimum election timeout, so
                // this campaign can only come from a member that lost touch (e.g. partitioned
                // and now back). Neither grant it nor adopt its term.
                info(m_id, " [logterm: ", m_log.lastTerm(), ", index: ", m_log.lastIndex(), ", vote: ", m_vote,
                     "] ignored ", toString(m.type), " from ", m.from, " [logterm: ", m.logTerm, ", index: ", m.index,
                     "] at term ", m_term, ": lease is not expired (remaining ticks: ",
                     m_electionTimeout - m_electionElapsed, ")");
                return ProposeResult::Ok;
            }
        }
        if (m.type == MessageType::MsgPreVote) {
            // Never change our term in response to a pre-vote.
        } else if (m.type == MessageType::MsgPreVoteResp && !m.reject) {
            // Granted pre-votes carry the term we would campaign at; our term rises only if we
            // win. A rejection carries the rejecter's real term and is handled below.
        } else {
            info(m_id, " [term: ", m_term, "] received a ", toString(m.type), " message with higher term from ",
                 m.from, " [term: ", m.term, "]");
            const bool fromLeader = m.type == MessageType::MsgApp || m.type == MessageType::MsgHeartbeat
                || m.type == MessageType::MsgSnap;
            becomeFollower(m.term, fromLeader ? m.from : kNone);
        }
    } else if (m.term < m_term) {
        if ((m_checkQuorum || m_preVote)
            && (m.type == MessageType::MsgHeartbeat || m.type == MessageType::MsgApp)) {
            // A stale leader (e.g. back from a partition) must learn the new term, but with
            // CheckQuorum/PreVote the member that has it may never send it a vote request.
            // An answer at our term makes it step down.
            Message resp;
            resp.type = MessageType::MsgAppResp;
            resp.to = m.from;
            send(std::move(resp));
        } else if (m.type == MessageType::MsgPreVote) {
            // Answer so that the pre-candidate learns our term and stops campaigning.
            info(m_id, " [logterm: ", m_log.lastTerm(), ", index: ", m_log.lastIndex(), ", vote: ", m_vote,
                 "] rejected ", toString(m.type), " from ", m.from, " [logterm: ", m.logTerm, ", index: ", m.index,
                 "] at term ", m_term);
            Message resp;
            resp.type = MessageType::MsgPreVoteResp;
            resp.to = m.from;
            resp.term = m_term;
            resp.reject = true;
            send(std::move(resp));
        } else {
            debug(m_id, " [term: ", m_term, "] ignored a ", toString(m.type), " message with lower term from ",
                  m.from, " [term: ", m.term, "]");
        }
        return ProposeResult::Ok;
    }

    switch (m.type) {
    case MessageType::MsgHup:
        hup(m_preVote ? CampaignType::PreElection : CampaignType::Election);
        return ProposeResult::Ok;
    case MessageType::MsgVote:
    case MessageType::MsgPreVote:
        handleVoteRequest(m);
        return ProposeResult::Ok;
    default:
        break;
    }
    switch (m_role) {
    case Role::Leader: return stepLeader(m);
    case Role::PreCandidate:
    case Role::Candidate: return stepCandidate(m);
    case Role::Follower: return stepFollower(m);
    }
    return ProposeResult::Ok;
}

void Raft::handleVoteRequest(const Message &m)
{
    // We can vote if this is a repeat of a vote we already cast, if we have not voted and know
    // of no leader in this term, or if it is a pre-vote for a future term (pre-votes bind nothing).
    const bool canVote = m_vote == m.from || (m_vote == kNone && m_lead == kNone)
        || (m.type == MessageType::MsgPreVote && m.term > m_term);
    Message resp;
    resp.type = voteResponseType(m.type);
    resp.to = m.from;
    if (canVote && m_log.isUpToDate(m.index, m.logTerm)) {
        info(m_id, " [logterm: ", m_log.lastTerm(), ", index: ", m_log.lastIndex(), ", vote: ", m_vote, "] cast ",
             toString(m.type), " for ", m.from, " [logterm: ", m.logTerm, ", index: ", m.index, "] at term ", m_term);
        // A granted pre-vote answers at the future term so the pre-candidate can count it;
        // a granted vote is at our (already raised) term, which equals m.term.
        resp.term = m.term;
        send(std::move(resp));
        if (m.type == MessageType::MsgVote) {
            m_electionElapsed = 0;
            m_vote = m.from;
        }
    } else {
        info(m_id, " [logterm: ", m_log.lastTerm(), ", index: ", m_log.lastIndex(), ", vote: ", m_vote,
             "] rejected ", toString(m.type), " from ", m.from, " [logterm: ", m.logTerm, ", index: ", m.index,
             "] at term ", m_term);
        resp.term = m_term;
        resp.reject = true;
        send(std::move(resp));
    }
}

void Raft::hup(CampaignType t)
{
    if (m_role == Role::Leader) {
        debug(m_id, " ignoring MsgHup because already leader");
        return;
    }
    if (!promotable()) {
        warn(m_id, " is unpromotable and can not campaign");
        return;
    }
    // A committed but unapplied configuration change may remove us or change the quorum we
    // would need; campaign once it is applied.
    if (hasUnappliedConfChanges()) {
        warn(m_id, " cannot campaign at term ", m_term, " since there are still pending configuration changes to apply");
        return;
    }
    info(m_id, " is starting a new election at term ", m_term);
    campaign(t);
}

void Raft::campaign(CampaignType t)
{
    MessageType voteMsg;
    std::uint64_t term;
    if (t == CampaignType::PreElection) {
        becomePreCandidate();
        voteMsg = MessageType::MsgPreVote;
        // Pre-votes ask for the term we would campaign at, without moving to it.
        term = m_term + 1;
    } else {
        becomeCandidate();
        voteMsg = MessageType::MsgVote;
        term = m_term;
    }
    if (poll(m_id, voteResponseType(voteMsg), true).result == VoteResult::Won) {
        // Our own vote is a quorum: a single-voter cluster.
        if (t == CampaignType::PreElection) {
            campaign(CampaignType::Election);
        } else {
            becomeLeader();
            bcastAppend();
        }
        return;
    }
    for (NodeId id : m_tracker.voters()) {
        if (id == m_id)
            continue;
        info(m_id, " [logterm: ", m_log.lastTerm(), ", index: ", m_log.lastIndex(), "] sent ", toString(voteMsg),
             " request to ", id, " at term ", m_term);
        Message req;
        req.type = voteMsg;
        req.to = id;
        req.term = term;
        req.index = m_log.lastIndex();
        req.logTerm = m_log.lastTerm();
        if (t == CampaignType::Transfer)
            req.context = kCampaignTransfer;
        send(std::move(req));
    }
}

VoteTally Raft::poll(NodeId from, MessageType t, bool granted)
{
    if (granted)
        info(m_id, " received ", toString(t), " from ", from, " at term ", m_term);
    else
        info(m_id, " received ", toString(t), " rejection from ", from, " at term ", m_term);
    m_tracker.recordVote(from, granted);
    return m_tracker.tallyVotes();
}

void Raft::becomeFollower(std::uint64_t term, NodeId lead)
{
    reset(term);
    m_lead = lead;
    m_role = Role::Follower;
    info(m_id, " became follower at term ", m_term);
}

void Raft::becomePreCandidate()
{
    RAFT_CHECK(m_role != Role::Leader, "invalid transition [leader -> pre-candidate]");
    // Only the role and the votes change: a failed pre-vote round must leave no trace (no new
    // term, no vote cast), which is the whole point of PreVote.
    m_tracker.resetVotes();
    m_lead = kNone;
    m_role = Role::PreCandidate;
    info(m_id, " became pre-candidate at term ", m_term);
}

void Raft::becomeCandidate()
{
    RAFT_CHECK(m_role != Role::Leader, "invalid transition [leader -> candidate]");
    reset(m_term + 1);
    m_vote = m_id;
    m_role = Role::Candidate;
    info(m_id, " became candidate at term ", m_term);
}

void Raft::becomeLeader()
{
    RAFT_CHECK(m_role != Role::Follower, "invalid transition [follower -> leader]");
    reset(m_term);
    m_lead = m_id;
    m_role = Role::Leader;
    if (Progress *self = m_tracker.progress(m_id))
        self->becomeReplicate();
    // Our log may hold configuration changes we have not applied; accept no new one before.
    m_pendingConfIndex = m_log.lastIndex();
    // The empty entry of our term: committing it commits everything before it (Figure 8 rule)
    // and tells us which index is safe for ReadIndex.
    appendEntries({Entry{}});
    info(m_id, " became leader at term ", m_term);
}

void Raft::reset(std::uint64_t term)
{
    if (m_term != term) {
        m_term = term;
        m_vote = kNone;
    }
    m_lead = kNone;
    m_electionElapsed = 0;
    m_heartbeatElapsed = 0;
    resetRandomizedElectionTimeout();
    abortLeaderTransfer();
    m_tracker.resetVotes();
    m_tracker.reset(m_tracker.confState(), m_log.lastIndex() + 1);
    if (Progress *self = m_tracker.progress(m_id))
        self->match = m_log.lastIndex();
    m_pendingConfIndex = 0;
    m_readOnly = ReadOnly();
    m_pendingReadIndex.clear();
}

void Raft::resetRandomizedElectionTimeout()
{
    const auto spread = static_cast<std::uint64_t>(m_electionTimeout);
    m_randomizedElectionTimeout = m_electionTimeout + static_cast<int>(m_rng.below(spread));
}

void Raft::send(Message m)
{
    if (m.from == kNone)
        m.from = m_id;
    const bool vote = m.type == MessageType::MsgVote || m.type == MessageType::MsgVoteResp
        || m.type == MessageType::MsgPreVote || m.type == MessageType::MsgPreVoteResp;
    if (vote) {
        // Vote messages carry the term they are about, which is not always ours (pre-votes).
        RAFT_CHECK(m.term != 0, "term should be set when sending " << toString(m.type));
    } else {
        RAFT_CHECK(m.term == 0, "term should not be set when sending " << toString(m.type) << " (was " << m.term << ")");
        // Forwarded proposals and reads stay term-less: the leader treats them as local requests.
        if (m.type != MessageType::MsgProp && m.type != MessageType::MsgReadIndex)
            m.term = m_term;
    }
    m_msgs.push_back(std::move(m));
}

bool Raft::hasUnappliedConfChanges() const
{
    if (m_log.applied() >= m_log.committed())
        return false;
    const std::uint64_t lo = std::max(m_log.applied() + 1, m_log.firstIndex());
    const auto entries = m_log.slice(lo, m_log.committed() + 1, kNoLimit);
    RAFT_CHECK(entries.ok(), "cannot read unapplied entries: " << toString(entries.status));
    for (const Entry &e : entries.value) {
        if (e.type == EntryType::ConfChange)
            return true;
    }
    return false;
}

ConfState Raft::applyConfChange(const ConfChange &cc)
{
    std::string why;
    const auto next = applyToConfState(m_tracker.confState(), cc, &why);
    if (!next) {
        // The leader validated the change against this same configuration when it was
        // proposed, so this is a duplicate that slipped through (e.g. a proposal forwarded
        // twice). Every member applies the same entries in the same order, so ignoring it
        // here is ignored everywhere.
        warn(m_id, " ignored configuration change '", encodeConfChange(cc), "': ", why);
        return m_tracker.confState();
    }
    return switchToConfig(*next);
}

ConfState Raft::switchToConfig(const ConfState &cs)
{
    m_tracker.switchTo(cs, m_log.lastIndex() + 1);
    info(m_id, " switched to configuration ", describeConfState(cs));
    if (m_role != Role::Leader)
        return cs;
    if (!m_tracker.isVoter(m_id)) {
        // etcd keeps a removed leader in charge until the application stops it. We step down
        // at once, so the remaining voters elect a leader of their own after an election
        // timeout; the appends first carry the commit index that lets them apply the change.
        bcastAppend();
        info(m_id, " is no longer a voter; stepping down");
        becomeFollower(m_term, kNone);
        return cs;
    }
    // The quorum changed: a removal can commit entries that were waiting for the removed member.
    if (maybeCommit()) {
        bcastAppend();
    } else {
        for (const auto &[id, pr] : m_tracker.progressMap()) {
            if (id != m_id)
                maybeSendAppend(id, false);
        }
    }
    if (m_leadTransferee != kNone && !m_tracker.isVoter(m_leadTransferee)) {
        info(m_id, " [term ", m_term, "] abort transferring leadership to ", m_leadTransferee, ": removed");
        abortLeaderTransfer();
    }
    return cs;
}

void Raft::abortLeaderTransfer()
{
    m_leadTransferee = kNone;
}

} // namespace quorum::raft
