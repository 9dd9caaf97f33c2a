#include "engine/clustersim/ScenarioRunner.h"

#include "engine/cluster/Kubelet.h"
#include "engine/cluster/Manifest.h"
#include "engine/cluster/Workloads.h"
#include "engine/scenario/Duration.h"

#include <cstdio>

namespace quorum::clustersim {

using cluster::kMs;
using cluster::kSecond;
namespace res = cluster::res;

namespace {

constexpr Micros kPollInterval = 10 * kMs;

std::string seconds(Micros t)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3fs", static_cast<double>(t) / 1e6);
    return buf;
}

std::string stamp(Micros t)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%10.3fs", static_cast<double>(t) / 1e6);
    return buf;
}

template <class... Ts> struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace

struct ScenarioRunner::Monitor {
    scenario::Expectation expectation;
    Micros start = 0;
    Micros deadline = 0;
    std::string baseline; // leader / lease holder at step time
};

std::string ExpectationOutcome::toString() const
{
    std::string out = stamp(stepAt) + "  " + description + ": ";
    out += passed ? "PASS" : "FAIL";
    if (observed)
        out += " after " + seconds(*observed);
    if (!detail.empty())
        out += " (" + detail + ")";
    return out;
}

bool ScenarioReport::passed() const
{
    if (!stepErrors.empty())
        return false;
    for (const ExpectationOutcome &e : expectations)
        if (!e.passed)
            return false;
    return true;
}

ScenarioRunner::ScenarioRunner(ClusterSim &sim, const scenario::Scenario &sc, std::function<void(const std::string &)> log)
    : m_sim(sim)
    , m_scenario(sc)
    , m_log(std::move(log))
{
}

ScenarioRunner::~ScenarioRunner() = default;

void ScenarioRunner::log(const std::string &line)
{
    if (m_log)
        m_log(line);
}

void ScenarioRunner::schedule()
{
    if (m_scenario.load)
        m_load = std::make_unique<ClientLoad>(m_sim, m_scenario.load->service, m_scenario.load->rate);
    for (const scenario::Step &step : m_scenario.steps)
        m_sim.after(std::max<Micros>(0, step.at - m_sim.now()), [this, &step] { execute(step); });
}

ScenarioReport ScenarioRunner::run(std::optional<Micros> until)
{
    m_sim.runUntil(until.value_or(m_scenario.duration));
    return finish();
}

ScenarioReport ScenarioRunner::finish()
{
    for (std::size_t i = 0; i < m_outcomes.size(); ++i)
        if (!m_outcomes[i].decided)
            poll(i);
    for (std::size_t i = 0; i < m_outcomes.size(); ++i)
        if (!m_outcomes[i].decided)
            decide(i, false, "the run ended before the window closed");
    return ScenarioReport{m_outcomes, m_stepErrors};
}

void ScenarioRunner::onEvent(const cluster::ClusterEvent &event)
{
    if (event.kind == cluster::EventKind::Scheduling && event.reason == "Scheduled")
        m_scheduledEvents.push_back(event.time);
}

void ScenarioRunner::execute(const scenario::Step &step)
{
    ++m_stepsRun;
    if (!std::holds_alternative<scenario::Expectation>(step.action))
        log(stamp(step.at) + "  " + scenario::describeAction(step.action));
    std::visit(Overloaded{
                   [&](const scenario::Apply &a) {
                       std::optional<std::string> text;
                       if (m_fileSource)
                           text = m_fileSource(a.manifest.resolved);
                       cluster::ManifestResult parsed = text ? cluster::parseManifests(*text, a.manifest.given)
                                                             : cluster::loadManifestFile(a.manifest.resolved);
                       for (const cluster::ManifestProblem &p : parsed.problems)
                           m_stepErrors.push_back(p.toString());
                       m_sim.apply(std::move(parsed.objects), [this, line = step.line](std::vector<std::string> errors) {
                           for (const std::string &e : errors)
                               m_stepErrors.push_back(m_scenario.file + ":" + std::to_string(line) + ": apply: " + e);
                       });
                   },
                   [&](const scenario::Scale &s) {
                       m_sim.scale(s.workload, s.replicas, [this, line = step.line](std::string error) {
                           if (!error.empty())
                               m_stepErrors.push_back(m_scenario.file + ":" + std::to_string(line) + ": scale: " + error);
                       });
                   },
                   [&](const scenario::Fault &f) { fault(f); },
                   [&](const scenario::Heal &h) { heal(h); },
                   [&](const scenario::Expectation &e) { expect(step, e); },
               },
               step.action);
}

void ScenarioRunner::fault(const scenario::Fault &f)
{
    auto failed = [this](const std::string &what) { m_stepErrors.push_back(stamp(m_sim.now()) + "  " + what); };
    std::visit(Overloaded{
                   [&](const scenario::KillNode &k) {
                       const std::string node = m_sim.nodeOf(k.target);
                       if (node.empty() || !m_sim.killNode(node))
                           failed("kill-node " + k.target.text() + ": no such running node");
                   },
                   [&](const scenario::RestartNode &r) {
                       const std::string node = m_sim.nodeOf(r.target);
                       if (node.empty() || !m_sim.restartNode(node))
                           failed("restart-node " + r.target.text() + ": no such stopped node");
                   },
                   [&](const scenario::StopComponent &s) {
                       const std::string node = m_sim.nodeOf(s.target);
                       if (node.empty() || !m_sim.stopComponent(node, scenario::toString(s.component)))
                           failed("stop-component " + s.target.text() + " " + scenario::toString(s.component) +
                                  ": the node does not run it");
                   },
                   [&](const scenario::Partition &p) {
                       std::vector<std::vector<std::string>> groups;
                       for (const auto &group : p.groups) {
                           std::vector<std::string> nodes;
                           for (const scenario::GroupMember &m : group) {
                               if (m.kind == scenario::GroupMember::Kind::Node) {
                                   nodes.push_back(m.name);
                                   continue;
                               }
                               for (const model::Node &n : m_sim.topology().nodes)
                                   if (n.zone == m.name)
                                       nodes.push_back(n.name);
                           }
                           groups.push_back(std::move(nodes));
                       }
                       m_sim.partition(groups, p.oneWay);
                   },
                   [&](const scenario::ZoneOutage &z) {
                       if (!m_sim.zoneOutage(z.zone))
                           failed("zone-outage " + z.zone + ": no running node in that zone");
                   },
                   [&](const scenario::SlowDisk &s) {
                       const std::string node = m_sim.nodeOf(s.target);
                       if (node.empty() || !m_sim.slowDisk(node, s.fsync))
                           failed("slow-disk " + s.target.text() + ": the node runs no etcd member");
                   },
               },
               f);
}

void ScenarioRunner::heal(const scenario::Heal &h)
{
    switch (h.scope) {
    case scenario::Heal::Scope::All:
        m_sim.healAll();
        break;
    case scenario::Heal::Scope::Partition:
        m_sim.healPartitions();
        break;
    case scenario::Heal::Scope::Node: {
        const std::string node = m_sim.nodeOf(h.target);
        if (!m_sim.nodeUp(node))
            m_sim.restartNode(node);
        else
            m_sim.healNode(node);
        break;
    }
    }
}

void ScenarioRunner::expect(const scenario::Step &step, const scenario::Expectation &expectation)
{
    auto monitor = std::make_unique<Monitor>();
    monitor->expectation = expectation;
    monitor->start = m_sim.now();
    Micros window = 0;
    std::visit(Overloaded{
                   [&](const scenario::EtcdLeaderElected &e) {
                       window = e.within;
                       monitor->baseline = m_sim.etcdLeaderNode();
                   },
                   [&](const scenario::WritesAvailable &e) { window = e.within; },
                   [&](const scenario::LeaseHolderChanged &e) {
                       window = e.within;
                       monitor->baseline = m_sim.leaseHolder(e.lease);
                   },
                   [&](const scenario::NodeReady &e) { window = e.within; },
                   [&](const scenario::PodsRunning &e) { window = e.within; },
                   [&](const scenario::ClientSuccessRate &e) { window = e.over; },
                   [&](const scenario::NoPodsScheduled &e) { window = e.over; },
               },
               expectation);
    monitor->deadline = monitor->start + window;
    ExpectationOutcome outcome;
    outcome.step = static_cast<std::size_t>(&step - m_scenario.steps.data());
    outcome.line = step.line;
    outcome.stepAt = step.at;
    outcome.description = scenario::describeAction(step.action);
    m_outcomes.push_back(std::move(outcome));
    m_monitors.push_back(std::move(monitor));
    poll(m_outcomes.size() - 1);
}

int ScenarioRunner::podsOf(const std::string &workload, bool ready) const
{
    const cluster::ObjectCache *cache = m_sim.freshestCache();
    if (!cache)
        return 0;
    int n = 0;
    for (const auto &[key, pod] : cache->list(res::pods())) {
        if (!cluster::isActivePod(*pod) || cluster::podPhase(*pod) != "Running" || (ready && !cluster::podReady(*pod)))
            continue;
        const std::string owner = cluster::workloadOf(*pod, *cache);
        n += owner == workload ? 1 : 0;
    }
    return n;
}

void ScenarioRunner::poll(std::size_t index)
{
    ExpectationOutcome &out = m_outcomes[index];
    if (out.decided)
        return;
    const Monitor &m = *m_monitors[index];
    const Micros now = m_sim.now();
    const Micros elapsed = now - m.start;
    const bool closed = now >= m.deadline;
    std::optional<bool> verdict; // set when decided
    std::string detail;
    std::visit(Overloaded{
                   [&](const scenario::EtcdLeaderElected &) {
                       const std::string leader = m_sim.etcdLeaderNode();
                       if (!leader.empty() && leader != m.baseline) {
                           verdict = true;
                           detail = "leader " + leader + ", term " + std::to_string(m_sim.etcdTerm());
                       } else if (closed) {
                           verdict = false;
                           detail = leader.empty() ? "no leader" : "leader still " + leader;
                       }
                   },
                   [&](const scenario::WritesAvailable &e) {
                       if (m_sim.writesAvailable() == e.value)
                           verdict = true;
                       else if (closed) {
                           verdict = false;
                           detail = e.value ? "writes still failing" : "writes still succeeding";
                       }
                   },
                   [&](const scenario::LeaseHolderChanged &e) {
                       const std::string holder = m_sim.leaseHolder(e.lease);
                       if (!holder.empty() && holder != m.baseline) {
                           verdict = true;
                           detail = "new holder " + holder;
                       } else if (closed) {
                           verdict = false;
                           detail = holder.empty() ? "no holder" : "holder still " + holder;
                       }
                   },
                   [&](const scenario::NodeReady &e) {
                       const cluster::ObjectCache *cache = m_sim.freshestCache();
                       cluster::ObjectPtr node = cache ? cache->get(res::nodes(), "", e.node) : nullptr;
                       const std::string status = node ? cluster::nodeReadyStatus(*node) : std::string();
                       if ((status == "True") == e.value) {
                           const bool early = e.after && elapsed < *e.after;
                           verdict = !early;
                           detail = "Ready=" + (status.empty() ? std::string("missing") : status) +
                                    (early ? ", earlier than " + seconds(*e.after) : std::string());
                       } else if (closed) {
                           verdict = false;
                           detail = "Ready=" + (status.empty() ? std::string("missing") : status);
                       }
                   },
                   [&](const scenario::PodsRunning &e) {
                       const int n = podsOf(e.workload, e.ready);
                       if (n >= e.count) {
                           verdict = true;
                           detail = std::to_string(n) + (e.ready ? " running and ready" : " running");
                       } else if (closed) {
                           verdict = false;
                           detail = "only " + std::to_string(n);
                       }
                   },
                   [&](const scenario::ClientSuccessRate &e) {
                       if (!closed)
                           return;
                       const double rate = m_load ? m_load->successRate(m.start, m.deadline) : 0.0;
                       verdict = m_load && rate >= e.atLeast;
                       char buf[64];
                       std::snprintf(buf, sizeof buf, "%.2f%% of %zu requests", rate,
                                     m_load ? m_load->outcomes(m.start, m.deadline).size() : std::size_t{0});
                       detail = m_load ? buf : "the scenario has no load";
                   },
                   [&](const scenario::NoPodsScheduled &) {
                       const auto count = std::count_if(m_scheduledEvents.begin(), m_scheduledEvents.end(),
                                                        [&](Micros t) { return t >= m.start && t < m.deadline; });
                       if (count > 0) {
                           verdict = false;
                           detail = std::to_string(count) + " pod(s) scheduled";
                       } else if (closed) {
                           verdict = true;
                       }
                   },
               },
               m.expectation);
    if (verdict) {
        const bool windowed = std::holds_alternative<scenario::ClientSuccessRate>(m.expectation) ||
                              std::holds_alternative<scenario::NoPodsScheduled>(m.expectation);
        if (*verdict && !windowed)
            out.observed = elapsed;
        decide(index, *verdict, detail);
        return;
    }
    const Micros next = std::min(kPollInterval, std::max<Micros>(1, m.deadline - now));
    m_sim.after(next, [this, index] { poll(index); });
}

void ScenarioRunner::decide(std::size_t index, bool passed, std::string detail)
{
    ExpectationOutcome &out = m_outcomes[index];
    out.decided = true;
    out.passed = passed;
    out.detail = std::move(detail);
    m_sim.emit(cluster::ClusterEvent{0, cluster::EventKind::Expectation, !passed, "scenario/" + m_scenario.name,
                                     passed ? "ExpectationMet" : "ExpectationFailed", out.toString()});
    log(out.toString());
}

} // namespace quorum::clustersim
