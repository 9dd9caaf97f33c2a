// kind (kind.x-k8s.io/v1alpha4): the control-plane and worker nodes of the design as kind nodes,
// labelled with their zone and design name, and the design's timings as a kubeadm patch.
// kind runs its own etcd (stacked) and its own HAProxy in front of several control-plane nodes,
// so etcd and load-balancer nodes have no kind counterpart.

#include "engine/generate/Context.h"

#include "engine/model/TopologyYaml.h"

namespace quorum::generate {

using namespace quorum::model;

namespace {

Yaml kindNode(const Context &ctx, const Node &node, const char *role)
{
    Yaml n = Yaml::map();
    n.set("role", role);
    n.set("image", "kindest/node:v" + ctx.version().toString() + ".0");
    Yaml labels = Yaml::map();
    labels.set("quorum.studio/node", node.name);
    if (!node.zone.empty())
        labels.set("topology.kubernetes.io/zone", node.zone);
    for (const auto &[key, value] : node.labels)
        if (key != "topology.kubernetes.io/zone")
            labels.set(key, value);
    n.set("labels", std::move(labels));
    return n;
}

} // namespace

void generateKind(Context &ctx)
{
    const Topology &t = ctx.topology();
    if (ctx.controlPlaneNodes().empty())
        return;
    Yaml doc = Yaml::map();
    doc.set("kind", "Cluster");
    doc.set("apiVersion", "kind.x-k8s.io/v1alpha4");
    doc.set("name", t.name);
    Yaml networking = Yaml::map();
    networking.set("podSubnet", t.networking.podSubnet);
    networking.set("serviceSubnet", t.networking.serviceSubnet);
    doc.set("networking", std::move(networking));

    // The same ClusterConfiguration fields kubeadm gets, in the kubeadm API version kind uses
    // for this Kubernetes version, so extraArgs has the right shape (map or name/value list).
    Yaml patch = clusterConfigurationTimings(ctx, true);
    Yaml cluster = Yaml::map();
    cluster.set("kind", "ClusterConfiguration");
    for (const auto &[key, value] : patch.entries())
        cluster.set(key, value);
    cluster["networking"].set("dnsDomain", t.networking.dnsDomain);
    Yaml kubelet = Yaml::map();
    kubelet.set("kind", "KubeletConfiguration");
    kubelet.set("nodeStatusUpdateFrequency", formatDurationMs(t.timings.nodeStatusUpdateMs));
    Yaml patches = Yaml::seq();
    for (const Yaml &p : {cluster, kubelet}) {
        std::string text = toYaml(p);
        patches.add(text.substr(4));  // without the "---\n" document marker
    }
    doc.set("kubeadmConfigPatches", std::move(patches));

    Yaml nodes = Yaml::seq();
    for (const Node *n : ctx.controlPlaneNodes())
        nodes.add(kindNode(ctx, *n, "control-plane"));
    for (const Node *n : ctx.workerNodes())
        nodes.add(kindNode(ctx, *n, "worker"));
    doc.set("nodes", std::move(nodes));
    ctx.addFile("kind/kind-cluster.yaml",
                toYamlStream({doc}, ctx.header("kind create cluster --config kind/kind-cluster.yaml\n"
                                               "The node image tag must exist for your kind release.")));
}

} // namespace quorum::generate
