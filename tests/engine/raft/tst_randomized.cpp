// Randomized safety test: 300 seeds, each a 3-member and a 5-member cluster under random
// message loss, duplication and reordering, partitions, crashes and restarts, compactions,
// leadership transfers and proposals. After every step the SafetyChecker verifies election
// safety, log matching, leader completeness and state-machine safety. After the chaos the
// network heals and the cluster must elect a leader, commit a new entry and converge.
// A failure names the seed; rerun one with QUORUM_RAFT_SEED=<seed> (add QUORUM_RAFT_TRACE=1 for
// its raft log lines on stderr, QUORUM_RAFT_TRACE=full for every message as well).

#include "tests/engine/raft/Cluster.h"

#include "engine/raft/Random.h"

#include <QtTest>

#include <cstdio>

using namespace quorum::raft;
using namespace quorum::raft::testing;

namespace {

constexpr int kSteps = 4000;
constexpr int kSeeds = 300;

/// prefix + n, spelled so that GCC 12 at -O3 does not see a bogus overlap (-Wrestrict).
std::string label(const char *prefix, std::uint64_t n)
{
    std::string out(prefix);
    out += std::to_string(n);
    return out;
}

struct Totals {
    std::uint64_t runs = 0;
    std::uint64_t steps = 0;
    std::uint64_t faults = 0;
    std::uint64_t proposals = 0;
    std::uint64_t applied = 0; // highest applied index, summed over runs
    std::uint64_t leaderTerms = 0;
    std::uint64_t checks = 0;
};

class Run {
public:
    Run(std::uint64_t seed, int members)
        : m_cluster(seed)
        , m_rng(seed * 0x9E3779B97F4A7C15ULL + std::uint64_t(members))
        , m_seed(seed)
    {
        ConfState cs;
        for (int i = 1; i <= members; ++i)
            cs.voters.push_back(NodeId(i));
        // Vary the options between seeds: safety must not depend on them.
        Config base;
        base.preVote = m_rng.below(4) != 0;
        base.checkQuorum = m_rng.below(4) != 0;
        base.maxSizePerMsg = m_rng.below(2) ? 0 : 200;
        base.maxInflightMsgs = 1 + m_rng.below(4);
        for (NodeId id : cs.voters) {
            Config c = base;
            c.id = id;
            m_cluster.addMember(c, &cs);
        }
    }

    /// Sends the raft log lines (and message traffic if `full`) to `out`.
    void traceTo(std::string *out, bool full) { m_cluster.setTrace(out, full ? TraceLevel::Full : TraceLevel::LogsOnly); }

    /// Returns an empty string, or what went wrong.
    std::string execute(Totals &totals)
    {
        for (int step = 0; step < kSteps; ++step) {
            randomStep(totals);
            m_cluster.checkSafety();
            ++totals.steps;
            if (!m_cluster.safety().ok())
                return "step " + std::to_string(step) + ": " + m_cluster.safety().violations().front();
        }
        std::string failure = recover(totals);
        totals.applied += m_cluster.safety().highestApplied();
        totals.leaderTerms += m_cluster.safety().leaderTerms();
        totals.checks += m_cluster.safety().checks();
        return failure;
    }

private:
    NodeId pick(const std::vector<NodeId> &ids) { return ids[m_rng.below(ids.size())]; }

    void randomStep(Totals &totals)
    {
        const std::vector<NodeId> up = m_cluster.upIds();
        const std::size_t queued = m_cluster.network().size();
        const std::uint64_t roll = m_rng.below(1000);
        // The mix keeps the network below saturation (messages leave faster than they are
        // produced) and a round trip usually shorter than a heartbeat interval — as in a real
        // cluster, but with plenty of exceptions.
        if (roll < 120) {
            if (!up.empty())
                m_cluster.node(pick(up)).tick();
        } else if (roll < 370) {
            if (!up.empty())
                m_cluster.processReady(pick(up));
        } else if (roll < 790) {
            // Mostly the oldest message, sometimes any: reordering without starving anyone.
            if (queued > 0)
                m_cluster.deliverAt(m_rng.below(4) == 0 ? m_rng.below(queued) : 0);
        } else if (roll < 815) {
            if (queued > 0) {
                m_cluster.dropAt(m_rng.below(queued));
                ++totals.faults;
            }
        } else if (roll < 825) {
            if (queued > 0) {
                m_cluster.duplicateAt(m_rng.below(queued));
                ++totals.faults;
            }
        } else if (roll < 870) {
            if (!up.empty()) {
                m_cluster.node(pick(up)).propose(label("s", m_seed) + label("-", m_proposals++));
                ++totals.proposals;
            }
        } else if (roll < 873) {
            // Rare next to ticks, so that partitions and crashes last for a few election
            // timeouts: long enough for elections on either side, short enough to churn.
            changePartition();
            ++totals.faults;
        } else if (roll < 876) {
            crashOrRestart();
            ++totals.faults;
        } else if (roll < 891) {
            if (!up.empty())
                compactSomewhere(pick(up));
        } else if (roll < 895) {
            // Asked anywhere: followers forward the request to the leader they know.
            if (!up.empty())
                m_cluster.node(pick(up)).transferLeadership(pick(m_cluster.ids()));
        } else if (roll < 905) {
            if (!up.empty())
                m_cluster.node(pick(up)).readIndex(label("r", m_reads++));
        } else if (roll < 910) {
            if (!up.empty())
                m_cluster.node(pick(up)).reportUnreachable(pick(m_cluster.ids()));
        } else {
            // More message steps: the network is the busiest part.
            if (queued > 0)
                m_cluster.deliverAt(0);
        }
    }

    void changePartition()
    {
        // Partitions heal about as often as they form.
        if (m_rng.below(2) == 0) {
            m_cluster.heal();
            return;
        }
        std::vector<std::set<NodeId>> groups(2);
        for (NodeId id : m_cluster.ids())
            groups[m_rng.below(2)].insert(id);
        m_cluster.partition(groups);
    }

    void crashOrRestart()
    {
        std::vector<NodeId> down;
        for (NodeId id : m_cluster.ids()) {
            if (!m_cluster.isUp(id))
                down.push_back(id);
        }
        // At most a minority is down at a time (partitions can still cut off a majority):
        // with a majority down nothing happens, which tests nothing.
        const std::size_t minority = (m_cluster.ids().size() - 1) / 2;
        if (!down.empty() && (m_rng.below(2) == 0 || down.size() >= minority)) {
            m_cluster.restart(pick(down));
            return;
        }
        // Leaders crash more often than chance would have it: leader changes in the middle
        // of replication are where commitment rules matter (Figure 8).
        const NodeId leader = m_cluster.leader();
        m_cluster.crash(leader != kNone && m_rng.below(2) == 0 ? leader : pick(m_cluster.upIds()));
    }

    void compactSomewhere(NodeId id)
    {
        const Cluster::Member &m = m_cluster.member(id);
        const std::uint64_t first = m.storage->firstIndex();
        if (m.appApplied < first)
            return;
        const std::uint64_t index = first + m_rng.below(m.appApplied - first + 1);
        std::string why;
        m_cluster.compact(id, index, &why);
    }

    /// Heals everything and expects the cluster to make progress again.
    std::string recover(Totals &totals)
    {
        m_cluster.heal();
        for (NodeId id : m_cluster.ids()) {
            if (!m_cluster.isUp(id))
                m_cluster.restart(id);
        }
        const std::string marker = label("final-", m_seed);
        bool proposed = false;
        std::uint64_t target = 0;
        // Generous: several election timeouts even after a burst of split votes.
        for (int round = 0; round < 400; ++round) {
            for (NodeId id : m_cluster.ids())
                m_cluster.node(id).tick();
            if (!m_cluster.stabilize(2000))
                return "livelock: the healed cluster did not settle";
            if (!m_cluster.safety().ok())
                return "after healing: " + m_cluster.safety().violations().front();
            const NodeId leader = m_cluster.leader();
            if (!proposed && leader != kNone && m_cluster.node(leader).propose(marker) == ProposeResult::Ok) {
                proposed = true;
                ++totals.proposals;
                target = m_cluster.node(leader).raft().log().lastIndex();
                continue;
            }
            if (!proposed)
                continue;
            bool converged = true;
            for (NodeId id : m_cluster.ids())
                converged = converged && m_cluster.member(id).appApplied >= target;
            if (!converged)
                continue;
            // Same applied index, same state everywhere.
            const Cluster::Member &ref = m_cluster.member(leader);
            for (NodeId id : m_cluster.ids()) {
                const Cluster::Member &m = m_cluster.member(id);
                if (m.appApplied == ref.appApplied && m.appHash != ref.appHash)
                    return "members " + std::to_string(id) + " and " + std::to_string(leader)
                        + " applied the same index but hold different states";
            }
            return {};
        }
        return proposed ? "no progress: the entry proposed after healing was not applied everywhere"
                        : "no progress: no leader after healing";
    }

    Cluster m_cluster;
    SplitMix64 m_rng;
    std::uint64_t m_seed;
    std::uint64_t m_proposals = 0;
    std::uint64_t m_reads = 0;
};

} // namespace

class TestRandomized : public QObject {
    Q_OBJECT

private slots:
    void seeds();
};

void TestRandomized::seeds()
{
    std::uint64_t first = 0;
    std::uint64_t count = kSeeds;
    bool ok = false;
    const std::uint64_t only = qEnvironmentVariable("QUORUM_RAFT_SEED").toULongLong(&ok);
    if (ok) {
        first = only;
        count = 1;
    }
    Totals totals;
    for (std::uint64_t seed = first; seed < first + count; ++seed) {
        for (int members : {3, 5}) {
            Run run(seed, members);
            std::string trace;
            if (count == 1 && !qEnvironmentVariable("QUORUM_RAFT_TRACE").isEmpty())
                run.traceTo(&trace, qEnvironmentVariable("QUORUM_RAFT_TRACE") == QLatin1String("full"));
            const std::string failure = run.execute(totals);
            if (!trace.empty())
                std::fprintf(stderr, "--- seed %llu, %d members ---\n%s", static_cast<unsigned long long>(seed),
                             members, trace.c_str());
            ++totals.runs;
            if (!failure.empty()) {
                const std::string message = "seed " + std::to_string(seed) + ", " + std::to_string(members)
                    + " members: " + failure + " (rerun with QUORUM_RAFT_SEED=" + std::to_string(seed) + ")";
                QFAIL(message.c_str());
            }
        }
    }
    qInfo("randomized: %llu runs (%llu seeds x 3 and 5 members), %llu steps, %llu faults, %llu proposals, "
          "%llu entries applied (highest index per run, summed), %llu terms with a leader, %llu safety checks, "
          "0 violations",
          static_cast<unsigned long long>(totals.runs), static_cast<unsigned long long>(count),
          static_cast<unsigned long long>(totals.steps), static_cast<unsigned long long>(totals.faults),
          static_cast<unsigned long long>(totals.proposals), static_cast<unsigned long long>(totals.applied),
          static_cast<unsigned long long>(totals.leaderTerms), static_cast<unsigned long long>(totals.checks));
}

QTEST_GUILESS_MAIN(TestRandomized)
#include "tst_randomized.moc"
