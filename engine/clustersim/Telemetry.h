#pragma once

// ClusterSim -> engine/telemetry: events converted one for one, and periodic samples of what
// the monitor charts (Raft members, quorum, lease holders, nodes, pods by phase and workload,
// the API load balancer, the client load over the window since the previous sample).

#include "engine/clustersim/ClientLoad.h"
#include "engine/clustersim/ClusterSim.h"
#include "engine/telemetry/Event.h"
#include "engine/telemetry/Sample.h"

namespace quorum::clustersim {

telemetry::Event toTelemetryEvent(const cluster::ClusterEvent &event);
/// A pod's phase as the monitor counts it (Terminating and ContainerCreating as kubectl shows).
telemetry::PodPhase monitorPhase(const cluster::Json &pod);

class Sampler {
public:
    /// `load` may be null (no client load).
    Sampler(ClusterSim &sim, const ClientLoad *load);
    void setLoad(const ClientLoad *load) { m_load = load; }
    /// A sample at the current virtual time; windowed counters cover the time since the last call.
    telemetry::Sample take();

private:
    ClusterSim &m_sim;
    const ClientLoad *m_load;
    Micros m_last = 0;
};

} // namespace quorum::clustersim
