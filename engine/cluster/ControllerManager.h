#pragma once

// kube-controller-manager on one control-plane node: a LeaderElector on the Lease
// kube-system/kube-controller-manager, and the controllers, which run only while this instance
// holds the lease (active-passive, as with --leader-elect=true).

#include "engine/cluster/AttachDetach.h"
#include "engine/cluster/LeaderElector.h"
#include "engine/cluster/NodeLifecycle.h"
#include "engine/cluster/StatefulSets.h"
#include "engine/cluster/Workloads.h"

#include <memory>
#include <vector>

namespace quorum::cluster {

struct ControllerManagerConfig {
    std::string identity;  ///< "<node>_<id>"
    ElectionTimings election;
    NodeLifecycleTimings nodeLifecycle;
};

class ControllerManager {
public:
    ControllerManager(Runtime &runtime, ApiClient &api, ControllerManagerConfig config);

    void start();
    void stop();
    bool running() const { return m_elector.running(); }
    bool leading() const { return m_elector.isLeader(); }
    const LeaderElector &elector() const { return m_elector; }

private:
    void startControllers();
    void stopControllers();

    LeaderElector m_elector;
    NodeLifecycleController m_nodeLifecycle;
    ReplicaSetController m_replicaSets;
    DeploymentController m_deployments;
    EndpointsController m_endpoints;
    StatefulSetController m_statefulSets;
    DaemonSetController m_daemonSets;
    VolumeController m_volumes;
    AttachDetachController m_attachDetach;
    std::vector<Component *> m_controllers;
};

} // namespace quorum::cluster
