#pragma once

// The built-in client load: requests at a fixed rate of virtual time to a Service or to the API
// ("apiserver": small writes through the API endpoint). A Service request enters the cluster at
// a node (round robin over the nodes that are up and run kube-proxy, as a NodePort behind an L4
// balancer or in-cluster clients spread over nodes) and is forwarded by that node's kube-proxy
// rules (round robin over their targets). It succeeds when the pod it lands on really serves —
// its node is up, the path from the entry node to it is not cut, and its container runs and
// answers — so stale endpoints and stale kube-proxy rules cost failures the way they do in
// production. Without any kube-proxy in the design, requests use the freshest Endpoints.

#include "engine/clustersim/ClusterSim.h"

#include <deque>

namespace quorum::clustersim {

struct RequestOutcome {
    Micros time = 0;
    bool ok = false;
    Micros latency = 0;
    std::string backend; ///< node that served it ("" on failure)
    std::string entry;   ///< node whose kube-proxy forwarded it ("" for API requests)
};

class ClientLoad {
public:
    /// Starts sending `rate` requests per second to `service` at once.
    ClientLoad(ClusterSim &sim, std::string service, double rate);

    /// Outcomes of requests sent in [from, to).
    std::vector<RequestOutcome> outcomes(Micros from, Micros to) const;
    /// Success percentage in [from, to) (100 when no request was sent).
    double successRate(Micros from, Micros to) const;
    std::uint64_t sent() const { return m_sent; }

private:
    void tick();
    void serviceRequest();
    void apiRequest();

    ClusterSim &m_sim;
    std::string m_service;
    Micros m_interval;
    std::size_t m_next = 0;
    std::size_t m_nextEntry = 0;
    std::uint64_t m_sent = 0;
    std::deque<RequestOutcome> m_outcomes; // by time
};

} // namespace quorum::clustersim
