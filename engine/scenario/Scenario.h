#pragma once

// A scenario (a drill): a topology, optional client load, and steps at points of virtual time
// — apply a manifest, scale, inject a fault, heal, check an expectation. Plain data: this
// library parses scenario files (ScenarioYaml.h) and describes them; running them is the
// simulator's job. Format: docs/scenarios.md.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace quorum::scenario {

/// Virtual time or a duration in microseconds (the same unit as telemetry::Micros).
using Micros = std::int64_t;
inline constexpr Micros kMillisecond = 1000;
inline constexpr Micros kSecond = 1000 * kMillisecond;

/// A path from the file, as written and resolved against the scenario file's folder
/// (lexically normalised; absolute paths are kept as they are, normalised).
struct FilePath {
    std::string given;
    std::string resolved;
    bool operator==(const FilePath &) const = default;
};

/// Built-in client load.
struct Load {
    std::string service;  ///< a Service / workload name in the design, or "apiserver" for API writes
    double rate = 0;      ///< requests per second of virtual time, > 0
    bool operator==(const Load &) const = default;
};

/// Which node a fault or heal acts on. Selectors are resolved when the step runs.
struct Target {
    enum class Kind {
        Node,         ///< name is the node name
        EtcdLeader,   ///< "etcd-leader": the node hosting the etcd leader at step time
        LeaseHolder,  ///< "lease-holder:<lease>": the node whose component holds the lease; name is the lease
    };
    Kind kind = Kind::Node;
    std::string name;
    /// The spelling in the file: "cp-1", "etcd-leader", "lease-holder:kube-scheduler".
    std::string text() const;
    /// The inverse of text(): "etcd-leader", "lease-holder:<lease>" (any lease name; readers
    /// check it), else a node name. Pure.
    static Target fromText(std::string_view text);
    bool operator==(const Target &) const = default;
};

/// Control-plane and node components a stop-component fault can stop.
enum class Component { KubeApiserver, Etcd, KubeControllerManager, KubeScheduler, Kubelet, KubeProxy, LoadBalancer };

// ---- steps -----------------------------------------------------------------------------

struct Apply {
    FilePath manifest;
    bool operator==(const Apply &) const = default;
};

struct Scale {
    std::string workload;
    int replicas = 0;
    bool operator==(const Scale &) const = default;
};

struct KillNode {
    Target target;
    bool operator==(const KillNode &) const = default;
};

struct RestartNode {
    Target target;
    bool operator==(const RestartNode &) const = default;
};

struct StopComponent {
    Target target;
    Component component = Component::KubeApiserver;
    bool operator==(const StopComponent &) const = default;
};

/// One entry of a partition group: a node, or every node of a zone ("zone:<zone>").
struct GroupMember {
    enum class Kind { Node, Zone };
    Kind kind = Kind::Node;
    std::string name;
    std::string text() const;  ///< "cp-1" or "zone:b"
    bool operator==(const GroupMember &) const = default;
};

/// Cuts the network between groups (at least two, disjoint). Nodes in no group keep talking to
/// everyone. oneWay: only traffic from the first group to the others is dropped.
struct Partition {
    std::vector<std::vector<GroupMember>> groups;
    bool oneWay = false;
    bool operator==(const Partition &) const = default;
};

struct ZoneOutage {
    std::string zone;
    bool operator==(const ZoneOutage &) const = default;
};

struct SlowDisk {
    Target target;
    Micros fsync = 0;  ///< added fsync latency, > 0
    bool operator==(const SlowDisk &) const = default;
};

using Fault = std::variant<KillNode, RestartNode, StopComponent, Partition, ZoneOutage, SlowDisk>;

/// heal: all | {target: <node>} | {partition: true}
struct Heal {
    enum class Scope {
        All,        ///< every fault: nodes restarted, components started, network and disks healed
        Node,       ///< faults on `target` (restart it, start its components, heal its disk)
        Partition,  ///< network partitions only
    };
    Scope scope = Scope::All;
    Target target;  ///< set when scope == Node
    bool operator==(const Heal &) const = default;
};

// ---- expectations (all durations relative to the step's time) ---------------------------

/// A leader other than the one at step time (or any leader, if there was none) within `within`.
struct EtcdLeaderElected {
    Micros within = 0;
    bool operator==(const EtcdLeaderElected &) const = default;
};

/// API writes succeed (value true) or fail (value false) within `within`.
struct WritesAvailable {
    bool value = true;
    Micros within = 0;
    bool operator==(const WritesAvailable &) const = default;
};

/// The lease (kube-controller-manager or kube-scheduler) gets a new holder within `within`.
struct LeaseHolderChanged {
    std::string lease;
    Micros within = 0;
    bool operator==(const LeaseHolderChanged &) const = default;
};

/// The node's Ready condition reaches `value` not before `after` and no later than `within`.
struct NodeReady {
    std::string node;
    bool value = true;
    std::optional<Micros> after;
    Micros within = 0;
    bool operator==(const NodeReady &) const = default;
};

/// At least `count` pods of the workload are Running (and Ready, when `ready`) within `within`.
struct PodsRunning {
    std::string workload;
    int count = 0;
    bool ready = true;
    Micros within = 0;
    bool operator==(const PodsRunning &) const = default;
};

/// The built-in client load succeeds at least `atLeast` percent over [step, step + over).
struct ClientSuccessRate {
    double atLeast = 0;  ///< percent, 0..100
    Micros over = 0;
    bool operator==(const ClientSuccessRate &) const = default;
};

/// No pod gets scheduled during [step, step + over).
struct NoPodsScheduled {
    Micros over = 0;
    bool operator==(const NoPodsScheduled &) const = default;
};

using Expectation = std::variant<EtcdLeaderElected, WritesAvailable, LeaseHolderChanged, NodeReady, PodsRunning,
                                 ClientSuccessRate, NoPodsScheduled>;

/// What a step does.
using Action = std::variant<Apply, Scale, Fault, Heal, Expectation>;

struct Step {
    Micros at = 0;  ///< virtual time from the start of the run; non-decreasing over the steps
    Action action;
    int line = 0;   ///< 1-based line of the step in the file, for messages; 0 when unknown
    std::string explain; ///< the author's explanation for drills (`explain:`); empty when not given
    bool operator==(const Step &) const = default;
};

struct Scenario {
    std::string file;         ///< the file name given to the parser
    std::string name;         ///< metadata.name
    std::string description;  ///< metadata.description
    std::optional<FilePath> topology;
    std::optional<std::uint64_t> seed;
    Micros duration = 0;      ///< total virtual time to run, > 0; every step's `at` is within it
    std::optional<Load> load;
    std::vector<Step> steps;
    bool operator==(const Scenario &) const = default;
};

// ---- spellings and descriptions -------------------------------------------------------

/// YAML spellings: "kill-node", "stop-component", ...; "kube-apiserver", "load-balancer", ...;
/// "etcdLeaderElected", "clientSuccessRate", ...
const char *faultKindName(const Fault &fault);
const char *toString(Component component);
std::optional<Component> componentFromString(std::string_view text);
const char *expectationKindName(const Expectation &expectation);

/// One line for a step, without its time: "fault kill-node etcd-leader",
/// "expect etcdLeaderElected within 3s", "scale web replicas=5".
std::string describeAction(const Action &action);
/// "60.000s  fault kill-node etcd-leader".
std::string describe(const Step &step);
/// One line per step, times right-aligned to the widest, as quorumctl prints them.
std::vector<std::string> describe(const Scenario &scenario);

} // namespace quorum::scenario
