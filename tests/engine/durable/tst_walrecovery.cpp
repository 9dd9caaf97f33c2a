// Wal recovery on damaged directories: a torn tail is cut off (at every possible length), damage
// followed by intact data and structural damage (missing, empty, renamed, cut segments) are
// refused with the file and the byte offset, and a refusal changes nothing on disk.

#include "tests/engine/durable/DurableTestUtil.h"

#include "engine/durable/Wal.h"

using namespace quorum;
using namespace quorum::durable;
using namespace quorum::durable::testing;

namespace {

constexpr std::uint64_t kEntries = 30;
const WalOptions kSmallSegments{600};

/// A WAL in "wal" with entries 1..30 (term 1), a hard state after every 5, synced, in several
/// small segments. Returns the segment paths.
std::vector<std::string> buildWal(MemoryDisk &disk)
{
    auto o = Wal::open(disk, "wal", kSmallSegments);
    RAFT_CHECK(o.ok(), o.error());
    Wal &w = *o->wal;
    for (std::uint64_t i = 1; i <= kEntries; i += 5) {
        RAFT_CHECK(w.appendEntries(run(i, 5, 1)).ok(), "append");
        RAFT_CHECK(w.appendHardState({1, 1, i + 4}).ok(), "hard state");
        RAFT_CHECK(w.sync().ok(), "sync");
    }
    std::vector<std::string> paths;
    for (const std::string &n : w.segmentNames())
        paths.push_back(joinPath("wal", n));
    return paths;
}

std::vector<wal::RawRecord> recordsOf(MemoryDisk &disk, const std::string &path, std::string &bytes)
{
    bytes = *disk.readFile(path);
    return wal::scanSegment(bytes).records;
}

/// The first entry index of a segment (from its name).
std::uint64_t firstIndexOf(const std::string &path)
{
    return wal::parseSegmentName(path.substr(path.rfind('/') + 1))->second;
}

enum class Damage {
    None,
    EmptyLastSegment,
    EmptyMiddleSegment,
    MissingMiddleSegment,
    GarbageFile,
    GarbageSegmentInTheMiddle,
    RenamedLastSegment,
    MiddleSegmentCutAtRecordBoundary,
    FlipInMiddleRecordOfLastSegment,
    FlipInFirstSegment,
    FlipInHeaderOfLastSegment,
    EntryRecordDropped,
};

} // namespace

class TestWalRecovery : public QObject {
    Q_OBJECT

private slots:
    void freshWal();
    void segmentsRollAndRestateState();
    void recovery_data();
    void recovery();
    void tornTailAtEveryLength();
    void flippedByteInLastRecordIsTorn();
    void laterRecordsWin();
    void releaseRemovesOnlyOldSegments();
    void releaseRightAfterAnUnsyncedRollKeepsTheState();
    void writesAfterAFailureAreRefused();
};

void TestWalRecovery::freshWal()
{
    MemoryDisk disk;
    auto o = Wal::open(disk, "wal");
    QVERIFY_OK(o);
    QVERIFY(o->report.created);
    QCOMPARE(o->wal->segmentNames(), std::vector<std::string>{wal::segmentName(1, 1)});
    QVERIFY(o->state.entries.empty());
    QVERIFY(o->state.hardState.empty());
    o->wal.reset();
    // The creation was durable: a crash keeps the empty WAL, which opens cleanly.
    disk.crash();
    auto again = Wal::open(disk, "wal");
    QVERIFY_OK(again);
    QVERIFY(!again->report.created);
    QVERIFY(!again->report.tornTailTruncated);
}

void TestWalRecovery::segmentsRollAndRestateState()
{
    MemoryDisk disk;
    const auto paths = buildWal(disk);
    QVERIFY(paths.size() >= 4);
    std::uint64_t expectFirst = 1;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        std::string bytes;
        const auto recs = recordsOf(disk, paths[i], bytes);
        QVERIFY(!recs.empty());
        QCOMPARE(recs[0].type, wal::RecordType::SegmentHeader);
        auto h = wal::decodePayload(recs[0].type, recs[0].payload);
        QVERIFY_OK(h);
        const auto &header = std::get<wal::SegmentHeader>(*h);
        QCOMPARE(header.seq, std::uint64_t(i + 1));
        QVERIFY(header.firstIndex >= expectFirst);
        expectFirst = header.firstIndex;
        if (i + 1 < paths.size())
            QVERIFY(bytes.size() >= kSmallSegments.segmentBytes); // rolled only when full
    }
    auto o = Wal::open(disk, "wal", kSmallSegments);
    QVERIFY_OK(o);
    QCOMPARE(o->state.lastIndex(), kEntries);
    QCOMPARE(o->state.entries, run(1, kEntries, 1));
    QCOMPARE(o->state.hardState, (raft::HardState{1, 1, kEntries}));
    QCOMPARE(o->report.segments, paths.size());
}

void TestWalRecovery::recovery_data()
{
    QTest::addColumn<int>("damage");
    QTest::addColumn<QString>("error"); // empty: recovery succeeds
    QTest::newRow("clean") << int(Damage::None) << "";
    QTest::newRow("zero-length last segment (its creation was torn)") << int(Damage::EmptyLastSegment) << "";
    QTest::newRow("garbage file in the directory") << int(Damage::GarbageFile) << "";
    QTest::newRow("zero-length middle segment") << int(Damage::EmptyMiddleSegment)
                                                << "0000000000000002-%1.wal at byte 0: expected a segment header";
    QTest::newRow("missing middle segment") << int(Damage::MissingMiddleSegment) << "segment 2 is missing";
    QTest::newRow("garbage segment in the middle")
        << int(Damage::GarbageSegmentInTheMiddle) << "0000000000000002-%1.wal at byte 0: partial record header";
    QTest::newRow("renamed last segment") << int(Damage::RenamedLastSegment) << "does not match the file name";
    QTest::newRow("middle segment cut at a record boundary")
        << int(Damage::MiddleSegmentCutAtRecordBoundary) << "does not chain to the end of the previous segment";
    QTest::newRow("flipped byte in a middle record of the last segment")
        << int(Damage::FlipInMiddleRecordOfLastSegment) << "%2 at byte %3: CRC mismatch";
    QTest::newRow("flipped byte in the first segment")
        << int(Damage::FlipInFirstSegment) << "0000000000000001-0000000000000001.wal at byte %3: CRC mismatch";
    QTest::newRow("flipped byte in the header of the last segment")
        << int(Damage::FlipInHeaderOfLastSegment) << "%2 at byte 0: CRC mismatch";
    QTest::newRow("an entry record cut out of a segment")
        << int(Damage::EntryRecordDropped) << "does not follow the last index";
}

void TestWalRecovery::recovery()
{
    QFETCH(int, damage);
    QFETCH(QString, error);
    MemoryDisk disk;
    const auto paths = buildWal(disk);
    const std::string &last = paths.back();
    const std::string &second = paths[1];
    std::uint64_t expectLast = kEntries;
    std::uint64_t badOffset = 0;
    std::string bytes;
    switch (Damage(damage)) {
    case Damage::None: break;
    case Damage::EmptyLastSegment:
        QVERIFY_OK(disk.cutFile(last, 0));
        expectLast = firstIndexOf(last) - 1;
        break;
    case Damage::EmptyMiddleSegment: QVERIFY_OK(disk.cutFile(second, 0)); break;
    case Damage::MissingMiddleSegment: QVERIFY_OK(disk.remove(second)); break;
    case Damage::GarbageFile: QVERIFY_OK(disk.putFile("wal/notes.txt", "not a segment")); break;
    case Damage::GarbageSegmentInTheMiddle: QVERIFY_OK(disk.putFile(second, "garbage")); break;
    case Damage::RenamedLastSegment:
        QVERIFY_OK(disk.rename(last, joinPath("wal", wal::segmentName(paths.size(), 999))));
        break;
    case Damage::MiddleSegmentCutAtRecordBoundary: {
        const auto recs = recordsOf(disk, second, bytes);
        QVERIFY_OK(disk.cutFile(second, recs[recs.size() - 2].end));
        break;
    }
    case Damage::FlipInMiddleRecordOfLastSegment: {
        const auto recs = recordsOf(disk, last, bytes);
        QVERIFY(recs.size() >= 3);
        badOffset = recs[1].offset;
        QVERIFY_OK(disk.flipByte(last, recs[1].offset + wal::kRecordHeaderSize + 3));
        break;
    }
    case Damage::FlipInFirstSegment: {
        const auto recs = recordsOf(disk, paths[0], bytes);
        badOffset = recs.back().offset;
        QVERIFY_OK(disk.flipByte(paths[0], recs.back().end - 1));
        break;
    }
    case Damage::FlipInHeaderOfLastSegment: QVERIFY_OK(disk.flipByte(last, 14)); break;
    case Damage::EntryRecordDropped: {
        const auto recs = recordsOf(disk, paths[0], bytes);
        QVERIFY(recs.size() >= 3 && recs[1].type == wal::RecordType::Entry);
        std::string cut = bytes.substr(0, recs[1].offset);
        cut += bytes.substr(recs[1].end);
        QVERIFY_OK(disk.putFile(paths[0], cut));
        break;
    }
    }
    const auto before = dumpFiles(disk, "");
    auto o = Wal::open(disk, "wal", kSmallSegments);
    if (error.isEmpty()) {
        QVERIFY_OK(o);
        QCOMPARE(o->state.lastIndex(), expectLast);
        QCOMPARE(o->state.entries, run(1, expectLast, 1));
        if (Damage(damage) == Damage::GarbageFile) {
            QCOMPARE(o->report.warnings.size(), std::size_t(1));
            QVERIFY(QString::fromStdString(o->report.warnings[0]).contains("wal/notes.txt"));
        }
        // The repaired WAL takes new entries and reopens cleanly with them.
        QVERIFY_OK(o->wal->appendEntries({entry(2, expectLast + 1)}));
        QVERIFY_OK(o->wal->sync());
        o->wal.reset();
        auto again = Wal::open(disk, "wal", kSmallSegments);
        QVERIFY_OK(again);
        QVERIFY(!again->report.tornTailTruncated);
        QCOMPARE(again->state.lastIndex(), expectLast + 1);
        return;
    }
    QVERIFY2(!o.ok(), "recovery should have refused");
    const QString expected = QString(error)
                                 .replace("%1", QString::fromStdString(second.substr(second.find('-') + 1, 16)))
                                 .replace("%2", QString::fromStdString(last))
                                 .replace("%3", QString::number(badOffset));
    QVERIFY2(QString::fromStdString(o.error()).contains(expected),
             qPrintable(QString("expected '%1' in: %2").arg(expected, QString::fromStdString(o.error()))));
    QVERIFY2(dumpFiles(disk, "") == before, "a refused recovery changed files");
}

void TestWalRecovery::tornTailAtEveryLength()
{
    MemoryDisk pristine;
    const auto paths = buildWal(pristine);
    std::string bytes;
    const auto recs = recordsOf(pristine, paths.back(), bytes);
    // The last record is the hard state after entry 30; cut into the entry record before it too.
    const wal::RawRecord &lastEntry = recs[recs.size() - 2];
    QCOMPARE(lastEntry.type, wal::RecordType::Entry);
    for (std::uint64_t len = lastEntry.offset; len < bytes.size(); ++len) {
        MemoryDisk disk;
        buildWal(disk);
        QVERIFY_OK(disk.cutFile(paths.back(), len));
        auto o = Wal::open(disk, "wal", kSmallSegments);
        QVERIFY_OK(o);
        const bool entryIntact = len >= lastEntry.end;
        QCOMPARE(o->state.lastIndex(), entryIntact ? kEntries : kEntries - 1);
        QCOMPARE(o->report.tornTailTruncated, len != lastEntry.offset && len != lastEntry.end); // else a clean end
        if (o->report.tornTailTruncated) {
            QCOMPARE(o->report.tornFile, paths.back());
            QCOMPARE(o->report.tornOffset, entryIntact ? lastEntry.end : lastEntry.offset);
            QCOMPARE(*disk.fileSize(paths.back()), o->report.tornOffset);
        }
        // Appending after the repair continues a valid log.
        QVERIFY_OK(o->wal->appendEntries({entry(2, o->state.lastIndex() + 1)}));
        QVERIFY_OK(o->wal->sync());
        o->wal.reset();
        auto again = Wal::open(disk, "wal", kSmallSegments);
        QVERIFY_OK(again);
        QVERIFY(!again->report.tornTailTruncated);
        QCOMPARE(again->state.entries.back(), entry(2, o->state.lastIndex() + 1));
    }
}

void TestWalRecovery::flippedByteInLastRecordIsTorn()
{
    MemoryDisk pristine;
    const auto paths = buildWal(pristine);
    std::string bytes;
    const auto recs = recordsOf(pristine, paths.back(), bytes);
    const wal::RawRecord &lastRec = recs.back();
    for (std::uint64_t at = lastRec.offset; at < lastRec.end; ++at) {
        MemoryDisk disk;
        buildWal(disk);
        QVERIFY_OK(disk.flipByte(paths.back(), at));
        auto o = Wal::open(disk, "wal", kSmallSegments);
        QVERIFY_OK(o);
        QVERIFY(o->report.tornTailTruncated);
        QCOMPARE(o->report.tornOffset, lastRec.offset);
        QCOMPARE(o->state.lastIndex(), kEntries);
        // The torn record was the last hard state: the previous one is in force.
        QCOMPARE(o->state.hardState.commit, kEntries - 5);
    }
}

void TestWalRecovery::laterRecordsWin()
{
    MemoryDisk disk;
    {
        auto o = Wal::open(disk, "wal", kSmallSegments);
        QVERIFY_OK(o);
        QVERIFY_OK(o->wal->appendEntries(run(1, 20, 1)));
        QVERIFY_OK(o->wal->appendHardState({1, 0, 10}));
        // A new leader overwrites 15.. with its own entries, over several segments.
        QVERIFY_OK(o->wal->appendEntries(run(15, 11, 2)));
        QVERIFY_OK(o->wal->appendHardState({2, 0, 12}));
        QVERIFY_OK(o->wal->sync());
        QVERIFY(o->wal->segmentNames().size() > 2);
    }
    auto o = Wal::open(disk, "wal", kSmallSegments);
    QVERIFY_OK(o);
    std::vector<raft::Entry> expected = run(1, 14, 1);
    for (const raft::Entry &e : run(15, 11, 2))
        expected.push_back(e);
    QCOMPARE(o->state.entries, expected);
    QCOMPARE(o->state.hardState, (raft::HardState{2, 0, 12}));
}

void TestWalRecovery::releaseRemovesOnlyOldSegments()
{
    MemoryDisk disk;
    buildWal(disk);
    auto o = Wal::open(disk, "wal", kSmallSegments);
    QVERIFY_OK(o);
    const auto names = o->wal->segmentNames();
    const std::uint64_t thirdFirst = wal::parseSegmentName(names[2])->second;
    // Entries up to thirdFirst - 1 live in segments 1 and 2 only.
    QVERIFY_OK(o->wal->releaseTo(thirdFirst - 2));
    QCOMPARE(o->wal->segmentNames().size(), names.size() - 1);
    QVERIFY_OK(o->wal->releaseTo(thirdFirst - 1));
    QCOMPARE(o->wal->segmentNames().size(), names.size() - 2);
    QVERIFY_OK(o->wal->releaseTo(kEntries + 100)); // never the segment being written
    QCOMPARE(o->wal->segmentNames().size(), std::size_t(1));
    o->wal.reset();
    disk.crash(); // the removals were made durable
    auto again = Wal::open(disk, "wal", kSmallSegments);
    QVERIFY_OK(again);
    QCOMPARE(again->report.segments, std::size_t(1));
    QVERIFY(!again->state.baseTerm); // the log before the segment is gone; a snapshot must cover it
    QCOMPARE(again->state.lastIndex(), kEntries);
    QCOMPARE(again->state.hardState.commit, kEntries);
}

void TestWalRecovery::releaseRightAfterAnUnsyncedRollKeepsTheState()
{
    MemoryDisk disk;
    auto o = Wal::open(disk, "wal", kSmallSegments);
    QVERIFY_OK(o);
    QVERIFY_OK(o->wal->appendEntries(run(1, 30, 1)));
    QVERIFY_OK(o->wal->appendHardState({1, 1, 30}));
    QVERIFY_OK(o->wal->sync());
    // Unsynced hard states (commit-only Readies need no sync) until one rolls a new segment.
    const std::size_t before = o->wal->segmentNames().size();
    while (o->wal->segmentNames().size() == before)
        QVERIFY_OK(o->wal->appendHardState({1, 1, 30}));
    // Everything but the new segment goes; the new one restates the state, so it must be
    // durable before the old ones are removed.
    QVERIFY_OK(o->wal->releaseTo(30));
    QCOMPARE(o->wal->segmentNames().size(), std::size_t(1));
    o->wal.reset();
    disk.crash();
    auto again = Wal::open(disk, "wal", kSmallSegments);
    QVERIFY_OK(again);
    QCOMPARE(again->state.hardState, (raft::HardState{1, 1, 30}));
    QCOMPARE(again->state.lastIndex(), std::uint64_t(30));
}

void TestWalRecovery::writesAfterAFailureAreRefused()
{
    MemoryDisk disk;
    auto o = Wal::open(disk, "wal");
    QVERIFY_OK(o);
    disk.setOperationBudget(1);
    QVERIFY_OK(o->wal->appendEntries({entry(1, 1)}));
    QVERIFY(!o->wal->sync().ok());
    disk.crash(); // the disk is back, but the Wal must not pretend nothing happened
    const Status s = o->wal->appendEntries({entry(1, 2)});
    QVERIFY(!s.ok());
    QVERIFY(QString::fromStdString(s.message()).contains("disk is down"));
    QCOMPARE(o->wal->failure().message(), s.message());
}

QTEST_APPLESS_MAIN(TestWalRecovery)
#include "tst_walrecovery.moc"
