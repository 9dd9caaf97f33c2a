// DurableStorage beyond the Storage interface: snapshot files (atomic saves, retention, fallback
// past a corrupt one, files the WAL does not vouch for), WAL release on compaction, refusals
// when no snapshot covers the log, a single raft member driven through RawNode that restarts
// from disk, and save() split into write() + sync() with crashes in between.

#include "tests/engine/durable/DurableTestUtil.h"

#include "engine/durable/DurableStorage.h"
#include "engine/durable/SnapshotStore.h"
#include "engine/raft/RawNode.h"

using namespace quorum;
using namespace quorum::durable;
using namespace quorum::durable::testing;

namespace {

const raft::ConfState kConf{{1}, {}};

DurableOptions smallSegments()
{
    DurableOptions o;
    o.wal.segmentBytes = 400;
    o.snapshotsToKeep = 2;
    return o;
}

std::unique_ptr<DurableStorage> openStorage(Disk &disk, const DurableOptions &o = smallSegments())
{
    auto s = DurableStorage::open(disk, "m", o);
    RAFT_CHECK(s.ok(), s.error());
    return std::move(*s);
}

/// Entries 1..n (term 1), committed, with snapshots at each index in `snapshotsAt`.
void fill(DurableStorage &s, std::uint64_t n, std::initializer_list<std::uint64_t> snapshotsAt)
{
    RAFT_CHECK(s.save(raft::HardState{1, 1, n}, run(1, n, 1), std::nullopt, true).ok(), "save");
    for (std::uint64_t i : snapshotsAt) {
        auto r = s.createSnapshot(i, kConf, "state@" + std::to_string(i));
        RAFT_CHECK(r.ok() && r->ok(), "createSnapshot");
    }
}

std::vector<std::string> snapFiles(MemoryDisk &disk)
{
    return *disk.list("m/snap");
}

bool anyContains(const std::vector<std::string> &lines, const QString &needle)
{
    for (const std::string &l : lines) {
        if (QString::fromStdString(l).contains(needle))
            return true;
    }
    return false;
}

} // namespace

class TestDurableStorage : public QObject {
    Q_OBJECT

private slots:
    void newStorageIsEmpty();
    void snapshotsAreRetainedAndWalReleased();
    void corruptNewestSnapshotFallsBack();
    void snapshotWithoutWalRecordIsIgnored();
    void refusesWhenNoSnapshotCoversTheLog_data();
    void refusesWhenNoSnapshotCoversTheLog();
    void snapshotSaveIsAtomic();
    void rawNodeRestartsFromDisk();
    void writeThenSyncSplitsSave();
    void writeBehindDefersTheWalInOrder();
};

void TestDurableStorage::newStorageIsEmpty()
{
    MemoryDisk disk;
    auto s = openStorage(disk);
    QCOMPARE(s->firstIndex(), std::uint64_t(1));
    QCOMPARE(s->lastIndex(), std::uint64_t(0));
    QVERIFY(s->hardState().empty());
    QVERIFY(s->recoveryReport().wal.created);
    QVERIFY(QString::fromStdString(s->recoveryReport().describe()).contains("new storage"));
}

void TestDurableStorage::snapshotsAreRetainedAndWalReleased()
{
    MemoryDisk disk;
    auto s = openStorage(disk);
    fill(*s, 60, {10, 20, 30, 40});
    // Two snapshot files kept: 30 and 40.
    QCOMPARE(snapFiles(disk), (std::vector<std::string>{snapshotFileName({30, 1}), snapshotFileName({40, 1})}));
    const std::size_t before = s->wal().segmentNames().size();
    QVERIFY(before > 4);
    auto c = s->compact(40);
    QVERIFY_OK(c);
    QCOMPARE(*c, raft::StorageStatus::Ok);
    const auto after = s->wal().segmentNames();
    QVERIFY(after.size() < before);
    // Released only up to the oldest snapshot kept (30): the first segment left still reaches it.
    QVERIFY(wal::parseSegmentName(after.front())->second <= 31);
    s.reset();
    disk.crash();
    s = openStorage(disk);
    QCOMPARE(s->recoveryReport().snapshot, (wal::SnapshotPoint{40, 1}));
    QCOMPARE(s->firstIndex(), std::uint64_t(41));
    QCOMPARE(s->lastIndex(), std::uint64_t(60));
    QCOMPARE(s->snapshot().value.data, std::string("state@40"));
    QCOMPARE(s->entries(41, 61, raft::kNoLimit).value, run(41, 20, 1));
}

void TestDurableStorage::corruptNewestSnapshotFallsBack()
{
    MemoryDisk disk;
    auto s = openStorage(disk);
    fill(*s, 60, {30, 40});
    QVERIFY_OK(s->compact(40));
    s.reset();
    const std::string newest = joinPath("m/snap", snapshotFileName({40, 1}));
    QVERIFY_OK(disk.flipByte(newest, 30));
    s = openStorage(disk);
    QCOMPARE(s->recoveryReport().snapshot, (wal::SnapshotPoint{30, 1}));
    QVERIFY2(anyContains(s->recoveryReport().warnings, QString::fromStdString(newest) + ": CRC mismatch"),
             s->recoveryReport().describe().c_str());
    QCOMPARE(s->firstIndex(), std::uint64_t(31));
    QCOMPARE(s->entries(31, 61, raft::kNoLimit).value, run(31, 30, 1));
    QCOMPARE(s->hardState().commit, std::uint64_t(60));
}

void TestDurableStorage::snapshotWithoutWalRecordIsIgnored()
{
    MemoryDisk disk;
    auto s = openStorage(disk);
    fill(*s, 20, {10});
    s.reset();
    // A complete snapshot file whose WAL record never made it (a crash in between).
    raft::Snapshot orphan;
    orphan.metadata = {kConf, 15, 1};
    orphan.data = "orphan";
    QVERIFY_OK(disk.putFile(joinPath("m/snap", snapshotFileName({15, 1})), SnapshotStore::encode(orphan)));
    s = openStorage(disk);
    QCOMPARE(s->recoveryReport().snapshot, (wal::SnapshotPoint{10, 1}));
    QVERIFY(anyContains(s->recoveryReport().warnings, "the WAL does not vouch for it"));
    QCOMPARE(s->lastIndex(), std::uint64_t(20));
}

void TestDurableStorage::refusesWhenNoSnapshotCoversTheLog_data()
{
    QTest::addColumn<int>("what");
    QTest::addColumn<QString>("error");
    QTest::newRow("first segment missing, no snapshot") << 0 << "no usable snapshot covers it";
    QTest::newRow("every snapshot corrupt after a release") << 1 << ".snap: CRC mismatch";
    QTest::newRow("snapshots but no WAL") << 2 << "m/snap holds snapshots but m/wal holds no WAL segment";
}

void TestDurableStorage::refusesWhenNoSnapshotCoversTheLog()
{
    QFETCH(int, what);
    QFETCH(QString, error);
    MemoryDisk disk;
    auto s = openStorage(disk);
    if (what == 0) {
        fill(*s, 40, {});
        const std::string first = joinPath("m/wal", s->wal().segmentNames().front());
        s.reset();
        QVERIFY_OK(disk.remove(first));
    } else if (what == 1) {
        fill(*s, 60, {30, 40});
        QVERIFY_OK(s->compact(40));
        s.reset();
        for (const std::string &f : snapFiles(disk))
            QVERIFY_OK(disk.flipByte(joinPath("m/snap", f), 20));
    } else {
        fill(*s, 20, {10});
        const auto segments = s->wal().segmentNames();
        s.reset();
        for (const std::string &n : segments)
            QVERIFY_OK(disk.remove(joinPath("m/wal", n)));
    }
    const auto before = dumpFiles(disk, "");
    auto r = DurableStorage::open(disk, "m", smallSegments());
    QVERIFY(!r.ok());
    QVERIFY2(QString::fromStdString(r.error()).contains(error), r.error().c_str());
    QVERIFY2(dumpFiles(disk, "") == before, "a refused open changed files");
}

void TestDurableStorage::snapshotSaveIsAtomic()
{
    raft::Snapshot older;
    older.metadata = {kConf, 5, 1};
    older.data = "older";
    raft::Snapshot newer;
    newer.metadata = {kConf, 9, 2};
    newer.data = std::string(3000, 'n');
    for (std::uint64_t budget = 0;; ++budget) {
        MemoryDisk disk;
        QVERIFY_OK(disk.createDirectory("s"));
        QVERIFY_OK(disk.syncDirectory(""));
        {
            auto store = SnapshotStore::open(disk, "s");
            QVERIFY_OK(store);
            QVERIFY_OK(store->save(older));
        }
        disk.setOperationBudget(budget);
        bool done = false;
        {
            auto store = SnapshotStore::open(disk, "s");
            done = store.ok() && store->save(newer).ok();
        }
        CrashOptions o;
        o.seed = budget;
        o.keepTornTail = true;
        o.keepPendingEntries = true;
        disk.crash(o);
        auto store = SnapshotStore::open(disk, "s");
        QVERIFY_OK(store);
        QVERIFY(disk.list("s")->size() <= 2); // no temporary file survives an open
        auto loaded = store->loadNewest({});
        QVERIFY_OK(loaded);
        QVERIFY2(loaded->warnings.empty(), loaded->warnings.empty() ? "" : loaded->warnings[0].c_str());
        QVERIFY(loaded->snapshot);
        QVERIFY(*loaded->snapshot == newer || *loaded->snapshot == older);
        if (done) {
            QVERIFY(*loaded->snapshot == newer); // save() returned Ok: it is durable
            break;
        }
    }
}

void TestDurableStorage::rawNodeRestartsFromDisk()
{
    MemoryDisk disk;
    std::uint64_t applied = 0;
    std::vector<std::string> appliedData;
    auto drive = [&](raft::RawNode &node, DurableStorage &storage) {
        while (node.hasReady()) {
            raft::Ready rd = node.ready();
            QVERIFY_OK(storage.save(rd));
            QVERIFY(rd.messages.empty()); // a single member talks to nobody
            for (const raft::Entry &e : rd.committedEntries) {
                applied = e.index;
                if (e.type == raft::EntryType::Normal && !e.data.empty())
                    appliedData.push_back(e.data);
            }
            node.advance(rd);
        }
    };
    raft::Config cfg;
    cfg.id = 1;
    {
        auto storage = openStorage(disk);
        QVERIFY_OK(storage->bootstrap(kConf));
        raft::RawNode node(cfg, *storage);
        node.campaign();
        drive(node, *storage);
        QCOMPARE(node.status().softState.role, raft::Role::Leader);
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(node.propose("cmd" + std::to_string(i)), raft::ProposeResult::Ok);
            drive(node, *storage);
        }
        auto snap = storage->createSnapshot(applied, kConf, "app state");
        QVERIFY_OK(snap);
        QVERIFY_OK(storage->compact(applied));
    }
    QCOMPARE(appliedData.size(), std::size_t(50));
    const std::uint64_t before = applied;
    disk.crash(); // everything a Ready asked to sync is on disk

    auto storage = openStorage(disk);
    QCOMPARE(storage->lastIndex(), before);
    QCOMPARE(storage->hardState().commit, before);
    cfg.applied = 0;
    raft::RawNode node(cfg, *storage);
    QCOMPARE(node.status().hardState, storage->hardState());
    node.campaign();
    drive(node, *storage);
    QCOMPARE(node.status().softState.role, raft::Role::Leader);
    QCOMPARE(node.propose("after restart"), raft::ProposeResult::Ok);
    drive(node, *storage);
    QCOMPARE(appliedData.back(), std::string("after restart"));
}

void TestDurableStorage::writeBehindDefersTheWalInOrder()
{
    // With write-behind the cache answers at once, the WAL waits for the deferred writes; run
    // in order they leave the disk as a save() would (what was synced survives a crash).
    MemoryDisk disk;
    std::vector<std::function<void()>> queued;
    const std::vector<raft::Entry> entries = run(2, 30, 2);
    {
        auto s = openStorage(disk);
        QVERIFY_OK(s->bootstrap(kConf));
        s->setWriteBehind([&queued](std::function<void()> job) { queued.push_back(std::move(job)); },
                          [&queued] {
                              for (auto &job : queued)
                                  job();
                              queued.clear();
                          });
        const std::string segment = joinPath("m/wal", s->wal().segmentNames().back());
        const std::uint64_t before = *disk.fileSize(segment);
        raft::Ready rd;
        rd.hardState = raft::HardState{2, 1, 11};
        rd.entries = entries;
        rd.mustSync = true;
        QVERIFY_OK(s->write(rd));
        QVERIFY_OK(s->sync());
        QCOMPARE(s->lastIndex(), std::uint64_t(31));
        QCOMPARE(s->hardState(), (raft::HardState{2, 1, 11}));
        QCOMPARE(queued.size(), std::size_t(2)); // the write, then the fsync
        QCOMPARE(*disk.fileSize(segment), before);
        QVERIFY(s->compact(5).ok()); // the cache now; a segment release (if any) deferred
        QCOMPARE(s->firstIndex(), std::uint64_t(6));
        QVERIFY(s->wal().segmentNames().size() > 1); // wal() settles: the writes ran, in order
        QVERIFY(queued.empty());
    }
    disk.crash(CrashOptions{});
    auto s = openStorage(disk);
    QCOMPARE(s->lastIndex(), std::uint64_t(31));
    QCOMPARE(s->hardState(), (raft::HardState{2, 1, 11}));
    auto got = s->entries(s->firstIndex(), 32, 0);
    QVERIFY(got.ok());
    for (const raft::Entry &e : got.value)
        QCOMPARE(e, entries[e.index - 2]);
}

void TestDurableStorage::writeThenSyncSplitsSave()
{
    // write() reaches the page cache only: reads see it at once, a crash before sync() drops it
    // or keeps a prefix whose torn (possibly garbled) last record recovery cuts off; what sync()
    // made durable survives every crash.
    const std::vector<raft::Entry> synced = run(2, 10, 2);
    const std::vector<raft::Entry> unsynced = run(12, 20, 2, 200);
    int cut = 0;
    int keptSome = 0;
    for (std::uint64_t seed = 0; seed < 64; ++seed) {
        MemoryDisk disk;
        {
            auto s = openStorage(disk, DurableOptions{});
            QVERIFY_OK(s->bootstrap(kConf));
            raft::Ready rd;
            rd.hardState = raft::HardState{2, 1, 1};
            rd.entries = synced;
            rd.mustSync = true;
            QVERIFY_OK(s->write(rd));
            QCOMPARE(s->lastIndex(), std::uint64_t(11));
            QVERIFY_OK(s->sync());
            raft::Ready more;
            more.entries = unsynced;
            more.mustSync = true;
            QVERIFY_OK(s->write(more));
            QCOMPARE(s->lastIndex(), std::uint64_t(31));
            QCOMPARE(s->term(31).value, std::uint64_t(2));
        }
        CrashOptions o;
        o.seed = seed;
        o.keepTornTail = seed % 2 == 0;
        o.garbleTornTail = seed % 4 == 0;
        disk.crash(o);
        auto s = openStorage(disk, DurableOptions{});
        QVERIFY(s->lastIndex() >= 11 && s->lastIndex() <= 31);
        QCOMPARE(s->hardState(), (raft::HardState{2, 1, 1}));
        auto got = s->entries(2, s->lastIndex() + 1, 0);
        QVERIFY(got.ok());
        for (const raft::Entry &e : got.value)
            QCOMPARE(e, (e.index <= 11 ? synced[e.index - 2] : unsynced[e.index - 12]));
        if (!o.keepTornTail)
            QCOMPARE(s->lastIndex(), std::uint64_t(11));
        if (s->recoveryReport().wal.tornTailTruncated)
            ++cut;
        if (s->lastIndex() > 11)
            ++keptSome;
        if (o.garbleTornTail && s->lastIndex() > 11)
            QVERIFY(s->recoveryReport().wal.tornTailTruncated);
    }
    QVERIFY(cut > 0);
    QVERIFY(keptSome > 0);
}

QTEST_APPLESS_MAIN(TestDurableStorage)
#include "tst_durablestorage.moc"
