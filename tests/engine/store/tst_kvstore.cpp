// KV semantics against etcd's documented behaviour: revisions, create/mod revision and version,
// range end forms, limits, historic reads, txn compares and checks, compaction.

#include "StoreTestUtil.h"

using namespace quorum::store;
using namespace quorum::store::test;

class TestKvStore : public QObject {
    Q_OBJECT

private slots:
    void writes_data();
    void writes();
    void historicReads_data();
    void historicReads();
    void ranges_data();
    void ranges();
    void prevKv();
    void compares_data();
    void compares();
    void txnOpsSeeEarlierOpsAndShareOneRevision();
    void txnRefused_data();
    void txnRefused();
    void compaction_data();
    void compaction();
    void lookupsAfterCompactionAndRestore();
    void appliedIndex();
};

void TestKvStore::writes_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<qint64>("revision");
    QTest::addColumn<QString>("state");

    // etcd: an empty store is at revision 1, the first write gets 2; a delete resets the
    // version and a re-creation starts a new create revision; a write that changes nothing
    // keeps the revision.
    QTest::newRow("empty") << "" << 1LL << "";
    QTest::newRow("first put") << "put foo bar" << 2LL << "foo=bar c2 m2 v1";
    QTest::newRow("update") << "put foo bar; put foo baz" << 3LL << "foo=baz c2 m3 v2";
    QTest::newRow("same value still a write") << "put a 1; put a 1" << 3LL << "a=1 c2 m3 v2";
    QTest::newRow("delete") << "put foo bar; del foo" << 3LL << "";
    QTest::newRow("re-create") << "put foo bar; put foo b2; del foo; put foo again" << 5LL << "foo=again c5 m5 v1";
    QTest::newRow("delete missing key") << "del foo" << 1LL << "";
    QTest::newRow("delete range is one revision") << "put a 1; put b 2; put c 3; del a c" << 5LL << "c=3 c4 m4 v1";
    QTest::newRow("delete prefix") << "put a/1 x; put a/2 y; put b z; delp a/" << 5LL << "b=z c4 m4 v1";
    QTest::newRow("delete from key on") << "put a 1; put b 2; put c 3; del b \\x00" << 5LL << "a=1 c2 m2 v1";
    QTest::newRow("delete all") << "put a 1; put b 2; del \\x00 \\x00" << 4LL << "";
    QTest::newRow("other keys keep their revisions") << "put a 1; put b 1; put a 2" << 4LL
                                                     << "a=2 c2 m4 v2, b=1 c3 m3 v1";
    QTest::newRow("binary keys sort bytewise") << "put \\xff hi; put a lo; put \\x01 x" << 4LL
                                               << "\\x01=x c4 m4 v1, a=lo c3 m3 v1, \\xff=hi c2 m2 v1";
    QTest::newRow("empty value") << "put k" << 2LL << "k= c2 m2 v1";
}

void TestKvStore::writes()
{
    QFETCH(QString, script);
    QFETCH(qint64, revision);
    QFETCH(QString, state);
    Member m;
    for (const ApplyResult &r : runScript(m, script.toStdString()))
        QVERIFY2(r.ok(), r.message.c_str());
    QCOMPARE(m.store.revision(), revision);
    QCOMPARE(q(m.all()), state);
}

void TestKvStore::historicReads_data()
{
    QTest::addColumn<qint64>("revision");
    QTest::addColumn<QString>("expected");
    // The example of etcd's "Read past version of keys" guide:
    // foo = bar (2), foo = bar_new (3), foo1 = bar1 (4), foo1 = bar1_new (5), then delete foo (6).
    QTest::newRow("rev 1: nothing yet") << 1LL << "";
    QTest::newRow("rev 2") << 2LL << "foo=bar c2 m2 v1";
    QTest::newRow("rev 3") << 3LL << "foo=bar_new c2 m3 v2";
    QTest::newRow("rev 4") << 4LL << "foo=bar_new c2 m3 v2, foo1=bar1 c4 m4 v1";
    QTest::newRow("rev 5") << 5LL << "foo=bar_new c2 m3 v2, foo1=bar1_new c4 m5 v2";
    QTest::newRow("rev 6: foo deleted") << 6LL << "foo1=bar1_new c4 m5 v2";
    QTest::newRow("latest (0)") << 0LL << "foo1=bar1_new c4 m5 v2";
    QTest::newRow("latest (-1)") << -1LL << "foo1=bar1_new c4 m5 v2";
    QTest::newRow("future") << 7LL << "error future-revision";
}

void TestKvStore::historicReads()
{
    QFETCH(qint64, revision);
    QFETCH(QString, expected);
    Member m;
    runScript(m, "put foo bar; put foo bar_new; put foo1 bar1; put foo1 bar1_new; del foo");
    QCOMPARE(q(m.all(revision)), expected);
}

void TestKvStore::ranges_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("rangeEnd");
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<int>("mode");  // 0 full, 1 countOnly, 2 keysOnly
    QTest::addColumn<QString>("expected");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<bool>("more");

    const QString all = "a=1 c2 m2 v1, ab=2 c3 m3 v1, abc=3 c4 m4 v1, b=4 c5 m5 v1, c=5 c6 m6 v1";
    QTest::newRow("single key") << "ab" << "" << 0LL << 0 << "ab=2 c3 m3 v1" << 1LL << false;
    QTest::newRow("single missing key") << "zz" << "" << 0LL << 0 << "" << 0LL << false;
    QTest::newRow("[a, b)") << "a" << "b" << 0LL << 0 << "a=1 c2 m2 v1, ab=2 c3 m3 v1, abc=3 c4 m4 v1" << 3LL << false;
    QTest::newRow("prefix ab") << "ab" << "ac" << 0LL << 0 << "ab=2 c3 m3 v1, abc=3 c4 m4 v1" << 2LL << false;
    QTest::newRow("from b on (\\0)") << "b" << "\\x00" << 0LL << 0 << "b=4 c5 m5 v1, c=5 c6 m6 v1" << 2LL << false;
    QTest::newRow("all (\\0, \\0)") << "\\x00" << "\\x00" << 0LL << 0 << all << 5LL << false;
    QTest::newRow("end before key: empty") << "c" << "a" << 0LL << 0 << "" << 0LL << false;
    QTest::newRow("end equals key: empty") << "b" << "b" << 0LL << 0 << "" << 0LL << false;
    QTest::newRow("limit 2 of 5") << "\\x00" << "\\x00" << 2LL << 0 << "a=1 c2 m2 v1, ab=2 c3 m3 v1" << 5LL << true;
    QTest::newRow("limit 5 of 5") << "\\x00" << "\\x00" << 5LL << 0 << all << 5LL << false;
    QTest::newRow("negative limit: none") << "\\x00" << "\\x00" << -3LL << 0 << all << 5LL << false;
    QTest::newRow("count only") << "a" << "b" << 0LL << 1 << "" << 3LL << false;
    QTest::newRow("count only with limit") << "a" << "b" << 1LL << 1 << "" << 3LL << false;
    QTest::newRow("keys only") << "a" << "ab\\x00" << 0LL << 2 << "a= c2 m2 v1, ab= c3 m3 v1" << 2LL << false;
}

void TestKvStore::ranges()
{
    QFETCH(QString, key);
    QFETCH(QString, rangeEnd);
    QFETCH(qint64, limit);
    QFETCH(int, mode);
    QFETCH(QString, expected);
    QFETCH(qint64, count);
    QFETCH(bool, more);
    Member m;
    runScript(m, "put a 1; put ab 2; put abc 3; put b 4; put c 5");
    Range r{unescape(key.toStdString()), unescape(rangeEnd.toStdString()), 0, limit, mode == 1, mode == 2};
    RangeResult result = m.store.range(r);
    QCOMPARE(result.error, Error::None);
    QCOMPARE(result.revision, 6LL);
    QCOMPARE(q(describe(result.kvs)), expected);
    QCOMPARE(result.count, count);
    QCOMPARE(result.more, more);
}

void TestKvStore::prevKv()
{
    Member m;
    ApplyResult first = m.put("k", "v1", 0, true);
    QVERIFY(!first.ops.at(0).prevKv);
    ApplyResult second = m.put("k", "v2", 0, true);
    QCOMPARE(q(describe(*second.ops.at(0).prevKv)), q("k=v1 c2 m2 v1"));
    ApplyResult withoutAsking = m.put("k", "v3");
    QVERIFY(!withoutAsking.ops.at(0).prevKv);
    m.put("l", "x");
    ApplyResult deleted = m.del("k", "m", true);
    QCOMPARE(deleted.ops.at(0).count, 2LL);
    QCOMPARE(q(describe(deleted.ops.at(0).kvs)), q("k=v3 c2 m4 v3, l=x c5 m5 v1"));
    ApplyResult silent = m.del("a", "z");
    QCOMPARE(silent.ops.at(0).count, 0LL);
    QVERIFY(silent.ops.at(0).kvs.empty());
    QCOMPARE(silent.revision, 6LL);  // nothing deleted: no new revision
}

void TestKvStore::compares_data()
{
    using T = Compare::Target;
    using O = Compare::Op;
    QTest::addColumn<int>("target");
    QTest::addColumn<int>("op");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("rangeEnd");
    QTest::addColumn<qint64>("number");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("holds");

    // State: a=apple (c2 m4 v2, lease 7), b=banana (c3 m3 v1); lease 7 exists.
    auto row = [](const char *name, T t, O o, const char *key, const char *end, qint64 n, const char *v, bool h) {
        QTest::newRow(name) << static_cast<int>(t) << static_cast<int>(o) << key << end << n << v << h;
    };
    row("version = 2", T::Version, O::Equal, "a", "", 2, "", true);
    row("version != 2", T::Version, O::NotEqual, "a", "", 2, "", false);
    row("version < 3", T::Version, O::Less, "a", "", 3, "", true);
    row("version > 2", T::Version, O::Greater, "a", "", 2, "", false);
    row("create = 2", T::CreateRevision, O::Equal, "a", "", 2, "", true);
    row("mod = 4", T::ModRevision, O::Equal, "a", "", 4, "", true);
    row("mod < 4", T::ModRevision, O::Less, "a", "", 4, "", false);
    row("mod > 3", T::ModRevision, O::Greater, "a", "", 3, "", true);
    row("lease = 7", T::Lease, O::Equal, "a", "", 7, "", true);
    row("lease = 0 on unleased", T::Lease, O::Equal, "b", "", 0, "", true);
    row("value = apple", T::Value, O::Equal, "a", "", 0, "apple", true);
    row("value != apple", T::Value, O::NotEqual, "a", "", 0, "apple", false);
    row("value < apples", T::Value, O::Less, "a", "", 0, "apples", true);
    row("value > apple", T::Value, O::Greater, "a", "", 0, "apple", false);
    row("value > ap", T::Value, O::Greater, "a", "", 0, "ap", true);
    // etcd: a missing key compares as version/create/mod/lease 0 and fails every value compare.
    row("missing: version = 0 (create-if-absent)", T::Version, O::Equal, "zz", "", 0, "", true);
    row("missing: create = 0", T::CreateRevision, O::Equal, "zz", "", 0, "", true);
    row("missing: mod < 1", T::ModRevision, O::Less, "zz", "", 1, "", true);
    row("missing: value = empty fails", T::Value, O::Equal, "zz", "", 0, "", false);
    row("missing: value != x fails", T::Value, O::NotEqual, "zz", "", 0, "x", false);
    // Over a range, every key must satisfy the compare.
    row("range: all versions > 0", T::Version, O::Greater, "a", "c", 0, "", true);
    row("range: not all versions = 1", T::Version, O::Equal, "a", "c", 1, "", false);
    row("range: all mod < 5", T::ModRevision, O::Less, "\\x00", "\\x00", 5, "", true);
    row("empty range: version = 0", T::Version, O::Equal, "x", "y", 0, "", true);
    row("empty range: value fails", T::Value, O::NotEqual, "x", "y", 0, "q", false);
}

void TestKvStore::compares()
{
    QFETCH(int, target);
    QFETCH(int, op);
    QFETCH(QString, key);
    QFETCH(QString, rangeEnd);
    QFETCH(qint64, number);
    QFETCH(QString, value);
    QFETCH(bool, holds);
    Member m;
    runScript(m, "grant 7 1000; put a apple; put b banana; put a apple 7");
    Compare c{static_cast<Compare::Target>(target), static_cast<Compare::Op>(op), unescape(key.toStdString()),
              unescape(rangeEnd.toStdString()), number, value.toStdString()};
    ApplyResult r = m.run(Txn{{c}, {Put{"then", "1", 0, false}}, {Put{"else", "1", 0, false}}});
    QVERIFY2(r.ok(), r.message.c_str());
    QCOMPARE(r.succeeded, holds);
    QCOMPARE(r.revision, 5LL);
    QCOMPARE(m.store.get(holds ? "then" : "else").has_value(), true);
    QCOMPARE(m.store.get(holds ? "else" : "then").has_value(), false);
}

void TestKvStore::txnOpsSeeEarlierOpsAndShareOneRevision()
{
    Member m;
    runScript(m, "put x 0; put y 0");
    // The Kubernetes GuaranteedUpdate shape: If(mod(x) == 2) Then(put x) Else(get x).
    Compare c{Compare::Target::ModRevision, Compare::Op::Equal, "x", "", 2, ""};
    Txn update{{c},
               {Put{"x", "1", 0, true}, Range{"x", "", 0, 0, false, false}, DeleteRange{"y", "", true},
                Range{std::string(1, '\0'), std::string(1, '\0'), 3, 0, false, false}},
               {Range{"x", "", 0, 0, false, false}}};
    const std::string bytes = encodeCommand(Command{99, update});
    ApplyResult r = m.store.apply(++m.index, bytes, 0);
    QVERIFY2(r.ok(), r.message.c_str());
    QVERIFY(r.succeeded);
    QCOMPARE(r.requestId, 99ULL);
    QCOMPARE(r.revision, 4LL);
    QCOMPARE(q(describe(r)), q("req 99 idx 3 rev 4 ok | op1 count 0 [] prev(x=0 c2 m2 v1) | op0 count 1 [x=1 c2 m4 v2]"
                               " | op2 count 1 [y=0 c3 m3 v1] | op0 count 2 [x=0 c2 m2 v1, y=0 c3 m3 v1]"));
    // Same txn again: mod(x) is 4 now, so the failure branch reads x and writes nothing.
    ApplyResult again = m.store.apply(++m.index, bytes, 0);
    QVERIFY(!again.succeeded);
    QCOMPARE(again.revision, 4LL);
    QCOMPARE(q(describe(again.ops.at(0).kvs)), q("x=1 c2 m4 v2"));
}

void TestKvStore::txnRefused_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("message");
    QTest::newRow("put twice") << 0 << static_cast<int>(Error::DuplicateKey) << "success: duplicate key";
    QTest::newRow("put inside a delete range") << 1 << static_cast<int>(Error::DuplicateKey) << "is put and deleted";
    QTest::newRow("duplicate in the branch not taken") << 2 << static_cast<int>(Error::DuplicateKey) << "failure";
    QTest::newRow("too many ops") << 3 << static_cast<int>(Error::TooManyOps) << "129 > 128";
    QTest::newRow("missing lease") << 4 << static_cast<int>(Error::LeaseNotFound) << "success[1]: lease 5 not found";
    QTest::newRow("empty key") << 5 << static_cast<int>(Error::EmptyKey) << "success[0]: key is not provided";
    QTest::newRow("compare without key") << 6 << static_cast<int>(Error::EmptyKey) << "compares[0]";
    QTest::newRow("future range") << 7 << static_cast<int>(Error::FutureRevision) << "future revision";
    QTest::newRow("compacted range") << 8 << static_cast<int>(Error::Compacted) << "has been compacted";
}

void TestKvStore::txnRefused()
{
    QFETCH(int, which);
    QFETCH(int, error);
    QFETCH(QString, message);
    Member m;
    runScript(m, "put a 1; put b 2; put c 3; compact 3");
    const Put put{"a", "x", 0, false};
    Txn t;
    switch (which) {
    case 0: t.success = {put, put}; break;
    case 1: t.success = {DeleteRange{std::string(1, '\0'), std::string(1, '\0'), false}, put}; break;
    case 2: t.failure = {put, Put{"b", "1", 0, false}, DeleteRange{"b", "", false}}; break;
    case 3: t.success.assign(kMaxTxnOps + 1, Range{"a", "", 0, 0, false, false}); break;
    case 4: t.success = {put, Put{"b", "x", 5, false}}; break;
    case 5: t.success = {Put{"", "x", 0, false}}; break;
    case 6: t.compares = {Compare{}}; break;
    case 7: t.success = {put, Range{"a", "", 9, 0, false, false}}; break;
    case 8: t.success = {put, Range{"a", "", 2, 0, false, false}}; break;
    }
    const std::uint32_t before = m.store.hash();
    ApplyResult r = m.run(t);
    QCOMPARE(static_cast<int>(r.error), error);
    QVERIFY2(q(r.message).contains(message), r.message.c_str());
    QCOMPARE(r.revision, 4LL);
    QVERIFY(r.ops.empty());
    QCOMPARE(m.store.hash(), before);  // nothing applied
}

void TestKvStore::compaction_data()
{
    QTest::addColumn<qint64>("readAt");
    QTest::addColumn<QString>("expected");
    // put a (2), put b (3), put a (4), del b (5), put c (6), compact 5.
    QTest::newRow("below: compacted") << 4LL << "error compacted";
    QTest::newRow("at the compact revision") << 5LL << "a=2 c2 m4 v2";
    QTest::newRow("after") << 6LL << "a=2 c2 m4 v2, c=3 c6 m6 v1";
    QTest::newRow("latest") << 0LL << "a=2 c2 m4 v2, c=3 c6 m6 v1";
}

void TestKvStore::compaction()
{
    QFETCH(qint64, readAt);
    QFETCH(QString, expected);
    Member m;
    runScript(m, "put a 1; put b 1; put a 2; del b; put c 3");
    ApplyResult c = m.compact(5);
    QVERIFY2(c.ok(), c.message.c_str());
    QCOMPARE(c.revision, 6LL);  // compaction is not a write
    QCOMPARE(m.store.compactRevision(), 5LL);
    QCOMPARE(q(m.all(readAt)), expected);
    QCOMPARE(m.compact(5).error, Error::Compacted);
    QCOMPARE(m.compact(3).error, Error::Compacted);
    QCOMPARE(m.compact(7).error, Error::FutureRevision);
    QCOMPARE(m.compact(6).error, Error::None);
    QCOMPARE(q(m.all(5)), q("error compacted"));
    QCOMPARE(q(m.all(6)), q("a=2 c2 m4 v2, c=3 c6 m6 v1"));
    // Versions and create revisions survive compaction.
    m.put("a", "3");
    QCOMPARE(q(describe(*m.store.get("a"))), q("a=3 c2 m7 v3"));
    // A key whose whole history compaction drops starts again at version 1, even right after
    // it was looked up (the history remembers the last key it found).
    runScript(m, "put d 1; del d");
    QVERIFY(!m.store.get("d"));
    runScript(m, "put e 1");
    QCOMPARE(m.compact(10).error, Error::None);
    QVERIFY(!m.store.get("d"));
    m.put("d", "2");
    QCOMPARE(q(describe(*m.store.get("d"))), q("d=2 c11 m11 v1"));
    QCOMPARE(q(m.all(11)), q("a=3 c2 m7 v3, c=3 c6 m6 v1, d=2 c11 m11 v1, e=1 c10 m10 v1"));
}

void TestKvStore::lookupsAfterCompactionAndRestore()
{
    // Point lookups go through an index of the key map: it must follow keys that compaction
    // drops, keys created afterwards, and a store restored from a snapshot.
    Member m;
    for (int i = 0; i < 300; ++i)
        m.put("k" + std::to_string(i), "1");
    for (int i = 0; i < 300; i += 2)
        m.del("k" + std::to_string(i));
    QCOMPARE(m.compact(m.store.revision()).error, Error::None); // the deleted keys leave
    for (int i = 0; i < 300; i += 3)
        m.put("k" + std::to_string(i), "2");
    for (int i = 0; i < 300; ++i) {
        const std::optional<KeyValue> kv = m.store.get("k" + std::to_string(i));
        const bool live = i % 2 == 1 || i % 3 == 0;
        QCOMPARE(kv.has_value(), live);
        if (live) {
            // Even keys were dropped and start again at version 1; odd ones keep counting.
            QCOMPARE(kv->version, i % 3 == 0 ? (i % 2 == 0 ? 1LL : 2LL) : 1LL);
            QCOMPARE(kv->value, std::string(i % 3 == 0 ? "2" : "1"));
        }
    }
    Member restored;
    QVERIFY(restored.store.restore(m.store.snapshot(), 0).error.empty());
    restored.index = m.index;
    restored.put("k1", "3");   // a key from the snapshot: its version goes on
    restored.put("k0", "3");   // one created after compaction
    restored.put("k2", "3");   // one compaction dropped
    QCOMPARE(q(describe(*restored.store.get("k1"))).section(' ', 3, 3), q("v2"));
    QCOMPARE(q(describe(*restored.store.get("k0"))).section(' ', 3, 3), q("v2"));
    QCOMPARE(q(describe(*restored.store.get("k2"))).section(' ', 3, 3), q("v1"));
    m.put("k1", "3");
    m.put("k0", "3");
    m.put("k2", "3");
    QCOMPARE(q(restored.all()), q(m.all()));
    QCOMPARE(restored.store.hash(), m.store.hash());
}

void TestKvStore::appliedIndex()
{
    KvStore store;
    const std::string put = encodeCommand(Command{1, Put{"k", "v", 0, false}});
    QCOMPARE(store.apply(5, put, 0).revision, 2LL);  // indexes may skip (entries for other layers)
    QCOMPARE(store.appliedIndex(), 5ULL);
    ApplyResult replay = store.apply(5, put, 0);
    QCOMPARE(replay.error, Error::AlreadyApplied);
    QCOMPARE(replay.requestId, 1ULL);
    QCOMPARE(store.apply(3, put, 0).error, Error::AlreadyApplied);
    QCOMPARE(store.revision(), 2LL);
    ApplyResult corrupt = store.apply(6, std::string("\x01\x02\x09", 3), 0);
    QCOMPARE(corrupt.error, Error::CorruptCommand);
    QVERIFY2(q(corrupt.message).contains("kind: unknown command kind 9 at byte 2"), corrupt.message.c_str());
    QCOMPARE(store.appliedIndex(), 6ULL);  // every member sees the same bytes: it counts as applied
    QCOMPARE(store.apply(7, put, 0).revision, 3LL);
}

QTEST_APPLESS_MAIN(TestKvStore)
#include "tst_kvstore.moc"
