// MemoryStorage (the reference Storage) and the configuration-change codec.

#include "tests/engine/raft/TestUtil.h"

#include "engine/raft/ConfChange.h"
#include "engine/raft/MemoryStorage.h"

#include <QtTest>

using namespace quorum::raft;
using namespace quorum::raft::testing;

namespace {

MemoryStorage threeToFive()
{
    // Entries 3/3 4/4 5/5 after a snapshot at 3/3.
    MemoryStorage s;
    Snapshot snap;
    snap.metadata = {{{1}, {}}, 3, 3};
    s.applySnapshot(snap);
    s.append(ents({{4, 4}, {5, 5}}));
    return s;
}

} // namespace

class TestStorage : public QObject {
    Q_OBJECT

private slots:
    void term_data();
    void term();
    void entries_data();
    void entries();
    void appendOverlapping_data();
    void appendOverlapping();
    void compact();
    void createSnapshot();
    void applySnapshotOnlyNewer();
    void bootstrap();
    void confChangeRoundTrip_data();
    void confChangeRoundTrip();
    void confChangeRejectsGarbage_data();
    void confChangeRejectsGarbage();
    void applyToConfState_data();
    void applyToConfState();
};

void TestStorage::term_data()
{
    QTest::addColumn<quint64>("index");
    QTest::addColumn<int>("status");
    QTest::addColumn<quint64>("term");
    QTest::newRow("before the snapshot") << quint64(2) << int(StorageStatus::Compacted) << quint64(0);
    QTest::newRow("the snapshot index") << quint64(3) << int(StorageStatus::Ok) << quint64(3);
    QTest::newRow("an entry") << quint64(5) << int(StorageStatus::Ok) << quint64(5);
    QTest::newRow("after the last") << quint64(6) << int(StorageStatus::Unavailable) << quint64(0);
}

void TestStorage::term()
{
    QFETCH(quint64, index);
    QFETCH(int, status);
    QFETCH(quint64, term);
    const MemoryStorage s = threeToFive();
    const auto t = s.term(index);
    QCOMPARE(int(t.status), status);
    QCOMPARE(t.value, term);
    QCOMPARE(s.firstIndex(), quint64(4));
    QCOMPARE(s.lastIndex(), quint64(5));
}

void TestStorage::entries_data()
{
    QTest::addColumn<quint64>("lo");
    QTest::addColumn<quint64>("hi");
    QTest::addColumn<quint64>("maxSize");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("count");
    const quint64 one = entrySize(Entry{});
    QTest::newRow("compacted") << quint64(2) << quint64(6) << quint64(kNoLimit) << int(StorageStatus::Compacted) << 0;
    QTest::newRow("at the snapshot") << quint64(3) << quint64(6) << quint64(kNoLimit) << int(StorageStatus::Compacted) << 0;
    QTest::newRow("all") << quint64(4) << quint64(6) << quint64(kNoLimit) << int(StorageStatus::Ok) << 2;
    QTest::newRow("one") << quint64(4) << quint64(5) << quint64(kNoLimit) << int(StorageStatus::Ok) << 1;
    QTest::newRow("limit 0 still returns one") << quint64(4) << quint64(6) << quint64(0) << int(StorageStatus::Ok) << 1;
    QTest::newRow("limit exactly two") << quint64(4) << quint64(6) << 2 * one << int(StorageStatus::Ok) << 2;
    QTest::newRow("limit just below two") << quint64(4) << quint64(6) << 2 * one - 1 << int(StorageStatus::Ok) << 1;
}

void TestStorage::entries()
{
    QFETCH(quint64, lo);
    QFETCH(quint64, hi);
    QFETCH(quint64, maxSize);
    QFETCH(int, status);
    QFETCH(int, count);
    const MemoryStorage s = threeToFive();
    const auto r = s.entries(lo, hi, maxSize);
    QCOMPARE(int(r.status), status);
    QCOMPARE(int(r.value.size()), count);
    if (count > 0)
        QCOMPARE(r.value.front().index, lo);
}

void TestStorage::appendOverlapping_data()
{
    QTest::addColumn<std::vector<Entry>>("incoming");
    QTest::addColumn<std::vector<Entry>>("want"); // entries from firstIndex
    QTest::newRow("same") << ents({{4, 4}, {5, 5}}) << ents({{4, 4}, {5, 5}});
    QTest::newRow("replace from 4") << ents({{6, 4}, {6, 5}}) << ents({{6, 4}, {6, 5}});
    QTest::newRow("extend") << ents({{5, 6}}) << ents({{4, 4}, {5, 5}, {5, 6}});
    QTest::newRow("truncate and replace") << ents({{6, 5}}) << ents({{4, 4}, {6, 5}});
    QTest::newRow("older part is ignored") << ents({{3, 2}, {3, 3}, {7, 4}}) << ents({{7, 4}});
    QTest::newRow("entirely compacted") << ents({{1, 1}, {2, 2}}) << ents({{4, 4}, {5, 5}});
}

void TestStorage::appendOverlapping()
{
    QFETCH(std::vector<Entry>, incoming);
    QFETCH(std::vector<Entry>, want);
    MemoryStorage s = threeToFive();
    s.append(incoming);
    const auto got = s.entries(s.firstIndex(), s.lastIndex() + 1, kNoLimit);
    QVERIFY(got.ok());
    QVERIFY(got.value == want);
}

void TestStorage::compact()
{
    MemoryStorage s;
    s.append(entsFrom(1, {1, 1, 2, 2, 3}));
    QCOMPARE(s.compact(0), StorageStatus::Compacted);
    QCOMPARE(s.compact(3), StorageStatus::Ok);
    QCOMPARE(s.firstIndex(), quint64(4));
    QCOMPARE(s.term(3).value, quint64(2)); // kept as the dummy
    QCOMPARE(s.compact(3), StorageStatus::Compacted);
    QCOMPARE(s.compact(5), StorageStatus::Ok);
    QCOMPARE(s.firstIndex(), quint64(6));
    QCOMPARE(s.lastIndex(), quint64(5));
    QCOMPARE(s.entries(6, 6, kNoLimit).status, StorageStatus::Unavailable); // empty log
}

void TestStorage::createSnapshot()
{
    MemoryStorage s;
    s.append(entsFrom(1, {1, 1, 2}));
    const ConfState cs{{1, 2}, {3}};
    const auto snap = s.createSnapshot(2, cs, "state@2");
    QVERIFY(snap.ok());
    QCOMPARE(snap.value.metadata.index, quint64(2));
    QCOMPARE(snap.value.metadata.term, quint64(1));
    QCOMPARE(snap.value.metadata.confState, cs);
    QCOMPARE(QString::fromStdString(s.snapshot().value.data), QStringLiteral("state@2"));
    QCOMPARE(s.createSnapshot(2, cs, "again").status, StorageStatus::OutOfDate);
    QCOMPARE(s.firstIndex(), quint64(1)); // not compacted by itself
    QCOMPARE(s.initialState().confState, cs);
    s.setSnapshotUnavailable(true);
    QCOMPARE(s.snapshot().status, StorageStatus::SnapshotTemporarilyUnavailable);
}

void TestStorage::applySnapshotOnlyNewer()
{
    MemoryStorage s = threeToFive();
    Snapshot older;
    older.metadata = {{{1}, {}}, 2, 2};
    QCOMPARE(s.applySnapshot(older), StorageStatus::OutOfDate);
    Snapshot newer;
    newer.metadata = {{{1, 2}, {}}, 9, 6};
    QCOMPARE(s.applySnapshot(newer), StorageStatus::Ok);
    QCOMPARE(s.firstIndex(), quint64(10));
    QCOMPARE(s.lastIndex(), quint64(9));
    QCOMPARE(s.term(9).value, quint64(6));
    QCOMPARE(s.initialState().confState.voters, (std::vector<NodeId>{1, 2}));
}

void TestStorage::bootstrap()
{
    MemoryStorage s;
    s.bootstrap({{1, 2, 3}, {}});
    const InitialState st = s.initialState();
    QCOMPARE(st.hardState, (HardState{1, kNone, 1}));
    QCOMPARE(st.confState.voters, (std::vector<NodeId>{1, 2, 3}));
    QCOMPARE(s.firstIndex(), quint64(2));
    QCOMPARE(s.lastIndex(), quint64(1));
}

void TestStorage::confChangeRoundTrip_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<quint64>("id");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("text");
    QTest::newRow("add voter") << int(ConfChangeType::AddVoter) << quint64(4) << QString() << "add-voter 4";
    QTest::newRow("add learner with context") << int(ConfChangeType::AddLearner) << quint64(12)
                                              << "10.0.0.7:2380 zone-b" << "add-learner 12 10.0.0.7:2380 zone-b";
    QTest::newRow("remove") << int(ConfChangeType::RemoveNode) << quint64(3) << QString() << "remove 3";
}

void TestStorage::confChangeRoundTrip()
{
    QFETCH(int, type);
    QFETCH(quint64, id);
    QFETCH(QString, context);
    QFETCH(QString, text);
    const ConfChange cc{static_cast<ConfChangeType>(type), id, context.toStdString()};
    QCOMPARE(QString::fromStdString(encodeConfChange(cc)), text);
    const auto back = decodeConfChange(text.toStdString());
    QVERIFY(back.has_value());
    QVERIFY(*back == cc);
}

void TestStorage::confChangeRejectsGarbage_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("no id") << "add-voter";
    QTest::newRow("unknown verb") << "promote 4";
    QTest::newRow("id not a number") << "remove four";
    QTest::newRow("id zero") << "add-voter 0";
    QTest::newRow("trailing junk in id") << "remove 4x";
}

void TestStorage::confChangeRejectsGarbage()
{
    QFETCH(QString, text);
    QVERIFY(!decodeConfChange(text.toStdString()).has_value());
}

void TestStorage::applyToConfState_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<quint64>("id");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("result");
    // Start: voters (1 2 3), learners (4).
    QTest::newRow("add voter") << int(ConfChangeType::AddVoter) << quint64(5) << true << "v=1,2,3,5 l=4";
    QTest::newRow("promote learner") << int(ConfChangeType::AddVoter) << quint64(4) << true << "v=1,2,3,4 l=";
    QTest::newRow("add learner") << int(ConfChangeType::AddLearner) << quint64(6) << true << "v=1,2,3 l=4,6";
    QTest::newRow("demote voter") << int(ConfChangeType::AddLearner) << quint64(2) << true << "v=1,3 l=2,4";
    QTest::newRow("remove voter") << int(ConfChangeType::RemoveNode) << quint64(1) << true << "v=2,3 l=4";
    QTest::newRow("remove learner") << int(ConfChangeType::RemoveNode) << quint64(4) << true << "v=1,2,3 l=";
    QTest::newRow("voter twice") << int(ConfChangeType::AddVoter) << quint64(2) << false << "";
    QTest::newRow("learner twice") << int(ConfChangeType::AddLearner) << quint64(4) << false << "";
    QTest::newRow("remove stranger") << int(ConfChangeType::RemoveNode) << quint64(9) << false << "";
}

void TestStorage::applyToConfState()
{
    QFETCH(int, type);
    QFETCH(quint64, id);
    QFETCH(bool, valid);
    QFETCH(QString, result);
    const ConfState start{{1, 2, 3}, {4}};
    std::string why;
    const auto next = quorum::raft::applyToConfState(start, {static_cast<ConfChangeType>(type), id, {}}, &why);
    QCOMPARE(next.has_value(), valid);
    if (!valid) {
        QVERIFY(!why.empty());
        return;
    }
    auto join = [](const std::vector<NodeId> &ids) {
        QStringList parts;
        for (NodeId i : ids)
            parts << QString::number(i);
        return parts.join(',');
    };
    QCOMPARE("v=" + join(next->voters) + " l=" + join(next->learners), result);
}

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
