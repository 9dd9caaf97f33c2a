// The objects around one workload: ServiceAccount + Role + RoleBinding, Service(s), Ingress,
// PodDisruptionBudget, HorizontalPodAutoscaler and the NetworkPolicy that lets in what the
// design's links imply.

#include "engine/generate/Manifests.h"

#include "engine/model/Topology.h"

#include <algorithm>
#include <set>

namespace quorum::generate {

using namespace quorum::model;

namespace {

Yaml object(const Context &ctx, const char *apiVersion, const char *kind, const std::string &name, const std::string &ns)
{
    Yaml doc = Yaml::map();
    doc.set("apiVersion", apiVersion);
    doc.set("kind", kind);
    doc.set("metadata", objectMeta(ctx, name, ns));
    return doc;
}

/// Load balancers of a type that target the workload by name.
std::vector<const LoadBalancer *> balancersOf(const Context &ctx, const Workload &w, LoadBalancerType type)
{
    std::vector<const LoadBalancer *> out;
    for (const LoadBalancer &lb : ctx.topology().loadBalancers)
        if (lb.type == type && std::find(lb.targets.begin(), lb.targets.end(), w.name) != lb.targets.end())
            out.push_back(&lb);
    return out;
}

int targetPortOf(const Workload &w)
{
    return w.service.targetPort > 0 ? w.service.targetPort : w.service.port;
}

std::string portNameFor(const Workload &w, int containerPort)
{
    for (const ContainerPort &p : w.ports)
        if (p.containerPort == containerPort)
            return p.name;
    return {};
}

Yaml servicePorts(const Workload &w)
{
    Yaml port = Yaml::map();
    port.setIfNotEmpty("name", portNameFor(w, targetPortOf(w)));
    port.set("port", w.service.port);
    port.set("targetPort", targetPortOf(w));
    port.set("protocol", "TCP");
    return Yaml::seq().add(std::move(port));
}

/// The container ports traffic may reach: the declared ports, or the Service's target port.
std::vector<std::pair<int, std::string>> reachablePorts(const Workload &w)
{
    std::vector<std::pair<int, std::string>> ports;
    for (const ContainerPort &p : w.ports)
        ports.emplace_back(p.containerPort, p.protocol);
    if (ports.empty() && w.service.type != ServiceType::None)
        ports.emplace_back(targetPortOf(w), "TCP");
    return ports;
}

Yaml policyPorts(const Workload &w)
{
    Yaml list = Yaml::seq();
    for (const auto &[port, protocol] : reachablePorts(w)) {
        Yaml p = Yaml::map();
        p.set("protocol", protocol);
        p.set("port", port);
        list.add(std::move(p));
    }
    return list;
}

} // namespace

std::string governingServiceName(const Workload &w)
{
    return w.service.type == ServiceType::Headless ? w.name : w.name + "-headless";
}

std::vector<Yaml> rbacObjects(const Context &ctx, const Workload &w)
{
    Yaml sa = object(ctx, "v1", "ServiceAccount", w.name, w.namespaceName);
    sa.set("automountServiceAccountToken", false);

    // Least privilege: read only the Secrets the workload references, by name.
    Yaml role = object(ctx, "rbac.authorization.k8s.io/v1", "Role", w.name, w.namespaceName);
    std::set<std::string> secrets;
    for (const SecretUse &use : secretUses(w))
        secrets.insert(use.secret);
    Yaml rules = Yaml::seq();
    if (!secrets.empty()) {
        Yaml rule = Yaml::map();
        rule.set("apiGroups", Yaml::strings({""}));
        rule.set("resources", Yaml::strings({"secrets"}));
        rule.set("resourceNames", Yaml::strings(std::vector<std::string>(secrets.begin(), secrets.end())));
        rule.set("verbs", Yaml::strings({"get"}));
        rules.add(std::move(rule));
    }
    role.set("rules", std::move(rules));

    Yaml binding = object(ctx, "rbac.authorization.k8s.io/v1", "RoleBinding", w.name, w.namespaceName);
    Yaml subject = Yaml::map();
    subject.set("kind", "ServiceAccount").set("name", w.name).set("namespace", w.namespaceName);
    binding["subjects"].add(std::move(subject));
    binding["roleRef"].set("apiGroup", "rbac.authorization.k8s.io").set("kind", "Role").set("name", w.name);
    return {sa, role, binding};
}

std::vector<Yaml> serviceObjects(Context &ctx, const Workload &w)
{
    std::vector<Yaml> out;
    const bool needsGoverning = w.kind == WorkloadKind::StatefulSet && w.service.type != ServiceType::Headless;
    if (needsGoverning) {
        Yaml governing = object(ctx, "v1", "Service", governingServiceName(w), w.namespaceName);
        governing["metadata"]["annotations"].set(kGoverningAnnotation, "true");
        Yaml spec = Yaml::map();
        spec.set("clusterIP", "None");
        spec.set("selector", podSelector(w));
        spec.set("publishNotReadyAddresses", true);
        spec.setIfNotEmpty("ports", portList(w, "port"));
        governing.set("spec", std::move(spec));
        out.push_back(std::move(governing));
    }
    if (w.service.type == ServiceType::None)
        return out;
    Yaml svc = object(ctx, "v1", "Service", w.name, w.namespaceName);
    Yaml spec = Yaml::map();
    switch (w.service.type) {
    case ServiceType::Headless: spec.set("clusterIP", "None"); break;
    case ServiceType::NodePort: spec.set("type", "NodePort"); break;
    case ServiceType::LoadBalancer: {
        spec.set("type", "LoadBalancer");
        const auto pools = balancersOf(ctx, w, LoadBalancerType::MetalLB);
        if (!pools.empty() && !pools.front()->vip.empty())
            svc["metadata"]["annotations"].set(kMetalLbPoolAnnotation, pools.front()->name);
        break;
    }
    case ServiceType::ClusterIP: spec.set("type", "ClusterIP"); break;
    case ServiceType::None: break;
    }
    spec.set("selector", podSelector(w));
    spec.set("ports", servicePorts(w));
    svc.set("spec", std::move(spec));
    out.push_back(std::move(svc));
    return out;
}

std::optional<Yaml> ingressObject(Context &ctx, const Workload &w)
{
    if (!w.ingress.enabled)
        return std::nullopt;
    if (w.service.type == ServiceType::None || w.service.type == ServiceType::Headless) {
        ctx.note("workload/" + w.name, "has an ingress but no Service with a cluster IP to route to; no Ingress generated");
        return std::nullopt;
    }
    Yaml ing = object(ctx, "networking.k8s.io/v1", "Ingress", w.name, w.namespaceName);
    Yaml spec = Yaml::map();
    const auto controllers = balancersOf(ctx, w, LoadBalancerType::IngressController);
    if (!controllers.empty())
        spec.set("ingressClassName", controllers.front()->name);
    if (!w.ingress.tlsSecret.empty()) {
        Yaml tls = Yaml::map();
        if (!w.ingress.host.empty())
            tls.set("hosts", Yaml::strings({w.ingress.host}));
        tls.set("secretName", w.ingress.tlsSecret);
        spec["tls"].add(std::move(tls));
    }
    Yaml path = Yaml::map();
    path.set("path", w.ingress.path.empty() ? "/" : w.ingress.path);
    path.set("pathType", "Prefix");
    path["backend"]["service"].set("name", w.name);
    path["backend"]["service"]["port"].set("number", w.service.port);
    Yaml rule = Yaml::map();
    rule.setIfNotEmpty("host", w.ingress.host);
    rule["http"]["paths"].add(std::move(path));
    spec["rules"].add(std::move(rule));
    ing.set("spec", std::move(spec));
    return ing;
}

std::optional<Yaml> disruptionBudget(const Context &ctx, const Workload &w)
{
    // The design's minAvailable when set; otherwise, for a replicated workload, one pod at a
    // time (maxUnavailable: 1), which the importers recognise as derived rather than designed.
    const bool replicated = w.kind == WorkloadKind::DaemonSet || w.replicas > 1;
    if (!w.minAvailable && !replicated)
        return std::nullopt;
    Yaml pdb = object(ctx, "policy/v1", "PodDisruptionBudget", w.name, w.namespaceName);
    Yaml spec = Yaml::map();
    if (w.minAvailable)
        spec.set("minAvailable", *w.minAvailable);
    else
        spec.set("maxUnavailable", 1);
    spec["selector"].set("matchLabels", podSelector(w));
    pdb.set("spec", std::move(spec));
    return pdb;
}

std::optional<Yaml> horizontalPodAutoscaler(const Context &ctx, const Workload &w)
{
    // A DaemonSet has no scale subresource; the rules report autoscaling on one as an error.
    if (!w.autoscaling || w.kind == WorkloadKind::DaemonSet)
        return std::nullopt;
    const Autoscaling &a = *w.autoscaling;
    Yaml hpa = object(ctx, "autoscaling/v2", "HorizontalPodAutoscaler", w.name, w.namespaceName);
    Yaml spec = Yaml::map();
    spec["scaleTargetRef"].set("apiVersion", "apps/v1").set("kind", toString(w.kind)).set("name", w.name);
    spec.set("minReplicas", a.minReplicas);
    spec.set("maxReplicas", a.maxReplicas);
    Yaml metrics = Yaml::seq();
    auto resource = [&](const char *name, int percent) {
        Yaml metric = Yaml::map();
        metric.set("type", "Resource");
        metric["resource"].set("name", name);
        metric["resource"]["target"].set("type", "Utilization").set("averageUtilization", percent);
        metrics.add(std::move(metric));
    };
    // Always CPU before memory, so the output does not depend on the order edits were made in.
    if (a.targetCpuUtilization)
        resource("cpu", *a.targetCpuUtilization);
    if (a.targetMemoryUtilization)
        resource("memory", *a.targetMemoryUtilization);
    spec.setIfNotEmpty("metrics", std::move(metrics));
    hpa.set("spec", std::move(spec));
    return hpa;
}

Yaml networkPolicy(const Context &ctx, const Workload &w)
{
    Yaml np = object(ctx, "networking.k8s.io/v1", "NetworkPolicy", w.name + "-ingress", w.namespaceName);
    Yaml spec = Yaml::map();
    spec.set("podSelector", Yaml::map().set("matchLabels", podSelector(w)));
    spec.set("policyTypes", Yaml::strings({"Ingress"}));
    Yaml rules = Yaml::seq();
    const Yaml ports = policyPorts(w);
    auto allow = [&](Yaml peer) {
        Yaml rule = Yaml::map();
        rule["from"].add(std::move(peer));
        rule.setIfNotEmpty("ports", ports);
        rules.add(std::move(rule));
    };
    // Pods of the same namespace: callers of the Service, and peers of a StatefulSet.
    allow(Yaml::map().set("podSelector", Yaml::map()));
    if (w.ingress.enabled)
        allow(Yaml::map().set("namespaceSelector",
                              Yaml::map().set("matchLabels", Yaml::map().set("kubernetes.io/metadata.name",
                                                                             ctx.options().ingressControllerNamespace))));
    if (w.service.type == ServiceType::NodePort || w.service.type == ServiceType::LoadBalancer)
        allow(Yaml::map().set("ipBlock", Yaml::map().set("cidr", "0.0.0.0/0")));
    spec.set("ingress", std::move(rules));
    np.set("spec", std::move(spec));
    return np;
}

} // namespace quorum::generate
