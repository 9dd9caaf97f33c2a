// PreScore, Score and NormalizeScore of the default profile's score plugins.

#include "engine/scheduler/Cycle.h"

#include "engine/scheduler/Matching.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace quorum::scheduler {

namespace {

constexpr std::int64_t kMaxNodeScore = 100;

std::size_t at(int index)
{
    return static_cast<std::size_t>(index);
}

/// a / b for 0 <= a, 0 < b and a small quotient (at most kMaxNodeScore): a floating-point
/// estimate corrected to the exact integer quotient, because 64-bit division dominated the
/// scoring loop.
std::int64_t smallQuotient(std::int64_t a, std::int64_t b)
{
    auto q = static_cast<std::int64_t>(static_cast<double>(a) / static_cast<double>(b));
    while (q > 0 && q * b > a)
        --q;
    while ((q + 1) * b <= a)
        ++q;
    return q;
}

/// helper.DefaultNormalizeScore: scale to 0..max by the highest score, optionally reversed.
void defaultNormalize(std::vector<std::int64_t> *scores, bool reverse)
{
    std::int64_t maxCount = 0;
    for (std::int64_t s : *scores)
        maxCount = std::max(maxCount, s);
    if (maxCount == 0) {
        if (reverse)
            std::fill(scores->begin(), scores->end(), kMaxNodeScore);
        return;
    }
    for (std::int64_t &s : *scores) {
        s = smallQuotient(kMaxNodeScore * s, maxCount);
        if (reverse)
            s = kMaxNodeScore - s;
    }
}

std::int64_t leastRequested(std::int64_t requested, std::int64_t capacity)
{
    if (capacity == 0 || requested > capacity)
        return 0;
    return smallQuotient((capacity - requested) * kMaxNodeScore, capacity);
}

bool emptySelector(const LabelSelector &selector)
{
    return selector.matchLabels.empty() && selector.matchExpressions.empty();
}

} // namespace

void Scheduler::Cycle::score(const std::vector<NodeId> &feasible, std::vector<std::array<std::int64_t, kScorePlugins>> *scores)
{
    scores->assign(feasible.size(), {});
    auto run = [&](ScorePlugin plugin, auto &&compute) {
        m_raw.assign(feasible.size(), 0);
        compute(feasible, &m_raw);
        for (std::size_t i = 0; i < feasible.size(); ++i)
            (*scores)[i][static_cast<std::size_t>(plugin)] = m_raw[i];
    };
    run(ScorePlugin::TaintToleration, [&](const auto &n, auto *out) { scoreTaints(n, out); });
    run(ScorePlugin::NodeAffinity, [&](const auto &n, auto *out) { scoreNodeAffinity(n, out); });
    run(ScorePlugin::NodeResourcesFit, [&](const auto &n, auto *out) { scoreLeastAllocated(n, out); });
    run(ScorePlugin::PodTopologySpread, [&](const auto &n, auto *out) { scoreSpread(n, out); });
    run(ScorePlugin::InterPodAffinity, [&](const auto &n, auto *out) { scoreInterPod(n, out); });
    run(ScorePlugin::NodeResourcesBalancedAllocation, [&](const auto &n, auto *out) { scoreBalanced(n, out); });
}

// TaintToleration: PreferNoSchedule taints not tolerated by a toleration whose effect is empty
// or PreferNoSchedule; fewer is better.
void Scheduler::Cycle::scoreTaints(const std::vector<NodeId> &nodes, std::vector<std::int64_t> *out)
{
    std::vector<Toleration> &preferTolerations = m_preferTolerations;
    preferTolerations.clear();
    for (const Toleration &t : m_pod->tolerations) {
        if (!t.effect || *t.effect == TaintEffect::PreferNoSchedule)
            preferTolerations.push_back(t);
    }
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        std::int64_t count = 0;
        if (!m_state.summary(nodes[i]).hasPreferTaints) {
            (*out)[i] = 0;
            continue;
        }
        for (const Taint &taint : m_state.node(nodes[i]).taints) {
            if (taint.effect == TaintEffect::PreferNoSchedule && !toleratedByAny(preferTolerations, taint))
                ++count;
        }
        (*out)[i] = count;
    }
    defaultNormalize(out, true);
}

// NodeAffinity: sum of the weights of matching preferred terms, scaled by the best node.
void Scheduler::Cycle::scoreNodeAffinity(const std::vector<NodeId> &nodes, std::vector<std::int64_t> *out) const
{
    if (m_pod->preferredNodeAffinity.empty())
        return;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const Labels &labels = m_state.node(nodes[i]).labels;
        std::int64_t sum = 0;
        for (const PreferredSchedulingTerm &term : m_pod->preferredNodeAffinity) {
            if (term.weight != 0 && matchesTerm(term.preference, labels))
                sum += term.weight;
        }
        (*out)[i] = sum;
    }
    defaultNormalize(out, false);
}

// NodeResourcesFit, LeastAllocated strategy, cpu and memory weight 1, on non-zero requests.
void Scheduler::Cycle::scoreLeastAllocated(const std::vector<NodeId> &nodes, std::vector<std::int64_t> *out) const
{
    const Resources pod = nonZeroRequests(*m_pod);
    const std::int64_t podCpu = pod.milliCpu;
    const std::int64_t podMemory = pod.memory;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const NodeSummary &summary = m_state.summary(nodes[i]);
        const Allocatable &allocatable = summary.allocatable;
        const Resources &used = summary.usage.nonZeroRequested;
        std::int64_t sum = 0;
        std::int64_t weights = 0;
        if (allocatable.milliCpu != 0) {
            sum += leastRequested(used.milliCpu + podCpu, allocatable.milliCpu);
            ++weights;
        }
        if (allocatable.memory != 0) {
            sum += leastRequested(used.memory + podMemory, allocatable.memory);
            ++weights;
        }
        (*out)[i] = weights == 2 ? sum / 2 : sum; // weights is 0 (sum 0), 1 or 2
    }
}

// NodeResourcesBalancedAllocation on actual requests; skipped for pods that request nothing.
void Scheduler::Cycle::scoreBalanced(const std::vector<NodeId> &nodes, std::vector<std::int64_t> *out) const
{
    const Resources &pod = m_pod->requests;
    if (pod.milliCpu == 0 && pod.memory == 0)
        return;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const NodeSummary &summary = m_state.summary(nodes[i]);
        const Allocatable &allocatable = summary.allocatable;
        const Resources &used = summary.usage.requested;
        double fractions[2];
        int count = 0;
        if (allocatable.milliCpu != 0)
            fractions[count++] = std::min(1.0, static_cast<double>(used.milliCpu + pod.milliCpu) / static_cast<double>(allocatable.milliCpu));
        if (allocatable.memory != 0)
            fractions[count++] = std::min(1.0, static_cast<double>(used.memory + pod.memory) / static_cast<double>(allocatable.memory));
        const double deviation = count == 2 ? std::abs((fractions[0] - fractions[1]) / 2) : 0.0;
        (*out)[i] = static_cast<std::int64_t>((1 - deviation) * static_cast<double>(kMaxNodeScore));
    }
}

// PodTopologySpread: ScheduleAnyway constraints of the pod, or the system defaults for pods
// with an owner selector. Fewer matching pods in the node's domains is better.
void Scheduler::Cycle::scoreSpread(const std::vector<NodeId> &nodes, std::vector<std::int64_t> *out)
{
    m_softSpread.clear();
    const bool own = !m_pod->topologySpreadConstraints.empty();
    auto addConstraint = [&](const std::string &key, std::int32_t maxSkew, const LabelSelector &selector) {
        SoftSpread s;
        s.key = m_state.topologyKey(key);
        s.counter = m_state.podCounter({PodClause{{m_pod->ns}, selector}});
        s.hostname = key == kLabelHostname;
        s.maxSkew = maxSkew;
        m_softSpread.push_back(std::move(s));
    };
    if (own) {
        for (const TopologySpreadConstraint &c : m_pod->topologySpreadConstraints) {
            if (c.whenUnsatisfiable == UnsatisfiableAction::ScheduleAnyway)
                addConstraint(c.topologyKey, c.maxSkew, c.labelSelector);
        }
    } else if (m_pod->ownerSelector && !emptySelector(*m_pod->ownerSelector)) {
        addConstraint(kLabelHostname, 3, *m_pod->ownerSelector);
        addConstraint(kLabelZone, 5, *m_pod->ownerSelector);
    }
    if (m_softSpread.empty())
        return;

    // Only the pod's own constraints require every key on a node (so that nodes without a
    // zone label still get hostname spreading from the defaults).
    const bool requireAll = own;
    auto hasAll = [&](NodeId node) {
        return std::all_of(m_softSpread.begin(), m_softSpread.end(),
                           [&](const SoftSpread &s) { return m_state.domainOf(s.key, node) >= 0; });
    };
    std::vector<char> ignored(nodes.size(), 0);
    int considered = 0;
    for (SoftSpread &s : m_softSpread) {
        // Hostname domains are single nodes: counted per node in Score instead.
        s.perDomain.assign(s.hostname ? 0 : at(m_state.domainCount(s.key)), 0);
        s.present.assign(s.perDomain.size() + 1, 0); // last slot: nodes without the key
    }
    std::vector<int> topologySize(m_softSpread.size(), 0);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (requireAll && !hasAll(nodes[i])) {
            ignored[i] = 1;
            continue;
        }
        ++considered;
        for (std::size_t c = 0; c < m_softSpread.size(); ++c) {
            SoftSpread &s = m_softSpread[c];
            if (s.hostname)
                continue;
            const int domain = m_state.domainOf(s.key, nodes[i]);
            const std::size_t slot = domain < 0 ? s.perDomain.size() : at(domain);
            if (!s.present[slot]) {
                s.present[slot] = 1;
                ++topologySize[c];
            }
        }
    }
    for (std::size_t c = 0; c < m_softSpread.size(); ++c) {
        SoftSpread &s = m_softSpread[c];
        const int size = s.hostname ? considered : topologySize[c];
        s.weight = std::log(static_cast<double>(size + 2));
    }
    // Matching pods per domain, over all nodes that pass the pod's node affinity (and carry
    // every key, for the pod's own constraints).
    std::vector<int> keys;
    for (const SoftSpread &s : m_softSpread)
        keys.push_back(s.key);
    const bool everyNode = allNodesEligible(requireAll ? keys : std::vector<int>{});
    for (SoftSpread &s : m_softSpread) {
        if (s.hostname || m_state.counterTotal(s.counter) == 0)
            continue;
        if (everyNode) {
            const std::vector<std::int64_t> &totals = m_state.counterPerDomain(s.counter, s.key);
            for (std::size_t d = 0; d < totals.size() && d < s.perDomain.size(); ++d)
                s.perDomain[d] = s.present[d] ? totals[d] : 0;
            continue;
        }
        const auto &perNode = m_state.counterPerNode(s.counter);
        for (NodeId node : m_state.nodeOrder()) {
            if (at(node) >= perNode.size() || perNode[at(node)] == 0)
                continue;
            const int domain = m_state.domainOf(s.key, node);
            if (domain < 0 || !s.present[at(domain)])
                continue;
            if ((requireAll && !hasAll(node)) || !requiredAffinityHolds(node))
                continue;
            s.perDomain[at(domain)] += perNode[at(node)];
        }
    }

    std::int64_t minScore = std::numeric_limits<std::int64_t>::max();
    std::int64_t maxScore = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (ignored[i])
            continue;
        double sum = 0;
        for (const SoftSpread &s : m_softSpread) {
            const int domain = m_state.domainOf(s.key, nodes[i]);
            if (domain < 0)
                continue;
            std::int64_t count;
            if (s.hostname) {
                const auto &perNode = m_state.counterPerNode(s.counter);
                count = at(nodes[i]) < perNode.size() ? perNode[at(nodes[i])] : 0;
            } else {
                count = s.perDomain[at(domain)];
            }
            sum += static_cast<double>(count) * s.weight + static_cast<double>(s.maxSkew - 1);
        }
        (*out)[i] = static_cast<std::int64_t>(std::round(sum));
        minScore = std::min(minScore, (*out)[i]);
        maxScore = std::max(maxScore, (*out)[i]);
    }
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (ignored[i])
            (*out)[i] = 0;
        else if (maxScore == 0)
            (*out)[i] = kMaxNodeScore;
        else
            (*out)[i] = smallQuotient(kMaxNodeScore * (maxScore + minScore - (*out)[i]), maxScore);
    }
}

// InterPodAffinity: per topology domain, + the weights of the pod's preferred affinity terms
// matched by existing pods, - those of its preferred anti-affinity terms, + the existing
// pods' required affinity (hardPodAffinityWeight) and preferred terms that match this pod.
// Min-max normalized.
void Scheduler::Cycle::scoreInterPod(const std::vector<NodeId> &nodes, std::vector<std::int64_t> *out)
{
    m_topologyScore.clear();
    bool any = false;
    auto addCounter = [&](const WeightedPodAffinityTerm &term, std::int64_t sign) {
        if (term.weight == 0)
            return;
        const std::vector<std::string> namespaces = term.term.namespaces.empty() ? std::vector<std::string>{m_pod->ns} : term.term.namespaces;
        const int counter = m_state.podCounter({PodClause{namespaces, term.term.labelSelector}});
        if (m_state.counterTotal(counter) == 0)
            return;
        const int key = m_state.topologyKey(term.term.topologyKey);
        auto &perDomain = countsFor(m_topologyScore, key);
        const std::vector<std::int64_t> &totals = m_state.counterPerDomain(counter, key);
        for (std::size_t d = 0; d < totals.size() && d < perDomain.size(); ++d) {
            if (totals[d] != 0) {
                perDomain[d] += sign * term.weight * totals[d];
                any = true;
            }
        }
    };
    for (const WeightedPodAffinityTerm &term : m_pod->preferredPodAffinity)
        addCounter(term, +1);
    for (const WeightedPodAffinityTerm &term : m_pod->preferredPodAntiAffinity)
        addCounter(term, -1);

    auto addGroups = [&](TermKind kind, std::int64_t sign) {
        for (int g : m_state.termGroups(kind)) {
            const TermGroup &group = m_state.termGroup(g);
            const std::int64_t weight = kind == TermKind::RequiredAffinity ? m_hardPodAffinityWeight : group.weight;
            if (group.total == 0 || weight == 0 || !termMatchesPod(group.namespaces, group.selector, m_pod->ns, m_pod->labels))
                continue;
            auto &perDomain = countsFor(m_topologyScore, group.topologyKey);
            for (std::size_t d = 0; d < group.perDomain.size(); ++d) {
                if (group.perDomain[d] != 0) {
                    perDomain[d] += sign * weight * group.perDomain[d];
                    any = true;
                }
            }
        }
    };
    addGroups(TermKind::RequiredAffinity, +1);
    addGroups(TermKind::PreferredAffinity, +1);
    addGroups(TermKind::PreferredAntiAffinity, -1);
    if (!any)
        return;

    std::int64_t minCount = std::numeric_limits<std::int64_t>::max();
    std::int64_t maxCount = std::numeric_limits<std::int64_t>::min();
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        std::int64_t sum = 0;
        for (const DomainCounts &counts : m_topologyScore) {
            const int domain = m_state.domainOf(counts.key, nodes[i]);
            if (domain >= 0 && at(domain) < counts.perDomain.size())
                sum += counts.perDomain[at(domain)];
        }
        (*out)[i] = sum;
        minCount = std::min(minCount, sum);
        maxCount = std::max(maxCount, sum);
    }
    const std::int64_t diff = maxCount - minCount;
    for (std::int64_t &s : *out) {
        double value = 0;
        if (diff > 0)
            value = static_cast<double>(kMaxNodeScore) * (static_cast<double>(s - minCount) / static_cast<double>(diff));
        s = static_cast<std::int64_t>(value);
    }
}

} // namespace quorum::scheduler
