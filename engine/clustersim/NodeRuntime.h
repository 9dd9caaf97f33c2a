#pragma once

// Internal to engine/clustersim: what runs on one simulated node.

#include "engine/clustersim/ClusterSim.h"
#include "engine/clustersim/Connection.h"
#include "engine/cluster/KubeProxy.h"

namespace quorum::clustersim {

struct ClusterSim::NodeRuntime {
    model::Node model;
    int index = 0;
    bool up = true;
    raft::NodeId member = raft::kNone;
    std::set<std::string> stopped; // components stopped on their own
    std::unique_ptr<ApiServer> api;
    std::unique_ptr<Connection> localConnection;  // controller-manager, scheduler
    std::unique_ptr<Connection> kubeletConnection; // kubelet and kube-proxy (both use the API endpoint)
    std::unique_ptr<cluster::ControllerManager> controllerManager;
    std::unique_ptr<cluster::SchedulerService> scheduler;
    std::unique_ptr<cluster::Kubelet> kubelet;
    std::unique_ptr<cluster::KubeProxy> kubeProxy;
    bool lbHost = false;
    bool slowDisk = false;

    bool runs(model::Component c) const { return model.runs(c); }
};

} // namespace quorum::clustersim
