#pragma once

// One kube-scheduler scheduling cycle over a ClusterState, default profile: the filters
// NodeUnschedulable, TaintToleration, NodeAffinity, NodeResourcesFit, PodTopologySpread and
// InterPodAffinity run in that order and a node's first failure is its status; the scores
// TaintToleration (weight 3), NodeAffinity (2), NodeResourcesFit LeastAllocated (1),
// PodTopologySpread (2), InterPodAffinity (2) and NodeResourcesBalancedAllocation (1) are
// normalized to 0..100 per plugin as the real plugins do, weighted and summed; the highest
// total wins and ties are broken by reservoir sampling (selectHost) with a seeded PRNG.
// Feasibility search stops after percentageOfNodesToScore feasible nodes, starting where the
// previous cycle stopped (nextStartNodeIndex). A pod that fits nowhere gets kube-scheduler's
// FitError text, including the "preemption:" part that DefaultPreemption adds when no pod has
// a lower priority than the incoming one (priorities are not modelled).
//
// Not thread-safe; the ClusterState must outlive the Scheduler and is only read by schedule().

#include "engine/scheduler/ClusterState.h"
#include "engine/scheduler/Types.h"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::scheduler {

enum class FilterPlugin : std::uint8_t {
    NodeUnschedulable,
    TaintToleration,
    NodeAffinity,
    NodeResourcesFit,
    PodTopologySpread,
    InterPodAffinity
};

/// Score plugins in the default profile's order.
enum class ScorePlugin : std::uint8_t {
    TaintToleration,
    NodeAffinity,
    NodeResourcesFit,
    PodTopologySpread,
    InterPodAffinity,
    NodeResourcesBalancedAllocation
};
inline constexpr std::size_t kScorePlugins = 6;

std::string_view toString(FilterPlugin plugin);
std::string_view toString(ScorePlugin plugin);
/// The plugin's weight in the default profile.
std::int64_t weightOf(ScorePlugin plugin);

/// framework.Unschedulable (preemption might help) or UnschedulableAndUnresolvable (it cannot).
enum class StatusCode : std::uint8_t { Unschedulable, UnschedulableAndUnresolvable };

/// Why a node was filtered out: the first failing plugin and its reasons (kube-scheduler text).
struct NodeStatus {
    NodeId node = kNoNode;
    std::string nodeName;
    FilterPlugin plugin = FilterPlugin::NodeUnschedulable;
    StatusCode code = StatusCode::Unschedulable;
    std::vector<std::string> reasons;
};

/// No node fits. `message` is framework.FitError's text with DefaultPreemption's suffix, e.g.
/// "0/5 nodes are available: 2 Insufficient cpu, 3 node(s) had untolerated taint
/// {node.kubernetes.io/unreachable: }. preemption: 0/5 nodes are available: 2 No preemption
/// victims found for incoming pod, 3 Preemption is not helpful for scheduling.."
/// With no nodes at all it is "no nodes available to schedule pods" and `statuses` is empty.
struct FitError {
    int numAllNodes = 0;
    std::vector<NodeStatus> statuses; ///< one per node, in the order they were filtered
    std::string message;
};

/// Scores of one feasible node: normalized 0..100 per plugin (before weights) and the
/// weighted total that selectHost compares.
struct NodeScores {
    NodeId node = kNoNode;
    std::string nodeName;
    std::array<std::int64_t, kScorePlugins> scores{};
    std::int64_t total = 0;
};

struct ScheduleResult {
    NodeId node = kNoNode; ///< the chosen node, kNoNode on failure
    std::string nodeName;
    std::optional<FitError> error;
    int startIndex = 0;     ///< nextStartNodeIndex at the start of the cycle
    int evaluatedNodes = 0; ///< nodes the filters ran on
    int feasibleNodes = 0;
    /// With SchedulerOptions::explain: the nodes filtered out, and the scores of the feasible
    /// ones (none when a single node is feasible: kube-scheduler does not score then).
    std::vector<NodeStatus> filtered;
    std::vector<NodeScores> scores;

    bool scheduled() const { return node != kNoNode; }
};

struct SchedulerOptions {
    /// 0: adaptive like kube-scheduler (50 - nodes/125 percent, at least 5 %, at least 100
    /// nodes); 1..100: that percentage (100: every node is filtered and scored).
    int percentageOfNodesToScore = 0;
    /// Seeds the tie-breaking PRNG (splitmix64) unless setRandomSource() replaces it.
    std::uint64_t seed = 1;
    /// Fill ScheduleResult::filtered and ::scores (costs string building; off for speed).
    bool explain = false;
    /// InterPodAffinityArgs.hardPodAffinityWeight.
    std::int32_t hardPodAffinityWeight = 1;
};

class Scheduler {
public:
    /// `state` must outlive the scheduler.
    explicit Scheduler(ClusterState &state, SchedulerOptions options = {});
    ~Scheduler();
    Scheduler(const Scheduler &) = delete;
    Scheduler &operator=(const Scheduler &) = delete;

    /// Runs one scheduling cycle for `pod` (which must not be bound yet). Does not bind; the
    /// caller binds with ClusterState::bindPod (or uses scheduleAndBind). Advances the
    /// rotating start index and draws from the PRNG on ties.
    ScheduleResult schedule(const PodSpec &pod);

    /// schedule(), then bindPod() on success.
    ScheduleResult scheduleAndBind(PodSpec pod);

    /// Replaces the tie-breaking PRNG, e.g. with the simulation's Rng. `source` returns
    /// uniformly distributed 64-bit values.
    void setRandomSource(std::function<std::uint64_t()> source);

    /// kube-scheduler's numFeasibleNodesToFind for `numAllNodes` under the current options.
    int numFeasibleNodesToFind(int numAllNodes) const;

    const SchedulerOptions &options() const { return m_options; }
    void setExplain(bool explain) { m_options.explain = explain; }
    void setPercentageOfNodesToScore(int percentage) { m_options.percentageOfNodesToScore = percentage; }
    std::size_t nextStartNodeIndex() const { return m_nextStartNodeIndex; }

private:
    class Cycle;
    std::uint64_t nextRandom();
    ScheduleResult fail(ScheduleResult result, const std::vector<NodeId> &order);

    ClusterState &m_state;
    SchedulerOptions m_options;
    std::uint64_t m_rngState;
    std::function<std::uint64_t()> m_randomSource;
    std::size_t m_nextStartNodeIndex = 0;
    std::unique_ptr<Cycle> m_cycle;
};

/// framework.FitError.Error() plus DefaultPreemption's "preemption: ..." suffix for these
/// statuses (every node's status when nothing fit).
std::string fitErrorMessage(int numAllNodes, const std::vector<NodeStatus> &statuses);

} // namespace quorum::scheduler
