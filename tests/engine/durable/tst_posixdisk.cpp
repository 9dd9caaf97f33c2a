// PosixDisk on real files in a temporary directory: the Disk contract (the same checks run on
// MemoryDisk, so both implementations answer alike), errors that name the path and the errno
// text, and the WAL and DurableStorage recovering from real files that were cut short or had a
// byte flipped behind their back.

#include "tests/engine/durable/DurableTestUtil.h"

#include "engine/durable/DurableStorage.h"
#include "engine/durable/PosixDisk.h"
#include "engine/durable/Wal.h"

#include <QFile>
#include <QTemporaryDir>

#include <memory>

using namespace quorum;
using namespace quorum::durable;
using namespace quorum::durable::testing;

namespace {

/// The Disk contract, for any implementation starting empty.
void checkContract(Disk &disk)
{
    QVERIFY_OK(disk.createDirectory("a"));
    QVERIFY_OK(disk.createDirectory("a"));
    QVERIFY_OK(disk.syncDirectory(""));
    auto f = disk.open("a/x", OpenMode::CreateNew);
    QVERIFY_OK(f);
    QVERIFY(!disk.open("a/x", OpenMode::CreateNew).ok());
    QVERIFY_OK(disk.append(*f, "hello "));
    QVERIFY_OK(disk.append(*f, std::string("wor\0ld", 6)));
    QVERIFY_OK(disk.sync(*f));
    QCOMPARE(*disk.readFile("a/x"), std::string("hello wor\0ld", 12));
    QCOMPARE(*disk.readRange("a/x", 6, 3), std::string("wor"));
    QCOMPARE(*disk.readRange("a/x", 10, 100), std::string("ld"));
    QCOMPARE(*disk.readRange("a/x", 50, 1), std::string());
    QCOMPARE(*disk.fileSize("a/x"), std::uint64_t(12));
    QVERIFY_OK(disk.truncate(*f, 5));
    QVERIFY_OK(disk.append(*f, "!"));
    QCOMPARE(*disk.readFile("a/x"), std::string("hello!"));
    QVERIFY_OK(disk.close(*f));

    auto g = disk.open("a/x", OpenMode::Existing);
    QVERIFY_OK(g);
    QVERIFY_OK(disk.append(*g, "?"));
    QVERIFY_OK(disk.close(*g));
    QCOMPARE(*disk.readFile("a/x"), std::string("hello!?"));
    auto h = disk.open("a/y", OpenMode::Replace);
    QVERIFY_OK(h);
    QVERIFY_OK(disk.append(*h, "new"));
    QVERIFY_OK(disk.close(*h));
    QCOMPARE(*disk.list("a"), (std::vector<std::string>{"x", "y"}));
    QVERIFY_OK(disk.rename("a/y", "a/x")); // atomic replace
    QCOMPARE(*disk.readFile("a/x"), std::string("new"));
    QCOMPARE(*disk.list("a"), std::vector<std::string>{"x"});
    QVERIFY_OK(disk.syncDirectory("a"));
    QVERIFY(*disk.exists("a"));
    QVERIFY(*disk.exists("a/x"));
    QVERIFY(!*disk.exists("a/nope"));
    QVERIFY_OK(disk.remove("a/x"));
    QVERIFY(disk.list("a")->empty());

    const auto missing = disk.readFile("a/nope");
    QVERIFY(!missing.ok());
    QVERIFY2(QString::fromStdString(missing.error()).contains("a/nope: No such file or directory"),
             missing.error().c_str());
    QVERIFY(!disk.open("a/nope", OpenMode::Existing).ok());
    QVERIFY(!disk.open("zz/x", OpenMode::CreateNew).ok());
    QVERIFY(!disk.remove("a/nope").ok());
    QVERIFY(!disk.readFile("../escape").ok());
    QVERIFY(!disk.open("/abs", OpenMode::Replace).ok());
}

/// A WAL with entries 1..20 in a few segments on `disk`; returns the last segment's path.
std::string buildWal(Disk &disk)
{
    auto o = Wal::open(disk, "wal", WalOptions{500});
    RAFT_CHECK(o.ok(), o.error());
    for (std::uint64_t i = 1; i <= 20; i += 4) {
        RAFT_CHECK(o->wal->appendEntries(run(i, 4, 1)).ok(), "append");
        RAFT_CHECK(o->wal->appendHardState({1, 1, i + 3}).ok(), "hs");
        RAFT_CHECK(o->wal->sync().ok(), "sync");
    }
    return joinPath("wal", o->wal->segmentNames().back());
}

} // namespace

class TestPosixDisk : public QObject {
    Q_OBJECT

private slots:
    void contract_data();
    void contract();
    void errorsNameThePath();
    void walCutShortOnDisk();
    void walWithAFlippedByteOnDisk();
    void durableStorageOnRealFiles();
};

void TestPosixDisk::contract_data()
{
    QTest::addColumn<bool>("posix");
    QTest::newRow("PosixDisk") << true;
    QTest::newRow("MemoryDisk") << false;
}

void TestPosixDisk::contract()
{
    QFETCH(bool, posix);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::unique_ptr<Disk> disk;
    if (posix)
        disk = std::make_unique<PosixDisk>(dir.path().toStdString());
    else
        disk = std::make_unique<MemoryDisk>();
    checkContract(*disk);
}

void TestPosixDisk::errorsNameThePath()
{
    QTemporaryDir dir;
    PosixDisk disk(dir.path().toStdString() + "/");
    const auto r = disk.open("missing/x", OpenMode::CreateNew);
    QVERIFY(!r.ok());
    const QString expected = QString("open %1/missing/x: No such file or directory").arg(dir.path());
    QVERIFY2(QString::fromStdString(r.error()) == expected, r.error().c_str());
    QVERIFY_OK(disk.createDirectory("d"));
    QFile file(dir.path() + "/f");
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const Status s = disk.createDirectory("f");
    QVERIFY(!s.ok());
    QVERIFY2(QString::fromStdString(s.message()).contains("/f: File exists"), s.message().c_str());
}

void TestPosixDisk::walCutShortOnDisk()
{
    QTemporaryDir dir;
    PosixDisk disk(dir.path().toStdString());
    const std::string last = buildWal(disk);
    const QString real = dir.path() + "/" + QString::fromStdString(last);
    QFile f(real);
    const qint64 size = f.size();
    QVERIFY(f.resize(size - 7)); // the end of the last record never made it
    auto o = Wal::open(disk, "wal", WalOptions{500});
    QVERIFY_OK(o);
    QVERIFY(o->report.tornTailTruncated);
    QCOMPARE(o->report.tornFile, last);
    QCOMPARE(QFile(real).size(), qint64(o->report.tornOffset));
    // The cut record was the last hard state: entries 1..20 survive, the commit before it counts.
    QCOMPARE(o->state.lastIndex(), std::uint64_t(20));
    QCOMPARE(o->state.hardState.commit, std::uint64_t(16));
    QVERIFY_OK(o->wal->appendHardState({1, 1, 20}));
    QVERIFY_OK(o->wal->sync());
    o->wal.reset();
    auto again = Wal::open(disk, "wal", WalOptions{500});
    QVERIFY_OK(again);
    QVERIFY(!again->report.tornTailTruncated);
    QCOMPARE(again->state.hardState.commit, std::uint64_t(20));
}

void TestPosixDisk::walWithAFlippedByteOnDisk()
{
    QTemporaryDir dir;
    PosixDisk disk(dir.path().toStdString());
    const std::string first = joinPath("wal", wal::segmentName(1, 1));
    buildWal(disk);
    const std::string bytes = *disk.readFile(first);
    const auto recs = wal::scanSegment(bytes).records;
    QVERIFY(recs.size() > 3);
    const std::uint64_t at = recs[2].offset + wal::kRecordHeaderSize + 2;
    QFile f(dir.path() + "/" + QString::fromStdString(first));
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.seek(qint64(at)));
    char c = 0;
    QVERIFY(f.getChar(&c));
    QVERIFY(f.seek(qint64(at)));
    QVERIFY(f.putChar(char(c ^ 0x01)));
    f.close();
    const QByteArray before = QFile(f.fileName()).readAll();
    auto o = Wal::open(disk, "wal", WalOptions{500});
    QVERIFY(!o.ok());
    const QString expected = QString("%1 at byte %2: CRC mismatch").arg(QString::fromStdString(first)).arg(recs[2].offset);
    QVERIFY2(QString::fromStdString(o.error()).contains(expected), o.error().c_str());
    QCOMPARE(QFile(f.fileName()).readAll(), before);
}

void TestPosixDisk::durableStorageOnRealFiles()
{
    QTemporaryDir dir;
    PosixDisk disk(dir.path().toStdString());
    DurableOptions options;
    options.wal.segmentBytes = 1000;
    {
        auto s = DurableStorage::open(disk, "member", options);
        QVERIFY_OK(s);
        QVERIFY_OK((*s)->bootstrap({{1, 2, 3}, {}}));
        QVERIFY_OK((*s)->save(raft::HardState{1, 1, 40}, run(2, 40, 1), std::nullopt, true));
        auto snap = (*s)->createSnapshot(30, {{1, 2, 3}, {}}, "state at 30");
        QVERIFY_OK(snap);
        QVERIFY_OK((*s)->compact(30));
    }
    QVERIFY(QFile::exists(dir.path() + "/member/snap/" + QString::fromStdString(snapshotFileName({30, 1}))));
    auto s = DurableStorage::open(disk, "member", options);
    QVERIFY_OK(s);
    QCOMPARE((*s)->recoveryReport().snapshot, (wal::SnapshotPoint{30, 1}));
    QCOMPARE((*s)->snapshot().value.data, std::string("state at 30"));
    QCOMPARE((*s)->firstIndex(), std::uint64_t(31));
    QCOMPARE((*s)->lastIndex(), std::uint64_t(41));
    QCOMPARE((*s)->entries(31, 42, raft::kNoLimit).value, run(31, 11, 1));
    QCOMPARE((*s)->hardState(), (raft::HardState{1, 1, 40}));
}

QTEST_GUILESS_MAIN(TestPosixDisk)
#include "tst_posixdisk.moc"
