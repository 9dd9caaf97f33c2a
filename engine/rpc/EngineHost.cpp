#include "engine/rpc/EngineHost.h"

#include "engine/cluster/Kubelet.h"
#include "engine/cluster/Manifest.h"
#include "engine/cluster/Workloads.h"
#include "engine/clustersim/ScenarioRunner.h"
#include "engine/model/Findings.h"
#include "engine/model/TopologyYaml.h"
#include "engine/scenario/ScenarioYaml.h"
#include "engine/telemetry/SqliteRecorder.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <fstream>
#include <sstream>

namespace quorum::rpc {

using cluster::kSecond;
using WallClock = std::chrono::steady_clock;

struct EngineHost::Run {
    std::string id;
    std::uint64_t seed = 1;
    model::Topology topology;
    std::unique_ptr<clustersim::ClusterSim> sim;
    std::unique_ptr<clustersim::Sampler> sampler;
    std::deque<Item> items;
    std::uint64_t nextSeq = 1;
    std::optional<telemetry::Sample> lastSample;
    Micros nextSample = kSecond;
    // The clock: virtual time follows the wall clock from (baseWall, baseVirtual) while running.
    bool running = false;
    double speed = 1;
    WallClock::time_point baseWall;
    Micros baseVirtual = 0;
    std::optional<Micros> pauseAt;
    // A scenario being played (loadScenario); the runner refers to *scenario.
    std::unique_ptr<scenario::Scenario> scenario;
    std::unique_ptr<clustersim::ScenarioRunner> runner;
    std::vector<clustersim::DrillStepPlan> plan;
    bool scenarioFinished = false;
    // The recording of this run (load's recordPath), and when it was last committed.
    std::unique_ptr<telemetry::SqliteRecorder> recorder;
    bool recorderFailed = false;
    WallClock::time_point lastFlush;
};

namespace {

const char *roleName(model::NodeRole role)
{
    switch (role) {
    case model::NodeRole::ControlPlane: return "control-plane";
    case model::NodeRole::Worker: return "worker";
    case model::NodeRole::Etcd: return "etcd";
    case model::NodeRole::LoadBalancer: return "load-balancer";
    case model::NodeRole::Storage: return "storage";
    }
    return "worker";
}

model::Diagnostic manifestDiagnostic(const cluster::ManifestProblem &p)
{
    return model::Diagnostic{p.file, p.line, p.column, p.field, p.message};
}

const char *const kNoRun = "no design is running: load a topology first";

} // namespace

std::unique_lock<std::mutex> EngineHost::requestLock() const
{
    m_waiting.fetch_add(1, std::memory_order_acq_rel);
    std::unique_lock lock(m_mutex);
    m_waiting.fetch_sub(1, std::memory_order_acq_rel);
    return lock;
}

EngineHost::EngineHost(EngineHostOptions options)
    : m_options(options)
{
    m_driver = std::thread([this] { driverLoop(); });
}

EngineHost::~EngineHost()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_driver.join();
}

std::unique_ptr<EngineHost::Run> EngineHost::boot(const std::string &yaml, const std::string &sourceName,
                                                  std::uint64_t seed, LoadOutcome &out) const
{
    model::LoadResult loaded = model::parseTopology(yaml, sourceName.empty() ? "<topology>" : sourceName);
    if (!loaded.ok()) {
        out.diagnostics = std::move(loaded.errors);
        return nullptr;
    }
    for (const model::Finding &f : model::checkTopology(*loaded.topology))
        if (f.severity == model::Severity::Error)
            out.diagnostics.push_back(model::Diagnostic{sourceName, 0, 0, f.element.toString(), f.message()});
    if (!out.diagnostics.empty())
        return nullptr;
    auto run = std::make_unique<Run>();
    run->topology = *loaded.topology;
    clustersim::ClusterOptions options;
    options.seed = seed == 0 ? 1 : seed;
    run->seed = options.seed;
    run->sim = std::make_unique<clustersim::ClusterSim>(run->topology, options);
    return run;
}

namespace {

/// The Warning event that says the run's recording stopped (or never started).
telemetry::Event recordingFailed(Micros time, std::string message)
{
    telemetry::Event e;
    e.time = time;
    e.kind = telemetry::EventKind::Info;
    e.type = telemetry::Severity::Warning;
    e.object = "recording";
    e.reason = "RecordingFailed";
    e.message = std::move(message);
    return e;
}

/// The wall-clock start of a recorded run, "2026-12-02 14:05:09" (UTC).
std::string startedLabel()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &utc);
    return buf;
}

} // namespace

void EngineHost::install(std::unique_ptr<Run> run, const std::string &recordPath, int keepRuns, const std::string &scenarioName,
                         LoadOutcome &out)
{
    if (!run->sampler)
        run->sampler = std::make_unique<clustersim::Sampler>(*run->sim, nullptr);
    std::string recordError;
    if (!recordPath.empty()) {
        telemetry::RunInfo info;
        info.startedLabel = startedLabel();
        info.topologyName = run->topology.name;
        info.seed = run->seed;
        info.scenario = scenarioName;
        telemetry::SqliteRecorder::Options options;
        options.keepRuns = keepRuns;
        auto opened = telemetry::SqliteRecorder::open(recordPath, info, options);
        if (opened.ok())
            run->recorder = std::move(opened.value);
        else
            recordError = opened.error;
        run->lastFlush = WallClock::now();
    }
    {
        auto lock = requestLock();
        run->id = "run-" + std::to_string(++m_runCounter);
        Run *raw = run.get();
        raw->sim->setEventSink([this, raw](const cluster::ClusterEvent &e) {
            // Called from inside the simulation, under m_mutex, for the run being advanced.
            if (raw->runner)
                raw->runner->onEvent(e);
            if (m_run.get() == raw)
                pushLocked(clustersim::toTelemetryEvent(e));
        });
        m_run = std::move(run);
        out.ok = true;
        out.runId = m_run->id;
        if (!recordError.empty())
            pushLocked(recordingFailed(0, "this run is not recorded: " + recordError));
    }
    m_changed.notify_all();
}

LoadOutcome EngineHost::load(const std::string &yaml, const std::string &sourceName, std::uint64_t seed,
                             const std::string &recordPath, int keepRuns)
{
    LoadOutcome out;
    // Boot outside the lock (it can take a moment for big designs), then swap in.
    if (std::unique_ptr<Run> run = boot(yaml, sourceName, seed, out))
        install(std::move(run), recordPath, keepRuns, {}, out);
    return out;
}

namespace {

/// The text of a file the scenario names: from the request's files (by the path as written),
/// else from disk. std::nullopt with `error` set when neither has it.
std::optional<std::string> scenarioFile(const ScenarioSpec &spec, const scenario::FilePath &path, std::string &error)
{
    if (auto it = spec.files.find(path.given); it != spec.files.end())
        return it->second;
    std::ifstream in(path.resolved, std::ios::binary);
    if (!in) {
        error = "cannot read '" + path.resolved + "' (named as '" + path.given + "')";
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

LoadOutcome EngineHost::loadScenario(const ScenarioSpec &spec)
{
    LoadOutcome out;
    const std::string source = spec.sourceName.empty() ? "<scenario>" : spec.sourceName;
    scenario::ScenarioLoadResult parsed = scenario::parseScenario(spec.yaml, source);
    if (!parsed.ok()) {
        out.diagnostics = std::move(parsed.errors);
        return out;
    }
    auto sc = std::make_unique<scenario::Scenario>(std::move(*parsed.scenario));
    std::string topologyYaml = spec.topologyYaml;
    std::string topologyName = source;
    if (topologyYaml.empty()) {
        if (!sc->topology) {
            out.diagnostics.push_back(
                model::Diagnostic{source, 0, 0, "spec.topology", "the scenario names no topology and none was sent"});
            return out;
        }
        std::string error;
        std::optional<std::string> text = scenarioFile(spec, *sc->topology, error);
        if (!text) {
            out.diagnostics.push_back(model::Diagnostic{source, 0, 0, "spec.topology", error});
            return out;
        }
        topologyYaml = std::move(*text);
        topologyName = sc->topology->given;
    }
    std::unique_ptr<Run> run = boot(topologyYaml, topologyName, spec.seed != 0 ? spec.seed : sc->seed.value_or(1), out);
    if (!run)
        return out;
    // Manifests the steps apply, read now so a missing file is reported before anything runs.
    auto files = std::make_shared<std::map<std::string, std::string>>();
    for (const scenario::Step &step : sc->steps)
        if (const auto *a = std::get_if<scenario::Apply>(&step.action)) {
            std::string error;
            if (std::optional<std::string> text = scenarioFile(spec, a->manifest, error))
                (*files)[a->manifest.resolved] = std::move(*text);
            else
                out.diagnostics.push_back(model::Diagnostic{source, step.line, 0, "apply", error});
        }
    if (!out.diagnostics.empty())
        return out;
    run->plan = clustersim::planDrill(*sc, run->topology);
    run->runner = std::make_unique<clustersim::ScenarioRunner>(*run->sim, *sc);
    run->runner->setFileSource([files](const std::string &path) -> std::optional<std::string> {
        if (auto it = files->find(path); it != files->end())
            return it->second;
        return std::nullopt;
    });
    run->runner->schedule();
    run->sampler = std::make_unique<clustersim::Sampler>(*run->sim, run->runner->load());
    const std::string scenarioName = sc->name;
    run->scenario = std::move(sc);
    install(std::move(run), spec.recordPath, spec.recordKeepRuns, scenarioName, out);
    return out;
}

ApplyOutcome EngineHost::apply(const std::string &yaml, const std::string &sourceName)
{
    ApplyOutcome out;
    cluster::ManifestResult parsed = cluster::parseManifests(yaml, sourceName.empty() ? "<manifests>" : sourceName);
    for (const cluster::ManifestProblem &p : parsed.problems)
        out.diagnostics.push_back(manifestDiagnostic(p));
    if (!parsed.ok())
        return out;
    auto lock = requestLock();
    if (!m_run) {
        out.diagnostics.push_back(model::Diagnostic{sourceName, 0, 0, "", kNoRun});
        return out;
    }
    out.objects = static_cast<int>(parsed.objects.size());
    Run *raw = m_run.get();
    m_run->sim->apply(std::move(parsed.objects), [this, raw](std::vector<std::string> failures) {
        if (m_run.get() != raw)
            return;
        for (const std::string &f : failures) {
            telemetry::Event e;
            e.time = raw->sim->now();
            e.kind = telemetry::EventKind::Kubernetes;
            e.type = telemetry::Severity::Warning;
            e.object = "apply";
            e.reason = "ApplyFailed";
            e.message = f;
            pushLocked(std::move(e));
        }
    });
    out.ok = true;
    return out;
}

Clock EngineHost::clockLocked() const
{
    Clock c;
    if (m_run) {
        c.virtualMicros = m_run->sim->now();
        c.speed = m_run->speed;
        c.running = m_run->running;
    }
    return c;
}

Clock EngineHost::refusedLocked(std::string why) const
{
    Clock c = clockLocked();
    c.message = m_run ? std::move(why) : std::string(kNoRun);
    return c;
}

Clock EngineHost::run(double speed, std::optional<Micros> pauseAt)
{
    auto lock = requestLock();
    if (!m_run || !(speed >= 0.25 && speed <= 1000))
        return refusedLocked("speed must be between 0.25 and 1000");
    if (pauseAt && *pauseAt <= m_run->sim->now())
        return refusedLocked("the pause time has passed already");
    m_run->pauseAt = pauseAt;
    m_run->speed = speed;
    m_run->running = true;
    m_run->baseWall = WallClock::now();
    m_run->baseVirtual = m_run->sim->now();
    Clock c = clockLocked();
    lock.unlock();
    m_changed.notify_all();
    return c;
}

Clock EngineHost::pause()
{
    auto lock = requestLock();
    if (m_run) {
        m_run->running = false;
        m_run->pauseAt.reset();
        if (m_run->recorder)
            m_run->recorder->flush();
    }
    return clockLocked();
}

Clock EngineHost::step(Micros micros)
{
    auto lock = requestLock();
    if (!m_run || micros <= 0)
        return refusedLocked("a step must be longer than 0");
    m_run->running = false;
    m_run->pauseAt.reset();
    advanceLocked(m_run->sim->now() + micros);
    // Paused again: what was recorded is committed, as pause() does.
    if (m_run->recorder) {
        m_run->recorder->flush();
        m_run->lastFlush = WallClock::now();
    }
    Clock c = clockLocked();
    lock.unlock();
    m_changed.notify_all();
    return c;
}

Clock EngineHost::clock() const
{
    auto lock = requestLock();
    return clockLocked();
}

Outcome EngineHost::fault(const FaultSpec &f)
{
    auto lock = requestLock();
    if (!m_run)
        return {false, kNoRun};
    clustersim::ClusterSim &sim = *m_run->sim;
    const std::string node = sim.nodeOf(scenario::Target::fromText(f.target));
    if (f.kind != "partition" && f.kind != "zone-outage" && node.empty())
        return {false, "'" + f.target + "' names no node right now"};
    bool ok = false;
    std::string why;
    if (f.kind == "kill-node") {
        ok = sim.killNode(node);
        why = "node '" + node + "' does not exist or is already down";
    } else if (f.kind == "restart-node") {
        ok = sim.restartNode(node);
        why = "node '" + node + "' does not exist or is already up";
    } else if (f.kind == "stop-component") {
        ok = sim.stopComponent(node, f.component);
        why = "node '" + node + "' does not run " + f.component + ", is down, or it is already stopped";
    } else if (f.kind == "start-component") {
        ok = sim.startComponent(node, f.component);
        why = f.component + " is not stopped on node '" + node + "'";
    } else if (f.kind == "isolate") {
        std::vector<std::string> others;
        for (const std::string &n : sim.nodeNames())
            if (n != node)
                others.push_back(n);
        ok = std::find(sim.nodeNames().begin(), sim.nodeNames().end(), node) != sim.nodeNames().end();
        if (ok)
            sim.partition({{node}, others}, false);
        why = "node '" + node + "' does not exist";
    } else if (f.kind == "partition") {
        ok = f.groups.size() >= 2;
        if (ok)
            sim.partition(f.groups, f.oneWay);
        why = "a partition needs at least two groups of nodes";
    } else if (f.kind == "zone-outage") {
        ok = sim.zoneOutage(f.target);
        why = "zone '" + f.target + "' does not exist";
    } else if (f.kind == "slow-disk") {
        ok = f.fsync > 0 && sim.slowDisk(node, f.fsync);
        why = "node '" + node + "' runs no etcd member, or the fsync delay is not positive";
    } else {
        return {false, "unknown fault kind '" + f.kind +
                           "' (kill-node, restart-node, stop-component, start-component, isolate, partition, "
                           "zone-outage, slow-disk)"};
    }
    m_changed.notify_all();
    return ok ? Outcome{true, {}} : Outcome{false, why};
}

Outcome EngineHost::heal(const std::string &node)
{
    auto lock = requestLock();
    if (!m_run)
        return {false, kNoRun};
    if (node.empty()) {
        m_run->sim->healAll();
        return {true, {}};
    }
    const auto &names = m_run->sim->nodeNames();
    if (std::find(names.begin(), names.end(), node) == names.end())
        return {false, "node '" + node + "' does not exist"};
    m_run->sim->healNode(node);
    return {true, {}};
}

std::vector<NodeView> EngineHost::nodesLocked() const
{
    const clustersim::ClusterSim &sim = *m_run->sim;
    const cluster::ObjectCache *cache = sim.freshestCache();
    const std::string leader = sim.etcdLeaderNode();
    std::vector<NodeView> out;
    for (const model::Node &n : m_run->topology.nodes) {
        NodeView view;
        view.zone = n.zone;
        view.role = roleName(n.role);
        telemetry::NodeStateSample &nv = view.state;
        nv.name = n.name;
        nv.up = sim.nodeUp(n.name);
        nv.stopped = sim.stoppedComponents(n.name);
        nv.etcdLeader = n.name == leader;
        nv.vipHolder = sim.vipHolder() == n.name;
        for (const char *lease : {"kube-controller-manager", "kube-scheduler"})
            if (sim.leaseHolderNode(lease) == n.name)
                nv.leaseHolderOf.push_back(lease);
        for (const model::Node &other : m_run->topology.nodes)
            if (other.name != n.name && nv.up && sim.nodeUp(other.name) && !sim.reachable(n.name, other.name))
                nv.partitioned = true;
        if (cache) {
            if (cluster::ObjectPtr node = cache->get(cluster::res::nodes(), "", n.name))
                nv.ready = cluster::nodeReadyStatus(*node);
            for (const auto &[key, pod] : cache->podsOnNode(n.name))
                nv.pods.push_back({cluster::namespaceOf(*pod) + "/" + cluster::nameOf(*pod), cluster::workloadOf(*pod, *cache),
                                   clustersim::monitorPhase(*pod), cluster::podReady(*pod)});
        }
        out.push_back(std::move(view));
    }
    return out;
}

StateView EngineHost::state() const
{
    auto lock = requestLock();
    StateView v;
    if (!m_run)
        return v;
    const clustersim::ClusterSim &sim = *m_run->sim;
    v.runId = m_run->id;
    v.clock = clockLocked();
    v.sample = m_run->lastSample;
    v.apiLoadBalancer = sim.apiLoadBalancer();
    v.healthyApiBackends = sim.healthyApiBackends();
    if (m_run->runner)
        v.drill = drillLocked();
    v.nodes = nodesLocked();
    return v;
}

std::string EngineHost::runId() const
{
    auto lock = requestLock();
    return m_run ? m_run->id : std::string();
}

void EngineHost::flushRecording()
{
    auto lock = requestLock();
    if (m_run && m_run->recorder) {
        m_run->recorder->flush();
        m_run->lastFlush = WallClock::now();
    }
}

std::uint64_t EngineHost::lastSeq() const
{
    auto lock = requestLock();
    return m_run ? m_run->nextSeq - 1 : 0;
}

bool EngineHost::waitItems(const std::string &runId, std::uint64_t &cursor, std::vector<Item> &out,
                           std::chrono::milliseconds wait) const
{
    auto lock = requestLock();
    auto current = [&] { return m_run && m_run->id == runId; };
    auto available = [&] { return !current() || m_stop || (!m_run->items.empty() && m_run->items.back().seq > cursor); };
    m_changed.wait_for(lock, wait, available);
    if (!current() || m_stop)
        return false;
    // Items are numbered consecutively: start right after the cursor (O(new items)).
    const std::deque<Item> &items = m_run->items;
    if (!items.empty()) {
        const std::uint64_t first = items.front().seq;
        std::size_t from = cursor + 1 <= first ? 0 : static_cast<std::size_t>(cursor + 1 - first);
        for (std::size_t i = from; i < items.size(); ++i)
            out.push_back(items[i]);
    }
    if (!out.empty())
        cursor = out.back().seq;
    return true;
}

void EngineHost::pushLocked(std::variant<telemetry::Event, telemetry::Sample> value)
{
    Run &run = *m_run;
    if (run.recorder && !run.recorderFailed) {
        if (const auto *e = std::get_if<telemetry::Event>(&value))
            run.recorder->onEvent(*e);
        else
            run.recorder->onSample(std::get<telemetry::Sample>(value));
        if (!run.recorder->error().empty()) {
            run.recorderFailed = true; // reported once; the run goes on
            run.items.push_back(Item{run.nextSeq++, recordingFailed(run.sim->now(), run.recorder->error())});
        }
    }
    // Watchers get samples without the node states (the recording has them; GetState has the
    // current ones): the retained items stay small.
    if (auto *sample = std::get_if<telemetry::Sample>(&value))
        sample->nodeStates.clear();
    m_run->items.push_back(Item{m_run->nextSeq++, std::move(value)});
    while (m_run->items.size() > m_options.retainItems)
        m_run->items.pop_front();
}

void EngineHost::advanceLocked(Micros target)
{
    Run &run = *m_run;
    while (run.sim->now() < target) {
        const Micros until = std::min(target, run.nextSample);
        run.sim->runUntil(until);
        if (run.sim->now() >= run.nextSample) {
            telemetry::Sample s = run.sampler->take();
            if (run.recorder)
                for (NodeView &n : nodesLocked())
                    s.nodeStates.push_back(std::move(n.state));
            run.lastSample = s;
            run.lastSample->nodeStates.clear();
            pushLocked(std::move(s));
            run.nextSample += kSecond;
        }
        if (run.runner && !run.scenarioFinished && run.sim->now() >= run.scenario->duration) {
            run.scenarioFinished = true;
            run.runner->finish();
        }
    }
}

DrillView EngineHost::drillLocked() const
{
    const Run &run = *m_run;
    DrillView v;
    v.name = run.scenario->name;
    v.description = run.scenario->description;
    v.duration = run.scenario->duration;
    v.finished = run.scenarioFinished;
    v.stepErrors = run.runner->stepErrors();
    for (const clustersim::DrillStepPlan &p : run.plan)
        v.steps.push_back(DrillStepView{p, p.index < run.runner->stepsRun(), false, false, std::nullopt, {}});
    for (const clustersim::ExpectationOutcome &o : run.runner->outcomes()) {
        if (o.step >= v.steps.size())
            continue;
        DrillStepView &step = v.steps[o.step];
        step.decided = o.decided;
        step.passed = o.passed;
        step.observed = o.observed;
        step.detail = o.detail;
    }
    return v;
}

void EngineHost::driverLoop()
{
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        if (!m_run || !m_run->running) {
            m_changed.wait_for(lock, std::chrono::milliseconds(100));
            continue;
        }
        Run &run = *m_run;
        const double elapsed = std::chrono::duration<double>(WallClock::now() - run.baseWall).count();
        Micros target = run.baseVirtual + static_cast<Micros>(std::llround(elapsed * 1e6 * run.speed));
        if (run.pauseAt)
            target = std::min(target, *run.pauseAt);
        // One slice at a time, so requests get the lock in between.
        const Micros now = run.sim->now();
        if (target - now > 10 * kSecond * std::max(1.0, run.speed / 10)) {
            // Far behind (the CPU cannot keep up): drop the backlog rather than burst.
            run.baseWall = WallClock::now();
            run.baseVirtual = now;
            target = now;
        }
        if (target > now) {
            // Catch up in slices for at most a frame's worth of wall time, then let requests in
            // and pace: watchers are woken once per round, not once per slice.
            const auto roundEnd = WallClock::now() + std::chrono::milliseconds(15);
            do {
                advanceLocked(std::min(target, run.sim->now() + m_options.slice));
            } while (run.sim->now() < target && WallClock::now() < roundEnd && m_waiting.load(std::memory_order_acquire) == 0);
            if (run.pauseAt && run.sim->now() >= *run.pauseAt) {
                run.running = false;
                run.pauseAt.reset();
            }
            // A crash loses at most about a second of the recording.
            if (run.recorder && WallClock::now() - run.lastFlush > std::chrono::seconds(1)) {
                run.recorder->flush();
                run.lastFlush = WallClock::now();
            }
            lock.unlock();
            m_changed.notify_all();
            // std::mutex is not fair: let every waiting request in before the next round, or a
            // client could wait for many rounds (the UI thread must not).
            while (m_waiting.load(std::memory_order_acquire) > 0)
                std::this_thread::yield();
            lock.lock();
        }
        // About 100 rounds a second: virtual time moves in steps of speed x 10 ms.
        m_changed.wait_for(lock, std::chrono::milliseconds(10), [this] { return m_stop; });
    }
}

} // namespace quorum::rpc
