// kind Cluster config -> nodes, zones and settings. Node names and zones come from the
// `quorum.studio/node` and `topology.kubernetes.io/zone` labels the generator writes; kubeadm
// patches are read with the kubeadm importer's ClusterConfiguration reader.

#include "engine/generate/ImportYaml.h"

namespace quorum::generate {

using namespace quorum::model;
using importing::join;
using importing::Object;
using importing::Reader;

namespace {

void readPatch(Reader &r, const YAML::Node &at, const std::string &field, const std::string &text, Topology &t)
{
    std::vector<ImportDiagnostic> inner;
    Reader pr(r.file(), inner);
    const auto docs = pr.loadAll(text);
    // Places inside a patch are relative to the patch text; report them at the patch itself.
    auto relay = [&] {
        for (const ImportDiagnostic &d : inner)
            r.report(d.severity, at, field + (d.where.field.empty() ? "" : ": " + d.where.field), d.where.message);
        inner.clear();
    };
    if (!docs) {
        relay();
        return;
    }
    for (const YAML::Node &doc : *docs) {
        const std::string kind = doc.IsMap() ? pr.string(doc, "kind", "").value_or("") : "";
        Object o{doc, pr.string(doc, "apiVersion", "").value_or(""), kind, "", ""};
        if (kind == "ClusterConfiguration") {
            importing::readClusterConfiguration(pr, o, t);
        } else if (kind == "KubeletConfiguration") {
            importing::readKubeletConfiguration(pr, o, t);
        } else {
            pr.warning(doc, "", "kubeadm patch of kind '" + kind + "' has no counterpart in the design; not imported");
        }
    }
    relay();
}

} // namespace

ImportResult importKindConfig(std::string_view text, const std::string &fileName)
{
    ImportResult result;
    result.format = ImportFormat::KindConfig;
    Reader r(fileName, result.diagnostics);
    const auto docs = r.loadAll(text);
    if (!docs)
        return result;
    Topology &t = result.topology;
    int controlPlanes = 0, workers = 0;
    for (const Object &o : r.objects(*docs)) {
        if (o.kind != "Cluster" || o.apiVersion.rfind("kind.x-k8s.io/", 0) != 0) {
            r.warning(o.node, o.label(), "unsupported kind '" + o.kind + "' (" + o.apiVersion +
                                             ") in a kind configuration; not imported");
            continue;
        }
        if (o.apiVersion != "kind.x-k8s.io/v1alpha4")
            r.warning(o.node, "apiVersion", "'" + o.apiVersion + "' is read as kind.x-k8s.io/v1alpha4");
        result.hasClusterSettings = true;
        const std::string p;
        r.reportUnknown(o.node, p, {"kind", "apiVersion", "name", "networking", "nodes", "kubeadmConfigPatches"});
        t.name = r.string(o.node, "name", p).value_or("kind");
        if (const YAML::Node net = r.mapping(o.node, "networking", p); net.IsDefined()) {
            r.reportUnknown(net, "networking", {"podSubnet", "serviceSubnet"});
            t.networking.podSubnet = r.string(net, "podSubnet", "networking").value_or(t.networking.podSubnet);
            t.networking.serviceSubnet = r.string(net, "serviceSubnet", "networking").value_or(t.networking.serviceSubnet);
        }
        const auto patches = r.sequence(o.node, "kubeadmConfigPatches", p);
        for (std::size_t i = 0; i < patches.size(); ++i) {
            const std::string field = importing::index("kubeadmConfigPatches", i);
            if (!patches[i].IsScalar())
                r.error(patches[i], field, "expected a YAML text");
            else
                readPatch(r, patches[i], field, patches[i].Scalar(), t);
        }
        // kubeadm ClusterConfiguration inside a patch may have named the cluster; kind's name wins.
        t.name = r.string(o.node, "name", p).value_or(t.name);
        t.loadBalancers.clear();  // kind brings its own API load balancer
        const auto nodes = r.sequence(o.node, "nodes", p);
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const std::string np = importing::index("nodes", i);
            r.reportUnknown(nodes[i], np, {"role", "image", "labels"});
            Node node;
            const std::string role = r.string(nodes[i], "role", np).value_or("control-plane");
            if (role == "control-plane") {
                node.role = NodeRole::ControlPlane;
            } else if (role == "worker") {
                node.role = NodeRole::Worker;
            } else {
                r.error(Reader::child(nodes[i], "role"), join(np, "role"),
                        "unknown role '" + role + "' (expected control-plane or worker)");
                continue;
            }
            const auto labels = r.stringMap(nodes[i], "labels", np).value_or(std::map<std::string, std::string>{});
            const auto named = labels.find("quorum.studio/node");
            node.name = named != labels.end() ? named->second
                        : node.role == NodeRole::ControlPlane ? "control-plane-" + std::to_string(++controlPlanes)
                                                              : "worker-" + std::to_string(++workers);
            importing::applyNodeLabels(labels, node);
            node.components = defaultComponents(node.role, EtcdMode::Stacked);
            t.nodes.push_back(std::move(node));
        }
        if (nodes.empty()) {
            Node node;
            node.name = "control-plane-1";
            node.role = NodeRole::ControlPlane;
            node.components = defaultComponents(node.role, EtcdMode::Stacked);
            t.nodes.push_back(std::move(node));
        }
    }
    t.etcdMode = EtcdMode::Stacked;
    importing::addZonesOfNodes(t);
    return result;
}

} // namespace quorum::generate
