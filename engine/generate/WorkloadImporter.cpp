// apps/v1 Deployment / StatefulSet / DaemonSet -> design workload: replicas, the first
// container (image, ports, env, resources, probes, mounts), placement (anti-affinity, zone
// spread, node selector, tolerations) and claims. What has no counterpart is reported.

#include "engine/generate/ImportYaml.h"

#include "engine/generate/Manifests.h"

namespace quorum::generate::importing {

using namespace quorum::model;

namespace {

/// A port given as a number or as the name of a container port.
std::optional<int> readPort(Reader &r, const YAML::Node &node, const char *key, const std::string &path,
                            const std::vector<ContainerPort> &ports)
{
    const YAML::Node v = Reader::child(node, key);
    if (!v.IsDefined())
        return std::nullopt;
    if (v.IsScalar() && v.Tag() != "?") {
        for (const ContainerPort &p : ports)
            if (p.name == v.Scalar())
                return p.containerPort;
        r.error(v, join(path, key), "port '" + v.Scalar() + "' names no container port");
        return std::nullopt;
    }
    if (v.IsScalar() && !v.Scalar().empty() && v.Scalar().find_first_not_of("0123456789") != std::string::npos) {
        for (const ContainerPort &p : ports)
            if (p.name == v.Scalar())
                return p.containerPort;
    }
    if (auto n = r.integer(node, key, path, 1, 65535))
        return static_cast<int>(*n);
    return std::nullopt;
}

Probe readProbe(Reader &r, const YAML::Node &node, const std::string &path, const std::vector<ContainerPort> &ports)
{
    Probe p;
    r.reportUnknown(node, path, {"httpGet", "tcpSocket", "exec", "initialDelaySeconds", "periodSeconds",
                                 "failureThreshold"});
    if (const YAML::Node http = r.mapping(node, "httpGet", path); http.IsDefined()) {
        p.type = ProbeType::HttpGet;
        r.reportUnknown(http, join(path, "httpGet"), {"path", "port"});
        p.path = r.string(http, "path", join(path, "httpGet")).value_or("/");
        p.port = readPort(r, http, "port", join(path, "httpGet"), ports).value_or(0);
    } else if (const YAML::Node tcp = r.mapping(node, "tcpSocket", path); tcp.IsDefined()) {
        p.type = ProbeType::TcpSocket;
        p.port = readPort(r, tcp, "port", join(path, "tcpSocket"), ports).value_or(0);
    } else if (const YAML::Node exec = r.mapping(node, "exec", path); exec.IsDefined()) {
        p.type = ProbeType::Exec;
        p.command = r.stringList(exec, "command", join(path, "exec")).value_or(std::vector<std::string>{});
    } else {
        r.warning(node, path, "a probe without httpGet, tcpSocket or exec (grpc?) has no counterpart; not imported");
        return Probe{};
    }
    p.initialDelaySeconds = static_cast<int>(r.integer(node, "initialDelaySeconds", path, 0, 86400).value_or(0));
    p.periodSeconds = static_cast<int>(r.integer(node, "periodSeconds", path, 1, 86400).value_or(10));
    p.failureThreshold = static_cast<int>(r.integer(node, "failureThreshold", path, 1, 1000).value_or(3));
    return p;
}

void readResources(Reader &r, const YAML::Node &node, const std::string &path, Resources &out)
{
    r.reportUnknown(node, path, {"requests", "limits"});
    for (const char *which : {"requests", "limits"}) {
        const YAML::Node m = r.mapping(node, which, path);
        const std::string mp = join(path, which);
        r.reportUnknown(m, mp, {"cpu", "memory"}, Severity::Warning);
        const bool requests = std::string(which) == "requests";
        if (auto cpu = r.string(m, "cpu", mp)) {
            if (auto v = parseCpuMillis(*cpu))
                (requests ? out.cpuRequestMillis : out.cpuLimitMillis) = *v;
            else
                r.error(Reader::child(m, "cpu"), join(mp, "cpu"), "'" + *cpu + "' is not a CPU quantity");
        }
        if (auto mem = r.string(m, "memory", mp)) {
            if (auto v = parseBytes(*mem))
                (requests ? out.memoryRequestBytes : out.memoryLimitBytes) = *v;
            else
                r.error(Reader::child(m, "memory"), join(mp, "memory"), "'" + *mem + "' is not a memory quantity");
        }
    }
}

void readEnv(Reader &r, const YAML::Node &container, const std::string &path, std::vector<EnvVar> &out)
{
    const auto env = r.sequence(container, "env", path);
    for (std::size_t i = 0; i < env.size(); ++i) {
        const std::string ep = index(join(path, "env"), i);
        EnvVar var;
        var.name = r.string(env[i], "name", ep).value_or("");
        if (const YAML::Node from = r.mapping(env[i], "valueFrom", ep); from.IsDefined()) {
            const YAML::Node ref = r.mapping(from, "secretKeyRef", join(ep, "valueFrom"));
            if (!ref.IsDefined()) {
                r.warning(from, join(ep, "valueFrom"), "variable " + var.name +
                                                           " reads something other than a Secret key; not imported");
                continue;
            }
            var.secretName = r.string(ref, "name", join(ep, "valueFrom.secretKeyRef")).value_or("");
            var.secretKey = r.string(ref, "key", join(ep, "valueFrom.secretKeyRef")).value_or("");
        } else {
            var.value = r.string(env[i], "value", ep).value_or("");
            if (isSecretLikeName(var.name) && !var.value.empty())
                r.warning(env[i], ep, "variable " + var.name + " holds a secret in plain text; move it to a Secret");
        }
        out.push_back(std::move(var));
    }
}

void readAffinity(Reader &r, const YAML::Node &spec, const std::string &path, Placement &placement)
{
    const YAML::Node affinity = r.mapping(spec, "affinity", path);
    const std::string ap = join(path, "affinity");
    r.reportUnknown(affinity, ap, {"podAntiAffinity"}, Severity::Warning);
    const YAML::Node anti = r.mapping(affinity, "podAntiAffinity", ap);
    const std::string pp = join(ap, "podAntiAffinity");
    auto hostnameTerm = [&](const YAML::Node &term) {
        return r.string(term, "topologyKey", pp).value_or("") == "kubernetes.io/hostname";
    };
    for (const YAML::Node &term : r.sequence(anti, "requiredDuringSchedulingIgnoredDuringExecution", pp)) {
        if (hostnameTerm(term))
            placement.antiAffinity = AntiAffinity::Required;
        else
            r.warning(term, pp, "anti-affinity over a topology other than kubernetes.io/hostname; not imported");
    }
    if (placement.antiAffinity == AntiAffinity::None)
        for (const YAML::Node &weighted : r.sequence(anti, "preferredDuringSchedulingIgnoredDuringExecution", pp)) {
            if (hostnameTerm(Reader::child(weighted, "podAffinityTerm")))
                placement.antiAffinity = AntiAffinity::Preferred;
            else
                r.warning(weighted, pp, "anti-affinity over a topology other than kubernetes.io/hostname; not imported");
        }
}

void readPlacement(Reader &r, const YAML::Node &spec, const std::string &path, Placement &placement)
{
    readAffinity(r, spec, path, placement);
    const auto spread = r.sequence(spec, "topologySpreadConstraints", path);
    for (std::size_t i = 0; i < spread.size(); ++i) {
        const std::string sp = index(join(path, "topologySpreadConstraints"), i);
        if (r.string(spread[i], "topologyKey", sp).value_or("") != "topology.kubernetes.io/zone") {
            r.warning(spread[i], sp, "spread over a topology other than zones; not imported");
            continue;
        }
        placement.spreadZones = true;
        placement.maxSkew = static_cast<int>(r.integer(spread[i], "maxSkew", sp, 1, 1000).value_or(1));
    }
    if (auto selector = r.stringMap(spec, "nodeSelector", path))
        placement.nodeSelector = *selector;
    const auto tolerations = r.sequence(spec, "tolerations", path);
    for (std::size_t i = 0; i < tolerations.size(); ++i) {
        const std::string tp = index(join(path, "tolerations"), i);
        r.reportUnknown(tolerations[i], tp, {"key", "operator", "value", "effect", "tolerationSeconds"}, Severity::Warning);
        Toleration t;
        t.key = r.string(tolerations[i], "key", tp).value_or("");
        t.op = r.string(tolerations[i], "operator", tp).value_or("Equal");
        t.value = r.string(tolerations[i], "value", tp).value_or("");
        if (auto effect = r.string(tolerations[i], "effect", tp)) {
            if (auto e = parseEnum<TaintEffect>(*effect))
                t.effect = *e;
            else
                r.error(Reader::child(tolerations[i], "effect"), join(tp, "effect"), "unknown effect '" + *effect + "'");
        }
        if (auto seconds = r.integer(tolerations[i], "tolerationSeconds", tp, 0, 1LL << 40))
            t.tolerationSeconds = *seconds;
        placement.tolerations.push_back(std::move(t));
    }
}

void readContainer(Reader &r, const YAML::Node &c, const std::string &path, WorkloadRead &out,
                   std::map<std::string, std::string> &mounts)
{
    Workload &w = out.workload;
    r.reportUnknown(c, path, {"name", "image", "ports", "env", "resources", "readinessProbe", "livenessProbe",
                              "securityContext", "volumeMounts"});
    w.image = r.string(c, "image", path).value_or("");
    if (w.image.empty())
        r.error(c, join(path, "image"), "a container needs an image");
    const auto ports = r.sequence(c, "ports", path);
    for (std::size_t i = 0; i < ports.size(); ++i) {
        const std::string pp = index(join(path, "ports"), i);
        r.reportUnknown(ports[i], pp, {"name", "containerPort", "protocol"});
        ContainerPort port;
        port.name = r.string(ports[i], "name", pp).value_or("");
        port.containerPort = static_cast<int>(r.integer(ports[i], "containerPort", pp, 1, 65535).value_or(0));
        port.protocol = r.string(ports[i], "protocol", pp).value_or("TCP");
        w.ports.push_back(std::move(port));
    }
    readEnv(r, c, path, w.env);
    if (const YAML::Node res = r.mapping(c, "resources", path); res.IsDefined())
        readResources(r, res, join(path, "resources"), w.resources);
    if (const YAML::Node p = r.mapping(c, "readinessProbe", path); p.IsDefined())
        w.readiness = readProbe(r, p, join(path, "readinessProbe"), w.ports);
    if (const YAML::Node p = r.mapping(c, "livenessProbe", path); p.IsDefined())
        w.liveness = readProbe(r, p, join(path, "livenessProbe"), w.ports);
    for (const YAML::Node &m : r.sequence(c, "volumeMounts", path)) {
        const auto name = r.string(m, "name", join(path, "volumeMounts"));
        const auto mountPath = r.string(m, "mountPath", join(path, "volumeMounts"));
        if (name)
            mounts[*name] = mountPath.value_or("");
    }
}

} // namespace

std::optional<WorkloadRead> readWorkload(Reader &r, const Object &o)
{
    WorkloadRead out;
    Workload &w = out.workload;
    w.name = o.name;
    w.namespaceName = o.ns.empty() ? "default" : o.ns;
    w.kind = *parseEnum<WorkloadKind>(o.kind);
    const YAML::Node &n = o.node;
    const std::string p = o.label();
    if (w.name.empty()) {
        r.error(n, join(p, "metadata.name"), "a workload needs a name");
        return std::nullopt;
    }
    r.reportUnknown(n, p, {"apiVersion", "kind", "metadata", "spec", "status"});
    const YAML::Node spec = r.mapping(n, "spec", p);
    const std::string sp = join(p, "spec");
    r.reportUnknown(spec, sp, {"replicas", "selector", "template", "serviceName", "volumeClaimTemplates", "strategy",
                               "updateStrategy", "podManagementPolicy", "revisionHistoryLimit", "minReadySeconds",
                               "progressDeadlineSeconds"});
    if (w.kind != WorkloadKind::DaemonSet)
        w.replicas = static_cast<int>(r.integer(spec, "replicas", sp, 0, 100000).value_or(1));
    out.serviceName = r.string(spec, "serviceName", sp).value_or("");
    const YAML::Node tpl = r.mapping(spec, "template", sp);
    const std::string tp = join(sp, "template");
    if (!tpl.IsDefined()) {
        r.error(spec.IsDefined() ? spec : n, tp, "a workload needs a pod template");
        return std::nullopt;
    }
    if (const YAML::Node meta = r.mapping(tpl, "metadata", tp); meta.IsDefined())
        out.podLabels = r.stringMap(meta, "labels", join(tp, "metadata")).value_or(std::map<std::string, std::string>{});
    const YAML::Node pod = r.mapping(tpl, "spec", tp);
    const std::string pp = join(tp, "spec");
    r.reportUnknown(pod, pp, {"containers", "serviceAccountName", "automountServiceAccountToken", "securityContext",
                              "affinity", "topologySpreadConstraints", "nodeSelector", "tolerations", "volumes"});
    const auto containers = r.sequence(pod, "containers", pp);
    if (containers.empty()) {
        r.error(pod.IsDefined() ? pod : tpl, join(pp, "containers"), "a pod needs at least one container");
        return std::nullopt;
    }
    for (std::size_t i = 1; i < containers.size(); ++i)
        r.warning(containers[i], index(join(pp, "containers"), i),
                  "the design has one container per workload; container '" +
                      r.string(containers[i], "name", pp).value_or("?") + "' is not imported");
    std::map<std::string, std::string> mounts;
    readContainer(r, containers[0], index(join(pp, "containers"), 0), out, mounts);
    readPlacement(r, pod, pp, w.placement);

    for (const YAML::Node &v : r.sequence(pod, "volumes", pp)) {
        const std::string name = r.string(v, "name", join(pp, "volumes")).value_or("");
        const YAML::Node pvc = r.mapping(v, "persistentVolumeClaim", join(pp, "volumes"));
        if (!pvc.IsDefined()) {
            r.warning(v, join(pp, "volumes"), "volume '" + name + "' is not a PersistentVolumeClaim; not imported");
            continue;
        }
        const std::string claim = r.string(pvc, "claimName", join(pp, "volumes")).value_or("");
        out.claimRefs.push_back(ClaimRef{name, claim, mounts.count(name) ? mounts[name] : "", v});
    }
    const auto templates = r.sequence(spec, "volumeClaimTemplates", sp);
    for (std::size_t i = 0; i < templates.size(); ++i) {
        const std::string vp = index(join(sp, "volumeClaimTemplates"), i);
        VolumeClaim claim;
        if (const YAML::Node meta = r.mapping(templates[i], "metadata", vp); meta.IsDefined())
            claim.name = r.string(meta, "name", join(vp, "metadata")).value_or("");
        const YAML::Node cs = r.mapping(templates[i], "spec", vp);
        const std::string csp = join(vp, "spec");
        if (auto modes = r.stringList(cs, "accessModes", csp); modes && !modes->empty()) {
            if (auto mode = parseEnum<AccessMode>(modes->front()))
                claim.accessMode = *mode;
            else
                r.error(Reader::child(cs, "accessModes"), join(csp, "accessModes"), "unknown access mode '" + modes->front() + "'");
        }
        claim.storageClass = r.string(cs, "storageClassName", csp).value_or("");
        const YAML::Node requests = r.mapping(r.mapping(cs, "resources", csp), "requests", join(csp, "resources"));
        if (auto size = r.string(requests, "storage", join(csp, "resources.requests"))) {
            if (auto bytes = parseBytes(*size))
                claim.sizeBytes = *bytes;
            else
                r.error(Reader::child(requests, "storage"), join(csp, "resources.requests.storage"), "'" + *size + "' is not a size");
        }
        claim.mountPath = mounts.count(claim.name) ? mounts[claim.name] : "";
        w.volumeClaims.push_back(std::move(claim));
    }
    return out;
}

} // namespace quorum::generate::importing
