#pragma once

// Position-aware, exception-free access to yaml-cpp nodes for the importers: every type problem
// becomes an ImportDiagnostic naming file, line, column and field, and yaml-cpp exceptions stop
// here. Internal to engine/generate.

#include "engine/generate/Import.h"

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::generate::importing {

/// One Kubernetes-style object of a file: its node, path prefix for messages ("Deployment/web")
/// and kind/apiVersion.
struct Object {
    YAML::Node node;
    std::string apiVersion;
    std::string kind;
    std::string name;
    std::string ns;
    /// "Deployment/web" for field paths in diagnostics.
    std::string label() const { return kind + "/" + (name.empty() ? "?" : name); }
};

/// Collects diagnostics for one file and reads values with type checks. Not thread-safe.
class Reader {
public:
    Reader(std::string file, std::vector<ImportDiagnostic> &out) : m_file(std::move(file)), m_out(out) {}

    void report(model::Severity severity, const YAML::Node &at, const std::string &field, const std::string &message);
    void error(const YAML::Node &at, const std::string &field, const std::string &message)
    {
        report(model::Severity::Error, at, field, message);
    }
    void warning(const YAML::Node &at, const std::string &field, const std::string &message)
    {
        report(model::Severity::Warning, at, field, message);
    }
    void info(const YAML::Node &at, const std::string &field, const std::string &message)
    {
        report(model::Severity::Info, at, field, message);
    }
    const std::string &file() const { return m_file; }

    /// Parses every document; on a syntax error reports it (with its place) and returns nothing.
    std::optional<std::vector<YAML::Node>> loadAll(std::string_view text);
    /// The objects of the documents, with `kind: List` expanded. Documents that are not
    /// mappings with apiVersion and kind are reported as errors and skipped.
    std::vector<Object> objects(const std::vector<YAML::Node> &documents);

    /// The child at key when `node` is a mapping and has it (null counts as absent).
    static YAML::Node child(const YAML::Node &node, const char *key);
    /// Typed reads. They return std::nullopt when the key is absent, or when the value has the
    /// wrong type (reported as an error at the value, field `path.key`).
    std::optional<std::string> string(const YAML::Node &node, const char *key, const std::string &path);
    std::optional<std::int64_t> integer(const YAML::Node &node, const char *key, const std::string &path,
                                        std::int64_t min, std::int64_t max);
    std::optional<bool> boolean(const YAML::Node &node, const char *key, const std::string &path);
    std::optional<std::map<std::string, std::string>> stringMap(const YAML::Node &node, const char *key,
                                                                const std::string &path);
    std::optional<std::vector<std::string>> stringList(const YAML::Node &node, const char *key, const std::string &path);
    /// The sequence at key (empty when absent; an error when not a sequence).
    std::vector<YAML::Node> sequence(const YAML::Node &node, const char *key, const std::string &path);
    /// The mapping at key, or an undefined node (an error when present but not a mapping).
    YAML::Node mapping(const YAML::Node &node, const char *key, const std::string &path);

    /// Reports, with `severity`, every key of the mapping that is not in `known`, as not imported.
    void reportUnknown(const YAML::Node &node, const std::string &path, std::initializer_list<const char *> known,
                       model::Severity severity = model::Severity::Info);

private:
    std::string m_file;
    std::vector<ImportDiagnostic> &m_out;
};

/// "a.b" / "a.b[2]" path helpers.
inline std::string join(const std::string &path, const std::string &key)
{
    return path.empty() ? key : path + "." + key;
}
inline std::string index(const std::string &path, std::size_t i)
{
    return path + "[" + std::to_string(i) + "]";
}

// ---- Shared by the kind and kubeadm importers ---------------------------------------------

/// Reads kubeadm-style extraArgs (a map, or a list of {name, value} from v1beta4) into flags.
/// `args` may be undefined (no flags); `field` names it in diagnostics.
std::vector<std::pair<std::string, std::string>> readExtraArgs(Reader &r, const YAML::Node &args,
                                                               const std::string &field);
/// Applies the component flags the generator writes to the design's timings; reports the rest
/// as not imported. `component` is "apiServer", "controllerManager", "scheduler" or "etcd".
void applyComponentFlags(Reader &r, const YAML::Node &parent, const std::string &path, const std::string &component,
                         model::Timings &timings);
/// Reads a ClusterConfiguration document (kubeadm, or a kind kubeadmConfigPatch) into `t`.
void readClusterConfiguration(Reader &r, const Object &o, model::Topology &t);
/// Reads a KubeletConfiguration document's nodeStatusUpdateFrequency into `t`.
void readKubeletConfiguration(Reader &r, const Object &o, model::Topology &t);
/// Splits "topology.kubernetes.io/zone=a,tier=gold" into the zone and the other labels.
void applyNodeLabels(const std::map<std::string, std::string> &labels, model::Node &node);
/// Adds a Zone for every node zone not yet defined, in node order.
void addZonesOfNodes(model::Topology &t);

// ---- Manifests ----------------------------------------------------------------------------

/// A pod volume that names a PersistentVolumeClaim, resolved once every object is read.
struct ClaimRef {
    std::string volume;     ///< the volume's name (the design's claim name)
    std::string claimName;  ///< the PersistentVolumeClaim object
    std::string mountPath;
    YAML::Node at;
};

/// A workload read from a Deployment, StatefulSet or DaemonSet, with what is needed to attach
/// the objects around it.
struct WorkloadRead {
    model::Workload workload;
    std::map<std::string, std::string> podLabels;
    std::vector<ClaimRef> claimRefs;
    std::string serviceName;  ///< StatefulSet spec.serviceName
};

/// Reads an apps/v1 controller into a workload; std::nullopt when it cannot be read at all.
std::optional<WorkloadRead> readWorkload(Reader &r, const Object &o);

} // namespace quorum::generate::importing
