#include "engine/scheduler/ClusterState.h"

#include "engine/scheduler/Matching.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace quorum::scheduler {

struct ClusterState::PodEntry {
    PodSpec spec;
    NodeId node = kNoNode;
    std::size_t position = 0; ///< index in the node's pod list
    Resources nonZero;
    std::vector<int> counters;                   ///< counters this pod is counted in
    std::vector<std::pair<int, int>> groupShare; ///< (term group, domain) this pod adds 1 to
};

namespace {

[[noreturn]] void invariantBroken(const char *what)
{
    std::fprintf(stderr, "scheduler: ClusterState invariant broken: %s\n", what);
    std::abort();
}

/// nodeTree's zone key (utilnode.GetZoneKey): region and zone, "" when the node has neither.
std::string zoneKeyOf(const Labels &labels)
{
    auto value = [&](const char *key, const char *legacy) -> std::string {
        if (auto it = labels.find(key); it != labels.end())
            return it->second;
        if (auto it = labels.find(legacy); it != labels.end())
            return it->second;
        return {};
    };
    const std::string region = value(kLabelRegion, "failure-domain.beta.kubernetes.io/region");
    const std::string zone = value(kLabelZone, "failure-domain.beta.kubernetes.io/zone");
    if (region.empty() && zone.empty())
        return {};
    return region + ":\x00:" + zone;
}

void add(Resources &to, const Resources &r, std::int64_t sign)
{
    to.milliCpu += sign * r.milliCpu;
    to.memory += sign * r.memory;
}

} // namespace

Resources nonZeroRequests(const PodSpec &pod)
{
    if (pod.nonZeroRequests)
        return *pod.nonZeroRequests;
    return {pod.requests.milliCpu != 0 ? pod.requests.milliCpu : kDefaultMilliCpuRequest,
            pod.requests.memory != 0 ? pod.requests.memory : kDefaultMemoryRequest};
}

ClusterState::ClusterState() = default;
ClusterState::~ClusterState() = default;

std::string ClusterState::podKey(std::string_view ns, std::string_view name)
{
    std::string key;
    key.reserve(ns.size() + name.size() + 1);
    key.append(ns).push_back('/');
    key.append(name);
    return key;
}

// ---- nodes ----

bool ClusterState::addNode(NodeInfo node)
{
    if (m_nodeByName.count(node.name))
        return false;
    NodeId id;
    if (!m_freeSlots.empty()) {
        id = m_freeSlots.back();
        m_freeSlots.pop_back();
    } else {
        id = static_cast<NodeId>(m_slots.size());
        m_slots.emplace_back();
        m_summaries.emplace_back();
    }
    NodeSlot &slot = m_slots[static_cast<std::size_t>(id)];
    slot.alive = true;
    slot.pods.clear();
    slot.info = std::move(node);
    m_summaries[static_cast<std::size_t>(id)] = {};
    summarize(id);
    m_nodeByName.emplace(slot.info.name, id);
    setDomains(id, &slot.info.labels);
    addToZone(id);
    return true;
}

bool ClusterState::updateNode(NodeInfo node)
{
    const NodeId id = findNode(node.name);
    if (id == kNoNode)
        return false;
    NodeSlot &slot = m_slots[static_cast<std::size_t>(id)];
    const bool labelsChanged = slot.info.labels != node.labels;
    if (!labelsChanged) {
        slot.info = std::move(node);
        summarize(id);
        return true;
    }
    // Term groups count pods per domain of their node: take the pods out, relabel, put back.
    const std::vector<PodEntry *> pods = slot.pods;
    for (PodEntry *pod : pods)
        unindexPod(*pod);
    // nodeTree moves a node only when its zone changes (to the end of the new zone).
    const bool zoneChanged = zoneKeyOf(node.labels) != slot.zoneKey;
    if (zoneChanged)
        removeFromZone(id);
    slot.info = std::move(node);
    summarize(id);
    setDomains(id, &slot.info.labels);
    if (zoneChanged)
        addToZone(id);
    for (PodEntry *pod : pods)
        indexPod(*pod);
    return true;
}

bool ClusterState::removeNode(std::string_view name)
{
    const NodeId id = findNode(name);
    if (id == kNoNode)
        return false;
    NodeSlot &slot = m_slots[static_cast<std::size_t>(id)];
    const std::vector<PodEntry *> pods = slot.pods;
    for (PodEntry *pod : pods)
        removePod(pod->spec.ns, pod->spec.name);
    removeFromZone(id);
    setDomains(id, nullptr);
    m_nodeByName.erase(slot.info.name);
    slot = NodeSlot{};
    m_freeSlots.push_back(id);
    return true;
}

void ClusterState::summarize(NodeId id)
{
    const NodeInfo &info = m_slots[static_cast<std::size_t>(id)].info;
    NodeSummary &summary = m_summaries[static_cast<std::size_t>(id)];
    summary.allocatable = info.allocatable;
    summary.unschedulable = info.unschedulable;
    summary.hasHardTaints = false;
    summary.hasPreferTaints = false;
    for (const Taint &taint : info.taints)
        (taint.effect == TaintEffect::PreferNoSchedule ? summary.hasPreferTaints : summary.hasHardTaints) = true;
}

NodeId ClusterState::findNode(std::string_view name) const
{
    const auto it = m_nodeByName.find(std::string(name));
    return it == m_nodeByName.end() ? kNoNode : it->second;
}

void ClusterState::addToZone(NodeId id)
{
    NodeSlot &slot = m_slots[static_cast<std::size_t>(id)];
    slot.zoneKey = zoneKeyOf(slot.info.labels);
    auto [it, inserted] = m_zoneNodes.try_emplace(slot.zoneKey);
    if (inserted || it->second.empty()) {
        if (std::find(m_zones.begin(), m_zones.end(), slot.zoneKey) == m_zones.end())
            m_zones.push_back(slot.zoneKey);
    }
    it->second.push_back(id);
    m_orderDirty = true;
}

void ClusterState::removeFromZone(NodeId id)
{
    const NodeSlot &slot = m_slots[static_cast<std::size_t>(id)];
    auto it = m_zoneNodes.find(slot.zoneKey);
    if (it == m_zoneNodes.end())
        invariantBroken("node missing from its zone");
    auto &nodes = it->second;
    nodes.erase(std::find(nodes.begin(), nodes.end(), id));
    if (nodes.empty()) {
        m_zones.erase(std::find(m_zones.begin(), m_zones.end(), slot.zoneKey));
        m_zoneNodes.erase(it);
    }
    m_orderDirty = true;
}

const std::vector<NodeId> &ClusterState::nodeOrder() const
{
    if (!m_orderDirty)
        return m_order;
    m_order.clear();
    m_order.reserve(m_nodeByName.size());
    for (std::size_t round = 0; m_order.size() < m_nodeByName.size(); ++round) {
        for (const std::string &zone : m_zones) {
            const auto &nodes = m_zoneNodes.at(zone);
            if (round < nodes.size())
                m_order.push_back(nodes[round]);
        }
    }
    m_orderDirty = false;
    return m_order;
}

// ---- topology keys ----

void ClusterState::setDomain(KeyIndex &index, NodeId id, const Labels *labels) const
{
    const auto slot = static_cast<std::size_t>(id);
    if (index.domainOfNode.size() <= slot)
        index.domainOfNode.resize(std::max(m_slots.size(), slot + 1), -1);
    std::int32_t domain = -1;
    if (labels) {
        if (const auto it = labels->find(index.key); it != labels->end()) {
            auto [pos, inserted] = index.ids.try_emplace(it->second, static_cast<std::int32_t>(index.names.size()));
            if (inserted)
                index.names.push_back(it->second);
            domain = pos->second;
        }
    }
    const std::int32_t old = index.domainOfNode[slot];
    if (old >= 0) {
        --index.nodesInDomain[static_cast<std::size_t>(old)];
        --index.nodesWithKey;
    }
    if (domain >= 0) {
        if (index.nodesInDomain.size() <= static_cast<std::size_t>(domain))
            index.nodesInDomain.resize(static_cast<std::size_t>(domain) + 1, 0);
        ++index.nodesInDomain[static_cast<std::size_t>(domain)];
        ++index.nodesWithKey;
    }
    index.domainOfNode[slot] = domain;
}

void ClusterState::setDomains(NodeId id, const Labels *labels)
{
    for (auto &index : m_keys)
        setDomain(*index, id, labels);
}

int ClusterState::topologyKey(std::string_view key) const
{
    if (const auto it = m_keyByName.find(std::string(key)); it != m_keyByName.end())
        return it->second;
    auto index = std::make_unique<KeyIndex>();
    index->key = std::string(key);
    index->domainOfNode.assign(m_slots.size(), -1);
    for (std::size_t i = 0; i < m_slots.size(); ++i) {
        if (m_slots[i].alive)
            setDomain(*index, static_cast<NodeId>(i), &m_slots[i].info.labels);
    }
    const int id = static_cast<int>(m_keys.size());
    m_keys.push_back(std::move(index));
    m_keyByName.emplace(std::string(key), id);
    return id;
}

// ---- pod counters ----

bool ClusterState::counterMatches(const Counter &counter, const PodSpec &pod) const
{
    return std::all_of(counter.clauses.begin(), counter.clauses.end(), [&](const PodClause &clause) {
        return termMatchesPod(clause.namespaces, clause.selector, pod.ns, pod.labels);
    });
}

void ClusterState::countPod(int counter, PodEntry &entry, int delta) const
{
    Counter &c = *m_counters[static_cast<std::size_t>(counter)];
    const auto slot = static_cast<std::size_t>(entry.node);
    if (c.perNode.size() <= slot)
        c.perNode.resize(std::max(m_slots.size(), slot + 1), 0);
    c.perNode[slot] += delta;
    c.total += delta;
    for (auto &[key, totals] : c.perDomain) {
        const int domain = domainOf(key, entry.node);
        if (domain < 0)
            continue;
        if (totals.size() <= static_cast<std::size_t>(domain))
            totals.resize(static_cast<std::size_t>(domain) + 1, 0);
        totals[static_cast<std::size_t>(domain)] += delta;
    }
}

const std::vector<std::int64_t> &ClusterState::counterPerDomain(int counter, int key) const
{
    Counter &c = *m_counters[static_cast<std::size_t>(counter)];
    for (const auto &[k, totals] : c.perDomain) {
        if (k == key)
            return totals;
    }
    std::vector<std::int64_t> totals(static_cast<std::size_t>(domainCount(key)), 0);
    for (std::size_t slot = 0; slot < c.perNode.size(); ++slot) {
        if (c.perNode[slot] == 0)
            continue;
        const int domain = domainOf(key, static_cast<NodeId>(slot));
        if (domain >= 0)
            totals[static_cast<std::size_t>(domain)] += c.perNode[slot];
    }
    c.perDomain.emplace_back(key, std::move(totals));
    return c.perDomain.back().second;
}

int ClusterState::podCounter(const std::vector<PodClause> &clauses) const
{
    std::string key;
    for (const PodClause &clause : clauses) {
        for (const std::string &ns : clause.namespaces)
            key.append(ns).push_back(',');
        key.push_back('\x1d');
        appendCanonical(clause.selector, &key);
        key.push_back('\x1c');
    }
    if (const auto it = m_counterByKey.find(key); it != m_counterByKey.end())
        return it->second;

    const int id = static_cast<int>(m_counters.size());
    auto counter = std::make_unique<Counter>();
    counter->clauses = clauses;
    counter->perNode.assign(m_slots.size(), 0);
    m_counters.push_back(std::move(counter));
    m_counterByKey.emplace(std::move(key), id);

    const Labels &anchorLabels = clauses.empty() ? Labels{} : clauses.front().selector.matchLabels;
    if (anchorLabels.empty()) {
        m_unanchoredCounters.push_back(id);
        for (auto &[name, entry] : m_pods)
            countIfMatches(id, *entry);
    } else {
        // A matching pod carries the anchor label: only those are looked at.
        std::string anchor;
        anchorKey(anchorLabels.begin()->first, anchorLabels.begin()->second, anchor);
        if (const auto it = m_podsByLabel.find(anchor); it != m_podsByLabel.end()) {
            for (PodEntry *entry : it->second)
                countIfMatches(id, *entry);
        }
        m_countersByAnchor[std::move(anchor)].push_back(id);
    }
    return id;
}

void ClusterState::anchorKey(const std::string &key, const std::string &value, std::string &out)
{
    out.assign(key).push_back('\x1f');
    out.append(value);
}

void ClusterState::countIfMatches(int counter, PodEntry &entry) const
{
    if (counterMatches(*m_counters[static_cast<std::size_t>(counter)], entry.spec)) {
        countPod(counter, entry, +1);
        entry.counters.push_back(counter);
    }
}

// ---- term groups ----

int ClusterState::groupFor(TermKind kind, std::int32_t weight, const PodSpec &owner, const PodAffinityTerm &term)
{
    std::vector<std::string> namespaces = term.namespaces.empty() ? std::vector<std::string>{owner.ns} : term.namespaces;
    std::sort(namespaces.begin(), namespaces.end());
    std::string key;
    key.push_back(static_cast<char>('0' + static_cast<int>(kind)));
    key.append(std::to_string(weight)).push_back('\x1d');
    for (const std::string &ns : namespaces)
        key.append(ns).push_back(',');
    key.push_back('\x1d');
    appendCanonical(term.labelSelector, &key);
    key.push_back('\x1d');
    key.append(term.topologyKey);
    if (const auto it = m_groupByKey.find(key); it != m_groupByKey.end())
        return it->second;
    const int id = static_cast<int>(m_groups.size());
    TermGroup group;
    group.kind = kind;
    group.weight = weight;
    group.namespaces = std::move(namespaces);
    group.selector = term.labelSelector;
    group.topologyKey = topologyKey(term.topologyKey);
    m_groups.push_back(std::move(group));
    m_groupByKey.emplace(std::move(key), id);
    m_groupsByKind[static_cast<std::size_t>(kind)].push_back(id);
    return id;
}

// ---- pods ----

void ClusterState::indexPod(PodEntry &entry)
{
    const PodSpec &pod = entry.spec;
    if (!m_countersByAnchor.empty()) {
        std::string anchor;
        for (const auto &[k, v] : pod.labels) {
            anchorKey(k, v, anchor);
            if (const auto it = m_countersByAnchor.find(anchor); it != m_countersByAnchor.end()) {
                for (int counter : it->second)
                    countIfMatches(counter, entry);
            }
        }
    }
    for (int counter : m_unanchoredCounters)
        countIfMatches(counter, entry);

    auto share = [&](TermKind kind, std::int32_t weight, const PodAffinityTerm &term) {
        const int g = groupFor(kind, weight, pod, term);
        TermGroup &group = m_groups[static_cast<std::size_t>(g)];
        const int domain = domainOf(group.topologyKey, entry.node);
        if (domain < 0)
            return;
        if (group.perDomain.size() <= static_cast<std::size_t>(domain))
            group.perDomain.resize(static_cast<std::size_t>(domain) + 1, 0);
        ++group.perDomain[static_cast<std::size_t>(domain)];
        ++group.total;
        entry.groupShare.emplace_back(g, domain);
    };
    for (const PodAffinityTerm &term : pod.requiredPodAntiAffinity)
        share(TermKind::RequiredAntiAffinity, 0, term);
    for (const PodAffinityTerm &term : pod.requiredPodAffinity)
        share(TermKind::RequiredAffinity, 0, term);
    for (const WeightedPodAffinityTerm &term : pod.preferredPodAffinity)
        share(TermKind::PreferredAffinity, term.weight, term.term);
    for (const WeightedPodAffinityTerm &term : pod.preferredPodAntiAffinity)
        share(TermKind::PreferredAntiAffinity, term.weight, term.term);
}

void ClusterState::labelIndex(PodEntry &entry, bool add)
{
    std::string anchor;
    for (const auto &[k, v] : entry.spec.labels) {
        anchorKey(k, v, anchor);
        if (add) {
            m_podsByLabel[anchor].insert(&entry);
        } else if (const auto it = m_podsByLabel.find(anchor); it != m_podsByLabel.end()) {
            it->second.erase(&entry);
            if (it->second.empty())
                m_podsByLabel.erase(it);
        }
    }
}

void ClusterState::unindexPod(PodEntry &entry)
{
    for (int counter : entry.counters)
        countPod(counter, entry, -1);
    entry.counters.clear();
    for (const auto &[g, domain] : entry.groupShare) {
        TermGroup &group = m_groups[static_cast<std::size_t>(g)];
        --group.perDomain[static_cast<std::size_t>(domain)];
        --group.total;
    }
    entry.groupShare.clear();
}

namespace {

template <class T>
void release(T &value)
{
    T().swap(value);
}

} // namespace

void ClusterState::forgetPlacementRules(PodSpec &pod)
{
    // Once bound, a pod is read for its name, labels and requests (counters, removal) and its
    // own pod (anti-)affinity terms (term groups); what constrained where it could go is done
    // with. At 150,000 pods this is about 0.5 KB each (the default tolerations, the owner's
    // selector).
    release(pod.nodeSelector);
    release(pod.requiredNodeAffinity);
    release(pod.preferredNodeAffinity);
    release(pod.tolerations);
    release(pod.topologySpreadConstraints);
    pod.ownerSelector.reset();
    pod.nonZeroRequests.reset();
}

bool ClusterState::bindPod(PodSpec pod, std::string_view nodeName)
{
    const NodeId id = findNode(nodeName);
    if (id == kNoNode)
        return false;
    std::string key = podKey(pod.ns, pod.name);
    if (m_pods.count(key))
        return false;
    auto entry = std::make_unique<PodEntry>();
    entry->spec = std::move(pod);
    entry->node = id;
    entry->nonZero = nonZeroRequests(entry->spec);
    forgetPlacementRules(entry->spec);
    NodeSlot &slot = m_slots[static_cast<std::size_t>(id)];
    entry->position = slot.pods.size();
    slot.pods.push_back(entry.get());
    NodeUsage &usage = m_summaries[static_cast<std::size_t>(id)].usage;
    add(usage.requested, entry->spec.requests, +1);
    add(usage.nonZeroRequested, entry->nonZero, +1);
    ++usage.pods;
    indexPod(*entry);
    labelIndex(*entry, true);
    m_pods.emplace(std::move(key), std::move(entry));
    return true;
}

bool ClusterState::removePod(std::string_view ns, std::string_view name)
{
    const auto it = m_pods.find(podKey(ns, name));
    if (it == m_pods.end())
        return false;
    PodEntry &entry = *it->second;
    unindexPod(entry);
    labelIndex(entry, false);
    NodeSlot &slot = m_slots[static_cast<std::size_t>(entry.node)];
    if (slot.pods[entry.position] != &entry)
        invariantBroken("pod list position");
    slot.pods[entry.position] = slot.pods.back();
    slot.pods[entry.position]->position = entry.position;
    slot.pods.pop_back();
    NodeUsage &usage = m_summaries[static_cast<std::size_t>(entry.node)].usage;
    add(usage.requested, entry.spec.requests, -1);
    add(usage.nonZeroRequested, entry.nonZero, -1);
    --usage.pods;
    m_pods.erase(it);
    return true;
}

const PodSpec *ClusterState::findPod(std::string_view ns, std::string_view name, NodeId *node) const
{
    const auto it = m_pods.find(podKey(ns, name));
    if (it == m_pods.end())
        return nullptr;
    if (node)
        *node = it->second->node;
    return &it->second->spec;
}

std::vector<const PodSpec *> ClusterState::podsOn(NodeId id) const
{
    std::vector<const PodSpec *> pods;
    for (const PodEntry *entry : m_slots[static_cast<std::size_t>(id)].pods)
        pods.push_back(&entry->spec);
    return pods;
}

} // namespace quorum::scheduler
