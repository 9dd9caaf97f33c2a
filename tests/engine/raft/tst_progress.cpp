// Flow control and the leader's bookkeeping: Inflights, Progress state transitions and the
// quorum arithmetic of ProgressTracker.

#include "engine/raft/ProgressTracker.h"

#include <QtTest>

using namespace quorum::raft;

class TestProgress : public QObject {
    Q_OBJECT

private slots:
    void inflightsCountLimit();
    void inflightsByteLimit();
    void inflightsWrapAround();
    void maybeUpdate();
    void maybeDecrTo_data();
    void maybeDecrTo();
    void isPaused_data();
    void isPaused();
    void becomeProbeAfterSnapshot();
    void committed_data();
    void committed();
    void tallyVotes_data();
    void tallyVotes();
    void quorumActiveCountsSelf();
    void learnersDoNotCount();
    void switchToKeepsProgress();
};

void TestProgress::inflightsCountLimit()
{
    Inflights in(3, 0);
    in.add(1, 10);
    in.add(2, 10);
    QVERIFY(!in.full());
    in.add(5, 10);
    QVERIFY(in.full());
    QCOMPARE(in.count(), std::size_t(3));
    in.freeLE(1);
    QCOMPARE(in.count(), std::size_t(2));
    QVERIFY(!in.full());
    in.freeLE(4); // frees 2, keeps 5
    QCOMPARE(in.count(), std::size_t(1));
    in.freeLE(0); // nothing at or below 0
    QCOMPARE(in.count(), std::size_t(1));
    in.freeFirstOne();
    QCOMPARE(in.count(), std::size_t(0));
    QCOMPARE(in.bytes(), quint64(0));
}

void TestProgress::inflightsByteLimit()
{
    Inflights in(100, 25);
    in.add(1, 10);
    QVERIFY(!in.full());
    in.add(2, 10);
    QVERIFY(!in.full());
    in.add(3, 10); // 30 bytes >= 25
    QVERIFY(in.full());
    QCOMPARE(in.bytes(), quint64(30));
    in.freeLE(1);
    QCOMPARE(in.bytes(), quint64(20));
    QVERIFY(!in.full());
}

void TestProgress::inflightsWrapAround()
{
    // Many add/free rounds through the ring keep order and counts right.
    Inflights in(4, 0);
    std::uint64_t next = 1;
    for (int round = 0; round < 50; ++round) {
        while (!in.full())
            in.add(next++, 1);
        QCOMPARE(in.count(), std::size_t(4));
        in.freeLE(next - 3); // keeps the last two
        QCOMPARE(in.count(), std::size_t(2));
    }
    in.reset();
    QCOMPARE(in.count(), std::size_t(0));
}

void TestProgress::maybeUpdate()
{
    Progress pr(8, 0);
    pr.match = 3;
    pr.next = 5;
    QVERIFY(!pr.maybeUpdate(2)); // old news
    QCOMPARE(pr.match, quint64(3));
    QCOMPARE(pr.next, quint64(5));
    QVERIFY(!pr.maybeUpdate(3));
    QVERIFY(pr.maybeUpdate(4));
    QCOMPARE(pr.match, quint64(4));
    QCOMPARE(pr.next, quint64(5));
    QVERIFY(pr.maybeUpdate(7));
    QCOMPARE(pr.next, quint64(8));
}

void TestProgress::maybeDecrTo_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<quint64>("match");
    QTest::addColumn<quint64>("next");
    QTest::addColumn<quint64>("rejected");
    QTest::addColumn<quint64>("hint");
    QTest::addColumn<bool>("decreased");
    QTest::addColumn<quint64>("wantNext");
    const int replicate = int(ProgressState::Replicate);
    const int probe = int(ProgressState::Probe);
    QTest::newRow("replicate: stale rejection") << replicate << quint64(5) << quint64(10) << quint64(5)
                                                << quint64(5) << false << quint64(10);
    QTest::newRow("replicate: older stale rejection") << replicate << quint64(5) << quint64(10) << quint64(4)
                                                      << quint64(4) << false << quint64(10);
    QTest::newRow("replicate: back to match+1") << replicate << quint64(5) << quint64(10) << quint64(9)
                                                << quint64(9) << true << quint64(6);
    QTest::newRow("probe: not the probed index") << probe << quint64(0) << quint64(10) << quint64(5)
                                                 << quint64(5) << false << quint64(10);
    QTest::newRow("probe: step to the hint") << probe << quint64(0) << quint64(10) << quint64(9) << quint64(4)
                                             << true << quint64(5);
    QTest::newRow("probe: hint past rejected") << probe << quint64(0) << quint64(10) << quint64(9)
                                               << quint64(20) << true << quint64(9);
    QTest::newRow("probe: never below match+1") << probe << quint64(3) << quint64(10) << quint64(9)
                                                << quint64(0) << true << quint64(4);
}

void TestProgress::maybeDecrTo()
{
    QFETCH(int, state);
    QFETCH(quint64, match);
    QFETCH(quint64, next);
    QFETCH(quint64, rejected);
    QFETCH(quint64, hint);
    QFETCH(bool, decreased);
    QFETCH(quint64, wantNext);
    Progress pr(8, 0);
    pr.state = static_cast<ProgressState>(state);
    pr.match = match;
    pr.next = next;
    pr.msgAppFlowPaused = true;
    QCOMPARE(pr.maybeDecrTo(rejected, hint), decreased);
    QCOMPARE(pr.next, wantNext);
    if (decreased && pr.state == ProgressState::Probe)
        QVERIFY(!pr.msgAppFlowPaused); // a rejection answers the probe
}

void TestProgress::isPaused_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<bool>("flowPaused");
    QTest::addColumn<bool>("windowFull");
    QTest::addColumn<bool>("paused");
    QTest::newRow("probe") << int(ProgressState::Probe) << false << false << false;
    QTest::newRow("probe sent") << int(ProgressState::Probe) << true << false << true;
    QTest::newRow("replicate") << int(ProgressState::Replicate) << false << false << false;
    QTest::newRow("replicate, flag ignored") << int(ProgressState::Replicate) << true << false << false;
    QTest::newRow("replicate, window full") << int(ProgressState::Replicate) << false << true << true;
    QTest::newRow("snapshot") << int(ProgressState::Snapshot) << false << false << true;
}

void TestProgress::isPaused()
{
    QFETCH(int, state);
    QFETCH(bool, flowPaused);
    QFETCH(bool, windowFull);
    QFETCH(bool, paused);
    Progress pr(1, 0);
    pr.state = static_cast<ProgressState>(state);
    pr.msgAppFlowPaused = flowPaused;
    if (windowFull)
        pr.inflights.add(1, 1);
    QCOMPARE(pr.isPaused(), paused);
}

void TestProgress::becomeProbeAfterSnapshot()
{
    Progress pr(8, 0);
    pr.match = 1;
    pr.becomeSnapshot(10);
    QCOMPARE(pr.pendingSnapshot, quint64(10));
    pr.becomeProbe();
    QCOMPARE(pr.state, ProgressState::Probe);
    QCOMPARE(pr.next, quint64(11)); // resume after the snapshot
    QCOMPARE(pr.pendingSnapshot, quint64(0));
    pr.maybeUpdate(10);
    pr.becomeReplicate();
    QCOMPARE(pr.next, quint64(11));
}

void TestProgress::committed_data()
{
    QTest::addColumn<QList<quint64>>("matches"); // voters 1..n
    QTest::addColumn<quint64>("committed");
    QTest::newRow("single") << QList<quint64>{5} << quint64(5);
    QTest::newRow("three, majority at 2") << QList<quint64>{5, 2, 1} << quint64(2);
    QTest::newRow("three, two equal") << QList<quint64>{3, 3, 1} << quint64(3);
    QTest::newRow("four needs three") << QList<quint64>{7, 6, 2, 1} << quint64(2);
    QTest::newRow("five") << QList<quint64>{9, 8, 7, 1, 0} << quint64(7);
    QTest::newRow("five, order irrelevant") << QList<quint64>{0, 7, 1, 9, 8} << quint64(7);
}

void TestProgress::committed()
{
    QFETCH(QList<quint64>, matches);
    QFETCH(quint64, committed);
    ConfState cs;
    for (int i = 0; i < matches.size(); ++i)
        cs.voters.push_back(NodeId(i + 1));
    ProgressTracker t(8, 0);
    t.reset(cs, 1);
    for (int i = 0; i < matches.size(); ++i)
        t.progress(NodeId(i + 1))->match = matches[i];
    QCOMPARE(t.committed(), committed);
}

void TestProgress::tallyVotes_data()
{
    QTest::addColumn<int>("voters");
    QTest::addColumn<QList<int>>("votes"); // per voter: 1 granted, 0 rejected, -1 missing
    QTest::addColumn<int>("result");
    const int pending = int(VoteResult::Pending);
    const int won = int(VoteResult::Won);
    const int lost = int(VoteResult::Lost);
    QTest::newRow("1/1 won") << 1 << QList<int>{1} << won;
    QTest::newRow("3: one granted") << 3 << QList<int>{1, -1, -1} << pending;
    QTest::newRow("3: two granted") << 3 << QList<int>{1, 1, -1} << won;
    QTest::newRow("3: two rejected") << 3 << QList<int>{1, 0, 0} << lost;
    QTest::newRow("3: split, one missing") << 3 << QList<int>{1, 0, -1} << pending;
    QTest::newRow("4: two granted is not enough") << 4 << QList<int>{1, 1, 0, -1} << pending;
    QTest::newRow("4: two-two split is lost") << 4 << QList<int>{1, 1, 0, 0} << lost;
    QTest::newRow("5: three granted") << 5 << QList<int>{1, 1, 1, 0, 0} << won;
}

void TestProgress::tallyVotes()
{
    QFETCH(int, voters);
    QFETCH(QList<int>, votes);
    QFETCH(int, result);
    ConfState cs;
    for (int i = 1; i <= voters; ++i)
        cs.voters.push_back(NodeId(i));
    ProgressTracker t(8, 0);
    t.reset(cs, 1);
    for (int i = 0; i < votes.size(); ++i) {
        if (votes[i] >= 0)
            t.recordVote(NodeId(i + 1), votes[i] == 1);
    }
    // A second vote from the same member is ignored.
    t.recordVote(1, false);
    QCOMPARE(int(t.tallyVotes().result), result);
}

void TestProgress::quorumActiveCountsSelf()
{
    ProgressTracker t(8, 0);
    t.reset({{1, 2, 3}, {}}, 1);
    QVERIFY(!t.quorumActive(1)); // only itself
    t.progress(2)->recentActive = true;
    QVERIFY(t.quorumActive(1));
    QVERIFY(t.quorumActive(3)); // 2 and "self" 3
}

void TestProgress::learnersDoNotCount()
{
    ProgressTracker t(8, 0);
    t.reset({{1, 2, 3}, {4, 5}}, 1);
    QCOMPARE(t.quorum(), std::size_t(2));
    t.progress(1)->match = 9;
    t.progress(4)->match = 9;
    t.progress(5)->match = 9;
    QCOMPARE(t.committed(), quint64(0)); // learners' matches do not commit
    t.recordVote(4, true);
    t.recordVote(5, true);
    t.recordVote(1, true);
    QCOMPARE(t.tallyVotes().result, VoteResult::Pending);
    QVERIFY(t.progress(4)->isLearner);
    QVERIFY(!t.hasQuorum({1, 4, 5}));
    QVERIFY(t.hasQuorum({1, 3}));
}

void TestProgress::switchToKeepsProgress()
{
    ProgressTracker t(8, 0);
    t.reset({{1, 2, 3}, {}}, 5);
    t.progress(2)->match = 4;
    t.switchTo({{1, 2, 3, 4}, {}}, 9);
    QCOMPARE(t.progress(2)->match, quint64(4)); // kept
    QCOMPARE(t.progress(4)->next, quint64(9)); // new member probes at the given index
    QVERIFY(t.progress(4)->recentActive);      // so CheckQuorum does not trip at once
    t.switchTo({{1, 2, 4}, {3}}, 9);
    QVERIFY(t.progress(3)->isLearner);
    t.switchTo({{1, 2, 4}, {}}, 9);
    QVERIFY(t.progress(3) == nullptr);
    QCOMPARE(t.confState(), (ConfState{{1, 2, 4}, {}}));
}

QTEST_GUILESS_MAIN(TestProgress)
#include "tst_progress.moc"
