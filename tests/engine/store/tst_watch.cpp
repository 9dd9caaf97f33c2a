// Watches: history replay from a past revision, live events, ranges and filters, the shape of
// delete events, ErrCompacted, cancel, txn and lease-revoke events, and watchers across restore.

#include "StoreTestUtil.h"

#include <limits>

using namespace quorum::store;
using namespace quorum::store::test;

namespace {

std::string take(KvStore &store, WatchId id, std::int64_t upTo = std::numeric_limits<std::int64_t>::max())
{
    WatchBatch b = store.takeEvents(id, upTo);
    if (!b.exists)
        return "no watcher";
    std::string out = describe(b.events);
    if (b.error != Error::None)
        out += std::string(out.empty() ? "" : "; ") + toString(b.error) + " at " + std::to_string(b.compactRevision);
    return out;
}

const std::string kAll(1, '\0');

} // namespace

class TestWatch : public QObject {
    Q_OBJECT

private slots:
    void fromThePast_data();
    void fromThePast();
    void liveEvents();
    void takesUpToARevision();
    void futureStartRevision();
    void compactedStart();
    void cancelAndUnknown();
    void txnAndRevokeEventsShareARevision();
    void watchersAcrossRestore();
};

void TestWatch::fromThePast_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("rangeEnd");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<int>("filter");  // bit 0 noPut, bit 1 noDelete, bit 2 prevKv
    QTest::addColumn<QString>("events");

    // History: foo=bar (2), foo=bar_new (3), foo1=bar1 (4), del foo (5), foo=again (6).
    QTest::newRow("etcd guide: watch --rev=2 foo")
        << "foo" << "" << 2LL << 0
        << "PUT foo=bar c2 m2 v1; PUT foo=bar_new c2 m3 v2; DELETE foo m5; PUT foo=again c6 m6 v1";
    QTest::newRow("with prev_kv")
        << "foo" << "" << 3LL << 4
        << "PUT foo=bar_new c2 m3 v2 prev(foo=bar c2 m2 v1); DELETE foo m5 prev(foo=bar_new c2 m3 v2); "
           "PUT foo=again c6 m6 v1";
    QTest::newRow("prefix foo, in revision order")
        << "foo" << "fop" << 3LL << 0
        << "PUT foo=bar_new c2 m3 v2; PUT foo1=bar1 c4 m4 v1; DELETE foo m5; PUT foo=again c6 m6 v1";
    QTest::newRow("no put") << "foo" << "" << 1LL << 1 << "DELETE foo m5";
    QTest::newRow("no delete") << "foo" << "" << 4LL << 2 << "PUT foo=again c6 m6 v1";
    QTest::newRow("start at current") << "foo" << "" << 6LL << 0 << "PUT foo=again c6 m6 v1";
    QTest::newRow("start after current: nothing yet") << "foo" << "" << 7LL << 0 << "";
    QTest::newRow("start 0: nothing yet") << "foo" << "" << 0LL << 0 << "";
    QTest::newRow("other key") << "bar" << "" << 1LL << 0 << "";
}

void TestWatch::fromThePast()
{
    QFETCH(QString, key);
    QFETCH(QString, rangeEnd);
    QFETCH(qint64, start);
    QFETCH(int, filter);
    QFETCH(QString, events);
    Member m;
    runScript(m, "put foo bar; put foo bar_new; put foo1 bar1; del foo; put foo again");
    WatchCreateResult w = m.store.watch(key.toStdString(), rangeEnd.toStdString(), start,
                                        WatchFilter{(filter & 1) != 0, (filter & 2) != 0, (filter & 4) != 0});
    QCOMPARE(w.error, Error::None);
    QCOMPARE(q(take(m.store, w.id)), events);
    QCOMPARE(q(take(m.store, w.id)), QString());  // taken
}

void TestWatch::liveEvents()
{
    Member m;
    m.put("a", "0");
    const WatchId one = m.store.watch("a", "", 0).id;
    const WatchId prefix = m.store.watch("a", "b", 0, WatchFilter{false, false, true}).id;
    const WatchId all = m.store.watch(kAll, kAll, 0, WatchFilter{true, false, false}).id;
    QVERIFY(m.store.readyWatches().empty());
    runScript(m, "put a 1; put ab 2; put b 3; del a b");
    QCOMPARE(m.store.readyWatches(), (std::vector<WatchId>{one, prefix, all}));
    QCOMPARE(q(take(m.store, one)), q("PUT a=1 c2 m3 v2; DELETE a m6"));
    QCOMPARE(q(take(m.store, prefix)), q("PUT a=1 c2 m3 v2 prev(a=0 c2 m2 v1); PUT ab=2 c4 m4 v1; "
                                         "DELETE a m6 prev(a=1 c2 m3 v2); DELETE ab m6 prev(ab=2 c4 m4 v1)"));
    QCOMPARE(q(take(m.store, all)), q("DELETE a m6; DELETE ab m6"));
    QVERIFY(m.store.readyWatches().empty());
}

void TestWatch::takesUpToARevision()
{
    // A driver that applied entries ahead of what it shows takes only what it shows.
    Member m;
    const WatchId w = m.store.watch("k", "l", 0).id;
    runScript(m, "put k 1; put k2 1; put k 2; del k2");  // revisions 2..5
    QCOMPARE(q(take(m.store, w, 1)), q(""));
    QCOMPARE(q(take(m.store, w, 3)), q("PUT k=1 c2 m2 v1; PUT k2=1 c3 m3 v1"));
    QCOMPARE(q(take(m.store, w, 3)), q(""));
    QCOMPARE(m.store.readyWatches(), std::vector<WatchId>{w});  // the rest waits
    QCOMPARE(q(take(m.store, w, 4)), q("PUT k=2 c2 m4 v2"));
    QCOMPARE(q(take(m.store, w)), q("DELETE k2 m5"));
    QVERIFY(m.store.readyWatches().empty());
}

void TestWatch::futureStartRevision()
{
    Member m;
    const WatchId w = m.store.watch("k", "", 4).id;
    runScript(m, "put k 1; put k 2; put k 3; put k 4");  // revisions 2..5
    QCOMPARE(q(take(m.store, w)), q("PUT k=3 c2 m4 v3; PUT k=4 c2 m5 v4"));
}

void TestWatch::compactedStart()
{
    Member m;
    runScript(m, "put k 1; put k 2; put j 1; put k 3; compact 5; put j 2");  // k: 2, 3, 5; j: 4, 6
    WatchCreateResult refused = m.store.watch("k", "", 4);
    QCOMPARE(refused.error, Error::Compacted);
    QCOMPARE(refused.compactRevision, 5LL);
    QCOMPARE(refused.id, 0);
    QVERIFY2(q(refused.message).contains("start revision 4 has been compacted (compact revision 5)"),
             refused.message.c_str());
    // From the compact revision itself: what history still holds. The prev_kv of the change at
    // the compact revision is gone (etcd reads it at revision - 1, which is compacted); later
    // changes keep theirs.
    WatchCreateResult atCompact = m.store.watch(kAll, kAll, 5, WatchFilter{false, false, true});
    QCOMPARE(atCompact.error, Error::None);
    QCOMPARE(q(take(m.store, atCompact.id)), q("PUT k=3 c2 m5 v3; PUT j=2 c4 m6 v2 prev(j=1 c4 m4 v1)"));
    // A watcher created before the compaction keeps everything it was promised.
    Member n;
    const WatchId early = n.store.watch("k", "", 1).id;
    runScript(n, "put k 1; put k 2; compact 3; put k 3");
    QCOMPARE(q(take(n.store, early)), q("PUT k=1 c2 m2 v1; PUT k=2 c2 m3 v2; PUT k=3 c2 m4 v3"));
}

void TestWatch::cancelAndUnknown()
{
    Member m;
    const WatchId w = m.store.watch("k", "", 0).id;
    m.put("k", "1");
    QCOMPARE(m.store.watchCount(), 1U);
    QVERIFY(m.store.cancelWatch(w));
    QVERIFY(!m.store.cancelWatch(w));
    QCOMPARE(q(take(m.store, w)), q("no watcher"));
    QCOMPARE(q(take(m.store, 12345)), q("no watcher"));
    m.put("k", "2");
    QCOMPARE(m.store.watchCount(), 0U);
    QVERIFY(m.store.watch("k", "", 0).id != w);  // ids are not reused
}

void TestWatch::txnAndRevokeEventsShareARevision()
{
    Member m;
    runScript(m, "grant 9 1000; put z 0");
    const WatchId w = m.store.watch(kAll, kAll, 0).id;
    m.run(Txn{{}, {Put{"c", "1", 9, false}, Put{"a", "1", 9, false}, DeleteRange{"z", "", false}, Put{"b", "1", 0, false}}, {}});
    m.revoke(9);
    // Sub-revision order inside a txn is op order; a revoke deletes its keys in key order.
    QCOMPARE(q(take(m.store, w)), q("PUT c=1 c3 m3 v1 l9; PUT a=1 c3 m3 v1 l9; DELETE z m3; PUT b=1 c3 m3 v1; "
                                    "DELETE a m4; DELETE c m4"));
    // Replayed from history, the same order.
    const WatchId replay = m.store.watch(kAll, kAll, 3).id;
    QCOMPARE(q(take(m.store, replay)), q("PUT c=1 c3 m3 v1 l9; PUT a=1 c3 m3 v1 l9; DELETE z m3; PUT b=1 c3 m3 v1; "
                                         "DELETE a m4; DELETE c m4"));
}

void TestWatch::watchersAcrossRestore()
{
    // A lagging member restores a leader's snapshot: its watchers get what they missed.
    Member leader;
    Member lagging;
    for (Member *m : {&leader, &lagging})
        runScript(*m, "put k 1");
    const WatchId w = lagging.store.watch("k", "", 0, WatchFilter{false, false, true}).id;
    runScript(leader, "put k 2; put k 3");
    QCOMPARE(lagging.store.restore(leader.store.snapshot(), 0).error, std::string());
    QCOMPARE(q(take(lagging.store, w)), q("PUT k=2 c2 m3 v2 prev(k=1 c2 m2 v1); PUT k=3 c2 m4 v3 prev(k=2 c2 m3 v2)"));
    // If the snapshot's history starts after what a watcher has seen, it is told so and removed.
    Member behind;
    runScript(behind, "put k 1");
    const WatchId stale = behind.store.watch("k", "", 0).id;
    runScript(leader, "compact 4");
    QVERIFY(behind.store.restore(leader.store.snapshot(), 0).ok());
    QCOMPARE(behind.store.readyWatches(), std::vector<WatchId>{stale});
    QCOMPARE(q(take(behind.store, stale)), q("compacted at 4"));
    QCOMPARE(q(take(behind.store, stale)), q("no watcher"));
}

QTEST_APPLESS_MAIN(TestWatch)
#include "tst_watch.moc"
