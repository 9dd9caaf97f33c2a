#pragma once

// Small designs built in code for the rule tests: a healthy HA cluster that each test bends.

#include "engine/model/Findings.h"
#include "engine/model/Topology.h"

#include <string>
#include <vector>

namespace quorum::model::testing {

inline Node makeNode(const std::string &name, NodeRole role, const std::string &zone, EtcdMode mode = EtcdMode::Stacked)
{
    Node n;
    n.name = name;
    n.role = role;
    n.zone = zone;
    n.cpuMillis = 8000;
    n.memoryBytes = 32LL << 30;
    n.components = defaultComponents(role, mode);
    return n;
}

/// controlPlanes stacked control-plane nodes and `workers` workers, round-robin over `zones`
/// zones, with an HAProxy pair + VIP in front of the API servers.
inline Topology haCluster(int controlPlanes = 3, int workers = 3, int zones = 3)
{
    Topology t;
    t.name = "test";
    for (int z = 0; z < zones; ++z)
        t.zones.push_back(Zone{"z" + std::to_string(z + 1), "", {}});
    auto zoneOf = [&](int i) { return zones ? "z" + std::to_string(i % zones + 1) : std::string(); };
    LoadBalancer lb;
    lb.name = "api";
    lb.hosts = {"lb-1", "lb-2"};
    lb.vip = "10.0.0.10";
    for (int i = 0; i < controlPlanes; ++i) {
        t.nodes.push_back(makeNode("cp-" + std::to_string(i + 1), NodeRole::ControlPlane, zoneOf(i)));
        lb.targets.push_back("cp-" + std::to_string(i + 1));
    }
    for (int i = 0; i < workers; ++i)
        t.nodes.push_back(makeNode("w-" + std::to_string(i + 1), NodeRole::Worker, zoneOf(i)));
    t.nodes.push_back(makeNode("lb-1", NodeRole::LoadBalancer, zoneOf(0)));
    t.nodes.push_back(makeNode("lb-2", NodeRole::LoadBalancer, zoneOf(1)));
    t.loadBalancers.push_back(lb);
    return t;
}

inline Workload makeWorkload(const std::string &name, WorkloadKind kind, int replicas)
{
    Workload w;
    w.name = name;
    w.kind = kind;
    w.replicas = replicas;
    w.image = "app:1";
    w.resources.cpuRequestMillis = 500;
    w.resources.memoryRequestBytes = 512LL << 20;
    w.readiness.type = ProbeType::TcpSocket;
    w.readiness.port = 80;
    w.liveness = w.readiness;
    w.placement.spreadZones = true;
    w.minAvailable = replicas > 1 ? replicas - 1 : 0;
    return w;
}

/// The findings of one rule.
inline std::vector<Finding> findingsOf(const Topology &t, const std::string &rule)
{
    std::vector<Finding> out;
    for (Finding &f : checkTopology(t))
        if (f.rule == rule)
            out.push_back(std::move(f));
    return out;
}

} // namespace quorum::model::testing
