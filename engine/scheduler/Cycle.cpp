// PreFilter and Filter of the default profile's filter plugins.

#include "engine/scheduler/Cycle.h"

#include "engine/scheduler/Matching.h"

#include <algorithm>
#include <limits>

namespace quorum::scheduler {

namespace {

// Rejection::detail values.
constexpr std::uint8_t kTooManyPods = 1;
constexpr std::uint8_t kInsufficientCpu = 2;
constexpr std::uint8_t kInsufficientMemory = 4;
constexpr std::uint8_t kSpreadSkew = 0;
constexpr std::uint8_t kSpreadMissingLabel = 1;
constexpr std::uint8_t kAffinityRules = 0;
constexpr std::uint8_t kAntiAffinityRules = 1;
constexpr std::uint8_t kExistingAntiAffinity = 2;

std::vector<std::string> termNamespaces(const PodAffinityTerm &term, const PodSpec &owner)
{
    return term.namespaces.empty() ? std::vector<std::string>{owner.ns} : term.namespaces;
}

std::size_t at(int index)
{
    return static_cast<std::size_t>(index);
}

} // namespace

Scheduler::Cycle::Cycle(const ClusterState &state, std::int32_t hardPodAffinityWeight)
    : m_state(state), m_hardPodAffinityWeight(hardPodAffinityWeight)
{
}

bool Scheduler::Cycle::requiredAffinityHolds(NodeId node) const
{
    return !m_hasNodeAffinity || matchesRequiredNodeAffinity(*m_pod, m_state.node(node).labels);
}

bool Scheduler::Cycle::hasKeys(NodeId node, const std::vector<int> &keys) const
{
    return std::all_of(keys.begin(), keys.end(), [&](int key) { return m_state.domainOf(key, node) >= 0; });
}

std::vector<std::int64_t> &Scheduler::Cycle::countsFor(std::vector<DomainCounts> &list, int key)
{
    for (DomainCounts &counts : list) {
        if (counts.key == key)
            return counts.perDomain;
    }
    list.push_back({key, std::vector<std::int64_t>(at(m_state.domainCount(key)), 0)});
    return list.back().perDomain;
}

void Scheduler::Cycle::sumPerDomain(int counter, int key, std::vector<std::int64_t> *perDomain)
{
    const std::vector<std::int64_t> &totals = m_state.counterPerDomain(counter, key);
    for (std::size_t d = 0; d < totals.size() && d < perDomain->size(); ++d)
        (*perDomain)[d] += totals[d];
}

bool Scheduler::Cycle::allNodesEligible(const std::vector<int> &keys) const
{
    return !m_hasNodeAffinity && std::all_of(keys.begin(), keys.end(), [&](int key) { return m_state.keyOnAllNodes(key); });
}

void Scheduler::Cycle::preFilter(const PodSpec &pod)
{
    m_pod = &pod;
    m_toleratesUnschedulable = toleratedByAny(pod.tolerations, Taint{kTaintUnschedulable, {}, TaintEffect::NoSchedule});
    m_hasNodeAffinity = !pod.nodeSelector.empty() || !pod.requiredNodeAffinity.empty();
    preFilterSpread();
    preFilterInterPod();
}

// PodTopologySpread.PreFilter: per DoNotSchedule constraint, matching pods per domain over the
// nodes that pass the pod's required node affinity and carry every constraint's key, and the
// minimum over those domains.
void Scheduler::Cycle::preFilterSpread()
{
    m_hardSpread.clear();
    m_hardSpreadKeys.clear();
    for (const TopologySpreadConstraint &c : m_pod->topologySpreadConstraints) {
        if (c.whenUnsatisfiable != UnsatisfiableAction::DoNotSchedule)
            continue;
        HardSpread h;
        h.key = m_state.topologyKey(c.topologyKey);
        h.counter = m_state.podCounter({PodClause{{m_pod->ns}, c.labelSelector}});
        h.maxSkew = c.maxSkew;
        h.minDomains = c.minDomains.value_or(1);
        h.selfMatch = matchesSelector(c.labelSelector, m_pod->labels) ? 1 : 0;
        m_hardSpreadKeys.push_back(h.key);
        m_hardSpread.push_back(std::move(h));
    }
    if (m_hardSpread.empty())
        return;
    for (HardSpread &h : m_hardSpread) {
        h.perDomain.assign(at(m_state.domainCount(h.key)), 0);
        h.eligible.assign(h.perDomain.size(), 0);
    }
    if (allNodesEligible(m_hardSpreadKeys)) {
        // Every node counts: the cluster's per-domain totals are the answer.
        for (HardSpread &h : m_hardSpread) {
            sumPerDomain(h.counter, h.key, &h.perDomain);
            for (std::size_t d = 0; d < h.eligible.size(); ++d)
                h.eligible[d] = m_state.nodesInDomain(h.key, static_cast<int>(d)) > 0 ? 1 : 0;
        }
    } else {
        for (NodeId node : m_state.nodeOrder()) {
            if (!hasKeys(node, m_hardSpreadKeys) || !requiredAffinityHolds(node))
                continue;
            for (HardSpread &h : m_hardSpread) {
                const auto domain = at(m_state.domainOf(h.key, node));
                h.eligible[domain] = 1;
                const auto &perNode = m_state.counterPerNode(h.counter);
                if (at(node) < perNode.size())
                    h.perDomain[domain] += perNode[at(node)];
            }
        }
    }
    for (HardSpread &h : m_hardSpread) {
        h.minMatch = std::numeric_limits<std::int32_t>::max();
        h.domains = 0;
        for (std::size_t d = 0; d < h.perDomain.size(); ++d) {
            if (!h.eligible[d])
                continue;
            ++h.domains;
            h.minMatch = std::min(h.minMatch, h.perDomain[d]);
        }
        if (h.domains < h.minDomains)
            h.minMatch = 0;
    }
}

// InterPodAffinity.PreFilter: existing pods' anti-affinity terms that match this pod, and
// per-domain counts of existing pods matching this pod's required (anti-)affinity terms.
void Scheduler::Cycle::preFilterInterPod()
{
    m_blockingGroups.clear();
    for (int g : m_state.termGroups(TermKind::RequiredAntiAffinity)) {
        const TermGroup &group = m_state.termGroup(g);
        if (group.total > 0 && termMatchesPod(group.namespaces, group.selector, m_pod->ns, m_pod->labels))
            m_blockingGroups.push_back(g);
    }

    m_affinityTerms.clear();
    m_affinityCounts.clear();
    m_affinityCountsEmpty = true;
    m_podMatchesOwnAffinity = !m_pod->requiredPodAffinity.empty();
    if (!m_pod->requiredPodAffinity.empty()) {
        // An existing pod counts for the affinity terms only if it matches all of them.
        std::vector<PodClause> clauses;
        for (const PodAffinityTerm &term : m_pod->requiredPodAffinity) {
            clauses.push_back({termNamespaces(term, *m_pod), term.labelSelector});
            if (!termMatchesPod(clauses.back().namespaces, term.labelSelector, m_pod->ns, m_pod->labels))
                m_podMatchesOwnAffinity = false;
        }
        const int counter = m_state.podCounter(clauses);
        for (const PodAffinityTerm &term : m_pod->requiredPodAffinity) {
            const int key = m_state.topologyKey(term.topologyKey);
            m_affinityTerms.push_back({key, counter});
        }
        for (const PodTerm &term : m_affinityTerms) {
            auto &perDomain = countsFor(m_affinityCounts, term.key);
            sumPerDomain(term.counter, term.key, &perDomain);
        }
        for (const DomainCounts &counts : m_affinityCounts) {
            if (std::any_of(counts.perDomain.begin(), counts.perDomain.end(), [](std::int64_t n) { return n > 0; }))
                m_affinityCountsEmpty = false;
        }
    }

    m_antiTerms.clear();
    m_antiCounts.clear();
    m_antiCountsEmpty = true;
    for (const PodAffinityTerm &term : m_pod->requiredPodAntiAffinity) {
        const int key = m_state.topologyKey(term.topologyKey);
        const int counter = m_state.podCounter({PodClause{termNamespaces(term, *m_pod), term.labelSelector}});
        m_antiTerms.push_back({key, counter});
    }
    for (const PodTerm &term : m_antiTerms) {
        auto &perDomain = countsFor(m_antiCounts, term.key);
        sumPerDomain(term.counter, term.key, &perDomain);
        if (m_state.counterTotal(term.counter) > 0)
            m_antiCountsEmpty = false;
    }
}

bool Scheduler::Cycle::filter(NodeId node, Rejection *why) const
{
    const NodeSummary &summary = m_state.summary(node);

    // NodeUnschedulable
    if (summary.unschedulable && !m_toleratesUnschedulable) {
        *why = {FilterPlugin::NodeUnschedulable, true, 0, -1};
        return false;
    }

    // TaintToleration
    if (summary.hasHardTaints) {
        const int taint = firstUntoleratedHardTaint(m_state.node(node).taints, m_pod->tolerations);
        if (taint >= 0) {
            *why = {FilterPlugin::TaintToleration, true, 0, static_cast<std::int16_t>(taint)};
            return false;
        }
    }

    // NodeAffinity
    if (m_hasNodeAffinity && !matchesRequiredNodeAffinity(*m_pod, m_state.node(node).labels)) {
        *why = {FilterPlugin::NodeAffinity, true, 0, -1};
        return false;
    }

    // NodeResourcesFit
    {
        const NodeUsage &usage = summary.usage;
        const Allocatable &allocatable = summary.allocatable;
        const Resources &request = m_pod->requests;
        std::uint8_t insufficient = 0;
        bool unresolvable = false;
        if (usage.pods + 1 > allocatable.pods)
            insufficient |= kTooManyPods;
        if (request.milliCpu > 0 && request.milliCpu > allocatable.milliCpu - usage.requested.milliCpu) {
            insufficient |= kInsufficientCpu;
            unresolvable = unresolvable || request.milliCpu > allocatable.milliCpu;
        }
        if (request.memory > 0 && request.memory > allocatable.memory - usage.requested.memory) {
            insufficient |= kInsufficientMemory;
            unresolvable = unresolvable || request.memory > allocatable.memory;
        }
        if (insufficient) {
            *why = {FilterPlugin::NodeResourcesFit, unresolvable, insufficient, -1};
            return false;
        }
    }

    // PodTopologySpread
    for (const HardSpread &h : m_hardSpread) {
        const int domain = m_state.domainOf(h.key, node);
        if (domain < 0) {
            *why = {FilterPlugin::PodTopologySpread, true, kSpreadMissingLabel, -1};
            return false;
        }
        const std::int64_t matching = at(domain) < h.perDomain.size() ? h.perDomain[at(domain)] : 0;
        if (matching + h.selfMatch - h.minMatch > h.maxSkew) {
            *why = {FilterPlugin::PodTopologySpread, false, kSpreadSkew, -1};
            return false;
        }
    }

    // InterPodAffinity
    if (!m_affinityTerms.empty()) {
        bool podsExist = true;
        for (std::size_t i = 0; i < m_affinityTerms.size(); ++i) {
            const PodTerm &term = m_affinityTerms[i];
            const int domain = m_state.domainOf(term.key, node);
            if (domain < 0) {
                *why = {FilterPlugin::InterPodAffinity, true, kAffinityRules, -1};
                return false;
            }
            const std::vector<std::int64_t> *counts = nullptr;
            for (const DomainCounts &c : m_affinityCounts) {
                if (c.key == term.key)
                    counts = &c.perDomain;
            }
            if (!counts || at(domain) >= counts->size() || (*counts)[at(domain)] <= 0)
                podsExist = false;
        }
        // The first pod of a group with affinity to itself may go anywhere the keys exist.
        if (!podsExist && !(m_affinityCountsEmpty && m_podMatchesOwnAffinity)) {
            *why = {FilterPlugin::InterPodAffinity, true, kAffinityRules, -1};
            return false;
        }
    }
    if (!m_antiCountsEmpty) {
        for (const PodTerm &term : m_antiTerms) {
            const int domain = m_state.domainOf(term.key, node);
            if (domain < 0)
                continue;
            for (const DomainCounts &c : m_antiCounts) {
                if (c.key == term.key && at(domain) < c.perDomain.size() && c.perDomain[at(domain)] > 0) {
                    *why = {FilterPlugin::InterPodAffinity, false, kAntiAffinityRules, -1};
                    return false;
                }
            }
        }
    }
    for (int g : m_blockingGroups) {
        const TermGroup &group = m_state.termGroup(g);
        const int domain = m_state.domainOf(group.topologyKey, node);
        if (domain >= 0 && at(domain) < group.perDomain.size() && group.perDomain[at(domain)] > 0) {
            *why = {FilterPlugin::InterPodAffinity, false, kExistingAntiAffinity, -1};
            return false;
        }
    }
    return true;
}

NodeStatus Scheduler::Cycle::status(NodeId node, const Rejection &why) const
{
    NodeStatus status;
    status.node = node;
    status.nodeName = m_state.node(node).name;
    status.plugin = why.plugin;
    status.code = why.unresolvable ? StatusCode::UnschedulableAndUnresolvable : StatusCode::Unschedulable;
    auto &reasons = status.reasons;
    switch (why.plugin) {
    case FilterPlugin::NodeUnschedulable:
        reasons.emplace_back("node(s) were unschedulable");
        break;
    case FilterPlugin::TaintToleration: {
        const Taint &taint = m_state.node(node).taints[at(why.taint)];
        reasons.push_back("node(s) had untolerated taint {" + taint.key + ": " + taint.value + "}");
        break;
    }
    case FilterPlugin::NodeAffinity:
        reasons.emplace_back("node(s) didn't match Pod's node affinity/selector");
        break;
    case FilterPlugin::NodeResourcesFit:
        if (why.detail & kTooManyPods)
            reasons.emplace_back("Too many pods");
        if (why.detail & kInsufficientCpu)
            reasons.emplace_back("Insufficient cpu");
        if (why.detail & kInsufficientMemory)
            reasons.emplace_back("Insufficient memory");
        break;
    case FilterPlugin::PodTopologySpread:
        reasons.emplace_back(why.detail == kSpreadMissingLabel
                                 ? "node(s) didn't match pod topology spread constraints (missing required label)"
                                 : "node(s) didn't match pod topology spread constraints");
        break;
    case FilterPlugin::InterPodAffinity:
        reasons.emplace_back(why.detail == kAffinityRules       ? "node(s) didn't match pod affinity rules"
                             : why.detail == kAntiAffinityRules ? "node(s) didn't match pod anti-affinity rules"
                                                                : "node(s) didn't satisfy existing pods anti-affinity rules");
        break;
    }
    return status;
}

} // namespace quorum::scheduler
