// The HA rules. Each rule reads the design and adds findings that say what is wrong and why,
// with the numbers behind it. Message templates are marked for translation (lupdate reads
// QUORUM_TR as QT_TR_NOOP, so the context is the class: kFindingsTranslationContext).

#include "engine/model/Findings.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#define QUORUM_TR(text) text

namespace quorum::model {

namespace {

std::string str(std::int64_t v) { return std::to_string(v); }

std::string joinNames(const std::vector<std::string> &names)
{
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i ? ", " : "") + names[i];
    return out;
}

std::string cpuText(std::int64_t millis)
{
    return millis % 1000 == 0 ? str(millis / 1000) : str(millis) + "m";
}

std::string memoryText(std::int64_t bytes)
{
    const std::int64_t gi = 1024LL * 1024 * 1024;
    if (bytes % gi == 0)
        return str(bytes / gi) + "Gi";
    return str(bytes / (1024 * 1024)) + "Mi";
}

/// The smallest odd member count of at least 3 that tolerates more than `members` does.
int recommendedMembers(int members)
{
    return members < 3 ? 3 : (members % 2 == 0 ? members + 1 : members);
}

class FindingsChecker {
public:
    explicit FindingsChecker(const Topology &t) : m_t(t) {}
    std::vector<Finding> run();

private:
    void add(Severity s, const char *rule, ElementId element, const char *format, std::vector<std::string> args = {});

    void checkReferences();
    void checkEtcdQuorum();
    void checkControlPlane();
    void checkZonesDefined();
    void checkZoneSpread(Component component, const char *rule);
    void checkApiLoadBalancer();
    void checkLoadBalancerRedundancy();
    void checkWorkloads();
    void checkWorkloadPlacement(const Workload &w);
    void checkAutoscaling(const Workload &w);
    /// Whether the nodes that can run \p w (\p count of them, \p slots pods by requests) hold
    /// its autoscaling maximum; only asked when they hold its replicas.
    void checkAutoscalingRoom(const Workload &w, int count, std::int64_t slots);
    void checkStorage(const Workload &w);
    void checkSecrets(const Workload &w);
    void checkCapacity();

    /// Nodes a workload's pods may run on: kubelet nodes, workers only unless the design has none
    /// (single-node and kind-style clusters untaint the control plane), matching its node selector
    /// and tolerating its taints.
    std::vector<const Node *> eligibleNodes(const Workload &w) const;
    static bool tolerates(const Workload &w, const Taint &taint);
    /// How many of the workload's pods fit on the node by requests and maxPods.
    static std::int64_t podsThatFit(const Workload &w, const Node &n);
    int zoneCount() const { return static_cast<int>(m_t.zones.size()); }

    const Topology &m_t;
    std::vector<Finding> m_findings;
};

void FindingsChecker::add(Severity s, const char *rule, ElementId element, const char *format, std::vector<std::string> args)
{
    // A development design is not meant to be highly available: its HA findings are information.
    // Broken references, capacity and security problems stay what they are.
    static const std::set<std::string> kHaRules{"etcd-quorum",       "control-plane-count",   "etcd-zones",
                                                "apiserver-zones",   "zones", "apiserver-load-balancer", "load-balancer-spof",
                                                "load-balancer-zones", "workload-zones",       "workload-replicas",
                                                "workload-disruption-budget", "stateful-local-storage",
                                                "autoscaling-replicas"};
    if (m_t.profile == Profile::Development && s != Severity::Info && kHaRules.count(rule))
        s = Severity::Info;
    m_findings.push_back(Finding{s, rule, std::move(element), format, std::move(args)});
}

std::vector<Finding> FindingsChecker::run()
{
    checkReferences();
    checkEtcdQuorum();
    checkControlPlane();
    checkZonesDefined();
    checkZoneSpread(Component::Etcd, "etcd-zones");
    checkZoneSpread(Component::ApiServer, "apiserver-zones");
    checkApiLoadBalancer();
    checkLoadBalancerRedundancy();
    checkWorkloads();
    checkCapacity();
    std::stable_sort(m_findings.begin(), m_findings.end(),
                     [](const Finding &a, const Finding &b) { return a.severity < b.severity; });
    return std::move(m_findings);
}

void FindingsChecker::checkReferences()
{
    for (const Node &n : m_t.nodes)
        if (!n.zone.empty() && !m_t.findZone(n.zone))
            add(Severity::Error, "reference", {ElementKind::Node, n.name},
                QUORUM_TR("Zone '%1' is not defined in spec.zones."), {n.zone});
    for (const LoadBalancer &lb : m_t.loadBalancers) {
        for (const std::string &h : lb.hosts)
            if (!m_t.findNode(h))
                add(Severity::Error, "reference", {ElementKind::LoadBalancer, lb.name},
                    QUORUM_TR("Host '%1' is not a node of this design."), {h});
        for (const std::string &target : lb.targets)
            if (!m_t.findNode(target) && !m_t.findWorkload(target))
                add(Severity::Error, "reference", {ElementKind::LoadBalancer, lb.name},
                    QUORUM_TR("Target '%1' is neither a node nor a workload of this design."), {target});
    }
    for (const StorageBackend &b : m_t.storageBackends)
        for (const std::string &n : b.nodes)
            if (!m_t.findNode(n))
                add(Severity::Error, "reference", {ElementKind::StorageBackend, b.name},
                    QUORUM_TR("Storage node '%1' is not a node of this design."), {n});
    for (const StorageClass &c : m_t.storageClasses)
        if (!m_t.findStorageBackend(c.backend))
            add(Severity::Error, "reference", {ElementKind::StorageClass, c.name},
                QUORUM_TR("Storage backend '%1' is not defined in spec.storage.backends."), {c.backend});
    const auto defaults = std::count_if(m_t.storageClasses.begin(), m_t.storageClasses.end(),
                                        [](const StorageClass &c) { return c.isDefault; });
    if (defaults > 1)
        add(Severity::Warning, "storage-class-default", ElementId{},
            QUORUM_TR("%1 storage classes are marked default; Kubernetes then picks the newest, so mark only one."),
            {str(defaults)});
}

void FindingsChecker::checkEtcdQuorum()
{
    const int n = static_cast<int>(m_t.nodesRunning(Component::Etcd).size());
    if (m_t.nodes.empty())
        return;
    if (n == 0) {
        add(Severity::Error, "etcd-quorum", ElementId{},
            QUORUM_TR("No node runs etcd: the control plane has nowhere to keep cluster state. Run etcd on 3 nodes."));
        return;
    }
    const std::string members = str(n), quorum = str(quorumOf(n)), tolerates = str(failuresTolerated(n));
    if (n == 1) {
        add(Severity::Error, "etcd-quorum", ElementId{},
            QUORUM_TR("1 etcd member: quorum is 1, so this tolerates 0 failures. Use 3 members to tolerate 1."));
    } else if (n % 2 == 0) {
        add(n == 2 ? Severity::Error : Severity::Warning, "etcd-quorum", ElementId{},
            QUORUM_TR("%1 etcd members: quorum is %2, so this tolerates %3 failures, the same as a cluster one member "
                      "smaller. An even count adds a vote to every write and no tolerance; use %4."),
            {members, quorum, tolerates, str(recommendedMembers(n))});
    } else if (n > 7) {
        add(Severity::Warning, "etcd-quorum", ElementId{},
            QUORUM_TR("%1 etcd members: quorum is %2, so this tolerates %3 failures, but every write waits for %2 "
                      "members. More than 7 members costs Raft traffic for little gain; use 5 or 7."),
            {members, quorum, tolerates});
    } else {
        add(Severity::Info, "etcd-quorum", ElementId{},
            QUORUM_TR("%1 etcd members: quorum is %2, so this tolerates the loss of %3 of them."), {members, quorum, tolerates});
    }
    if (m_t.etcdMode == EtcdMode::Stacked) {
        const auto stacked = std::count_if(m_t.nodes.begin(), m_t.nodes.end(), [](const Node &node) {
            return node.role == NodeRole::ControlPlane && node.runs(Component::Etcd);
        });
        if (stacked > 0)
            add(Severity::Info, "etcd-stacked", ElementId{},
                QUORUM_TR("Stacked etcd: each control-plane node also runs an etcd member, so losing a control-plane "
                          "node loses an etcd member too. External etcd separates these failure domains at the cost "
                          "of %1 more machines."),
                {str(recommendedMembers(static_cast<int>(stacked)))});
    }
}

void FindingsChecker::checkControlPlane()
{
    const auto apiServers = m_t.nodesRunning(Component::ApiServer);
    const auto managers = m_t.nodesRunning(Component::ControllerManager);
    const auto schedulers = m_t.nodesRunning(Component::Scheduler);
    if (m_t.nodes.empty())
        return;
    const int n = static_cast<int>(apiServers.size());
    if (n == 0) {
        add(Severity::Error, "control-plane-count", ElementId{},
            QUORUM_TR("No node runs kube-apiserver: nothing can read or change the cluster. Add 3 control-plane nodes."));
    } else if (n == 1) {
        add(Severity::Error, "control-plane-count", {ElementKind::Node, apiServers.front()->name},
            QUORUM_TR("Only 1 control-plane node: losing it stops the API server, the scheduler and the controllers. "
                      "Use at least 3 control-plane nodes."));
    } else if (n == 2) {
        add(Severity::Warning, "control-plane-count", ElementId{},
            QUORUM_TR("2 control-plane nodes: the API stays up when one fails, but stacked etcd on 2 nodes has no "
                      "failure tolerance and upgrades leave a single node. Use at least 3 control-plane nodes."));
    }
    if (n > 0 && managers.empty())
        add(Severity::Error, "control-plane-components", ElementId{},
            QUORUM_TR("No node runs kube-controller-manager: Deployments, node health and evictions would stop."));
    if (n > 0 && schedulers.empty())
        add(Severity::Error, "control-plane-components", ElementId{},
            QUORUM_TR("No node runs kube-scheduler: new pods would stay Pending."));
}

void FindingsChecker::checkZonesDefined()
{
    if (zoneCount() > 0 || m_t.nodes.size() < 2)
        return;
    add(Severity::Warning, "zones", ElementId{},
        QUORUM_TR("The design has no zones: nothing says which nodes fail together. Group nodes into zones "
                  "(failure domains) so the checks can tell whether losing one keeps quorum."));
}

void FindingsChecker::checkZoneSpread(Component component, const char *rule)
{
    const auto members = m_t.nodesRunning(component);
    const int n = static_cast<int>(members.size());
    if (n < 2 || zoneCount() == 0)
        return;  // with no zones, checkZonesDefined() says what is missing
    std::map<std::string, int> perZone;
    for (const Node *node : members)
        ++perZone[node->zone];
    const auto largest = std::max_element(perZone.begin(), perZone.end(),
                                          [](const auto &a, const auto &b) { return a.second < b.second; });
    const std::string zone = largest->first.empty() ? std::string("(no zone)") : largest->first;
    const ElementId zoneId = largest->first.empty() ? ElementId{} : ElementId{ElementKind::Zone, largest->first};
    if (component == Component::Etcd) {
        if (n < 3)
            return;  // the quorum rule already says what is wrong with 1 or 2 members
        const int left = n - largest->second;
        if (left >= quorumOf(n))
            return;
        add(Severity::Warning, rule, zoneId,
            QUORUM_TR("%1 of %2 etcd members are in %3: losing that zone leaves %4, below the quorum of %5. Spread "
                      "the members so that no zone holds more than %6."),
            {str(largest->second), str(n), zone, str(left), str(quorumOf(n)), str(n - quorumOf(n))});
    } else if (largest->second == n) {
        add(Severity::Warning, rule, zoneId,
            QUORUM_TR("All %1 API servers are in %2: losing that zone takes the whole API down. Put control-plane "
                      "nodes in at least 3 zones."),
            {str(n), zone});
    }
}

void FindingsChecker::checkApiLoadBalancer()
{
    const auto apiServers = m_t.nodesRunning(Component::ApiServer);
    if (apiServers.size() < 2)
        return;
    const LoadBalancer *front = nullptr;
    std::vector<std::string> missing;
    for (const LoadBalancer &lb : m_t.loadBalancers) {
        std::vector<std::string> notTargeted;
        int targeted = 0;
        for (const Node *api : apiServers) {
            if (std::find(lb.targets.begin(), lb.targets.end(), api->name) != lb.targets.end())
                ++targeted;
            else
                notTargeted.push_back(api->name);
        }
        if (targeted > 0 && (!front || notTargeted.size() < missing.size())) {
            front = &lb;
            missing = notTargeted;
        }
    }
    if (!front) {
        add(Severity::Error, "apiserver-load-balancer", ElementId{},
            QUORUM_TR("%1 API servers but no load balancer in front of them: kubectl, kubelets and controllers need "
                      "one address that survives an API server failure. Add a load balancer that targets them."),
            {str(apiServers.size())});
    } else if (!missing.empty()) {
        add(Severity::Warning, "apiserver-load-balancer", {ElementKind::LoadBalancer, front->name},
            QUORUM_TR("%1 reaches %2 of %3 API servers; %4 get no traffic and are not checked."),
            {front->name, str(apiServers.size() - missing.size()), str(apiServers.size()), joinNames(missing)});
    }
}

void FindingsChecker::checkLoadBalancerRedundancy()
{
    for (const LoadBalancer &lb : m_t.loadBalancers) {
        if (lb.isManaged())
            continue;
        const ElementId id{ElementKind::LoadBalancer, lb.name};
        const int hosts = static_cast<int>(lb.hosts.size());
        if (hosts == 0) {
            add(Severity::Warning, "load-balancer-spof", id,
                QUORUM_TR("%1 has no host nodes: say which nodes run it, and use two of them."), {lb.name});
        } else if (hosts == 1) {
            add(Severity::Warning, "load-balancer-spof", id,
                QUORUM_TR("%1 runs on one host (%2): it is a single point of failure. Run it on two hosts that "
                          "share a keepalived VIP."),
                {lb.name, lb.hosts.front()});
        } else if (lb.vip.empty() && lb.type != LoadBalancerType::IngressController) {
            add(Severity::Warning, "load-balancer-spof", id,
                QUORUM_TR("%1 runs on %2 hosts but has no VIP: clients still point at one host's address. Add a "
                          "keepalived VIP that moves to the backup."),
                {lb.name, str(hosts)});
        }
        if (hosts >= 2 && zoneCount() > 1) {
            std::set<std::string> zones;
            for (const std::string &h : lb.hosts)
                if (const Node *node = m_t.findNode(h))
                    zones.insert(node->zone);
            if (zones.size() == 1)
                add(Severity::Warning, "load-balancer-zones", id,
                    QUORUM_TR("All hosts of %1 are in %2: losing that zone loses the load balancer."),
                    {lb.name, zones.begin()->empty() ? std::string("(no zone)") : *zones.begin()});
        }
    }
}

bool FindingsChecker::tolerates(const Workload &w, const Taint &taint)
{
    if (taint.effect == TaintEffect::PreferNoSchedule)
        return true;
    return std::any_of(w.placement.tolerations.begin(), w.placement.tolerations.end(), [&](const Toleration &t) {
        if (t.effect && *t.effect != taint.effect)
            return false;
        if (t.op == "Exists")
            return t.key.empty() || t.key == taint.key;
        return t.key == taint.key && t.value == taint.value;
    });
}

std::int64_t FindingsChecker::podsThatFit(const Workload &w, const Node &n)
{
    std::int64_t fit = n.maxPods;
    if (w.resources.cpuRequestMillis > 0 && n.cpuMillis > 0)
        fit = std::min(fit, n.cpuMillis / w.resources.cpuRequestMillis);
    if (w.resources.memoryRequestBytes > 0 && n.memoryBytes > 0)
        fit = std::min(fit, n.memoryBytes / w.resources.memoryRequestBytes);
    return fit;
}

std::vector<const Node *> FindingsChecker::eligibleNodes(const Workload &w) const
{
    const bool hasWorkers = std::any_of(m_t.nodes.begin(), m_t.nodes.end(),
                                        [](const Node &n) { return n.role == NodeRole::Worker && n.runs(Component::Kubelet); });
    std::vector<const Node *> out;
    for (const Node &n : m_t.nodes) {
        if (!n.runs(Component::Kubelet))
            continue;
        if (n.role != NodeRole::Worker && hasWorkers)
            continue;
        const bool selected = std::all_of(w.placement.nodeSelector.begin(), w.placement.nodeSelector.end(), [&](const auto &kv) {
            auto it = n.labels.find(kv.first);
            return it != n.labels.end() && it->second == kv.second;
        });
        if (!selected)
            continue;
        if (!std::all_of(n.taints.begin(), n.taints.end(), [&](const Taint &t) { return tolerates(w, t); }))
            continue;
        if (podsThatFit(w, n) < 1)
            continue;
        out.push_back(&n);
    }
    return out;
}

void FindingsChecker::checkWorkloads()
{
    for (const Workload &w : m_t.workloads) {
        checkWorkloadPlacement(w);
        checkAutoscaling(w);
        checkStorage(w);
        checkSecrets(w);
        const ElementId id{ElementKind::Workload, w.name};
        const bool replicated = w.kind == WorkloadKind::DaemonSet || w.replicas > 1;
        if (w.service.type != ServiceType::None && w.readiness.type == ProbeType::None)
            add(Severity::Warning, "workload-probes", id,
                QUORUM_TR("%1 has a Service but no readiness probe: traffic reaches pods before they are ready and "
                          "after they stop answering."),
                {w.name});
        else if (w.liveness.type == ProbeType::None)
            add(Severity::Info, "workload-probes", id,
                QUORUM_TR("%1 has no liveness probe: a hung container is never restarted."), {w.name});
        if (w.kind != WorkloadKind::DaemonSet && w.replicas == 1)
            add(Severity::Info, "workload-replicas", id,
                QUORUM_TR("%1 has a single replica: any node failure or rollout interrupts it."), {w.name});
        if (replicated && w.kind != WorkloadKind::DaemonSet && !w.minAvailable)
            add(Severity::Info, "workload-disruption-budget", id,
                QUORUM_TR("%1 has no PodDisruptionBudget (minAvailable): a node drain may evict every replica at once."),
                {w.name});
        if (w.minAvailable && w.kind != WorkloadKind::DaemonSet && *w.minAvailable >= w.replicas && w.replicas > 0)
            add(Severity::Warning, "workload-disruption-budget", id,
                QUORUM_TR("%1 requires %2 of %3 replicas available: node drains can never evict one. Use at most %4."),
                {w.name, str(*w.minAvailable), str(w.replicas), str(w.replicas - 1)});
        if (w.service.type == ServiceType::LoadBalancer &&
            std::none_of(m_t.loadBalancers.begin(), m_t.loadBalancers.end(), [](const LoadBalancer &lb) { return lb.isManaged(); }))
            add(Severity::Warning, "service-load-balancer", id,
                QUORUM_TR("%1 has a Service of type LoadBalancer, but the design has no cloud or MetalLB load "
                          "balancer to give it an address."),
                {w.name});
        if (w.ingress.enabled &&
            std::none_of(m_t.loadBalancers.begin(), m_t.loadBalancers.end(),
                         [](const LoadBalancer &lb) { return lb.type == LoadBalancerType::IngressController; }))
            add(Severity::Warning, "ingress-controller", id,
                QUORUM_TR("%1 has an Ingress, but the design has no ingress controller to serve it."), {w.name});
        if (w.ingress.enabled && !w.ingress.tlsSecret.empty() && !m_t.findSecret(w.ingress.tlsSecret))
            add(Severity::Error, "reference", id,
                QUORUM_TR("The Ingress of %1 names TLS secret '%2', which is not defined in spec.secrets."),
                {w.name, w.ingress.tlsSecret});
    }
}

void FindingsChecker::checkWorkloadPlacement(const Workload &w)
{
    if (w.kind == WorkloadKind::DaemonSet || w.replicas == 0)
        return;
    const ElementId id{ElementKind::Workload, w.name};
    const auto nodes = eligibleNodes(w);
    const int replicas = w.replicas;
    const int count = static_cast<int>(nodes.size());
    if (count == 0) {
        add(Severity::Error, "workload-capacity", id,
            QUORUM_TR("No node can run %1: check its node selector, tolerations and resource requests "
                      "(%2 CPU, %3 memory per pod)."),
            {w.name, cpuText(w.resources.cpuRequestMillis), memoryText(w.resources.memoryRequestBytes)});
        return;
    }
    std::int64_t slots = 0;
    for (const Node *n : nodes)
        slots += w.placement.antiAffinity == AntiAffinity::Required ? 1 : podsThatFit(w, *n);
    if (replicas > count && w.placement.antiAffinity == AntiAffinity::Required) {
        add(Severity::Error, "workload-capacity", id,
            QUORUM_TR("%1 asks for %2 replicas with required anti-affinity, but only %3 nodes can hold it: %4 "
                      "replicas would stay Pending."),
            {w.name, str(replicas), str(count), str(replicas - count)});
    } else if (slots < replicas) {
        add(Severity::Error, "workload-capacity", id,
            QUORUM_TR("%1 asks for %2 replicas, but the nodes that can run it have room for %3 by their resource "
                      "requests."),
            {w.name, str(replicas), str(slots)});
    } else if (replicas > count) {
        add(Severity::Warning, "workload-capacity", id,
            QUORUM_TR("%1 runs %2 replicas on %3 nodes: some nodes hold several replicas, so losing one node loses "
                      "more than one replica."),
            {w.name, str(replicas), str(count)});
    }
    checkAutoscalingRoom(w, count, slots);
    if (replicas > 1 && zoneCount() > 1) {
        std::set<std::string> zones;
        for (const Node *n : nodes)
            zones.insert(n->zone);
        if (zones.size() == 1)
            add(Severity::Warning, "workload-zones", id,
                QUORUM_TR("Every node that can run %1 is in %2: losing that zone loses all %3 replicas."),
                {w.name, zones.begin()->empty() ? std::string("(no zone)") : *zones.begin(), str(replicas)});
        else if (!w.placement.spreadZones)
            add(Severity::Info, "workload-zones", id,
                QUORUM_TR("%1 does not spread across zones: its %2 replicas may all land in one zone. Set "
                          "placement.spreadZones."),
                {w.name, str(replicas)});
    }
}

void FindingsChecker::checkAutoscaling(const Workload &w)
{
    if (!w.autoscaling)
        return;
    const Autoscaling &a = *w.autoscaling;
    const ElementId id{ElementKind::Workload, w.name};
    if (w.kind == WorkloadKind::DaemonSet) {
        add(Severity::Error, "autoscaling", id,
            QUORUM_TR("%1 is a DaemonSet: it runs one pod per node, so a HorizontalPodAutoscaler cannot scale it. "
                      "Remove the autoscaling or make it a Deployment."),
            {w.name});
        return;
    }
    if (a.minReplicas < 1)
        add(Severity::Error, "autoscaling", id,
            QUORUM_TR("%1 autoscales down to %2 replicas: a HorizontalPodAutoscaler needs minReplicas of at least 1."),
            {w.name, str(a.minReplicas)});
    else if (a.maxReplicas < a.minReplicas)
        add(Severity::Error, "autoscaling", id,
            QUORUM_TR("%1 autoscales up to %2 replicas, fewer than its minimum of %3: set maxReplicas to at least %3."),
            {w.name, str(a.maxReplicas), str(a.minReplicas)});
    if (!a.targetCpuUtilization && !a.targetMemoryUtilization)
        add(Severity::Error, "autoscaling", id,
            QUORUM_TR("%1 autoscales but has no target: set a CPU or memory utilisation target for the "
                      "HorizontalPodAutoscaler to scale by."),
            {w.name});
    // Utilisation is usage divided by the request: without one the autoscaler has nothing to
    // divide by, reports FailedGetResourceMetric and never scales.
    if (a.targetCpuUtilization && w.resources.cpuRequestMillis <= 0)
        add(Severity::Error, "autoscaling", id,
            QUORUM_TR("%1 scales by CPU utilisation but requests no CPU: utilisation is measured against the "
                      "request, so the autoscaler could never scale it. Set a CPU request."),
            {w.name});
    if (a.targetMemoryUtilization && w.resources.memoryRequestBytes <= 0)
        add(Severity::Error, "autoscaling", id,
            QUORUM_TR("%1 scales by memory utilisation but requests no memory: utilisation is measured against "
                      "the request, so the autoscaler could never scale it. Set a memory request."),
            {w.name});
    if (a.minReplicas >= 1 && a.maxReplicas >= a.minReplicas && (w.replicas < a.minReplicas || w.replicas > a.maxReplicas))
        add(Severity::Info, "autoscaling", id,
            QUORUM_TR("%1 starts with %2 replicas, outside its autoscaling range of %3 to %4: the autoscaler moves "
                      "it into the range at once."),
            {w.name, str(w.replicas), str(a.minReplicas), str(a.maxReplicas)});
    if (a.minReplicas == 1)
        add(Severity::Warning, "autoscaling-replicas", id,
            QUORUM_TR("%1 may scale down to a single replica: at low load one node failure or rollout interrupts "
                      "it. Set minReplicas to at least 2."),
            {w.name});
    if (w.minAvailable && a.minReplicas >= 1 && *w.minAvailable >= a.minReplicas)
        add(Severity::Warning, "workload-disruption-budget", id,
            QUORUM_TR("%1 requires %2 replicas available but may scale down to %3: at that size node drains can "
                      "never evict one. Use a minAvailable below minReplicas."),
            {w.name, str(*w.minAvailable), str(a.minReplicas)});
}

/// The autoscaling range a HorizontalPodAutoscaler could act on: none for DaemonSets and
/// for ranges the autoscaling rule already calls broken.
const Autoscaling *usableAutoscaling(const Workload &w)
{
    if (!w.autoscaling || w.kind == WorkloadKind::DaemonSet)
        return nullptr;
    const Autoscaling &a = *w.autoscaling;
    return a.minReplicas >= 1 && a.maxReplicas >= a.minReplicas ? &a : nullptr;
}

void FindingsChecker::checkAutoscalingRoom(const Workload &w, int count, std::int64_t slots)
{
    const Autoscaling *a = usableAutoscaling(w);
    if (!a || a->maxReplicas <= w.replicas)
        return;
    const bool required = w.placement.antiAffinity == AntiAffinity::Required;
    // Only when today's replicas fit: otherwise workload-capacity already says so.
    if (required ? w.replicas > count : slots < w.replicas)
        return;
    const ElementId id{ElementKind::Workload, w.name};
    if (required && a->maxReplicas > count)
        add(Severity::Warning, "autoscaling-capacity", id,
            QUORUM_TR("%1 may autoscale to %2 replicas with required anti-affinity, but only %3 nodes can hold it: "
                      "beyond %3 replicas the autoscaler's new pods would stay Pending."),
            {w.name, str(a->maxReplicas), str(count)});
    else if (!required && slots < a->maxReplicas)
        add(Severity::Warning, "autoscaling-capacity", id,
            QUORUM_TR("%1 may autoscale to %2 replicas, but the nodes that can run it have room for %3 by their "
                      "resource requests: beyond %3 the autoscaler's new pods would stay Pending."),
            {w.name, str(a->maxReplicas), str(slots)});
}

void FindingsChecker::checkStorage(const Workload &w)
{
    const ElementId id{ElementKind::Workload, w.name};
    for (const VolumeClaim &c : w.volumeClaims) {
        const StorageClass *cls = nullptr;
        if (c.storageClass.empty()) {
            cls = m_t.defaultStorageClass();
            if (!cls) {
                add(Severity::Error, "storage-class", id,
                    QUORUM_TR("Volume claim '%1' of %2 names no storage class and the design has no default class: "
                              "the claim would stay Pending."),
                    {c.name, w.name});
                continue;
            }
        } else {
            cls = m_t.findStorageClass(c.storageClass);
            if (!cls) {
                add(Severity::Error, "storage-class", id,
                    QUORUM_TR("Volume claim '%1' of %2 uses storage class '%3', which is not defined."),
                    {c.name, w.name, c.storageClass});
                continue;
            }
        }
        const StorageBackend *backend = m_t.findStorageBackend(cls->backend);
        if (backend && !backend->survivesNodeLoss() && w.kind == WorkloadKind::StatefulSet)
            add(Severity::Warning, "stateful-local-storage", id,
                QUORUM_TR("%1 keeps claim '%2' on node-local storage (%3): a replica's data dies with its node. Use "
                          "storage that survives a node (Ceph, NFS, Longhorn or cloud block)."),
                {w.name, c.name, backend->name});
        if (w.kind == WorkloadKind::Deployment && w.replicas > 1 && c.accessMode == AccessMode::ReadWriteOnce)
            add(Severity::Warning, "deployment-claim", id,
                QUORUM_TR("%1 is a Deployment whose %2 replicas share ReadWriteOnce claim '%3': only pods on one "
                          "node can mount it. Use a StatefulSet for one volume per replica."),
                {w.name, str(w.replicas), c.name});
    }
}

void FindingsChecker::checkSecrets(const Workload &w)
{
    const ElementId id{ElementKind::Workload, w.name};
    for (const EnvVar &e : w.env) {
        if (!e.secretName.empty()) {
            const Secret *s = m_t.findSecret(e.secretName);
            if (!s)
                add(Severity::Error, "reference", id,
                    QUORUM_TR("Variable %1 of %2 reads secret '%3', which is not defined in spec.secrets."),
                    {e.name, w.name, e.secretName});
            else if (std::find(s->keys.begin(), s->keys.end(), e.secretKey) == s->keys.end())
                add(Severity::Error, "reference", id,
                    QUORUM_TR("Variable %1 of %2 reads key '%3' of secret '%4', which has no such key."),
                    {e.name, w.name, e.secretKey, e.secretName});
            continue;
        }
        std::string upper = e.name;
        std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        const bool sensitive = upper.find("PASSWORD") != std::string::npos || upper.find("SECRET") != std::string::npos ||
                               upper.find("TOKEN") != std::string::npos || upper.find("API_KEY") != std::string::npos ||
                               upper.find("PRIVATE_KEY") != std::string::npos;
        if (sensitive && !e.value.empty())
            add(Severity::Error, "plaintext-secret", id,
                QUORUM_TR("Variable %1 of %2 holds a secret in plain text: generated manifests would carry it. Move "
                          "it to a Secret and use secretKeyRef."),
                {e.name, w.name});
    }
}

void FindingsChecker::checkCapacity()
{
    std::int64_t cpuOffered = 0, memoryOffered = 0, cpuWanted = 0, memoryWanted = 0;
    // The same sums with every autoscaled workload at its maximum.
    std::int64_t cpuAtMaximum = 0, memoryAtMaximum = 0;
    std::set<const Node *> workers;
    for (const Workload &w : m_t.workloads) {
        const auto nodes = eligibleNodes(w);
        workers.insert(nodes.begin(), nodes.end());
        const std::int64_t pods = w.kind == WorkloadKind::DaemonSet ? static_cast<std::int64_t>(nodes.size()) : w.replicas;
        cpuWanted += pods * w.resources.cpuRequestMillis;
        memoryWanted += pods * w.resources.memoryRequestBytes;
        const Autoscaling *a = usableAutoscaling(w);
        const std::int64_t podsAtMaximum = a ? std::max<std::int64_t>(pods, a->maxReplicas) : pods;
        cpuAtMaximum += podsAtMaximum * w.resources.cpuRequestMillis;
        memoryAtMaximum += podsAtMaximum * w.resources.memoryRequestBytes;
    }
    for (const Node *n : workers) {
        cpuOffered += n->cpuMillis;
        memoryOffered += n->memoryBytes;
    }
    if (cpuOffered > 0 && cpuWanted > cpuOffered)
        add(Severity::Error, "cluster-capacity", ElementId{},
            QUORUM_TR("Workloads request %1 CPU in all, but the nodes that run them offer %2."),
            {cpuText(cpuWanted), cpuText(cpuOffered)});
    if (memoryOffered > 0 && memoryWanted > memoryOffered)
        add(Severity::Error, "cluster-capacity", ElementId{},
            QUORUM_TR("Workloads request %1 memory in all, but the nodes that run them offer %2."),
            {memoryText(memoryWanted), memoryText(memoryOffered)});
    // Autoscalers that all reach their maximum at once (a traffic peak) compete for the same room.
    if (cpuOffered > 0 && cpuWanted <= cpuOffered && cpuAtMaximum > cpuOffered)
        add(Severity::Warning, "autoscaling-capacity", ElementId{},
            QUORUM_TR("With every autoscaler at its maximum, workloads request %1 CPU in all, but the nodes that "
                      "run them offer %2: at a peak some new pods would stay Pending."),
            {cpuText(cpuAtMaximum), cpuText(cpuOffered)});
    if (memoryOffered > 0 && memoryWanted <= memoryOffered && memoryAtMaximum > memoryOffered)
        add(Severity::Warning, "autoscaling-capacity", ElementId{},
            QUORUM_TR("With every autoscaler at its maximum, workloads request %1 memory in all, but the nodes "
                      "that run them offer %2: at a peak some new pods would stay Pending."),
            {memoryText(memoryAtMaximum), memoryText(memoryOffered)});
}

} // namespace

std::vector<Finding> checkTopology(const Topology &topology)
{
    return FindingsChecker(topology).run();
}

} // namespace quorum::model
