// The RawNode API: the Ready/advance contract, expected failures as return values, restart
// from storage, configuration validation and the randomized election timeout.

#include "tests/engine/raft/Cluster.h"

#include "engine/raft/MemoryStorage.h"
#include "engine/raft/RawNode.h"

#include <QtTest>

#include <set>

using namespace quorum::raft;
using namespace quorum::raft::testing;

namespace {

Config configFor(NodeId id)
{
    Config c;
    c.id = id;
    return c;
}

/// Runs the driver loop on a lone node until it has nothing to do; returns what it applied.
std::vector<Entry> drain(RawNode &node, MemoryStorage &storage)
{
    std::vector<Entry> applied;
    while (node.hasReady()) {
        Ready rd = node.ready();
        if (rd.hardState)
            storage.setHardState(*rd.hardState);
        storage.append(rd.entries);
        applied.insert(applied.end(), rd.committedEntries.begin(), rd.committedEntries.end());
        for (const Entry &e : rd.committedEntries) {
            if (e.type == EntryType::ConfChange)
                node.applyConfChange(*decodeConfChange(e.data));
        }
        node.advance(rd);
    }
    return applied;
}

/// A three-member cluster with member 1 elected.
void electOne(Cluster &c, Config base = {})
{
    const ConfState cs{{1, 2, 3}, {}};
    for (NodeId id = 1; id <= 3; ++id) {
        Config cfg = base;
        cfg.id = id;
        c.addMember(cfg, &cs);
    }
    c.node(1).campaign();
    QVERIFY(c.stabilize());
    QCOMPARE(c.leader(), NodeId(1));
}

} // namespace

class TestRawNode : public QObject {
    Q_OBJECT

private slots:
    void configValidation_data();
    void configValidation();
    void singleVoterCommitsAlone();
    void readyAdvanceContract();
    void mustSync();
    void stepRefusesLocalAndUnknownPeers();
    void proposeWithoutLeader();
    void proposalForwarding();
    void proposeBatchIsOneMessagePerFollower();
    void confChangeProposalResults();
    void readIndexOnSingleVoterIsImmediate();
    void restartKeepsStateAndLog();
    void electionTimeoutIsRandomizedAndSeeded();
    void statusHasProgressOnlyOnLeader();
    void unreachableFollowerIsProbed();
    void transferRequestIsForwardedAgain();
    void snapshotTemporarilyUnavailableIsRetried();
    void withoutCheckQuorumIsolatedLeaderStays();
};

void TestRawNode::configValidation_data()
{
    QTest::addColumn<int>("id");
    QTest::addColumn<int>("election");
    QTest::addColumn<int>("heartbeat");
    QTest::addColumn<int>("inflight");
    QTest::addColumn<QString>("error");
    QTest::newRow("defaults") << 1 << 10 << 1 << 256 << "";
    QTest::newRow("id 0") << 0 << 10 << 1 << 256 << "id must not be 0";
    QTest::newRow("heartbeat 0") << 1 << 10 << 0 << 256 << "heartbeatTick must be greater than 0";
    QTest::newRow("election not above heartbeat") << 1 << 2 << 2 << 256
                                                  << "electionTick must be greater than heartbeatTick";
    QTest::newRow("no inflight window") << 1 << 10 << 1 << 0 << "maxInflightMsgs must be greater than 0";
}

void TestRawNode::configValidation()
{
    QFETCH(int, id);
    QFETCH(int, election);
    QFETCH(int, heartbeat);
    QFETCH(int, inflight);
    QFETCH(QString, error);
    Config c;
    c.id = NodeId(id);
    c.electionTick = election;
    c.heartbeatTick = heartbeat;
    c.maxInflightMsgs = std::size_t(inflight);
    QCOMPARE(QString::fromStdString(c.validate()), error);
    // etcd's defaults, in ticks of 100 ms: heartbeat 100 ms, election timeout 1000 ms.
    const Config defaults;
    QCOMPARE(defaults.heartbeatTick, 1);
    QCOMPARE(defaults.electionTick, 10);
    QVERIFY(defaults.preVote && defaults.checkQuorum);
}

void TestRawNode::singleVoterCommitsAlone()
{
    MemoryStorage storage;
    storage.bootstrap({{1}, {}});
    RawNode node(configFor(1), storage);
    QCOMPARE(node.propose("early"), ProposeResult::NotLeader);
    node.campaign();
    QCOMPARE(node.status().softState.role, Role::Leader);
    QCOMPARE(node.propose("x"), ProposeResult::Ok);
    Ready rd = node.ready();
    QVERIFY(rd.softState && rd.softState->role == Role::Leader);
    QVERIFY(rd.hardState.has_value());
    QCOMPARE(rd.hardState->term, quint64(2));
    // Alone, an entry is committed as soon as it is appended: this Ready both persists and
    // applies it (persist first, then apply).
    QCOMPARE(rd.entries.size(), std::size_t(2));
    QCOMPARE(rd.committedEntries.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(rd.committedEntries.back().data), QStringLiteral("x"));
    QVERIFY(rd.messages.empty());
    QVERIFY(rd.mustSync);
    storage.setHardState(*rd.hardState);
    storage.append(rd.entries);
    node.advance(rd);
    QVERIFY(!node.hasReady());
    QCOMPARE(node.status().applied, quint64(3));
}

void TestRawNode::readyAdvanceContract()
{
    MemoryStorage storage;
    storage.bootstrap({{1}, {}});
    RawNode node(configFor(1), storage);
    node.campaign();
    QVERIFY(node.hasReady());
    Ready rd = node.ready();
    // While a Ready is outstanding nothing new is reported, even if more work arrives.
    QCOMPARE(node.propose("during"), ProposeResult::Ok);
    QVERIFY(!node.hasReady());
    storage.setHardState(*rd.hardState);
    storage.append(rd.entries);
    node.advance(rd);
    QVERIFY(node.hasReady());
    Ready second = node.ready();
    // Only what is new: the entry proposed meanwhile, nothing applied twice.
    QCOMPARE(second.entries.size(), std::size_t(1));
    QCOMPARE(second.committedEntries.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(second.committedEntries.front().data), QStringLiteral("during"));
    storage.append(second.entries);
    node.advance(second);
    QVERIFY(drain(node, storage).empty());
}

void TestRawNode::mustSync()
{
    Cluster c;
    electOne(c);
    // A follower learning only a new commit index need not sync: the index can be re-learned.
    c.node(1).propose("x");
    c.processReady(1);
    c.deliverTo(2);
    c.deliverTo(3);
    c.processReady(2);
    c.processReady(3);
    c.deliverTo(1);
    c.processReady(1); // leader commits, tells followers
    c.deliverTo(2);
    Ready rd = c.node(2).ready();
    QVERIFY(rd.hardState.has_value());
    QVERIFY(rd.entries.empty());
    QVERIFY(!rd.mustSync);
    c.node(2).advance(rd);
    // A pre-vote round changes nothing durable...
    c.node(3).campaign();
    rd = c.node(3).ready();
    QVERIFY(!rd.hardState.has_value());
    QVERIFY(!rd.mustSync);
    c.node(3).advance(rd);
    // ...but a real candidacy (new term, own vote) must be synced before its requests leave.
    Cluster noPreVote;
    Config base;
    base.preVote = false;
    electOne(noPreVote, base);
    noPreVote.node(3).campaign();
    rd = noPreVote.node(3).ready();
    QVERIFY(rd.hardState.has_value() && rd.hardState->vote == 3);
    QVERIFY(rd.mustSync);
    noPreVote.node(3).advance(rd);
}

void TestRawNode::stepRefusesLocalAndUnknownPeers()
{
    Cluster c;
    electOne(c);
    Message hup;
    hup.type = MessageType::MsgHup;
    hup.from = 2;
    QCOMPARE(c.node(1).step(hup), StepResult::LocalMessage);
    Message resp;
    resp.type = MessageType::MsgAppResp;
    resp.from = 9;
    resp.to = 1;
    resp.term = c.node(1).raft().term();
    resp.index = 100;
    QCOMPARE(c.node(1).step(resp), StepResult::UnknownPeer);
    QCOMPARE(c.node(1).raft().log().committed(), quint64(2));
}

void TestRawNode::proposeWithoutLeader()
{
    Cluster c;
    const ConfState cs{{1, 2, 3}, {}};
    for (NodeId id = 1; id <= 3; ++id)
        c.addMember(configFor(id), &cs);
    QCOMPARE(c.node(2).propose("x"), ProposeResult::NotLeader);
    QCOMPARE(c.node(2).readIndex("r"), ProposeResult::NotLeader);
    c.node(2).campaign(); // pre-candidate: still no leader
    QCOMPARE(c.node(2).propose("x"), ProposeResult::NotLeader);
}

void TestRawNode::proposalForwarding()
{
    Cluster forwarding;
    electOne(forwarding);
    QCOMPARE(forwarding.node(2).propose("via-2"), ProposeResult::Ok);
    Ready rd = forwarding.node(2).ready();
    QCOMPARE(rd.messages.size(), std::size_t(1));
    QCOMPARE(rd.messages.front().type, MessageType::MsgProp);
    QCOMPARE(rd.messages.front().to, NodeId(1));
    forwarding.node(2).advance(rd);

    Cluster refusing;
    Config base;
    base.disableProposalForwarding = true;
    electOne(refusing, base);
    QCOMPARE(refusing.node(2).propose("via-2"), ProposeResult::NotLeader);
    QVERIFY(!refusing.node(2).hasReady());
    QCOMPARE(refusing.node(1).propose("direct"), ProposeResult::Ok);
}

void TestRawNode::proposeBatchIsOneMessagePerFollower()
{
    Cluster c;
    electOne(c);
    QCOMPARE(c.node(1).proposeBatch({"a", "b", "c"}), ProposeResult::Ok);
    Ready rd = c.node(1).ready();
    QCOMPARE(rd.entries.size(), std::size_t(3));
    QCOMPARE(rd.messages.size(), std::size_t(2));
    for (const Message &m : rd.messages) {
        QCOMPARE(m.type, MessageType::MsgApp);
        QCOMPARE(m.entries.size(), std::size_t(3));
    }
    c.node(1).advance(rd);
    // Refused as a whole: no leader, no partial batch.
    Cluster none;
    const ConfState cs{{1, 2, 3}, {}};
    for (NodeId id = 1; id <= 3; ++id)
        none.addMember(configFor(id), &cs);
    QCOMPARE(none.node(1).proposeBatch({"x", "y"}), ProposeResult::NotLeader);
    QCOMPARE(none.node(1).raft().log().lastIndex(), quint64(1));
}

void TestRawNode::confChangeProposalResults()
{
    MemoryStorage storage;
    storage.bootstrap({{1}, {}});
    RawNode node(configFor(1), storage);
    node.campaign();
    drain(node, storage);
    QCOMPARE(node.proposeConfChange({ConfChangeType::RemoveNode, 9, {}}), ProposeResult::InvalidConfChange);
    QCOMPARE(node.proposeConfChange({ConfChangeType::RemoveNode, 1, {}}), ProposeResult::InvalidConfChange);
    QCOMPARE(node.proposeConfChange({ConfChangeType::AddVoter, 1, {}}), ProposeResult::InvalidConfChange);
    QCOMPARE(node.proposeConfChange({ConfChangeType::AddLearner, 2, {}}), ProposeResult::Ok);
    QCOMPARE(node.proposeConfChange({ConfChangeType::AddLearner, 3, {}}), ProposeResult::ConfChangePending);
    // Once the first change is applied, the next one is accepted.
    drain(node, storage);
    QCOMPARE(node.status().config, (ConfState{{1}, {2}}));
    QCOMPARE(node.proposeConfChange({ConfChangeType::AddLearner, 3, {}}), ProposeResult::Ok);
    drain(node, storage);
    QCOMPARE(node.status().config, (ConfState{{1}, {2, 3}}));
}

void TestRawNode::readIndexOnSingleVoterIsImmediate()
{
    MemoryStorage storage;
    storage.bootstrap({{1}, {}});
    RawNode node(configFor(1), storage);
    node.campaign();
    drain(node, storage);
    QCOMPARE(node.readIndex("ctx-1"), ProposeResult::Ok);
    Ready rd = node.ready();
    QCOMPARE(rd.readStates.size(), std::size_t(1));
    QCOMPARE(rd.readStates.front(), (ReadState{2, "ctx-1"}));
    node.advance(rd);
}

void TestRawNode::restartKeepsStateAndLog()
{
    MemoryStorage storage;
    storage.bootstrap({{1}, {}});
    {
        RawNode node(configFor(1), storage);
        node.campaign();
        node.propose("a");
        node.propose("b");
        QCOMPARE(drain(node, storage).size(), std::size_t(3));
    }
    Config c = configFor(1);
    c.applied = 3; // the application says it applied up to "a"
    RawNode again(c, storage);
    const Status s = again.status();
    QCOMPARE(s.hardState, (HardState{2, 1, 4}));
    QCOMPARE(s.softState.role, Role::Follower);
    QCOMPARE(s.lastIndex, quint64(4));
    QCOMPARE(s.applied, quint64(3));
    // Only what was not applied yet comes again.
    const auto applied = drain(again, storage);
    QCOMPARE(applied.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(applied.front().data), QStringLiteral("b"));
}

void TestRawNode::electionTimeoutIsRandomizedAndSeeded()
{
    // Ticks until a follower of a silent cluster campaigns, for many seeds: always within
    // [electionTick, 2 * electionTick), every value in that range shows up, and a seed always
    // gives the same value.
    auto ticksToCampaign = [](std::uint64_t seed, NodeId id) {
        MemoryStorage storage;
        storage.bootstrap({{1, 2, 3}, {}});
        Config c = configFor(id);
        c.seed = seed;
        RawNode node(c, storage);
        for (int tick = 1; tick <= 100; ++tick) {
            node.tick();
            if (node.raft().role() != Role::Follower)
                return tick;
        }
        return -1;
    };
    std::set<int> seen;
    for (std::uint64_t seed = 0; seed < 200; ++seed) {
        const int t = ticksToCampaign(seed, 2);
        QVERIFY2(t >= 10 && t < 20, qPrintable(QString("seed %1: %2 ticks").arg(seed).arg(t)));
        QCOMPARE(ticksToCampaign(seed, 2), t);
        seen.insert(t);
    }
    QCOMPARE(seen.size(), std::size_t(10));
    // Same seed, different members: not all in lockstep.
    std::set<int> members;
    for (NodeId id = 1; id <= 5; ++id)
        members.insert(ticksToCampaign(42, id));
    QVERIFY(members.size() > 1);
}

void TestRawNode::statusHasProgressOnlyOnLeader()
{
    Cluster c;
    electOne(c);
    const Status leader = c.node(1).status();
    QCOMPARE(leader.progress.size(), std::size_t(3));
    QCOMPARE(leader.progress.at(2).state, ProgressState::Replicate);
    QCOMPARE(leader.progress.at(2).match, quint64(2));
    QVERIFY(c.node(2).status().progress.empty());
    QVERIFY(c.node(1).status(false).progress.empty());
    QCOMPARE(c.node(2).status().softState.lead, NodeId(1));
}

void TestRawNode::unreachableFollowerIsProbed()
{
    Cluster c;
    electOne(c);
    c.node(1).reportUnreachable(3);
    QCOMPARE(c.node(1).status().progress.at(3).state, ProgressState::Probe);
    // The next heartbeat round brings it back to replicating.
    c.node(1).tick();
    QVERIFY(c.stabilize());
    QCOMPARE(c.node(1).status().progress.at(3).state, ProgressState::Replicate);
}

void TestRawNode::transferRequestIsForwardedAgain()
{
    // A transfer request forwarded by one follower can reach another member that is no longer
    // (or never was) the leader; that member forwards it on, under its own term.
    Cluster c;
    electOne(c);
    Message req;
    req.type = MessageType::MsgTransferLeader;
    req.from = 2; // the transferee travels in `from`
    req.to = 3;
    req.term = c.node(3).raft().term();
    QCOMPARE(c.node(3).step(req), StepResult::Ok);
    Ready rd = c.node(3).ready();
    QCOMPARE(rd.messages.size(), std::size_t(1));
    QCOMPARE(rd.messages.front().to, NodeId(1));
    QCOMPARE(rd.messages.front().term, c.node(3).raft().term());
    c.node(3).advance(rd);
    c.node(1).step(rd.messages.front());
    QCOMPARE(c.node(1).raft().leadTransferee(), NodeId(2));
    QVERIFY(c.stabilize());
    QCOMPARE(c.leader(), NodeId(2));
}

void TestRawNode::snapshotTemporarilyUnavailableIsRetried()
{
    Cluster c;
    electOne(c);
    c.crash(3);
    for (char i = '0'; i < '5'; ++i)
        c.node(1).propose(std::string(1, i));
    QVERIFY(c.stabilize());
    std::string why;
    QVERIFY2(c.compact(1, 6, &why), why.c_str());
    c.member(1).storage->setSnapshotUnavailable(true);
    c.restart(3);
    for (int i = 0; i < 3; ++i) {
        c.node(1).tick();
        QVERIFY(c.stabilize());
    }
    QCOMPARE(c.member(3).appApplied, quint64(2)); // no snapshot could be sent
    c.member(1).storage->setSnapshotUnavailable(false);
    c.node(1).tick();
    QVERIFY(c.stabilize());
    QCOMPARE(c.member(3).appApplied, quint64(7));
    QCOMPARE(c.member(3).appHash, c.member(1).appHash);
    QVERIFY(c.safety().ok());
}

void TestRawNode::withoutCheckQuorumIsolatedLeaderStays()
{
    Cluster c;
    Config base;
    base.checkQuorum = false;
    electOne(c, base);
    c.isolate(1);
    for (int i = 0; i < 100; ++i) {
        c.node(1).tick();
        QVERIFY(c.stabilize());
    }
    // Without CheckQuorum a partitioned leader never finds out (hence the option's default).
    QCOMPARE(c.node(1).raft().role(), Role::Leader);
}

QTEST_GUILESS_MAIN(TestRawNode)
#include "tst_rawnode.moc"
