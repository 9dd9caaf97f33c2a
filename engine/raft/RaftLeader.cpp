// The leader: proposals, replication with per-member flow control, commit, heartbeats,
// CheckQuorum, ReadIndex and leadership transfer.

#include "engine/raft/Raft.h"

#include "engine/raft/Check.h"

#include <algorithm>

namespace quorum::raft {

ProposeResult Raft::stepLeader(const Message &m)
{
    switch (m.type) {
    case MessageType::MsgBeat:
        bcastHeartbeat();
        return ProposeResult::Ok;
    case MessageType::MsgCheckQuorum:
        if (!m_tracker.quorumActive(m_id)) {
            warn(m_id, " stepped down to follower since quorum is not active");
            becomeFollower(m_term, kNone);
        }
        // Everyone but us must prove activity again before the next check.
        for (auto &[id, pr] : m_tracker.progressMap()) {
            if (id != m_id)
                pr.recentActive = false;
        }
        return ProposeResult::Ok;
    case MessageType::MsgProp:
        return handleProposal(m);
    case MessageType::MsgReadIndex:
        handleLeaderReadIndex(m);
        return ProposeResult::Ok;
    default:
        break;
    }

    Progress *pr = m_tracker.progress(m.from);
    if (!pr) {
        debug(m_id, " no progress available for ", m.from);
        return ProposeResult::Ok;
    }
    switch (m.type) {
    case MessageType::MsgAppResp:
        handleAppendResponse(m, *pr);
        break;
    case MessageType::MsgHeartbeatResp:
        handleHeartbeatResponse(m, *pr);
        break;
    case MessageType::MsgSnapStatus:
        if (pr->state != ProgressState::Snapshot)
            break;
        if (m.reject) {
            // Forget the pending snapshot: the next attempt will send a fresh one.
            pr->pendingSnapshot = 0;
            debug(m_id, " snapshot failed, resumed sending replication messages to ", m.from);
        } else {
            debug(m_id, " snapshot succeeded, resumed sending replication messages to ", m.from);
        }
        pr->becomeProbe();
        // After a success wait for the follower's MsgAppResp; after a failure wait for a
        // heartbeat round before probing again.
        pr->msgAppFlowPaused = true;
        break;
    case MessageType::MsgUnreachable:
        // Optimistic replication to a member we cannot reach only fills the window; probe.
        if (pr->state == ProgressState::Replicate)
            pr->becomeProbe();
        debug(m_id, " failed to send message to ", m.from, " because it is unreachable");
        break;
    case MessageType::MsgTransferLeader:
        handleTransferLeader(m, *pr);
        break;
    default:
        break;
    }
    return ProposeResult::Ok;
}

ProposeResult Raft::handleProposal(const Message &m)
{
    RAFT_CHECK(!m.entries.empty(), m_id << " stepped empty MsgProp");
    if (!m_tracker.progress(m_id)) {
        // We were removed from the configuration but have not stepped down yet.
        return ProposeResult::Dropped;
    }
    if (m_leadTransferee != kNone) {
        debug(m_id, " [term ", m_term, "] transfer leadership to ", m_leadTransferee,
              " is in progress; dropping proposal");
        return ProposeResult::TransferInProgress;
    }
    bool seenConfChange = false;
    for (const Entry &e : m.entries) {
        if (e.type != EntryType::ConfChange)
            continue;
        // One change at a time, and only once the previous one is applied here: consecutive
        // single-step configurations then always share a majority.
        if (seenConfChange || m_pendingConfIndex > m_log.applied()) {
            info(m_id, " ignoring conf change '", e.data, "' since a previous one is pending (index ",
                 m_pendingConfIndex, ", applied ", m_log.applied(), ")");
            return ProposeResult::ConfChangePending;
        }
        seenConfChange = true;
        const auto cc = decodeConfChange(e.data);
        std::string why = "undecodable";
        if (!cc || !applyToConfState(m_tracker.confState(), *cc, &why)) {
            info(m_id, " rejected conf change '", e.data, "': ", why);
            return ProposeResult::InvalidConfChange;
        }
    }
    appendEntries(m.entries);
    bcastAppend();
    return ProposeResult::Ok;
}

void Raft::appendEntries(std::vector<Entry> entries)
{
    std::uint64_t last = m_log.lastIndex();
    for (Entry &e : entries) {
        e.term = m_term;
        e.index = ++last;
        if (e.type == EntryType::ConfChange)
            m_pendingConfIndex = e.index;
    }
    last = m_log.append(entries);
    // The leader counts its own log towards the quorum before persisting it. Safe under the
    // Ready contract: followers only see these entries after the driver persisted them.
    if (Progress *self = m_tracker.progress(m_id))
        self->maybeUpdate(last);
    maybeCommit();
}

bool Raft::maybeCommit()
{
    return m_log.maybeCommit(m_tracker.committed(), m_term);
}

bool Raft::committedEntryInCurrentTerm() const
{
    return m_log.termOrZero(m_log.committed()) == m_term;
}

bool Raft::maybeSendAppend(NodeId to, bool sendIfEmpty)
{
    Progress &pr = *m_tracker.progress(to);
    if (pr.isPaused())
        return false;
    const std::uint64_t prevIndex = pr.next - 1;
    const auto prevTerm = m_log.term(prevIndex);
    auto entries = m_log.entries(pr.next, m_maxMsgSize);
    if (entries.value.empty() && !sendIfEmpty)
        return false;
    if (!prevTerm.ok() || !entries.ok()) {
        // What this member needs was compacted away.
        return sendSnapshot(to, pr);
    }
    Message m;
    m.type = MessageType::MsgApp;
    m.to = to;
    m.index = prevIndex;
    m.logTerm = prevTerm.value;
    m.commit = m_log.committed();
    m.entries = std::move(entries.value);
    if (!m.entries.empty() && pr.state == ProgressState::Replicate) {
        std::uint64_t bytes = 0;
        for (const Entry &e : m.entries)
            bytes += entrySize(e);
        const std::uint64_t last = m.entries.back().index;
        pr.optimisticUpdate(last);
        pr.inflights.add(last, bytes);
    }
    // A probe waits for its answer (or the next heartbeat response) before the next one.
    if (pr.state == ProgressState::Probe)
        pr.msgAppFlowPaused = true;
    send(std::move(m));
    return true;
}

bool Raft::sendSnapshot(NodeId to, Progress &pr)
{
    if (!pr.recentActive) {
        // Do not build and ship a snapshot into the void.
        debug(m_id, " ignore sending snapshot to ", to, " since it is not recently active");
        return false;
    }
    auto snap = m_log.snapshot();
    if (snap.status == StorageStatus::SnapshotTemporarilyUnavailable) {
        debug(m_id, " failed to send snapshot to ", to, " because snapshot is temporarily unavailable");
        return false;
    }
    RAFT_CHECK(snap.ok(), "snapshot: " << toString(snap.status));
    RAFT_CHECK(!snap.value.empty(), "need a non-empty snapshot to send to " << to);
    const std::uint64_t index = snap.value.metadata.index;
    info(m_id, " [firstindex: ", m_log.firstIndex(), ", commit: ", m_log.committed(), "] sent snapshot [index: ",
         index, ", term: ", snap.value.metadata.term, "] to ", to);
    pr.becomeSnapshot(index);
    Message m;
    m.type = MessageType::MsgSnap;
    m.to = to;
    m.snapshot = std::move(snap.value);
    send(std::move(m));
    return true;
}

void Raft::sendHeartbeat(NodeId to, const std::string &ctx)
{
    // Never tell a follower to commit past what it is known to have: its log beyond match may
    // still hold entries of an older leader.
    Message m;
    m.type = MessageType::MsgHeartbeat;
    m.to = to;
    m.commit = std::min(m_tracker.progress(to)->match, m_log.committed());
    m.context = ctx;
    send(std::move(m));
}

void Raft::bcastAppend()
{
    for (const auto &[id, pr] : m_tracker.progressMap()) {
        if (id != m_id)
            maybeSendAppend(id, true);
    }
}

void Raft::bcastHeartbeat()
{
    const std::string ctx = m_readOnly.lastPendingRequestCtx();
    for (const auto &[id, pr] : m_tracker.progressMap()) {
        if (id != m_id)
            sendHeartbeat(id, ctx);
    }
}

void Raft::handleAppendResponse(const Message &m, Progress &pr)
{
    pr.recentActive = true;
    if (m.reject) {
        debug(m_id, " received MsgAppResp(rejected, hint: (index ", m.rejectHint, ", term ", m.logTerm, ")) from ",
              m.from, " for index ", m.index);
        // The follower told us the last entry it has at or before the rejected index with a
        // term no greater than ours there; skip to the last entry we have with at most that
        // term. Each round trip then skips a whole term instead of one entry.
        std::uint64_t nextProbe = m.rejectHint;
        if (m.logTerm > 0)
            nextProbe = m_log.findConflictByTerm(m.rejectHint, m.logTerm).first;
        if (pr.maybeDecrTo(m.index, nextProbe)) {
            debug(m_id, " decreased progress of ", m.from, " to [", toString(pr.state), " match=", pr.match,
                  " next=", pr.next, "]");
            if (pr.state == ProgressState::Replicate)
                pr.becomeProbe();
            maybeSendAppend(m.from, true);
        }
        return;
    }
    const bool oldPaused = pr.isPaused();
    // An accepted probe at an index we already knew (e.g. after MsgUnreachable) still proves
    // the member is back in sync.
    const bool probeAck = pr.state == ProgressState::Probe && pr.match == m.index;
    if (!pr.maybeUpdate(m.index) && !probeAck)
        return;
    switch (pr.state) {
    case ProgressState::Probe:
        pr.becomeReplicate();
        break;
    case ProgressState::Snapshot:
        if (pr.match + 1 >= m_log.firstIndex()) {
            // Installed (or caught up otherwise): the log has what it needs next.
            debug(m_id, " recovered from needing snapshot, resumed sending replication messages to ", m.from);
            pr.becomeProbe();
            pr.becomeReplicate();
        }
        break;
    case ProgressState::Replicate:
        pr.inflights.freeLE(m.index);
        break;
    }
    if (maybeCommit()) {
        releasePendingReadIndexMessages();
        bcastAppend();
    } else if (oldPaused) {
        maybeSendAppend(m.from, true);
    }
    // With a small maxSizePerMsg one message may not carry everything: fill the window.
    while (maybeSendAppend(m.from, false)) {
    }
    if (m.from == m_leadTransferee && pr.match == m_log.lastIndex()) {
        info(m_id, " sent MsgTimeoutNow to ", m.from, " after received MsgAppResp");
        sendTimeoutNow(m.from);
    }
}

void Raft::handleHeartbeatResponse(const Message &m, Progress &pr)
{
    pr.recentActive = true;
    pr.msgAppFlowPaused = false;
    // If every message that filled the window was lost nothing would ever free it; letting one
    // more go turns the next append into a probe of where the follower really is.
    if (pr.state == ProgressState::Replicate && pr.inflights.full())
        pr.inflights.freeFirstOne();
    if (pr.match < m_log.lastIndex() || pr.state == ProgressState::Probe)
        maybeSendAppend(m.from, true);
    if (m.context.empty())
        return;
    const auto *acks = m_readOnly.recvAck(m.from, m.context);
    if (!acks || !m_tracker.hasQuorum(*acks))
        return;
    for (const ReadOnly::Request &req : m_readOnly.advance(m.context))
        respondToReadIndex(req.request, req.index);
}

void Raft::handleTransferLeader(const Message &m, Progress &pr)
{
    const NodeId transferee = m.from;
    if (pr.isLearner) {
        info(m_id, " [term ", m_term, "] ignored transferring leadership to learner ", transferee);
        return;
    }
    if (m_leadTransferee != kNone) {
        if (m_leadTransferee == transferee) {
            info(m_id, " [term ", m_term, "] transfer leadership to ", transferee,
                 " is in progress, ignores request to same node");
            return;
        }
        info(m_id, " [term ", m_term, "] abort previous transferring leadership to ", m_leadTransferee);
        abortLeaderTransfer();
    }
    if (transferee == m_id) {
        debug(m_id, " is already leader; ignored transferring leadership to self");
        return;
    }
    info(m_id, " [term ", m_term, "] starts to transfer leadership to ", transferee);
    // The transfer must finish within an election timeout (tickHeartbeat aborts it otherwise).
    m_electionElapsed = 0;
    m_leadTransferee = transferee;
    if (pr.match == m_log.lastIndex()) {
        info(m_id, " sends MsgTimeoutNow to ", transferee, " immediately as ", transferee, " already has up-to-date log");
        sendTimeoutNow(transferee);
    } else {
        maybeSendAppend(transferee, true);
    }
}

void Raft::sendTimeoutNow(NodeId to)
{
    Message m;
    m.type = MessageType::MsgTimeoutNow;
    m.to = to;
    send(std::move(m));
}

void Raft::handleLeaderReadIndex(const Message &m)
{
    if (m_tracker.isSingleton()) {
        respondToReadIndex(m, m_log.committed());
        return;
    }
    // Until an entry of our term is committed we do not know the commit index of the previous
    // leader: it may be past ours. Answer once our own empty entry commits.
    if (!committedEntryInCurrentTerm()) {
        m_pendingReadIndex.push_back(m);
        return;
    }
    startReadIndex(m);
}

void Raft::startReadIndex(const Message &m)
{
    m_readOnly.addRequest(m_log.committed(), m);
    m_readOnly.recvAck(m_id, m.context);
    // A quorum answering this heartbeat round proves no newer leader existed when the request
    // arrived, so the commit index remembered above is linearizable.
    for (const auto &[id, pr] : m_tracker.progressMap()) {
        if (id != m_id)
            sendHeartbeat(id, m.context);
    }
}

void Raft::releasePendingReadIndexMessages()
{
    if (m_pendingReadIndex.empty() || !committedEntryInCurrentTerm())
        return;
    std::vector<Message> pending;
    pending.swap(m_pendingReadIndex);
    for (const Message &m : pending)
        startReadIndex(m);
}

void Raft::respondToReadIndex(const Message &request, std::uint64_t index)
{
    if (request.from == kNone || request.from == m_id) {
        m_readStates.push_back({index, request.context});
        return;
    }
    Message resp;
    resp.type = MessageType::MsgReadIndexResp;
    resp.to = request.from;
    resp.index = index;
    resp.context = request.context;
    send(std::move(resp));
}

} // namespace quorum::raft
