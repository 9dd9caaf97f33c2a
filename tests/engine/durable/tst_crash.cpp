// Crash at every disk operation. A seeded script of raft-like writes (Readies with entries,
// conflicting overwrites, hard states, installed snapshots; local snapshots; compactions that
// release WAL segments) runs on a MemoryDisk that goes down after n operations, for every n.
// The disk then crashes (dropping unsynced data, keeping torn prefixes, garbling the last bytes
// and losing unsynced directory entries, depending on the seed) and the storage is reopened —
// sometimes crashing again during recovery. The recovered storage must equal the state after
// some prefix of the records written, no shorter than what the last acknowledged (synced) write
// covered: acknowledged writes are never lost, and nothing that was not written appears.

#include "tests/engine/durable/DurableTestUtil.h"

#include "engine/durable/DurableStorage.h"
#include "engine/durable/Text.h"
#include "engine/raft/MemoryStorage.h"
#include "engine/raft/Random.h"

using namespace quorum;
using namespace quorum::durable;
using namespace quorum::durable::testing;
using text::cat;

namespace {

const raft::ConfState kConf{{1, 2, 3}, {}};

/// The effect of one WAL record on the logical state (what recovery may stop after).
struct RecordEffect {
    std::optional<raft::Entry> entry;
    std::optional<raft::HardState> hardState;
    std::optional<raft::Snapshot> snapshot; // with the hard state that comes with it
};

struct Action {
    enum Kind { Ready, CreateSnapshot, Compact } kind = Ready;
    std::optional<raft::HardState> hardState;
    std::vector<raft::Entry> entries;
    std::optional<raft::Snapshot> snapshot;
    bool mustSync = false;
    std::uint64_t index = 0;
    std::string data;
    std::vector<RecordEffect> records; // what the action writes, in order
};

/// A logical state: what a recovered storage must read like.
struct State {
    raft::HardState hardState;
    raft::SnapshotMetadata snapshot;
    std::string snapshotData;
    std::vector<raft::Entry> entries; // after the snapshot

    bool operator==(const State &) const = default;
    std::string describe() const
    {
        std::string s = cat("hs ", text::hardState(hardState), ", snapshot ", std::to_string(snapshot.index), "/",
                            std::to_string(snapshot.term), ", entries");
        for (const raft::Entry &e : entries)
            s += cat(" ", std::to_string(e.index), "/", std::to_string(e.term));
        return s;
    }
};

State stateOf(const raft::Storage &s, const raft::HardState &hs)
{
    State st;
    st.hardState = hs;
    const raft::Snapshot snap = s.snapshot().value;
    st.snapshot = snap.metadata;
    st.snapshotData = snap.data;
    // From the snapshot on: the shadow model never compacts, a recovered storage starts there.
    const std::uint64_t from = std::max(s.firstIndex(), snap.metadata.index + 1);
    if (s.lastIndex() >= from)
        st.entries = s.entries(from, s.lastIndex() + 1, raft::kNoLimit).value;
    return st;
}

/// A seeded raft-like history. `model` follows it with compaction, as the storage's cache does.
std::vector<Action> generate(std::uint64_t seed, int steps)
{
    raft::SplitMix64 rng(seed);
    raft::MemoryStorage model;
    std::vector<Action> script;
    std::uint64_t term = 1;
    std::uint64_t commit = 0;

    auto ready = [&](std::optional<raft::HardState> hs, std::vector<raft::Entry> entries,
                     std::optional<raft::Snapshot> snap, bool mustSync) {
        Action a;
        a.hardState = hs;
        a.entries = entries;
        a.snapshot = snap;
        a.mustSync = mustSync;
        const bool newSnap = snap && snap->metadata.index > model.snapshot().value.metadata.index;
        if (newSnap) {
            raft::HardState with = hs.value_or(model.hardState());
            with.commit = std::max(with.commit, snap->metadata.index);
            a.records.push_back({std::nullopt, with, snap});
            model.applySnapshot(*snap);
        }
        const std::uint64_t first = model.firstIndex();
        std::vector<raft::Entry> kept;
        for (const raft::Entry &e : entries) {
            if (e.index >= first) {
                kept.push_back(e);
                a.records.push_back({e, std::nullopt, std::nullopt});
            }
        }
        model.append(kept);
        if (hs) {
            a.records.push_back({std::nullopt, hs, std::nullopt});
            model.setHardState(*hs);
        }
        script.push_back(std::move(a));
    };

    // Bootstrap, as a Ready carrying the initial snapshot.
    raft::Snapshot boot;
    boot.metadata = {kConf, 1, 1};
    ready(raft::HardState{1, 0, 1}, {}, boot, true);
    commit = 1;

    for (int step = 0; step < steps; ++step) {
        const std::uint64_t last = model.lastIndex();
        const std::uint64_t first = model.firstIndex();
        const std::uint64_t r = rng.below(10);
        if (r < 5) {
            // Entries from a leader, possibly a new one overwriting the uncommitted suffix.
            std::optional<raft::HardState> hs;
            if (rng.below(4) == 0) {
                ++term;
                hs = raft::HardState{term, 1 + rng.below(3), commit};
            }
            const std::uint64_t lowest = std::max(commit + 1, first);
            const std::uint64_t from = hs ? lowest + rng.below(last + 2 - std::min(lowest, last + 1)) : last + 1;
            std::vector<raft::Entry> es;
            const std::uint64_t n = 1 + rng.below(8);
            for (std::uint64_t k = 0; k < n; ++k) {
                raft::Entry e = entry(term, from + k, std::string(1 + rng.below(60), char('a' + rng.below(26))));
                if (rng.below(10) == 0)
                    e.type = raft::EntryType::ConfChange;
                es.push_back(std::move(e));
            }
            if (rng.below(2) == 0) {
                commit = std::max(commit, std::min(from + n - 1, commit + rng.below(n + 1)));
                hs = raft::HardState{term, hs ? hs->vote : model.hardState().vote, commit};
            }
            ready(hs, std::move(es), std::nullopt, true);
        } else if (r == 5 && last > commit) {
            // Commit only: no sync needed.
            commit += 1 + rng.below(last - commit);
            ready(raft::HardState{term, model.hardState().vote, commit}, {}, std::nullopt, false);
        } else if (r == 6) {
            const std::uint64_t lo = std::max(first, model.snapshot().value.metadata.index + 1);
            if (commit >= lo) {
                Action a;
                a.kind = Action::CreateSnapshot;
                a.index = lo + rng.below(commit - lo + 1);
                a.data = cat("local@", std::to_string(a.index), "#", std::to_string(step));
                auto made = model.createSnapshot(a.index, kConf, a.data);
                RAFT_CHECK(made.ok(), "generator: createSnapshot");
                a.records.push_back({std::nullopt, model.hardState(), made.value});
                script.push_back(std::move(a));
            }
        } else if (r == 7) {
            if (commit >= first) { // only applied (committed) entries are compacted
                Action a;
                a.kind = Action::Compact;
                a.index = first + rng.below(commit - first + 1);
                model.compact(a.index);
                script.push_back(std::move(a));
            }
        } else if (r == 8 && rng.below(3) == 0) {
            // A snapshot from a new leader, ahead of (or conflicting with) our log.
            ++term;
            raft::Snapshot s;
            const std::uint64_t at = std::max(commit + 1, last + 1 - std::min<std::uint64_t>(last, rng.below(3)));
            s.metadata = {kConf, at, term};
            s.data = cat("installed@", std::to_string(at), "#", std::to_string(step));
            commit = at;
            ready(raft::HardState{term, 2, commit}, {}, s, true);
        } else {
            ++term;
            ready(raft::HardState{term, 1 + rng.below(3), commit}, {}, std::nullopt, true);
        }
    }
    return script;
}

/// Applies one record's effect to a storage that never compacts (the log the WAL describes).
void applyRecord(raft::MemoryStorage &shadow, const RecordEffect &r)
{
    if (r.entry)
        shadow.append({*r.entry});
    if (r.snapshot) {
        const raft::SnapshotMetadata &m = r.snapshot->metadata;
        const auto t = shadow.term(m.index);
        if (m.index <= shadow.lastIndex() && t.ok() && t.value == m.term)
            shadow.createSnapshot(m.index, m.confState, r.snapshot->data);
        else
            shadow.applySnapshot(*r.snapshot);
    }
    if (r.hardState)
        shadow.setHardState(*r.hardState);
}

DurableOptions options()
{
    DurableOptions o;
    o.wal.segmentBytes = 300;
    o.snapshotsToKeep = 2;
    return o;
}

/// The state after every record of the script, in order (index 0: before the first).
std::vector<State> candidateStates(const std::vector<Action> &script)
{
    raft::MemoryStorage shadow;
    std::vector<State> states{stateOf(shadow, shadow.hardState())};
    for (const Action &a : script) {
        for (const RecordEffect &r : a.records) {
            applyRecord(shadow, r);
            states.push_back(stateOf(shadow, shadow.hardState()));
        }
    }
    return states;
}

/// How far a run got, in candidate states: `acked` is covered by the last write that returned
/// Ok after a sync, `written` by everything attempted (the failed action included).
struct Outcome {
    std::size_t actionsDone = 0;
    std::size_t acked = 0;
    std::size_t written = 0;
};

/// Runs `script` until the disk fails.
Outcome runUntilFailure(MemoryDisk &disk, const std::vector<Action> &script)
{
    Outcome out;
    auto opened = DurableStorage::open(disk, "m", options());
    if (!opened.ok())
        return out;
    DurableStorage &s = **opened;
    for (const Action &a : script) {
        out.written += a.records.size();
        bool ok = false;
        switch (a.kind) {
        case Action::Ready: ok = s.save(a.hardState, a.entries, a.snapshot, a.mustSync).ok(); break;
        case Action::CreateSnapshot: {
            auto r = s.createSnapshot(a.index, kConf, a.data);
            RAFT_CHECK(!r.ok() || r->ok(), "createSnapshot refused: " << raft::toString(r->status));
            ok = r.ok();
            break;
        }
        case Action::Compact: ok = s.compact(a.index).ok(); break;
        }
        if (!ok)
            return out;
        if ((a.kind == Action::Ready && (a.mustSync || a.snapshot)) || a.kind == Action::CreateSnapshot)
            out.acked = out.written;
        ++out.actionsDone;
    }
    return out;
}

} // namespace

class TestCrash : public QObject {
    Q_OBJECT

private slots:
    void crashAtEveryOperation_data();
    void crashAtEveryOperation();
};

void TestCrash::crashAtEveryOperation_data()
{
    QTest::addColumn<quint64>("seed");
    for (quint64 seed = 1; seed <= 8; ++seed)
        QTest::newRow(qPrintable(QString("seed %1").arg(seed))) << seed;
}

void TestCrash::crashAtEveryOperation()
{
    QFETCH(quint64, seed);
    const std::vector<Action> script = generate(seed, 60);

    const std::vector<State> candidates = candidateStates(script);
    // How many disk operations the whole script takes.
    std::uint64_t total = 0;
    {
        MemoryDisk disk;
        const Outcome o = runUntilFailure(disk, script);
        QCOMPARE(o.actionsDone, script.size());
        QCOMPARE(o.written + 1, candidates.size());
        total = disk.operationCount();
    }
    QVERIFY(total > 100);

    std::size_t tornRepairs = 0;
    std::size_t recoveryCrashes = 0;
    std::size_t notLatest = 0;
    for (std::uint64_t budget = 0; budget <= total; ++budget) {
        raft::SplitMix64 rng(seed * 1000003 + budget);
        MemoryDisk disk;
        disk.setOperationBudget(budget);
        const Outcome run = runUntilFailure(disk, script);
        const std::size_t acked = run.acked;

        CrashOptions crash;
        crash.seed = rng.next();
        crash.keepTornTail = seed % 4 != 0;
        crash.garbleTornTail = seed % 2 == 1;
        crash.keepPendingEntries = seed % 3 != 0;
        disk.crash(crash);
        if (rng.below(4) == 0) {
            // Crash again, in the middle of recovery.
            disk.setOperationBudget(rng.below(4));
            if (!DurableStorage::open(disk, "m", options()).ok())
                ++recoveryCrashes;
            crash.seed = rng.next();
            disk.crash(crash);
        }
        auto reopened = DurableStorage::open(disk, "m", options());
        QVERIFY2(reopened.ok(),
                 qPrintable(QString("budget %1: %2").arg(budget).arg(QString::fromStdString(reopened.error()))));
        std::unique_ptr<DurableStorage> storage = std::move(*reopened);
        DurableStorage &s = *storage;
        if (s.recoveryReport().wal.tornTailTruncated)
            ++tornRepairs;
        const State got = stateOf(s, s.hardState());
        bool found = false;
        for (std::size_t k = run.written + 1; k-- > acked;) {
            if (candidates[k] == got) {
                found = true;
                if (k != run.written)
                    ++notLatest;
                break;
            }
        }
        QVERIFY2(found, qPrintable(QString("budget %1: recovered state is not a written state at or after the "
                                           "acknowledged one\n  recovered: %2\n  acknowledged: %3\n  report: %4")
                                       .arg(budget)
                                       .arg(QString::fromStdString(got.describe()))
                                       .arg(QString::fromStdString(candidates[acked].describe()))
                                       .arg(QString::fromStdString(s.recoveryReport().describe()))));

        // The recovered storage takes new writes and reopens with them.
        raft::Entry next = entry(std::max<std::uint64_t>(s.hardState().term, 1), s.lastIndex() + 1, "after crash");
        if (s.lastIndex() >= s.firstIndex())
            next.term = std::max(next.term, s.term(s.lastIndex()).value);
        QVERIFY_OK(s.save(std::nullopt, {next}, std::nullopt, true));
        storage.reset();
        disk.crash(crash);
        auto again = DurableStorage::open(disk, "m", options());
        QVERIFY_OK(again);
        QCOMPARE((*again)->lastIndex(), next.index);
        QCOMPARE((*again)->entries(next.index, next.index + 1, raft::kNoLimit).value.front(), next);
    }
    qInfo("seed %llu: %llu crash points, %zu torn tails cut, %zu crashes during recovery, %zu recoveries "
          "short of the last write",
          static_cast<unsigned long long>(seed), static_cast<unsigned long long>(total + 1), tornRepairs,
          recoveryCrashes, notLatest);
}

QTEST_APPLESS_MAIN(TestCrash)
#include "tst_crash.moc"
