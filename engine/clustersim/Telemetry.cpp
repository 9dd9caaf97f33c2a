#include "engine/clustersim/Telemetry.h"

#include "engine/cluster/Kubelet.h"
#include "engine/cluster/Workloads.h"

#include <algorithm>

namespace quorum::clustersim {

namespace res = cluster::res;

telemetry::Event toTelemetryEvent(const cluster::ClusterEvent &e)
{
    telemetry::Event out;
    out.time = e.time;
    out.kind = e.kind;
    out.type = e.warning ? telemetry::Severity::Warning : telemetry::Severity::Normal;
    out.object = e.object;
    out.reason = e.reason;
    out.message = e.message;
    return out;
}

Sampler::Sampler(ClusterSim &sim, const ClientLoad *load)
    : m_sim(sim)
    , m_load(load)
{
}

namespace {

telemetry::RaftRole roleOf(raft::Role role)
{
    switch (role) {
    case raft::Role::Leader: return telemetry::RaftRole::Leader;
    case raft::Role::Candidate: return telemetry::RaftRole::Candidate;
    case raft::Role::PreCandidate: return telemetry::RaftRole::PreCandidate;
    default: return telemetry::RaftRole::Follower;
    }
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t i = std::min(values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())));
    return values[i];
}

} // namespace

telemetry::PodPhase monitorPhase(const cluster::Json &pod)
{
    if (cluster::isTerminating(pod))
        return telemetry::PodPhase::Terminating;
    const std::string_view phase = cluster::podPhaseView(pod);
    if (phase == "Running")
        return telemetry::PodPhase::Running;
    if (phase == "Succeeded")
        return telemetry::PodPhase::Succeeded;
    if (phase == "Failed")
        return telemetry::PodPhase::Failed;
    if (!cluster::podNodeName(pod).empty())
        return telemetry::PodPhase::ContainerCreating;
    return telemetry::PodPhase::Pending;
}

telemetry::Sample Sampler::take()
{
    telemetry::Sample s;
    const Micros now = m_sim.now();
    s.time = now;
    sim::Simulation &etcd = m_sim.etcd();
    for (std::size_t i = 0; i < m_sim.etcdNodes().size(); ++i) {
        const raft::NodeId id = static_cast<raft::NodeId>(i + 1);
        telemetry::RaftMemberSample member;
        member.name = m_sim.etcdNodes()[i];
        member.up = etcd.isUp(id);
        if (member.up) {
            const auto &r = etcd.node(id).raft();
            member.role = roleOf(r.role());
            member.term = r.term();
            member.commit = r.log().committed();
            member.applied = etcd.storeAppliedIndex(id);
            if (r.lead() != raft::kNone)
                member.leaderName = m_sim.etcdNodes()[r.lead() - 1];
        }
        s.raft.push_back(std::move(member));
    }
    s.quorum.votersUp = m_sim.etcdMembersUp();
    s.quorum.votersTotal = m_sim.etcdMembers();
    s.quorum.needed = s.quorum.votersTotal / 2 + 1;
    s.quorum.writesAvailable = m_sim.writesAvailable();
    for (const char *lease : {"kube-controller-manager", "kube-scheduler"})
        s.leaseHolders[lease] = m_sim.leaseHolderNode(lease);
    {
        std::vector<double> writes;
        for (const std::string &node : m_sim.controlPlaneNodes())
            if (const ApiServer *api = m_sim.apiServer(node))
                api->writeLatencies(m_last, now, writes);
        s.writeLatency = telemetry::LatencyMs{percentile(writes, 0.5), percentile(writes, 0.99)};
    }

    if (const cluster::ObjectCache *cache = m_sim.freshestCache()) {
        for (const auto &[key, node] : cache->list(res::nodes())) {
            const std::string ready = cluster::nodeReadyStatus(*node);
            ++s.nodes.total;
            if (ready == "True")
                ++s.nodes.ready;
            else if (ready == "False")
                ++s.nodes.notReady;
            else
                ++s.nodes.unknown;
        }
        for (const model::Workload &w : m_sim.topology().workloads)
            s.workloads[w.name].desired = w.kind == model::WorkloadKind::DaemonSet ? 0 : w.replicas;
        for (const cluster::ResourceInfo *r : {&res::deployments(), &res::statefulSets()})
            for (const auto &[key, o] : cache->list(*r))
                s.workloads[cluster::nameOf(*o)].desired = (*o)["spec"].value("replicas", 1);
        for (const auto &[key, pod] : cache->list(res::pods())) {
            const telemetry::PodPhase p = monitorPhase(*pod);
            ++s.pods[p];
            const std::string workload = cluster::workloadOf(*pod, *cache);
            if (!workload.empty() && p == telemetry::PodPhase::Running) {
                ++s.workloads[workload].running;
                if (cluster::podReady(*pod))
                    ++s.workloads[workload].ready;
            }
        }
    }
    for (const model::LoadBalancer &lb : m_sim.topology().loadBalancers)
        if (lb.name == m_sim.apiLoadBalancer())
            s.loadBalancers[lb.name] = telemetry::LoadBalancerSample{m_sim.healthyApiBackends(), static_cast<int>(lb.targets.size())};

    if (m_load) {
        std::vector<double> latencies;
        for (const RequestOutcome &o : m_load->outcomes(m_last, now)) {
            ++s.clients.requests;
            if (o.ok) {
                ++s.clients.successes;
                latencies.push_back(static_cast<double>(o.latency) / 1000.0);
                ++s.backendRequests[o.backend];
            } else {
                ++s.clients.failures;
            }
        }
        s.clients.successRate = s.clients.requests ? 100.0 * static_cast<double>(s.clients.successes) /
                                                         static_cast<double>(s.clients.requests)
                                                   : 100.0;
        s.clients.latency = telemetry::LatencyMs{percentile(latencies, 0.5), percentile(latencies, 0.99)};
    }
    m_last = now;
    return s;
}

} // namespace quorum::clustersim
