// importText / importFile pick the importer; mergeImport folds an import into a design.

#include "engine/generate/Import.h"

#include "engine/generate/ImportYaml.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace quorum::generate {

using namespace quorum::model;

std::string ImportDiagnostic::toString() const
{
    return std::string(model::toString(severity)) + " " + where.toString();
}

bool ImportResult::hasErrors() const
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const ImportDiagnostic &d) { return d.severity == Severity::Error; });
}

std::vector<ImportDiagnostic> ImportResult::atLeast(Severity severity) const
{
    std::vector<ImportDiagnostic> out;
    for (const ImportDiagnostic &d : diagnostics)
        if (static_cast<int>(d.severity) <= static_cast<int>(severity))
            out.push_back(d);
    return out;
}

ImportResult importText(std::string_view text, const std::string &fileName)
{
    // Look at the apiVersions only; the chosen importer reports problems with their places.
    std::vector<ImportDiagnostic> ignored;
    importing::Reader probe(fileName, ignored);
    bool kind = false, kubeadm = false;
    if (const auto docs = probe.loadAll(text)) {
        for (const YAML::Node &doc : *docs) {
            const std::string apiVersion = doc.IsMap() ? probe.string(doc, "apiVersion", "").value_or("") : "";
            kind = kind || apiVersion.rfind("kind.x-k8s.io/", 0) == 0;
            kubeadm = kubeadm || apiVersion.rfind("kubeadm.k8s.io/", 0) == 0;
        }
    }
    if (kind)
        return importKindConfig(text, fileName);
    if (kubeadm)
        return importKubeadmConfig(text, fileName);
    return importManifests(text, fileName);
}

ImportResult importFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    auto fail = [&](const std::string &message) {
        ImportResult result;
        result.diagnostics.push_back(ImportDiagnostic{Severity::Error, Diagnostic{path, 0, 0, "", message}});
        return result;
    };
    if (!in)
        return fail("cannot open the file");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    if (static_cast<std::int64_t>(text.size()) > kMaxTopologyFileBytes)
        return fail("the file is larger than 64 MiB");
    if (text.find('\0') != std::string::npos)
        return fail("the file is binary, not YAML");
    return importText(text, path);
}

namespace {

template <typename T> void mergeByName(std::vector<T> &into, const std::vector<T> &from)
{
    for (const T &item : from) {
        auto it = std::find_if(into.begin(), into.end(), [&](const T &x) { return x.name == item.name; });
        if (it != into.end())
            *it = item;
        else
            into.push_back(item);
    }
}

} // namespace

Topology mergeImport(const Topology &base, const ImportResult &imported)
{
    Topology out = base;
    const Topology &in = imported.topology;
    if (imported.hasClusterSettings) {
        if (out.name.empty())
            out.name = in.name;
        out.kubernetesVersion = in.kubernetesVersion;
        out.etcdMode = in.etcdMode;
        out.timings = in.timings;
        out.networking = in.networking;
    }
    if (out.name.empty() && !in.name.empty())
        out.name = in.name;
    mergeByName(out.zones, in.zones);
    mergeByName(out.nodes, in.nodes);
    mergeByName(out.loadBalancers, in.loadBalancers);
    // A StorageClass names its backend and type only; keep what the design knows beyond that.
    for (const StorageBackend &b : in.storageBackends) {
        auto it = std::find_if(out.storageBackends.begin(), out.storageBackends.end(),
                               [&](const StorageBackend &x) { return x.name == b.name; });
        if (it == out.storageBackends.end())
            out.storageBackends.push_back(b);
        else if (it->type != b.type)
            *it = b;
        else if (!b.endpoint.empty())
            it->endpoint = b.endpoint;
    }
    mergeByName(out.storageClasses, in.storageClasses);
    mergeByName(out.secrets, in.secrets);
    mergeByName(out.workloads, in.workloads);

    // Imported nodes run the default components of the merged design's etcd mode (a join file
    // alone cannot tell stacked from external etcd), and an API load balancer fronts every API
    // server, including the ones that arrive in later files.
    std::vector<std::string> newApiServers;
    for (const Node &n : in.nodes) {
        auto it = std::find_if(out.nodes.begin(), out.nodes.end(), [&](const Node &x) { return x.name == n.name; });
        it->components = defaultComponents(it->role, out.etcdMode);
        if (it->runs(Component::ApiServer))
            newApiServers.push_back(it->name);
    }
    for (LoadBalancer &lb : out.loadBalancers) {
        const bool api = !lb.targets.empty() && std::all_of(lb.targets.begin(), lb.targets.end(), [&](const std::string &t) {
            const Node *n = out.findNode(t);
            return n && n->runs(Component::ApiServer);
        });
        if (api)
            for (const std::string &name : newApiServers)
                if (std::find(lb.targets.begin(), lb.targets.end(), name) == lb.targets.end())
                    lb.targets.push_back(name);
    }
    return out;
}

} // namespace quorum::generate
