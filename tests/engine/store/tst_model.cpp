// Model-based randomized test: 200 seeds of random commands, reads, watches, lease expiry,
// snapshot hand-overs and replays, applied to two KvStore members (with different clocks) and
// to the naive ReferenceModel; every result, read and watch event must agree.

#include "RandomCommands.h"
#include "ReferenceModel.h"
#include "StoreTestUtil.h"

#include <QElapsedTimer>

using namespace quorum::store;
using namespace quorum::store::test;

namespace {

constexpr int kSeeds = 200;

struct ModelWatch {
    WatchId id = 0;
    std::string key;
    std::string rangeEnd;
    WatchFilter filter;
    std::int64_t next = 0;         // first revision not yet taken
    std::int64_t noPrevUpTo = 0;   // compact revision at creation: replayed events there lack prevKv
};

struct Totals {
    long commands = 0;
    long errors = 0;
    long reads = 0;
    long watchEvents = 0;
    long handovers = 0;
};

class SeedRun {
public:
    explicit SeedRun(std::uint64_t seed) : m_gen(seed * 7919 + 1) {}

    // Returns an empty string, or the first disagreement.
    std::string run(Totals &totals)
    {
        const int steps = static_cast<int>(m_gen.pick(150, 300));
        for (int step = 0; step < steps; ++step) {
            m_now += m_gen.pick(0, 60);
            const std::int64_t roll = m_gen.pick(1, 100);
            std::string diff;
            if (roll <= 68)
                diff = command(totals);
            else if (roll <= 80)
                diff = read(totals);
            else if (roll <= 85)
                diff = createWatch();
            else if (roll <= 92)
                diff = drainWatch(totals, m_gen.pick(0, 100));
            else if (roll <= 93)
                cancelWatch();
            else if (roll <= 95)
                diff = expiry(totals);
            else if (roll <= 97)
                diff = handover(totals);
            else if (roll <= 98)
                diff = corrupt();
            else
                diff = replayOld();
            if (!diff.empty())
                return "step " + std::to_string(step) + ": " + diff;
        }
        return finish(totals);
    }

private:
    GeneratorHints hints() const
    {
        GeneratorHints h{m_model.revision, m_model.compactRevision, {}};
        for (const auto &[id, l] : m_model.leases)
            h.leases[id] = l.keepAlives;
        return h;
    }

    std::string applyBoth(const std::string &bytes, const ApplyResult &expected)
    {
        const ApplyResult a = m_a.apply(m_index, bytes, m_now);
        const ApplyResult b = m_b.apply(m_index, bytes, m_now * 3 + 17);  // another clock
        if (describe(a) != describe(expected))
            return "apply\n  store: " + describe(a) + " (" + a.message + ")\n  model: " + describe(expected);
        if (describe(b) != describe(a) || b.message != a.message)
            return "members disagree\n  a: " + describe(a) + "\n  b: " + describe(b);
        if (a.ok() != a.message.empty())
            return "error without message (or message without error): " + describe(a);
        return {};
    }

    std::string command(Totals &totals)
    {
        const Command c{static_cast<std::uint64_t>(m_gen.pick(1, 1'000'000)), m_gen.next(hints())};
        ++m_index;
        const ApplyResult expected = m_model.apply(m_index, c, m_now);
        ++totals.commands;
        totals.errors += expected.ok() ? 0 : 1;
        return applyBoth(encodeCommand(c), expected);
    }

    std::string read(Totals &totals)
    {
        const Range q = m_gen.rangeRequest(hints());
        ++totals.reads;
        const std::string got = describe(m_a.range(q));
        const std::string want = describe(m_model.range(q));
        return got == want ? std::string() : "range\n  store: " + got + "\n  model: " + want;
    }

    std::string createWatch()
    {
        auto [key, end] = m_gen.range();
        const std::int64_t start = m_gen.chance(30) ? 0 : m_gen.pick(m_model.compactRevision - 2, m_model.revision + 2);
        const WatchFilter filter{m_gen.chance(15), m_gen.chance(15), m_gen.chance(50)};
        WatchCreateResult r = m_a.watch(key, end, start, filter);
        const bool compacted = start > 0 && start < m_model.compactRevision;
        if (compacted != (r.error == Error::Compacted) || (compacted && r.compactRevision != m_model.compactRevision))
            return "watch from " + std::to_string(start) + ": " + toString(r.error);
        if (!compacted)
            m_watches.push_back({r.id, key, end, filter, start > 0 ? start : m_model.revision + 1,
                                 m_model.compactRevision});
        return {};
    }

    std::string drainWatch(Totals &totals, std::int64_t which)
    {
        if (m_watches.empty())
            return {};
        ModelWatch &w = m_watches[static_cast<std::size_t>(which) % m_watches.size()];
        std::vector<Event> want;
        for (std::int64_t rev = w.next; rev <= m_model.revision; ++rev) {
            for (const Event &e : m_model.events[static_cast<std::size_t>(rev)]) {
                if (!inRange(e.kv.key, w.key, w.rangeEnd) || (e.type == EventType::Put && w.filter.noPut) ||
                    (e.type == EventType::Delete && w.filter.noDelete))
                    continue;
                Event copy = e;
                if (!w.filter.prevKv || rev <= w.noPrevUpTo)
                    copy.prevKv.reset();
                want.push_back(std::move(copy));
            }
        }
        w.next = std::max(w.next, m_model.revision + 1);
        WatchBatch got = m_a.takeEvents(w.id);
        totals.watchEvents += static_cast<long>(got.events.size());
        if (!got.exists || got.error != Error::None || describe(got.events) != describe(want))
            return "watch " + std::to_string(w.id) + "\n  store: " + describe(got.events) + "\n  model: " + describe(want);
        return {};
    }

    void cancelWatch()
    {
        if (m_watches.empty())
            return;
        const auto i = static_cast<std::size_t>(m_gen.pick(0, static_cast<std::int64_t>(m_watches.size()) - 1));
        m_a.cancelWatch(m_watches[i].id);
        m_watches.erase(m_watches.begin() + static_cast<std::ptrdiff_t>(i));
    }

    std::string expiry(Totals &totals)
    {
        // The leader (a) looks at its deadlines and proposes what it sees.
        const std::vector<ExpiredLease> seen = m_a.expiredLeases(m_now);
        if (seen != m_model.expired(m_now))
            return "expiredLeases differ at " + std::to_string(m_now) + ": store " + std::to_string(seen.size()) +
                   ", model " + std::to_string(m_model.expired(m_now).size());
        const Command c{0, LeaseExpire{seen}};
        ++m_index;
        ++totals.commands;
        return applyBoth(encodeCommand(c), m_model.apply(m_index, c, m_now));
    }

    std::string handover(Totals &totals)
    {
        // b (no watchers) is replaced by a's snapshot, or a restores b's: same state either way.
        if (m_a.hash() != m_b.hash())
            return "hashes differ before a hand-over";
        ++totals.handovers;
        KvStore &to = m_gen.chance(50) ? m_b : m_a;
        const KvStore &from = &to == &m_a ? m_b : m_a;
        const std::string snap = from.snapshot();
        RestoreResult r = to.restore(snap, &to == &m_a ? m_now : m_now * 3 + 17);
        if (!r.ok())
            return "restore failed: " + r.error;
        if (to.snapshot() != snap)
            return "restored snapshot differs";
        if (&to == &m_a) {  // a restored member restarts its lease deadlines
            for (auto &entry : m_model.leases)
                entry.second.deadlineMs = m_now + entry.second.ttlMs;
        }
        return {};
    }

    std::string corrupt()
    {
        std::string bytes = encodeCommand(Command{1, m_gen.next(hints())});
        bytes.resize(static_cast<std::size_t>(m_gen.pick(0, static_cast<std::int64_t>(bytes.size()) - 1)));
        ++m_index;
        return applyBoth(bytes, m_model.corrupt(m_index));
    }

    std::string replayOld()
    {
        const Command c{5, Put{"a", "replayed", 0, false}};
        const auto old = static_cast<std::uint64_t>(m_gen.pick(0, static_cast<std::int64_t>(m_index)));
        const ApplyResult a = m_a.apply(old, encodeCommand(c), m_now);
        if (a.error != Error::AlreadyApplied || a.revision != m_model.revision)
            return "replay of index " + std::to_string(old) + " gave " + describe(a);
        return {};
    }

    std::string finish(Totals &totals)
    {
        for (std::size_t i = 0; i < m_watches.size(); ++i) {
            std::string diff = drainWatch(totals, static_cast<std::int64_t>(i));
            if (!diff.empty())
                return "final " + diff;
        }
        for (std::int64_t rev = std::max<std::int64_t>(1, m_model.compactRevision); rev <= m_model.revision; ++rev) {
            const Range all{std::string(1, '\0'), std::string(1, '\0'), rev, 0, false, false};
            if (describe(m_a.range(all)) != describe(m_model.range(all)))
                return "final state at revision " + std::to_string(rev) + " differs";
        }
        if (m_a.snapshot() != m_b.snapshot() || m_a.hash() != m_b.hash())
            return "members' snapshots differ at the end";
        if (m_a.revision() != m_model.revision || m_a.compactRevision() != m_model.compactRevision ||
            m_a.appliedIndex() != m_model.appliedIndex)
            return "revisions or applied index differ at the end";
        return {};
    }

    CommandGenerator m_gen;
    ReferenceModel m_model;
    KvStore m_a;
    KvStore m_b;
    std::vector<ModelWatch> m_watches;
    std::uint64_t m_index = 0;
    std::int64_t m_now = 0;
};

} // namespace

class TestModel : public QObject {
    Q_OBJECT

private slots:
    void againstReferenceModel();
};

void TestModel::againstReferenceModel()
{
    QElapsedTimer timer;
    timer.start();
    Totals totals;
    for (int seed = 1; seed <= kSeeds; ++seed) {
        SeedRun run(static_cast<std::uint64_t>(seed));
        const std::string diff = run.run(totals);
        QVERIFY2(diff.empty(), ("seed " + std::to_string(seed) + ", " + diff).c_str());
    }
    qInfo("%d seeds: %ld commands (%ld refused), %ld reads, %ld watch events, %ld snapshot hand-overs in %lld ms",
          kSeeds, totals.commands, totals.errors, totals.reads, totals.watchEvents, totals.handovers,
          static_cast<long long>(timer.elapsed()));
}

QTEST_APPLESS_MAIN(TestModel)
#include "tst_model.moc"
