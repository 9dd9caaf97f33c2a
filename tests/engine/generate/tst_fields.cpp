// The configs no schema validator covers contain only documented fields: kubeadm v1beta3 and
// v1beta4, kind v1alpha4 (with the kubeadm patches inside), the etcd config file, MetalLB and the
// kubespray inventory. Each table names the documentation it was taken from. A path is
// "a.b" for mapping keys, "a[]" for sequence items and "a.*" for free-form keys (labels, args).

#include "GenerateTestSupport.h"

#include <yaml-cpp/yaml.h>

#include <set>

using namespace quorum;
using namespace quorum::generate;
using namespace quorum::generate::test;

namespace {

using FieldSet = std::set<std::string>;

FieldSet withPrefixes(std::initializer_list<const char *> paths)
{
    FieldSet out;
    for (const char *p : paths) {
        std::string path = p;
        out.insert(path);
        for (std::size_t i = 0; i < path.size(); ++i)
            if (path[i] == '.' || path[i] == '[')
                out.insert(path.substr(0, i));
    }
    return out;
}

// https://kubernetes.io/docs/reference/config-api/kubeadm-config.v1beta3/
const FieldSet kKubeadmV1beta3 = withPrefixes({
    "apiVersion", "kind",
    // InitConfiguration
    "bootstrapTokens[].token", "bootstrapTokens[].description", "bootstrapTokens[].ttl", "bootstrapTokens[].expires",
    "bootstrapTokens[].usages[]", "bootstrapTokens[].groups[]",
    "nodeRegistration.name", "nodeRegistration.criSocket", "nodeRegistration.taints[].key",
    "nodeRegistration.taints[].value", "nodeRegistration.taints[].effect", "nodeRegistration.taints[].timeAdded",
    "nodeRegistration.kubeletExtraArgs.*", "nodeRegistration.ignorePreflightErrors[]",
    "nodeRegistration.imagePullPolicy", "localAPIEndpoint.advertiseAddress", "localAPIEndpoint.bindPort",
    "certificateKey", "skipPhases[]", "patches.directory",
    // ClusterConfiguration
    "etcd.local.imageRepository", "etcd.local.imageTag", "etcd.local.dataDir", "etcd.local.extraArgs.*",
    "etcd.local.serverCertSANs[]", "etcd.local.peerCertSANs[]", "etcd.external.endpoints[]", "etcd.external.caFile",
    "etcd.external.certFile", "etcd.external.keyFile", "networking.serviceSubnet", "networking.podSubnet",
    "networking.dnsDomain", "kubernetesVersion", "controlPlaneEndpoint", "apiServer.extraArgs.*",
    "apiServer.extraVolumes[]", "apiServer.certSANs[]", "apiServer.timeoutForControlPlane",
    "controllerManager.extraArgs.*", "controllerManager.extraVolumes[]", "scheduler.extraArgs.*",
    "scheduler.extraVolumes[]", "dns.imageRepository", "dns.imageTag", "certificatesDir", "imageRepository",
    "featureGates.*", "clusterName",
    // JoinConfiguration
    "caCertPath", "discovery.bootstrapToken.token", "discovery.bootstrapToken.apiServerEndpoint",
    "discovery.bootstrapToken.caCertHashes[]", "discovery.bootstrapToken.unsafeSkipCAVerification",
    "discovery.file.kubeConfigPath", "discovery.tlsBootstrapToken", "discovery.timeout",
    "controlPlane.localAPIEndpoint.advertiseAddress", "controlPlane.localAPIEndpoint.bindPort",
    "controlPlane.certificateKey",
});

// https://kubernetes.io/docs/reference/config-api/kubeadm-config.v1beta4/ — extraArgs become
// {name, value} lists, timeouts move into `timeouts`, and a few fields are new.
const FieldSet kKubeadmV1beta4 = withPrefixes({
    "apiVersion", "kind",
    "bootstrapTokens[].token", "bootstrapTokens[].description", "bootstrapTokens[].ttl", "bootstrapTokens[].expires",
    "bootstrapTokens[].usages[]", "bootstrapTokens[].groups[]", "dryRun",
    "nodeRegistration.name", "nodeRegistration.criSocket", "nodeRegistration.taints[].key",
    "nodeRegistration.taints[].value", "nodeRegistration.taints[].effect", "nodeRegistration.taints[].timeAdded",
    "nodeRegistration.kubeletExtraArgs[].name", "nodeRegistration.kubeletExtraArgs[].value",
    "nodeRegistration.ignorePreflightErrors[]", "nodeRegistration.imagePullPolicy", "nodeRegistration.imagePullSerial",
    "localAPIEndpoint.advertiseAddress", "localAPIEndpoint.bindPort", "certificateKey", "skipPhases[]",
    "patches.directory", "timeouts.controlPlaneComponentHealthCheck", "timeouts.kubeletHealthCheck",
    "timeouts.kubernetesAPICall", "timeouts.etcdAPICall", "timeouts.tlsBootstrap", "timeouts.discovery",
    "timeouts.upgradeManifests",
    "etcd.local.imageRepository", "etcd.local.imageTag", "etcd.local.dataDir", "etcd.local.extraArgs[].name",
    "etcd.local.extraArgs[].value", "etcd.local.extraEnvVars[]", "etcd.local.serverCertSANs[]",
    "etcd.local.peerCertSANs[]", "etcd.external.endpoints[]", "etcd.external.caFile", "etcd.external.certFile",
    "etcd.external.keyFile", "networking.serviceSubnet", "networking.podSubnet", "networking.dnsDomain",
    "kubernetesVersion", "controlPlaneEndpoint", "apiServer.extraArgs[].name", "apiServer.extraArgs[].value",
    "apiServer.extraEnvVars[]", "apiServer.extraVolumes[]", "apiServer.certSANs[]",
    "controllerManager.extraArgs[].name", "controllerManager.extraArgs[].value", "controllerManager.extraEnvVars[]",
    "controllerManager.extraVolumes[]", "scheduler.extraArgs[].name", "scheduler.extraArgs[].value",
    "scheduler.extraEnvVars[]", "scheduler.extraVolumes[]", "dns.disabled", "dns.imageRepository", "dns.imageTag",
    "proxy.disabled", "certificatesDir", "imageRepository", "featureGates.*", "clusterName", "encryptionAlgorithm",
    "certificateValidityPeriod", "caCertificateValidityPeriod",
    "caCertPath", "discovery.bootstrapToken.token", "discovery.bootstrapToken.apiServerEndpoint",
    "discovery.bootstrapToken.caCertHashes[]", "discovery.bootstrapToken.unsafeSkipCAVerification",
    "discovery.file.kubeConfigPath", "discovery.tlsBootstrapToken",
    "controlPlane.localAPIEndpoint.advertiseAddress", "controlPlane.localAPIEndpoint.bindPort",
    "controlPlane.certificateKey",
});

// https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/ (the fields we set)
const FieldSet kKubelet = withPrefixes({"apiVersion", "kind", "cgroupDriver", "nodeStatusUpdateFrequency"});

// https://kind.sigs.k8s.io/docs/user/configuration/ and sigs.k8s.io/kind/pkg/apis/config/v1alpha4/types.go
const FieldSet kKind = withPrefixes({
    "kind", "apiVersion", "name", "featureGates.*", "runtimeConfig.*", "networking.ipFamily",
    "networking.apiServerPort", "networking.apiServerAddress", "networking.podSubnet", "networking.serviceSubnet",
    "networking.disableDefaultCNI", "networking.kubeProxyMode", "networking.dnsSearch[]", "nodes[].role",
    "nodes[].image", "nodes[].labels.*", "nodes[].extraMounts[]", "nodes[].extraPortMappings[]",
    "nodes[].kubeadmConfigPatches[]", "nodes[].kubeadmConfigPatchesJSON6902[]", "kubeadmConfigPatches[]",
    "kubeadmConfigPatchesJSON6902[]", "containerdConfigPatches[]", "containerdConfigPatchesJSON6902[]",
});

// etcd v3.4 configuration file: the yaml tags of go.etcd.io/etcd/embed.Config and
// etcd.conf.yml.sample (https://etcd.io/docs/v3.4/op-guide/configuration/).
const FieldSet kEtcdConfig = withPrefixes({
    "name", "data-dir", "wal-dir", "snapshot-count", "heartbeat-interval", "election-timeout",
    "quota-backend-bytes", "listen-peer-urls", "listen-client-urls", "max-snapshots", "max-wals", "cors",
    "initial-advertise-peer-urls", "advertise-client-urls", "discovery", "discovery-fallback", "discovery-proxy",
    "discovery-srv", "initial-cluster", "initial-cluster-token", "initial-cluster-state", "strict-reconfig-check",
    "enable-v2", "enable-pprof", "client-transport-security.cert-file", "client-transport-security.key-file",
    "client-transport-security.client-cert-auth", "client-transport-security.trusted-ca-file",
    "client-transport-security.auto-tls", "peer-transport-security.cert-file", "peer-transport-security.key-file",
    "peer-transport-security.client-cert-auth", "peer-transport-security.trusted-ca-file",
    "peer-transport-security.auto-tls", "debug", "logger", "log-outputs[]", "force-new-cluster",
    "auto-compaction-mode", "auto-compaction-retention",
});

// https://metallb.universe.tf/apis/ (metallb.io/v1beta1 IPAddressPool and L2Advertisement)
const FieldSet kMetalLb = withPrefixes({
    "apiVersion", "kind", "metadata.name", "metadata.namespace", "metadata.labels.*", "metadata.annotations.*",
    "spec.addresses[]", "spec.autoAssign", "spec.avoidBuggyIPs", "spec.serviceAllocation", "spec.ipAddressPools[]",
    "spec.ipAddressPoolSelectors[]", "spec.nodeSelectors[]", "spec.interfaces[]",
});

// kubespray docs/ansible/inventory.md and inventory/sample/group_vars (all/all.yml,
// k8s_cluster/k8s-cluster.yml) and the role defaults for the etcd and node timing variables.
const FieldSet kKubesprayInventory = withPrefixes({
    "all.hosts.*.ansible_host", "all.hosts.*.ip", "all.hosts.*.access_ip", "all.hosts.*.node_labels.*",
    "all.children.kube_control_plane.hosts.*", "all.children.kube_node.hosts.*", "all.children.etcd.hosts.*",
    "all.children.calico_rr.hosts", "all.children.k8s_cluster.children.kube_control_plane",
    "all.children.k8s_cluster.children.kube_node", "all.children.k8s_cluster.children.calico_rr",
});
const FieldSet kKubesprayVars = withPrefixes({
    "apiserver_loadbalancer_domain_name", "loadbalancer_apiserver.address", "loadbalancer_apiserver.port",
    "loadbalancer_apiserver_localhost", "etcd_deployment_type", "etcd_heartbeat_interval", "etcd_election_timeout",
    "cluster_name", "kube_service_addresses", "kube_pods_subnet", "kube_apiserver_port",
    "kube_controller_node_monitor_period", "kube_controller_node_monitor_grace_period",
    "kubelet_status_update_frequency",
});

/// Every field path of the node that the table does not allow.
void unknownPaths(const YAML::Node &node, const std::string &path, const FieldSet &allowed, QStringList &out)
{
    if (node.IsMap()) {
        for (const auto &kv : node) {
            const std::string key = kv.first.as<std::string>();
            const std::string wildcard = path.empty() ? "*" : path + ".*";
            const std::string exact = path.empty() ? key : path + "." + key;
            if (allowed.count(wildcard))
                unknownPaths(kv.second, wildcard, allowed, out);
            else if (allowed.count(exact))
                unknownPaths(kv.second, exact, allowed, out);
            else
                out << QString::fromStdString(exact);
        }
    } else if (node.IsSequence()) {
        for (const YAML::Node &item : node)
            unknownPaths(item, path + "[]", allowed, out);
    }
}

QStringList check(const std::string &text, const std::function<const FieldSet *(const YAML::Node &)> &tableFor)
{
    QStringList problems;
    for (const YAML::Node &doc : YAML::LoadAll(text)) {
        const FieldSet *table = tableFor(doc);
        if (!table) {
            problems << "no field table for this document";
            continue;
        }
        unknownPaths(doc, "", *table, problems);
    }
    return problems;
}

const FieldSet *kubeadmTable(const YAML::Node &doc)
{
    const std::string apiVersion = doc["apiVersion"] ? doc["apiVersion"].as<std::string>() : "";
    if (apiVersion == "kubeadm.k8s.io/v1beta3")
        return &kKubeadmV1beta3;
    if (apiVersion == "kubeadm.k8s.io/v1beta4")
        return &kKubeadmV1beta4;
    if (apiVersion == "kubelet.config.k8s.io/v1beta1")
        return &kKubelet;
    return nullptr;
}

} // namespace

class TestFields : public QObject {
    Q_OBJECT

private slots:
    void onlyDocumentedFields_data();
    void onlyDocumentedFields();
    void tableCatchesAnUndocumentedField();
};

void TestFields::onlyDocumentedFields_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("version");
    for (const QString &name : templateNames())
        for (const char *version : {"1.30", "1.31"})
            QTest::newRow(qPrintable(name + " " + version)) << name << version;
}

void TestFields::onlyDocumentedFields()
{
    QFETCH(QString, name);
    QFETCH(QString, version);
    const GenerateResult r = generateTemplate(name, version.toStdString());
    QVERIFY(r.ok());
    const bool v4 = version == "1.31";
    int checked = 0;
    for (const GeneratedFile &f : r.files) {
        const QString path = QString::fromStdString(f.path);
        QStringList problems;
        if (path.startsWith("kubeadm/")) {
            problems = check(f.content, kubeadmTable);
        } else if (path.startsWith("kind/")) {
            problems = check(f.content, [](const YAML::Node &) { return &kKind; });
            // The kubeadm patches are read by kubeadm in the API version kind uses for this release.
            for (const YAML::Node &doc : YAML::LoadAll(f.content))
                for (const YAML::Node &patch : doc["kubeadmConfigPatches"])
                    problems << check(patch.as<std::string>(), [&](const YAML::Node &p) -> const FieldSet * {
                        return p["kind"].as<std::string>() == "KubeletConfiguration" ? &kKubelet
                               : v4                                                  ? &kKubeadmV1beta4
                                                                                     : &kKubeadmV1beta3;
                    });
        } else if (path.startsWith("etcd/") && path.endsWith(".yaml")) {
            problems = check(f.content, [](const YAML::Node &) { return &kEtcdConfig; });
        } else if (path.startsWith("metallb/")) {
            problems = check(f.content, [](const YAML::Node &) { return &kMetalLb; });
        } else if (path == "kubespray/inventory/hosts.yaml") {
            problems = check(f.content, [](const YAML::Node &) { return &kKubesprayInventory; });
        } else if (path.startsWith("kubespray/inventory/group_vars/")) {
            problems = check(f.content, [](const YAML::Node &) { return &kKubesprayVars; });
        } else {
            continue;
        }
        ++checked;
        QVERIFY2(problems.isEmpty(), qPrintable(path + ": undocumented fields: " + problems.join(", ")));
    }
    QVERIFY(checked >= 4);
}

void TestFields::tableCatchesAnUndocumentedField()
{
    // timeoutForControlPlane is v1beta3 only; v1beta4 moved it to InitConfiguration.timeouts.
    const std::string v4 = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\n"
                           "apiServer:\n  timeoutForControlPlane: 4m\n";
    QCOMPARE(check(v4, kubeadmTable), QStringList{"apiServer.timeoutForControlPlane"});
    const std::string v3 = "apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\n"
                           "apiServer:\n  extraArgs:\n    - {name: a, value: b}\n";
    QCOMPARE(check(v3, kubeadmTable), (QStringList{"apiServer.extraArgs[].name", "apiServer.extraArgs[].value"}));
}

QTEST_GUILESS_MAIN(TestFields)
#include "tst_fields.moc"
