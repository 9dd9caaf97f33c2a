// MemoryDisk: the Disk contract, and a crash model that loses exactly what a real crash may lose,
// deterministically for a given seed.

#include "tests/engine/durable/DurableTestUtil.h"

#include <set>

using namespace quorum::durable;
using namespace quorum::durable::testing;

namespace {

/// Creates dir "d" durably and returns a handle to a new file "d/f" holding `synced` (synced,
/// entry durable) followed by `unsynced`.
FileId fileWithTail(MemoryDisk &disk, const std::string &synced, const std::string &unsynced)
{
    (void)disk.createDirectory("d");
    (void)disk.syncDirectory("");
    FileId f = *disk.open("d/f", OpenMode::CreateNew);
    (void)disk.append(f, synced);
    (void)disk.sync(f);
    (void)disk.syncDirectory("d");
    (void)disk.append(f, unsynced);
    return f;
}

} // namespace

class TestMemoryDisk : public QObject {
    Q_OBJECT

private slots:
    void basicOperations();
    void openModes_data();
    void openModes();
    void invalidPathsAreRefused_data();
    void invalidPathsAreRefused();
    void crashDropsUnsyncedData();
    void crashKeepsTornPrefixDeterministically();
    void garbleStaysInTheWindow();
    void createWithoutDirectorySyncIsLost();
    void syncedDataOfAnUnsyncedEntryIsLostWithIt();
    void pendingEntriesSurviveAsAPrefix();
    void renameIsAllOrNothing();
    void removeWithoutDirectorySyncComesBack();
    void truncationMayOrMayNotSurvive();
    void syncAfterTruncateOrReplaceKeepsExactlyTheContent();
    void operationBudgetTakesTheDiskDown();
    void handlesDieInACrash();
};

void TestMemoryDisk::basicOperations()
{
    MemoryDisk disk;
    QVERIFY_OK(disk.createDirectory("a"));
    QVERIFY_OK(disk.createDirectory("a")); // idempotent
    QVERIFY_OK(disk.createDirectory("a/b"));
    auto f = disk.open("a/b/x", OpenMode::CreateNew);
    QVERIFY_OK(f);
    QVERIFY_OK(disk.append(*f, "hello "));
    QVERIFY_OK(disk.append(*f, "world"));
    QCOMPARE(*disk.readFile("a/b/x"), std::string("hello world"));
    QCOMPARE(*disk.readRange("a/b/x", 6, 100), std::string("world"));
    QCOMPARE(*disk.readRange("a/b/x", 20, 5), std::string());
    QCOMPARE(*disk.fileSize("a/b/x"), std::uint64_t(11));
    QVERIFY_OK(disk.truncate(*f, 5));
    QCOMPARE(*disk.readFile("a/b/x"), std::string("hello"));
    QVERIFY_OK(disk.close(*f));
    QCOMPARE(*disk.list("a/b"), std::vector<std::string>{"x"});
    QCOMPARE(*disk.list("a"), std::vector<std::string>{"b"});
    QVERIFY_OK(disk.rename("a/b/x", "a/b/y"));
    QVERIFY(!*disk.exists("a/b/x"));
    QVERIFY(*disk.exists("a/b/y"));
    QVERIFY_OK(disk.remove("a/b/y"));
    QVERIFY(disk.list("a/b")->empty());
    QVERIFY(!disk.readFile("a/b/y").ok());
    QVERIFY(!disk.rename("a/b", "a/c").ok()); // directories are not renamed
    QVERIFY(!disk.open("missing/x", OpenMode::CreateNew).ok());
    const auto err = disk.readFile("nope");
    QVERIFY(!err.ok());
    QVERIFY2(QString::fromStdString(err.error()).contains("nope: No such file"), err.error().c_str());
}

void TestMemoryDisk::openModes_data()
{
    QTest::addColumn<bool>("exists");
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("content"); // after appending "+"
    QTest::newRow("existing, present") << true << int(OpenMode::Existing) << true << "old+";
    QTest::newRow("existing, missing") << false << int(OpenMode::Existing) << false << "";
    QTest::newRow("create new, present") << true << int(OpenMode::CreateNew) << false << "";
    QTest::newRow("create new, missing") << false << int(OpenMode::CreateNew) << true << "+";
    QTest::newRow("replace, present") << true << int(OpenMode::Replace) << true << "+";
    QTest::newRow("replace, missing") << false << int(OpenMode::Replace) << true << "+";
}

void TestMemoryDisk::openModes()
{
    QFETCH(bool, exists);
    QFETCH(int, mode);
    QFETCH(bool, ok);
    QFETCH(QString, content);
    MemoryDisk disk;
    if (exists)
        QVERIFY_OK(disk.putFile("f", "old"));
    auto f = disk.open("f", OpenMode(mode));
    QCOMPARE(f.ok(), ok);
    if (!ok)
        return;
    QVERIFY_OK(disk.append(*f, "+"));
    QCOMPARE(QString::fromStdString(*disk.readFile("f")), content);
}

void TestMemoryDisk::invalidPathsAreRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("absolute") << "/etc/passwd";
    QTest::newRow("dot dot") << "a/../b";
    QTest::newRow("dot") << "./a";
    QTest::newRow("empty part") << "a//b";
    QTest::newRow("trailing slash") << "a/";
}

void TestMemoryDisk::invalidPathsAreRefused()
{
    QFETCH(QString, path);
    MemoryDisk disk;
    QVERIFY_OK(disk.createDirectory("a"));
    const std::string p = path.toStdString();
    QVERIFY(!disk.open(p, OpenMode::Replace).ok());
    QVERIFY(!disk.readFile(p).ok());
    QVERIFY(!disk.createDirectory(p).ok());
    QVERIFY(!disk.remove(p).ok());
}

void TestMemoryDisk::crashDropsUnsyncedData()
{
    MemoryDisk disk;
    fileWithTail(disk, "durable", "-volatile");
    QCOMPARE(*disk.readFile("d/f"), std::string("durable-volatile"));
    const CrashReport r = disk.crash();
    QCOMPARE(*disk.readFile("d/f"), std::string("durable"));
    QCOMPARE(r.unsyncedBytesLost, std::uint64_t(9));
    QCOMPARE(r.filesTorn, std::size_t(0));
}

void TestMemoryDisk::crashKeepsTornPrefixDeterministically()
{
    const std::string tail = "0123456789abcdefghij";
    std::set<std::size_t> lengths;
    for (std::uint64_t seed = 0; seed < 200; ++seed) {
        std::string first;
        for (int round = 0; round < 2; ++round) {
            MemoryDisk disk;
            fileWithTail(disk, "D", tail);
            CrashOptions o;
            o.seed = seed;
            o.keepTornTail = true;
            disk.crash(o);
            const std::string got = *disk.readFile("d/f");
            QVERIFY(got.size() >= 1 && got.size() <= 1 + tail.size());
            QCOMPARE(got, text::cat("D", tail).substr(0, got.size())); // a prefix, byte for byte
            if (round == 0)
                first = got;
            else
                QCOMPARE(got, first); // same seed, same outcome
            lengths.insert(got.size());
        }
    }
    // Every length from "nothing kept" to "all kept" shows up over the seeds.
    QCOMPARE(lengths.size(), tail.size() + 1);
}

void TestMemoryDisk::garbleStaysInTheWindow()
{
    const std::string tail(100, 'a');
    int garbled = 0;
    for (std::uint64_t seed = 0; seed < 100; ++seed) {
        MemoryDisk disk;
        fileWithTail(disk, "D", tail);
        CrashOptions o;
        o.seed = seed;
        o.keepTornTail = true;
        o.garbleTornTail = true;
        o.garbleWindow = 8;
        const CrashReport r = disk.crash(o);
        const std::string got = *disk.readFile("d/f");
        QCOMPARE(got[0], 'D'); // synced bytes are never touched
        std::vector<std::size_t> diffs;
        for (std::size_t i = 1; i < got.size(); ++i) {
            if (got[i] != 'a')
                diffs.push_back(i);
        }
        QCOMPARE(diffs.size(), r.bytesGarbled);
        if (!diffs.empty()) {
            ++garbled;
            QVERIFY(diffs[0] + 8 >= got.size()); // in the last 8 bytes kept
        }
    }
    QVERIFY(garbled > 50);
}

void TestMemoryDisk::createWithoutDirectorySyncIsLost()
{
    MemoryDisk disk;
    QVERIFY_OK(disk.createDirectory("d"));
    QVERIFY_OK(disk.syncDirectory(""));
    FileId f = *disk.open("d/new", OpenMode::CreateNew);
    QVERIFY_OK(disk.append(f, "x"));
    QVERIFY_OK(disk.sync(f));
    disk.crash();
    QVERIFY(!*disk.exists("d/new"));
    QVERIFY(*disk.exists("d"));

    FileId g = *disk.open("d/new", OpenMode::CreateNew);
    QVERIFY_OK(disk.append(g, "x"));
    QVERIFY_OK(disk.sync(g));
    QVERIFY_OK(disk.syncDirectory("d"));
    disk.crash();
    QCOMPARE(*disk.readFile("d/new"), std::string("x"));
}

void TestMemoryDisk::syncedDataOfAnUnsyncedEntryIsLostWithIt()
{
    MemoryDisk disk;
    QVERIFY_OK(disk.createDirectory("d")); // never synced in the root
    FileId f = *disk.open("d/x", OpenMode::CreateNew);
    QVERIFY_OK(disk.append(f, "x"));
    QVERIFY_OK(disk.sync(f));
    QVERIFY_OK(disk.syncDirectory("d"));
    disk.crash();
    QVERIFY(!*disk.exists("d")); // the directory was lost, and everything in it
    QVERIFY(!*disk.exists("d/x"));
}

void TestMemoryDisk::pendingEntriesSurviveAsAPrefix()
{
    std::set<int> counts;
    for (std::uint64_t seed = 0; seed < 100; ++seed) {
        MemoryDisk disk;
        for (int i = 0; i < 5; ++i) {
            FileId f = *disk.open(text::cat("f", std::to_string(i)), OpenMode::CreateNew);
            QVERIFY_OK(disk.close(f));
        }
        CrashOptions o;
        o.seed = seed;
        o.keepPendingEntries = true;
        const CrashReport r = disk.crash(o);
        const auto names = *disk.list("");
        // A prefix of the creations, in order: f0..f(k-1).
        for (std::size_t i = 0; i < names.size(); ++i)
            QCOMPARE(names[i], text::cat("f", std::to_string(i)));
        QCOMPARE(r.entryOperationsLost, 5 - names.size());
        counts.insert(int(names.size()));
    }
    QCOMPARE(counts.size(), std::size_t(6));
}

void TestMemoryDisk::renameIsAllOrNothing()
{
    std::set<std::string> outcomes;
    for (std::uint64_t seed = 0; seed < 50; ++seed) {
        MemoryDisk disk;
        QVERIFY_OK(disk.putFile("target", "old"));
        FileId t = *disk.open("target.tmp", OpenMode::CreateNew);
        QVERIFY_OK(disk.append(t, "new"));
        QVERIFY_OK(disk.sync(t));
        QVERIFY_OK(disk.rename("target.tmp", "target"));
        CrashOptions o;
        o.seed = seed;
        o.keepPendingEntries = true;
        o.keepTornTail = true;
        disk.crash(o);
        const std::string got = *disk.readFile("target");
        QVERIFY2(got == "old" || got == "new", got.c_str());
        outcomes.insert(got);
    }
    QCOMPARE(outcomes.size(), std::size_t(2));

    MemoryDisk disk;
    QVERIFY_OK(disk.putFile("target", "old"));
    FileId t = *disk.open("target.tmp", OpenMode::CreateNew);
    QVERIFY_OK(disk.append(t, "new"));
    QVERIFY_OK(disk.sync(t));
    QVERIFY_OK(disk.rename("target.tmp", "target"));
    QVERIFY_OK(disk.syncDirectory(""));
    disk.crash();
    QCOMPARE(*disk.readFile("target"), std::string("new"));
    QVERIFY(!*disk.exists("target.tmp"));
}

void TestMemoryDisk::removeWithoutDirectorySyncComesBack()
{
    MemoryDisk disk;
    QVERIFY_OK(disk.putFile("f", "content"));
    QVERIFY_OK(disk.remove("f"));
    QVERIFY(!*disk.exists("f"));
    disk.crash();
    QCOMPARE(*disk.readFile("f"), std::string("content"));
    QVERIFY_OK(disk.remove("f"));
    QVERIFY_OK(disk.syncDirectory(""));
    disk.crash();
    QVERIFY(!*disk.exists("f"));
}

void TestMemoryDisk::truncationMayOrMayNotSurvive()
{
    std::set<std::string> outcomes;
    for (std::uint64_t seed = 0; seed < 50; ++seed) {
        MemoryDisk disk;
        QVERIFY_OK(disk.putFile("f", "0123456789"));
        FileId f = *disk.open("f", OpenMode::Existing);
        QVERIFY_OK(disk.truncate(f, 4));
        QVERIFY_OK(disk.append(f, "XY"));
        CrashOptions o;
        o.seed = seed;
        o.keepTornTail = true;
        disk.crash(o);
        outcomes.insert(*disk.readFile("f"));
    }
    // Either the truncation never happened, or it did and a prefix of what followed survived.
    const std::set<std::string> expected = {"0123456789", "0123", "0123X", "0123XY"};
    QCOMPARE(outcomes, expected);
}

void TestMemoryDisk::syncAfterTruncateOrReplaceKeepsExactlyTheContent()
{
    // sync() copies only the appended bytes when nothing was cut since the last sync; after a
    // truncate (or a Replace open) it must take the whole content.
    MemoryDisk disk;
    QVERIFY_OK(disk.putFile("f", "0123456789"));
    FileId f = *disk.open("f", OpenMode::Existing);
    QVERIFY_OK(disk.append(f, "ab"));
    QVERIFY_OK(disk.sync(f));
    QVERIFY_OK(disk.truncate(f, 3));
    QVERIFY_OK(disk.append(f, "XYZWVUTSRQPONM"));
    QVERIFY_OK(disk.sync(f));
    disk.crash(CrashOptions{1, true, false, 8, true});
    QCOMPARE(*disk.readFile("f"), std::string("012XYZWVUTSRQPONM"));
    f = *disk.open("f", OpenMode::Replace);
    QVERIFY_OK(disk.append(f, "new"));
    QVERIFY_OK(disk.sync(f));
    QVERIFY_OK(disk.append(f, "+more"));
    QVERIFY_OK(disk.sync(f));
    disk.crash(CrashOptions{2, true, false, 8, true});
    QCOMPARE(*disk.readFile("f"), std::string("new+more"));
}

void TestMemoryDisk::operationBudgetTakesTheDiskDown()
{
    MemoryDisk disk;
    disk.setOperationBudget(2);
    FileId f = *disk.open("f", OpenMode::CreateNew); // 1
    QVERIFY_OK(disk.append(f, "a"));                  // 2
    QVERIFY(!disk.isDown());
    const Status s = disk.sync(f); // 3: over budget
    QVERIFY(!s.ok());
    QVERIFY2(QString::fromStdString(s.message()).contains("disk is down"), s.message().c_str());
    QVERIFY(disk.isDown());
    QVERIFY(!disk.readFile("f").ok()); // reads fail too once down
    QCOMPARE(disk.operationCount(), std::uint64_t(2));
    disk.crash();
    QVERIFY(!disk.isDown());
    QVERIFY(!*disk.exists("f")); // its creation was never made durable
    FileId g = *disk.open("g", OpenMode::CreateNew);
    QVERIFY_OK(disk.append(g, "b")); // no budget any more
}

void TestMemoryDisk::handlesDieInACrash()
{
    MemoryDisk disk;
    QVERIFY_OK(disk.putFile("f", ""));
    FileId f = *disk.open("f", OpenMode::Existing);
    disk.crash();
    const Status s = disk.append(f, "x");
    QVERIFY(!s.ok());
    QVERIFY2(QString::fromStdString(s.message()).contains("invalidated by a crash"), s.message().c_str());
}

QTEST_APPLESS_MAIN(TestMemoryDisk)
#include "tst_memorydisk.moc"
