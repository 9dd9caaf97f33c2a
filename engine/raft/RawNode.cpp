#include "engine/raft/RawNode.h"

#include "engine/raft/Check.h"

namespace quorum::raft {

const char *toString(StepResult r)
{
    switch (r) {
    case StepResult::Ok: return "Ok";
    case StepResult::LocalMessage: return "LocalMessage";
    case StepResult::UnknownPeer: return "UnknownPeer";
    }
    return "?";
}


RawNode::RawNode(const Config &config, const Storage &storage)
    : m_raft(std::make_unique<Raft>(config, storage))
    , m_prevSoftState(m_raft->softState())
    , m_prevHardState(m_raft->hardState())
{
}

RawNode::~RawNode() = default;

void RawNode::tick()
{
    m_raft->tick();
}

void RawNode::campaign()
{
    m_raft->step(localMessage(MessageType::MsgHup, m_raft->id()));
}

ProposeResult RawNode::propose(std::string data)
{
    Message m = localMessage(MessageType::MsgProp, m_raft->id());
    m.entries.push_back(Entry{0, 0, EntryType::Normal, std::move(data)});
    return m_raft->step(m);
}

ProposeResult RawNode::proposeBatch(std::vector<std::string> batch)
{
    RAFT_CHECK(!batch.empty(), "proposeBatch of nothing");
    Message m = localMessage(MessageType::MsgProp, m_raft->id());
    m.entries.reserve(batch.size());
    for (std::string &data : batch)
        m.entries.push_back(Entry{0, 0, EntryType::Normal, std::move(data)});
    return m_raft->step(m);
}

ProposeResult RawNode::proposeConfChange(const ConfChange &cc)
{
    Message m = localMessage(MessageType::MsgProp, m_raft->id());
    m.entries.push_back(Entry{0, 0, EntryType::ConfChange, encodeConfChange(cc)});
    return m_raft->step(m);
}

StepResult RawNode::step(const Message &m)
{
    if (isLocalMessage(m.type))
        return StepResult::LocalMessage;
    if (isResponseMessage(m.type) && !m_raft->tracker().progress(m.from))
        return StepResult::UnknownPeer;
    m_raft->step(m);
    return StepResult::Ok;
}

ConfState RawNode::applyConfChange(const ConfChange &cc)
{
    return m_raft->applyConfChange(cc);
}

void RawNode::transferLeadership(NodeId transferee)
{
    // The transferee travels in `from`, as in etcd: the leader looks up its Progress by it.
    m_raft->step(localMessage(MessageType::MsgTransferLeader, transferee));
}

ProposeResult RawNode::readIndex(std::string ctx)
{
    RAFT_CHECK(!ctx.empty(), "readIndex needs a non-empty request context");
    Message m = localMessage(MessageType::MsgReadIndex, m_raft->id());
    m.context = std::move(ctx);
    return m_raft->step(m);
}

void RawNode::reportUnreachable(NodeId id)
{
    m_raft->step(localMessage(MessageType::MsgUnreachable, id));
}

void RawNode::reportSnapshot(NodeId id, SnapshotStatus status)
{
    Message m = localMessage(MessageType::MsgSnapStatus, id);
    m.reject = status == SnapshotStatus::Failure;
    m_raft->step(m);
}

bool RawNode::hasReady() const
{
    if (m_readyOutstanding)
        return false;
    const Raft &r = *m_raft;
    return r.softState() != m_prevSoftState || r.hardState() != m_prevHardState
        || r.log().hasPendingSnapshot() || !r.log().unstableEntries().empty()
        || r.log().hasNextCommittedEntries() || !r.messages().empty() || !r.readStates().empty();
}

Ready RawNode::ready()
{
    RAFT_CHECK(!m_readyOutstanding, "ready() called again before advance()");
    Raft &r = *m_raft;
    Ready rd;
    if (const SoftState ss = r.softState(); ss != m_prevSoftState)
        rd.softState = ss;
    const HardState hs = r.hardState();
    if (hs != m_prevHardState)
        rd.hardState = hs;
    rd.entries = r.log().unstableEntries();
    rd.snapshot = r.log().unstableSnapshot();
    rd.committedEntries = r.log().nextCommittedEntries();
    rd.messages = r.takeMessages();
    rd.readStates = r.takeReadStates();
    // A changed commit index alone need not be synced: it can be recovered from the leader.
    rd.mustSync = !rd.entries.empty() || rd.snapshot.has_value() || hs.term != m_prevHardState.term
        || hs.vote != m_prevHardState.vote;
    m_readyOutstanding = true;
    return rd;
}

void RawNode::advance(const Ready &rd)
{
    RAFT_CHECK(m_readyOutstanding, "advance() without a Ready");
    m_readyOutstanding = false;
    if (rd.softState)
        m_prevSoftState = *rd.softState;
    if (rd.hardState)
        m_prevHardState = *rd.hardState;
    RaftLog &log = m_raft->log();
    if (!rd.committedEntries.empty())
        log.appliedTo(rd.committedEntries.back().index);
    else if (rd.snapshot)
        log.appliedTo(rd.snapshot->metadata.index);
    if (!rd.entries.empty())
        log.stableTo(rd.entries.back().index, rd.entries.back().term);
    if (rd.snapshot)
        log.stableSnapTo(rd.snapshot->metadata.index);
}

Status RawNode::status(bool withProgress) const
{
    const Raft &r = *m_raft;
    Status s;
    s.id = r.id();
    s.hardState = r.hardState();
    s.softState = r.softState();
    s.applied = r.log().applied();
    s.lastIndex = r.log().lastIndex();
    s.leadTransferee = r.leadTransferee();
    s.config = r.tracker().confState();
    if (withProgress && r.role() == Role::Leader)
        s.progress = r.tracker().progressMap();
    return s;
}

} // namespace quorum::raft
