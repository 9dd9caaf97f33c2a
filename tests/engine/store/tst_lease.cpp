// Leases: grant (explicit and chosen ids), refusals, attaching keys through puts, keep-alive,
// revoke in one revision, and expiry that only happens through the replicated LeaseExpire.

#include "StoreTestUtil.h"

using namespace quorum::store;
using namespace quorum::store::test;

class TestLease : public QObject {
    Q_OBJECT

private slots:
    void grant_data();
    void grant();
    void attachAndDetach();
    void revokeDeletesKeysInOneRevision();
    void keepAliveAndDeadlines();
    void expireIsReplicatedAndRacesWithKeepAlive();
    void membersWithDifferentClocksAgree();
    void promoteRestartsDeadlines();
};

void TestLease::grant_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("results");  // per command: error or granted id
    QTest::newRow("explicit id") << "grant 7 5000" << "7";
    QTest::newRow("chosen ids count up") << "grant 0 10; grant 0 10; grant 0 10" << "1 2 3";
    QTest::newRow("chosen ids skip used ones") << "grant 2 10; grant 3 10; grant 0 10; grant 0 10" << "2 3 1 4";
    QTest::newRow("explicit id in use") << "grant 5 10; grant 5 10" << "5 lease-exists";
    QTest::newRow("ttl 0") << "grant 1 0" << "invalid-ttl";
    QTest::newRow("negative ttl") << "grant 1 -5" << "invalid-ttl";
    QTest::newRow("ttl too large") << "grant 1 9000000000001" << "invalid-ttl";
    QTest::newRow("largest ttl") << "grant 1 9000000000000" << "1";
    QTest::newRow("negative id") << "grant -1 10" << "invalid-lease-id";
    QTest::newRow("revoke missing") << "revoke 3" << "lease-not-found";
    QTest::newRow("keepalive missing") << "keepalive 3" << "lease-not-found";
    QTest::newRow("put with missing lease") << "put k v 3" << "lease-not-found";
    QTest::newRow("revoked id can be granted again") << "grant 4 10; revoke 4; grant 4 10" << "4 4 4";
}

void TestLease::grant()
{
    QFETCH(QString, script);
    QFETCH(QString, results);
    Member m;
    QStringList got;
    for (const ApplyResult &r : runScript(m, script.toStdString())) {
        got << (r.ok() ? QString::number(r.leaseId) : QString(toString(r.error)));
        QVERIFY(r.ok() || !r.message.empty());
        QCOMPARE(r.revision, 1LL);  // leases alone are not writes
    }
    QCOMPARE(got.join(' '), results);
}

void TestLease::attachAndDetach()
{
    Member m;
    runScript(m, "grant 1 1000; grant 2 1000; put a x 1; put b x 1; put c x 2");
    QCOMPARE(m.store.leaseTimeToLive(1, 0)->keys, (std::vector<std::string>{"a", "b"}));
    runScript(m, "put a y 2; put b y; del c");  // move a to lease 2, detach b, delete c
    QCOMPARE(m.store.leaseTimeToLive(1, 0)->keys, std::vector<std::string>{});
    QCOMPARE(m.store.leaseTimeToLive(2, 0)->keys, std::vector<std::string>{"a"});
    QCOMPARE(q(m.all()), q("a=y c2 m5 v2 l2, b=y c3 m6 v2"));
    // A re-created key without a lease is not deleted by the old lease's revoke.
    runScript(m, "put c again; revoke 2");
    QCOMPARE(q(m.all()), q("b=y c3 m6 v2, c=again c8 m8 v1"));
}

void TestLease::revokeDeletesKeysInOneRevision()
{
    Member m;
    runScript(m, "grant 5 1000; put b 1 5; put a 1 5; put other 1");
    const WatchId w = m.store.watch(std::string(1, '\0'), std::string(1, '\0'), 0).id;
    ApplyResult r = m.revoke(5);
    QVERIFY(r.ok());
    QCOMPARE(r.leaseId, 5LL);
    QCOMPARE(r.revision, 5LL);
    QCOMPARE(q(describe(m.store.takeEvents(w).events)), q("DELETE a m5; DELETE b m5"));
    QCOMPARE(m.store.leases(), std::vector<std::int64_t>{});
    QVERIFY(!m.store.leaseTimeToLive(5, 0));
    // Without keys, a revoke changes no revision.
    runScript(m, "grant 6 1000");
    QCOMPARE(m.revoke(6).revision, 5LL);
}

void TestLease::keepAliveAndDeadlines()
{
    Member m;
    m.nowMs = 1000;
    runScript(m, "grant 1 500; grant 2 2000; grant 3 500");
    QCOMPARE(m.store.leaseTimeToLive(1, 1200)->remainingMs, 300LL);
    QCOMPARE(m.store.expiredLeases(1499), std::vector<ExpiredLease>{});
    QCOMPARE(m.store.expiredLeases(1500), (std::vector<ExpiredLease>{{1, 0}, {3, 0}}));
    QCOMPARE(m.store.expiredLeases(1500, 1), (std::vector<ExpiredLease>{{1, 0}}));
    m.nowMs = 1400;
    ApplyResult k = m.keepAlive(1);
    QCOMPARE(k.ttlMs, 500LL);
    QCOMPARE(k.leaseId, 1LL);
    QCOMPARE(m.store.expiredLeases(1500), (std::vector<ExpiredLease>{{3, 0}}));
    QCOMPARE(m.store.expiredLeases(1900), (std::vector<ExpiredLease>{{1, 1}, {3, 0}}));
    LeaseInfo info = *m.store.leaseTimeToLive(1, 2000);
    QCOMPARE(info.remainingMs, 0LL);
    QCOMPARE(info.keepAlives, 1ULL);
    QCOMPARE(info.ttlMs, 500LL);
    // Nothing expires by itself: only a LeaseExpire command revokes.
    QCOMPARE(m.store.leases(), (std::vector<std::int64_t>{1, 2, 3}));
}

void TestLease::expireIsReplicatedAndRacesWithKeepAlive()
{
    Member m;
    runScript(m, "grant 1 100; grant 2 100; put a 1 1; put b 1 2");
    const std::vector<ExpiredLease> seen = m.store.expiredLeases(100);  // what the leader proposes
    QCOMPARE(seen, (std::vector<ExpiredLease>{{1, 0}, {2, 0}}));
    m.keepAlive(2);  // committed between the leader's look and its LeaseExpire
    ApplyResult r = m.run(LeaseExpire{seen});
    QVERIFY(r.ok());
    QCOMPARE(r.revoked, std::vector<std::int64_t>{1});
    QCOMPARE(q(m.all()), q("b=1 c3 m3 v1 l2"));
    QCOMPARE(r.revision, 4LL);
    // Stale or repeated entries are ignored; several leases go in one revision.
    runScript(m, "grant 3 100; put c 1 3");
    ApplyResult again = m.run(LeaseExpire{{{1, 0}, {2, 1}, {3, 0}, {3, 0}, {99, 0}}});
    QCOMPARE(again.revoked, (std::vector<std::int64_t>{2, 3}));
    QCOMPARE(again.revision, 6LL);
    QCOMPARE(q(m.all()), QString());
}

void TestLease::membersWithDifferentClocksAgree()
{
    // Each member applies with its own clock: deadlines differ, replicated state does not.
    Member a;
    Member b;
    a.nowMs = 10;
    b.nowMs = 999'999;
    for (Member *m : {&a, &b}) {
        runScript(*m, "grant 0 300; grant 0 300; put k v 1; keepalive 1; put j v 2");
        m->run(LeaseExpire{{{2, 0}}});
    }
    QCOMPARE(a.store.snapshot(), b.store.snapshot());
    QCOMPARE(a.store.hash(), b.store.hash());
    QCOMPARE(a.store.expiredLeases(310).size(), 1U);
    QCOMPARE(b.store.expiredLeases(310).size(), 0U);
}

void TestLease::promoteRestartsDeadlines()
{
    Member m;
    runScript(m, "grant 1 1000; grant 2 3000");
    QCOMPARE(m.store.expiredLeases(5000).size(), 2U);
    m.store.promote(5000);  // a new leader: every lease gets a full TTL from now
    QCOMPARE(m.store.expiredLeases(5999).size(), 0U);
    QCOMPARE(m.store.expiredLeases(6000), (std::vector<ExpiredLease>{{1, 0}}));
    QCOMPARE(m.store.leaseTimeToLive(2, 6000)->remainingMs, 2000LL);
}

QTEST_APPLESS_MAIN(TestLease)
#include "tst_lease.moc"
