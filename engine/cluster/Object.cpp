#include "engine/cluster/Object.h"

#include <cstdio>
#include <ctime>

namespace quorum::cluster {

namespace {

// kube-apiserver's etcd layout: most resources under /registry/<plural>/, Services and Endpoints
// under /registry/services/{specs,endpoints}/, Leases under /registry/leases/.
const std::vector<ResourceInfo> kResources = {
    {"Namespace", "v1", "namespaces", "/registry/namespaces/", false},
    {"Node", "v1", "nodes", "/registry/minions/", false},
    {"Pod", "v1", "pods", "/registry/pods/", true},
    {"Service", "v1", "services", "/registry/services/specs/", true},
    {"Endpoints", "v1", "endpoints", "/registry/services/endpoints/", true},
    {"PersistentVolume", "v1", "persistentvolumes", "/registry/persistentvolumes/", false},
    {"PersistentVolumeClaim", "v1", "persistentvolumeclaims", "/registry/persistentvolumeclaims/", true},
    {"Event", "v1", "events", "/registry/events/", true},
    {"Deployment", "apps/v1", "deployments", "/registry/deployments/", true},
    {"ReplicaSet", "apps/v1", "replicasets", "/registry/replicasets/", true},
    {"StatefulSet", "apps/v1", "statefulsets", "/registry/statefulsets/", true},
    {"DaemonSet", "apps/v1", "daemonsets", "/registry/daemonsets/", true},
    {"StorageClass", "storage.k8s.io/v1", "storageclasses", "/registry/storageclasses/", false},
    {"VolumeAttachment", "storage.k8s.io/v1", "volumeattachments", "/registry/volumeattachments/", false},
    {"Lease", "coordination.k8s.io/v1", "leases", "/registry/leases/", true},
    // Stored and served, not acted on: they round-trip so that real manifests apply whole.
    {"ConfigMap", "v1", "configmaps", "/registry/configmaps/", true},
    {"Secret", "v1", "secrets", "/registry/secrets/", true},
    {"ServiceAccount", "v1", "serviceaccounts", "/registry/serviceaccounts/", true},
    {"Ingress", "networking.k8s.io/v1", "ingresses", "/registry/ingress/", true},
    {"NetworkPolicy", "networking.k8s.io/v1", "networkpolicies", "/registry/networkpolicies/", true},
    {"PodDisruptionBudget", "policy/v1", "poddisruptionbudgets", "/registry/poddisruptionbudgets/", true},
    {"HorizontalPodAutoscaler", "autoscaling/v2", "horizontalpodautoscalers", "/registry/horizontalpodautoscalers/", true},
    {"Role", "rbac.authorization.k8s.io/v1", "roles", "/registry/roles/", true},
    {"RoleBinding", "rbac.authorization.k8s.io/v1", "rolebindings", "/registry/rolebindings/", true},
};

const ResourceInfo &byKind(const char *kind)
{
    return *resourceForKind(kind);
}

std::string metadataString(const Json &object, const char *field)
{
    auto meta = object.find("metadata");
    if (meta == object.end() || !meta->is_object())
        return {};
    auto it = meta->find(field);
    return it != meta->end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

const std::vector<ResourceInfo> &resources()
{
    return kResources;
}

const ResourceInfo *resourceForKind(std::string_view kind)
{
    for (const ResourceInfo &r : kResources)
        if (kind == r.kind)
            return &r;
    return nullptr;
}

const ResourceInfo *resourceForPlural(std::string_view plural)
{
    for (const ResourceInfo &r : kResources)
        if (plural == r.plural)
            return &r;
    return nullptr;
}

const ResourceInfo *resourceForKey(std::string_view key)
{
    for (const ResourceInfo &r : kResources)
        if (key.starts_with(r.etcdPrefix))
            return &r;
    return nullptr;
}

namespace res {
// Looked up once: these run for every change in the watch caches.
const ResourceInfo &namespaces() { static const ResourceInfo &r = byKind("Namespace"); return r; }
const ResourceInfo &nodes() { static const ResourceInfo &r = byKind("Node"); return r; }
const ResourceInfo &pods() { static const ResourceInfo &r = byKind("Pod"); return r; }
const ResourceInfo &services() { static const ResourceInfo &r = byKind("Service"); return r; }
const ResourceInfo &endpoints() { static const ResourceInfo &r = byKind("Endpoints"); return r; }
const ResourceInfo &deployments() { static const ResourceInfo &r = byKind("Deployment"); return r; }
const ResourceInfo &replicaSets() { static const ResourceInfo &r = byKind("ReplicaSet"); return r; }
const ResourceInfo &statefulSets() { static const ResourceInfo &r = byKind("StatefulSet"); return r; }
const ResourceInfo &daemonSets() { static const ResourceInfo &r = byKind("DaemonSet"); return r; }
const ResourceInfo &persistentVolumes() { static const ResourceInfo &r = byKind("PersistentVolume"); return r; }
const ResourceInfo &persistentVolumeClaims() { static const ResourceInfo &r = byKind("PersistentVolumeClaim"); return r; }
const ResourceInfo &storageClasses() { static const ResourceInfo &r = byKind("StorageClass"); return r; }
const ResourceInfo &volumeAttachments() { static const ResourceInfo &r = byKind("VolumeAttachment"); return r; }
const ResourceInfo &leases() { static const ResourceInfo &r = byKind("Lease"); return r; }
const ResourceInfo &events() { static const ResourceInfo &r = byKind("Event"); return r; }
} // namespace res

std::string registryKey(const ResourceInfo &resource, std::string_view ns, std::string_view name)
{
    std::string key = resource.etcdPrefix;
    if (resource.namespaced) {
        key += ns;
        key += '/';
    }
    key += name;
    return key;
}

std::string keyOf(const Json &object)
{
    auto kind = object.find("kind");
    if (kind == object.end() || !kind->is_string())
        return {};
    const ResourceInfo *r = resourceForKind(kind->get<std::string>());
    if (!r)
        return {};
    return registryKey(*r, namespaceOf(object), nameOf(object));
}

std::string nameOf(const Json &object)
{
    return metadataString(object, "name");
}

std::string namespaceOf(const Json &object)
{
    return metadataString(object, "namespace");
}

std::string refOf(const Json &object)
{
    std::string kind = object.value("kind", std::string());
    for (char &c : kind)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string out = kind;
    out += '/';
    const std::string ns = namespaceOf(object);
    if (!ns.empty()) {
        out += ns;
        out += '/';
    }
    out += nameOf(object);
    return out;
}

std::int64_t resourceVersionOf(const Json &object)
{
    const std::string rv = metadataString(object, "resourceVersion");
    std::int64_t v = 0;
    for (char c : rv) {
        if (c < '0' || c > '9')
            return 0;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::int64_t generationOf(const Json &object)
{
    auto meta = object.find("metadata");
    if (meta == object.end())
        return 0;
    auto g = meta->find("generation");
    return g != meta->end() && g->is_number_integer() ? g->get<std::int64_t>() : 0;
}

std::map<std::string, std::string> labelsOf(const Json &object)
{
    std::map<std::string, std::string> out;
    auto meta = object.find("metadata");
    if (meta == object.end())
        return out;
    auto labels = meta->find("labels");
    if (labels == meta->end() || !labels->is_object())
        return out;
    for (const auto &[k, v] : labels->items())
        if (v.is_string())
            out.emplace(k, v.get<std::string>());
    return out;
}

bool labelsMatch(const Json &matchLabels, const Json &object)
{
    if (!matchLabels.is_object())
        return false;
    auto meta = object.find("metadata");
    if (meta == object.end())
        return matchLabels.empty();
    auto labels = meta->find("labels");
    for (const auto &[k, v] : matchLabels.items()) {
        if (labels == meta->end() || !labels->is_object())
            return false;
        auto it = labels->find(k);
        if (it == labels->end() || *it != v)
            return false;
    }
    return true;
}

const Json &objectAt(const Json &object, std::string_view key)
{
    static const Json kEmpty = Json::object();
    if (!object.is_object())
        return kEmpty;
    auto it = object.find(key);
    return it != object.end() && it->is_object() ? *it : kEmpty;
}

const Json &arrayAt(const Json &object, std::string_view key)
{
    static const Json kEmpty = Json::array();
    if (!object.is_object())
        return kEmpty;
    auto it = object.find(key);
    return it != object.end() && it->is_array() ? *it : kEmpty;
}

std::string controllerUid(const Json &object)
{
    return std::string(controllerUidView(object));
}

std::string_view controllerUidView(const Json &object)
{
    auto meta = object.find("metadata");
    if (meta == object.end() || !meta->is_object())
        return {};
    auto refs = meta->find("ownerReferences");
    if (refs == meta->end() || !refs->is_array())
        return {};
    for (const Json &ref : *refs) {
        if (!ref.is_object())
            continue;
        auto controller = ref.find("controller");
        if (controller == ref.end() || !controller->is_boolean() || !controller->get<bool>())
            continue;
        auto uid = ref.find("uid");
        return uid != ref.end() && uid->is_string() ? std::string_view(uid->get_ref<const std::string &>()) : std::string_view();
    }
    return {};
}

Json controllerRef(const Json &owner)
{
    return Json{{"apiVersion", owner.value("apiVersion", std::string())},
                {"kind", owner.value("kind", std::string())},
                {"name", nameOf(owner)},
                {"uid", metadataString(owner, "uid")},
                {"controller", true},
                {"blockOwnerDeletion", true}};
}

bool isTerminating(const Json &object)
{
    auto meta = object.find("metadata");
    if (meta == object.end() || !meta->is_object())
        return false;
    auto it = meta->find("deletionTimestamp");
    return it != meta->end() && it->is_string() && !it->get_ref<const std::string &>().empty();
}

std::string formatTime(Micros t)
{
    const std::time_t secs = static_cast<std::time_t>(kEpochUnixSeconds + t / kSecond);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string formatMicroTime(Micros t)
{
    const std::time_t secs = static_cast<std::time_t>(kEpochUnixSeconds + t / kSecond);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &tm);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s.%06lldZ", date, static_cast<long long>(t % kSecond));
    return buf;
}

std::optional<Micros> parseTime(std::string_view text)
{
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    char rest[16] = {};
    const std::string copy(text);
    if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%15s", &y, &mo, &d, &h, &mi, &s, rest) != 7)
        return std::nullopt;
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    const std::int64_t unix = timegm(&tm);
    Micros micros = 0;
    std::string_view r(rest);
    if (r.starts_with(".")) {
        r.remove_prefix(1);
        int digits = 0;
        while (!r.empty() && r.front() >= '0' && r.front() <= '9') {
            if (digits < 6) {
                micros = micros * 10 + (r.front() - '0');
                ++digits;
            }
            r.remove_prefix(1);
        }
        for (; digits < 6; ++digits)
            micros *= 10;
    }
    if (r != "Z")
        return std::nullopt;
    return (unix - kEpochUnixSeconds) * kSecond + micros;
}

} // namespace quorum::cluster
