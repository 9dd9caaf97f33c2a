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

void ClientLoad::serviceRequest()
{
    const Micros now = m_sim.now();
    RequestOutcome out{now, false, 0, {}};
    const ObjectCache *cache = m_sim.freshestCache();
    std::vector<Json> addresses;
    if (cache)
        for (const auto &[key, ep] : cache->list(res::endpoints())) {
            if (cluster::nameOf(*ep) != m_service)
                continue;
            for (const Json &subset : ep->value("subsets", Json::array()))
                for (const Json &a : subset.value("addresses", Json::array()))
                    addresses.push_back(a);
        }
    if (!addresses.empty()) {
        const Json &a = addresses[m_next++ % addresses.size()];
        const std::string node = a.value("nodeName", std::string());
        const Json ref = a.value("targetRef", Json::object());
        const std::string podKey = cluster::registryKey(res::pods(), ref.value("namespace", std::string()),
                                                        ref.value("name", std::string()));
        const cluster::Kubelet *k = m_sim.kubelet(node);
        if (k && m_sim.nodeUp(node) && k->serving(podKey)) {
            out.ok = true;
            out.latency = 1 * kMs + static_cast<Micros>(m_sim.random() % (2 * kMs));
            out.backend = node;
        } else {
            out.latency = 3 * kSecond; // connect timeout to a dead endpoint
        }
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
        RequestOutcome out{start, r.ok(), m_sim.now() - start, {}};
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
