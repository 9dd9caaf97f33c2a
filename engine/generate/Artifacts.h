#pragma once

// Model -> artifacts: everything `quorumctl generate` writes and the Artifacts panel previews,
// produced in memory as {relative path, content}. See docs/generate.md for the folder layout.

#include "engine/model/Topology.h"

#include <optional>
#include <string>
#include <vector>

namespace quorum::generate {

/// One generated file. `path` is relative, '/'-separated, and its first component is the
/// artifact family ("kubeadm", "manifests", ...); README.md sits at the top.
struct GeneratedFile {
    std::string path;
    std::string content;
    bool operator==(const GeneratedFile &) const = default;
};

/// The families, in the order the index README applies them; each is a top-level folder.
/// A family a design does not need (etcd for stacked etcd, loadbalancer without a self-hosted
/// API load balancer, metallb without a MetalLB pool) is left out of the output.
const std::vector<std::string> &artifactFamilies();

struct GenerateOptions {
    /// "X.Y"; empty: the design's spec.kubernetesVersion. Chooses the kubeadm API
    /// (v1beta3 up to 1.30, v1beta4 from 1.31) and kind's node image.
    std::string kubernetesVersion;
    /// Namespace of the ingress controller, which NetworkPolicies let reach workloads with an ingress.
    std::string ingressControllerNamespace = "ingress-nginx";
};

/// Something the generator changed or could not do, naming the element ("workload/web").
struct GenerateNote {
    std::string element;
    std::string message;
    std::string toString() const { return element.empty() ? message : element + ": " + message; }
};

struct GenerateResult {
    /// Sorted by path. Empty when `error` is set.
    std::vector<GeneratedFile> files;
    /// Set when nothing could be generated (e.g. an unsupported Kubernetes version).
    std::optional<std::string> error;
    /// Things the user should know: a literal secret value withheld, an Ingress without a Service, ...
    std::vector<GenerateNote> notes;
    bool ok() const { return !error.has_value(); }
    /// The file at path, or nullptr.
    const GeneratedFile *find(const std::string &path) const;
};

/// Generates every artifact family for the design. Pure and deterministic: the same design
/// and options give byte-identical files. No file carries a secret value: literal values of
/// secret-like variables are replaced by secretKeyRefs (and reported in notes), bootstrap
/// tokens and certificate keys are `${PLACEHOLDERS}`. Safe to call from any thread.
GenerateResult generateArtifacts(const model::Topology &topology, const GenerateOptions &options = {});

/// Writes the files under dir (created when missing). Each file is written atomically
/// (temporary file, then rename). Files already in dir that are not generated are left alone.
/// Returns std::nullopt on success, or a message naming the file and the reason.
std::optional<std::string> writeArtifacts(const std::vector<GeneratedFile> &files, const std::string &dir);

/// Parses "1.30" (or "v1.30.2") into {1, 30}; std::nullopt when malformed.
struct KubernetesVersion {
    int major = 1;
    int minor = 30;
    /// "1.30"
    std::string toString() const { return std::to_string(major) + "." + std::to_string(minor); }
    auto operator<=>(const KubernetesVersion &) const = default;
};
std::optional<KubernetesVersion> parseKubernetesVersion(const std::string &text);
/// The range the generators know: kubeadm v1beta3 up to 1.30 and v1beta4 from 1.31.
constexpr KubernetesVersion kOldestSupportedVersion{1, 25};
constexpr KubernetesVersion kNewestSupportedVersion{1, 35};

/// True when an environment variable of this name holds a secret (password, token, key, ...);
/// the same words as the model's plaintext-secret rule.
bool isSecretLikeName(const std::string &name);

} // namespace quorum::generate
