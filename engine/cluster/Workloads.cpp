#include "engine/cluster/Workloads.h"

#include "engine/cluster/Kubelet.h"
#include "engine/cluster/WriteGroup.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace quorum::cluster {

namespace {

int specReplicas(const Json &object)
{
    auto spec = object.find("spec");
    if (spec == object.end())
        return 1;
    auto r = spec->find("replicas");
    return r != spec->end() && r->is_number_integer() ? r->get<int>() : 1;
}

std::string uidOf(const Json &object)
{
    return object.contains("metadata") ? object["metadata"].value("uid", std::string()) : std::string();
}

std::vector<ObjectPtr> ownedReplicaSets(const ObjectCache &cache, const std::string &ns, const std::string &uid)
{
    std::vector<ObjectPtr> out;
    for (const auto &[key, object] : cache.ownedBy(uid))
        if (resourceForKey(key) == &res::replicaSets() && namespaceOf(*object) == ns)
            out.push_back(object);
    return out;
}

int statusInt(const Json &object, const char *field)
{
    auto status = object.find("status");
    if (status == object.end())
        return 0;
    auto v = status->find(field);
    return v != status->end() && v->is_number_integer() ? v->get<int>() : 0;
}

} // namespace

std::vector<std::string> ownerKeys(const ObjectCache::Change &change, const ResourceInfo &owner)
{
    // Read in place: a copy of metadata per pod change was most of the controllers' cost.
    std::vector<std::string> keys;
    for (const ObjectPtr &o : {change.before, change.after}) {
        if (!o)
            continue;
        auto meta = o->find("metadata");
        if (meta == o->end() || !meta->is_object())
            continue;
        auto refs = meta->find("ownerReferences");
        if (refs == meta->end() || !refs->is_array())
            continue;
        for (const Json &ref : *refs) {
            if (!ref.is_object())
                continue;
            auto controller = ref.find("controller");
            auto kind = ref.find("kind");
            auto name = ref.find("name");
            if (controller != ref.end() && controller->is_boolean() && controller->get<bool>() && kind != ref.end() &&
                kind->is_string() && kind->get_ref<const std::string &>() == owner.kind)
                keys.push_back(registryKey(owner, namespaceOf(*o),
                                           name != ref.end() && name->is_string() ? name->get_ref<const std::string &>() : std::string()));
        }
    }
    return keys;
}

std::vector<ObjectPtr> ownedPods(const ObjectCache &cache, const std::string &ns, const std::string &uid)
{
    std::vector<ObjectPtr> out;
    for (const auto &[key, object] : cache.ownedBy(uid))
        if (resourceForKey(key) == &res::pods() && namespaceOf(*object) == ns)
            out.push_back(object);
    return out;
}

std::string workloadOf(const Json &pod, const ObjectCache &cache)
{
    auto controllerOf = [](const Json &object, std::string &kind) {
        for (const Json &ref : object.value("metadata", Json::object()).value("ownerReferences", Json::array()))
            if (ref.value("controller", false)) {
                kind = ref.value("kind", std::string());
                return ref.value("name", std::string());
            }
        return std::string();
    };
    std::string kind;
    std::string owner = controllerOf(pod, kind);
    if (kind == "ReplicaSet")
        if (ObjectPtr rs = cache.get(res::replicaSets(), namespaceOf(pod), owner)) {
            std::string parentKind;
            const std::string parent = controllerOf(*rs, parentKind);
            if (!parent.empty())
                owner = parent;
        }
    return owner;
}

bool isActivePod(const Json &pod)
{
    const std::string_view phase = podPhaseView(pod);
    return !isTerminating(pod) && phase != "Succeeded" && phase != "Failed";
}

int scaledValue(const Json &value, int total, bool roundUp, int fallback)
{
    if (value.is_number_integer())
        return value.get<int>();
    if (value.is_string()) {
        std::string text = value.get<std::string>();
        if (!text.empty() && text.back() == '%') {
            text.pop_back();
            const double pct = std::atof(text.c_str());
            const double v = pct * total / 100.0;
            return static_cast<int>(roundUp ? std::ceil(v) : std::floor(v));
        }
        return std::atoi(text.c_str());
    }
    return fallback;
}

std::string podTemplateHash(const Json &tmpl)
{
    // FNV-1a over the canonical JSON text (nlohmann sorts object keys), then the safe alphabet.
    const std::string text = tmpl.dump();
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : text) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    std::string out;
    for (int i = 0; i < 10; ++i) {
        out += alphabet[h % 27];
        h /= 27;
    }
    return out;
}

// ---- ReplicaSet ---------------------------------------------------------------------------

ReplicaSetController::ReplicaSetController(Runtime &runtime, ApiClient &api)
    : Reconciler(runtime, api, "replicaset-controller", res::replicaSets(), {&res::pods()})
{
}

std::vector<std::string> ReplicaSetController::keysFor(const ObjectCache::Change &change)
{
    return ownerKeys(change, res::replicaSets());
}

void ReplicaSetController::reconcile(const ObjectCache &cache, const std::string &key, std::function<void()> done)
{
    ObjectPtr rs = cache.get(key);
    auto join = WriteGroup::make(std::move(done));
    if (!rs || isTerminating(*rs)) {
        join->release();
        return;
    }
    const std::string ns = namespaceOf(*rs);
    const std::string uid = uidOf(*rs);
    // The cache keeps counts of each owner's pods, so a reconcile that changes nothing costs
    // O(1) instead of a pass over every pod of the ReplicaSet.
    const ObjectCache::OwnedPodCounts &counts = cache.ownedPodCounts(uid);
    const int activeCount = counts.active;
    const int readyCount = counts.activeReady;
    const int want = specReplicas(*rs);
    const int diff = want - activeCount;
    if (diff > 0) {
        // Slow start as the real controller: batches of 1, 2, 4, ... stopping at the first error;
        // here one batch per reconcile, at most 500 pods.
        const int n = std::min(diff, 500);
        const Json &tmpl = (*rs)["spec"]["template"];
        for (int i = 0; i < n; ++i) {
            Json pod{{"apiVersion", "v1"}, {"kind", "Pod"}};
            pod["metadata"] = tmpl.value("metadata", Json::object());
            pod["metadata"]["generateName"] = nameOf(*rs) + "-";
            pod["metadata"]["namespace"] = ns;
            pod["metadata"]["ownerReferences"] = Json::array({controllerRef(*rs)});
            pod["spec"] = tmpl.value("spec", Json::object());
            const std::string rsRef = refOf(*rs);
            m_api.create(std::move(pod), WriteGroup::add(join, guarded([this, rsRef](const ApiResult &r) {
                if (r.ok())
                    emit(EventKind::Kubernetes, false, rsRef, "SuccessfulCreate", "Created pod: " + nameOf(*r.object));
                else
                    emit(EventKind::Kubernetes, true, rsRef, "FailedCreate", "Error creating: " + r.message);
            })));
        }
    } else if (diff < 0) {
        std::vector<ObjectPtr> active;
        for (const ObjectPtr &p : ownedPods(cache, ns, uid))
            if (isActivePod(*p))
                active.push_back(p);
        // Delete the least useful pods first: unscheduled, pending, not ready, then the newest.
        auto rank = [](const ObjectPtr &p) {
            if (podNodeName(*p).empty())
                return 0;
            if (podPhase(*p) == "Pending")
                return 1;
            if (!podReady(*p))
                return 2;
            return 3;
        };
        std::stable_sort(active.begin(), active.end(), [&](const ObjectPtr &a, const ObjectPtr &b) {
            if (rank(a) != rank(b))
                return rank(a) < rank(b);
            return resourceVersionOf((*a)) > resourceVersionOf(*b);
        });
        for (int i = 0; i < -diff; ++i) {
            const ObjectPtr &p = active[static_cast<std::size_t>(i)];
            const std::string rsRef = refOf(*rs);
            const std::string podName = nameOf(*p);
            m_api.remove(res::pods(), ns, podName, 0, WriteGroup::add(join, guarded([this, rsRef, podName](const ApiResult &r) {
                if (r.ok())
                    emit(EventKind::Kubernetes, false, rsRef, "SuccessfulDelete", "Deleted pod: " + podName);
            })));
        }
    }
    // Status.
    Json status{{"replicas", activeCount},
                {"fullyLabeledReplicas", activeCount},
                {"readyReplicas", readyCount},
                {"availableReplicas", readyCount},
                {"observedGeneration", generationOf(*rs)}};
    if (rs->value("status", Json::object()) != status) {
        Json updated = *rs;
        updated["status"] = status;
        m_api.update(std::move(updated), WriteGroup::add(join));
    }
    join->release();
}

// ---- Deployment ---------------------------------------------------------------------------

DeploymentController::DeploymentController(Runtime &runtime, ApiClient &api)
    : Reconciler(runtime, api, "deployment-controller", res::deployments(), {&res::replicaSets()})
{
}

std::vector<std::string> DeploymentController::keysFor(const ObjectCache::Change &change)
{
    return ownerKeys(change, res::deployments());
}

void DeploymentController::reconcile(const ObjectCache &cache, const std::string &key, std::function<void()> done)
{
    ObjectPtr d = cache.get(key);
    auto join = WriteGroup::make(std::move(done));
    if (!d || isTerminating(*d)) {
        join->release();
        return;
    }
    const std::string ns = namespaceOf(*d);
    const int replicas = specReplicas(*d);
    const Json &spec = (*d)["spec"];
    const Json tmpl = spec.value("template", Json::object());
    const std::string hash = podTemplateHash(tmpl);
    std::vector<ObjectPtr> owned = ownedReplicaSets(cache, ns, uidOf(*d));
    ObjectPtr newRs;
    std::vector<ObjectPtr> old;
    for (const ObjectPtr &rs : owned) {
        const auto labels = labelsOf(*rs);
        auto h = labels.find("pod-template-hash");
        if (h != labels.end() && h->second == hash)
            newRs = rs;
        else
            old.push_back(rs);
    }
    const Json strategy = spec.value("strategy", Json::object());
    const bool recreate = strategy.value("type", std::string("RollingUpdate")) == "Recreate";
    const Json rolling = strategy.value("rollingUpdate", Json::object());
    int maxSurge = scaledValue(rolling.value("maxSurge", Json("25%")), replicas, true, 0);
    int maxUnavailable = scaledValue(rolling.value("maxUnavailable", Json("25%")), replicas, false, 0);
    if (maxSurge == 0 && maxUnavailable == 0)
        maxUnavailable = 1;

    int total = 0, oldReplicas = 0, available = 0;
    for (const ObjectPtr &rs : owned) {
        total += specReplicas(*rs);
        available += statusInt(*rs, "availableReplicas");
    }
    for (const ObjectPtr &rs : old)
        oldReplicas += specReplicas(*rs);

    auto scale = [&](const ObjectPtr &rs, int to, const char *why) {
        Json updated = *rs;
        updated["spec"]["replicas"] = to;
        const std::string dRef = refOf(*d);
        const std::string msg = std::string(why) + " replica set " + nameOf(*rs) + " to " + std::to_string(to);
        m_api.update(std::move(updated), WriteGroup::add(join, guarded([this, dRef, msg](const ApiResult &r) {
            if (r.ok())
                emit(EventKind::Kubernetes, false, dRef, "ScalingReplicaSet", msg);
        })));
    };

    if (!newRs) {
        int initial = replicas;
        if (!old.empty())
            initial = recreate ? (oldReplicas == 0 ? replicas : 0)
                               : std::max(0, std::min(replicas, replicas + maxSurge - total));
        Json rs{{"apiVersion", "apps/v1"}, {"kind", "ReplicaSet"}};
        rs["metadata"] = Json{{"name", nameOf(*d) + "-" + hash},
                              {"namespace", ns},
                              {"labels", tmpl.value("metadata", Json::object()).value("labels", Json::object())},
                              {"ownerReferences", Json::array({controllerRef(*d)})}};
        rs["metadata"]["labels"]["pod-template-hash"] = hash;
        Json t = tmpl;
        t["metadata"]["labels"]["pod-template-hash"] = hash;
        Json selector = spec.value("selector", Json::object());
        selector["matchLabels"]["pod-template-hash"] = hash;
        rs["spec"] = Json{{"replicas", initial}, {"selector", selector}, {"template", t}};
        const std::string dRef = refOf(*d);
        const std::string msg = "Scaled up replica set " + nameOf(*d) + "-" + hash + " to " + std::to_string(initial);
        m_api.create(std::move(rs), WriteGroup::add(join, guarded([this, dRef, msg](const ApiResult &r) {
            if (r.ok())
                emit(EventKind::Kubernetes, false, dRef, "ScalingReplicaSet", msg);
        })));
    } else if (recreate) {
        if (oldReplicas > 0) {
            for (const ObjectPtr &rs : old)
                if (specReplicas(*rs) > 0)
                    scale(rs, 0, "Scaled down");
        } else if (specReplicas(*newRs) != replicas) {
            scale(newRs, replicas, specReplicas(*newRs) < replicas ? "Scaled up" : "Scaled down");
        }
    } else {
        const int newReplicas = specReplicas(*newRs);
        if (old.empty()) {
            if (newReplicas != replicas)
                scale(newRs, replicas, newReplicas < replicas ? "Scaled up" : "Scaled down");
        } else {
            // Scale up the new one within the surge budget.
            if (newReplicas < replicas) {
                const int room = replicas + maxSurge - total;
                if (room > 0)
                    scale(newRs, std::min(replicas, newReplicas + room), "Scaled up");
            }
            // Scale down old ones while availability stays above replicas - maxUnavailable.
            const int newUnavailable = std::max(0, newReplicas - statusInt(*newRs, "availableReplicas"));
            int budget = total - (replicas - maxUnavailable) - newUnavailable;
            budget = std::min(budget, available - (replicas - maxUnavailable));
            for (const ObjectPtr &rs : old) {
                if (budget <= 0)
                    break;
                const int current = specReplicas(*rs);
                if (current == 0)
                    continue;
                const int down = std::min(current, budget);
                scale(rs, current - down, "Scaled down");
                budget -= down;
            }
        }
    }

    // Status.
    int statusReplicas = 0, ready = 0;
    for (const ObjectPtr &rs : owned) {
        statusReplicas += statusInt(*rs, "replicas");
        ready += statusInt(*rs, "readyReplicas");
    }
    const int updated = newRs ? statusInt(*newRs, "replicas") : 0;
    Json status{{"observedGeneration", generationOf(*d)},
                {"replicas", statusReplicas},
                {"updatedReplicas", updated},
                {"readyReplicas", ready},
                {"availableReplicas", available},
                {"unavailableReplicas", std::max(0, replicas - available)}};
    if (d->value("status", Json::object()) != status) {
        Json copy = *d;
        copy["status"] = status;
        m_api.update(std::move(copy), WriteGroup::add(join));
    }
    join->release();
}

// ---- Endpoints ----------------------------------------------------------------------------

EndpointsController::EndpointsController(Runtime &runtime, ApiClient &api)
    : Reconciler(runtime, api, "endpoints-controller", res::services(), {&res::pods()})
{
}

std::vector<std::string> EndpointsController::keysFor(const ObjectCache::Change &change)
{
    // Every Service of the pod's namespace whose selector matches the pod before or after.
    std::vector<std::string> keys;
    const ObjectCache *cache = m_api.cache();
    if (!cache)
        return keys;
    const ObjectPtr &pod = change.after ? change.after : change.before;
    const std::string ns = namespaceOf(*pod);
    for (const auto &[key, svc] : cache->list(res::services())) {
        if (namespaceOf(*svc) != ns || !svc->contains("spec") || !(*svc)["spec"].contains("selector"))
            continue;
        const Json &selector = (*svc)["spec"]["selector"];
        if ((change.before && labelsMatch(selector, *change.before)) || (change.after && labelsMatch(selector, *change.after)))
            keys.push_back(key);
    }
    return keys;
}

void EndpointsController::reconcile(const ObjectCache &cache, const std::string &key, std::function<void()> done)
{
    auto join = WriteGroup::make(std::move(done));
    ObjectPtr svc = cache.get(key);
    if (!svc || !svc->contains("spec") || !(*svc)["spec"].contains("selector")) {
        join->release();
        return;
    }
    const std::string ns = namespaceOf(*svc);
    const Json &selector = (*svc)["spec"]["selector"];
    Json ready = Json::array(), notReady = Json::array();
    for (const auto &[podKey, pod] : cache.list(res::pods())) {
        if (namespaceOf(*pod) != ns || !labelsMatch(selector, *pod) || isTerminating(*pod))
            continue;
        const std::string ip = pod->contains("status") ? (*pod)["status"].value("podIP", std::string()) : std::string();
        if (ip.empty())
            continue;
        Json address{{"ip", ip},
                     {"nodeName", podNodeName(*pod)},
                     {"targetRef", {{"kind", "Pod"}, {"namespace", ns}, {"name", nameOf(*pod)}}}};
        (podReady(*pod) ? ready : notReady).push_back(std::move(address));
    }
    Json ports = Json::array();
    for (const Json &p : (*svc)["spec"].value("ports", Json::array())) {
        Json port{{"port", p.contains("targetPort") ? p["targetPort"] : p.value("port", Json(0))},
                  {"protocol", p.value("protocol", std::string("TCP"))}};
        if (p.contains("name"))
            port["name"] = p["name"];
        ports.push_back(std::move(port));
    }
    Json subsets = Json::array();
    if (!ready.empty() || !notReady.empty()) {
        Json subset{{"ports", ports}};
        if (!ready.empty())
            subset["addresses"] = ready;
        if (!notReady.empty())
            subset["notReadyAddresses"] = notReady;
        subsets.push_back(std::move(subset));
    }
    ObjectPtr current = cache.get(res::endpoints(), ns, nameOf(*svc));
    if (current && current->value("subsets", Json::array()) == subsets) {
        join->release();
        return;
    }
    Json ep = current ? *current
                      : Json{{"apiVersion", "v1"},
                             {"kind", "Endpoints"},
                             {"metadata", {{"name", nameOf(*svc)}, {"namespace", ns}}}};
    ep["subsets"] = subsets;
    if (current)
        m_api.update(std::move(ep), WriteGroup::add(join));
    else
        m_api.create(std::move(ep), WriteGroup::add(join));
    join->release();
}

} // namespace quorum::cluster
