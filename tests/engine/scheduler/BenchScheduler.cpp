// bench_scheduler — pods scheduled per second by engine/scheduler on a kube-scheduler
// scheduler_perf-like load: N nodes (default 5,000) in 3 zones, 16 CPU / 64 Gi / 110 pods
// each, then P pods (default 50,000) scheduled and bound one after another:
//   70 % Deployment pods (owner selector: the default hostname/zone spreading applies),
//   25 % pods with a zone spread constraint (maxSkew 1, DoNotSchedule),
//    4 % bare pods (no owner, no constraints),
//    1 % pods with required anti-affinity on kubernetes.io/hostname against their own app.
// Each run builds a fresh cluster (not timed) and times only the scheduling loop; the program
// prints every run and the median of --runs runs (default 5).
//
//   bench_scheduler [--nodes N] [--pods P] [--runs R] [--percentage PCT]
// Build in Release for meaningful numbers (see docs/scheduler.md).

#include "engine/scheduler/ClusterState.h"
#include "engine/scheduler/Scheduler.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace quorum::scheduler;

namespace {

struct Run {
    double seconds = 0;
    double cpuSeconds = 0; ///< process CPU time: steadier than wall time on a shared machine
    int unschedulable = 0;
    double evaluatedPerPod = 0;
};

std::vector<PodSpec> makePods(int count)
{
    std::vector<PodSpec> pods;
    pods.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        PodSpec pod;
        pod.ns = "bench";
        pod.name = "pod-" + std::to_string(i);
        pod.requests = {100 + 100 * (i % 4), (128LL << 20) * (1 + i % 4)};
        const int kind = i % 100;
        if (kind < 70) {
            const std::string app = "deploy-" + std::to_string(i % 200);
            pod.labels = {{"app", app}, {"pod-template-hash", "h" + std::to_string(i % 200)}};
            pod.ownerSelector = LabelSelector{{{"app", app}}, {}};
        } else if (kind < 95) {
            const std::string app = "spread-" + std::to_string(i % 50);
            pod.labels = {{"app", app}};
            TopologySpreadConstraint c;
            c.maxSkew = 1;
            c.topologyKey = kLabelZone;
            c.labelSelector.matchLabels = {{"app", app}};
            pod.topologySpreadConstraints.push_back(c);
            pod.ownerSelector = c.labelSelector;
        } else if (kind < 99) {
            pod.labels = {{"run", "bare"}};
        } else {
            const std::string app = "db-" + std::to_string(i % 20);
            pod.labels = {{"app", app}};
            pod.requiredPodAntiAffinity.push_back({LabelSelector{{{"app", app}}, {}}, {}, kLabelHostname});
            pod.ownerSelector = LabelSelector{{{"app", app}}, {}};
        }
        pods.push_back(std::move(pod));
    }
    return pods;
}

Run runOnce(int nodes, const std::vector<PodSpec> &pods, int percentage, std::uint64_t seed)
{
    ClusterState state;
    static const char *const zones[] = {"zone-a", "zone-b", "zone-c"};
    for (int i = 0; i < nodes; ++i) {
        NodeInfo node;
        node.name = "node-" + std::to_string(i);
        node.labels = {{kLabelHostname, node.name}, {kLabelZone, zones[i % 3]}, {kLabelRegion, "region-1"}};
        node.allocatable = {16000, 64LL << 30, 110};
        state.addNode(std::move(node));
    }
    SchedulerOptions options;
    options.seed = seed;
    options.percentageOfNodesToScore = percentage;
    Scheduler scheduler(state, options);

    Run run;
    std::int64_t evaluated = 0;
    const std::clock_t cpuBegin = std::clock();
    const auto begin = std::chrono::steady_clock::now();
    for (const PodSpec &pod : pods) {
        const ScheduleResult result = scheduler.scheduleAndBind(pod);
        evaluated += result.evaluatedNodes;
        if (!result.scheduled())
            ++run.unschedulable;
    }
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    run.cpuSeconds = static_cast<double>(std::clock() - cpuBegin) / CLOCKS_PER_SEC;
    run.evaluatedPerPod = static_cast<double>(evaluated) / static_cast<double>(pods.size());
    return run;
}

int intArg(int argc, char **argv, const char *name, int fallback)
{
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], name) == 0)
            return std::atoi(argv[i + 1]);
    }
    return fallback;
}

} // namespace

int main(int argc, char **argv)
{
    const int nodes = intArg(argc, argv, "--nodes", 5000);
    const int podCount = intArg(argc, argv, "--pods", 50000);
    const int runs = std::max(1, intArg(argc, argv, "--runs", 5));
    const int percentage = intArg(argc, argv, "--percentage", 0);
    const std::vector<PodSpec> pods = makePods(podCount);

    std::printf("bench_scheduler: %d nodes (3 zones, 16 cpu / 64Gi / 110 pods), %d pods, percentageOfNodesToScore=%d%s\n",
                nodes, podCount, percentage, percentage == 0 ? " (adaptive)" : "");
    std::vector<double> rates;
    std::vector<double> cpuRates;
    for (int r = 0; r < runs; ++r) {
        const Run run = runOnce(nodes, pods, percentage, static_cast<std::uint64_t>(r + 1));
        const double rate = static_cast<double>(podCount) / run.seconds;
        const double cpuRate = static_cast<double>(podCount) / run.cpuSeconds;
        rates.push_back(rate);
        cpuRates.push_back(cpuRate);
        std::printf("  run %d: %.3f s wall (%.0f pods/s), %.3f s CPU (%.0f pods/CPU-s), %.1f nodes evaluated per pod, "
                    "%d unschedulable\n",
                    r + 1, run.seconds, rate, run.cpuSeconds, cpuRate, run.evaluatedPerPod, run.unschedulable);
    }
    std::sort(rates.begin(), rates.end());
    std::sort(cpuRates.begin(), cpuRates.end());
    std::printf("median: %.0f pods/s wall, %.0f pods per CPU second (goal >= 10,000 pods/s; kube-scheduler "
                "scheduler_perf threshold 810)\n",
                rates[rates.size() / 2], cpuRates[cpuRates.size() / 2]);
    return 0;
}
