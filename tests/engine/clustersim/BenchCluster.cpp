// bench_cluster: wall-clock benchmarks of engine/clustersim against the goals of
// docs/cluster-benchmarks.md ("Simulation scale and speed" in the project targets).
//
//   bench_cluster time-compression [--runs 5] [--hours 1] [--template PATH]
//   bench_cluster scale --nodes N --pods P [--runs R] [--timeout-virtual 600s]
//                       [--per-deployment 1000] [--wall-cap 300] [--check-every 5s]
//                       [--no-safety-checks] [--verbose]
//   either: --no-fork (run in this process), --no-apply-thread / --apply-thread (no second
//           thread, or one whatever the size: ClusterOptions::applyThread)
//
// Every run happens in a forked child process, so each run's peak RSS (ru_maxrss of the
// child, from wait4) is its own and a run that blows up cannot take the others with it.
// Output: one line per run, then medians.

#include "engine/cluster/Kubelet.h"
#include "engine/cluster/Object.h"
#include "engine/cluster/ObjectCache.h"
#include "engine/clustersim/ClusterSim.h"
#include "engine/model/Topology.h"
#include "engine/model/TopologyYaml.h"
#include "tests/support/Allocator.h"

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#ifndef QUORUM_SOURCE_DIR
#define QUORUM_SOURCE_DIR "."
#endif

using namespace quorum;
using cluster::Json;
using cluster::kSecond;
using cluster::Micros;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

long selfMaxRssKiB()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss; // KiB on Linux
}

/// What one run reports back to the parent (plain data, sent through a pipe).
struct RunResult {
    int ok = 0;                 ///< 1: reached the goal (1 h simulated / all pods Running)
    int wallCapped = 0;         ///< 1: stopped because the wall-clock cap was hit
    double wallTotal = 0;       ///< seconds, whole run (construct + boot + workload)
    double wallBoot = 0;        ///< seconds, constructing and booting the cluster
    double wallWorkload = 0;    ///< seconds, from apply() to all Running (or stop)
    double virtualSeconds = 0;  ///< virtual time from apply() to all Running (or stop)
    double virtualEnd = 0;      ///< virtual time at the end of the run
    long podsRunning = 0;
    long podsSeen = 0;
    long rssKiB = 0;            ///< getrusage(RUSAGE_SELF) in the child at the end of the run
    double simThreadCpu = 0;    ///< CPU seconds of the simulation's own thread (the critical path)
};

double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

/// --no-fork: run in this process (for heap profilers that follow one process).
bool g_noFork = false;
/// --no-apply-thread / --apply-thread: ClusterOptions::applyThread (unset: by the cluster's size).
std::optional<bool> g_applyThread;

/// Runs `body` in a child process; returns its result and the child's peak RSS.
RunResult inChild(const std::function<RunResult()> &body, long &childMaxRssKiB, double &childCpuSeconds)
{
    if (g_noFork) {
        RunResult r = body();
        r.rssKiB = childMaxRssKiB = selfMaxRssKiB();
        rusage ru{};
        getrusage(RUSAGE_SELF, &ru);
        childCpuSeconds = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                          static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
        return r;
    }
    int fds[2];
    if (pipe(fds) != 0) {
        std::perror("pipe");
        std::exit(2);
    }
    std::fflush(stdout);
    std::fflush(stderr);
    const pid_t pid = fork();
    if (pid < 0) {
        std::perror("fork");
        std::exit(2);
    }
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL); // die with the parent (e.g. under `timeout`)
        if (getppid() == 1)
            _exit(4);
        close(fds[0]);
        RunResult r = body();
        r.rssKiB = selfMaxRssKiB();
        const ssize_t n = write(fds[1], &r, sizeof r);
        close(fds[1]);
        std::fflush(stdout);
        _exit(n == static_cast<ssize_t>(sizeof r) ? 0 : 3);
    }
    close(fds[1]);
    RunResult r;
    const ssize_t n = read(fds[0], &r, sizeof r);
    close(fds[0]);
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    childMaxRssKiB = ru.ru_maxrss;
    childCpuSeconds = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                      static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    if (n != static_cast<ssize_t>(sizeof r) || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::printf("  run failed (status %d%s)\n", status,
                    WIFSIGNALED(status) ? ", killed by a signal" : "");
        r = RunResult{};
        r.rssKiB = childMaxRssKiB;
    }
    return r;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// ---- arguments ---------------------------------------------------------------------------

struct Args {
    std::vector<std::string> items;
    std::string get(const std::string &name, const std::string &fallback) const
    {
        for (std::size_t i = 0; i + 1 < items.size(); ++i)
            if (items[i] == name)
                return items[i + 1];
        return fallback;
    }
    bool has(const std::string &name) const
    {
        return std::find(items.begin(), items.end(), name) != items.end();
    }
    long number(const std::string &name, long fallback) const
    {
        const std::string v = get(name, "");
        return v.empty() ? fallback : std::atol(v.c_str());
    }
    /// "600s", "10m", "600" (seconds) -> micros.
    Micros duration(const std::string &name, Micros fallback) const
    {
        const std::string v = get(name, "");
        if (v.empty())
            return fallback;
        if (auto ms = model::parseDurationMs(v))
            return *ms * 1000;
        return std::atol(v.c_str()) * kSecond;
    }
};

// ---- time-compression ----------------------------------------------------------------------

int timeCompression(const Args &args)
{
    const std::string path =
        args.get("--template", std::string(QUORUM_SOURCE_DIR) + "/resources/templates/production-ha.yaml");
    const int runs = static_cast<int>(args.number("--runs", 5));
    const long hours = args.number("--hours", 1);
    const bool safety = !args.has("--no-safety-checks");
    model::LoadResult loaded = model::loadTopologyFile(path);
    if (!loaded.ok()) {
        for (const auto &d : loaded.errors)
            std::fprintf(stderr, "%s\n", d.toString().c_str());
        return 2;
    }
    const model::Topology topology = *loaded.topology;
    std::printf("time-compression: %s, %ld h virtual, %d runs, raft safety checks %s\n", path.c_str(), hours,
                runs, safety ? "on" : "off");
    std::vector<double> walls, cpus, rss;
    for (int i = 0; i < runs; ++i) {
        long childRss = 0;
        double childCpu = 0;
        RunResult r = inChild(
            [&] {
                RunResult out;
                const auto start = Clock::now();
                clustersim::ClusterOptions options;
                options.seed = static_cast<std::uint64_t>(i + 1);
                options.raftSafetyChecks = safety;
                options.applyThread = g_applyThread;
                clustersim::ClusterSim sim(topology, options);
                sim.runUntil(hours * 3600 * kSecond);
                out.wallTotal = secondsSince(start);
                out.virtualEnd = static_cast<double>(sim.now()) / kSecond;
                out.ok = sim.now() >= hours * 3600 * kSecond;
                if (const cluster::ObjectCache *cache = sim.freshestCache())
                    for (const auto &[key, pod] : cache->list(cluster::res::pods())) {
                        ++out.podsSeen;
                        out.podsRunning += cluster::podPhase(*pod) == "Running";
                    }
                return out;
            },
            childRss, childCpu);
        std::printf("  run %d: wall %.3f s (cpu %.3f s), virtual %.0f s (%.0fx real time), pods Running %ld/%ld, peak RSS %.1f MiB%s\n",
                    i + 1, r.wallTotal, childCpu, r.virtualEnd, r.wallTotal > 0 ? r.virtualEnd / r.wallTotal : 0.0,
                    r.podsRunning, r.podsSeen, childRss / 1024.0, r.ok ? "" : "  (did not reach the end)");
        walls.push_back(r.wallTotal);
        cpus.push_back(childCpu);
        rss.push_back(childRss / 1024.0);
    }
    const double m = median(walls);
    std::printf("median cpu (user+sys of the run's process): %.3f s\n", median(cpus));
    std::printf("median: wall %.3f s for %ld h virtual (%.0fx real time), peak RSS %.1f MiB; goal <= %.1f s: %s\n", m,
                hours, m > 0 ? hours * 3600.0 / m : 0.0, median(rss), 2.0 * hours, m <= 2.0 * hours ? "met" : "MISSED");
    return 0;
}

// ---- scale -------------------------------------------------------------------------------

model::Topology scaleTopology(int workers)
{
    using namespace model;
    Topology t;
    t.name = "bench-scale";
    t.profile = Profile::Production;
    t.etcdMode = EtcdMode::Stacked;
    const char *zones[] = {"zone-a", "zone-b", "zone-c"};
    for (const char *z : zones)
        t.zones.push_back(Zone{z, "bench", {}});
    auto addNode = [&](const std::string &name, NodeRole role, int zone, const std::string &address,
                       std::int64_t cpu, std::int64_t mem, std::int64_t maxPods) {
        Node n;
        n.name = name;
        n.role = role;
        n.zone = zones[zone % 3];
        n.address = address;
        n.cpuMillis = cpu;
        n.memoryBytes = mem;
        n.maxPods = maxPods;
        n.labels["topology.kubernetes.io/zone"] = n.zone;
        n.components = defaultComponents(role, t.etcdMode);
        t.nodes.push_back(std::move(n));
    };
    const std::int64_t Gi = 1024LL * 1024 * 1024;
    for (int i = 0; i < 3; ++i)
        addNode("cp-" + std::to_string(i + 1), NodeRole::ControlPlane, i, "10.0." + std::to_string(i + 1) + ".11",
                8000, 32 * Gi, 110);
    for (int i = 0; i < 2; ++i)
        addNode("lb-" + std::to_string(i + 1), NodeRole::LoadBalancer, i, "10.0." + std::to_string(i + 1) + ".5",
                2000, 2 * Gi, 110);
    for (int i = 0; i < workers; ++i) {
        // 10.<16+i/250/...>: unique addresses for up to ~60k workers.
        const std::string address = "10." + std::to_string(16 + i / 62500) + "." + std::to_string((i / 250) % 250) +
                                    "." + std::to_string(i % 250 + 2);
        addNode("worker-" + std::to_string(i + 1), NodeRole::Worker, i, address, 16000, 64 * Gi, 110);
    }
    LoadBalancer lb;
    lb.name = "api-lb";
    lb.type = LoadBalancerType::HAProxy;
    lb.hosts = {"lb-1", "lb-2"};
    lb.vip = "10.0.0.10";
    lb.port = 6443;
    lb.targets = {"cp-1", "cp-2", "cp-3"};
    lb.targetPort = 6443;
    t.loadBalancers.push_back(lb);
    return t;
}

Json deployment(const std::string &name, int replicas)
{
    Json labels{{"app", name}};
    Json container{{"name", "app"},
                   {"image", "registry.k8s.io/pause:3.9"},
                   {"resources", {{"requests", {{"cpu", "10m"}, {"memory", "16Mi"}}}}}};
    Json podTemplate{{"metadata", {{"labels", labels}}}, {"spec", {{"containers", Json::array({container})}}}};
    Json spec{{"replicas", replicas}, {"selector", {{"matchLabels", labels}}}, {"template", podTemplate}};
    Json object{{"apiVersion", "apps/v1"}, {"kind", "Deployment"}};
    object["metadata"] = Json{{"name", name}, {"namespace", "default"}, {"labels", labels}};
    object["spec"] = spec;
    return object;
}

int scale(const Args &args)
{
    const int nodes = static_cast<int>(args.number("--nodes", 100));
    const long pods = args.number("--pods", 3000);
    const int runs = static_cast<int>(args.number("--runs", 1));
    const long perDeployment = std::max(1L, args.number("--per-deployment", 1000));
    const Micros virtualTimeout = args.duration("--timeout-virtual", 600 * kSecond);
    const Micros checkEvery = args.duration("--check-every", 5 * kSecond);
    const Micros bootFor = args.duration("--boot", 30 * kSecond);
    const double wallCap = static_cast<double>(args.number("--wall-cap", 300));
    const bool safety = !args.has("--no-safety-checks");
    const bool verbose = args.has("--verbose");
    const model::Topology topology = scaleTopology(nodes);
    std::printf("scale: %d workers (+3 control plane, 2 LB), %ld pods in Deployments of %ld, %d runs, virtual timeout "
                "%.0f s, wall cap %.0f s, raft safety checks %s\n",
                nodes, pods, perDeployment, runs, static_cast<double>(virtualTimeout) / kSecond, wallCap,
                safety ? "on" : "off");
    std::vector<double> walls, workloadWalls, virtuals, cpus, rss;
    for (int i = 0; i < runs; ++i) {
        long childRss = 0;
        double childCpu = 0;
        RunResult r = inChild(
            [&] {
                RunResult out;
                const auto start = Clock::now();
                clustersim::ClusterOptions options;
                options.seed = static_cast<std::uint64_t>(i + 1);
                options.raftSafetyChecks = safety;
                options.applyThread = g_applyThread;
                clustersim::ClusterSim sim(topology, options);
                // Boot: until writes work and every kubelet's Node has registered, at most `bootFor`.
                const auto kubelets = static_cast<std::size_t>(topology.nodesRunning(model::Component::Kubelet).size());
                Micros t = 0;
                while (t < bootFor && secondsSince(start) < wallCap) {
                    t += kSecond;
                    sim.runUntil(t);
                    const cluster::ObjectCache *cache = sim.freshestCache();
                    if (verbose)
                        std::printf("    boot: virtual %.0f s, wall %.2f s: %zu Node objects, RSS %.0f MiB\n",
                                    static_cast<double>(t) / kSecond, secondsSince(start),
                                    cache ? cache->list(cluster::res::nodes()).size() : 0, selfMaxRssKiB() / 1024.0);
                    std::fflush(stdout);
                    if (sim.writesAvailable() && cache &&
                        cache->list(cluster::res::nodes()).size() >= kubelets)
                        break;
                }
                out.wallBoot = secondsSince(start);
                if (verbose)
                    std::printf("    booted at virtual %.0f s, wall %.2f s, writes %s, %zu Node objects\n",
                                static_cast<double>(t) / kSecond, out.wallBoot, sim.writesAvailable() ? "ok" : "unavailable",
                                sim.freshestCache() ? sim.freshestCache()->list(cluster::res::nodes()).size() : 0);
                std::vector<Json> objects;
                for (long done = 0, k = 0; done < pods; ++k) {
                    const long n = std::min(perDeployment, pods - done);
                    objects.push_back(deployment("bench-" + std::to_string(k), static_cast<int>(n)));
                    done += n;
                }
                const auto applyStart = Clock::now();
                const Micros applyAt = sim.now();
                sim.apply(std::move(objects));
                // The design has no workloads of its own, so every pod is ours.
                for (;;) {
                    t += checkEvery;
                    sim.runUntil(t);
                    out.podsRunning = out.podsSeen = 0;
                    if (const cluster::ObjectCache *cache = sim.freshestCache())
                        for (const auto &[key, pod] : cache->list(cluster::res::pods())) {
                            ++out.podsSeen;
                            out.podsRunning += cluster::podPhase(*pod) == "Running";
                        }
                    if (verbose)
                        std::printf("    virtual +%.0f s, wall %.2f s: %ld pods, %ld Running, RSS %.0f MiB\n",
                                    static_cast<double>(sim.now() - applyAt) / kSecond, secondsSince(applyStart),
                                    out.podsSeen, out.podsRunning, selfMaxRssKiB() / 1024.0);
                    std::fflush(stdout);
                    if (out.podsRunning >= pods) {
                        out.ok = 1;
                        break;
                    }
                    if (sim.now() - applyAt >= virtualTimeout)
                        break;
                    if (secondsSince(start) >= wallCap) {
                        out.wallCapped = 1;
                        break;
                    }
                }
                out.wallWorkload = secondsSince(applyStart);
                out.simThreadCpu = threadCpuSeconds();
                out.virtualSeconds = static_cast<double>(sim.now() - applyAt) / kSecond;
                out.virtualEnd = static_cast<double>(sim.now()) / kSecond;
                out.wallTotal = secondsSince(start);
                const sim::SimStats &st = sim.etcd().stats();
                std::printf("    etcd: %llu entries applied (all members), %llu snapshots taken, %llu sent to followers, "
                            "%llu leader changes\n",
                            static_cast<unsigned long long>(st.entriesApplied),
                            static_cast<unsigned long long>(st.snapshotsTaken),
                            static_cast<unsigned long long>(st.snapshotsSent),
                            static_cast<unsigned long long>(st.leaderChanges));
                const sim::ApplyWorker::Stats as = sim.etcd().applyThreadStats();
                std::printf("    apply thread: %llu of %llu Readies with entries to apply (%llu need no fsync first) applied ahead, "
                            "in %.2f s of its CPU; the simulation waited for it %llu times (and ran %llu of its jobs itself)\n",
                            static_cast<unsigned long long>(st.appliesAhead),
                            static_cast<unsigned long long>(st.readiesApplying),
                            static_cast<unsigned long long>(st.readiesWithoutSync), as.cpuSeconds,
                            static_cast<unsigned long long>(as.waited), static_cast<unsigned long long>(as.ranHere));
                const store::ValuePool::Stats &vs = sim.etcd().values().stats();
                std::printf("    store values: %zu zstd frames made, %.1f MB as written in %.1f MB (%zu dictionaries); "
                            "%llu interns found among the latest\n",
                            vs.frames, static_cast<double>(vs.rawBytes) / 1e6, static_cast<double>(vs.frameBytes) / 1e6,
                            sim.etcd().values().dictionaryCount(),
                            static_cast<unsigned long long>(sim.etcd().values().recentHits()));
                const cluster::Reclaimer::Stats rs = sim.reclaimer().stats();
                std::printf("    objects freed on the reclaimer's thread: %llu in %.2f s of its CPU (%llu freed at once: it was behind)\n",
                            static_cast<unsigned long long>(rs.released), rs.cpuSeconds,
                            static_cast<unsigned long long>(rs.atOnce));
                return out;
            },
            childRss, childCpu);
        std::printf("  run %d: %s; wall boot %.2f s + workload %.2f s = %.2f s; virtual %.0f s after apply; "
                    "pods Running %ld/%ld (seen %ld); cpu %.2f s (simulation thread %.2f s); peak RSS %.1f MiB\n",
                    i + 1,
                    r.ok ? "all Running" : r.wallCapped ? "STOPPED at wall cap" : "NOT all Running (virtual timeout)",
                    r.wallBoot, r.wallWorkload, r.wallTotal, r.virtualSeconds, r.podsRunning, pods, r.podsSeen,
                    childCpu, r.simThreadCpu, childRss / 1024.0);
        walls.push_back(r.wallTotal);
        workloadWalls.push_back(r.wallWorkload);
        cpus.push_back(childCpu);
        virtuals.push_back(r.virtualSeconds);
        rss.push_back(childRss / 1024.0);
    }
    const double m = median(walls), mr = median(rss);
    std::printf("median cpu (user+sys of the run's process): %.2f s\n", median(cpus));
    std::printf("median: wall %.2f s total (workload %.2f s), virtual %.0f s to all Running, peak RSS %.1f MiB; "
                "goal <= 30 s and <= 2048 MiB: %s\n",
                m, median(workloadWalls), median(virtuals), mr, (m <= 30 && mr <= 2048) ? "met" : "MISSED");
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr,
                     "usage: bench_cluster time-compression [--runs 5] [--hours 1] [--template PATH]\n"
                     "       bench_cluster scale --nodes N --pods P [--runs R] [--timeout-virtual 600s]\n"
                     "                     [--per-deployment 1000] [--wall-cap 300] [--check-every 5s]\n"
                     "                     [--boot 30s] [--no-safety-checks] [--verbose]\n"
                     "       (either: --no-fork runs in this process, for heap profilers;\n"
                     "        --no-apply-thread / --apply-thread: no second thread, or one whatever the size)\n");
        return 2;
    }
    Args args;
    for (int i = 2; i < argc; ++i)
        args.items.emplace_back(argv[i]);
    g_noFork = args.has("--no-fork");
    if (args.has("--no-apply-thread"))
        g_applyThread = false;
    else if (args.has("--apply-thread"))
        g_applyThread = true;
    std::printf("allocator: %s\n", quorum::testing::allocatorInUse().c_str());
    const std::string command = argv[1];
    if (command == "time-compression")
        return timeCompression(args);
    if (command == "scale")
        return scale(args);
    std::fprintf(stderr, "unknown subcommand %s\n", command.c_str());
    return 2;
}
