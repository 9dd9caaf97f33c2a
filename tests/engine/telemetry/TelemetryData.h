#pragma once

// Small, fully populated events and samples shared by the telemetry tests and the benchmark.

#include "engine/telemetry/Event.h"
#include "engine/telemetry/Sample.h"

#include <string>

namespace quorum::telemetry::testdata {

inline Event leaderElected(Micros time, std::int64_t term)
{
    Event e;
    e.time = time;
    e.kind = EventKind::RaftLeaderChange;
    e.object = "etcd/cp-2";
    e.reason = "LeaderElected";
    e.message = "cp-2 became leader at term " + std::to_string(term);
    e.with("term", term).with("index", 40 + term);
    return e;
}

inline Event nodeNotReady(Micros time)
{
    Event e;
    e.time = time;
    e.kind = EventKind::NodeCondition;
    e.type = Severity::Warning;
    e.object = "node/worker-1";
    e.reason = "NodeNotReady";
    e.message = "Node worker-1 status is now: NodeNotReady, \"kubelet stopped\"";
    return e;
}

/// A sample with every field set; `time` in micros, `n` varies the numbers.
inline Sample fullSample(Micros time, int n)
{
    Sample s;
    s.time = time;
    for (int i = 1; i <= 3; ++i) {
        RaftMemberSample m;
        m.name = "cp-" + std::to_string(i);
        m.up = i != 3;
        m.role = i == 2 ? RaftRole::Leader : RaftRole::Follower;
        m.term = 4;
        m.commit = static_cast<std::uint64_t>(100 + n);
        m.applied = static_cast<std::uint64_t>(99 + n);
        m.leaderName = m.up ? "cp-2" : "";
        s.raft.push_back(m);
    }
    s.quorum = QuorumSample{2, 3, 2, true};
    s.writeLatency = LatencyMs{1.25, 7.5};
    s.leaseHolders = {{"kube-controller-manager", "cp-1_4f2a"}, {"kube-scheduler", ""}};
    s.nodes = NodeCounts{4, 1, 0, 5};
    s.pods[PodPhase::Running] = 6 + n;
    s.pods[PodPhase::Pending] = 1;
    s.pods[PodPhase::Terminating] = 2;
    s.workloads = {{"web", WorkloadSample{3, 3, 3}}, {"db", WorkloadSample{2, 1, 3}}};
    s.loadBalancers = {{"api-lb", LoadBalancerSample{2, 3}}};
    s.clients = ClientSample{50, 49, 1, 98.0, LatencyMs{2.5, 12.0}};
    s.backendRequests = {{"web-5d8f-abc", 25}, {"web-5d8f-def", 24}};
    return s;
}

} // namespace quorum::telemetry::testdata
