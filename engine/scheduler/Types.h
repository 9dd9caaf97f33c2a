#pragma once

// Typed inputs of the scheduler: the parts of a Kubernetes Node and Pod that kube-scheduler's
// default profile reads. Quantities are plain integers (millicores, bytes, pod counts); the
// cluster engine converts API objects into these types, so nothing here parses YAML or JSON.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace quorum::scheduler {

/// Label sets are ordered so that traces and iteration are deterministic.
using Labels = std::map<std::string, std::string, std::less<>>;

inline constexpr const char *kLabelHostname = "kubernetes.io/hostname";
inline constexpr const char *kLabelZone = "topology.kubernetes.io/zone";
inline constexpr const char *kLabelRegion = "topology.kubernetes.io/region";
inline constexpr const char *kTaintUnschedulable = "node.kubernetes.io/unschedulable";
inline constexpr const char *kTaintNotReady = "node.kubernetes.io/not-ready";
inline constexpr const char *kTaintUnreachable = "node.kubernetes.io/unreachable";

enum class TaintEffect : std::uint8_t { NoSchedule, PreferNoSchedule, NoExecute };

struct Taint {
    std::string key;
    std::string value;
    TaintEffect effect = TaintEffect::NoSchedule;
};

/// What a pod asks for (the sum over its containers; init containers are the caller's job).
struct Resources {
    std::int64_t milliCpu = 0;
    std::int64_t memory = 0; ///< bytes
};

struct Allocatable {
    std::int64_t milliCpu = 0;
    std::int64_t memory = 0; ///< bytes
    std::int64_t pods = 110;
};

/// A node as the scheduler sees it. `labels` should carry kubernetes.io/hostname and, when the
/// node has one, topology.kubernetes.io/zone (the node order and the default spreading use them).
struct NodeInfo {
    std::string name;
    Labels labels;
    std::vector<Taint> taints;
    Allocatable allocatable;
    bool unschedulable = false; ///< spec.unschedulable (kubectl cordon)
};

/// Operators of node selector requirements; label selectors accept only the first four.
enum class Operator : std::uint8_t { In, NotIn, Exists, DoesNotExist, Gt, Lt };

struct Requirement {
    std::string key;
    Operator op = Operator::In;
    std::vector<std::string> values; ///< In/NotIn: one or more; Gt/Lt: exactly one integer
};

/// One nodeSelectorTerm: its matchExpressions are ANDed. A term without expressions matches
/// no node (as in Kubernetes).
struct NodeSelectorTerm {
    std::vector<Requirement> matchExpressions;
};

struct PreferredSchedulingTerm {
    std::int32_t weight = 1; ///< 1..100
    NodeSelectorTerm preference;
};

/// metav1.LabelSelector: matchLabels and matchExpressions are ANDed; an empty selector
/// matches every pod.
struct LabelSelector {
    Labels matchLabels;
    std::vector<Requirement> matchExpressions;
};

enum class TolerationOperator : std::uint8_t { Equal, Exists };

struct Toleration {
    std::string key; ///< empty with Exists: tolerates every taint
    TolerationOperator op = TolerationOperator::Equal;
    std::string value;
    std::optional<TaintEffect> effect;             ///< empty: all effects
    std::optional<std::int64_t> tolerationSeconds; ///< NoExecute eviction delay (not used here)
};

struct PodAffinityTerm {
    LabelSelector labelSelector;
    std::vector<std::string> namespaces; ///< empty: the namespace of the pod owning the term
    std::string topologyKey;
};

struct WeightedPodAffinityTerm {
    std::int32_t weight = 1; ///< 1..100
    PodAffinityTerm term;
};

enum class UnsatisfiableAction : std::uint8_t { DoNotSchedule, ScheduleAnyway };

struct TopologySpreadConstraint {
    std::int32_t maxSkew = 1;
    std::string topologyKey;
    UnsatisfiableAction whenUnsatisfiable = UnsatisfiableAction::DoNotSchedule;
    LabelSelector labelSelector;
    std::optional<std::int32_t> minDomains;
};

/// A pod to schedule, or one already bound. `requests` is the sum over its containers.
struct PodSpec {
    std::string ns = "default";
    std::string name;
    Labels labels;
    Resources requests;
    /// Requests as least-allocated scoring counts them: each container that requests no cpu
    /// (memory) counts 100m (200 MiB). Empty: derived from `requests` as for one container.
    std::optional<Resources> nonZeroRequests;
    Labels nodeSelector;
    std::vector<NodeSelectorTerm> requiredNodeAffinity; ///< ORed; empty: no requirement
    std::vector<PreferredSchedulingTerm> preferredNodeAffinity;
    std::vector<Toleration> tolerations;
    std::vector<PodAffinityTerm> requiredPodAffinity;
    std::vector<PodAffinityTerm> requiredPodAntiAffinity;
    std::vector<WeightedPodAffinityTerm> preferredPodAffinity;
    std::vector<WeightedPodAffinityTerm> preferredPodAntiAffinity;
    std::vector<TopologySpreadConstraint> topologySpreadConstraints;
    /// The selector of the Service / ReplicaSet / StatefulSet / ReplicationController that owns
    /// the pod. When set and the pod has no topologySpreadConstraints of its own, the system
    /// default spreading (hostname maxSkew 3, zone maxSkew 5, ScheduleAnyway) applies with it.
    std::optional<LabelSelector> ownerSelector;
};

} // namespace quorum::scheduler
