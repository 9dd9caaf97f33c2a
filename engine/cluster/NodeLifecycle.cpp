#include "engine/cluster/NodeLifecycle.h"

#include "engine/cluster/Kubelet.h"

#include <algorithm>

namespace quorum::cluster {

namespace {

const char *const kNotReady = "node.kubernetes.io/not-ready";
const char *const kUnreachable = "node.kubernetes.io/unreachable";

std::string readyHeartbeat(const Json &node)
{
    auto status = node.find("status");
    if (status == node.end() || !status->contains("conditions"))
        return {};
    for (const Json &c : (*status)["conditions"])
        if (c.value("type", std::string()) == "Ready")
            return c.value("lastHeartbeatTime", std::string());
    return {};
}

/// The toleration of `pod` for a NoExecute taint `key`: nullopt = not tolerated, -1 = forever,
/// otherwise seconds.
std::optional<std::int64_t> toleration(const Json &pod, const std::string &key)
{
    auto spec = pod.find("spec");
    if (spec == pod.end() || !spec->contains("tolerations"))
        return std::nullopt;
    for (const Json &t : (*spec)["tolerations"]) {
        const std::string op = t.value("operator", std::string("Equal"));
        const std::string tkey = t.value("key", std::string());
        const std::string effect = t.value("effect", std::string());
        if (!effect.empty() && effect != "NoExecute")
            continue;
        if (!(tkey == key || (tkey.empty() && op == "Exists")))
            continue;
        if (op == "Equal" && !t.value("value", std::string()).empty())
            continue; // these taints carry no value
        if (t.contains("tolerationSeconds") && t["tolerationSeconds"].is_number_integer())
            return t["tolerationSeconds"].get<std::int64_t>();
        return -1;
    }
    return std::nullopt;
}

} // namespace

NodeLifecycleController::NodeLifecycleController(Runtime &runtime, ApiClient &api, NodeLifecycleTimings timings)
    : Component(runtime, api, "node-lifecycle-controller")
    , m_timings(timings)
{
}

void NodeLifecycleController::onStart()
{
    m_health.clear();
    m_inFlight.clear();
    m_evictionsPlanned.clear();
    every(m_timings.monitorPeriod, m_timings.monitorPeriod, [this] { monitor(); });
}

void NodeLifecycleController::monitor()
{
    const ObjectCache *cache = m_api.cache();
    if (!cache)
        return;
    const Micros now = m_runtime.now();
    for (const auto &[key, node] : cache->list(res::nodes())) {
        const std::string name = nameOf(*node);
        auto [it, fresh] = m_health.try_emplace(name);
        Health &h = it->second;
        if (fresh)
            h.probe = now;
        ObjectPtr lease = cache->get(res::leases(), "kube-node-lease", name);
        const std::string renew = lease ? (*lease)["spec"].value("renewTime", std::string()) : std::string();
        const std::string heartbeat = readyHeartbeat(*node);
        if (renew != h.leaseRenew || heartbeat != h.heartbeat) {
            if (!fresh)
                h.probe = now;
            h.leaseRenew = renew;
            h.heartbeat = heartbeat;
        }
        const std::string ready = nodeReadyStatus(*node);
        const Micros grace = ready.empty() ? m_timings.startupGracePeriod : m_timings.gracePeriod;
        if (ready != "Unknown" && now > h.probe + grace && !m_inFlight.count(name)) {
            markUnknown(*node);
            continue;
        }
        reconcileTaints(*node);
        scheduleEvictions(*node);
    }
}

void NodeLifecycleController::markUnknown(const Json &nodeObject)
{
    const std::string name = nameOf(nodeObject);
    Json node = nodeObject;
    const std::string now = formatTime(m_runtime.now());
    Json &conditions = node["status"]["conditions"];
    if (!conditions.is_array() || conditions.empty())
        conditions = Json::array({Json{{"type", "Ready"}}});
    for (Json &c : conditions) {
        c["status"] = "Unknown";
        c["reason"] = "NodeStatusUnknown";
        c["message"] = "Kubelet stopped posting node status.";
        c["lastTransitionTime"] = now;
    }
    m_inFlight.insert(name);
    m_api.update(std::move(node), guarded([this, name](const ApiResult &r) {
        m_inFlight.erase(name);
        if (!r.ok())
            return;
        emit(EventKind::NodeCondition, true, "node/" + name, "NodeNotReady",
             "Node " + name + " status is now: NodeNotReady");
        markPodsNotReady(name);
        reconcileTaints(*r.object);
    }));
}

void NodeLifecycleController::markPodsNotReady(const std::string &nodeName)
{
    const ObjectCache *cache = m_api.cache();
    if (!cache)
        return;
    for (const auto &[key, pod] : cache->podsOnNode(nodeName)) {
        if (!podReady(*pod) || isTerminating(*pod))
            continue;
        Json updated = *pod;
        for (Json &c : updated["status"]["conditions"])
            if (c.value("type", std::string()) == "Ready" || c.value("type", std::string()) == "ContainersReady")
                c["status"] = "False";
        m_api.update(std::move(updated), guarded([](const ApiResult &) {}));
    }
}

void NodeLifecycleController::reconcileTaints(const Json &nodeObject)
{
    const std::string name = nameOf(nodeObject);
    if (m_inFlight.count(name))
        return;
    const std::string ready = nodeReadyStatus(nodeObject);
    std::string want;
    if (ready == "False")
        want = kNotReady;
    else if (ready == "Unknown")
        want = kUnreachable;
    Json taints = nodeObject.contains("spec") ? nodeObject["spec"].value("taints", Json::array()) : Json::array();
    Json kept = Json::array();
    bool haveExecute = false, haveSchedule = false;
    for (const Json &t : taints) {
        const std::string key = t.value("key", std::string());
        if (key != kNotReady && key != kUnreachable) {
            kept.push_back(t);
            continue;
        }
        if (key != want)
            continue; // dropped
        kept.push_back(t);
        (t.value("effect", std::string()) == "NoExecute" ? haveExecute : haveSchedule) = true;
    }
    if (!want.empty()) {
        if (!haveSchedule)
            kept.push_back(Json{{"key", want}, {"effect", "NoSchedule"}});
        if (!haveExecute)
            kept.push_back(Json{{"key", want}, {"effect", "NoExecute"}, {"timeAdded", formatTime(m_runtime.now())}});
    }
    if (kept == taints)
        return;
    Json node = nodeObject;
    if (kept.empty())
        node["spec"].erase("taints");
    else
        node["spec"]["taints"] = kept;
    m_inFlight.insert(name);
    m_api.update(std::move(node), guarded([this, name, want](const ApiResult &r) {
        m_inFlight.erase(name);
        if (r.ok() && !want.empty())
            emit(EventKind::NodeCondition, true, "node/" + name, "TaintAdded",
                 "Node " + name + " tainted " + want + ":NoExecute");
    }));
}

void NodeLifecycleController::scheduleEvictions(const Json &node)
{
    if (!node.contains("spec") || !node["spec"].contains("taints"))
        return;
    const ObjectCache *cache = m_api.cache();
    const Micros now = m_runtime.now();
    for (const Json &taint : node["spec"]["taints"]) {
        if (taint.value("effect", std::string()) != "NoExecute")
            continue;
        const std::string key = taint.value("key", std::string());
        const Micros added = parseTime(taint.value("timeAdded", std::string())).value_or(now);
        for (const auto &[podKey, pod] : cache->podsOnNode(nameOf(node))) {
            if (isTerminating(*pod) || m_evictionsPlanned.count(podKey))
                continue;
            const auto seconds = toleration(*pod, key);
            if (seconds && *seconds < 0)
                continue; // tolerates forever
            const Micros due = seconds ? added + *seconds * kSecond : now;
            m_evictionsPlanned.insert(podKey);
            later(std::max<Micros>(0, due - now), [this, podKey, key] { evict(podKey, key); });
        }
    }
}

void NodeLifecycleController::evict(const std::string &podKey, const std::string &taintKey)
{
    m_evictionsPlanned.erase(podKey);
    const ObjectCache *cache = m_api.cache();
    if (!cache)
        return;
    ObjectPtr pod = cache->get(podKey);
    if (!pod || isTerminating(*pod))
        return;
    // Still tainted? (The node may have recovered meanwhile.)
    ObjectPtr node = cache->get(res::nodes(), "", podNodeName(*pod));
    bool tainted = false;
    if (node && node->contains("spec") && (*node)["spec"].contains("taints"))
        for (const Json &t : (*node)["spec"]["taints"])
            tainted = tainted || (t.value("key", std::string()) == taintKey && t.value("effect", std::string()) == "NoExecute");
    if (!tainted)
        return;
    const std::string ref = refOf(*pod);
    const std::string ns = namespaceOf(*pod);
    const std::string name = nameOf(*pod);
    m_api.remove(res::pods(), ns, name, 0, guarded([this, ref, ns, name](const ApiResult &r) {
        if (r.ok())
            emit(EventKind::Eviction, false, ref, "TaintManagerEviction", "Marking for deletion Pod " + ns + "/" + name);
    }));
}

} // namespace quorum::cluster
