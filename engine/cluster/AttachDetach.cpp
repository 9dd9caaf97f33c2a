#include "engine/cluster/AttachDetach.h"

#include "engine/cluster/Kubelet.h"
#include "engine/cluster/StatefulSets.h"
#include "engine/cluster/WriteGroup.h"

#include <cstdio>

namespace quorum::cluster {

namespace {

std::string stringAt(const Json &object, std::initializer_list<const char *> path)
{
    const Json *at = &object;
    for (const char *field : path) {
        if (!at->is_object())
            return {};
        auto it = at->find(field);
        if (it == at->end())
            return {};
        at = &*it;
    }
    return at->is_string() ? at->get<std::string>() : std::string();
}

/// kubelet's view of "terminated": Failed/Succeeded, or deleted with no container running. A pod
/// whose node died still says its containers run, so it is not terminated.
bool podTerminated(const Json &pod)
{
    const std::string_view phase = podPhaseView(pod);
    if (phase == "Failed" || phase == "Succeeded")
        return true;
    if (!isTerminating(pod))
        return false;
    for (const Json &c : arrayAt(objectAt(pod, "status"), "containerStatuses"))
        if (objectAt(c, "state").contains("running"))
            return false;
    return true;
}

bool multiNode(const Json &pv)
{
    for (const Json &mode : pv.value("spec", Json::object()).value("accessModes", Json::array()))
        if (mode == "ReadWriteMany" || mode == "ReadOnlyMany")
            return true;
    return false;
}

std::string podRef(const Json &pod)
{
    return "pod/" + namespaceOf(pod) + "/" + nameOf(pod);
}

} // namespace

bool isAttachableProvisioner(const std::string &provisioner)
{
    // CSI block drivers attach a device to the node (ControllerPublishVolume); file systems
    // served over the network (NFS, CephFS) and node-local volumes are only mounted.
    static const char *const attachable[] = {"rbd.csi.ceph.com",         "driver.longhorn.io",
                                             "ebs.csi.aws.com",          "pd.csi.storage.gke.io",
                                             "disk.csi.azure.com",       "cinder.csi.openstack.org"};
    for (const char *p : attachable)
        if (provisioner == p)
            return true;
    return false;
}

std::string volumeDriver(const Json &pv)
{
    std::string driver = stringAt(pv, {"spec", "csi", "driver"});
    if (driver.empty())
        driver = stringAt(pv, {"metadata", "annotations", "pv.kubernetes.io/provisioned-by"});
    return driver;
}

std::string volumeAttachmentName(const std::string &pv, const std::string &driver, const std::string &node)
{
    // FNV-1a of what the controller hashes (sha256 there), 16 hex digits.
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const std::string *part : {&pv, &driver, &node})
        for (unsigned char c : *part) {
            h ^= c;
            h *= 0x100000001b3ULL;
        }
    char buf[24];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return std::string("csi-") + buf;
}

bool volumeAttached(const ObjectCache &cache, const std::string &pv, const std::string &node)
{
    for (const auto &[key, va] : cache.list(res::volumeAttachments()))
        if (stringAt(*va, {"spec", "source", "persistentVolumeName"}) == pv && stringAt(*va, {"spec", "nodeName"}) == node &&
            va->value("status", Json::object()).value("attached", false))
            return true;
    return false;
}

AttachDetachController::AttachDetachController(Runtime &runtime, ApiClient &api, AttachDetachTimings timings)
    : Reconciler(runtime, api, "attachdetach-controller", res::persistentVolumes(),
                 {&res::pods(), &res::volumeAttachments(), &res::nodes(), &res::persistentVolumeClaims()})
    , m_timings(timings)
{
}

void AttachDetachController::onStart()
{
    // A new leader starts with an empty memory, as the controller rebuilds its state of the
    // world: timers and reported errors start over.
    m_unusedSince.clear();
    m_reported.clear();
    m_attaching.clear();
    Reconciler::onStart();
}

std::vector<std::string> AttachDetachController::keysFor(const ObjectCache::Change &change)
{
    std::vector<std::string> keys;
    const ObjectCache *cache = m_api.cache();
    if (!cache)
        return keys;
    auto pvOfClaim = [&](const std::string &ns, const std::string &claim) {
        if (ObjectPtr pvc = cache->get(res::persistentVolumeClaims(), ns, claim)) {
            const std::string volume = stringAt(*pvc, {"spec", "volumeName"});
            if (!volume.empty())
                keys.push_back(registryKey(res::persistentVolumes(), "", volume));
        }
    };
    for (const ObjectPtr &o : {change.before, change.after}) {
        if (!o)
            continue;
        if (change.resource == &res::pods()) {
            for (const std::string &claim : podClaims(*o))
                pvOfClaim(namespaceOf(*o), claim);
        } else if (change.resource == &res::persistentVolumeClaims()) {
            const std::string volume = stringAt(*o, {"spec", "volumeName"});
            if (!volume.empty())
                keys.push_back(registryKey(res::persistentVolumes(), "", volume));
        } else if (change.resource == &res::volumeAttachments()) {
            const std::string volume = stringAt(*o, {"spec", "source", "persistentVolumeName"});
            if (!volume.empty())
                keys.push_back(registryKey(res::persistentVolumes(), "", volume));
        } else if (change.resource == &res::nodes()) {
            // A node's health decides how its volumes detach.
            const std::string node = nameOf(*o);
            for (const auto &[k, va] : cache->list(res::volumeAttachments()))
                if (stringAt(*va, {"spec", "nodeName"}) == node)
                    keys.push_back(registryKey(res::persistentVolumes(), "",
                                               stringAt(*va, {"spec", "source", "persistentVolumeName"})));
        }
    }
    return keys;
}

void AttachDetachController::reconcile(const ObjectCache &cache, const std::string &key, std::function<void()> done)
{
    auto group = WriteGroup::make(std::move(done));
    const std::string pvName = key.substr(std::string(res::persistentVolumes().etcdPrefix).size());
    std::vector<ObjectPtr> attachments;
    for (const auto &[k, va] : cache.list(res::volumeAttachments()))
        if (stringAt(*va, {"spec", "source", "persistentVolumeName"}) == pvName)
            attachments.push_back(va);
    ObjectPtr pv = cache.get(key);
    if (!pv) {
        for (const ObjectPtr &va : attachments)
            m_api.remove(res::volumeAttachments(), "", nameOf(*va), 0, WriteGroup::add(group));
        group->release();
        return;
    }
    const std::string driver = volumeDriver(*pv);
    if (!isAttachableProvisioner(driver)) {
        group->release();
        return;
    }
    const std::string claimNs = stringAt(*pv, {"spec", "claimRef", "namespace"});
    const std::string claimName = stringAt(*pv, {"spec", "claimRef", "name"});
    // Pods holding the volume, by node.
    std::map<std::string, std::vector<ObjectPtr>> holders;
    for (const auto &[k, pod] : cache.list(res::pods())) {
        const std::string node = podNodeName(*pod);
        if (node.empty() || namespaceOf(*pod) != claimNs || podTerminated(*pod))
            continue;
        for (const std::string &claim : podClaims(*pod))
            if (claim == claimName)
                holders[node].push_back(pod);
    }
    const Micros now = m_runtime.now();
    std::set<std::string> attachedTo; // nodes the volume is (or is being) attached to
    for (const ObjectPtr &va : attachments) {
        const std::string node = stringAt(*va, {"spec", "nodeName"});
        const std::string vaName = nameOf(*va);
        if (holders.count(node)) {
            m_unusedSince.erase(vaName);
            attachedTo.insert(node);
            if (!va->value("status", Json::object()).value("attached", false) && m_attaching.insert(vaName).second) {
                // The external-attacher publishes the volume to the node.
                later(m_timings.attachTime, [this, vaName, pvName, node] {
                    m_attaching.erase(vaName);
                    const ObjectCache *c = m_api.cache();
                    ObjectPtr current = c ? c->get(res::volumeAttachments(), "", vaName) : nullptr;
                    if (!current)
                        return;
                    Json updated = *current;
                    updated["status"] = Json{{"attached", true}};
                    m_api.update(std::move(updated), guarded([this, pvName, node](const ApiResult &r) {
                        if (!r.ok())
                            return;
                        if (const ObjectCache *cc = m_api.cache())
                            for (const auto &[k, pod] : cc->podsOnNode(node))
                                for (const std::string &claim : podClaims(*pod))
                                    if (ObjectPtr pvc = cc->get(res::persistentVolumeClaims(), namespaceOf(*pod), claim);
                                        pvc && stringAt(*pvc, {"spec", "volumeName"}) == pvName)
                                        emit(EventKind::Kubernetes, false, podRef(*pod), "SuccessfulAttachVolume",
                                             "AttachVolume.Attach succeeded for volume \"" + pvName + "\"");
                    }));
                });
            }
            continue;
        }
        ObjectPtr nodeObject = cache.get(res::nodes(), "", node);
        const bool healthy = nodeObject && nodeReadyStatus(*nodeObject) == "True";
        auto [since, fresh] = m_unusedSince.try_emplace(vaName, now);
        if (healthy || now - since->second >= m_timings.maxWaitForUnmount) {
            // Detach (forced when the node may still have it mounted).
            m_api.remove(res::volumeAttachments(), "", vaName, 0, WriteGroup::add(group, guarded([this, vaName](const ApiResult &r) {
                if (r.ok() || r.status == ApiStatus::NotFound)
                    m_unusedSince.erase(vaName);
            })));
            continue;
        }
        attachedTo.insert(node); // still attached to a node that may have it mounted
        if (fresh)
            later(m_timings.maxWaitForUnmount, [this, key] { enqueue(key); });
    }
    const bool shared = multiNode(*pv);
    for (const auto &[node, pods] : holders) {
        if (attachedTo.count(node))
            continue;
        if (!shared && !attachedTo.empty()) {
            for (const ObjectPtr &pod : pods)
                if (m_reported.insert(stringAt(*pod, {"metadata", "uid"}) + "/" + pvName).second)
                    emit(EventKind::Kubernetes, true, podRef(*pod), "FailedAttachVolume",
                         "Multi-Attach error for volume \"" + pvName +
                             "\" Volume is already exclusively attached to one node and can't be attached to another");
            continue;
        }
        Json va{{"apiVersion", "storage.k8s.io/v1"},
                {"kind", "VolumeAttachment"},
                {"metadata", {{"name", volumeAttachmentName(pvName, driver, node)}}},
                {"spec", {{"attacher", driver}, {"nodeName", node}, {"source", {{"persistentVolumeName", pvName}}}}},
                {"status", {{"attached", false}}}};
        m_api.create(std::move(va), WriteGroup::add(group));
        attachedTo.insert(node);
    }
    group->release();
}

} // namespace quorum::cluster
