#pragma once

// The scheduler's view of the cluster (kube-scheduler's cache and snapshot in one): nodes,
// the pods bound to them, and the indexes that keep a scheduling cycle independent of the
// number of pods:
//   * per-node requested resources and pod counts;
//   * topology keys: every node's domain (label value) interned to a small integer per key;
//   * pod counters: for a selector (namespaces + label selector, or an AND of several), how
//     many bound pods match it on each node, kept up to date on bind and remove;
//   * term groups: the affinity / anti-affinity terms of bound pods, grouped by identical
//     term, with how many pods carry the term in each topology domain.
// Counters, keys and groups are created on first use and then maintained incrementally;
// registering one is a cache fill, hence the const methods.
//
// Not thread-safe: one thread owns a ClusterState and the Scheduler reading it.

#include "engine/scheduler/Types.h"

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace quorum::scheduler {

/// A node's slot. Stable while the node exists; reused after removeNode.
using NodeId = std::int32_t;
inline constexpr NodeId kNoNode = -1;

/// kube-scheduler's defaults for scoring pods that request nothing (schedutil.DefaultMilliCPURequest
/// and DefaultMemoryRequest): least-allocated scoring counts them, the fit filter does not.
inline constexpr std::int64_t kDefaultMilliCpuRequest = 100;
inline constexpr std::int64_t kDefaultMemoryRequest = 200LL * 1024 * 1024;

/// The pod's requests for least-allocated scoring: `nonZeroRequests` if given, else `requests`
/// with a zero cpu or memory request replaced by the default above.
Resources nonZeroRequests(const PodSpec &pod);

/// What the pods bound to a node use.
struct NodeUsage {
    Resources requested;        ///< sum of the pods' requests
    Resources nonZeroRequested; ///< same, a pod's zero request counted as the default above
    std::int64_t pods = 0;
};

/// What the filters and scores read of every node, packed together (one cache line or two)
/// because a cycle touches hundreds of nodes.
struct NodeSummary {
    Allocatable allocatable;
    NodeUsage usage;
    bool unschedulable = false;
    bool hasHardTaints = false;   ///< NoSchedule or NoExecute
    bool hasPreferTaints = false; ///< PreferNoSchedule
};

/// One clause of a pod counter: pods in one of `namespaces` whose labels match `selector`.
struct PodClause {
    std::vector<std::string> namespaces; ///< must not be empty
    LabelSelector selector;
};

/// What kind of term a term group holds (terms of pods already bound).
enum class TermKind : std::uint8_t { RequiredAntiAffinity, RequiredAffinity, PreferredAffinity, PreferredAntiAffinity };
inline constexpr std::size_t kTermKinds = 4;

/// Identical affinity terms of bound pods, and how many bound pods carry the term per domain
/// of `topologyKey` (only pods on nodes that have the key count).
struct TermGroup {
    TermKind kind = TermKind::RequiredAntiAffinity;
    std::int32_t weight = 0; ///< preferred terms only
    std::vector<std::string> namespaces;
    LabelSelector selector;
    int topologyKey = -1;                ///< see ClusterState::topologyKey
    std::vector<std::int64_t> perDomain; ///< indexed by domain; may be shorter than domainCount
    std::int64_t total = 0;
};

class ClusterState {
public:
    ClusterState();
    ~ClusterState();
    ClusterState(const ClusterState &) = delete;
    ClusterState &operator=(const ClusterState &) = delete;

    // ---- nodes ----

    /// Adds a node. False (and no change) if a node of that name exists.
    bool addNode(NodeInfo node);
    /// Replaces a node's labels, taints, allocatable and unschedulable flag; its pods stay.
    /// False if there is no node of that name.
    bool updateNode(NodeInfo node);
    /// Removes a node and forgets the pods bound to it (their owner recreates them).
    bool removeNode(std::string_view name);

    /// The node's id, or kNoNode.
    NodeId findNode(std::string_view name) const;
    /// Precondition: `id` names a live node.
    const NodeInfo &node(NodeId id) const { return m_slots[static_cast<std::size_t>(id)].info; }
    const NodeUsage &usage(NodeId id) const { return m_summaries[static_cast<std::size_t>(id)].usage; }
    const NodeSummary &summary(NodeId id) const { return m_summaries[static_cast<std::size_t>(id)]; }
    std::size_t nodeCount() const { return m_nodeByName.size(); }
    /// One past the largest id ever used: the size for arrays indexed by NodeId.
    std::size_t nodeSlots() const { return m_slots.size(); }
    /// Live nodes in kube-scheduler's order: round-robin over zones (its nodeTree), each zone
    /// in the order its nodes were added. The scheduler walks this list from a rotating start.
    const std::vector<NodeId> &nodeOrder() const;

    // ---- pods ----

    /// Binds (assumes) a pod on a node: adds its requests and makes it visible to affinity and
    /// spreading. False if the node does not exist or a pod of that namespace/name is bound.
    /// The state keeps what it reads of bound pods: namespace, name, labels, requests and the
    /// pod (anti-)affinity terms; node selector and affinity, tolerations, spread constraints,
    /// the owner's selector and nonZeroRequests are dropped (findPod shows them empty).
    bool bindPod(PodSpec pod, std::string_view nodeName);
    /// Forgets a bound pod. False if there is none of that namespace/name.
    bool removePod(std::string_view ns, std::string_view name);
    /// The bound pod, or nullptr; `node` receives its node when given.
    const PodSpec *findPod(std::string_view ns, std::string_view name, NodeId *node = nullptr) const;
    std::size_t podCount() const { return m_pods.size(); }
    /// The pods on a node, in no particular order.
    std::vector<const PodSpec *> podsOn(NodeId id) const;

    // ---- indexes (used by the scheduler; creating one is a cache fill) ----

    /// The index of a topology key, registering it on first use.
    int topologyKey(std::string_view key) const;
    /// The node's domain for a registered key (its label value, interned), or -1 if the node
    /// lacks the label.
    int domainOf(int key, NodeId id) const
    {
        const auto &nodes = m_keys[static_cast<std::size_t>(key)]->domainOfNode;
        return static_cast<std::size_t>(id) < nodes.size() ? nodes[static_cast<std::size_t>(id)] : -1;
    }
    /// How many distinct values the key has had (domain ids are never reused).
    int domainCount(int key) const { return static_cast<int>(m_keys[static_cast<std::size_t>(key)]->names.size()); }
    const std::string &domainName(int key, int domain) const
    {
        return m_keys[static_cast<std::size_t>(key)]->names[static_cast<std::size_t>(domain)];
    }
    const std::string &topologyKeyName(int key) const { return m_keys[static_cast<std::size_t>(key)]->key; }
    /// True if every node has a label for the key.
    bool keyOnAllNodes(int key) const { return m_keys[static_cast<std::size_t>(key)]->nodesWithKey == nodeCount(); }
    /// How many nodes are in a domain (0 for values no node has any more).
    std::int32_t nodesInDomain(int key, int domain) const
    {
        const auto &nodes = m_keys[static_cast<std::size_t>(key)]->nodesInDomain;
        return static_cast<std::size_t>(domain) < nodes.size() ? nodes[static_cast<std::size_t>(domain)] : 0;
    }

    /// A counter of bound pods matching every clause, registering it on first use (that scans
    /// all pods once; afterwards bind and remove keep it current).
    int podCounter(const std::vector<PodClause> &clauses) const;
    /// Matching pods per node for a counter (indexed by NodeId, may be shorter than nodeSlots()).
    const std::vector<std::int32_t> &counterPerNode(int counter) const
    {
        return m_counters[static_cast<std::size_t>(counter)]->perNode;
    }
    std::int64_t counterTotal(int counter) const { return m_counters[static_cast<std::size_t>(counter)]->total; }
    /// Matching pods per domain of a topology key for a counter (pods on nodes without the key
    /// are not counted), registering the pair on first use; indexed by domain, may be shorter
    /// than domainCount(key).
    const std::vector<std::int64_t> &counterPerDomain(int counter, int key) const;

    /// Ids of the term groups of a kind (groups are never deleted; skip those with total 0).
    const std::vector<int> &termGroups(TermKind kind) const { return m_groupsByKind[static_cast<std::size_t>(kind)]; }
    const TermGroup &termGroup(int id) const { return m_groups[static_cast<std::size_t>(id)]; }

private:
    struct PodEntry;
    struct KeyIndex {
        std::string key;
        std::vector<std::int32_t> domainOfNode;
        std::vector<std::string> names;
        std::unordered_map<std::string, std::int32_t> ids;
        std::vector<std::int32_t> nodesInDomain;
        std::size_t nodesWithKey = 0;
    };
    struct Counter {
        std::vector<PodClause> clauses;
        std::vector<std::int32_t> perNode;
        std::int64_t total = 0;
        std::deque<std::pair<int, std::vector<std::int64_t>>> perDomain; ///< (key, totals); deque: stable references
    };
    struct NodeSlot {
        bool alive = false;
        NodeInfo info;
        std::vector<PodEntry *> pods;
        std::string zoneKey;
    };

    static std::string podKey(std::string_view ns, std::string_view name);
    void setDomains(NodeId id, const Labels *labels);
    void setDomain(KeyIndex &index, NodeId id, const Labels *labels) const;
    static void forgetPlacementRules(PodSpec &pod);
    void indexPod(PodEntry &entry);
    void unindexPod(PodEntry &entry);
    void labelIndex(PodEntry &entry, bool add);
    /// The key of one label in m_countersByAnchor and m_podsByLabel: "key\x1fvalue", into `out`.
    static void anchorKey(const std::string &key, const std::string &value, std::string &out);
    bool counterMatches(const Counter &counter, const PodSpec &pod) const;
    void countPod(int counter, PodEntry &entry, int delta) const;
    /// Counts `entry` in `counter` (and notes the counter on it) when the counter selects it.
    void countIfMatches(int counter, PodEntry &entry) const;
    int groupFor(TermKind kind, std::int32_t weight, const PodSpec &owner, const PodAffinityTerm &term);
    void addToZone(NodeId id);
    void removeFromZone(NodeId id);

    void summarize(NodeId id);

    std::vector<NodeSlot> m_slots;
    std::vector<NodeSummary> m_summaries; ///< parallel to m_slots
    std::vector<NodeId> m_freeSlots;
    std::unordered_map<std::string, NodeId> m_nodeByName;
    std::unordered_map<std::string, std::unique_ptr<PodEntry>> m_pods;

    // nodeTree: zones in order of first use, nodes per zone in order of addition.
    std::vector<std::string> m_zones;
    std::unordered_map<std::string, std::vector<NodeId>> m_zoneNodes;
    mutable std::vector<NodeId> m_order;
    mutable bool m_orderDirty = false;

    mutable std::vector<std::unique_ptr<KeyIndex>> m_keys;
    mutable std::unordered_map<std::string, int> m_keyByName;
    mutable std::vector<std::unique_ptr<Counter>> m_counters;
    mutable std::unordered_map<std::string, int> m_counterByKey;
    mutable std::unordered_map<std::string, std::vector<int>> m_countersByAnchor; ///< "key\x1fvalue"
    mutable std::vector<int> m_unanchoredCounters;
    /// Bound pods by each of their labels ("key\x1fvalue"): a counter registered later scans
    /// only the pods carrying its anchor label, not all of them.
    std::unordered_map<std::string, std::unordered_set<PodEntry *>> m_podsByLabel;
    std::vector<TermGroup> m_groups;
    std::unordered_map<std::string, int> m_groupByKey;
    std::array<std::vector<int>, kTermKinds> m_groupsByKind;
};

} // namespace quorum::scheduler
