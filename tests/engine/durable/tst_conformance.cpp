// DurableStorage behaves like raft::MemoryStorage, the reference Storage: the same scripts of
// writes give the same answers to every read (entries, term, firstIndex, lastIndex, snapshot,
// initial state) and the same statuses — live, and after a crash and a reopen from disk, where it
// reads like a MemoryStorage rebuilt from the snapshot and the whole log after it (compaction is
// in memory only; a reopened storage starts right after its snapshot).

#include "tests/engine/durable/DurableTestUtil.h"

#include "engine/durable/DurableStorage.h"
#include "engine/durable/Text.h"
#include "engine/raft/MemoryStorage.h"
#include "engine/raft/Random.h"

using namespace quorum;
using namespace quorum::durable;
using namespace quorum::durable::testing;

namespace {

struct Op {
    enum Kind { Append, SetHardState, ApplySnapshot, CreateSnapshot, Compact, Bootstrap } kind;
    std::vector<raft::Entry> entries;
    std::optional<raft::HardState> hardState; // ApplySnapshot: the hard state of the same Ready
    raft::Snapshot snapshot;
    std::uint64_t index = 0;
};

Op append(std::vector<raft::Entry> e) { return {Op::Append, std::move(e), {}, {}, 0}; }
Op hardState(std::uint64_t term, std::uint64_t commit)
{
    return {Op::SetHardState, {}, raft::HardState{term, 1, commit}, {}, 0};
}
/// A snapshot from the leader, with the hard state a Ready carries along (commit = its index),
/// or, for a stale one the member ignores, without.
Op applySnapshot(std::uint64_t index, std::uint64_t term, bool withHardState = true)
{
    raft::Snapshot s;
    s.metadata = {{{1, 2, 3}, {}}, index, term};
    s.data = text::cat("installed@", std::to_string(index));
    std::optional<raft::HardState> hs;
    if (withHardState)
        hs = raft::HardState{term, 1, index};
    return {Op::ApplySnapshot, {}, hs, s, 0};
}
Op createSnapshot(std::uint64_t i) { return {Op::CreateSnapshot, {}, {}, {}, i}; }
Op compact(std::uint64_t i) { return {Op::Compact, {}, {}, {}, i}; }
Op bootstrap() { return {Op::Bootstrap, {}, {}, {}, 0}; }

const raft::ConfState kConf{{1, 2, 3}, {4}};

/// Runs a script on the reference and on a DurableStorage, comparing every status on the way.
class Pair {
public:
    Pair()
    {
        auto s = DurableStorage::open(disk, "member", options());
        RAFT_CHECK(s.ok(), s.error());
        durable = std::move(*s);
    }

    static DurableOptions options()
    {
        DurableOptions o;
        o.wal.segmentBytes = 512; // many segments, so compaction releases some
        return o;
    }

    /// Returns "" or what differed.
    std::string run(const Op &op)
    {
        switch (op.kind) {
        case Op::Append:
            reference.append(op.entries);
            shadow.append(op.entries);
            return check(durable->save(std::nullopt, op.entries, std::nullopt, true));
        case Op::SetHardState:
            reference.setHardState(*op.hardState);
            shadow.setHardState(*op.hardState);
            return check(durable->save(op.hardState, {}, std::nullopt, true));
        case Op::ApplySnapshot:
            reference.applySnapshot(op.snapshot);
            shadow.applySnapshot(op.snapshot);
            if (op.hardState) {
                reference.setHardState(*op.hardState);
                shadow.setHardState(*op.hardState);
            }
            return check(durable->save(op.hardState, {}, op.snapshot, true));
        case Op::CreateSnapshot: {
            const std::string data = "local@" + std::to_string(op.index);
            const auto want = reference.createSnapshot(op.index, kConf, data);
            if (want.ok())
                shadow.createSnapshot(op.index, kConf, data);
            auto got = durable->createSnapshot(op.index, kConf, data);
            if (!got.ok())
                return got.error();
            if (got->status != want.status || !(got->value == want.value))
                return "createSnapshot(" + std::to_string(op.index) + ") differs: " + raft::toString(got->status)
                       + " vs " + raft::toString(want.status);
            return {};
        }
        case Op::Compact: {
            const auto want = reference.compact(op.index);
            auto got = durable->compact(op.index);
            if (!got.ok())
                return got.error();
            if (*got != want)
                return "compact(" + std::to_string(op.index) + ") differs";
            return {};
        }
        case Op::Bootstrap:
            reference.bootstrap(kConf, 5, 2);
            shadow.bootstrap(kConf, 5, 2);
            return check(durable->bootstrap(kConf, 5, 2));
        }
        return "unknown op";
    }

    std::string reopen()
    {
        durable.reset();
        auto s = DurableStorage::open(disk, "member", options());
        if (!s.ok())
            return s.error();
        durable = std::move(*s);
        return {};
    }

    static std::string check(const Status &s) { return s.ok() ? std::string() : s.message(); }

    /// What a storage recovered from disk must read like: the reference's snapshot, the whole
    /// log after it (no in-memory compaction), the reference's hard state.
    raft::MemoryStorage expectedAfterReopen() const
    {
        raft::MemoryStorage e;
        const raft::Snapshot snap = reference.snapshot().value;
        if (!snap.empty())
            e.applySnapshot(snap);
        if (shadow.lastIndex() > snap.metadata.index)
            e.append(shadow.entries(snap.metadata.index + 1, shadow.lastIndex() + 1, raft::kNoLimit).value);
        e.setHardState(reference.hardState());
        return e;
    }

    MemoryDisk disk;
    raft::MemoryStorage reference;
    raft::MemoryStorage shadow; // the reference without compaction: the log the WAL keeps
    std::unique_ptr<DurableStorage> durable;
};

/// Compares every read of `got` with `want`. Returns "" or the first difference.
std::string compareReads(const raft::Storage &want, const raft::Storage &got)
{
    auto fail = [](const std::string &what) { return what; };
    if (got.lastIndex() != want.lastIndex())
        return fail("lastIndex " + std::to_string(got.lastIndex()) + " vs " + std::to_string(want.lastIndex()));
    const auto ws = want.snapshot();
    const auto gs = got.snapshot();
    if (ws.status != gs.status || !(ws.value == gs.value))
        return fail("snapshot differs");
    if (!(want.initialState().hardState == got.initialState().hardState)
        || !(want.initialState().confState == got.initialState().confState))
        return fail("initialState differs");
    const std::uint64_t first = want.firstIndex();
    if (got.firstIndex() != first) {
        return fail("firstIndex " + std::to_string(got.firstIndex()) + " vs " + std::to_string(first));
    }
    for (std::uint64_t i = first - 1; i <= want.lastIndex() + 2; ++i) {
        const auto wt = want.term(i);
        const auto gt = got.term(i);
        if (wt.status != gt.status || wt.value != gt.value)
            return fail("term(" + std::to_string(i) + ") differs");
    }
    for (std::uint64_t i = 0; i + 1 < first; ++i) {
        if (got.term(i).status != raft::StorageStatus::Compacted)
            return fail("term(" + std::to_string(i) + ") should be compacted");
    }
    const std::uint64_t sizes[] = {0, 1, 100, raft::kNoLimit};
    for (std::uint64_t lo = first; lo <= want.lastIndex() + 1; ++lo) {
        for (std::uint64_t hi = lo; hi <= want.lastIndex() + 1; ++hi) {
            for (std::uint64_t max : sizes) {
                const auto we = want.entries(lo, hi, max);
                const auto ge = got.entries(lo, hi, max);
                if (we.status != ge.status || we.value != ge.value)
                    return fail("entries(" + std::to_string(lo) + ", " + std::to_string(hi) + ", " + std::to_string(max)
                                + ") differs");
            }
        }
    }
    if (first > 1 && got.entries(first - 1, first, raft::kNoLimit).status != raft::StorageStatus::Compacted)
        return fail("entries before firstIndex should be compacted");
    return {};
}

} // namespace

Q_DECLARE_METATYPE(std::vector<Op>)

class TestConformance : public QObject {
    Q_OBJECT

private slots:
    void scripts_data();
    void scripts();
    void randomScripts_data();
    void randomScripts();

private:
    void runScript(const std::vector<Op> &script);
};

void TestConformance::scripts_data()
{
    QTest::addColumn<std::vector<Op>>("script");
    QTest::newRow("empty") << std::vector<Op>{};
    QTest::newRow("append") << std::vector<Op>{append(entriesFrom(1, {1, 1, 2, 2, 3}))};
    QTest::newRow("append extending") << std::vector<Op>{append(entriesFrom(1, {1, 1, 1})), append(entriesFrom(4, {2, 2}))};
    QTest::newRow("overlapping append replaces the suffix")
        << std::vector<Op>{append(entriesFrom(1, {1, 1, 1, 1, 1})), append(entriesFrom(3, {4, 4}))};
    QTest::newRow("overlap at the first entry")
        << std::vector<Op>{append(entriesFrom(1, {1, 1, 1})), append(entriesFrom(1, {2}))};
    QTest::newRow("three to five (snapshot, then entries)")
        << std::vector<Op>{applySnapshot(3, 3), append({entry(4, 4), entry(5, 5)})};
    QTest::newRow("append partly inside the snapshot")
        << std::vector<Op>{applySnapshot(3, 3), append(entriesFrom(2, {3, 3, 4, 4, 5}))};
    QTest::newRow("append entirely inside the snapshot")
        << std::vector<Op>{applySnapshot(5, 3), append(entriesFrom(2, {3, 3}))};
    QTest::newRow("hard state") << std::vector<Op>{append(entriesFrom(1, {1, 2})), hardState(2, 1), hardState(3, 2)};
    QTest::newRow("create snapshot and compact")
        << std::vector<Op>{append(entriesFrom(1, {1, 1, 2, 2, 2, 3, 3, 3, 3, 3})), hardState(3, 10), createSnapshot(6),
                           compact(4), compact(4), compact(6), createSnapshot(6), createSnapshot(8), compact(10)};
    QTest::newRow("create snapshot below the compaction point")
        << std::vector<Op>{append(entriesFrom(1, {1, 1, 1, 1, 1, 1, 1, 1})), hardState(1, 8), compact(6), createSnapshot(5),
                           createSnapshot(6), createSnapshot(7)};
    QTest::newRow("apply snapshot only when newer")
        << std::vector<Op>{applySnapshot(5, 2), applySnapshot(3, 1, false), applySnapshot(5, 2, false), applySnapshot(8, 3),
                           append(entriesFrom(9, {3, 3}))};
    QTest::newRow("install over a conflicting log")
        << std::vector<Op>{append(entriesFrom(1, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1})), hardState(1, 3), applySnapshot(7, 2),
                           append(entriesFrom(8, {2, 2}))};
    QTest::newRow("install behind the last index")
        << std::vector<Op>{append(entriesFrom(1, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1})), applySnapshot(4, 1),
                           append(entriesFrom(5, {1}))};
    QTest::newRow("bootstrap") << std::vector<Op>{bootstrap(), append(entriesFrom(6, {2, 2, 3}))};
    QTest::newRow("local snapshot, then a conflict after it, then compaction")
        << std::vector<Op>{append(entriesFrom(1, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1})), hardState(1, 8), createSnapshot(8),
                           append(entriesFrom(9, {2, 2, 2, 2})), compact(8), hardState(2, 12), createSnapshot(12),
                           compact(11)};
}

void TestConformance::runScript(const std::vector<Op> &script)
{
    Pair p;
    for (std::size_t i = 0; i < script.size(); ++i) {
        const std::string diff = p.run(script[i]);
        QVERIFY2(diff.empty(), qPrintable(QString("op %1: %2").arg(i).arg(QString::fromStdString(diff))));
        const std::string reads = compareReads(p.reference, *p.durable);
        QVERIFY2(reads.empty(), qPrintable(QString("after op %1: %2").arg(i).arg(QString::fromStdString(reads))));
    }
    // Everything was synced: a crash loses nothing, and a reopened storage reads the same.
    CrashOptions crash;
    crash.keepTornTail = true;
    crash.keepPendingEntries = true;
    p.durable.reset();
    p.disk.crash(crash);
    const std::string reopen = p.reopen();
    QVERIFY2(reopen.empty(), reopen.c_str());
    const std::string reads = compareReads(p.expectedAfterReopen(), *p.durable);
    QVERIFY2(reads.empty(), qPrintable(QString("after reopening: %1").arg(QString::fromStdString(reads))));
}

void TestConformance::scripts()
{
    QFETCH(std::vector<Op>, script);
    runScript(script);
}

void TestConformance::randomScripts_data()
{
    QTest::addColumn<quint64>("seed");
    for (quint64 seed = 1; seed <= 12; ++seed)
        QTest::newRow(qPrintable(QString("seed %1").arg(seed))) << seed;
}

void TestConformance::randomScripts()
{
    // Valid raft-like histories: appends that may overwrite the uncommitted suffix, commits,
    // local snapshots of committed entries, compactions and the occasional install.
    QFETCH(quint64, seed);
    raft::SplitMix64 rng(seed);
    raft::MemoryStorage model;
    std::vector<Op> script;
    std::uint64_t term = 1;
    std::uint64_t commit = 0;
    auto apply = [&](Op op) {
        switch (op.kind) {
        case Op::Append: model.append(op.entries); break;
        case Op::SetHardState: model.setHardState(*op.hardState); break;
        case Op::ApplySnapshot: model.applySnapshot(op.snapshot); break;
        case Op::CreateSnapshot: model.createSnapshot(op.index, kConf, {}); break;
        case Op::Compact: model.compact(op.index); break;
        case Op::Bootstrap: break;
        }
        script.push_back(std::move(op));
    };
    for (int step = 0; step < 60; ++step) {
        const std::uint64_t last = model.lastIndex();
        const std::uint64_t first = model.firstIndex();
        switch (rng.below(8)) {
        case 0:
        case 1:
        case 2: { // append, maybe overwriting uncommitted entries
            if (rng.below(4) == 0)
                ++term;
            const std::uint64_t lowest = std::max(commit + 1, first);
            const std::uint64_t from = lowest + rng.below(last + 2 - std::min(lowest, last + 1));
            std::vector<raft::Entry> es;
            const std::uint64_t n = 1 + rng.below(6);
            for (std::uint64_t k = 0; k < n; ++k)
                es.push_back(entry(term, from + k, std::string(1 + rng.below(30), char('a' + rng.below(26)))));
            apply(append(std::move(es)));
            break;
        }
        case 3: // commit some
            if (last > commit)
                commit += 1 + rng.below(last - commit);
            apply(hardState(term, commit));
            break;
        case 4: // local snapshot of committed state
            if (commit >= first)
                apply(createSnapshot(first + rng.below(commit - first + 1)));
            break;
        case 5: // compaction
            if (last >= first)
                apply(compact(first + rng.below(last - first + 1)));
            break;
        case 6: // install a snapshot from a leader, ahead of us
            if (rng.below(3) == 0) {
                ++term;
                commit = last + 1 + rng.below(5);
                apply(applySnapshot(commit, term));
            }
            break;
        default: // a hard state with a newer term
            ++term;
            apply(hardState(term, commit));
            break;
        }
    }
    runScript(script);
}

QTEST_APPLESS_MAIN(TestConformance)
#include "tst_conformance.moc"
