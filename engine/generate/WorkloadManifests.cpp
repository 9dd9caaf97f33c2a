// Workload controllers (apps/v1 Deployment, StatefulSet, DaemonSet) and their pod template:
// probes, resources, env from Secrets, zone spread, anti-affinity and a restricted security context.

#include "engine/generate/Artifacts.h"
#include "engine/generate/Manifests.h"

#include "engine/model/TopologyYaml.h"

namespace quorum::generate {

using namespace quorum::model;

std::string withheldSecretName(const Workload &w)
{
    return w.name + "-env";
}

std::vector<SecretUse> secretUses(const Workload &w)
{
    std::vector<SecretUse> uses;
    for (const EnvVar &e : w.env) {
        if (!e.secretName.empty())
            uses.push_back(SecretUse{e.secretName, e.secretKey, false});
        else if (isSecretLikeName(e.name) && !e.value.empty())
            uses.push_back(SecretUse{withheldSecretName(w), e.name, true});
    }
    return uses;
}

Yaml podSelector(const Workload &w)
{
    Yaml labels = Yaml::map();
    labels.set(kNameLabel, w.name);
    return labels;
}

Yaml portList(const Workload &w, const char *portKey)
{
    Yaml ports = Yaml::seq();
    for (const ContainerPort &p : w.ports) {
        Yaml port = Yaml::map();
        port.setIfNotEmpty("name", p.name);
        port.set(portKey, p.containerPort);
        port.set("protocol", p.protocol);
        ports.add(std::move(port));
    }
    return ports;
}

std::string standaloneClaimName(const Workload &w, const VolumeClaim &claim)
{
    return w.name + "-" + claim.name;
}

Yaml claimSpec(const VolumeClaim &claim)
{
    Yaml spec = Yaml::map();
    spec.set("accessModes", Yaml::strings({toString(claim.accessMode)}));
    if (!claim.storageClass.empty())
        spec.set("storageClassName", claim.storageClass);
    spec["resources"]["requests"].set("storage", formatBytes(claim.sizeBytes));
    return spec;
}

namespace {

Yaml probe(const Probe &p)
{
    Yaml out = Yaml::map();
    switch (p.type) {
    case ProbeType::HttpGet: out["httpGet"].set("path", p.path.empty() ? "/" : p.path).set("port", p.port); break;
    case ProbeType::TcpSocket: out["tcpSocket"].set("port", p.port); break;
    case ProbeType::Exec: out["exec"].set("command", Yaml::strings(p.command)); break;
    case ProbeType::None: break;
    }
    out.set("initialDelaySeconds", p.initialDelaySeconds);
    out.set("periodSeconds", p.periodSeconds);
    out.set("failureThreshold", p.failureThreshold);
    return out;
}

Yaml resources(const Resources &r)
{
    Yaml out = Yaml::map();
    Yaml requests = Yaml::map();
    if (r.cpuRequestMillis > 0)
        requests.set("cpu", formatCpuMillis(r.cpuRequestMillis));
    if (r.memoryRequestBytes > 0)
        requests.set("memory", formatBytes(r.memoryRequestBytes));
    Yaml limits = Yaml::map();
    if (r.cpuLimitMillis > 0)
        limits.set("cpu", formatCpuMillis(r.cpuLimitMillis));
    if (r.memoryLimitBytes > 0)
        limits.set("memory", formatBytes(r.memoryLimitBytes));
    out.setIfNotEmpty("requests", std::move(requests));
    out.setIfNotEmpty("limits", std::move(limits));
    return out;
}

Yaml envList(Context &ctx, const Workload &w)
{
    Yaml env = Yaml::seq();
    for (const EnvVar &e : w.env) {
        Yaml var = Yaml::map();
        var.set("name", e.name);
        std::string secret = e.secretName, key = e.secretKey;
        if (secret.empty() && isSecretLikeName(e.name) && !e.value.empty()) {
            secret = withheldSecretName(w);
            key = e.name;
            ctx.note("workload/" + w.name, "variable " + e.name + " holds a literal secret value in the design; it "
                                           "was left out and is read from Secret " + secret + " instead");
        }
        if (secret.empty())
            var.set("value", e.value);
        else
            var["valueFrom"]["secretKeyRef"].set("name", secret).set("key", key);
        env.add(std::move(var));
    }
    return env;
}

Yaml restrictedContainerSecurity()
{
    Yaml sc = Yaml::map();
    sc.set("allowPrivilegeEscalation", false);
    sc.set("runAsNonRoot", true);
    sc["capabilities"].set("drop", Yaml::strings({"ALL"}));
    sc["seccompProfile"].set("type", "RuntimeDefault");
    return sc;
}

Yaml affinityTerm(const Workload &w, const char *topologyKey)
{
    Yaml term = Yaml::map();
    term["labelSelector"].set("matchLabels", podSelector(w));
    term.set("topologyKey", topologyKey);
    return term;
}

Yaml tolerations(const std::vector<Toleration> &list)
{
    Yaml out = Yaml::seq();
    for (const Toleration &t : list) {
        Yaml item = Yaml::map();
        item.setIfNotEmpty("key", t.key);
        item.set("operator", t.op);
        item.setIfNotEmpty("value", t.value);
        if (t.effect)
            item.set("effect", toString(*t.effect));
        if (t.tolerationSeconds)
            item.set("tolerationSeconds", *t.tolerationSeconds);
        out.add(std::move(item));
    }
    return out;
}

Yaml container(Context &ctx, const Workload &w)
{
    Yaml c = Yaml::map();
    c.set("name", w.name);
    c.set("image", w.image);
    c.setIfNotEmpty("ports", portList(w, "containerPort"));
    c.setIfNotEmpty("env", envList(ctx, w));
    c.setIfNotEmpty("resources", resources(w.resources));
    if (w.readiness.type != ProbeType::None)
        c.set("readinessProbe", probe(w.readiness));
    if (w.liveness.type != ProbeType::None)
        c.set("livenessProbe", probe(w.liveness));
    c.set("securityContext", restrictedContainerSecurity());
    Yaml mounts = Yaml::seq();
    for (const VolumeClaim &claim : w.volumeClaims) {
        Yaml m = Yaml::map();
        m.set("name", claim.name);
        m.set("mountPath", claim.mountPath.empty() ? "/data/" + claim.name : claim.mountPath);
        mounts.add(std::move(m));
    }
    c.setIfNotEmpty("volumeMounts", std::move(mounts));
    return c;
}

Yaml podTemplate(Context &ctx, const Workload &w)
{
    Yaml tpl = Yaml::map();
    tpl["metadata"].set("labels", ctx.commonLabels(w.name));
    Yaml spec = Yaml::map();
    spec.set("serviceAccountName", w.name);
    spec.set("automountServiceAccountToken", false);
    Yaml podSecurity = Yaml::map();
    podSecurity.set("runAsNonRoot", true);
    podSecurity["seccompProfile"].set("type", "RuntimeDefault");
    spec.set("securityContext", std::move(podSecurity));
    spec["containers"].add(container(ctx, w));
    spec.setIfNotEmpty("nodeSelector", [&] {
        Yaml sel = Yaml::map();
        for (const auto &[key, value] : w.placement.nodeSelector)
            sel.set(key, value);
        return sel;
    }());
    if (w.placement.antiAffinity == AntiAffinity::Required) {
        spec["affinity"]["podAntiAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"].add(
            affinityTerm(w, "kubernetes.io/hostname"));
    } else if (w.placement.antiAffinity == AntiAffinity::Preferred) {
        Yaml weighted = Yaml::map();
        weighted.set("weight", 100);
        weighted.set("podAffinityTerm", affinityTerm(w, "kubernetes.io/hostname"));
        spec["affinity"]["podAntiAffinity"]["preferredDuringSchedulingIgnoredDuringExecution"].add(std::move(weighted));
    }
    if (w.placement.spreadZones) {
        Yaml spread = Yaml::map();
        spread.set("maxSkew", w.placement.maxSkew);
        spread.set("topologyKey", "topology.kubernetes.io/zone");
        spread.set("whenUnsatisfiable", "ScheduleAnyway");
        spread["labelSelector"].set("matchLabels", podSelector(w));
        spec["topologySpreadConstraints"].add(std::move(spread));
    }
    spec.setIfNotEmpty("tolerations", tolerations(w.placement.tolerations));
    if (w.kind != WorkloadKind::StatefulSet) {
        Yaml volumes = Yaml::seq();
        for (const VolumeClaim &claim : w.volumeClaims) {
            Yaml v = Yaml::map();
            v.set("name", claim.name);
            v["persistentVolumeClaim"].set("claimName", standaloneClaimName(w, claim));
            volumes.add(std::move(v));
        }
        spec.setIfNotEmpty("volumes", std::move(volumes));
    }
    tpl.set("spec", std::move(spec));
    return tpl;
}

} // namespace

Yaml workloadController(Context &ctx, const Workload &w)
{
    Yaml doc = Yaml::map();
    doc.set("apiVersion", "apps/v1");
    doc.set("kind", toString(w.kind));
    doc.set("metadata", objectMeta(ctx, w.name, w.namespaceName));
    Yaml spec = Yaml::map();
    // Kept with a HorizontalPodAutoscaler too: it is the count the workload starts with before
    // the autoscaler has metrics, an import gives it back, and `kubectl apply` leaves a value
    // that did not change in the file alone. docs/generate.md says when to drop it.
    if (w.kind != WorkloadKind::DaemonSet)
        spec.set("replicas", w.replicas);
    if (w.kind == WorkloadKind::StatefulSet)
        spec.set("serviceName", governingServiceName(w));
    spec["selector"].set("matchLabels", podSelector(w));
    spec.set("template", podTemplate(ctx, w));
    if (w.kind == WorkloadKind::StatefulSet) {
        Yaml templates = Yaml::seq();
        for (const VolumeClaim &claim : w.volumeClaims) {
            Yaml t = Yaml::map();
            t["metadata"].set("name", claim.name);
            t.set("spec", claimSpec(claim));
            templates.add(std::move(t));
        }
        spec.setIfNotEmpty("volumeClaimTemplates", std::move(templates));
    }
    doc.set("spec", std::move(spec));
    return doc;
}

std::vector<Yaml> standaloneClaims(const Context &ctx, const Workload &w)
{
    std::vector<Yaml> out;
    if (w.kind == WorkloadKind::StatefulSet)
        return out;
    for (const VolumeClaim &claim : w.volumeClaims) {
        Yaml pvc = Yaml::map();
        pvc.set("apiVersion", "v1");
        pvc.set("kind", "PersistentVolumeClaim");
        pvc.set("metadata", objectMeta(ctx, standaloneClaimName(w, claim), w.namespaceName));
        pvc.set("spec", claimSpec(claim));
        out.push_back(std::move(pvc));
    }
    return out;
}

} // namespace quorum::generate
