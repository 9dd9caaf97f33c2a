// ClusterSim's network side: reachability between nodes, the API endpoint (HAProxy-style health
// checks, keepalived VIP), client connections, the admin client and its write probe.

#include "engine/clustersim/ClusterSim.h"
#include "engine/clustersim/Connection.h"
#include "engine/clustersim/NodeRuntime.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace quorum::clustersim {

using cluster::ApiStatus;
using cluster::EventKind;
using cluster::Json;
using cluster::kMs;
using cluster::kSecond;
namespace res = cluster::res;

bool ClusterSim::reachable(const std::string &from, const std::string &to) const
{
    // "" is the outside world (the admin's workstation): always up, cut by nothing.
    if (!from.empty() && !nodeUp(from))
        return false;
    if (!to.empty() && !nodeUp(to))
        return false;
    if (m_cut.empty())
        return true; // no partition: skip building the pairs (this runs for every API call)
    return !m_cut.count({from, to}) && !m_cut.count({to, from}); // TCP needs both directions
}

bool ClusterSim::pathOk(const std::string &from, const ApiServer &server, bool local) const
{
    if (!server.up() || !nodeUp(server.node()))
        return false;
    if (local && server.node() == from)
        return true;
    if (!m_apiLb)
        return reachable(from, server.node());
    // Through the load balancer: the frontend must be alive, reachable, and still forward there.
    const std::string frontend = m_apiLb->isManaged() ? std::string() : m_vipHolder;
    if (!m_apiLb->isManaged()) {
        const NodeRuntime *host = findNode(frontend);
        if (frontend.empty() || !host || !host->up || host->stopped.count("load-balancer") || !reachable(from, frontend))
            return false;
    }
    auto up = m_lbUp.find(frontend);
    if (up != m_lbUp.end()) {
        auto b = up->second.find(server.node());
        if (b != up->second.end() && !b->second)
            return false;
    }
    return reachable(frontend, server.node());
}

ApiServer *ClusterSim::route(const std::string &from, bool local)
{
    if (local) {
        NodeRuntime *n = findNode(from);
        if (n && n->up && n->api && n->api->up())
            return n->api.get();
    }
    if (m_apiLb) {
        std::string frontend = m_apiLb->isManaged() ? std::string() : m_vipHolder;
        if (!m_apiLb->isManaged()) {
            const NodeRuntime *host = findNode(frontend);
            if (frontend.empty() || !host || !host->up || host->stopped.count("load-balancer") || !reachable(from, frontend))
                return nullptr;
        }
        std::vector<NodeRuntime *> backends;
        for (const std::string &b : m_apiLb->targets) {
            auto &up = m_lbUp[frontend];
            auto it = up.find(b);
            if (it != up.end() && !it->second)
                continue; // marked down by the health checks
            NodeRuntime *n = findNode(b);
            if (n && n->api)
                backends.push_back(n);
        }
        if (backends.empty())
            return nullptr;
        NodeRuntime *chosen = backends[m_lbRoundRobin++ % backends.size()];
        if (!chosen->up || !chosen->api->up() || !reachable(frontend, chosen->model.name))
            return nullptr; // the LB forwards there and the connection fails
        return chosen->api.get();
    }
    for (const std::string &name : m_cpNodes) {
        NodeRuntime &n = *m_nodes.at(name);
        if (n.up && n.api && n.api->up() && reachable(from, name))
            return n.api.get();
    }
    return nullptr;
}

void ClusterSim::healthCheck()
{
    if (!m_apiLb)
        return;
    const model::HealthCheck &hc = m_apiLb->healthCheck;
    std::vector<std::string> hosts = m_apiLb->isManaged() ? std::vector<std::string>{std::string()} : m_apiLb->hosts;
    for (const std::string &host : hosts) {
        const NodeRuntime *h = host.empty() ? nullptr : findNode(host);
        if (!host.empty() && (!h || !h->up || h->stopped.count("load-balancer")))
            continue;
        for (const std::string &b : m_apiLb->targets) {
            const NodeRuntime *n = findNode(b);
            const bool ok = n && n->api && reachable(host, b) && n->api->healthy();
            int &streak = m_lbHealth[host][b];
            streak = ok ? std::max(streak, 0) + 1 : std::min(streak, 0) - 1;
            auto [it, fresh] = m_lbUp[host].try_emplace(b, true); // HAProxy starts servers UP
            (void)fresh;
            if (it->second && streak <= -hc.fall) {
                ++m_routeEpoch;
                it->second = false;
                emit(cluster::ClusterEvent{0, EventKind::Info, true, "loadbalancer/" + m_apiLb->name,
                                           "BackendDown", "Server api/" + b + " is DOWN (seen by " +
                                                              (host.empty() ? std::string("cloud") : host) + ")"});
                reconnectAll();
            } else if (!it->second && streak >= hc.rise) {
                ++m_routeEpoch;
                it->second = true;
                emit(cluster::ClusterEvent{0, EventKind::Info, false, "loadbalancer/" + m_apiLb->name,
                                           "BackendUp", "Server api/" + b + " is UP (seen by " +
                                                            (host.empty() ? std::string("cloud") : host) + ")"});
            }
        }
    }
}

int ClusterSim::healthyApiBackends() const
{
    if (!m_apiLb)
        return 0;
    const std::string frontend = m_apiLb->isManaged() ? std::string() : m_vipHolder;
    int healthy = 0;
    auto it = m_lbUp.find(frontend);
    for (const std::string &b : m_apiLb->targets) {
        bool up = true;
        if (it != m_lbUp.end()) {
            auto b2 = it->second.find(b);
            up = b2 == it->second.end() || b2->second;
        }
        healthy += up ? 1 : 0;
    }
    return healthy;
}

void ClusterSim::keepalivedTick()
{
    if (!m_apiLb || m_apiLb->isManaged() || m_apiLb->hosts.empty())
        return;
    auto alive = [this](const std::string &host) {
        const NodeRuntime *h = findNode(host);
        return h && h->up && !h->stopped.count("load-balancer");
    };
    // VRRP: the highest-priority live host is MASTER (preemption on); a BACKUP takes over when
    // it has not heard the master for master_down_interval = 3 x advert_int (1 s) + skew.
    std::string best;
    for (const std::string &h : m_apiLb->hosts)
        if (alive(h)) {
            best = h;
            break;
        }
    const Micros masterDown = 3 * kSecond + 610 * kMs;
    if (!m_vipHolder.empty() && alive(m_vipHolder)) {
        m_vipHolderSilentSince = -1;
        if (best != m_vipHolder) { // preemption by a higher priority host that came back
            emit(cluster::ClusterEvent{0, EventKind::Info, false, "loadbalancer/" + m_apiLb->name, "VipMoved",
                                       "VIP " + m_apiLb->vip + " moved from " + m_vipHolder + " to " + best});
            ++m_routeEpoch;
            m_vipHolder = best;
            reconnectAll();
        }
        return;
    }
    if (m_vipHolderSilentSince < 0)
        m_vipHolderSilentSince = now();
    if (best.empty() || now() - m_vipHolderSilentSince < masterDown)
        return;
    emit(cluster::ClusterEvent{0, EventKind::Info, false, "loadbalancer/" + m_apiLb->name, "VipMoved",
                               "VIP " + m_apiLb->vip + " moved from " + (m_vipHolder.empty() ? std::string("nobody") : m_vipHolder) +
                                   " to " + best});
    ++m_routeEpoch;
    m_vipHolder = best;
    m_vipHolderSilentSince = -1;
    reconnectAll();
}

void ClusterSim::reconnectAll()
{
    m_admin->refresh();
    for (const std::string &name : m_nodeNames) {
        NodeRuntime &n = *m_nodes.at(name);
        if (n.localConnection)
            n.localConnection->refresh();
        if (n.kubeletConnection)
            n.kubeletConnection->refresh();
    }
}

cluster::ApiClient &ClusterSim::admin()
{
    return *m_admin;
}

void ClusterSim::probeWrites()
{
    // Once a second the admin writes a small object through the API endpoint, as a user's
    // kubectl would: "writes available" is the outcome of the latest probe that completed, and
    // becomes false as soon as a probe has hung for 2 s. Probes do not wait for each other.
    const std::uint64_t probe = ++m_probeSeq;
    const Micros started = now();
    Json lease{{"apiVersion", "coordination.k8s.io/v1"},
               {"kind", "Lease"},
               {"metadata", {{"name", "quorum-studio-probe"}, {"namespace", "kube-system"}}},
               {"spec", {{"holderIdentity", "quorum-studio"}, {"renewTime", cluster::formatMicroTime(started)}}}};
    auto record = [this, probe](bool ok, const std::string &message) {
        if (probe < m_probeDecided)
            return; // a later probe already decided
        m_probeDecided = probe;
        if (ok != m_writesAvailable)
            emit(cluster::ClusterEvent{0, EventKind::Info, !ok, "apiserver", ok ? "WritesAvailable" : "WritesUnavailable",
                                       ok ? "API writes succeed again" : "API writes fail: " + message});
        m_writesAvailable = ok;
    };
    after(2 * kSecond, [this, probe, record] {
        if (probe > m_probeDone && probe >= m_probeDecided && m_writesAvailable)
            record(false, "a write has not completed for 2 s");
    });
    const ObjectCache *cache = m_admin->cache();
    const bool exists = cache && cache->get(res::leases(), "kube-system", "quorum-studio-probe");
    auto done = [this, probe, record](const cluster::ApiResult &r) {
        m_probeDone = std::max(m_probeDone, probe);
        record(r.ok(), r.message);
    };
    if (exists)
        m_admin->update(std::move(lease), done); // no resourceVersion: last write wins
    else
        m_admin->create(std::move(lease), done);
}

void ClusterSim::apply(std::vector<Json> objects, std::function<void(std::vector<std::string>)> done)
{
    // kubectl apply, one object after another, retrying while the API is unavailable (as a
    // user would): create, or replace the spec of what exists.
    struct State {
        std::vector<Json> objects;
        std::size_t next = 0;
        int attempts = 0;
        std::vector<std::string> errors;
        std::function<void(std::vector<std::string>)> done;
    };
    auto state = std::make_shared<State>();
    state->objects = std::move(objects);
    state->done = std::move(done);
    auto step = std::make_shared<std::function<void()>>();
    *step = [this, state, weak = std::weak_ptr<std::function<void()>>(step)] {
        auto self = weak.lock();
        if (state->next >= state->objects.size()) {
            if (state->done)
                state->done(state->errors);
            return;
        }
        Json object = state->objects[state->next];
        const ObjectCache *cache = m_admin->cache();
        ObjectPtr current = cache ? cache->get(cluster::keyOf(object)) : nullptr;
        auto onDone = [this, state, self](const cluster::ApiResult &r) {
            const bool retry = (r.status == ApiStatus::Unavailable || r.status == ApiStatus::Timeout ||
                                r.status == ApiStatus::Conflict) && state->attempts < 120;
            if (retry) {
                ++state->attempts;
                after(kSecond, [self] { (*self)(); });
                return;
            }
            if (!r.ok())
                state->errors.push_back(cluster::refOf(state->objects[state->next]) + ": " + r.message);
            state->attempts = 0;
            ++state->next;
            after(0, [self] { (*self)(); });
        };
        if (current) {
            Json merged = *current;
            for (const auto &[k, v] : object.items())
                if (k != "metadata" && k != "status")
                    merged[k] = v;
            if (object.contains("metadata") && object["metadata"].contains("labels"))
                merged["metadata"]["labels"] = object["metadata"]["labels"];
            m_admin->update(std::move(merged), onDone);
        } else {
            m_admin->create(std::move(object), onDone);
        }
    };
    after(0, [step] { (*step)(); });
}

void ClusterSim::scale(const std::string &workload, int replicas, std::function<void(std::string)> done)
{
    const ObjectCache *cache = m_admin->cache();
    ObjectPtr target;
    if (cache)
        for (const cluster::ResourceInfo *r : {&res::deployments(), &res::statefulSets()})
            for (const auto &[key, o] : cache->list(*r))
                if (cluster::nameOf(*o) == workload)
                    target = o;
    if (!target) {
        if (done)
            done("no Deployment or StatefulSet named \"" + workload + "\"");
        return;
    }
    Json updated = *target;
    updated["spec"]["replicas"] = replicas;
    apply({updated}, [done](std::vector<std::string> errors) {
        if (done)
            done(errors.empty() ? std::string() : errors.front());
    });
}

// ---- Connection ---------------------------------------------------------------------------

Connection::Connection(ClusterSim &sim, std::string from, bool local)
    : m_sim(sim)
    , m_from(std::move(from))
    , m_local(local)
{
}

Connection::~Connection() = default;

void Connection::refresh()
{
    const std::uint64_t epoch = m_sim.routeEpoch();
    if (m_server && m_fineAt == epoch) {
#ifdef QUORUM_CHECK_ROUTE_EPOCH // define it to check that every change bumps the epoch
        if (!routeFine()) {
            std::fprintf(stderr, "route epoch stale for %s\n", m_from.c_str());
            std::abort();
        }
#endif
        return; // nothing the route depends on changed since it was found fine
    }
    if (m_server && routeFine()) {
        m_fineAt = epoch;
        return;
    }
    ApiServer *next = m_sim.route(m_from, m_local);
    if (next == m_server)
        return;
    for (auto &[id, sub] : m_subscriptions) {
        if (m_server && sub.cacheId)
            m_server->cache().unsubscribe(sub.cacheId);
        sub.cacheId = next ? next->cache().subscribe(sub.listener, sub.resource, sub.node) : 0;
    }
    m_server = next;
    if (!next)
        return;
    // Everyone watching starts over from the new server's cache.
    for (auto &[id, sub] : m_subscriptions) {
        auto listener = sub.listener;
        m_sim.after(0, [listener] { listener(cluster::ObjectCache::Change{}); });
    }
}

bool Connection::routeFine() const
{
    // The path works, and no local client's own API server came back (kubeadm: localhost).
    return m_sim.pathOk(m_from, *m_server, m_local) &&
           (!m_local || m_server->node() == m_from || !m_sim.nodeUp(m_from));
}

const cluster::ObjectCache *Connection::cache()
{
    refresh();
    return m_server ? &m_server->cache() : nullptr;
}

int Connection::subscribe(cluster::ObjectCache::Listener listener, const cluster::ResourceInfo *resource, std::string node)
{
    refresh();
    const int id = m_next++;
    Subscription sub{std::move(listener), resource, std::move(node), 0};
    if (m_server)
        sub.cacheId = m_server->cache().subscribe(sub.listener, sub.resource, sub.node);
    m_subscriptions.emplace(id, std::move(sub));
    return id;
}

void Connection::unsubscribe(int id)
{
    auto it = m_subscriptions.find(id);
    if (it == m_subscriptions.end())
        return;
    if (m_server && it->second.cacheId)
        m_server->cache().unsubscribe(it->second.cacheId);
    m_subscriptions.erase(it);
}

void Connection::request(cluster::ApiCallback done, std::function<void(ApiServer &, cluster::ApiCallback)> send)
{
    refresh();
    dispatch(std::move(done), std::move(send));
}

void Connection::dispatch(cluster::ApiCallback done, std::function<void(ApiServer &, cluster::ApiCallback)> send)
{
    const Micros latency = m_sim.m_options.networkLatency;
    if (!m_server) {
        m_sim.after(latency, [done] {
            if (done)
                done(cluster::ApiResult{ApiStatus::Unavailable, "dial tcp: connect: connection refused (no API server reachable)", nullptr});
        });
        return;
    }
    ApiServer *server = m_server;
    m_sim.after(latency, [this, server, done, send = std::move(send)] {
        if (!m_sim.pathOk(m_from, *server, m_local)) {
            m_sim.after(kSecond, [done] {
                if (done)
                    done(cluster::ApiResult{ApiStatus::Unavailable, "http2: client connection lost", nullptr});
            });
            return;
        }
        send(*server, done);
    });
}

void Connection::create(Json object, cluster::ApiCallback done)
{
    request(std::move(done), [object = std::move(object)](ApiServer &s, cluster::ApiCallback d) mutable {
        s.create(std::move(object), std::move(d));
    });
}

void Connection::update(Json object, cluster::ApiCallback done)
{
    refresh();
    sim::ApplyWorker *worker = m_sim.etcd().applyThread();
    if (worker && m_server) {
        // The server admits and encodes it on the second thread while it travels.
        auto prepared = m_server->prepareUpdate(std::move(object), *worker);
        dispatch(std::move(done), [prepared](ApiServer &s, cluster::ApiCallback d) { s.update(prepared, std::move(d)); });
        return;
    }
    dispatch(std::move(done), [object = std::move(object)](ApiServer &s, cluster::ApiCallback d) mutable {
        s.update(std::move(object), std::move(d));
    });
}

void Connection::remove(const cluster::ResourceInfo &resource, const std::string &ns, const std::string &name,
                        std::int64_t resourceVersion, cluster::ApiCallback done, bool force)
{
    request(std::move(done), [&resource, ns, name, resourceVersion, force](ApiServer &s, cluster::ApiCallback d) {
        s.remove(resource, ns, name, resourceVersion, std::move(d), force);
    });
}

} // namespace quorum::clustersim
