#include "engine/clustersim/DrillPlan.h"

#include "engine/cluster/Kubelet.h"
#include "engine/scenario/Duration.h"

#include <cstdio>

namespace quorum::clustersim {

namespace {

using scenario::Micros;
constexpr Micros kMs = 1000;

template <class... Ts> struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

/// "17 s", "1.5 s", "300 ms".
std::string span(Micros t)
{
    char buf[48];
    if (t < 1000 * kMs)
        std::snprintf(buf, sizeof buf, "%lld ms", static_cast<long long>(t / kMs));
    else if (t % (1000 * kMs) == 0)
        std::snprintf(buf, sizeof buf, "%lld s", static_cast<long long>(t / (1000 * kMs)));
    else
        std::snprintf(buf, sizeof buf, "%.1f s", static_cast<double>(t) / 1e6);
    return buf;
}

std::string targetText(const scenario::Target &t)
{
    switch (t.kind) {
    case scenario::Target::Kind::EtcdLeader: return "the node that hosts the etcd leader";
    case scenario::Target::Kind::LeaseHolder: return "the node where " + t.name + " holds its lease";
    case scenario::Target::Kind::Node: break;
    }
    return t.name;
}

std::string groupText(const std::vector<scenario::GroupMember> &group)
{
    std::string out;
    for (const scenario::GroupMember &m : group)
        out += (out.empty() ? "" : ", ") + m.text();
    return "[" + out + "]";
}

/// The settings a prediction is computed from, in microseconds.
struct Settings {
    Micros heartbeat, election, leaseDuration, retryPeriod, statusUpdate, monitorPeriod, grace, toleration;
    int voters = 0;
    int quorum = 1;
};

Settings settingsOf(const model::Topology &topology)
{
    const model::Timings &t = topology.timings;
    Settings s{t.etcdHeartbeatMs * kMs,      t.etcdElectionTimeoutMs * kMs, t.leaseDurationMs * kMs,
               t.retryPeriodMs * kMs,        t.nodeStatusUpdateMs * kMs,    t.nodeMonitorPeriodMs * kMs,
               t.nodeMonitorGracePeriodMs * kMs, t.evictionTolerationMs * kMs};
    s.voters = static_cast<int>(topology.nodesRunning(model::Component::Etcd).size());
    s.quorum = s.voters / 2 + 1;
    return s;
}

/// What happened before a step, as far as predictions care.
struct History {
    std::optional<Micros> lastNodeLoss; ///< time of the last kill-node / zone-outage not healed since
};

/// True when the fault takes worker nodes (and so their pods) away: a zone outage, or killing a
/// worker named in the design.
bool losesWorkers(const scenario::Fault &fault, const model::Topology &topology)
{
    if (std::holds_alternative<scenario::ZoneOutage>(fault))
        return true;
    const auto *kill = std::get_if<scenario::KillNode>(&fault);
    if (!kill || kill->target.kind != scenario::Target::Kind::Node)
        return false;
    const model::Node *node = topology.findNode(kill->target.name);
    return node && node->role == model::NodeRole::Worker;
}

std::string explainAction(const scenario::Action &action, const Settings &s)
{
    return std::visit(
        Overloaded{
            [&](const scenario::Apply &a) {
                return "Apply " + a.manifest.given +
                       ": the API server stores the objects through the etcd leader, and the controllers act on "
                       "the change.";
            },
            [&](const scenario::Scale &a) {
                return "Set " + a.workload + " to " + std::to_string(a.replicas) +
                       " replicas: its controller creates or deletes pods to match.";
            },
            [&](const scenario::Fault &f) {
                return std::visit(
                    Overloaded{
                        [&](const scenario::KillNode &k) {
                            return "Power off " + targetText(k.target) +
                                   ": every component on it stops at once, and its etcd member stops voting.";
                        },
                        [&](const scenario::RestartNode &k) {
                            return "Power " + targetText(k.target) +
                                   " back on: its components start again and its etcd member catches up from the "
                                   "leader.";
                        },
                        [&](const scenario::StopComponent &k) {
                            return std::string("Stop ") + scenario::toString(k.component) + " on " +
                                   targetText(k.target) + "; the node and its other components keep running.";
                        },
                        [&](const scenario::Partition &p) {
                            std::string groups;
                            for (const auto &g : p.groups)
                                groups += (groups.empty() ? "" : " and ") + groupText(g);
                            return "Cut the network between " + groups + (p.oneWay ? " (one way)" : "") +
                                   ": both sides keep running, but only a side with " + std::to_string(s.quorum) +
                                   " of " + std::to_string(s.voters) + " etcd voters can commit writes.";
                        },
                        [&](const scenario::ZoneOutage &z) {
                            return "Lose zone " + z.zone + ": every node in it goes down at once.";
                        },
                        [&](const scenario::SlowDisk &d) {
                            return "Add " + span(d.fsync) + " to every fsync on " + targetText(d.target) +
                                   ": its etcd member persists its log more slowly.";
                        },
                    },
                    f);
            },
            [&](const scenario::Heal &h) {
                switch (h.scope) {
                case scenario::Heal::Scope::All:
                    return std::string("Heal everything: killed nodes restart, stopped components start, the "
                                       "network and disks are repaired.");
                case scenario::Heal::Scope::Partition: return std::string("Remove the network partitions.");
                case scenario::Heal::Scope::Node: break;
                }
                return "Heal " + targetText(h.target) + ": restart it, start its components, repair its disk.";
            },
            [&](const scenario::Expectation &) { return std::string(); },
        },
        action);
}

void predict(const scenario::Step &step, const scenario::Expectation &e, const Settings &s, const History &history,
             DrillStepPlan &out)
{
    const Micros pullMax = cluster::KubeletConfig{}.imagePullMax;
    std::visit(
        Overloaded{
            [&](const scenario::EtcdLeaderElected &) {
                out.explanation = "The remaining etcd members elect a new leader.";
                out.predictedWithin = 2 * s.election + s.heartbeat;
                out.prediction = "New leader no later than " + span(*out.predictedWithin) +
                                 ": followers wait an election timeout of " + span(s.election) + " to " +
                                 span(2 * s.election) + " (randomised 1x-2x) without a heartbeat, then win a "
                                 "PreVote and a vote in about one heartbeat (" + span(s.heartbeat) + ").";
            },
            [&](const scenario::WritesAvailable &w) {
                if (w.value) {
                    out.explanation = "API writes succeed again.";
                    out.predictedWithin = 2 * s.election + s.heartbeat;
                    out.prediction = "Writes resume as soon as " + std::to_string(s.quorum) + " of " +
                                     std::to_string(s.voters) + " voters have a leader: no later than " +
                                     span(*out.predictedWithin) + " (an election of at most 2 x " +
                                     span(s.election) + " + one heartbeat).";
                } else {
                    out.explanation = "API writes fail: quorum is lost.";
                    out.predictedWithin = 0;
                    out.prediction = "A write commits only on " + std::to_string(s.quorum) + " of " +
                                     std::to_string(s.voters) + " voters; with fewer up, writes fail at once "
                                     "(each after the API server's request timeout).";
                }
            },
            [&](const scenario::LeaseHolderChanged &l) {
                out.explanation = "A standby " + l.lease + " takes over the Lease.";
                out.predictedWithin = s.leaseDuration + s.retryPeriod;
                out.prediction = "Taken over no later than " + span(*out.predictedWithin) + ": lease-duration " +
                                 span(s.leaseDuration) + " + retry-period " + span(s.retryPeriod) +
                                 " after the holder's last renewal.";
            },
            [&](const scenario::NodeReady &n) {
                if (!n.value) {
                    out.explanation = "The node lifecycle controller marks " + n.node + " NotReady (Unknown).";
                    out.predictedAfter = s.grace - s.statusUpdate;
                    out.predictedWithin = s.grace + s.monitorPeriod;
                    out.prediction = "Between " + span(*out.predictedAfter) + " and " + span(*out.predictedWithin) +
                                     ": node-monitor-grace-period " + span(s.grace) +
                                     " after the last lease renewal (renewed every " + span(s.statusUpdate) +
                                     "), checked every node-monitor-period " + span(s.monitorPeriod) + ".";
                } else {
                    out.explanation = n.node + " reports Ready again.";
                    out.predictedWithin = s.statusUpdate + s.monitorPeriod;
                    out.prediction = "Ready within " + span(*out.predictedWithin) +
                                     ": the kubelet posts its status on start (then every " + span(s.statusUpdate) +
                                     "), and the controller sees it within a node-monitor-period.";
                }
            },
            [&](const scenario::PodsRunning &p) {
                out.explanation = std::to_string(p.count) + " pods of " + p.workload + " are Running" +
                                  (p.ready ? " and Ready." : ".");
                if (history.lastNodeLoss) {
                    // Eviction: NotReady, then the NoExecute taint's tolerationSeconds, then a new pod.
                    const Micros at = *history.lastNodeLoss + s.grace + s.monitorPeriod + s.toleration + pullMax;
                    out.predictedWithin = std::max<Micros>(0, at - step.at);
                    out.prediction = "Replacement pods run no later than " + span(at - *history.lastNodeLoss) +
                                     " after the node was lost (" + span(*out.predictedWithin) +
                                     " after this step): NotReady after node-monitor-grace-period " + span(s.grace) +
                                     " (+" + span(s.monitorPeriod) + "), eviction tolerationSeconds " +
                                     span(s.toleration) + " after the taint, then scheduling and an image pull of up to " +
                                     span(pullMax) + ".";
                } else {
                    out.predictedWithin = pullMax + 1000 * kMs;
                    out.prediction = "Within about " + span(*out.predictedWithin) +
                                     ": pods are created and bound in milliseconds; the kubelet pulls the image (up "
                                     "to " + span(pullMax) + " the first time on a node) and starts the container.";
                }
            },
            [&](const scenario::ClientSuccessRate &c) {
                char rate[32];
                std::snprintf(rate, sizeof rate, "%g %%", c.atLeast);
                out.explanation = std::string("Clients succeed at least ") + rate + " over " + span(c.over) + ".";
                out.prediction = "The Service sends requests to ready endpoints only, and running pods keep serving "
                                 "while the control plane is down; requests fail only to endpoints on a node that "
                                 "died until its pods are removed from the Endpoints (after NotReady, " +
                                 span(s.grace) + ").";
            },
            [&](const scenario::NoPodsScheduled &n) {
                out.explanation = "Nothing new is scheduled for " + span(n.over) + ".";
                out.prediction = "Binding a pod is a write; without quorum (" + std::to_string(s.quorum) + " of " +
                                 std::to_string(s.voters) + " voters) the scheduler cannot bind, so no pod is "
                                 "scheduled.";
            },
        },
        e);
}

} // namespace

std::vector<DrillStepPlan> planDrill(const scenario::Scenario &sc, const model::Topology &topology)
{
    const Settings s = settingsOf(topology);
    History history;
    std::vector<DrillStepPlan> out;
    for (std::size_t i = 0; i < sc.steps.size(); ++i) {
        const scenario::Step &step = sc.steps[i];
        DrillStepPlan plan;
        plan.index = i;
        plan.at = step.at;
        plan.line = step.line;
        plan.action = scenario::describeAction(step.action);
        if (const auto *e = std::get_if<scenario::Expectation>(&step.action)) {
            plan.expectation = true;
            predict(step, *e, s, history, plan);
        } else {
            plan.explanation = explainAction(step.action, s);
        }
        if (!step.explain.empty())
            plan.explanation = step.explain;
        // What later predictions depend on.
        if (const auto *f = std::get_if<scenario::Fault>(&step.action)) {
            if (losesWorkers(*f, topology))
                history.lastNodeLoss = step.at;
        } else if (std::holds_alternative<scenario::Heal>(step.action)) {
            history.lastNodeLoss.reset();
        }
        out.push_back(std::move(plan));
    }
    return out;
}

} // namespace quorum::clustersim
