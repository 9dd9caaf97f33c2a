// kubespray: an Ansible inventory (inventory/hosts.yaml) with the groups kubespray expects
// (kube_control_plane, etcd, kube_node, k8s_cluster) and group_vars that carry the API load
// balancer, subnets and the design's timings, so kubespray builds the same cluster as kubeadm.

#include "engine/generate/Context.h"

#include "engine/model/TopologyYaml.h"

namespace quorum::generate {

using namespace quorum::model;

namespace {

Yaml hostGroup(const std::vector<const Node *> &nodes)
{
    Yaml hosts = Yaml::map();
    for (const Node *n : nodes)
        hosts.set(n->name, Yaml::map());
    Yaml group = Yaml::map();
    group.set("hosts", std::move(hosts));
    return group;
}

Yaml hostVars(const Context &ctx, const Node &n)
{
    Yaml vars = Yaml::map();
    if (!n.address.empty()) {
        vars.set("ansible_host", n.address);
        vars.set("ip", n.address);
        vars.set("access_ip", n.address);
    }
    Yaml labels = Yaml::map();
    if (!n.zone.empty())
        labels.set("topology.kubernetes.io/zone", n.zone);
    if (const Zone *z = ctx.topology().findZone(n.zone); z && !z->region.empty())
        labels.set("topology.kubernetes.io/region", z->region);
    for (const auto &[key, value] : n.labels)
        labels.set(key, value);
    vars.setIfNotEmpty("node_labels", std::move(labels));
    return vars;
}

} // namespace

void generateKubespray(Context &ctx)
{
    const Topology &t = ctx.topology();
    std::vector<const Node *> all;
    for (const Node &n : t.nodes)
        if (n.runs(Component::Kubelet) || n.runs(Component::ApiServer) || n.runs(Component::Etcd))
            all.push_back(&n);
    if (ctx.controlPlaneNodes().empty())
        return;

    Yaml hosts = Yaml::map();
    for (const Node *n : all)
        hosts.set(n->name, hostVars(ctx, *n));
    std::vector<const Node *> kubeNodes;
    for (const Node *n : all)
        if (n->runs(Component::Kubelet) && (!n->runs(Component::ApiServer) || ctx.workloadsOnControlPlane()))
            kubeNodes.push_back(n);
    Yaml children = Yaml::map();
    children.set("kube_control_plane", hostGroup(ctx.controlPlaneNodes()));
    children.set("etcd", hostGroup(ctx.etcdMembers()));
    children.set("kube_node", hostGroup(kubeNodes));
    Yaml cluster = Yaml::map();
    cluster["children"].set("kube_control_plane", Yaml::map()).set("kube_node", Yaml::map());
    children.set("k8s_cluster", std::move(cluster));
    children.set("calico_rr", hostGroup({}));
    Yaml inventory = Yaml::map();
    inventory["all"].set("hosts", std::move(hosts)).set("children", std::move(children));
    ctx.addFile("kubespray/inventory/hosts.yaml",
                toYamlStream({inventory}, ctx.header("kubespray inventory: ansible-playbook -i "
                                                     "kubespray/inventory/hosts.yaml cluster.yml")));

    Yaml allVars = Yaml::map();
    if (const LoadBalancer *lb = ctx.apiLoadBalancer()) {
        allVars.set("apiserver_loadbalancer_domain_name", lb->name);
        Yaml external = Yaml::map();
        external.set("address", ctx.endpointHost());
        external.set("port", ctx.endpointPort());
        allVars.set("loadbalancer_apiserver", std::move(external));
        allVars.set("loadbalancer_apiserver_localhost", false);
    }
    allVars.set("etcd_deployment_type", t.etcdMode == EtcdMode::External ? "host" : "kubeadm");
    allVars.set("etcd_heartbeat_interval", std::to_string(t.timings.etcdHeartbeatMs));
    allVars.set("etcd_election_timeout", std::to_string(t.timings.etcdElectionTimeoutMs));
    ctx.addFile("kubespray/inventory/group_vars/all/all.yml",
                toYamlStream({allVars}, ctx.header("kubespray group_vars for all hosts.")));

    Yaml k8s = Yaml::map();
    k8s.set("cluster_name", t.networking.dnsDomain);
    k8s.set("kube_service_addresses", t.networking.serviceSubnet);
    k8s.set("kube_pods_subnet", t.networking.podSubnet);
    k8s.set("kube_apiserver_port", ctx.apiServerPort());
    k8s.set("kube_controller_node_monitor_period", formatDurationMs(t.timings.nodeMonitorPeriodMs));
    k8s.set("kube_controller_node_monitor_grace_period", formatDurationMs(t.timings.nodeMonitorGracePeriodMs));
    k8s.set("kubelet_status_update_frequency", formatDurationMs(t.timings.nodeStatusUpdateMs));
    ctx.addFile("kubespray/inventory/group_vars/k8s_cluster/k8s-cluster.yml",
                toYamlStream({k8s}, ctx.header("kubespray group_vars for the k8s_cluster group.")));
}

} // namespace quorum::generate
