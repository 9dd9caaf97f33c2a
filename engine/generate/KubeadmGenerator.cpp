// kubeadm: one init file for the first control-plane node (Init + Cluster + Kubelet configuration)
// and one join file per other node. Field names follow the kubeadm configuration reference of
// the API version (kubeadm.k8s.io/v1beta3 up to 1.30, v1beta4 from 1.31).

#include "engine/generate/Context.h"

#include "engine/model/TopologyYaml.h"

namespace quorum::generate {

using namespace quorum::model;

namespace {

constexpr const char *kCriSocket = "unix:///var/run/containerd/containerd.sock";
constexpr const char *kPki = "/etc/kubernetes/pki";

std::string kubeadmApiVersion(const Context &ctx)
{
    return usesKubeadmV1beta4(ctx.version()) ? "kubeadm.k8s.io/v1beta4" : "kubeadm.k8s.io/v1beta3";
}

Yaml taintList(const std::vector<Taint> &taints)
{
    Yaml list = Yaml::seq();
    for (const Taint &t : taints) {
        Yaml item = Yaml::map();
        item.set("key", t.key);
        item.setIfNotEmpty("value", t.value);
        item.set("effect", toString(t.effect));
        list.add(std::move(item));
    }
    return list;
}

Yaml nodeRegistration(const Context &ctx, const Node &node)
{
    const bool v4 = usesKubeadmV1beta4(ctx.version());
    Yaml reg = Yaml::map();
    reg.set("name", node.name);
    reg.set("criSocket", kCriSocket);
    const std::string labels = ctx.nodeLabels(node);
    if (!labels.empty())
        reg.set("kubeletExtraArgs", kubeadmArgs({{"node-labels", labels}}, v4));
    // nil taints: kubeadm's default (control-plane nodes get node-role.kubernetes.io/control-plane:NoSchedule);
    // an empty list removes it, which a design whose workloads run on the control plane needs.
    if (!node.taints.empty())
        reg.set("taints", taintList(node.taints));
    else if (node.runs(Component::ApiServer) && ctx.workloadsOnControlPlane())
        reg.set("taints", Yaml::seq());
    return reg;
}

Yaml localApiEndpoint(const Context &ctx, const Node &node)
{
    Yaml ep = Yaml::map();
    ep.set("advertiseAddress", node.address.empty() ? std::string("0.0.0.0") : node.address);
    ep.set("bindPort", ctx.apiServerPort());
    return ep;
}

Yaml initConfiguration(const Context &ctx, const Node &node)
{
    Yaml doc = Yaml::map();
    doc.set("apiVersion", kubeadmApiVersion(ctx));
    doc.set("kind", "InitConfiguration");
    doc.set("localAPIEndpoint", localApiEndpoint(ctx, node));
    doc.set("nodeRegistration", nodeRegistration(ctx, node));
    return doc;
}

Yaml clusterConfiguration(const Context &ctx)
{
    const Topology &t = ctx.topology();
    const bool v4 = usesKubeadmV1beta4(ctx.version());
    Yaml doc = Yaml::map();
    doc.set("apiVersion", kubeadmApiVersion(ctx));
    doc.set("kind", "ClusterConfiguration");
    doc.set("clusterName", t.name);
    doc.set("kubernetesVersion", "v" + ctx.version().toString() + ".0");
    doc.set("controlPlaneEndpoint", ctx.controlPlaneEndpoint());
    Yaml networking = Yaml::map();
    networking.set("dnsDomain", t.networking.dnsDomain);
    networking.set("podSubnet", t.networking.podSubnet);
    networking.set("serviceSubnet", t.networking.serviceSubnet);
    doc.set("networking", std::move(networking));

    Yaml etcd = Yaml::map();
    if (t.etcdMode == EtcdMode::External) {
        Yaml external = Yaml::map();
        Yaml endpoints = Yaml::seq();
        for (const Node *n : ctx.etcdMembers())
            endpoints.add("https://" + Context::addressOf(*n) + ":2379");
        external.set("endpoints", std::move(endpoints));
        external.set("caFile", std::string(kPki) + "/etcd/ca.crt");
        external.set("certFile", std::string(kPki) + "/apiserver-etcd-client.crt");
        external.set("keyFile", std::string(kPki) + "/apiserver-etcd-client.key");
        etcd.set("external", std::move(external));
    } else {
        Yaml local = Yaml::map();
        local.set("dataDir", "/var/lib/etcd");
        local.set("extraArgs", kubeadmArgs(ctx.etcdTimingFlags(), v4));
        etcd.set("local", std::move(local));
    }
    doc.set("etcd", std::move(etcd));

    const Yaml timings = clusterConfigurationTimings(ctx, false);
    for (const auto &[key, value] : timings.entries())
        doc.set(key, value);
    doc["apiServer"].set("certSANs", Yaml::strings(ctx.apiServerCertSans()));
    return doc;
}

Yaml kubeletConfiguration(const Context &ctx)
{
    Yaml doc = Yaml::map();
    doc.set("apiVersion", "kubelet.config.k8s.io/v1beta1");
    doc.set("kind", "KubeletConfiguration");
    doc.set("cgroupDriver", "systemd");
    doc.set("nodeStatusUpdateFrequency", formatDurationMs(ctx.topology().timings.nodeStatusUpdateMs));
    return doc;
}

Yaml joinConfiguration(const Context &ctx, const Node &node)
{
    Yaml doc = Yaml::map();
    doc.set("apiVersion", kubeadmApiVersion(ctx));
    doc.set("kind", "JoinConfiguration");
    doc.set("nodeRegistration", nodeRegistration(ctx, node));
    Yaml token = Yaml::map();
    token.set("apiServerEndpoint", ctx.controlPlaneEndpoint());
    token.set("token", "${KUBEADM_TOKEN}");
    token.set("caCertHashes", Yaml::strings({"${KUBEADM_CA_CERT_HASH}"}));
    Yaml discovery = Yaml::map();
    discovery.set("bootstrapToken", std::move(token));
    doc.set("discovery", std::move(discovery));
    if (node.runs(Component::ApiServer)) {
        Yaml cp = Yaml::map();
        cp.set("localAPIEndpoint", localApiEndpoint(ctx, node));
        cp.set("certificateKey", "${KUBEADM_CERTIFICATE_KEY}");
        doc.set("controlPlane", std::move(cp));
    }
    return doc;
}

} // namespace

bool usesKubeadmV1beta4(const KubernetesVersion &v)
{
    return v >= KubernetesVersion{1, 31};
}

Yaml kubeadmArgs(const Flags &flags, bool v1beta4)
{
    if (!v1beta4) {
        Yaml map = Yaml::map();
        for (const auto &[name, value] : flags)
            map.set(name, value);
        return map;
    }
    Yaml list = Yaml::seq();
    for (const auto &[name, value] : flags) {
        Yaml arg = Yaml::map();
        arg.set("name", name);
        arg.set("value", value);
        list.add(std::move(arg));
    }
    return list;
}

Yaml clusterConfigurationTimings(const Context &ctx, bool includeEtcd)
{
    const bool v4 = usesKubeadmV1beta4(ctx.version());
    Yaml doc = Yaml::map();
    if (includeEtcd && ctx.topology().etcdMode == EtcdMode::Stacked)
        doc["etcd"]["local"].set("extraArgs", kubeadmArgs(ctx.etcdTimingFlags(), v4));
    doc["apiServer"].set("extraArgs", kubeadmArgs(ctx.apiServerFlags(), v4));
    doc["controllerManager"].set("extraArgs", kubeadmArgs(ctx.controllerManagerFlags(), v4));
    doc["scheduler"].set("extraArgs", kubeadmArgs(ctx.schedulerFlags(), v4));
    return doc;
}

void generateKubeadm(Context &ctx)
{
    const auto &cps = ctx.controlPlaneNodes();
    if (cps.empty()) {
        ctx.note("cluster", "no node runs kube-apiserver: no kubeadm configuration generated");
        return;
    }
    const Node &first = *cps.front();
    ctx.addFile("kubeadm/init-" + first.name + ".yaml",
                toYamlStream({initConfiguration(ctx, first), clusterConfiguration(ctx), kubeletConfiguration(ctx)},
                             ctx.header("kubeadm init --config for the first control-plane node, " + first.name + ".")));
    const std::string joinHeader =
        "Replace the ${...} placeholders first (envsubst); see the README for where the values come from.";
    for (std::size_t i = 1; i < cps.size(); ++i)
        ctx.addFile("kubeadm/join-" + cps[i]->name + ".yaml",
                    toYamlStream({joinConfiguration(ctx, *cps[i])},
                                 ctx.header("kubeadm join --config for control-plane node " + cps[i]->name + ".\n" +
                                            joinHeader)));
    for (const Node *w : ctx.workerNodes())
        ctx.addFile("kubeadm/join-" + w->name + ".yaml",
                    toYamlStream({joinConfiguration(ctx, *w)},
                                 ctx.header("kubeadm join --config for worker node " + w->name + ".\n" + joinHeader)));
}

} // namespace quorum::generate
