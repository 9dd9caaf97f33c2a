#pragma once

// kube-controller-manager's node lifecycle controller with its taint-based eviction: every
// nodeMonitorPeriod it checks each node's heartbeat (its Lease in kube-node-lease, or the Ready
// condition's lastHeartbeatTime). A node silent for longer than nodeMonitorGracePeriod (startup
// grace for a node that never reported) gets every condition set to Unknown ("Kubelet stopped
// posting node status."), its pods marked not Ready, and the taint node.kubernetes.io/unreachable
// (NoExecute and NoSchedule); a node reporting Ready=False gets node.kubernetes.io/not-ready.
// Pods on a node with a NoExecute taint they do not tolerate are evicted at once; pods tolerating
// it for tolerationSeconds are evicted when that time has passed since the taint was added.
// A newly elected controller gives every node a fresh grace period, as the real one does.

#include "engine/cluster/Component.h"

#include <map>
#include <set>

namespace quorum::cluster {

struct NodeLifecycleTimings {
    Micros monitorPeriod = 5 * kSecond;
    Micros gracePeriod = 40 * kSecond;
    Micros startupGracePeriod = 60 * kSecond;
};

class NodeLifecycleController : public Component {
public:
    NodeLifecycleController(Runtime &runtime, ApiClient &api, NodeLifecycleTimings timings);

private:
    struct Health {
        Micros probe = 0;          // when a heartbeat was last seen changing
        std::string leaseRenew;    // the last lease renewTime seen
        std::string heartbeat;     // the last Ready lastHeartbeatTime seen
    };

    void onStart() override;
    void monitor();
    void markUnknown(const Json &node);
    void reconcileTaints(const Json &node);
    void markPodsNotReady(const std::string &nodeName);
    void scheduleEvictions(const Json &node);
    void evict(const std::string &podKey, const std::string &taintKey);

    NodeLifecycleTimings m_timings;
    std::map<std::string, Health> m_health;
    std::set<std::string> m_inFlight;        // node names with a write outstanding
    std::set<std::string> m_evictionsPlanned; // pod keys
};

} // namespace quorum::cluster
