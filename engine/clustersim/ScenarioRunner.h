#pragma once

// Runs a scenario (engine/scenario) against a ClusterSim: each step at its virtual time —
// apply a manifest, scale, inject a fault (selectors such as etcd-leader resolved at that
// moment), heal — and each expectation watched from its step until it holds (its observed
// time is recorded) or its window closes.

#include "engine/clustersim/ClientLoad.h"
#include "engine/clustersim/ClusterSim.h"
#include "engine/scenario/Scenario.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace quorum::clustersim {

struct ExpectationOutcome {
    std::size_t step = 0;          ///< index of the step in scenario.steps
    int line = 0;                  ///< the step's line in the scenario file
    Micros stepAt = 0;
    std::string description;       ///< "expect etcdLeaderElected within 3s"
    bool decided = false;
    bool passed = false;
    std::optional<Micros> observed; ///< when it held, relative to the step
    std::string detail;            ///< why it failed, or what was seen
    /// "  62.104s  expect etcdLeaderElected within 3s: PASS after 1.104s"
    std::string toString() const;
};

struct ScenarioReport {
    std::vector<ExpectationOutcome> expectations;
    std::vector<std::string> stepErrors; ///< steps that could not run (unknown node, bad manifest, ...)
    bool passed() const;
};

class ScenarioRunner {
public:
    /// `log` receives one line per step run and per expectation decided.
    ScenarioRunner(ClusterSim &sim, const scenario::Scenario &scenario, std::function<void(const std::string &)> log = {});
    ~ScenarioRunner();

    /// Schedules the steps (call once, before running the simulation).
    void schedule();
    /// Runs the simulation until `until` (default: the scenario's duration) and decides every
    /// expectation still open.
    ScenarioReport run(std::optional<Micros> until = std::nullopt);
    /// Decides every expectation still open (as failed when its window is still open), for a
    /// caller that drives the simulation itself.
    ScenarioReport finish();
    /// The expectations started so far, decided or not, in the order their steps ran.
    const std::vector<ExpectationOutcome> &outcomes() const { return m_outcomes; }
    /// Steps that have run so far (they run in scenario order).
    std::size_t stepsRun() const { return m_stepsRun; }
    /// Errors of the steps that could not run so far.
    const std::vector<std::string> &stepErrors() const { return m_stepErrors; }
    /// Where `apply` steps read manifest files: given the resolved path, the file's text, or
    /// std::nullopt to read it from disk (the default). Lets a client send the files with the
    /// scenario. Call before schedule().
    void setFileSource(std::function<std::optional<std::string>(const std::string &)> source)
    {
        m_fileSource = std::move(source);
    }
    /// The client load, when the scenario has one.
    const ClientLoad *load() const { return m_load.get(); }
    /// Feed every cluster event here (NoPodsScheduled counts Scheduled events).
    void onEvent(const cluster::ClusterEvent &event);

private:
    struct Monitor;
    void execute(const scenario::Step &step);
    void fault(const scenario::Fault &fault);
    void heal(const scenario::Heal &heal);
    void expect(const scenario::Step &step, const scenario::Expectation &expectation);
    void poll(std::size_t index);
    void decide(std::size_t index, bool passed, std::string detail);
    int podsOf(const std::string &workload, bool ready) const;
    void log(const std::string &line);

    ClusterSim &m_sim;
    const scenario::Scenario &m_scenario;
    std::function<void(const std::string &)> m_log;
    std::unique_ptr<ClientLoad> m_load;
    std::vector<std::unique_ptr<Monitor>> m_monitors;
    std::vector<ExpectationOutcome> m_outcomes;
    std::vector<std::string> m_stepErrors;
    std::vector<Micros> m_scheduledEvents; // times of Scheduled events
    std::size_t m_stepsRun = 0;
    std::function<std::optional<std::string>(const std::string &)> m_fileSource;
};

} // namespace quorum::clustersim
