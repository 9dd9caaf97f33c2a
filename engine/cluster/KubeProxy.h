#pragma once

// kube-proxy on one node (iptables mode): follows Services and Endpoints through its API
// connection and programs the node's forwarding rules — one DNAT target per ready endpoint
// address of each Service. Traffic that enters the cluster at this node (a NodePort, a
// LoadBalancer's health-checked node, a pod's ClusterIP connection) is forwarded by these
// rules. They outlive a stopped kube-proxy (iptables keeps them) but no longer follow changes:
// a node whose kube-proxy is down keeps sending to endpoints that have gone and never to new
// ones, as in production.
//
// Thread rules: one thread (the simulation's).

#include "engine/cluster/Component.h"

#include <map>
#include <string>
#include <vector>

namespace quorum::cluster {

class KubeProxy : public Component {
public:
    /// One forwarding target: a ready endpoint address of a Service.
    struct Target {
        std::string ip;
        std::string node;   ///< Endpoints' nodeName
        std::string podKey; ///< "/registry/pods/<ns>/<name>" from targetRef
        bool operator==(const Target &) const = default;
    };

    KubeProxy(Runtime &runtime, ApiClient &api, std::string nodeName);

    /// The ready addresses of an Endpoints object as forwarding targets, in the object's order.
    static std::vector<Target> targetsOf(const Json &endpoints);

    const std::string &nodeName() const { return m_node; }
    /// The targets programmed for Service `name` in namespace `ns` ("" = the first namespace
    /// that has one); nullptr when no rule exists (the node rejects the connection).
    const std::vector<Target> *targets(const std::string &ns, const std::string &name) const;
    /// Virtual time of the last rule change (-1 before the first sync).
    Micros lastSync() const { return m_lastSync; }
    /// The node rebooted: its kernel lost every rule (call before start()).
    void flushRules();

private:
    void onStart() override;
    void onStop() override;
    void syncAll();
    void syncEndpoints(const std::string &key);

    std::string m_node;
    std::map<std::string, std::vector<Target>> m_rules; // by Endpoints key (= the Service's)
    std::vector<int> m_subscriptions;
    Micros m_lastSync = -1;
};

} // namespace quorum::cluster
