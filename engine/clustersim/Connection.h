#pragma once

// A component's connection to the API (cluster::ApiClient): sticky to one API server while the
// path to it works (a long-lived HTTP/2 connection, as client-go keeps), re-routed through the
// API endpoint when it breaks; subscriptions move with it and listeners are told to resync.

#include "engine/cluster/Component.h"

#include <map>

namespace quorum::clustersim {

class ClusterSim;
class ApiServer;

class Connection final : public cluster::ApiClient {
public:
    /// `local`: prefer the API server on `from` (control-plane components, as kubeadm wires them).
    Connection(ClusterSim &sim, std::string from, bool local);
    ~Connection() override;

    const cluster::ObjectCache *cache() override;
    int subscribe(cluster::ObjectCache::Listener listener, const cluster::ResourceInfo *resource,
                  std::string node) override;
    void unsubscribe(int id) override;
    void create(cluster::Json object, cluster::ApiCallback done) override;
    void update(cluster::Json object, cluster::ApiCallback done) override;
    void remove(const cluster::ResourceInfo &resource, const std::string &ns, const std::string &name,
                std::int64_t resourceVersion, cluster::ApiCallback done, bool force) override;

    /// Re-evaluates the route; moves subscriptions if the server changed.
    void refresh();
    ApiServer *server() const { return m_server; }
    const std::string &from() const { return m_from; }

private:
    struct Subscription {
        cluster::ObjectCache::Listener listener;
        const cluster::ResourceInfo *resource = nullptr;
        std::string node;
        int cacheId = 0;
    };
    /// Sends a request: `send` runs on the server after the network latency, if it is still up.
    void request(cluster::ApiCallback done, std::function<void(ApiServer &, cluster::ApiCallback)> send);
    /// The same, to the server refresh() chose (m_server).
    void dispatch(cluster::ApiCallback done, std::function<void(ApiServer &, cluster::ApiCallback)> send);
    /// Whether m_server (non-null) still serves this client: reachable, and not a local client
    /// away from its own API server while that one is up.
    bool routeFine() const;

    ClusterSim &m_sim;
    std::string m_from;
    bool m_local;
    ApiServer *m_server = nullptr;
    std::uint64_t m_fineAt = ~0ULL; // the route epoch at which m_server was found fine
    std::map<int, Subscription> m_subscriptions;
    int m_next = 1;
};

} // namespace quorum::clustersim
