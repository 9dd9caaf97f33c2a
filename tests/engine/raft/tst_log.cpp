// The log layer: RaftLog over MemoryStorage + Unstable (matchTerm, findConflict, maybeAppend,
// maybeCommit and friends), table-driven after etcd-io/raft's log tests.

#include "tests/engine/raft/TestUtil.h"

#include "engine/raft/MemoryStorage.h"
#include "engine/raft/RaftLog.h"

#include <QtTest>

using namespace quorum::raft;
using namespace quorum::raft::testing;

namespace {

MemoryStorage storageWith(const std::vector<Entry> &stable)
{
    MemoryStorage s;
    s.append(stable);
    return s;
}

/// A log whose stable part holds `stable` (after the dummy entry at index 0).
struct TestLog {
    explicit TestLog(const std::vector<Entry> &stable = {}, std::uint64_t maxCommitted = kNoLimit)
        : storage(storageWith(stable))
        , log(storage, maxCommitted)
    {
    }
    MemoryStorage storage;
    RaftLog log;
};

} // namespace

class TestLog_ : public QObject {
    Q_OBJECT

private slots:
    void findConflict_data();
    void findConflict();
    void findConflictByTerm_data();
    void findConflictByTerm();
    void isUpToDate_data();
    void isUpToDate();
    void maybeAppend_data();
    void maybeAppend();
    void maybeAppendNeverTruncatesCommitted();
    void maybeCommit_data();
    void maybeCommit();
    void matchTermAndTermAcrossCompaction();
    void appendTruncatesUnstableTail();
    void sliceSpansStableAndUnstable();
    void nextCommittedEntriesRespectsApplyAndSize();
    void stableToIgnoresReplacedEntries();
    void restoreFromSnapshot();
    void entryCopiesShareTheirBytes();
};

void TestLog_::findConflict_data()
{
    QTest::addColumn<std::vector<Entry>>("incoming");
    QTest::addColumn<quint64>("conflict");
    // Log: 1/1 2/2 3/3
    QTest::newRow("empty") << std::vector<Entry>{} << quint64(0);
    QTest::newRow("all match") << ents({{1, 1}, {2, 2}, {3, 3}}) << quint64(0);
    QTest::newRow("suffix matches") << ents({{2, 2}, {3, 3}}) << quint64(0);
    QTest::newRow("last matches") << ents({{3, 3}}) << quint64(0);
    QTest::newRow("new entries") << ents({{1, 1}, {2, 2}, {3, 3}, {4, 4}, {4, 5}}) << quint64(4);
    QTest::newRow("new after suffix") << ents({{3, 3}, {4, 4}}) << quint64(4);
    QTest::newRow("conflict at 1") << ents({{4, 1}, {4, 2}}) << quint64(1);
    QTest::newRow("conflict at 2") << ents({{1, 2}, {4, 3}, {4, 4}}) << quint64(2);
    QTest::newRow("conflict at 3") << ents({{1, 3}, {2, 4}, {4, 5}}) << quint64(3);
}

void TestLog_::findConflict()
{
    QFETCH(std::vector<Entry>, incoming);
    QFETCH(quint64, conflict);
    TestLog t;
    t.log.append(ents({{1, 1}, {2, 2}, {3, 3}}));
    QCOMPARE(t.log.findConflict(incoming), conflict);
}

void TestLog_::findConflictByTerm_data()
{
    QTest::addColumn<quint64>("index");
    QTest::addColumn<quint64>("term");
    QTest::addColumn<quint64>("wantIndex");
    QTest::addColumn<quint64>("wantTerm");
    // Log: 1/1 1/2 1/3 4/4 4/5 4/6 5/7
    QTest::newRow("same term at index") << quint64(7) << quint64(5) << quint64(7) << quint64(5);
    QTest::newRow("skips a whole term") << quint64(7) << quint64(3) << quint64(3) << quint64(1);
    QTest::newRow("inside a term") << quint64(5) << quint64(4) << quint64(5) << quint64(4);
    QTest::newRow("lower term inside") << quint64(6) << quint64(2) << quint64(3) << quint64(1);
    QTest::newRow("term 0 reaches the start") << quint64(6) << quint64(0) << quint64(0) << quint64(0);
    QTest::newRow("higher term") << quint64(7) << quint64(9) << quint64(7) << quint64(5);
}

void TestLog_::findConflictByTerm()
{
    QFETCH(quint64, index);
    QFETCH(quint64, term);
    QFETCH(quint64, wantIndex);
    QFETCH(quint64, wantTerm);
    TestLog t(entsFrom(1, {1, 1, 1, 4, 4, 4, 5}));
    const auto [i, tm] = t.log.findConflictByTerm(index, term);
    QCOMPARE(i, wantIndex);
    QCOMPARE(tm, wantTerm);
}

void TestLog_::isUpToDate_data()
{
    QTest::addColumn<quint64>("lastIndex");
    QTest::addColumn<quint64>("lastTerm");
    QTest::addColumn<bool>("upToDate");
    // Log ends at 3/3.
    QTest::newRow("lower term, longer") << quint64(5) << quint64(2) << false;
    QTest::newRow("lower term, same length") << quint64(3) << quint64(2) << false;
    QTest::newRow("higher term, shorter") << quint64(1) << quint64(4) << true;
    QTest::newRow("higher term, longer") << quint64(5) << quint64(4) << true;
    QTest::newRow("same term, shorter") << quint64(2) << quint64(3) << false;
    QTest::newRow("same term, same length") << quint64(3) << quint64(3) << true;
    QTest::newRow("same term, longer") << quint64(4) << quint64(3) << true;
}

void TestLog_::isUpToDate()
{
    QFETCH(quint64, lastIndex);
    QFETCH(quint64, lastTerm);
    QFETCH(bool, upToDate);
    TestLog t;
    t.log.append(ents({{1, 1}, {2, 2}, {3, 3}}));
    QCOMPARE(t.log.isUpToDate(lastIndex, lastTerm), upToDate);
}

void TestLog_::maybeAppend_data()
{
    QTest::addColumn<quint64>("index");
    QTest::addColumn<quint64>("logTerm");
    QTest::addColumn<quint64>("commit");
    QTest::addColumn<std::vector<Entry>>("incoming");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<quint64>("lastNew");
    QTest::addColumn<quint64>("wantCommit");
    QTest::addColumn<quint64>("wantLast");
    // Log: 1/1 2/2 3/3, committed 1.
    QTest::newRow("term mismatch") << quint64(3) << quint64(2) << quint64(3) << ents({{4, 4}}) << false
                                   << quint64(0) << quint64(1) << quint64(3);
    QTest::newRow("index out of range") << quint64(4) << quint64(3) << quint64(3) << ents({{4, 5}}) << false
                                        << quint64(0) << quint64(1) << quint64(3);
    QTest::newRow("heartbeat-like, commit up to last") << quint64(3) << quint64(3) << quint64(3)
                                                       << std::vector<Entry>{} << true << quint64(3) << quint64(3)
                                                       << quint64(3);
    QTest::newRow("commit capped by last new") << quint64(3) << quint64(3) << quint64(4) << std::vector<Entry>{}
                                               << true << quint64(3) << quint64(3) << quint64(3);
    QTest::newRow("commit below ours never lowers") << quint64(3) << quint64(3) << quint64(0)
                                                    << std::vector<Entry>{} << true << quint64(3) << quint64(1)
                                                    << quint64(3);
    QTest::newRow("append one") << quint64(3) << quint64(3) << quint64(3) << ents({{4, 4}}) << true << quint64(4)
                                << quint64(3) << quint64(4);
    QTest::newRow("append two, commit both") << quint64(3) << quint64(3) << quint64(5) << ents({{4, 4}, {4, 5}})
                                             << true << quint64(5) << quint64(5) << quint64(5);
    QTest::newRow("stale message does not commit beyond it")
        << quint64(1) << quint64(1) << quint64(3) << std::vector<Entry>{} << true << quint64(1) << quint64(1)
        << quint64(3);
    QTest::newRow("matching prefix, no truncation") << quint64(1) << quint64(1) << quint64(2) << ents({{2, 2}})
                                                    << true << quint64(2) << quint64(2) << quint64(3);
    QTest::newRow("conflict truncates the tail") << quint64(1) << quint64(1) << quint64(3) << ents({{4, 2}})
                                                 << true << quint64(2) << quint64(2) << quint64(2);
    QTest::newRow("conflict later") << quint64(2) << quint64(2) << quint64(4) << ents({{4, 3}, {4, 4}}) << true
                                    << quint64(4) << quint64(4) << quint64(4);
}

void TestLog_::maybeAppend()
{
    QFETCH(quint64, index);
    QFETCH(quint64, logTerm);
    QFETCH(quint64, commit);
    QFETCH(std::vector<Entry>, incoming);
    QFETCH(bool, accepted);
    QFETCH(quint64, lastNew);
    QFETCH(quint64, wantCommit);
    QFETCH(quint64, wantLast);
    TestLog t;
    t.log.append(ents({{1, 1}, {2, 2}, {3, 3}}));
    t.log.commitTo(1);
    const auto got = t.log.maybeAppend(index, logTerm, commit, incoming);
    QCOMPARE(got.has_value(), accepted);
    if (got)
        QCOMPARE(*got, lastNew);
    QCOMPARE(t.log.committed(), wantCommit);
    QCOMPARE(t.log.lastIndex(), wantLast);
    for (const Entry &e : incoming) {
        if (accepted)
            QVERIFY(t.log.matchTerm(e.index, e.term));
    }
}

void TestLog_::maybeAppendNeverTruncatesCommitted()
{
    // A message that only repeats committed entries is accepted without touching the log.
    TestLog t;
    t.log.append(ents({{1, 1}, {2, 2}, {3, 3}}));
    t.log.commitTo(3);
    const auto got = t.log.maybeAppend(1, 1, 3, ents({{2, 2}, {3, 3}}));
    QVERIFY(got.has_value());
    QCOMPARE(*got, quint64(3));
    QCOMPARE(t.log.lastTerm(), quint64(3));
}

void TestLog_::maybeCommit_data()
{
    QTest::addColumn<quint64>("maxIndex");
    QTest::addColumn<quint64>("term");
    QTest::addColumn<bool>("committed");
    QTest::addColumn<quint64>("wantCommit");
    // Log: 1/1 1/2 2/3 2/4 3/5, committed 1. The leader's term decides (Raft §5.4.2).
    QTest::newRow("entry of the current term commits") << quint64(5) << quint64(3) << true << quint64(5);
    QTest::newRow("older term is not committed by counting") << quint64(4) << quint64(3) << false << quint64(1);
    QTest::newRow("older entry, its own leader's term") << quint64(4) << quint64(2) << true << quint64(4);
    QTest::newRow("term mismatch at index") << quint64(5) << quint64(2) << false << quint64(1);
    QTest::newRow("never lowers") << quint64(1) << quint64(1) << false << quint64(1);
    QTest::newRow("beyond the log") << quint64(9) << quint64(3) << false << quint64(1);
}

void TestLog_::maybeCommit()
{
    QFETCH(quint64, maxIndex);
    QFETCH(quint64, term);
    QFETCH(bool, committed);
    QFETCH(quint64, wantCommit);
    TestLog t;
    t.log.append(entsFrom(1, {1, 1, 2, 2, 3}));
    t.log.commitTo(1);
    QCOMPARE(t.log.maybeCommit(maxIndex, term), committed);
    QCOMPARE(t.log.committed(), wantCommit);
}

void TestLog_::matchTermAndTermAcrossCompaction()
{
    MemoryStorage storage;
    storage.append(entsFrom(1, {1, 1, 2, 2, 3}));
    QCOMPARE(storage.compact(3), StorageStatus::Ok);
    RaftLog log(storage, kNoLimit);
    QCOMPARE(log.firstIndex(), quint64(4));
    QCOMPARE(log.committed(), quint64(3)); // everything up to the compaction point
    QCOMPARE(log.term(2).status, StorageStatus::Compacted);
    QVERIFY(log.term(3).ok()); // the dummy keeps its term
    QCOMPARE(log.term(3).value, quint64(2));
    QCOMPARE(log.term(6).status, StorageStatus::Unavailable);
    QVERIFY(log.matchTerm(5, 3));
    QVERIFY(!log.matchTerm(2, 1)); // compacted: unknown, so no match
    QCOMPARE(log.entries(2, kNoLimit).status, StorageStatus::Compacted);
    QCOMPARE(log.entries(4, kNoLimit).value.size(), std::size_t(2));
}

void TestLog_::appendTruncatesUnstableTail()
{
    TestLog t(entsFrom(1, {1, 1}));
    t.log.append(entsFrom(3, {2, 2, 2}));
    QCOMPARE(t.log.lastIndex(), quint64(5));
    t.log.append(entsFrom(4, {3}));
    QCOMPARE(t.log.lastIndex(), quint64(4));
    QCOMPARE(t.log.termOrZero(4), quint64(3));
    QCOMPARE(t.log.unstableEntries().size(), std::size_t(2));
    // Overwriting part of the stable log moves the unstable offset back.
    t.log.append(entsFrom(2, {4}));
    QCOMPARE(t.log.lastIndex(), quint64(2));
    QCOMPARE(t.log.unstableEntries().front().index, quint64(2));
    QCOMPARE(t.log.termOrZero(1), quint64(1));
}

void TestLog_::sliceSpansStableAndUnstable()
{
    TestLog t(entsFrom(1, {1, 1, 1}));
    t.log.append(entsFrom(4, {2, 2}));
    const auto all = t.log.slice(1, 6, kNoLimit);
    QVERIFY(all.ok());
    QCOMPARE(all.value.size(), std::size_t(5));
    QCOMPARE(all.value[3].term, quint64(2));
    // A size limit keeps at least one entry, then whole entries.
    const std::uint64_t one = entrySize(Entry{});
    QCOMPARE(t.log.slice(1, 6, 0).value.size(), std::size_t(1));
    QCOMPARE(t.log.slice(1, 6, 2 * one).value.size(), std::size_t(2));
    QCOMPARE(t.log.slice(2, 6, 4 * one).value.size(), std::size_t(4));
    QCOMPARE(t.log.slice(3, 3, kNoLimit).value.size(), std::size_t(0));
}

void TestLog_::nextCommittedEntriesRespectsApplyAndSize()
{
    TestLog t(entsFrom(1, {1, 1, 1, 1}), /*maxCommitted=*/2 * entrySize(Entry{}));
    QVERIFY(!t.log.hasNextCommittedEntries());
    t.log.commitTo(3);
    QVERIFY(t.log.hasNextCommittedEntries());
    auto next = t.log.nextCommittedEntries();
    QCOMPARE(next.size(), std::size_t(2)); // size-limited batch
    QCOMPARE(next.front().index, quint64(1));
    t.log.appliedTo(2);
    next = t.log.nextCommittedEntries();
    QCOMPARE(next.size(), std::size_t(1));
    QCOMPARE(next.front().index, quint64(3));
    t.log.appliedTo(3);
    QVERIFY(!t.log.hasNextCommittedEntries());
}

void TestLog_::stableToIgnoresReplacedEntries()
{
    TestLog t;
    t.log.append(entsFrom(1, {1, 1, 1}));
    // The driver persisted up to (2, term 1) while a new leader replaced index 2.
    t.log.append(entsFrom(2, {2}));
    t.log.stableTo(2, 1);
    QCOMPARE(t.log.unstableEntries().size(), std::size_t(2)); // nothing became stable
    t.log.stableTo(2, 2);
    QCOMPARE(t.log.unstableEntries().size(), std::size_t(0));
}

void TestLog_::restoreFromSnapshot()
{
    TestLog t(entsFrom(1, {1, 1}));
    Snapshot s;
    s.metadata = {{{1, 2, 3}, {}}, 10, 4};
    t.log.restore(s);
    QCOMPARE(t.log.committed(), quint64(10));
    QCOMPARE(t.log.firstIndex(), quint64(11));
    QCOMPARE(t.log.lastIndex(), quint64(10));
    QCOMPARE(t.log.lastTerm(), quint64(4));
    QVERIFY(t.log.hasPendingSnapshot());
    // Entries before the snapshot are gone; the next ones are appended after it.
    QCOMPARE(t.log.term(2).status, StorageStatus::Compacted);
    t.log.append(entsFrom(11, {4}));
    QCOMPARE(t.log.lastIndex(), quint64(11));
}

QTEST_GUILESS_MAIN(TestLog_)
void TestLog_::entryCopiesShareTheirBytes()
{
    // An entry's payload is shared by its copies (log, storage, messages) and reads like a
    // string; assigning replaces it without touching the other copies.
    Entry a{1, 1, EntryType::Normal, std::string(4096, 'x')};
    const Entry b = a;
    QCOMPARE(static_cast<const void *>(b.data.data()), static_cast<const void *>(a.data.data()));
    QVERIFY(a == b);
    QCOMPARE(b.data.size(), std::size_t(4096));
    a.data = "other";
    QCOMPARE(a.data.str(), std::string("other"));
    QCOMPARE(b.data.size(), std::size_t(4096));
    QVERIFY(!(a == b));
    Entry c{1, 1, EntryType::Normal, std::string(4096, 'x')}; // equal bytes, not shared
    QVERIFY(c.data.data() != b.data.data());
    QVERIFY(c == b);
    c.data.clear();
    QVERIFY(c.data.empty());
    QVERIFY(c.data == "");
    QCOMPARE(c.data.size(), std::size_t(0));
    QVERIFY((Entry{1, 1, EntryType::Normal, std::string()} == c));
    const std::string_view view = b.data;
    QCOMPARE(view.size(), std::size_t(4096));
    // The hash is std::hash of the bytes, the same for copies and for equal bytes apart.
    const std::uint64_t h = std::hash<std::string_view>{}(std::string(4096, 'x'));
    QCOMPARE(b.data.hash(), h);
    const Entry d = b;
    QCOMPARE(d.data.hash(), h);
    QCOMPARE(Payload(std::string(4096, 'x')).hash(), h);
    QCOMPARE(a.data.hash(), std::hash<std::string_view>{}("other"));
    QCOMPARE(c.data.hash(), std::hash<std::string_view>{}(std::string_view()));
}

#include "tst_log.moc"
