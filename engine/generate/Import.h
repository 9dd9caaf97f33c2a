#pragma once

// Importers: Kubernetes manifests, kind cluster configs and kubeadm configs back into a design.
// Each returns the part of a Topology it could read plus diagnostics with file, line, column and
// field; nothing is dropped silently (every object or field that does not map onto the design is
// reported). See docs/generate.md.

#include "engine/model/Findings.h"
#include "engine/model/Topology.h"
#include "engine/model/TopologyYaml.h"

#include <string>
#include <string_view>
#include <vector>

namespace quorum::generate {

/// A problem or remark about one place of an imported file.
///  - Error: the object at that place could not be imported (malformed YAML, wrong type, ...).
///  - Warning: something was left out (an unsupported kind, a second container, a ConfigMap reference).
///  - Info: a field with no counterpart in the design, or an object the generator derives anyway.
struct ImportDiagnostic {
    model::Severity severity = model::Severity::Error;
    model::Diagnostic where;
    /// "error file:line:column: field: message"
    std::string toString() const;
};

enum class ImportFormat {
    Manifests,      ///< Kubernetes objects (multi-document, `kind: List` too)
    KindConfig,     ///< kind.x-k8s.io Cluster
    KubeadmConfig,  ///< kubeadm.k8s.io Init/Cluster/JoinConfiguration (+ KubeletConfiguration)
};

struct ImportResult {
    /// What the file describes. Manifests fill workloads, secrets (names and keys only) and
    /// storage; kind and kubeadm configs fill nodes, zones, etcd mode, networking, timings and
    /// the API load balancer. Partial by nature: merge it into a design with mergeImport().
    model::Topology topology;
    /// True when the file carried cluster-wide settings (a kind Cluster or a kubeadm
    /// ClusterConfiguration), which mergeImport() then takes over.
    bool hasClusterSettings = false;
    ImportFormat format = ImportFormat::Manifests;
    std::vector<ImportDiagnostic> diagnostics;

    bool hasErrors() const;
    /// Diagnostics of at least this severity (Error < Warning < Info in declaration order).
    std::vector<ImportDiagnostic> atLeast(model::Severity severity) const;
};

/// Reads Kubernetes manifests into workloads. Deployment / StatefulSet / DaemonSet become
/// workloads; Services, Ingresses, PodDisruptionBudgets and PersistentVolumeClaims attach to the
/// workload they select; StorageClasses become classes and backends; Secrets give names and keys
/// (values are discarded). Thread-safe; `fileName` is used in diagnostics only.
ImportResult importManifests(std::string_view text, const std::string &fileName = "<input>");
/// Reads a kind Cluster config (kind.x-k8s.io/v1alpha4) into nodes, zones and settings.
ImportResult importKindConfig(std::string_view text, const std::string &fileName = "<input>");
/// Reads kubeadm configuration documents into a control-plane / etcd layout.
ImportResult importKubeadmConfig(std::string_view text, const std::string &fileName = "<input>");
/// Picks the importer from the documents' apiVersion (kind.x-k8s.io, kubeadm.k8s.io, else manifests).
ImportResult importText(std::string_view text, const std::string &fileName = "<input>");
/// Reads a file (at most model::kMaxTopologyFileBytes) and imports it with importText().
ImportResult importFile(const std::string &path);

/// The design `base` with `imported` merged in: workloads, secrets, storage classes and backends,
/// nodes, zones and load balancers replace the ones of the same name or are appended; with
/// hasClusterSettings, the cluster-wide settings (version, etcd mode, timings, networking) too.
model::Topology mergeImport(const model::Topology &base, const ImportResult &imported);

} // namespace quorum::generate
