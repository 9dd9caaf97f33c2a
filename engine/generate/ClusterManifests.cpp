// Cluster-wide objects: Namespaces with restricted pod security, default-deny NetworkPolicies
// with the allows every pod needs (DNS, its own namespace), StorageClasses per backend, and the
// instructions for the Secrets the manifests read.

#include "engine/generate/Manifests.h"

#include "engine/model/Topology.h"

#include <algorithm>
#include <map>
#include <set>

namespace quorum::generate {

using namespace quorum::model;

namespace {

Yaml nsPolicy(const Context &ctx, const std::string &name, const std::string &ns)
{
    Yaml doc = Yaml::map();
    doc.set("apiVersion", "networking.k8s.io/v1");
    doc.set("kind", "NetworkPolicy");
    doc.set("metadata", objectMeta(ctx, name, ns));
    return doc;
}

} // namespace

std::vector<std::string> workloadNamespaces(const Topology &t)
{
    std::vector<std::string> out;
    for (const Workload &w : t.workloads)
        if (std::find(out.begin(), out.end(), w.namespaceName) == out.end())
            out.push_back(w.namespaceName);
    return out;
}

std::vector<Yaml> namespaceObjects(const Context &ctx)
{
    std::vector<Yaml> out;
    for (const std::string &ns : workloadNamespaces(ctx.topology())) {
        Yaml doc = Yaml::map();
        doc.set("apiVersion", "v1");
        doc.set("kind", "Namespace");
        Yaml meta = objectMeta(ctx, ns, "");
        for (const char *mode : {"enforce", "audit", "warn"})
            meta["labels"].set(std::string("pod-security.kubernetes.io/") + mode, "restricted");
        doc.set("metadata", std::move(meta));
        out.push_back(std::move(doc));
    }
    return out;
}

std::vector<Yaml> defaultNetworkPolicies(const Context &ctx)
{
    std::vector<Yaml> out;
    for (const std::string &ns : workloadNamespaces(ctx.topology())) {
        Yaml deny = nsPolicy(ctx, "default-deny", ns);
        deny["spec"].set("podSelector", Yaml::map()).set("policyTypes", Yaml::strings({"Ingress", "Egress"}));
        out.push_back(std::move(deny));

        Yaml egress = nsPolicy(ctx, "allow-dns-and-namespace-egress", ns);
        Yaml dns = Yaml::map();
        Yaml peer = Yaml::map();
        peer["namespaceSelector"]["matchLabels"].set("kubernetes.io/metadata.name", "kube-system");
        peer["podSelector"]["matchLabels"].set("k8s-app", "kube-dns");
        dns["to"].add(std::move(peer));
        for (const char *protocol : {"UDP", "TCP"})
            dns["ports"].add(Yaml::map().set("protocol", protocol).set("port", 53));
        Yaml same = Yaml::map();
        same["to"].add(Yaml::map().set("podSelector", Yaml::map()));
        Yaml spec = Yaml::map();
        spec.set("podSelector", Yaml::map());
        spec.set("policyTypes", Yaml::strings({"Egress"}));
        spec["egress"].add(std::move(dns)).add(std::move(same));
        egress.set("spec", std::move(spec));
        out.push_back(std::move(egress));
    }
    return out;
}

const char *provisionerFor(StorageBackendType type)
{
    switch (type) {
    case StorageBackendType::Nfs: return "nfs.csi.k8s.io";
    case StorageBackendType::Ceph: return "rbd.csi.ceph.com";
    case StorageBackendType::Longhorn: return "driver.longhorn.io";
    case StorageBackendType::CloudBlock: return "ebs.csi.aws.com";
    case StorageBackendType::NodeLocal: return "kubernetes.io/no-provisioner";
    }
    return "kubernetes.io/no-provisioner";
}

std::optional<StorageBackendType> backendTypeForProvisioner(const std::string &provisioner)
{
    for (StorageBackendType t : allValues<StorageBackendType>())
        if (provisioner == provisionerFor(t))
            return t;
    if (provisioner == "pd.csi.storage.gke.io" || provisioner == "disk.csi.azure.com" ||
        provisioner == "cinder.csi.openstack.org")
        return StorageBackendType::CloudBlock;
    if (provisioner == "cephfs.csi.ceph.com")
        return StorageBackendType::Ceph;
    return std::nullopt;
}

std::vector<Yaml> storageClassObjects(Context &ctx)
{
    std::vector<Yaml> out;
    const Topology &t = ctx.topology();
    for (const StorageClass &sc : t.storageClasses) {
        const StorageBackend *backend = t.findStorageBackend(sc.backend);
        if (!backend) {
            ctx.note("storageclass/" + sc.name, "backend '" + sc.backend + "' does not exist; no StorageClass generated");
            continue;
        }
        Yaml doc = Yaml::map();
        doc.set("apiVersion", "storage.k8s.io/v1");
        doc.set("kind", "StorageClass");
        Yaml meta = objectMeta(ctx, sc.name, "");
        Yaml &annotations = meta["annotations"];
        annotations.set("storageclass.kubernetes.io/is-default-class", sc.isDefault ? "true" : "false");
        annotations.set(kBackendAnnotation, backend->name);
        annotations.set(kBackendTypeAnnotation, toString(backend->type));
        doc.set("metadata", std::move(meta));
        doc.set("provisioner", provisionerFor(backend->type));
        Yaml params = Yaml::map();
        switch (backend->type) {
        case StorageBackendType::Nfs: {
            const std::size_t colon = backend->endpoint.find(':');
            if (colon != std::string::npos) {
                params.set("server", backend->endpoint.substr(0, colon));
                params.set("share", backend->endpoint.substr(colon + 1));
            } else if (!backend->endpoint.empty()) {
                params.set("server", backend->endpoint);
                params.set("share", "/");
            }
            break;
        }
        case StorageBackendType::Ceph: {
            // ceph-csi reads the monitors from its ConfigMap keyed by clusterID; the Secrets
            // named here hold the Ceph user keys and are created as secrets/README.md says.
            params.set("clusterID", backend->name);
            params.set("pool", "kubernetes");
            params.set("imageFeatures", "layering");
            const std::string secret = backend->name + "-csi-rbd";
            for (const char *role : {"provisioner", "controller-expand", "node-stage"}) {
                params.set(std::string("csi.storage.k8s.io/") + role + "-secret-name", secret);
                params.set(std::string("csi.storage.k8s.io/") + role + "-secret-namespace", "ceph-csi-rbd");
            }
            params.set("csi.storage.k8s.io/fstype", "ext4");
            break;
        }
        case StorageBackendType::Longhorn:
            params.set("numberOfReplicas", "3");
            params.set("staleReplicaTimeout", "30");
            break;
        case StorageBackendType::CloudBlock:
            params.set("type", "gp3");
            ctx.note("storage/" + backend->name, "cloud-block uses the AWS EBS CSI driver; change the provisioner "
                                                 "for another cloud");
            break;
        case StorageBackendType::NodeLocal: break;
        }
        doc.setIfNotEmpty("parameters", std::move(params));
        doc.set("reclaimPolicy", toString(sc.reclaimPolicy));
        doc.set("volumeBindingMode", toString(sc.bindingMode));
        doc.set("allowVolumeExpansion", sc.allowExpansion);
        out.push_back(std::move(doc));
    }
    return out;
}

std::string secretsReadme(const Context &ctx)
{
    const Topology &t = ctx.topology();
    // namespace -> secret -> keys
    std::map<std::string, std::map<std::string, std::set<std::string>>> needed;
    std::set<std::string> withheld, tls;
    for (const Workload &w : t.workloads) {
        for (const SecretUse &use : secretUses(w)) {
            needed[w.namespaceName][use.secret].insert(use.key);
            if (use.withheld)
                withheld.insert(w.namespaceName + "/" + use.secret);
        }
        if (w.ingress.enabled && !w.ingress.tlsSecret.empty())
            tls.insert(w.namespaceName + "/" + w.ingress.tlsSecret);
    }
    std::string out = "# Secrets\n\n"
                      "The generated manifests never contain secret values: they read them from Secrets that you\n"
                      "create in the cluster before applying `manifests/`. Keep the values out of version control,\n"
                      "for example in files that only exist on the machine you run `kubectl` from:\n\n";
    if (needed.empty() && tls.empty() && t.storageClasses.empty())
        out += "This design reads no Secret.\n";
    for (const auto &[ns, secrets] : needed) {
        for (const auto &[name, keys] : secrets) {
            out += "## `" + ns + "/" + name + "`\n\n";
            if (withheld.count(ns + "/" + name))
                out += "The design held these values as plain text; the generator left them out. Set them here.\n\n";
            out += "```sh\nkubectl -n " + ns + " create secret generic " + name;
            for (const std::string &key : keys)
                out += " \\\n  --from-file=" + key + "=./" + name + "." + key;
            out += "\n```\n\n";
        }
    }
    for (const std::string &ref : tls) {
        const std::size_t slash = ref.find('/');
        out += "## `" + ref + "` (TLS certificate for an Ingress)\n\n```sh\nkubectl -n " + ref.substr(0, slash) +
               " create secret tls " + ref.substr(slash + 1) + " --cert=./tls.crt --key=./tls.key\n```\n\n";
    }
    std::set<std::string> cephBackends;
    for (const StorageClass &sc : t.storageClasses)
        if (const StorageBackend *b = t.findStorageBackend(sc.backend); b && b->type == StorageBackendType::Ceph)
            cephBackends.insert(b->name);
    for (const std::string &b : cephBackends)
        out += "## `ceph-csi-rbd/" + b + "-csi-rbd` (Ceph user for the CSI driver)\n\n```sh\n"
               "kubectl -n ceph-csi-rbd create secret generic " + b + "-csi-rbd \\\n"
               "  --from-literal=userID=kubernetes --from-file=userKey=./ceph-kubernetes.key\n```\n\n";
    out += "## kubeadm join values\n\n"
           "The join files under `kubeadm/` hold `${KUBEADM_TOKEN}`, `${KUBEADM_CA_CERT_HASH}` and\n"
           "`${KUBEADM_CERTIFICATE_KEY}`. `kubeadm init --upload-certs` prints all three (or run\n"
           "`kubeadm token create --print-join-command` and `kubeadm init phase upload-certs --upload-certs`);\n"
           "export them and substitute: `envsubst < kubeadm/join-NODE.yaml > /tmp/join.yaml`.\n";
    return out;
}

} // namespace quorum::generate
