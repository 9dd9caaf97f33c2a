// kubeadm configuration -> control-plane / etcd layout: ClusterConfiguration gives the endpoint,
// etcd mode and members, networking and the component flags (timings); Init and Join
// configurations give the nodes; KubeletConfiguration the node status frequency.

#include "engine/generate/ImportYaml.h"

#include "engine/generate/Artifacts.h"

#include <algorithm>

namespace quorum::generate {

using namespace quorum::model;
using importing::join;
using importing::Object;
using importing::Reader;

namespace importing {

std::vector<std::pair<std::string, std::string>> readExtraArgs(Reader &r, const YAML::Node &args,
                                                               const std::string &field)
{
    std::vector<std::pair<std::string, std::string>> flags;
    if (!args.IsDefined() || args.IsNull())
        return flags;
    if (args.IsMap()) {
        for (const auto &kv : args) {
            if (kv.second.IsScalar())
                flags.emplace_back(kv.first.Scalar(), kv.second.Scalar());
            else
                r.error(kv.second, join(field, kv.first.Scalar()), "expected a string value");
        }
    } else if (args.IsSequence()) {
        for (std::size_t i = 0; i < args.size(); ++i) {
            const auto name = r.string(args[i], "name", index(field, i));
            const auto value = r.string(args[i], "value", index(field, i));
            if (name)
                flags.emplace_back(*name, value.value_or(""));
            else
                r.error(args[i], index(field, i), "an extraArgs entry needs a name");
        }
    } else {
        r.error(args, field, "expected a mapping (v1beta3) or a list of {name, value} (v1beta4)");
    }
    return flags;
}

void applyComponentFlags(Reader &r, const YAML::Node &parent, const std::string &path, const std::string &component,
                         Timings &tm)
{
    struct Target {
        const char *component;
        const char *flag;
        std::int64_t Timings::*field;
        bool seconds;  ///< plain seconds (toleration), else a duration / milliseconds
        bool millis;   ///< plain milliseconds (etcd)
    };
    static const Target kTargets[] = {
        {"etcd", "heartbeat-interval", &Timings::etcdHeartbeatMs, false, true},
        {"etcd", "election-timeout", &Timings::etcdElectionTimeoutMs, false, true},
        {"controllerManager", "leader-elect-lease-duration", &Timings::leaseDurationMs, false, false},
        {"controllerManager", "leader-elect-renew-deadline", &Timings::renewDeadlineMs, false, false},
        {"controllerManager", "leader-elect-retry-period", &Timings::retryPeriodMs, false, false},
        {"controllerManager", "node-monitor-period", &Timings::nodeMonitorPeriodMs, false, false},
        {"controllerManager", "node-monitor-grace-period", &Timings::nodeMonitorGracePeriodMs, false, false},
        {"controllerManager", "node-startup-grace-period", &Timings::nodeStartupGracePeriodMs, false, false},
        {"scheduler", "leader-elect-lease-duration", &Timings::leaseDurationMs, false, false},
        {"scheduler", "leader-elect-renew-deadline", &Timings::renewDeadlineMs, false, false},
        {"scheduler", "leader-elect-retry-period", &Timings::retryPeriodMs, false, false},
        {"apiServer", "default-not-ready-toleration-seconds", &Timings::evictionTolerationMs, true, false},
        {"apiServer", "default-unreachable-toleration-seconds", &Timings::evictionTolerationMs, true, false},
    };
    const YAML::Node at = Reader::child(parent, "extraArgs");
    for (const auto &[flag, value] : readExtraArgs(r, at, join(path, "extraArgs"))) {
        const std::string field = join(join(path, "extraArgs"), flag);
        const Target *target = nullptr;
        for (const Target &t : kTargets)
            if (component == t.component && flag == t.flag)
                target = &t;
        if (!target) {
            r.info(at, field, "flag '" + flag + "' has no counterpart in the design; not imported");
            continue;
        }
        std::optional<std::int64_t> ms;
        if (target->seconds || target->millis) {
            const bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
            if (digits && value.size() < 12)
                ms = std::stoll(value) * (target->seconds ? 1000 : 1);
        } else {
            ms = parseDurationMs(value);
        }
        if (!ms) {
            r.error(at, field, "'" + value + "' is not a valid value for --" + flag);
            continue;
        }
        tm.*(target->field) = *ms;
    }
}

void readClusterConfiguration(Reader &r, const Object &o, Topology &t)
{
    const std::string p = o.label();
    const YAML::Node &n = o.node;
    r.reportUnknown(n, p,
                    {"apiVersion", "kind", "clusterName", "kubernetesVersion", "controlPlaneEndpoint", "networking",
                     "etcd", "apiServer", "controllerManager", "scheduler", "certificatesDir", "imageRepository",
                     "dns", "featureGates", "encryptionAlgorithm", "proxy", "metadata"});
    if (auto name = r.string(n, "clusterName", p))
        t.name = *name;
    if (auto version = r.string(n, "kubernetesVersion", p)) {
        if (auto v = parseKubernetesVersion(*version))
            t.kubernetesVersion = v->toString();
        else
            r.warning(Reader::child(n, "kubernetesVersion"), join(p, "kubernetesVersion"),
                      "'" + *version + "' is not a Kubernetes version like v1.30.2; not imported");
    }
    if (const YAML::Node net = r.mapping(n, "networking", p); net.IsDefined()) {
        const std::string np = join(p, "networking");
        r.reportUnknown(net, np, {"podSubnet", "serviceSubnet", "dnsDomain"});
        t.networking.podSubnet = r.string(net, "podSubnet", np).value_or(t.networking.podSubnet);
        t.networking.serviceSubnet = r.string(net, "serviceSubnet", np).value_or(t.networking.serviceSubnet);
        t.networking.dnsDomain = r.string(net, "dnsDomain", np).value_or(t.networking.dnsDomain);
    }
    if (const YAML::Node etcd = r.mapping(n, "etcd", p); etcd.IsDefined()) {
        const std::string ep = join(p, "etcd");
        if (const YAML::Node local = r.mapping(etcd, "local", ep); local.IsDefined()) {
            t.etcdMode = EtcdMode::Stacked;
            applyComponentFlags(r, local, join(ep, "local"), "etcd", t.timings);
        }
        if (const YAML::Node external = r.mapping(etcd, "external", ep); external.IsDefined()) {
            t.etcdMode = EtcdMode::External;
            const auto endpoints = r.stringList(external, "endpoints", join(ep, "external")).value_or(
                std::vector<std::string>{});
            int number = 0;
            for (const std::string &url : endpoints) {
                // https://10.0.1.31:2379 -> address 10.0.1.31
                std::string host = url.substr(url.find("://") == std::string::npos ? 0 : url.find("://") + 3);
                if (!host.empty() && host.front() == '[')
                    host = host.substr(1, host.find(']') - 1);
                else
                    host = host.substr(0, host.find(':'));
                Node member;
                member.name = "etcd-" + std::to_string(++number);
                member.role = NodeRole::Etcd;
                member.address = host;
                member.components = defaultComponents(NodeRole::Etcd, EtcdMode::External);
                t.nodes.push_back(std::move(member));
            }
        }
    }
    for (const char *component : {"apiServer", "controllerManager", "scheduler"})
        if (const YAML::Node c = r.mapping(n, component, p); c.IsDefined())
            applyComponentFlags(r, c, join(p, component), component, t.timings);
    if (auto endpoint = r.string(n, "controlPlaneEndpoint", p)) {
        LoadBalancer lb;
        lb.name = "api-lb";
        // HOST:PORT or [IPv6]:PORT
        std::string host = *endpoint, port;
        if (!host.empty() && host.front() == '[') {
            const std::size_t close = host.find(']');
            port = close != std::string::npos && close + 1 < host.size() ? host.substr(close + 2) : "";
            host = host.substr(1, close == std::string::npos ? std::string::npos : close - 1);
        } else if (const std::size_t colon = host.find(':'); colon != std::string::npos && host.rfind(':') == colon) {
            port = host.substr(colon + 1);
            host = host.substr(0, colon);
        }
        if (!port.empty()) {
            const bool digits = port.size() <= 5 && port.find_first_not_of("0123456789") == std::string::npos;
            if (digits && std::stoi(port) >= 1 && std::stoi(port) <= 65535)
                lb.port = std::stoi(port);
            else
                r.error(Reader::child(n, "controlPlaneEndpoint"), join(p, "controlPlaneEndpoint"),
                        "'" + *endpoint + "' is not HOST:PORT");
        }
        lb.vip = host;
        t.loadBalancers.push_back(std::move(lb));
    }
}

void readKubeletConfiguration(Reader &r, const Object &o, Topology &t)
{
    const std::string p = o.label();
    r.reportUnknown(o.node, p, {"apiVersion", "kind", "nodeStatusUpdateFrequency", "cgroupDriver"});
    if (auto freq = r.string(o.node, "nodeStatusUpdateFrequency", p)) {
        if (auto ms = parseDurationMs(*freq))
            t.timings.nodeStatusUpdateMs = *ms;
        else
            r.error(Reader::child(o.node, "nodeStatusUpdateFrequency"), join(p, "nodeStatusUpdateFrequency"),
                    "'" + *freq + "' is not a duration");
    }
}

} // namespace importing

namespace {

Node readRegistration(Reader &r, const Object &o, const YAML::Node &reg, const std::string &path, NodeRole role)
{
    Node node;
    node.role = role;
    r.reportUnknown(reg, path, {"name", "criSocket", "kubeletExtraArgs", "taints", "ignorePreflightErrors",
                                "imagePullPolicy", "imagePullSerial"});
    node.name = r.string(reg, "name", path).value_or("");
    if (node.name.empty())
        r.warning(o.node, join(path, "name"), "no node name; the node is imported as '" + o.kind + "'");
    const YAML::Node kubeletArgs = Reader::child(reg, "kubeletExtraArgs");
    for (const auto &[flag, value] : importing::readExtraArgs(r, kubeletArgs, join(path, "kubeletExtraArgs"))) {
        if (flag != "node-labels") {
            r.info(Reader::child(reg, "kubeletExtraArgs"), join(path, "kubeletExtraArgs." + flag),
                   "kubelet flag '" + flag + "' has no counterpart in the design; not imported");
            continue;
        }
        std::map<std::string, std::string> labels;
        std::size_t start = 0;
        while (start < value.size()) {
            std::size_t end = value.find(',', start);
            if (end == std::string::npos)
                end = value.size();
            const std::string item = value.substr(start, end - start);
            const std::size_t eq = item.find('=');
            labels[item.substr(0, eq)] = eq == std::string::npos ? "" : item.substr(eq + 1);
            start = end + 1;
        }
        importing::applyNodeLabels(labels, node);
    }
    const auto taints = r.sequence(reg, "taints", path);
    for (std::size_t i = 0; i < taints.size(); ++i) {
        const std::string tp = importing::index(join(path, "taints"), i);
        Taint taint;
        taint.key = r.string(taints[i], "key", tp).value_or("");
        taint.value = r.string(taints[i], "value", tp).value_or("");
        const std::string effect = r.string(taints[i], "effect", tp).value_or("NoSchedule");
        if (auto e = parseEnum<TaintEffect>(effect))
            taint.effect = *e;
        else
            r.error(Reader::child(taints[i], "effect"), join(tp, "effect"), "unknown taint effect '" + effect + "'");
        node.taints.push_back(std::move(taint));
    }
    return node;
}

void readNodeDocument(Reader &r, const Object &o, Topology &t)
{
    const std::string p = o.label();
    const bool init = o.kind == "InitConfiguration";
    const YAML::Node cp = init ? YAML::Node(YAML::NodeType::Undefined) : r.mapping(o.node, "controlPlane", p);
    const bool controlPlane = init || cp.IsDefined();
    r.reportUnknown(o.node, p, {"apiVersion", "kind", "nodeRegistration", "localAPIEndpoint", "discovery",
                                "controlPlane", "bootstrapTokens", "certificateKey", "skipPhases", "patches",
                                "caCertPath", "timeouts", "dryRun"});
    const YAML::Node reg = r.mapping(o.node, "nodeRegistration", p);
    Node node = readRegistration(r, o, reg, join(p, "nodeRegistration"),
                                 controlPlane ? NodeRole::ControlPlane : NodeRole::Worker);
    const YAML::Node endpoint = init ? r.mapping(o.node, "localAPIEndpoint", p) : r.mapping(cp, "localAPIEndpoint", p);
    if (endpoint.IsDefined()) {
        node.address = r.string(endpoint, "advertiseAddress", join(p, "localAPIEndpoint")).value_or("");
        if (node.address == "0.0.0.0")
            node.address.clear();
        if (auto bindPort = r.integer(endpoint, "bindPort", join(p, "localAPIEndpoint"), 1, 65535))
            for (LoadBalancer &lb : t.loadBalancers)
                lb.targetPort = static_cast<int>(*bindPort);
    }
    if (node.name.empty())
        node.name = controlPlane ? "control-plane-" + std::to_string(t.nodes.size() + 1)
                                 : "worker-" + std::to_string(t.nodes.size() + 1);
    node.components = defaultComponents(node.role, t.etcdMode);
    // kubeadm adds the control-plane taint itself; an explicit empty list only removes it.
    if (controlPlane && node.taints.size() == 1 && node.taints.front().key == "node-role.kubernetes.io/control-plane")
        node.taints.clear();
    t.nodes.push_back(std::move(node));
}

} // namespace

ImportResult importKubeadmConfig(std::string_view text, const std::string &fileName)
{
    ImportResult result;
    result.format = ImportFormat::KubeadmConfig;
    result.topology.name.clear();
    Reader r(fileName, result.diagnostics);
    const auto docs = r.loadAll(text);
    if (!docs)
        return result;
    Topology &t = result.topology;
    const auto objects = r.objects(*docs);
    // ClusterConfiguration first: it decides the etcd mode the node documents' components follow.
    for (const Object &o : objects) {
        if (o.kind == "ClusterConfiguration" && o.apiVersion.rfind("kubeadm.k8s.io/", 0) == 0) {
            importing::readClusterConfiguration(r, o, t);
            result.hasClusterSettings = true;
        }
    }
    for (const Object &o : objects) {
        const bool kubeadm = o.apiVersion.rfind("kubeadm.k8s.io/", 0) == 0;
        if (kubeadm && (o.kind == "InitConfiguration" || o.kind == "JoinConfiguration"))
            readNodeDocument(r, o, t);
        else if (o.kind == "KubeletConfiguration")
            importing::readKubeletConfiguration(r, o, t);
        else if (!(kubeadm && o.kind == "ClusterConfiguration"))
            r.warning(o.node, o.label(), "unsupported kind '" + o.kind + "' (" + o.apiVersion +
                                             ") in a kubeadm configuration; not imported");
    }
    std::vector<std::string> apiServers;
    for (const Node &n : t.nodes)
        if (n.role == NodeRole::ControlPlane)
            apiServers.push_back(n.name);
    for (LoadBalancer &lb : t.loadBalancers)
        lb.targets = apiServers;
    importing::addZonesOfNodes(t);
    return result;
}

} // namespace quorum::generate
