#include "engine/cluster/StatefulSets.h"

#include "engine/cluster/Kubelet.h"
#include "engine/cluster/WriteGroup.h"
#include "engine/cluster/Workloads.h"

#include <map>
#include <memory>

namespace quorum::cluster {

namespace {

std::string uidOf(const Json &o)
{
    return o.value("metadata", Json::object()).value("uid", std::string());
}

} // namespace

bool isNodeLocalProvisioner(const std::string &provisioner)
{
    return provisioner == "kubernetes.io/no-provisioner" || provisioner.find("local") != std::string::npos;
}

std::vector<std::string> podClaims(const Json &pod)
{
    // Read in place: value("spec", ...) would copy the whole spec for every pod change.
    std::vector<std::string> out;
    auto spec = pod.find("spec");
    if (spec == pod.end() || !spec->is_object())
        return out;
    auto volumes = spec->find("volumes");
    if (volumes == spec->end() || !volumes->is_array())
        return out;
    for (const Json &v : *volumes) {
        if (!v.is_object())
            continue;
        auto claim = v.find("persistentVolumeClaim");
        if (claim != v.end())
            out.push_back(claim->value("claimName", std::string()));
    }
    return out;
}

// ---- StatefulSet --------------------------------------------------------------------------

StatefulSetController::StatefulSetController(Runtime &runtime, ApiClient &api)
    : Reconciler(runtime, api, "statefulset-controller", res::statefulSets(), {&res::pods()})
{
}

std::vector<std::string> StatefulSetController::keysFor(const ObjectCache::Change &change)
{
    return ownerKeys(change, res::statefulSets());
}

void StatefulSetController::reconcile(const ObjectCache &cache, const std::string &key, std::function<void()> done)
{
    auto pending = WriteGroup::make(std::move(done));
    ObjectPtr sts = cache.get(key);
    if (!sts || isTerminating(*sts)) {
        pending->release();
        return;
    }
    const std::string ns = namespaceOf(*sts);
    const std::string name = nameOf(*sts);
    const Json spec = sts->value("spec", Json::object());
    const int replicas = spec.value("replicas", 1);
    const Json tmpl = spec.value("template", Json::object());
    const std::string ref = refOf(*sts);
    std::map<int, ObjectPtr> pods;
    for (const ObjectPtr &p : ownedPods(cache, ns, uidOf(*sts))) {
        const std::string podName = nameOf(*p);
        if (podName.size() > name.size() + 1 && podName.compare(0, name.size() + 1, name + "-") == 0)
            pods[std::atoi(podName.c_str() + name.size() + 1)] = p;
    }
    int ready = 0, current = 0;
    for (const auto &[i, p] : pods) {
        current += isActivePod(*p) ? 1 : 0;
        ready += isActivePod(*p) && podReady(*p) ? 1 : 0;
    }
    bool waiting = false;
    for (int i = 0; i < replicas && !waiting; ++i) {
        auto it = pods.find(i);
        if (it == pods.end()) {
            const std::string podName = name + "-" + std::to_string(i);
            Json pod{{"apiVersion", "v1"}, {"kind", "Pod"}};
            pod["metadata"] = tmpl.value("metadata", Json::object());
            pod["metadata"]["name"] = podName;
            pod["metadata"]["namespace"] = ns;
            pod["metadata"]["labels"]["statefulset.kubernetes.io/pod-name"] = podName;
            pod["metadata"]["labels"]["apps.kubernetes.io/pod-index"] = std::to_string(i);
            pod["metadata"]["ownerReferences"] = Json::array({controllerRef(*sts)});
            pod["spec"] = tmpl.value("spec", Json::object());
            pod["spec"]["hostname"] = podName;
            if (spec.contains("serviceName"))
                pod["spec"]["subdomain"] = spec["serviceName"];
            for (const Json &claim : spec.value("volumeClaimTemplates", Json::array())) {
                const std::string claimName = claim.value("metadata", Json::object()).value("name", std::string());
                const std::string pvcName = claimName + "-" + podName;
                if (!pod["spec"].contains("volumes"))
                    pod["spec"]["volumes"] = Json::array();
                pod["spec"]["volumes"].push_back(Json{{"name", claimName}, {"persistentVolumeClaim", {{"claimName", pvcName}}}});
                if (!cache.get(res::persistentVolumeClaims(), ns, pvcName)) {
                    Json pvc{{"apiVersion", "v1"},
                             {"kind", "PersistentVolumeClaim"},
                             {"metadata", {{"name", pvcName}, {"namespace", ns}, {"labels", tmpl.value("metadata", Json::object()).value("labels", Json::object())}}},
                             {"spec", claim.value("spec", Json::object())},
                             {"status", {{"phase", "Pending"}}}};
                    m_api.create(std::move(pvc), WriteGroup::add(pending, guarded([this, ref, pvcName, name](const ApiResult &r) {
                        if (r.ok())
                            emit(EventKind::Kubernetes, false, ref, "SuccessfulCreate",
                                 "create Claim " + pvcName + " in StatefulSet " + name + " success");
                    })));
                }
            }
            m_api.create(std::move(pod), WriteGroup::add(pending, guarded([this, ref, podName, name](const ApiResult &r) {
                if (r.ok())
                    emit(EventKind::Kubernetes, false, ref, "SuccessfulCreate",
                         "create Pod " + podName + " in StatefulSet " + name + " successful");
                else
                    emit(EventKind::Kubernetes, true, ref, "FailedCreate",
                         "create Pod " + podName + " in StatefulSet " + name + " failed error: " + r.message);
            })));
            waiting = true; // OrderedReady: one at a time
        } else if (!isActivePod(*it->second) || podPhase(*it->second) != "Running" || !podReady(*it->second)) {
            waiting = true;
        }
    }
    // Scale down from the highest ordinal, one at a time, when nothing lower is in flux.
    if (!waiting && !pods.empty() && pods.rbegin()->first >= replicas) {
        const ObjectPtr &victim = pods.rbegin()->second;
        if (!isTerminating(*victim)) {
            const std::string podName = nameOf(*victim);
            m_api.remove(res::pods(), ns, podName, 0, WriteGroup::add(pending, guarded([this, ref, podName, name](const ApiResult &r) {
                if (r.ok())
                    emit(EventKind::Kubernetes, false, ref, "SuccessfulDelete",
                         "delete Pod " + podName + " in StatefulSet " + name + " successful");
            })));
        }
    }
    Json status{{"observedGeneration", generationOf(*sts)},
                {"replicas", current},
                {"readyReplicas", ready},
                {"currentReplicas", current},
                {"availableReplicas", ready}};
    if (sts->value("status", Json::object()) != status) {
        Json updated = *sts;
        updated["status"] = status;
        m_api.update(std::move(updated), WriteGroup::add(pending));
    }
    pending->release();
}

// ---- DaemonSet ----------------------------------------------------------------------------

DaemonSetController::DaemonSetController(Runtime &runtime, ApiClient &api)
    : Reconciler(runtime, api, "daemonset-controller", res::daemonSets(), {&res::pods(), &res::nodes()})
{
}

std::vector<std::string> DaemonSetController::keysFor(const ObjectCache::Change &change)
{
    std::vector<std::string> keys;
    const ObjectCache *cache = m_api.cache();
    if (change.resource == &res::nodes() && cache) {
        for (const auto &[key, ds] : cache->list(res::daemonSets()))
            keys.push_back(key);
        return keys;
    }
    return ownerKeys(change, res::daemonSets());
}

namespace {

bool tolerates(const Json &tolerations, const Json &taint)
{
    const std::string effect = taint.value("effect", std::string());
    if (effect == "PreferNoSchedule")
        return true;
    for (const Json &t : tolerations) {
        const std::string op = t.value("operator", std::string("Equal"));
        const std::string key = t.value("key", std::string());
        const std::string teffect = t.value("effect", std::string());
        if (!teffect.empty() && teffect != effect)
            continue;
        if (op == "Exists" && (key.empty() || key == taint.value("key", std::string())))
            return true;
        if (op == "Equal" && key == taint.value("key", std::string()) && t.value("value", std::string()) == taint.value("value", std::string()))
            return true;
    }
    return false;
}

} // namespace

void DaemonSetController::reconcile(const ObjectCache &cache, const std::string &key, std::function<void()> done)
{
    auto pending = WriteGroup::make(std::move(done));
    ObjectPtr ds = cache.get(key);
    if (!ds || isTerminating(*ds)) {
        pending->release();
        return;
    }
    const std::string ns = namespaceOf(*ds);
    const std::string name = nameOf(*ds);
    const std::string ref = refOf(*ds);
    const Json tmpl = ds->value("spec", Json::object()).value("template", Json::object());
    Json tolerations = tmpl.value("spec", Json::object()).value("tolerations", Json::array());
    for (const char *k : {"node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"})
        tolerations.push_back(Json{{"key", k}, {"operator", "Exists"}, {"effect", "NoExecute"}});
    for (const char *k : {"node.kubernetes.io/unschedulable", "node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"})
        tolerations.push_back(Json{{"key", k}, {"operator", "Exists"}, {"effect", "NoSchedule"}});
    const Json selector = tmpl.value("spec", Json::object()).value("nodeSelector", Json::object());

    std::map<std::string, std::vector<ObjectPtr>> byNode; // node -> active pods
    for (const ObjectPtr &p : ownedPods(cache, ns, uidOf(*ds))) {
        if (!isActivePod(*p))
            continue;
        std::string target = podNodeName(*p);
        if (target.empty()) // not scheduled yet: its affinity names the node
            for (const Json &term : (*p)["spec"]["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]
                                        .value("nodeSelectorTerms", Json::array()))
                for (const Json &e : term.value("matchExpressions", Json::array()))
                    if (e.value("key", std::string()) == "kubernetes.io/hostname" && !e.value("values", Json::array()).empty())
                        target = e["values"][0].get<std::string>();
        byNode[target].push_back(p);
    }
    int desired = 0, ready = 0, scheduled = 0;
    for (const auto &[nodeKey, node] : cache.list(res::nodes())) {
        const std::string nodeName = nameOf(*node);
        bool eligible = selector.empty() || labelsMatch(selector, *node);
        for (const Json &taint : node->value("spec", Json::object()).value("taints", Json::array()))
            eligible = eligible && tolerates(tolerations, taint);
        auto have = byNode.find(nodeName);
        if (!eligible)
            continue;
        ++desired;
        if (have != byNode.end() && !have->second.empty()) {
            scheduled += 1;
            ready += podReady(*have->second.front()) ? 1 : 0;
            byNode.erase(have);
            continue;
        }
        Json pod{{"apiVersion", "v1"}, {"kind", "Pod"}};
        pod["metadata"] = tmpl.value("metadata", Json::object());
        pod["metadata"]["generateName"] = name + "-";
        pod["metadata"]["namespace"] = ns;
        pod["metadata"]["ownerReferences"] = Json::array({controllerRef(*ds)});
        pod["spec"] = tmpl.value("spec", Json::object());
        pod["spec"]["tolerations"] = tolerations;
        pod["spec"]["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]["nodeSelectorTerms"] =
            Json::array({Json{{"matchExpressions", Json::array({Json{{"key", "kubernetes.io/hostname"},
                                                                     {"operator", "In"},
                                                                     {"values", Json::array({nodeName})}}})}}});
        m_api.create(std::move(pod), WriteGroup::add(pending, guarded([this, ref](const ApiResult &r) {
            if (r.ok())
                emit(EventKind::Kubernetes, false, ref, "SuccessfulCreate", "Created pod: " + nameOf(*r.object));
        })));
    }
    // Pods for nodes that are gone or no longer qualify.
    for (const auto &[nodeName, pods] : byNode)
        for (const ObjectPtr &p : pods) {
            const std::string podName = nameOf(*p);
            m_api.remove(res::pods(), ns, podName, 0, WriteGroup::add(pending, guarded([this, ref, podName](const ApiResult &r) {
                if (r.ok())
                    emit(EventKind::Kubernetes, false, ref, "SuccessfulDelete", "Deleted pod: " + podName);
            })));
        }
    Json status{{"desiredNumberScheduled", desired},
                {"currentNumberScheduled", scheduled},
                {"numberReady", ready},
                {"numberMisscheduled", 0},
                {"observedGeneration", generationOf(*ds)}};
    if (ds->value("status", Json::object()) != status) {
        Json updated = *ds;
        updated["status"] = status;
        m_api.update(std::move(updated), WriteGroup::add(pending));
    }
    pending->release();
}

// ---- volumes ------------------------------------------------------------------------------

VolumeController::VolumeController(Runtime &runtime, ApiClient &api)
    : Reconciler(runtime, api, "persistentvolume-binder", res::persistentVolumeClaims(), {&res::pods()})
{
}

std::vector<std::string> VolumeController::keysFor(const ObjectCache::Change &change)
{
    std::vector<std::string> keys;
    if (!change.after || podNodeName(*change.after).empty())
        return keys;
    for (const std::string &claim : podClaims(*change.after))
        keys.push_back(registryKey(res::persistentVolumeClaims(), namespaceOf(*change.after), claim));
    return keys;
}

void VolumeController::reconcile(const ObjectCache &cache, const std::string &key, std::function<void()> done)
{
    auto pending = WriteGroup::make(std::move(done));
    ObjectPtr pvc = cache.get(key);
    if (!pvc || !pvc->value("spec", Json::object()).value("volumeName", std::string()).empty()) {
        pending->release();
        return;
    }
    const std::string ns = namespaceOf(*pvc);
    const std::string name = nameOf(*pvc);
    const std::string ref = refOf(*pvc);
    const Json spec = pvc->value("spec", Json::object());
    std::string className = spec.value("storageClassName", std::string());
    ObjectPtr sc;
    if (className.empty()) {
        for (const auto &[k, c] : cache.list(res::storageClasses()))
            if (c->value("metadata", Json::object()).value("annotations", Json::object())
                    .value("storageclass.kubernetes.io/is-default-class", std::string()) == "true")
                sc = c;
    } else {
        sc = cache.get(res::storageClasses(), "", className);
    }
    if (!sc) {
        emit(EventKind::Kubernetes, true, ref, "ProvisioningFailed",
             "storageclass.storage.k8s.io \"" + className + "\" not found");
        pending->release();
        return;
    }
    const std::string provisioner = sc->value("provisioner", std::string());
    std::string selectedNode;
    if (sc->value("volumeBindingMode", std::string("Immediate")) == "WaitForFirstConsumer") {
        for (const auto &[k, pod] : cache.list(res::pods())) {
            if (namespaceOf(*pod) != ns || podNodeName(*pod).empty())
                continue;
            for (const std::string &claim : podClaims(*pod))
                if (claim == name)
                    selectedNode = podNodeName(*pod);
        }
        if (selectedNode.empty()) {
            pending->release(); // waiting for first consumer to be created before binding
            return;
        }
    }
    const std::string pvName = "pvc-" + uidOf(*pvc);
    Json pv{{"apiVersion", "v1"},
            {"kind", "PersistentVolume"},
            {"metadata", {{"name", pvName}, {"annotations", {{"pv.kubernetes.io/provisioned-by", provisioner}}}}},
            {"spec",
             {{"capacity", {{"storage", spec.value("resources", Json::object()).value("requests", Json::object()).value("storage", Json("1Gi"))}}},
              {"accessModes", spec.value("accessModes", Json::array({"ReadWriteOnce"}))},
              {"storageClassName", nameOf(*sc)},
              {"persistentVolumeReclaimPolicy", sc->value("reclaimPolicy", std::string("Delete"))},
              {"claimRef", {{"kind", "PersistentVolumeClaim"}, {"namespace", ns}, {"name", name}, {"uid", uidOf(*pvc)}}}}},
            {"status", {{"phase", "Bound"}}}};
    if (!isNodeLocalProvisioner(provisioner) && provisioner.find('.') != std::string::npos)
        pv["spec"]["csi"] = Json{{"driver", provisioner}, {"volumeHandle", pvName}}; // a CSI volume
    if (isNodeLocalProvisioner(provisioner) && !selectedNode.empty())
        pv["spec"]["nodeAffinity"]["required"]["nodeSelectorTerms"] = Json::array({Json{
            {"matchExpressions", Json::array({Json{{"key", "kubernetes.io/hostname"}, {"operator", "In"}, {"values", Json::array({selectedNode})}}})}}});
    Json bound = *pvc;
    bound["spec"]["volumeName"] = pvName;
    bound["status"] = Json{{"phase", "Bound"}, {"accessModes", pv["spec"]["accessModes"]}, {"capacity", pv["spec"]["capacity"]}};
    m_api.create(std::move(pv), WriteGroup::add(pending, guarded([this, bound, ref, pvName, pending](const ApiResult &r) mutable {
        if (!r.ok() && r.status != ApiStatus::AlreadyExists)
            return;
        emit(EventKind::Kubernetes, false, ref, "ProvisioningSucceeded", "Successfully provisioned volume " + pvName);
        m_api.update(std::move(bound), WriteGroup::add(pending));
    })));
    pending->release();
}

} // namespace quorum::cluster
