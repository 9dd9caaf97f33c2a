#pragma once

// Kubernetes objects for the design's workloads, split by what they describe: the workload
// controllers and their pod template (WorkloadManifests.cpp), the objects around a workload —
// Services, Ingress, PodDisruptionBudget, HorizontalPodAutoscaler, NetworkPolicy, RBAC
// (ServiceManifests.cpp) — and the
// cluster-wide ones — Namespaces, StorageClasses, default-deny policies (ClusterManifests.cpp).
// Internal to engine/generate; the importers read the same labels and annotations back.

#include "engine/generate/Context.h"

#include <optional>
#include <string>
#include <vector>

namespace quorum::generate {

/// The label that selects a workload's pods (and that the importers match Services on).
inline constexpr const char *kNameLabel = "app.kubernetes.io/name";
/// Annotation on a StorageClass naming the design's storage backend.
inline constexpr const char *kBackendAnnotation = "quorum.studio/storage-backend";
/// Annotation on a StorageClass naming the design's storage backend type (nfs, ceph, ...).
inline constexpr const char *kBackendTypeAnnotation = "quorum.studio/storage-backend-type";
/// Annotation on a governing headless Service that the generator added for a StatefulSet.
inline constexpr const char *kGoverningAnnotation = "quorum.studio/governing-service";
/// MetalLB's annotation that picks the address pool of a Service of type LoadBalancer.
inline constexpr const char *kMetalLbPoolAnnotation = "metallb.universe.tf/address-pool";

/// One Secret key a workload reads.
struct SecretUse {
    std::string secret;
    std::string key;
    bool withheld = false;  ///< a literal value in the design that the generator moved to a Secret
};

/// The Secret that holds a workload's withheld literal values.
std::string withheldSecretName(const model::Workload &w);
/// Secret keys the workload reads, including withheld literals, in env order.
std::vector<SecretUse> secretUses(const model::Workload &w);

/// `{app.kubernetes.io/name: <workload>}`
Yaml podSelector(const model::Workload &w);

/// The workload's ports as a list of {name, <portKey>, protocol}: "containerPort" for a
/// container, "port" for the headless Service that governs a StatefulSet.
Yaml portList(const model::Workload &w, const char *portKey);

/// Deployment, StatefulSet or DaemonSet with its pod template.
Yaml workloadController(Context &ctx, const model::Workload &w);
/// PersistentVolumeClaims of a Deployment or DaemonSet (a StatefulSet has volumeClaimTemplates).
std::vector<Yaml> standaloneClaims(const Context &ctx, const model::Workload &w);
/// The claim spec shared by PVCs and volumeClaimTemplates.
Yaml claimSpec(const model::VolumeClaim &claim);
/// Name of a Deployment's standalone PVC for a claim.
std::string standaloneClaimName(const model::Workload &w, const model::VolumeClaim &claim);

/// ServiceAccount, Role and RoleBinding of the workload.
std::vector<Yaml> rbacObjects(const Context &ctx, const model::Workload &w);
/// The workload's Service(s): the designed one and, for a StatefulSet whose designed Service is
/// not headless, the governing headless Service it needs.
std::vector<Yaml> serviceObjects(Context &ctx, const model::Workload &w);
/// Name of the Service a StatefulSet's serviceName points at.
std::string governingServiceName(const model::Workload &w);
std::optional<Yaml> ingressObject(Context &ctx, const model::Workload &w);
std::optional<Yaml> disruptionBudget(const Context &ctx, const model::Workload &w);
/// autoscaling/v2 HorizontalPodAutoscaler of a Deployment or StatefulSet with autoscaling;
/// Resource metrics with Utilization targets, CPU first.
std::optional<Yaml> horizontalPodAutoscaler(const Context &ctx, const model::Workload &w);
/// Allows what the design implies into the workload's pods (same namespace, ingress controller,
/// outside traffic for NodePort/LoadBalancer Services).
Yaml networkPolicy(const Context &ctx, const model::Workload &w);

/// Namespaces of the workloads (restricted pod security), in first-use order.
std::vector<std::string> workloadNamespaces(const model::Topology &t);
std::vector<Yaml> namespaceObjects(const Context &ctx);
std::vector<Yaml> defaultNetworkPolicies(const Context &ctx);
std::vector<Yaml> storageClassObjects(Context &ctx);
/// The CSI provisioner a StorageClass on this backend type uses (and back, for the importers).
const char *provisionerFor(model::StorageBackendType type);
std::optional<model::StorageBackendType> backendTypeForProvisioner(const std::string &provisioner);
/// secrets/README.md: every Secret the manifests read and how to create it without a plaintext file in git.
std::string secretsReadme(const Context &ctx);

} // namespace quorum::generate
