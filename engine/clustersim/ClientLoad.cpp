#include "engine/clustersim/ClientLoad.h"

#include <algorithm>
#include <memory>

namespace quorum::clustersim {

using cluster::Json;
using cluster::kMs;
using cluster::kSecond;
namespace res = cluster::res;

ClientLoad::ClientLoad(ClusterSim &sim, std::string service, double rate)
    : m_sim(sim)
    , m_service(std::move(service))
    , m_interval(std::max<Micros>(1, static_cast<Micros>(kSecond / std::max(rate, 1e-3))))
{
    auto loop = std::make_shared<std::function<void()>>();
    *loop = [this, weak = std::weak_ptr<std::function<void()>>(loop)] {
        tick();
        if (auto self = weak.lock())
            m_sim.after(m_interval, [self] { (*self)(); });
    };
    m_sim.after(0, [loop] { (*loop)(); });
}

void ClientLoad::tick()
{
    ++m_sent;
    if (m_service == "apiserver")
        apiRequest();
    else
        serviceRequest();
}

namespace {

/// Forwarding targets from the Endpoints of `service` (the designs without kube-proxy), read
/// as kube-proxy reads them.
std::vector<cluster::KubeProxy::Target> endpointTargets(const ObjectCache &cache, const std::string &service)
{
    std::vector<cluster::KubeProxy::Target> out;
    for (const auto &[key, ep] : cache.list(res::endpoints()))
        if (cluster::nameOf(*ep) == service)
            for (cluster::KubeProxy::Target &t : cluster::KubeProxy::targetsOf(*ep))
                out.push_back(std::move(t));
    return out;
}

} // namespace

void ClientLoad::serviceRequest()
{
    const Micros now = m_sim.now();
    RequestOutcome out{now, false, 0, {}, {}};
    // The entry node: the next one (round robin) that is up and runs kube-proxy.
    const std::vector<std::string> &nodes = m_sim.nodeNames();
    const cluster::KubeProxy *proxy = nullptr;
    bool anyProxy = false;
    for (std::size_t i = 0; i < nodes.size() && !proxy; ++i) {
        const std::string &name = nodes[(m_nextEntry + i) % nodes.size()];
        const cluster::KubeProxy *p = m_sim.kubeProxy(name);
        anyProxy = anyProxy || p;
        if (p && m_sim.nodeUp(name)) {
            proxy = p;
            m_nextEntry = (m_nextEntry + i + 1) % nodes.size();
        }
    }
    std::vector<cluster::KubeProxy::Target> fallback;
    const std::vector<cluster::KubeProxy::Target> *targets = nullptr;
    if (proxy) {
        out.entry = proxy->nodeName();
        targets = proxy->targets("", m_service);
    } else if (!anyProxy) {
        if (const ObjectCache *cache = m_sim.freshestCache())
            fallback = endpointTargets(*cache, m_service);
        targets = &fallback;
    }
    if (!targets || targets->empty()) {
        out.latency = 1 * kMs; // no rule: the connection is refused at once
        m_outcomes.push_back(out);
        return;
    }
    const cluster::KubeProxy::Target &t = (*targets)[m_next++ % targets->size()];
    const cluster::Kubelet *k = m_sim.kubelet(t.node);
    const bool pathOk = out.entry.empty() || out.entry == t.node || m_sim.reachable(out.entry, t.node);
    if (k && m_sim.nodeUp(t.node) && pathOk && k->serving(t.podKey)) {
        out.ok = true;
        out.latency = 1 * kMs + static_cast<Micros>(m_sim.random() % (2 * kMs));
        out.backend = t.node;
    } else {
        out.latency = 3 * kSecond; // connect timeout to a dead endpoint
    }
    m_outcomes.push_back(out);
}

void ClientLoad::apiRequest()
{
    const Micros start = m_sim.now();
    const ObjectCache *cache = m_sim.admin().cache();
    ObjectPtr current = cache ? cache->get(res::leases(), "default", "quorum-studio-load") : nullptr;
    Json lease = current ? *current
                         : Json{{"apiVersion", "coordination.k8s.io/v1"},
                                {"kind", "Lease"},
                                {"metadata", {{"name", "quorum-studio-load"}, {"namespace", "default"}}},
                                {"spec", Json::object()}};
    lease["spec"]["renewTime"] = cluster::formatMicroTime(start);
    lease["metadata"].erase("resourceVersion"); // last write wins
    auto done = [this, start](const cluster::ApiResult &r) {
        RequestOutcome out{start, r.ok(), m_sim.now() - start, {}, {}};
        // Keep outcomes ordered by send time.
        auto pos = std::upper_bound(m_outcomes.begin(), m_outcomes.end(), start,
                                    [](Micros t, const RequestOutcome &o) { return t < o.time; });
        m_outcomes.insert(pos, out);
    };
    if (current)
        m_sim.admin().update(std::move(lease), done);
    else
        m_sim.admin().create(std::move(lease), done);
}

std::vector<RequestOutcome> ClientLoad::outcomes(Micros from, Micros to) const
{
    std::vector<RequestOutcome> out;
    auto it = std::lower_bound(m_outcomes.begin(), m_outcomes.end(), from,
                               [](const RequestOutcome &o, Micros t) { return o.time < t; });
    for (; it != m_outcomes.end() && it->time < to; ++it)
        out.push_back(*it);
    return out;
}

double ClientLoad::successRate(Micros from, Micros to) const
{
    const auto list = outcomes(from, to);
    if (list.empty())
        return 100.0;
    const auto ok = std::count_if(list.begin(), list.end(), [](const RequestOutcome &o) { return o.ok; });
    return 100.0 * static_cast<double>(ok) / static_cast<double>(list.size());
}

} // namespace quorum::clustersim
