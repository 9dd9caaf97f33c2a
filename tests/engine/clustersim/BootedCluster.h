#pragma once

// Shared by the engine/clustersim tests: the production-ha template booted in the cluster
// engine with every event kept, and the lookups the tests make on them.

#include "engine/cluster/Kubelet.h"
#include "engine/cluster/Workloads.h"
#include "engine/clustersim/ClusterSim.h"
#include "engine/model/TopologyYaml.h"

#include <QtTest>

#include <string>
#include <utility>
#include <vector>

namespace quorum::test {

inline model::Topology productionHa()
{
    const model::LoadResult r = model::loadTopologyFile(QUORUM_SOURCE_DIR "/resources/templates/production-ha.yaml");
    if (!r.ok())
        qFatal("cannot load the template");
    return *r.topology;
}

struct BootedCluster {
    clustersim::ClusterSim sim;
    std::vector<cluster::ClusterEvent> events;

    static clustersim::ClusterOptions optionsFor(std::uint64_t seed)
    {
        clustersim::ClusterOptions options;
        options.seed = seed;
        options.networkLatency = 500;
        return options;
    }

    explicit BootedCluster(std::uint64_t seed = 1)
        : sim(productionHa(), optionsFor(seed))
    {
        sim.setEventSink([this](const cluster::ClusterEvent &e) { events.push_back(e); });
    }
    /// The first event at or after `from` with this reason and object ("" = any), or nullptr.
    const cluster::ClusterEvent *find(const std::string &reason, const std::string &object, cluster::Micros from = 0) const
    {
        for (const cluster::ClusterEvent &e : events)
            if (e.time >= from && e.reason == reason && (object.empty() || e.object == object))
                return &e;
        return nullptr;
    }
    /// Every event with this reason and object ("" = any), in order.
    std::vector<const cluster::ClusterEvent *> all(const std::string &reason, const std::string &object) const
    {
        std::vector<const cluster::ClusterEvent *> out;
        for (const cluster::ClusterEvent &e : events)
            if (e.reason == reason && (object.empty() || e.object == object))
                out.push_back(&e);
        return out;
    }
    /// Pods of workload `name` that are not terminating, as (pod key, node), by key.
    std::vector<std::pair<std::string, std::string>> podsOf(const std::string &name) const
    {
        std::vector<std::pair<std::string, std::string>> out;
        const cluster::ObjectCache *cache = sim.freshestCache();
        for (const auto &[key, pod] : cache->list(cluster::res::pods()))
            if (cluster::workloadOf(*pod, *cache) == name && !cluster::isTerminating(*pod))
                out.emplace_back(key, cluster::podNodeName(*pod));
        return out;
    }
};

} // namespace quorum::test
