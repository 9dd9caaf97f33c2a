// Snapshots and hashes: a member restored from a snapshot and fed the rest of the log equals one
// that applied everything; snapshots are deterministic; hashes see every replicated difference
// and nothing local; corrupt, truncated and inconsistent snapshots are refused with a message
// and leave the store untouched; a seeded fuzz run never crashes or aborts.

#include "RandomCommands.h"
#include "StoreTestUtil.h"

#include "engine/checksum/Crc32c.h"
#include "engine/store/Codec.h"  // white-box: to seal hand-made snapshots with a valid checksum

#include <random>

using namespace quorum::store;
using namespace quorum::store::test;
using codec::ByteWriter;

namespace {

/// Log of random encoded commands, with the hints taken from a member applying them.
std::vector<std::string> randomLog(std::uint64_t seed, int length)
{
    CommandGenerator gen(seed);
    Member m;
    std::vector<std::string> log;
    for (int i = 0; i < length; ++i) {
        GeneratorHints h{m.store.revision(), m.store.compactRevision(), {}};
        for (std::int64_t id : m.store.leases())
            h.leases[id] = m.store.leaseTimeToLive(id, 0)->keepAlives;
        log.push_back(encodeCommand(Command{static_cast<std::uint64_t>(i), gen.next(h)}));
        m.store.apply(static_cast<std::uint64_t>(i + 1), log.back(), i);
    }
    return log;
}

void applyLog(KvStore &store, const std::vector<std::string> &log, std::size_t from, std::size_t to, std::int64_t now)
{
    for (std::size_t i = from; i < to; ++i)
        store.apply(i + 1, log[i], now + static_cast<std::int64_t>(i));
}

/// A snapshot written by hand: header, then whatever `body` writes, then a valid checksum.
template <class Body>
std::string sealed(Body body, std::uint64_t appliedIndex = 1)
{
    std::string out = "QSNP";
    ByteWriter w(out);
    w.u8(1);
    w.varint(appliedIndex);
    body(w);
    w.fixed32(quorum::checksum::crc32c(out));
    return out;
}

void live(ByteWriter &w, std::int64_t main, std::int64_t version, std::int64_t create, std::int64_t lease = 0)
{
    w.svarint(main);
    w.svarint(0);
    w.svarint(version);
    w.svarint(create);
    w.svarint(lease);
    w.bytes("v");
}

void tombstone(ByteWriter &w, std::int64_t main)
{
    w.svarint(main);
    w.svarint(0);
    w.svarint(0);
}

void noLeases(ByteWriter &w)
{
    w.svarint(0);
    w.varint(0);
}

} // namespace

class TestSnapshot : public QObject {
    Q_OBJECT

private slots:
    void restoreThenRestEqualsEverything();
    void deterministicAndLocalStateExcluded();
    void hashSeesReplicatedDifferences_data();
    void hashSeesReplicatedDifferences();
    void rejected_data();
    void rejected();
    void everyTruncationIsRejected();
    void fuzz();
    void sharedValuesChangeNothing();
    void valuePoolInternsOnce();
    void compressedHistoryReadsTheSame();
    void poolCompressesAndShares();
};

void TestSnapshot::restoreThenRestEqualsEverything()
{
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const std::vector<std::string> log = randomLog(seed, 300);
        KvStore full;
        applyLog(full, log, 0, log.size(), 0);
        for (std::size_t cut : {std::size_t{0}, std::size_t{1}, std::size_t{97}, std::size_t{250}, log.size()}) {
            KvStore donor;
            applyLog(donor, log, 0, cut, 5);
            KvStore restored;
            QVERIFY(restored.restore(donor.snapshot(), 1000).ok());
            applyLog(restored, log, cut, log.size(), 77);
            QVERIFY2(restored.snapshot() == full.snapshot(),
                     ("seed " + std::to_string(seed) + " cut " + std::to_string(cut)).c_str());
            QCOMPARE(restored.hash(), full.hash());
        }
    }
}

void TestSnapshot::deterministicAndLocalStateExcluded()
{
    const std::vector<std::string> log = randomLog(42, 400);
    KvStore a;
    KvStore b;
    applyLog(a, log, 0, log.size(), 0);
    applyLog(b, log, 0, log.size(), 123456);  // another clock
    const std::string snap = a.snapshot();
    QCOMPARE(b.snapshot(), snap);
    QCOMPARE(a.snapshot(), snap);  // snapshot() has no side effects
    b.watch("a", "z", 1);          // watchers are local
    b.promote(999);                // so are deadlines
    QCOMPARE(b.snapshot(), snap);
    KvStore c;
    QVERIFY(c.restore(snap, 5).ok());
    QCOMPARE(c.snapshot(), snap);
    QCOMPARE(c.hash(), a.hash());
    // The applied index is in the snapshot but not in the hash.
    QCOMPARE(c.apply(log.size() + 10, std::string("junk"), 0).error, Error::CorruptCommand);
    QVERIFY(c.snapshot() != snap);
    QCOMPARE(c.hash(), a.hash());
}

void TestSnapshot::hashSeesReplicatedDifferences_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    const QString base = "grant 1 100; put k v 1; put j w";
    QTest::newRow("value") << base + "; put j x" << base + "; put j y";
    QTest::newRow("lease of a key") << base + "; put j w" << base + "; put j w 1";
    QTest::newRow("history only") << base + "; put j x; put j w" << base + "; put j w; put j w";
    QTest::newRow("compaction") << base << base + "; compact 2";
    QTest::newRow("keep-alive count") << base + "; keepalive 1" << base;
    QTest::newRow("lease ttl") << "grant 1 100" << "grant 1 101";
    QTest::newRow("chosen lease id") << "grant 0 100; revoke 1" << "grant 1 100; revoke 1";
}

void TestSnapshot::hashSeesReplicatedDifferences()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    Member ma;
    Member mb;
    runScript(ma, a.toStdString());
    runScript(mb, b.toStdString());
    QVERIFY(ma.store.hash() != mb.store.hash());
    QVERIFY(ma.store.snapshot() != mb.store.snapshot());
}

void TestSnapshot::rejected_data()
{
    QTest::addColumn<QByteArray>("snapshot");
    QTest::addColumn<QString>("message");
    auto row = [](const char *name, const std::string &s, const char *msg) {
        QTest::newRow(name) << QByteArray(s.data(), static_cast<qsizetype>(s.size())) << msg;
    };
    Member m;
    runScript(m, "grant 3 100; put a 1 3; put b 2; del b");
    const std::string good = m.store.snapshot();
    std::string flipped = good;
    flipped[good.size() / 2] = static_cast<char>(flipped[good.size() / 2] ^ 0x10);
    std::string badVersion = good;
    badVersion[4] = 9;

    row("empty", "", "snapshot: not a store snapshot (bad magic at byte 0)");
    row("bad magic", "QSNX" + good.substr(4), "bad magic");
    row("header only", good.substr(0, 6), "snapshot: truncated (6 bytes)");
    row("unknown version", badVersion, "unsupported format version 9 at byte 4");
    row("flipped bit", flipped, "checksum mismatch");
    row("cut short", good.substr(0, good.size() - 3), "checksum mismatch");
    row("revision 0", sealed([](ByteWriter &w) { w.svarint(0); w.svarint(0); w.varint(0); noLeases(w); }),
        "snapshot: history.revision: revision 0 / compact revision 0 out of order at byte 6");
    row("compact after current", sealed([](ByteWriter &w) { w.svarint(3); w.svarint(4); w.varint(0); noLeases(w); }),
        "revision 3 / compact revision 4 out of order");
    row("keys out of order", sealed([](ByteWriter &w) {
            w.svarint(3); w.svarint(0); w.varint(2);
            w.bytes("b"); w.varint(1); live(w, 2, 1, 2);
            w.bytes("a"); w.varint(1); live(w, 3, 1, 3);
            noLeases(w);
        }), "snapshot: history.keys[1].key: keys not in increasing order");
    row("empty key", sealed([](ByteWriter &w) {
            w.svarint(2); w.svarint(0); w.varint(1); w.bytes(""); w.varint(1); live(w, 2, 1, 2); noLeases(w);
        }), "keys[0].key: empty key");
    row("revision beyond current", sealed([](ByteWriter &w) {
            w.svarint(2); w.svarint(0); w.varint(1); w.bytes("a"); w.varint(1); live(w, 3, 1, 3); noLeases(w);
        }), "keys[0].versions[0]: revision 3 outside [1, 2]");
    row("revisions not increasing", sealed([](ByteWriter &w) {
            w.svarint(4); w.svarint(0); w.varint(1); w.bytes("a"); w.varint(2); live(w, 3, 1, 3); live(w, 3, 2, 3);
            noLeases(w);
        }), "versions[1]: revisions not increasing");
    row("two deletes", sealed([](ByteWriter &w) {
            w.svarint(5); w.svarint(0); w.varint(1); w.bytes("a"); w.varint(3);
            live(w, 2, 1, 2); tombstone(w, 3); tombstone(w, 4);
            noLeases(w);
        }), "versions[2]: two deletes in a row");
    row("version skips", sealed([](ByteWriter &w) {
            w.svarint(4); w.svarint(0); w.varint(1); w.bytes("a"); w.varint(2); live(w, 2, 1, 2); live(w, 3, 3, 2);
            noLeases(w);
        }), "does not follow the previous version");
    row("history starts with a delete", sealed([](ByteWriter &w) {
            w.svarint(4); w.svarint(0); w.varint(1); w.bytes("a"); w.varint(1); tombstone(w, 3); noLeases(w);
        }), "history starts with a delete");
    row("versions older than compaction", sealed([](ByteWriter &w) {
            w.svarint(5); w.svarint(4); w.varint(1); w.bytes("a"); w.varint(2); live(w, 2, 1, 2); live(w, 3, 2, 2);
            noLeases(w);
        }), "more than one version at or before the compact revision");
    row("key on a missing lease", sealed([](ByteWriter &w) {
            w.svarint(2); w.svarint(0); w.varint(1); w.bytes("a"); w.varint(1); live(w, 2, 1, 2, 7); noLeases(w);
        }), "snapshot: key 'a' is attached to lease 7, which does not exist");
    row("lease ttl 0", sealed([](ByteWriter &w) {
            w.svarint(1); w.svarint(0); w.varint(0); w.svarint(0); w.varint(1); w.svarint(1); w.svarint(0); w.varint(0);
        }), "snapshot: leases.leases[0].ttlMs: TTL 0 out of range");
    row("leases out of order", sealed([](ByteWriter &w) {
            w.svarint(1); w.svarint(0); w.varint(0); w.svarint(0); w.varint(2);
            w.svarint(5); w.svarint(10); w.varint(0); w.svarint(4); w.svarint(10); w.varint(0);
        }), "leases[1].id: lease ids not in increasing order");
    row("trailing bytes", sealed([](ByteWriter &w) { w.svarint(1); w.svarint(0); w.varint(0); noLeases(w); w.u8(0); }),
        "snapshot: end: 1 trailing byte");
    row("huge key count", sealed([](ByteWriter &w) { w.svarint(1); w.svarint(0); w.varint(1ULL << 40); }),
        "history.keyCount: count 1099511627776 cannot fit");
}

void TestSnapshot::rejected()
{
    QFETCH(QByteArray, snapshot);
    QFETCH(QString, message);
    Member m;
    runScript(m, "grant 1 100; put x y 1");
    const std::string before = m.store.snapshot();
    RestoreResult r = m.store.restore(snapshot.toStdString(), 0);
    QVERIFY(!r.ok());
    QVERIFY2(q(r.error).contains(message), r.error.c_str());
    QCOMPARE(m.store.snapshot(), before);  // untouched
    QCOMPARE(m.put("x", "z", 1).revision, 3LL);
}

void TestSnapshot::everyTruncationIsRejected()
{
    KvStore store;
    applyLog(store, randomLog(7, 200), 0, 200, 0);
    const std::string good = store.snapshot();
    KvStore target;
    for (std::size_t n = 0; n < good.size(); ++n)
        QVERIFY2(!target.restore(good.substr(0, n), 0).ok(), std::to_string(n).c_str());
    QVERIFY(target.restore(good, 0).ok());
}

void TestSnapshot::fuzz()
{
    // Mutations resealed with a valid checksum reach the decoder's checks; whatever is accepted
    // must be a state the store can keep working with (no invariant may abort later).
    std::mt19937_64 rng(777);
    KvStore source;
    const std::vector<std::string> log = randomLog(9, 150);
    applyLog(source, log, 0, log.size(), 0);
    const std::string good = source.snapshot();
    const std::string payload = good.substr(0, good.size() - 4);
    int accepted = 0;
    for (int i = 0; i < 4000; ++i) {
        std::string body = payload;
        for (int k = 0, edits = 1 + static_cast<int>(rng() % 3); k < edits; ++k) {
            const std::size_t at = 5 + rng() % (body.size() - 5);
            switch (rng() % 3) {
            case 0: body[at] = static_cast<char>(body[at] ^ (1 << (rng() % 8))); break;
            case 1: body[at] = static_cast<char>(rng() % 4); break;
            case 2: body.erase(at, 1 + rng() % 3); break;
            }
        }
        std::string snap = body;
        if (i % 8 != 0) {  // most get a valid checksum, some are left to the checksum
            ByteWriter w(snap);
            w.fixed32(quorum::checksum::crc32c(body));
        }
        Member m;
        m.store.watch(std::string(1, '\0'), std::string(1, '\0'), 1);
        RestoreResult r = m.store.restore(snap, 0);
        if (!r.ok()) {
            QVERIFY(r.error.rfind("snapshot: ", 0) == 0);
            continue;
        }
        ++accepted;
        m.index = m.store.appliedIndex();
        for (std::size_t c = 0; c < 30; ++c)
            m.store.apply(++m.index, log[(static_cast<std::size_t>(i) + c * 7) % log.size()], 0);
        m.run(LeaseExpire{m.store.expiredLeases(INT64_MAX)});
        m.store.takeEvents(1);
        KvStore again;
        QVERIFY(again.restore(m.store.snapshot(), 0).ok());
        QCOMPARE(again.hash(), m.store.hash());
    }
    qInfo("snapshot fuzz: %d of 4000 mutations accepted", accepted);
}

void TestSnapshot::sharedValuesChangeNothing()
{
    // Three stores sharing one pool (a simulated cluster's members) and one on its own apply
    // the same random log, compactions included: snapshots and hashes stay byte-identical, and
    // the hash kept incrementally equals the one of a store restored from the snapshot.
    const std::vector<std::string> log = randomLog(7, 600);
    auto pool = std::make_shared<ValuePool>();
    KvStore alone;
    std::vector<std::unique_ptr<KvStore>> members;
    for (int i = 0; i < 3; ++i) {
        members.push_back(std::make_unique<KvStore>());
        members.back()->setValuePool(pool);
    }
    applyLog(alone, log, 0, log.size(), 0);
    for (auto &m : members)
        applyLog(*m, log, 0, log.size(), 0);
    for (auto &m : members) {
        QCOMPARE(m->snapshot(), alone.snapshot());
        QCOMPARE(m->hash(), alone.hash());
    }
    KvStore restored;
    restored.setValuePool(pool);
    QVERIFY(restored.restore(alone.snapshot(), 0).ok());
    QCOMPARE(restored.hash(), alone.hash());
    QCOMPARE(restored.snapshot(), alone.snapshot());
}

void TestSnapshot::valuePoolInternsOnce()
{
    ValuePool pool;
    const std::string a = "value-a";
    auto x = pool.intern(a, std::hash<std::string_view>{}(a));
    auto y = pool.intern(std::string("value-a"), std::hash<std::string_view>{}(a));
    QCOMPARE(x.get(), y.get()); // one buffer
    // A hash collision never merges different bytes.
    auto z = pool.intern("value-b", std::hash<std::string_view>{}(a));
    QVERIFY(z.get() != x.get());
    QCOMPARE(z->stored(), std::string_view("value-b"));
    QCOMPARE(x->stored(), std::string_view(a));
    // Dropped values are not kept alive by the pool.
    std::weak_ptr<const StoredValue> weak = x;
    x.reset();
    y.reset();
    QVERIFY(weak.expired());
    auto again = pool.intern(a, std::hash<std::string_view>{}(a));
    QCOMPARE(again->stored(), std::string_view(a));
}

namespace {

// A pod-like JSON value of a few hundred bytes: the shape repeats, names and numbers vary.
std::string podValue(int key, int version, std::mt19937 &rng)
{
    const int node = static_cast<int>(rng() % 50);
    std::string phase = version == 1 ? "Pending" : version == 2 ? "ContainerCreating" : "Running";
    return R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-)" + std::to_string(key) +
           R"(-x7k2p","namespace":"default","uid":"4f1c)" + std::to_string(rng()) +
           R"(","labels":{"app":"web","pod-template-hash":"5d8f9)" + std::to_string(key % 7) +
           R"("}},"spec":{"nodeName":"worker-)" + std::to_string(node) +
           R"(","containers":[{"name":"web","image":"nginx:1.25","resources":{"requests":{"cpu":"10m","memory":"16Mi"}}}]},)"
           R"("status":{"phase":")" + phase + R"(","conditions":[{"type":"Ready","status":")" +
           (version > 3 ? "True" : "False") + R"("}],"restartCount":)" + std::to_string(version) + "}}";
}

std::vector<std::string> podLog(std::size_t length)
{
    // Puts over 400 keys (each put supersedes the key's previous version), every 50th command
    // a delete, one compaction halfway.
    std::mt19937 rng(11);
    std::vector<int> versions(400, 0);
    std::vector<std::string> log;
    for (std::size_t i = 0; i < length; ++i) {
        const int key = static_cast<int>(rng() % versions.size());
        const std::string name = "/registry/pods/default/web-" + std::to_string(key);
        Command c{i, {}};
        if (i == length / 2) {
            c.body = Compact{static_cast<std::int64_t>(i / 3)};
        } else if (i % 50 == 49 && versions[key] > 0) {
            c.body = DeleteRange{name, "", true};
            versions[key] = 0;
        } else if (i % 97 == 0 && versions[key] > 0) {
            Txn t;
            t.compares.push_back(Compare{Compare::Target::Value, Compare::Op::Greater, name, "", 0, "{"});
            t.success.push_back(Put{name, podValue(key, ++versions[key], rng), 0, true});
            c.body = t;
        } else {
            c.body = Put{name, podValue(key, ++versions[key], rng), 0, true};
        }
        log.push_back(encodeCommand(c));
    }
    return log;
}

} // namespace

void TestSnapshot::compressedHistoryReadsTheSame()
{
    // Three members sharing a pool keep their values compressed; a store on its own keeps every
    // version as written. Whatever is read at any revision, watched from an old revision
    // (with prevKv), snapshotted, hashed or restored is byte-identical.
    const std::vector<std::string> log = podLog(6000);
    auto pool = std::make_shared<ValuePool>();
    KvStore alone;
    std::vector<std::unique_ptr<KvStore>> members;
    for (int i = 0; i < 3; ++i) {
        members.push_back(std::make_unique<KvStore>());
        members.back()->setValuePool(pool);
    }
    applyLog(alone, log, 0, log.size(), 0);
    for (auto &m : members)
        applyLog(*m, log, 0, log.size(), 0);

    QVERIFY(pool->trained());
    const ValuePool::Stats stats = pool->stats();
    qInfo("%zu frames: %llu bytes as written in %llu bytes of frames", stats.frames,
          static_cast<unsigned long long>(stats.rawBytes), static_cast<unsigned long long>(stats.frameBytes));
    QVERIFY(stats.frames > 4000);
    QVERIFY(stats.frameBytes * 4 < stats.rawBytes);  // less than a quarter
    QVERIFY(alone.compactRevision() > 1);

    for (auto &m : members) {
        QCOMPARE(m->hash(), alone.hash());
        QCOMPARE(m->snapshot(), alone.snapshot());
    }
    const KvStore &member = *members[1];
    for (std::int64_t rev = alone.compactRevision(); rev <= alone.revision(); rev += 97) {
        const RangeResult want = alone.range(Range{"/registry/", "/registry0", rev});
        const RangeResult got = member.range(Range{"/registry/", "/registry0", rev});
        QVERIFY2(got.kvs == want.kvs, ("range at revision " + std::to_string(rev)).c_str());
        QVERIFY(!want.kvs.empty());
    }
    const WatchFilter withPrev{false, false, true};
    KvStore &watching = *members[2];
    const WatchCreateResult w1 = alone.watch("/registry/", "/registry0", alone.compactRevision(), withPrev);
    const WatchCreateResult w2 = watching.watch("/registry/", "/registry0", alone.compactRevision(), withPrev);
    QCOMPARE(w1.error, Error::None);
    QCOMPARE(w2.error, Error::None);
    const WatchBatch want = alone.takeEvents(w1.id);
    const WatchBatch got = watching.takeEvents(w2.id);
    QVERIFY(want.events.size() > 1000);
    std::size_t withPrevKv = 0;
    for (const Event &e : want.events)
        withPrevKv += e.prevKv.has_value();
    QVERIFY(withPrevKv > 1000);
    QVERIFY(got.events == want.events);

    // A member restored with a pool of its own compresses what the snapshot holds.
    const std::size_t framesBefore = pool->stats().frames;
    auto otherPool = std::make_shared<ValuePool>();
    KvStore restored;
    restored.setValuePool(otherPool);
    QVERIFY(restored.restore(alone.snapshot(), 0).ok());
    QCOMPARE(restored.hash(), alone.hash());
    QCOMPARE(restored.snapshot(), alone.snapshot());
    QVERIFY(otherPool->trained());
    QVERIFY(otherPool->stats().frames > 0);
    QCOMPARE(pool->stats().frames, framesBefore);
    // ... and goes on like the others.
    KvStore again;
    again.setValuePool(pool);
    QVERIFY(again.restore(member.snapshot(), 0).ok());
    QCOMPARE(again.range(Range{"/registry/", "/registry0", alone.compactRevision()}).kvs,
             alone.range(Range{"/registry/", "/registry0", alone.compactRevision()}).kvs);
}

void TestSnapshot::poolCompressesAndShares()
{
    ValuePool pool;
    std::mt19937 rng(3);
    auto hashOf = [](std::string_view v) { return std::hash<std::string_view>{}(v); };
    std::vector<std::pair<std::string, ValuePtr>> early;
    // Before the first dictionary: values are kept as written (and sampled).
    for (std::size_t i = 0; i + 1 < ValuePool::kTrainingSamples; ++i) {
        std::string v = podValue(static_cast<int>(i), 3, rng);
        ValuePtr p = pool.intern(v, hashOf(v));
        QVERIFY(!p->compressed());
        QCOMPARE(pool.superseded(p).get(), p.get());  // nothing to compress with yet
        early.emplace_back(std::move(v), p);
    }
    QVERIFY(!pool.trained());
    const std::string last = podValue(9999, 3, rng);
    QVERIFY(pool.intern(last, hashOf(last))->compressed());  // the sample that completes training
    QCOMPARE(pool.dictionaryCount(), std::size_t{1});

    // From now on values are frames, shared by every member that interns the same bytes.
    const std::string v = podValue(5000, 4, rng);
    ValuePtr frame = pool.intern(v, hashOf(v));
    QVERIFY(frame->compressed());
    QCOMPARE(frame->hash(), hashOf(v));
    QCOMPARE(frame->size(), v.size());
    QVERIFY(frame->stored().size() * 4 < v.size());
    const std::uint64_t hitsBefore = pool.recentHits();
    QCOMPARE(pool.intern(std::string(v), hashOf(v)).get(), frame.get());
    QCOMPARE(pool.recentHits(), hitsBefore + 1); // found among the latest, without decompressing
    // Once another value takes its slot of the latest, it is still found (and shared).
    const std::string sameSlot = podValue(5002, 4, rng);
    const ValuePtr sameSlotValue = pool.intern(sameSlot, hashOf(v) + ValuePool::kRecentSlots);
    QVERIFY(sameSlotValue.get() != frame.get());
    QCOMPARE(pool.intern(std::string(v), hashOf(v)).get(), frame.get());
    QCOMPARE(pool.recentHits(), hitsBefore + 1);
    QCOMPARE(pool.intern(std::string(v), hashOf(v)).get(), frame.get()); // the slot is its again
    QCOMPARE(pool.recentHits(), hitsBefore + 2);
    QCOMPARE(pool.superseded(frame).get(), frame.get());
    std::string scratch;
    QCOMPARE(pool.read(*frame, scratch), std::string_view(v));
    // A hash collision never merges different bytes, frames or not.
    const std::string other = podValue(5001, 4, rng);
    ValuePtr collided = pool.intern(other, hashOf(v));
    QVERIFY(collided.get() != frame.get());
    QCOMPARE(pool.read(*collided, scratch), std::string_view(other));
    QCOMPARE(pool.read(*frame, scratch), std::string_view(v));

    // A value kept as written before training is compressed once superseded, one frame for all.
    const std::string earlyBytes = early.front().first;
    const ValuePtr earlyValue = early.front().second;
    ValuePtr earlyFrame = pool.superseded(earlyValue);
    QVERIFY(earlyFrame->compressed());
    QCOMPARE(pool.superseded(earlyValue).get(), earlyFrame.get());
    QCOMPARE(pool.read(*earlyFrame, scratch), std::string_view(earlyBytes));
    QCOMPARE(pool.read(*earlyValue, scratch), std::string_view(earlyBytes));

    // Short values are kept as they are.
    ValuePtr tiny = pool.intern("short", hashOf("short"));
    QVERIFY(!tiny->compressed());
    QCOMPARE(pool.superseded(tiny).get(), tiny.get());

    // A second dictionary comes after eight times as many values; frames of the first still read.
    std::vector<std::pair<std::string, ValuePtr>> later;
    for (int i = 0; pool.dictionaryCount() < 2; ++i) {
        QVERIFY(i < 8 * static_cast<int>(ValuePool::kTrainingSamples));
        std::string w = podValue(20000 + i, 5, rng);
        ValuePtr p = pool.intern(w, hashOf(w));
        if (i % 512 == 0)
            later.emplace_back(std::move(w), p);
    }
    QCOMPARE(pool.read(*frame, scratch), std::string_view(v));
    QCOMPARE(pool.read(*earlyFrame, scratch), std::string_view(earlyBytes));
    const std::string after = podValue(90000, 5, rng);
    ValuePtr afterFrame = pool.intern(after, hashOf(after));
    QVERIFY(afterFrame->compressed());
    QCOMPARE(pool.read(*afterFrame, scratch), std::string_view(after));
    for (const auto &[bytes, p] : later)
        QCOMPARE(pool.read(*p, scratch), std::string_view(bytes));
    // The frame outlives every other holder of its bytes.
    early.clear();
    QCOMPARE(pool.read(*earlyFrame, scratch), std::string_view(earlyBytes));
}

QTEST_APPLESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"
