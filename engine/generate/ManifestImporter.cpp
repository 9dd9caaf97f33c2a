// Kubernetes manifests -> workloads. Objects are read first, then attached: a Service, a
// PodDisruptionBudget to the workload whose pod labels its selector matches, an Ingress to the
// workload behind its backend Service, a PersistentVolumeClaim to the workload mounting it, a
// HorizontalPodAutoscaler to the workload its scaleTargetRef names.
// Every object that attaches to nothing, and every kind the design cannot hold, is reported.

#include "engine/generate/ImportYaml.h"

#include "engine/generate/Manifests.h"

#include <algorithm>
#include <set>

namespace quorum::generate {

using namespace quorum::model;
using importing::join;
using importing::Object;
using importing::Reader;
using importing::WorkloadRead;

namespace {

bool selects(const std::map<std::string, std::string> &selector, const std::map<std::string, std::string> &labels)
{
    if (selector.empty())
        return false;
    return std::all_of(selector.begin(), selector.end(), [&](const auto &kv) {
        auto it = labels.find(kv.first);
        return it != labels.end() && it->second == kv.second;
    });
}

/// The value at key for a diagnostic's place, or `fallback` when the key is absent.
YAML::Node placeOf(const YAML::Node &parent, const char *key, const YAML::Node &fallback)
{
    const YAML::Node value = Reader::child(parent, key);
    return value.IsDefined() ? value : fallback;
}

/// Kinds the generator writes around a workload and derives from the design again.
bool isDerivedKind(const std::string &kind)
{
    return kind == "ServiceAccount" || kind == "Role" || kind == "RoleBinding" || kind == "NetworkPolicy" ||
           kind == "Namespace";
}

class ManifestImporter {
public:
    ManifestImporter(Reader &r, Topology &t) : m_r(r), m_t(t) {}

    void run(const std::vector<Object> &objects)
    {
        for (const Object &o : objects)
            classify(o);
        attachServices();
        attachIngresses();
        attachBudgets();
        attachAutoscalers();
        attachClaims();
        for (WorkloadRead &w : m_workloads)
            m_t.workloads.push_back(std::move(w.workload));
        collectSecrets();
    }

private:
    void classify(const Object &o)
    {
        if (o.apiVersion == "apps/v1" && (o.kind == "Deployment" || o.kind == "StatefulSet" || o.kind == "DaemonSet")) {
            if (auto w = importing::readWorkload(m_r, o)) {
                if (std::any_of(m_workloads.begin(), m_workloads.end(),
                                [&](const WorkloadRead &x) { return x.workload.name == w->workload.name; }))
                    m_r.error(o.node, o.label(), "a second workload named '" + o.name +
                                                     "': workload names are unique in a design; not imported");
                else
                    m_workloads.push_back(std::move(*w));
            }
        } else if (o.apiVersion == "v1" && o.kind == "Service") {
            m_services.push_back(o);
        } else if (o.apiVersion == "networking.k8s.io/v1" && o.kind == "Ingress") {
            m_ingresses.push_back(o);
        } else if (o.apiVersion == "policy/v1" && o.kind == "PodDisruptionBudget") {
            m_budgets.push_back(o);
        } else if ((o.apiVersion == "autoscaling/v2" || o.apiVersion == "autoscaling/v2beta2" ||
                    o.apiVersion == "autoscaling/v1") &&
                   o.kind == "HorizontalPodAutoscaler") {
            m_autoscalers.push_back(o);
        } else if (o.apiVersion == "v1" && o.kind == "PersistentVolumeClaim") {
            m_claims.push_back(o);
        } else if (o.apiVersion == "storage.k8s.io/v1" && o.kind == "StorageClass") {
            readStorageClass(o);
        } else if (o.apiVersion == "v1" && o.kind == "Secret") {
            readSecret(o);
        } else if (isDerivedKind(o.kind)) {
            m_r.info(o.node, o.label(), o.kind + " is generated from the design; not imported as such");
        } else {
            m_r.warning(o.node, o.label(), "unsupported kind '" + o.kind + "' (" + o.apiVersion + "); not imported");
        }
    }

    WorkloadRead *workloadSelectedBy(const std::string &ns, const std::map<std::string, std::string> &selector)
    {
        for (WorkloadRead &w : m_workloads)
            if (w.workload.namespaceName == ns && selects(selector, w.podLabels))
                return &w;
        return nullptr;
    }

    static std::string namespaceOf(const Object &o) { return o.ns.empty() ? "default" : o.ns; }

    void attachServices()
    {
        for (const Object &o : m_services) {
            const std::string p = o.label();
            const YAML::Node spec = m_r.mapping(o.node, "spec", p);
            const std::string sp = join(p, "spec");
            const auto selector = m_r.stringMap(spec, "selector", sp).value_or(std::map<std::string, std::string>{});
            WorkloadRead *w = workloadSelectedBy(namespaceOf(o), selector);
            if (!w) {
                m_r.warning(o.node, p, "Service selects no imported workload; not imported");
                continue;
            }
            const YAML::Node meta = Reader::child(o.node, "metadata");
            const auto annotations = m_r.stringMap(meta, "annotations", join(p, "metadata"));
            if (annotations && annotations->count(kGoverningAnnotation)) {
                m_r.info(o.node, p, "governing Service of StatefulSet " + w->workload.name + " is generated; not imported");
                continue;
            }
            m_r.reportUnknown(spec, sp, {"type", "clusterIP", "selector", "ports", "publishNotReadyAddresses"});
            if (w->workload.service.type != ServiceType::None) {
                m_r.warning(o.node, p, "workload " + w->workload.name +
                                           " already has a Service; the design holds one Service per workload; not imported");
                continue;
            }
            ServiceSpec s;
            const std::string type = m_r.string(spec, "type", sp).value_or("ClusterIP");
            if (m_r.string(spec, "clusterIP", sp).value_or("") == "None")
                s.type = ServiceType::Headless;
            else if (auto parsed = parseEnum<ServiceType>(type); parsed && *parsed != ServiceType::Headless)
                s.type = *parsed;
            else {
                m_r.error(Reader::child(spec, "type"), join(sp, "type"), "unsupported Service type '" + type + "'");
                continue;
            }
            const auto ports = m_r.sequence(spec, "ports", sp);
            if (ports.empty()) {
                m_r.error(spec, join(sp, "ports"), "a Service needs a port");
                continue;
            }
            for (std::size_t i = 1; i < ports.size(); ++i)
                m_r.warning(ports[i], importing::index(join(sp, "ports"), i),
                            "the design holds one Service port; this one is not imported");
            const std::string pp = importing::index(join(sp, "ports"), 0);
            s.port = static_cast<int>(m_r.integer(ports[0], "port", pp, 1, 65535).value_or(0));
            s.targetPort = s.port;
            const YAML::Node target = Reader::child(ports[0], "targetPort");
            if (target.IsDefined() && target.IsScalar() &&
                target.Scalar().find_first_not_of("0123456789") != std::string::npos) {
                const auto &cports = w->workload.ports;
                auto it = std::find_if(cports.begin(), cports.end(), [&](const ContainerPort &c) { return c.name == target.Scalar(); });
                if (it != cports.end())
                    s.targetPort = it->containerPort;
                else
                    m_r.error(target, join(pp, "targetPort"), "'" + target.Scalar() + "' names no container port");
            } else if (auto tp = m_r.integer(ports[0], "targetPort", pp, 1, 65535)) {
                s.targetPort = static_cast<int>(*tp);
            }
            w->workload.service = s;
        }
    }

    void attachIngresses()
    {
        for (const Object &o : m_ingresses) {
            const std::string p = o.label();
            const YAML::Node spec = m_r.mapping(o.node, "spec", p);
            const std::string sp = join(p, "spec");
            m_r.reportUnknown(spec, sp, {"ingressClassName", "tls", "rules"});
            const auto rules = m_r.sequence(spec, "rules", sp);
            if (rules.empty()) {
                m_r.warning(o.node, p, "Ingress without rules; not imported");
                continue;
            }
            for (std::size_t i = 1; i < rules.size(); ++i)
                m_r.warning(rules[i], importing::index(join(sp, "rules"), i), "the design holds one Ingress rule; not imported");
            const std::string rp = importing::index(join(sp, "rules"), 0);
            const auto paths = m_r.sequence(m_r.mapping(rules[0], "http", rp), "paths", join(rp, "http"));
            if (paths.empty()) {
                m_r.warning(rules[0], rp, "Ingress rule without paths; not imported");
                continue;
            }
            const std::string pp = join(rp, "http.paths[0]");
            const YAML::Node service = Reader::child(Reader::child(paths[0], "backend"), "service");
            const std::string backend = m_r.string(service, "name", join(pp, "backend.service")).value_or("");
            WorkloadRead *w = nullptr;
            for (WorkloadRead &candidate : m_workloads)
                if (candidate.workload.name == backend && candidate.workload.namespaceName == namespaceOf(o))
                    w = &candidate;
            if (!w) {
                m_r.warning(o.node, p, "Ingress routes to Service '" + backend + "', which belongs to no imported workload; not imported");
                continue;
            }
            IngressSpec in;
            in.enabled = true;
            in.host = m_r.string(rules[0], "host", rp).value_or("");
            in.path = m_r.string(paths[0], "path", pp).value_or("/");
            const auto tls = m_r.sequence(spec, "tls", sp);
            if (!tls.empty())
                in.tlsSecret = m_r.string(tls[0], "secretName", join(sp, "tls[0]")).value_or("");
            w->workload.ingress = in;
        }
    }

    void attachBudgets()
    {
        for (const Object &o : m_budgets) {
            const std::string p = o.label();
            const YAML::Node spec = m_r.mapping(o.node, "spec", p);
            const std::string sp = join(p, "spec");
            const YAML::Node sel = m_r.mapping(spec, "selector", sp);
            const auto labels = m_r.stringMap(sel, "matchLabels", join(sp, "selector")).value_or(std::map<std::string, std::string>{});
            WorkloadRead *w = workloadSelectedBy(namespaceOf(o), labels);
            if (!w) {
                m_r.warning(o.node, p, "PodDisruptionBudget selects no imported workload; not imported");
                continue;
            }
            const YAML::Node min = Reader::child(spec, "minAvailable");
            if (min.IsDefined() && min.IsScalar() && min.Tag() == "?") {
                if (auto v = m_r.integer(spec, "minAvailable", sp, 0, 100000))
                    w->workload.minAvailable = static_cast<int>(*v);
            } else if (min.IsDefined()) {
                m_r.warning(min, join(sp, "minAvailable"), "a percentage has no counterpart in the design; not imported");
            } else if (Reader::child(spec, "maxUnavailable").IsDefined()) {
                m_r.info(o.node, p, "maxUnavailable budgets are derived from the replicas; not imported");
            }
        }
    }

    void attachAutoscalers()
    {
        for (const Object &o : m_autoscalers) {
            const std::string p = o.label();
            const YAML::Node spec = m_r.mapping(o.node, "spec", p);
            const std::string sp = join(p, "spec");
            const bool v1 = o.apiVersion == "autoscaling/v1";
            // v2beta2 has v2's shape (metrics with typed targets); Kubernetes 1.26 removed it.
            if (o.apiVersion == "autoscaling/v2beta2")
                m_r.info(o.node, p,
                         "autoscaling/v2beta2 was removed in Kubernetes 1.26; read as autoscaling/v2, which the "
                         "design generates");
            if (v1)
                m_r.reportUnknown(spec, sp, {"scaleTargetRef", "minReplicas", "maxReplicas", "targetCPUUtilizationPercentage"},
                                  Severity::Warning);
            else
                m_r.reportUnknown(spec, sp, {"scaleTargetRef", "minReplicas", "maxReplicas", "metrics"}, Severity::Warning);
            const YAML::Node ref = m_r.mapping(spec, "scaleTargetRef", sp);
            const std::string rp = join(sp, "scaleTargetRef");
            const std::string kind = m_r.string(ref, "kind", rp).value_or("");
            const std::string name = m_r.string(ref, "name", rp).value_or("");
            const YAML::Node at = ref.IsDefined() ? ref : o.node;  // the reference, or the object without one
            WorkloadRead *w = nullptr;
            for (WorkloadRead &candidate : m_workloads)
                if (candidate.workload.name == name && candidate.workload.namespaceName == namespaceOf(o) &&
                    toString(candidate.workload.kind) == kind)
                    w = &candidate;
            if (!w) {
                m_r.warning(at, rp, "HorizontalPodAutoscaler scales " + (kind.empty() ? std::string("?") : kind) + " '" +
                                        name + "', which is not among the imported workloads; not imported");
                continue;
            }
            if (w->workload.kind == WorkloadKind::DaemonSet) {
                m_r.warning(at, rp, "a DaemonSet cannot be autoscaled; not imported");
                continue;
            }
            if (w->workload.autoscaling) {
                m_r.warning(o.node, p, "workload " + w->workload.name +
                                           " already has a HorizontalPodAutoscaler; the design holds one; not imported");
                continue;
            }
            Autoscaling a;
            a.minReplicas = static_cast<int>(m_r.integer(spec, "minReplicas", sp, 0, 100000).value_or(1));
            const auto max = m_r.integer(spec, "maxReplicas", sp, 0, 100000);
            if (!max) {
                if (!Reader::child(spec, "maxReplicas").IsDefined())
                    m_r.error(spec.IsDefined() ? spec : o.node, join(sp, "maxReplicas"),
                              "a HorizontalPodAutoscaler needs maxReplicas");
                continue;
            }
            a.maxReplicas = static_cast<int>(*max);
            if (v1) {
                if (auto cpu = m_r.integer(spec, "targetCPUUtilizationPercentage", sp, 1, 1000))
                    a.targetCpuUtilization = static_cast<int>(*cpu);
                else if (!Reader::child(spec, "targetCPUUtilizationPercentage").IsDefined())
                    defaultTarget(o, a);
            } else if (!Reader::child(spec, "metrics").IsDefined()) {
                defaultTarget(o, a);
            } else {
                readMetrics(spec, sp, a);
            }
            w->workload.autoscaling = a;
        }
    }

    /// Without a target Kubernetes scales by 80 % CPU; the design says so explicitly.
    void defaultTarget(const Object &o, Autoscaling &a)
    {
        a.targetCpuUtilization = 80;
        m_r.info(o.node, o.label(), "no target given: Kubernetes' default of 80 % CPU utilisation imported");
    }

    /// Resource metrics with Utilization targets; every other metric is reported where it is.
    void readMetrics(const YAML::Node &spec, const std::string &sp, Autoscaling &a)
    {
        const auto metrics = m_r.sequence(spec, "metrics", sp);
        for (std::size_t i = 0; i < metrics.size(); ++i) {
            const std::string mp = importing::index(join(sp, "metrics"), i);
            const std::string type = m_r.string(metrics[i], "type", mp).value_or("");
            if (type != "Resource") {
                m_r.warning(placeOf(metrics[i], "type", metrics[i]), join(mp, "type"),
                            "metric type '" + type +
                                "' has no counterpart in the design (it holds CPU and memory utilisation); not imported");
                continue;
            }
            const YAML::Node resource = m_r.mapping(metrics[i], "resource", mp);
            const std::string resp = join(mp, "resource");
            const std::string name = m_r.string(resource, "name", resp).value_or("");
            std::optional<int> *slot = name == "cpu" ? &a.targetCpuUtilization
                                       : name == "memory" ? &a.targetMemoryUtilization
                                                          : nullptr;
            if (!slot) {
                m_r.warning(placeOf(resource, "name", metrics[i]), join(resp, "name"),
                            "resource '" + name + "' has no counterpart in the design; not imported");
                continue;
            }
            const YAML::Node target = m_r.mapping(resource, "target", resp);
            const std::string tp = join(resp, "target");
            const std::string targetType = m_r.string(target, "type", tp).value_or("");
            if (targetType != "Utilization") {
                m_r.warning(placeOf(target, "type", metrics[i]), join(tp, "type"),
                            "a " + name + " target of type '" + targetType +
                                "' has no counterpart in the design (it holds Utilization targets); not imported");
                continue;
            }
            if (*slot) {
                m_r.warning(metrics[i], mp, "a second " + name + " metric; not imported");
                continue;
            }
            if (auto percent = m_r.integer(target, "averageUtilization", tp, 1, 1000))
                *slot = static_cast<int>(*percent);
            else if (!Reader::child(target, "averageUtilization").IsDefined())
                m_r.error(target, join(tp, "averageUtilization"), "a Utilization target needs averageUtilization");
        }
    }

    void attachClaims()
    {
        std::set<std::string> used;
        for (WorkloadRead &w : m_workloads) {
            for (const importing::ClaimRef &ref : w.claimRefs) {
                auto it = std::find_if(m_claims.begin(), m_claims.end(), [&](const Object &o) {
                    return o.name == ref.claimName && namespaceOf(o) == w.workload.namespaceName;
                });
                VolumeClaim claim;
                claim.name = ref.volume;
                claim.mountPath = ref.mountPath;
                if (it == m_claims.end()) {
                    m_r.warning(ref.at, w.workload.name, "PersistentVolumeClaim '" + ref.claimName +
                                                             "' is not in the imported files; its size is unknown");
                } else {
                    used.insert(it->name);
                    readClaimSpec(*it, claim);
                }
                w.workload.volumeClaims.push_back(std::move(claim));
            }
        }
        for (const Object &o : m_claims)
            if (!used.count(o.name))
                m_r.warning(o.node, o.label(), "PersistentVolumeClaim used by no imported workload; not imported");
    }

    void readClaimSpec(const Object &o, VolumeClaim &claim)
    {
        const std::string p = o.label();
        const YAML::Node spec = m_r.mapping(o.node, "spec", p);
        const std::string sp = join(p, "spec");
        if (auto modes = m_r.stringList(spec, "accessModes", sp); modes && !modes->empty())
            if (auto mode = parseEnum<AccessMode>(modes->front()))
                claim.accessMode = *mode;
        claim.storageClass = m_r.string(spec, "storageClassName", sp).value_or("");
        const YAML::Node requests = Reader::child(Reader::child(spec, "resources"), "requests");
        if (auto size = m_r.string(requests, "storage", join(sp, "resources.requests"))) {
            if (auto bytes = parseBytes(*size))
                claim.sizeBytes = *bytes;
            else
                m_r.error(Reader::child(requests, "storage"), join(sp, "resources.requests.storage"),
                          "'" + *size + "' is not a size");
        }
    }

    void readStorageClass(const Object &o)
    {
        const std::string p = o.label();
        m_r.reportUnknown(o.node, p, {"apiVersion", "kind", "metadata", "provisioner", "parameters", "reclaimPolicy",
                                      "volumeBindingMode", "allowVolumeExpansion"});
        StorageClass sc;
        sc.name = o.name;
        const YAML::Node meta = Reader::child(o.node, "metadata");
        const auto annotations = m_r.stringMap(meta, "annotations", join(p, "metadata"))
                                     .value_or(std::map<std::string, std::string>{});
        auto annotation = [&](const char *key) {
            auto it = annotations.find(key);
            return it == annotations.end() ? std::string() : it->second;
        };
        sc.isDefault = annotation("storageclass.kubernetes.io/is-default-class") == "true";
        const std::string provisioner = m_r.string(o.node, "provisioner", p).value_or("");
        std::optional<StorageBackendType> type = parseEnum<StorageBackendType>(annotation(kBackendTypeAnnotation));
        if (!type)
            type = backendTypeForProvisioner(provisioner);
        if (!type) {
            m_r.warning(o.node, join(p, "provisioner"), "provisioner '" + provisioner +
                                                            "' is not a known backend; imported as cloud-block");
            type = StorageBackendType::CloudBlock;
        }
        StorageBackend backend;
        backend.name = annotation(kBackendAnnotation).empty() ? sc.name + "-backend" : annotation(kBackendAnnotation);
        backend.type = *type;
        const auto params = m_r.stringMap(o.node, "parameters", p).value_or(std::map<std::string, std::string>{});
        if (*type == StorageBackendType::Nfs && params.count("server"))
            backend.endpoint = params.at("server") + ":" + (params.count("share") ? params.at("share") : "/");
        sc.backend = backend.name;
        if (auto policy = m_r.string(o.node, "reclaimPolicy", p))
            sc.reclaimPolicy = parseEnum<ReclaimPolicy>(*policy).value_or(ReclaimPolicy::Delete);
        if (auto mode = m_r.string(o.node, "volumeBindingMode", p))
            sc.bindingMode = parseEnum<VolumeBindingMode>(*mode).value_or(VolumeBindingMode::Immediate);
        else
            sc.bindingMode = VolumeBindingMode::Immediate;  // Kubernetes' default, unlike the design's
        sc.allowExpansion = m_r.boolean(o.node, "allowVolumeExpansion", p).value_or(false);
        if (!m_t.findStorageBackend(backend.name))
            m_t.storageBackends.push_back(std::move(backend));
        m_t.storageClasses.push_back(std::move(sc));
    }

    void readSecret(const Object &o)
    {
        Secret s;
        s.name = o.name;
        for (const char *field : {"data", "stringData"}) {
            const YAML::Node data = m_r.mapping(o.node, field, o.label());
            if (!data.IsMap())
                continue;
            for (const auto &kv : data)
                if (std::find(s.keys.begin(), s.keys.end(), kv.first.Scalar()) == s.keys.end())
                    s.keys.push_back(kv.first.Scalar());
        }
        if (!s.keys.empty())
            m_r.warning(o.node, o.label(), "Secret values are never imported: only its name and keys were kept");
        m_secrets.push_back(std::move(s));
    }

    void collectSecrets()
    {
        for (const Workload &w : m_t.workloads)
            for (const EnvVar &e : w.env)
                if (!e.secretName.empty()) {
                    auto it = std::find_if(m_secrets.begin(), m_secrets.end(),
                                           [&](const Secret &s) { return s.name == e.secretName; });
                    if (it == m_secrets.end()) {
                        m_secrets.push_back(Secret{e.secretName, {}, {}});
                        it = m_secrets.end() - 1;
                    }
                    if (std::find(it->keys.begin(), it->keys.end(), e.secretKey) == it->keys.end())
                        it->keys.push_back(e.secretKey);
                }
        m_t.secrets = std::move(m_secrets);
    }

    Reader &m_r;
    Topology &m_t;
    std::vector<WorkloadRead> m_workloads;
    std::vector<Object> m_services, m_ingresses, m_budgets, m_autoscalers, m_claims;
    std::vector<Secret> m_secrets;
};

} // namespace

ImportResult importManifests(std::string_view text, const std::string &fileName)
{
    ImportResult result;
    result.format = ImportFormat::Manifests;
    Reader r(fileName, result.diagnostics);
    const auto docs = r.loadAll(text);
    if (!docs)
        return result;
    ManifestImporter(r, result.topology).run(r.objects(*docs));
    return result;
}

} // namespace quorum::generate
