#pragma once

// A periodic snapshot of the cluster (typically one per second of virtual time): what the
// monitor charts. Counters that cover a window (latencies, client requests, backend requests)
// cover the time since the previous sample.

#include "engine/telemetry/Types.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::telemetry {

/// Raft roles, as etcd-io/raft names them.
enum class RaftRole { Follower, Candidate, PreCandidate, Leader };

/// Pod phases as the monitor counts them (Kubernetes phases plus the two states kubectl shows).
enum class PodPhase { Pending, ContainerCreating, Running, Succeeded, Failed, Terminating };
inline constexpr std::size_t kPodPhaseCount = 6;

struct RaftMemberSample {
    std::string name;        ///< member name, e.g. "cp-1"
    bool up = false;
    RaftRole role = RaftRole::Follower;
    std::uint64_t term = 0;
    std::uint64_t commit = 0;
    std::uint64_t applied = 0;
    std::string leaderName;  ///< whom this member believes leads; empty when none
    bool operator==(const RaftMemberSample &) const = default;
};

struct QuorumSample {
    int votersUp = 0;
    int votersTotal = 0;
    int needed = 0;                ///< votersTotal / 2 + 1
    bool writesAvailable = false;  ///< an API write issued now would commit
    bool operator==(const QuorumSample &) const = default;
};

/// Latency percentiles over the sample window, in milliseconds; 0 when there was no request.
struct LatencyMs {
    double p50 = 0;
    double p99 = 0;
    bool operator==(const LatencyMs &) const = default;
};

struct NodeCounts {
    int ready = 0;
    int notReady = 0;
    int unknown = 0;
    int total = 0;
    bool operator==(const NodeCounts &) const = default;
};

/// Pod counts indexed by PodPhase.
struct PodCounts {
    std::array<int, kPodPhaseCount> byPhase{};
    int &operator[](PodPhase p) { return byPhase[static_cast<std::size_t>(p)]; }
    int operator[](PodPhase p) const { return byPhase[static_cast<std::size_t>(p)]; }
    bool operator==(const PodCounts &) const = default;
};

struct WorkloadSample {
    int running = 0;
    int ready = 0;
    int desired = 0;
    bool operator==(const WorkloadSample &) const = default;
};

struct LoadBalancerSample {
    int healthyBackends = 0;
    int totalBackends = 0;
    bool operator==(const LoadBalancerSample &) const = default;
};

/// Built-in client load over the sample window.
struct ClientSample {
    std::uint64_t requests = 0;
    std::uint64_t successes = 0;
    std::uint64_t failures = 0;
    double successRate = 100;  ///< percent, 0..100; 100 by convention when there was no request
    LatencyMs latency;
    bool operator==(const ClientSample &) const = default;
};

/// A pod as the diagram marks it on its node.
struct PodMarkSample {
    std::string name;      ///< "<namespace>/<name>"
    std::string workload;
    PodPhase phase = PodPhase::Pending;
    bool ready = false;
    bool operator==(const PodMarkSample &) const = default;
};

/// One node as the diagram shows it (recorded so that a replay can show it again).
struct NodeStateSample {
    std::string name;
    bool up = false;
    std::string ready;                      ///< Node Ready condition: True, False, Unknown, "" (no Node)
    bool partitioned = false;
    std::vector<std::string> stopped;       ///< components stopped on their own
    bool etcdLeader = false;
    std::vector<std::string> leaseHolderOf; ///< kube-controller-manager, kube-scheduler
    bool vipHolder = false;
    std::vector<PodMarkSample> pods;
    bool operator==(const NodeStateSample &) const = default;
};

struct Sample {
    Micros time = 0;
    std::vector<RaftMemberSample> raft;                 ///< in member order
    QuorumSample quorum;
    LatencyMs writeLatency;                             ///< API writes committed in the window
    std::map<std::string, std::string> leaseHolders;    ///< lease name -> holder identity ("" when none)
    NodeCounts nodes;
    PodCounts pods;                                     ///< all workloads
    std::map<std::string, WorkloadSample> workloads;    ///< workload name -> counts
    std::map<std::string, LoadBalancerSample> loadBalancers;
    ClientSample clients;
    std::map<std::string, std::uint64_t> backendRequests;  ///< backend (pod or apiserver) -> requests in the window
    /// Per node, in design order, when the producer records them (the engine API's recorder
    /// does; empty otherwise).
    std::vector<NodeStateSample> nodeStates;

    bool operator==(const Sample &) const = default;
};

const char *toString(RaftRole role);
const char *toString(PodPhase phase);
std::optional<RaftRole> raftRoleFromString(std::string_view text);
std::optional<PodPhase> podPhaseFromString(std::string_view text);

/// Compact, versioned binary form of a sample (what SqliteRecorder stores). Little-endian,
/// varint integers, length-prefixed strings, IEEE doubles; first byte is the format version.
std::string encodeSample(const Sample &sample);
/// Decodes what encodeSample wrote (format 2), and format 1 (before node states). std::nullopt
/// when the bytes are truncated, malformed or of an unknown format version.
std::optional<Sample> decodeSample(std::string_view bytes);

} // namespace quorum::telemetry
