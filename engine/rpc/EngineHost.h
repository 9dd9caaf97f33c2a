#pragma once

// One run of the cluster engine behind the engine API: a ClusterSim booted from a design, a
// sample of it every virtual second, the run's telemetry kept (bounded) for watchers, and the
// driver thread that moves virtual time with the wall clock (virtual = wall x speed while
// running) — the "real-time driver" of the design. The GUI's embedded engine and quorumd both
// serve one EngineHost through EngineService.
//
// Thread rules: every public method may be called from any thread; one mutex guards the run.
// The simulation itself only ever runs on the driver thread or inside step() under that mutex.

#include "engine/clustersim/ClusterSim.h"
#include "engine/clustersim/DrillPlan.h"
#include "engine/clustersim/Telemetry.h"
#include "engine/model/TopologyYaml.h"
#include "engine/telemetry/Event.h"
#include "engine/telemetry/Sample.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

namespace quorum::rpc {

using Micros = std::int64_t;

/// One telemetry item of a run, numbered from 1.
struct Item {
    std::uint64_t seq = 0;
    std::variant<telemetry::Event, telemetry::Sample> value;
};

struct Clock {
    Micros virtualMicros = 0;
    double speed = 1;
    bool running = false;
    std::string message; ///< why a request was refused ("" when accepted)
};

struct Outcome {
    bool ok = false;
    std::string message;
};

struct LoadOutcome {
    bool ok = false;
    std::vector<model::Diagnostic> diagnostics;
    std::string runId;
};

struct ApplyOutcome {
    bool ok = false;
    std::vector<model::Diagnostic> diagnostics;
    int objects = 0;
};

/// A fault as the API names it (see FaultRequest in engine.proto).
struct FaultSpec {
    std::string kind;
    std::string target;
    std::string component;
    std::vector<std::vector<std::string>> groups;
    bool oneWay = false;
    Micros fsync = 0;
};

/// What the diagram shows of one node (also recorded in each sample, for replay).
struct NodeView {
    std::string zone, role;
    telemetry::NodeStateSample state;
};

/// A drill's step as it stands: its plan, and once it ran, what was observed.
struct DrillStepView {
    clustersim::DrillStepPlan plan;
    bool ran = false;       ///< the step's time has come and it was executed
    bool decided = false;   ///< expectations: the verdict is in
    bool passed = false;
    std::optional<Micros> observed; ///< expectations: when it held, after the step's time
    std::string detail;     ///< why it failed, or what was seen
};

/// The scenario a run plays (RunScenario), step by step.
struct DrillView {
    std::string name, description;
    Micros duration = 0;
    std::vector<DrillStepView> steps;
    std::vector<std::string> stepErrors; ///< steps that could not run (unknown node, bad manifest)
    bool finished = false;  ///< the scenario's duration has passed; every expectation is decided
};

/// A scenario to run (see ScenarioRequest in engine.proto).
struct ScenarioSpec {
    std::string yaml;
    std::string sourceName;   ///< the scenario file's path: relative paths in it resolve from its folder
    std::string topologyYaml; ///< the design to run instead of the scenario's spec.topology ("" = use that)
    /// Files the scenario names (its topology, apply manifests), keyed by the path as the scenario
    /// writes it; a path not given here is read from the engine's disk.
    std::map<std::string, std::string> files;
    std::uint64_t seed = 0;   ///< 0: the scenario's seed, else 1
    std::string recordPath;   ///< record the run into this SQLite file ("" = do not record)
    int recordKeepRuns = 0;   ///< > 0: at most this many runs stay in that file (the oldest go)
};

struct StateView {
    std::string runId;
    Clock clock;
    std::vector<NodeView> nodes;
    std::optional<telemetry::Sample> sample; ///< the latest (once a second)
    std::string apiLoadBalancer;
    int healthyApiBackends = 0;
    std::optional<DrillView> drill; ///< set when the run plays a scenario
};

struct EngineHostOptions {
    /// Items kept for watchers that start from the beginning (older ones are dropped first):
    /// about 5 h of a steady run (a sample a second and a few events). A sample in memory is
    /// about 3.5 KB, so 200,000 made a two-day run's engine alone grow past 700 MiB; a
    /// recorded run keeps everything on disk for replay.
    std::size_t retainItems = 20000;
    /// The driver advances at most this much virtual time per slice before letting requests in.
    Micros slice = 100 * 1000;
};

class EngineHost {
public:
    explicit EngineHost(EngineHostOptions options = {});
    ~EngineHost(); ///< stops the driver thread
    EngineHost(const EngineHost &) = delete;
    EngineHost &operator=(const EngineHost &) = delete;

    /// Boots the design in `yaml` at virtual time 0, paused, replacing any run (its watchers'
    /// streams end). A design that does not parse, or has error findings, is refused with its
    /// places and the current run stays.
    /// With `recordPath`, the run's events and samples (with every node's state) are recorded
    /// into that SQLite file (telemetry::SqliteRecorder); a file that cannot be opened is
    /// reported as a Warning event and the run goes on unrecorded.
    /// With `keepRuns` > 0 the oldest runs of that file are dropped so that at most that many remain.
    LoadOutcome load(const std::string &yaml, const std::string &sourceName, std::uint64_t seed,
                     const std::string &recordPath = {}, int keepRuns = 0);
    /// Boots the scenario's design (or spec.topologyYaml) like load(), paused at 0, with the
    /// scenario's steps scheduled and its client load started; the steps run as virtual time
    /// passes them. Scenario and design problems come back with their places.
    LoadOutcome loadScenario(const ScenarioSpec &spec);
    /// Sends Kubernetes manifests to the API endpoint; refusals arrive as Warning events.
    ApplyOutcome apply(const std::string &yaml, const std::string &sourceName);
    /// speed in [0.25, 1000]. With `pauseAt` (a virtual time after now), the run pauses once it
    /// gets there, having run everything due at that time (a drill's next step).
    Clock run(double speed, std::optional<Micros> pauseAt = std::nullopt);
    Clock pause();
    /// Advances `micros` of virtual time now (then paused; the recording is committed).
    Clock step(Micros micros);
    Clock clock() const;
    Outcome fault(const FaultSpec &fault);
    /// Heals `node` ("" = everything).
    Outcome heal(const std::string &node);
    StateView state() const;

    /// The current run's id ("" before the first load).
    std::string runId() const;
    /// Items with seq > *cursor of run `runId`, waiting up to `wait` for some; moves the cursor.
    /// A cursor of 0 with fromStart=false skips to the newest item first. Returns false when
    /// `runId` is no longer the current run (the stream should end).
    bool waitItems(const std::string &runId, std::uint64_t &cursor, std::vector<Item> &out,
                   std::chrono::milliseconds wait) const;
    /// The seq of the newest item of the current run (0 when none).
    std::uint64_t lastSeq() const;
    /// Commits what the current run's recorder holds, so a reader sees all of it.
    void flushRecording();

private:
    struct Run;
    /// Checks and boots a design into a new Run (not yet current). Outside the lock.
    std::unique_ptr<Run> boot(const std::string &yaml, const std::string &sourceName, std::uint64_t seed,
                              LoadOutcome &out) const;
    /// Makes `run` the current run (its watchers' streams of the old one end).
    void install(std::unique_ptr<Run> run, const std::string &recordPath, int keepRuns, const std::string &scenarioName,
                 LoadOutcome &out);
    /// Every node as the diagram shows it now. Lock held.
    std::vector<NodeView> nodesLocked() const;
    DrillView drillLocked() const;
    void driverLoop();
    /// Runs the simulation to `target` virtual time, sampling each whole second. Lock held.
    void advanceLocked(Micros target);
    void pushLocked(std::variant<telemetry::Event, telemetry::Sample> value);
    Clock clockLocked() const;
    /// The clock with a refusal message (kNoRun when no design is running).
    Clock refusedLocked(std::string why) const;

    EngineHostOptions m_options;
    /// Takes the run's lock for a request, ahead of the driver's next slice.
    std::unique_lock<std::mutex> requestLock() const;

    mutable std::mutex m_mutex;
    mutable std::atomic<int> m_waiting{0}; // requests waiting for m_mutex
    mutable std::condition_variable m_changed; // items added, run replaced, clock changed
    std::unique_ptr<Run> m_run;
    std::uint64_t m_runCounter = 0;
    bool m_stop = false;
    std::thread m_driver;
};

} // namespace quorum::rpc
