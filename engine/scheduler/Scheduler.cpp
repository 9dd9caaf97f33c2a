// The scheduling cycle: findNodesThatFitPod (with numFeasibleNodesToFind and the rotating
// start index), prioritizeNodes and selectHost, as in kube-scheduler's schedule_one.go.

#include "engine/scheduler/Scheduler.h"

#include "engine/scheduler/Cycle.h"

#include <algorithm>
#include <map>

namespace quorum::scheduler {

namespace {

constexpr int kMinFeasibleNodesToFind = 100;
constexpr int kMinFeasibleNodesPercentageToFind = 5;

std::uint64_t splitmix64(std::uint64_t &state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/// "N reason" strings sorted as Go's sort.Strings sorts them, joined with ", ".
std::string histogram(const std::map<std::string, int> &counts)
{
    std::vector<std::string> lines;
    lines.reserve(counts.size());
    for (const auto &[reason, count] : counts)
        lines.push_back(std::to_string(count) + " " + reason);
    std::sort(lines.begin(), lines.end());
    std::string joined;
    for (const std::string &line : lines) {
        if (!joined.empty())
            joined += ", ";
        joined += line;
    }
    return joined;
}

} // namespace

std::string_view toString(FilterPlugin plugin)
{
    switch (plugin) {
    case FilterPlugin::NodeUnschedulable:
        return "NodeUnschedulable";
    case FilterPlugin::TaintToleration:
        return "TaintToleration";
    case FilterPlugin::NodeAffinity:
        return "NodeAffinity";
    case FilterPlugin::NodeResourcesFit:
        return "NodeResourcesFit";
    case FilterPlugin::PodTopologySpread:
        return "PodTopologySpread";
    case FilterPlugin::InterPodAffinity:
        return "InterPodAffinity";
    }
    return "?";
}

std::string_view toString(ScorePlugin plugin)
{
    switch (plugin) {
    case ScorePlugin::TaintToleration:
        return "TaintToleration";
    case ScorePlugin::NodeAffinity:
        return "NodeAffinity";
    case ScorePlugin::NodeResourcesFit:
        return "NodeResourcesFit";
    case ScorePlugin::PodTopologySpread:
        return "PodTopologySpread";
    case ScorePlugin::InterPodAffinity:
        return "InterPodAffinity";
    case ScorePlugin::NodeResourcesBalancedAllocation:
        return "NodeResourcesBalancedAllocation";
    }
    return "?";
}

std::int64_t weightOf(ScorePlugin plugin)
{
    switch (plugin) {
    case ScorePlugin::TaintToleration:
        return 3;
    case ScorePlugin::NodeAffinity:
    case ScorePlugin::PodTopologySpread:
    case ScorePlugin::InterPodAffinity:
        return 2;
    case ScorePlugin::NodeResourcesFit:
    case ScorePlugin::NodeResourcesBalancedAllocation:
        return 1;
    }
    return 0;
}

std::string fitErrorMessage(int numAllNodes, const std::vector<NodeStatus> &statuses)
{
    if (numAllNodes == 0)
        return "no nodes available to schedule pods";
    std::map<std::string, int> reasons;
    std::map<std::string, int> preemption;
    for (const NodeStatus &status : statuses) {
        for (const std::string &reason : status.reasons)
            ++reasons[reason];
        // DefaultPreemption: unresolvable nodes are skipped; on the others no pod has a lower
        // priority than the incoming one, so there is no victim.
        ++preemption[status.code == StatusCode::UnschedulableAndUnresolvable ? "Preemption is not helpful for scheduling"
                                                                           : "No preemption victims found for incoming pod"];
    }
    const std::string prefix = "0/" + std::to_string(numAllNodes) + " nodes are available: ";
    // FitError.Error() ends each part with "."; the preemption part is a FitError text itself,
    // hence the double period kube-scheduler prints at the end.
    return prefix + histogram(reasons) + ". preemption: " + prefix + histogram(preemption) + "..";
}

Scheduler::Scheduler(ClusterState &state, SchedulerOptions options)
    : m_state(state), m_options(options), m_rngState(options.seed),
      m_cycle(std::make_unique<Cycle>(state, options.hardPodAffinityWeight))
{
}

Scheduler::~Scheduler() = default;

void Scheduler::setRandomSource(std::function<std::uint64_t()> source)
{
    m_randomSource = std::move(source);
}

std::uint64_t Scheduler::nextRandom()
{
    return m_randomSource ? m_randomSource() : splitmix64(m_rngState);
}

int Scheduler::numFeasibleNodesToFind(int numAllNodes) const
{
    if (numAllNodes < kMinFeasibleNodesToFind)
        return numAllNodes;
    int percentage = m_options.percentageOfNodesToScore;
    if (percentage <= 0) {
        percentage = 50 - numAllNodes / 125;
        if (percentage < kMinFeasibleNodesPercentageToFind)
            percentage = kMinFeasibleNodesPercentageToFind;
    }
    percentage = std::min(percentage, 100);
    const int numNodes = static_cast<int>(static_cast<std::int64_t>(numAllNodes) * percentage / 100);
    return numNodes < kMinFeasibleNodesToFind ? kMinFeasibleNodesToFind : numNodes;
}

ScheduleResult Scheduler::fail(ScheduleResult result, const std::vector<NodeId> &order)
{
    FitError error;
    error.numAllNodes = static_cast<int>(order.size());
    error.statuses = result.filtered;
    error.message = fitErrorMessage(error.numAllNodes, error.statuses);
    if (!m_options.explain)
        result.filtered.clear();
    result.error = std::move(error);
    return result;
}

ScheduleResult Scheduler::schedule(const PodSpec &pod)
{
    ScheduleResult result;
    const std::vector<NodeId> &order = m_state.nodeOrder();
    const int numAllNodes = static_cast<int>(order.size());
    if (numAllNodes == 0)
        return fail(std::move(result), order);

    m_cycle->preFilter(pod);

    // findNodesThatPassFilters: walk from nextStartNodeIndex until enough nodes fit.
    const int numNodesToFind = numFeasibleNodesToFind(numAllNodes);
    const std::size_t start = m_nextStartNodeIndex % order.size();
    result.startIndex = static_cast<int>(start);
    std::vector<NodeId> &feasible = m_cycle->buffers().feasible;
    std::vector<std::pair<NodeId, Rejection>> &rejected = m_cycle->buffers().rejected;
    feasible.clear();
    rejected.clear();
    int processed = 0;
    for (int i = 0; i < numAllNodes; ++i) {
        const NodeId node = order[(start + static_cast<std::size_t>(i)) % order.size()];
        ++processed;
        Rejection why;
        if (m_cycle->filter(node, &why)) {
            feasible.push_back(node);
            if (static_cast<int>(feasible.size()) >= numNodesToFind)
                break;
        } else {
            rejected.emplace_back(node, why);
        }
    }
    m_nextStartNodeIndex = (start + static_cast<std::size_t>(processed)) % order.size();
    result.evaluatedNodes = processed;
    result.feasibleNodes = static_cast<int>(feasible.size());

    if (feasible.empty() || m_options.explain) {
        result.filtered.reserve(rejected.size());
        for (const auto &[node, why] : rejected)
            result.filtered.push_back(m_cycle->status(node, why));
    }
    if (feasible.empty())
        return fail(std::move(result), order);

    NodeId chosen = feasible.front();
    if (feasible.size() > 1) {
        std::vector<std::array<std::int64_t, kScorePlugins>> &scores = m_cycle->buffers().scores;
        m_cycle->score(feasible, &scores);
        // selectHost: the highest total; among equal totals, reservoir sampling.
        std::int64_t best = 0;
        std::uint64_t ties = 0;
        for (std::size_t i = 0; i < feasible.size(); ++i) {
            std::int64_t total = 0;
            for (std::size_t p = 0; p < kScorePlugins; ++p)
                total += scores[i][p] * weightOf(static_cast<ScorePlugin>(p));
            if (m_options.explain)
                result.scores.push_back({feasible[i], m_state.node(feasible[i]).name, scores[i], total});
            if (i == 0 || total > best) {
                best = total;
                chosen = feasible[i];
                ties = 1;
            } else if (total == best) {
                ++ties;
                if (nextRandom() % ties == 0)
                    chosen = feasible[i];
            }
        }
    }
    result.node = chosen;
    result.nodeName = m_state.node(chosen).name;
    return result;
}

ScheduleResult Scheduler::scheduleAndBind(PodSpec pod)
{
    ScheduleResult result = schedule(pod);
    if (result.scheduled())
        m_state.bindPod(std::move(pod), result.nodeName);
    return result;
}

} // namespace quorum::scheduler
