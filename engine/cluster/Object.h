#pragma once

// Kubernetes API objects as the API server stores them: JSON documents in Kubernetes' own shape
// (nlohmann::json), so that fields the engine does not model survive a round trip. This header
// names the resources the engine serves, maps objects to their etcd keys the way kube-apiserver
// does ("/registry/pods/default/web-1"), formats virtual time as Kubernetes timestamps, and reads
// the few metadata fields every component needs.

// GCC 12's flow-based -Wnull-dereference fires inside nlohmann/json's iterators once they are
// inlined at -O2 (a false positive); the pragma applies to locations inside the header only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <nlohmann/json.hpp>
#pragma GCC diagnostic pop

#include "engine/cluster/FlatObject.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::cluster {

/// nlohmann::json with its objects' members in a sorted vector (FlatObject.h: same order, same
/// dumps, about half the memory; a member reference lives until its object's next insert/erase).
using Json = nlohmann::basic_json<FlatObject>;
/// An immutable object shared by caches and components.
using ObjectPtr = std::shared_ptr<const Json>;

/// Virtual time in microseconds since the start of a run (same unit as engine/sim).
using Micros = std::int64_t;
inline constexpr Micros kMs = 1000;
inline constexpr Micros kSecond = 1000 * kMs;

/// One resource the API serves.
struct ResourceInfo {
    const char *kind;        ///< "Pod"
    const char *apiVersion;  ///< "v1", "apps/v1", "coordination.k8s.io/v1", ...
    const char *plural;      ///< "pods"
    const char *etcdPrefix;  ///< "/registry/pods/" (services and endpoints differ, as in kube-apiserver)
    bool namespaced;
};

/// Every resource served, in a fixed order.
const std::vector<ResourceInfo> &resources();
const ResourceInfo *resourceForKind(std::string_view kind);
const ResourceInfo *resourceForPlural(std::string_view plural);
/// The resource whose etcd prefix starts `key`, or nullptr.
const ResourceInfo *resourceForKey(std::string_view key);

/// Handy references to the resources components use most.
namespace res {
const ResourceInfo &namespaces();
const ResourceInfo &nodes();
const ResourceInfo &pods();
const ResourceInfo &services();
const ResourceInfo &endpoints();
const ResourceInfo &deployments();
const ResourceInfo &replicaSets();
const ResourceInfo &statefulSets();
const ResourceInfo &daemonSets();
const ResourceInfo &persistentVolumes();
const ResourceInfo &persistentVolumeClaims();
const ResourceInfo &storageClasses();
const ResourceInfo &volumeAttachments();
const ResourceInfo &leases();
const ResourceInfo &events();
} // namespace res

/// "/registry/pods/default/web-1"; cluster-scoped resources have no namespace segment.
std::string registryKey(const ResourceInfo &resource, std::string_view ns, std::string_view name);
/// The key of an object from its kind and metadata; empty if the kind is unknown.
std::string keyOf(const Json &object);

// ---- metadata -------------------------------------------------------------------------------

std::string nameOf(const Json &object);
std::string namespaceOf(const Json &object);
/// "pod/default/web-1", "node/worker-1": how events and logs name an object.
std::string refOf(const Json &object);
/// metadata.resourceVersion as a number (0 when missing or not a number).
std::int64_t resourceVersionOf(const Json &object);
std::int64_t generationOf(const Json &object);
/// metadata.labels as a map (empty when missing).
std::map<std::string, std::string> labelsOf(const Json &object);
/// True when every pair of `selector` (matchLabels shape) is among the object's labels.
bool labelsMatch(const Json &matchLabels, const Json &object);
/// object[key] when it is a JSON object, else an empty object; a reference, not a copy (what
/// value(key, Json::object()) would make of a whole spec or metadata).
const Json &objectAt(const Json &object, std::string_view key);
/// object[key] when it is a JSON array, else an empty array; a reference, not a copy.
const Json &arrayAt(const Json &object, std::string_view key);
/// The controller owner reference's uid, or "".
std::string controllerUid(const Json &object);
/// The same without a copy: a view into `object` (valid while it lives), empty when none.
std::string_view controllerUidView(const Json &object);
/// An ownerReference with controller: true pointing at `owner`.
Json controllerRef(const Json &owner);
bool isTerminating(const Json &object);

// ---- time -----------------------------------------------------------------------------------

/// The wall-clock instant virtual time 0 stands for: 2026-01-01T00:00:00Z.
inline constexpr std::int64_t kEpochUnixSeconds = 1767225600;
/// RFC 3339 with seconds ("2026-01-01T00:00:40Z"), as metav1.Time.
std::string formatTime(Micros t);
/// RFC 3339 with microseconds ("2026-01-01T00:00:40.000000Z"), as metav1.MicroTime.
std::string formatMicroTime(Micros t);
/// Parses either form back to virtual time; nullopt when malformed.
std::optional<Micros> parseTime(std::string_view text);

// Quantities: use engine/model/TopologyYaml.h (parseCpuMillis, parseBytes, formatCpuMillis,
// formatBytes) — one parser serves the design and the API objects.

} // namespace quorum::cluster
