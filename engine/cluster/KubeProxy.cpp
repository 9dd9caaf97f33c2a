#include "engine/cluster/KubeProxy.h"

#include "engine/cluster/ObjectCache.h"

namespace quorum::cluster {

std::vector<KubeProxy::Target> KubeProxy::targetsOf(const Json &endpoints)
{
    std::vector<KubeProxy::Target> out;
    auto subsets = endpoints.find("subsets");
    if (subsets == endpoints.end() || !subsets->is_array())
        return out;
    for (const Json &subset : *subsets) {
        auto addresses = subset.find("addresses");
        if (addresses == subset.end() || !addresses->is_array())
            continue;
        for (const Json &a : *addresses) {
            KubeProxy::Target t;
            t.ip = a.value("ip", std::string());
            t.node = a.value("nodeName", std::string());
            const Json ref = a.value("targetRef", Json::object());
            if (ref.value("kind", std::string("Pod")) == "Pod" && ref.contains("name"))
                t.podKey = registryKey(res::pods(), ref.value("namespace", namespaceOf(endpoints)),
                                       ref.value("name", std::string()));
            out.push_back(std::move(t));
        }
    }
    return out;
}

KubeProxy::KubeProxy(Runtime &runtime, ApiClient &api, std::string nodeName)
    : Component(runtime, api, "kube-proxy/" + nodeName)
    , m_node(std::move(nodeName))
{
}

const std::vector<KubeProxy::Target> *KubeProxy::targets(const std::string &ns, const std::string &name) const
{
    if (!ns.empty()) {
        auto it = m_rules.find(registryKey(res::endpoints(), ns, name));
        return it == m_rules.end() ? nullptr : &it->second;
    }
    for (const auto &[key, targets] : m_rules) {
        const auto slash = key.rfind('/');
        if (key.compare(slash + 1, std::string::npos, name) == 0)
            return &targets;
    }
    return nullptr;
}

void KubeProxy::onStart()
{
    // A restarted kube-proxy resyncs every rule from the API; the old rules stay in place
    // until then (iptables-restore replaces them in one go).
    m_subscriptions.push_back(m_api.subscribe(
        [this](const ObjectCache::Change &change) {
            if (!change.resource)
                syncAll();
            else
                syncEndpoints(change.key);
        },
        &res::endpoints()));
    syncAll();
}

void KubeProxy::onStop()
{
    for (int id : m_subscriptions)
        m_api.unsubscribe(id);
    m_subscriptions.clear();
    // The rules stay: iptables keeps them after the process is gone.
}

void KubeProxy::flushRules()
{
    m_rules.clear();
    m_lastSync = -1;
}

void KubeProxy::syncAll()
{
    const ObjectCache *cache = m_api.cache();
    if (!cache)
        return; // disconnected: keep the rules; the resync on reconnect brings them up to date
    std::map<std::string, std::vector<Target>> rules;
    for (const auto &[key, endpoints] : cache->list(res::endpoints())) {
        std::vector<Target> targets = targetsOf(*endpoints);
        if (!targets.empty())
            rules.emplace(key, std::move(targets));
    }
    if (rules != m_rules) {
        m_rules = std::move(rules);
        m_lastSync = m_runtime.now();
    }
}

void KubeProxy::syncEndpoints(const std::string &key)
{
    const ObjectCache *cache = m_api.cache();
    if (!cache)
        return;
    const ObjectPtr endpoints = cache->get(key);
    std::vector<Target> targets = endpoints ? targetsOf(*endpoints) : std::vector<Target>{};
    auto it = m_rules.find(key);
    if (targets.empty()) {
        if (it == m_rules.end())
            return;
        m_rules.erase(it);
    } else if (it == m_rules.end()) {
        m_rules.emplace(key, std::move(targets));
    } else if (it->second != targets) {
        it->second = std::move(targets);
    } else {
        return;
    }
    m_lastSync = m_runtime.now();
}

} // namespace quorum::cluster
