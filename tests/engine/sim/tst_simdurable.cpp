// engine/sim on engine/durable: members recover from their simulated disks (torn WAL tails are
// cut, unsynced writes may survive), snapshots and log compaction (a follower behind the
// compacted log is restored from MsgSnap and agrees with the leader; a restart restores the
// store from the member's own snapshot), leadership transfer, ReadIndex gets, and the safety
// monitor's durability check (what a member acknowledged must survive its crash).

#include "engine/sim/Scenario.h"
#include "engine/sim/Simulation.h"
#include "engine/sim/Text.h"
#include "engine/store/Command.h"
#include "tests/engine/sim/SimHistory.h"

#include <QtTest>

#include <algorithm>
#include <limits>

using namespace quorum;
using namespace quorum::sim;

namespace {

raft::NodeId waitForLeader(Simulation &sim, Micros limit)
{
    sim.runUntil(sim.now() + limit, [&sim] { return sim.leader() != raft::kNone; });
    return sim.leader();
}

std::string putBytes(std::uint64_t requestId, const std::string &key, const std::string &value)
{
    store::Command cmd;
    cmd.requestId = requestId;
    cmd.body = store::Put{key, value, 0, false};
    return store::encodeCommand(cmd);
}

/// Proposes `count` puts k<i> = v<i> at whoever leads, a few milliseconds apart.
void writeKeys(Simulation &sim, int first, int count)
{
    for (int i = first; i < first + count; ++i) {
        const raft::NodeId l = sim.leader();
        if (l != raft::kNone)
            sim.propose(l, putBytes(static_cast<std::uint64_t>(i), cat("k", i), cat("v", i)));
        sim.runUntil(sim.now() + 3 * kMs);
    }
}

/// Every running member has applied the same index and has the same store hash.
bool storesAgree(Simulation &sim)
{
    const raft::NodeId l = sim.leader();
    if (l == raft::kNone)
        return false;
    for (raft::NodeId id : sim.ids()) {
        if (!sim.isUp(id) || sim.kv(id).hash() != sim.kv(l).hash()
            || sim.kv(id).appliedIndex() != sim.kv(l).appliedIndex())
            return false;
    }
    return true;
}

raft::Message message(raft::MessageType type, raft::NodeId from, raft::NodeId to, std::uint64_t term,
                      std::uint64_t index)
{
    raft::Message m;
    m.type = type;
    m.from = from;
    m.to = to;
    m.term = term;
    m.index = index;
    return m;
}

} // namespace

class TestSimDurable : public QObject {
    Q_OBJECT

private slots:
    void followerBehindTheCompactedLogIsRestoredFromASnapshot()
    {
        SimOptions o;
        o.snapshotEvery = 20;
        o.snapshotCatchUpEntries = 5;
        Simulation sim(o);
        std::string timeline;
        sim.setTimeline([&timeline](const std::string &l) { timeline += l + "\n"; });
        const raft::NodeId l = waitForLeader(sim, 5 * kSecond);
        QVERIFY(l != raft::kNone);
        const raft::NodeId x = l == 1 ? 2 : 1;
        sim.crash(x);
        writeKeys(sim, 1, 120);
        sim.runUntil(sim.now() + 500 * kMs);
        // The leader compacted its log well past where x stopped.
        QVERIFY(sim.node(sim.leader()).raft().log().firstIndex() > 60);
        QCOMPARE(sim.stats().snapshotsInstalled, std::uint64_t(0));
        sim.restart(x);
        sim.runUntil(sim.now() + 2 * kSecond);
        QVERIFY(sim.stats().snapshotsSent >= 1);
        QVERIFY(sim.stats().snapshotsInstalled >= 1);
        QVERIFY(timeline.find(cat("n", x, " installed a snapshot at index ")) != std::string::npos);
        QVERIFY(storesAgree(sim));
        QCOMPARE(sim.kv(x).get("k1")->value, std::string("v1"));
        QCOMPARE(sim.kv(x).get("k120")->value, std::string("v120"));
        QVERIFY(sim.safety().ok());
    }

    void restartRestoresTheStoreFromItsOwnSnapshot()
    {
        SimOptions o;
        o.snapshotEvery = 25;
        o.snapshotCatchUpEntries = 5;
        Simulation sim(o);
        QVERIFY(waitForLeader(sim, 5 * kSecond) != raft::kNone);
        writeKeys(sim, 1, 80);
        sim.runUntil(sim.now() + 500 * kMs);
        QVERIFY(sim.stats().snapshotsTaken >= 3 * 3);
        for (raft::NodeId id : sim.ids())
            sim.crash(id);
        for (raft::NodeId id : sim.ids())
            sim.restart(id);
        QCOMPARE(sim.stats().restoredFromSnapshot, std::uint64_t(3));
        // Before any message: the store already holds what the snapshot covers.
        for (raft::NodeId id : sim.ids())
            QCOMPARE(sim.kv(id).get("k10")->value, std::string("v10"));
        QVERIFY(waitForLeader(sim, 5 * kSecond) != raft::kNone);
        sim.runUntil(sim.now() + 1 * kSecond);
        QVERIFY(storesAgree(sim));
        QCOMPARE(sim.kv(1).get("k80")->value, std::string("v80"));
        QVERIFY(sim.safety().ok());
    }

    void safetyRecordsFollowTheCompactedLogs()
    {
        // The safety monitor forgets entries no log holds any more: a long run keeps records in
        // proportion to the logs. A member that is down holds the line where its log began.
        SimOptions o;
        o.snapshotEvery = 20;
        o.snapshotCatchUpEntries = 5;
        Simulation sim(o);
        QVERIFY(waitForLeader(sim, 5 * kSecond) != raft::kNone);
        auto firstOfEveryLog = [&sim] {
            std::uint64_t first = std::numeric_limits<std::uint64_t>::max();
            for (raft::NodeId id : sim.ids())
                first = std::min(first, sim.node(id).raft().log().firstIndex());
            return first;
        };
        writeKeys(sim, 1, 200);
        sim.runUntil(sim.now() + 500 * kMs);
        QVERIFY(sim.safety().firstKept() > 150);
        QCOMPARE(sim.safety().firstKept(), firstOfEveryLog());
        const std::size_t kept = sim.safety().recordsKept();
        // A few records (persisted by three members, applied, committed) per entry still in a log.
        const std::uint64_t last = sim.node(sim.leader()).raft().log().lastIndex();
        QVERIFY2(kept <= 6 * (last - sim.safety().firstKept() + 1), qPrintable(QString::number(kept)));

        const raft::NodeId x = sim.leader() == 1 ? 2 : 1;
        const std::uint64_t line = sim.node(x).raft().log().firstIndex();
        sim.crash(x);
        writeKeys(sim, 201, 100);
        sim.runUntil(sim.now() + 500 * kMs);
        QCOMPARE(sim.safety().firstKept(), line);
        sim.restart(x);
        sim.runUntil(sim.now() + 2 * kSecond);
        writeKeys(sim, 301, 60);
        sim.runUntil(sim.now() + 500 * kMs);
        QVERIFY(sim.safety().firstKept() > line);
        QCOMPARE(sim.safety().firstKept(), firstOfEveryLog());
        QVERIFY(storesAgree(sim));
        QVERIFY(sim.safety().ok());
        QVERIFY(sim.safety().checks() > 0);
    }

    void crashesLeaveTornTailsThatRecoveryCuts()
    {
        // Long fsyncs and crashes that always keep a garbled prefix of the unsynced tail: the
        // member crashes with a Ready written but not synced, recovery cuts the damaged record,
        // and the written-but-unsynced entries that did survive do not upset the monitor.
        SimOptions o;
        o.fsyncMin = 5 * kMs;
        o.fsyncMax = 5 * kMs;
        o.crashKeepsTornTail = 1.0;
        o.crashGarblesTornTail = 1.0;
        o.snapshotEvery = 30;
        o.snapshotCatchUpEntries = 5;
        Simulation sim(o);
        std::string timeline;
        sim.setTimeline([&timeline](const std::string &l) { timeline += l + "\n"; });
        QVERIFY(waitForLeader(sim, 5 * kSecond) != raft::kNone);
        int round = 0;
        for (; round < 40 && sim.stats().tornTailsCut < 3; ++round) {
            const raft::NodeId l = waitForLeader(sim, 5 * kSecond);
            QVERIFY(l != raft::kNone);
            for (int i = 0; i < 5; ++i)
                sim.propose(l, putBytes(static_cast<std::uint64_t>(round * 10 + i), cat("r", round), cat(i)));
            sim.runUntil(sim.now() + 2 * kMs); // written, not yet synced
            sim.crash(l);
            sim.restart(l);
        }
        QVERIFY2(sim.stats().tornTailsCut >= 3, cat("rounds ", round).c_str());
        QVERIFY(sim.stats().tornWrites >= 1);
        QVERIFY(timeline.find("recovery cut a torn WAL tail") != std::string::npos);
        QVERIFY(waitForLeader(sim, 5 * kSecond) != raft::kNone);
        sim.runUntil(sim.now() + 1 * kSecond);
        QVERIFY(storesAgree(sim));
        QVERIFY2(sim.safety().ok(), sim.safety().ok() ? "" : sim.safety().violations().front().what.c_str());
    }

    void leadershipTransferMovesTheLeader()
    {
        Simulation sim(SimOptions{});
        const raft::NodeId l = waitForLeader(sim, 5 * kSecond);
        QVERIFY(l != raft::kNone);
        writeKeys(sim, 1, 5);
        const raft::NodeId to = l == 3 ? 1 : 3;
        QVERIFY(sim.transferLeadership(l, to));
        // MsgTimeoutNow makes the target campaign at once: well under an election timeout.
        const Micros start = sim.now();
        sim.runUntil(sim.now() + 2 * kSecond, [&] { return sim.leader() == to; });
        QCOMPARE(sim.leader(), to);
        QVERIFY(sim.now() - start < 500 * kMs);
        QCOMPARE(sim.stats().transfers, std::uint64_t(1));
        QCOMPARE(sim.stats().transfersDone, std::uint64_t(1));
        QVERIFY(sim.safety().ok());
    }

    void getsThroughReadIndexAreLinearizable()
    {
        ScenarioOptions o = seededScenario(11);
        const ScenarioResult r = runScenario(o);
        QVERIFY(!r.violation);
        QVERIFY(r.clients.readIndexReads > 20);
        const auto lin = checkHistory(r.history);
        QVERIFY(!lin.gaveUp);
        QVERIFY(lin.linearizable);
        // The same schedule with gets through the log commits more entries.
        o.clientOptions.readIndex = false;
        const ScenarioResult logged = runScenario(o);
        QCOMPARE(logged.clients.readIndexReads, std::uint64_t(0));
        QVERIFY(checkHistory(logged.history).linearizable);
    }

    void durabilityCheckCatchesLostAcknowledgements()
    {
        using raft::MessageType;
        {
            SafetyMonitor m; // an acknowledged append lost in a crash
            m.onSent(message(MessageType::MsgAppResp, 2, 1, 3, 10));
            m.onRecovered(0, 2, raft::HardState{3, 1, 5}, 10);
            QVERIFY(m.ok());
            m.onRecovered(0, 2, raft::HardState{3, 1, 5}, 9);
            QVERIFY(!m.ok());
            QVERIFY(m.violations().front().what.find("durability: member 2 acknowledged") != std::string::npos);
        }
        {
            SafetyMonitor m; // a new leader overwrote the acknowledged suffix: no longer owed
            m.onSent(message(MessageType::MsgAppResp, 2, 1, 3, 10));
            m.onRewrite(2, 8);
            m.onRecovered(0, 2, raft::HardState{4, 3, 5}, 7);
            QVERIFY(m.ok());
        }
        {
            SafetyMonitor m; // a granted vote must survive; a rejected one owes nothing
            m.onSent(message(MessageType::MsgVoteResp, 2, 3, 5, 0));
            raft::Message rejected = message(MessageType::MsgVoteResp, 2, 1, 6, 0);
            rejected.reject = true;
            m.onSent(rejected);
            m.onRecovered(0, 2, raft::HardState{5, 3, 0}, 0);
            m.onRecovered(0, 2, raft::HardState{6, 0, 0}, 0);
            QVERIFY(m.ok());
            m.onRecovered(0, 2, raft::HardState{5, 1, 0}, 0);
            QVERIFY(!m.ok());
            m.onRecovered(0, 2, raft::HardState{4, 3, 0}, 0);
            QCOMPARE(m.violations().size(), std::size_t(2));
        }
    }
};

QTEST_APPLESS_MAIN(TestSimDurable)
#include "tst_simdurable.moc"
