#include "engine/model/Edits.h"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

namespace quorum::model {

namespace {

constexpr std::int64_t kGi = 1024LL * 1024 * 1024;
constexpr std::int64_t kMi = 1024LL * 1024;

constexpr std::array<std::pair<NewElement, const char *>, 20> kNewElements{{
    {NewElement::ControlPlaneNode, "control-plane-node"},
    {NewElement::WorkerNode, "worker-node"},
    {NewElement::EtcdNode, "etcd-node"},
    {NewElement::LoadBalancerNode, "load-balancer-node"},
    {NewElement::HAProxy, "haproxy"},
    {NewElement::Nginx, "nginx"},
    {NewElement::KeepalivedVip, "keepalived-vip"},
    {NewElement::CloudLoadBalancer, "cloud-load-balancer"},
    {NewElement::MetalLB, "metallb"},
    {NewElement::IngressController, "ingress-controller"},
    {NewElement::CephStorage, "ceph"},
    {NewElement::NfsStorage, "nfs"},
    {NewElement::LonghornStorage, "longhorn"},
    {NewElement::CloudBlockStorage, "cloud-block"},
    {NewElement::NodeLocalStorage, "node-local"},
    {NewElement::StorageClass, "storage-class"},
    {NewElement::Zone, "zone"},
    {NewElement::Deployment, "deployment"},
    {NewElement::StatefulSet, "statefulset"},
    {NewElement::DaemonSet, "daemonset"},
}};

/// Calls f(name) for every element name of the kind; the cluster has its own name.
template <typename F> void forEachName(const Topology &t, ElementKind kind, F &&f)
{
    switch (kind) {
    case ElementKind::Cluster: f(t.name); break;
    case ElementKind::Zone: for (const Zone &e : t.zones) f(e.name); break;
    case ElementKind::Node: for (const Node &e : t.nodes) f(e.name); break;
    case ElementKind::LoadBalancer: for (const LoadBalancer &e : t.loadBalancers) f(e.name); break;
    case ElementKind::StorageBackend: for (const StorageBackend &e : t.storageBackends) f(e.name); break;
    case ElementKind::StorageClass: for (const StorageClass &e : t.storageClasses) f(e.name); break;
    case ElementKind::Workload: for (const Workload &e : t.workloads) f(e.name); break;
    case ElementKind::Secret: for (const Secret &e : t.secrets) f(e.name); break;
    }
}

bool nameTaken(const Topology &t, ElementKind kind, const std::string &name)
{
    bool taken = false;
    forEachName(t, kind, [&](const std::string &n) { taken = taken || n == name; });
    return taken;
}

/// Removes the first element named `name` from a vector of elements; false when none is.
template <typename T> bool eraseNamed(std::vector<T> &elements, const std::string &name)
{
    const auto it = std::find_if(elements.begin(), elements.end(), [&](const T &e) { return e.name == name; });
    if (it == elements.end())
        return false;
    elements.erase(it);
    return true;
}

template <typename T> T *findNamed(std::vector<T> &elements, const std::string &name)
{
    const auto it = std::find_if(elements.begin(), elements.end(), [&](const T &e) { return e.name == name; });
    return it == elements.end() ? nullptr : &*it;
}

void eraseValue(std::vector<std::string> &names, const std::string &name)
{
    names.erase(std::remove(names.begin(), names.end(), name), names.end());
}

void replaceValue(std::vector<std::string> &names, const std::string &from, const std::string &to)
{
    std::replace(names.begin(), names.end(), from, to);
}

/// Replaces every reference to the element (kind, from) by `to`.
void renameReferences(Topology &t, ElementKind kind, const std::string &from, const std::string &to)
{
    switch (kind) {
    case ElementKind::Zone:
        for (Node &n : t.nodes)
            if (n.zone == from)
                n.zone = to;
        break;
    case ElementKind::Node:
        for (LoadBalancer &lb : t.loadBalancers) {
            replaceValue(lb.hosts, from, to);
            // A target names a node or a workload; a workload of the same name keeps its links.
            if (!t.findWorkload(from))
                replaceValue(lb.targets, from, to);
        }
        for (StorageBackend &b : t.storageBackends)
            replaceValue(b.nodes, from, to);
        break;
    case ElementKind::Workload:
        for (LoadBalancer &lb : t.loadBalancers)
            if (!t.findNode(from))
                replaceValue(lb.targets, from, to);
        break;
    case ElementKind::StorageBackend:
        for (StorageClass &c : t.storageClasses)
            if (c.backend == from)
                c.backend = to;
        break;
    case ElementKind::StorageClass:
        for (Workload &w : t.workloads)
            for (VolumeClaim &claim : w.volumeClaims)
                if (claim.storageClass == from)
                    claim.storageClass = to;
        break;
    case ElementKind::Secret:
        for (Workload &w : t.workloads) {
            for (EnvVar &env : w.env)
                if (env.secretName == from)
                    env.secretName = to;
            if (w.ingress.tlsSecret == from)
                w.ingress.tlsSecret = to;
        }
        break;
    case ElementKind::Cluster:
    case ElementKind::LoadBalancer:
        break;
    }
}

/// Sets the name of the element (kind, from) itself.
bool setOwnName(Topology &t, ElementKind kind, const std::string &from, const std::string &to)
{
    auto set = [&](auto &elements) {
        if (auto *e = findNamed(elements, from)) {
            e->name = to;
            return true;
        }
        return false;
    };
    switch (kind) {
    case ElementKind::Cluster: t.name = to; return true;
    case ElementKind::Zone: return set(t.zones);
    case ElementKind::Node: return set(t.nodes);
    case ElementKind::LoadBalancer: return set(t.loadBalancers);
    case ElementKind::StorageBackend: return set(t.storageBackends);
    case ElementKind::StorageClass: return set(t.storageClasses);
    case ElementKind::Workload: return set(t.workloads);
    case ElementKind::Secret: return set(t.secrets);
    }
    return false;
}

/// Load balancers whose targets are all control-plane nodes: the API load balancers.
bool balancesApiServers(const Topology &t, const LoadBalancer &lb)
{
    return !lb.targets.empty() && std::all_of(lb.targets.begin(), lb.targets.end(), [&](const std::string &name) {
        const Node *node = t.findNode(name);
        return node && node->runs(Component::ApiServer);
    });
}

std::vector<std::string> apiServerNames(const Topology &t)
{
    std::vector<std::string> names;
    for (const Node *node : t.nodesRunning(Component::ApiServer))
        names.push_back(node->name);
    return names;
}

/// "zone-a", "zone-b", ... "zone-z", then numbered.
std::string freshZoneName(const Topology &t)
{
    for (char c = 'a'; c <= 'z'; ++c) {
        std::string name = std::string("zone-") + c;
        if (!t.findZone(name))
            return name;
    }
    return uniqueName(t, ElementKind::Zone, "zone");
}

Node makeNode(const Topology &t, NodeRole role, const std::string &prefix, std::int64_t cpu, std::int64_t memory,
              const std::string &zone)
{
    Node node;
    node.name = uniqueName(t, ElementKind::Node, prefix);
    node.role = role;
    node.zone = zone;
    node.cpuMillis = cpu;
    node.memoryBytes = memory;
    node.components = defaultComponents(role, t.etcdMode);
    return node;
}

LoadBalancer makeLoadBalancer(const Topology &t, LoadBalancerType type, const std::string &prefix, int port)
{
    LoadBalancer lb;
    lb.name = uniqueName(t, ElementKind::LoadBalancer, prefix);
    lb.type = type;
    lb.port = port;
    lb.targetPort = port;
    return lb;
}

Workload makeWorkload(const Topology &t, WorkloadKind kind, const std::string &prefix, const std::string &image, int port)
{
    Workload w;
    w.name = uniqueName(t, ElementKind::Workload, prefix);
    w.kind = kind;
    w.replicas = kind == WorkloadKind::DaemonSet ? 1 : 3;
    w.image = image;
    w.resources = {250, 256 * kMi, 500, 512 * kMi};
    w.ports.push_back({"main", port, "TCP"});
    w.readiness.type = ProbeType::TcpSocket;
    w.readiness.port = port;
    w.readiness.periodSeconds = 5;
    w.liveness.type = ProbeType::TcpSocket;
    w.liveness.port = port;
    w.liveness.initialDelaySeconds = 10;
    if (kind != WorkloadKind::DaemonSet) {
        w.placement.antiAffinity = AntiAffinity::Preferred;
        w.placement.spreadZones = !t.zones.empty();
        w.minAvailable = 2;
    }
    return w;
}

ElementId addStorage(Topology &t, StorageBackendType type, const std::string &prefix)
{
    StorageBackend b;
    b.name = uniqueName(t, ElementKind::StorageBackend, prefix);
    b.type = type;
    t.storageBackends.push_back(b);
    return {ElementKind::StorageBackend, b.name};
}

} // namespace

bool isDnsLabel(const std::string &name)
{
    if (name.empty() || name.size() > 63)
        return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    return name.front() != '-' && name.back() != '-';
}

const std::vector<NewElement> &allNewElements()
{
    static const std::vector<NewElement> values = [] {
        std::vector<NewElement> v;
        for (const auto &[value, name] : kNewElements)
            v.push_back(value);
        return v;
    }();
    return values;
}

const char *toString(NewElement what)
{
    for (const auto &[value, name] : kNewElements)
        if (value == what)
            return name;
    return "?";
}

std::optional<NewElement> parseNewElement(const std::string &text)
{
    for (const auto &[value, name] : kNewElements)
        if (text == name)
            return value;
    return std::nullopt;
}

ElementKind kindOf(NewElement what)
{
    switch (what) {
    case NewElement::ControlPlaneNode:
    case NewElement::WorkerNode:
    case NewElement::EtcdNode:
    case NewElement::LoadBalancerNode: return ElementKind::Node;
    case NewElement::HAProxy:
    case NewElement::Nginx:
    case NewElement::KeepalivedVip:
    case NewElement::CloudLoadBalancer:
    case NewElement::MetalLB:
    case NewElement::IngressController: return ElementKind::LoadBalancer;
    case NewElement::CephStorage:
    case NewElement::NfsStorage:
    case NewElement::LonghornStorage:
    case NewElement::CloudBlockStorage:
    case NewElement::NodeLocalStorage: return ElementKind::StorageBackend;
    case NewElement::StorageClass: return ElementKind::StorageClass;
    case NewElement::Zone: return ElementKind::Zone;
    case NewElement::Deployment:
    case NewElement::StatefulSet:
    case NewElement::DaemonSet: return ElementKind::Workload;
    }
    return ElementKind::Cluster;
}

std::string uniqueName(const Topology &topology, ElementKind kind, const std::string &prefix)
{
    std::set<std::string> used;
    forEachName(topology, kind, [&](const std::string &n) { used.insert(n); });
    for (int n = 1;; ++n) {
        std::string name = prefix + "-" + std::to_string(n);
        if (!used.count(name))
            return name;
    }
}

ElementId addElement(Topology &t, NewElement what, const std::string &zone)
{
    switch (what) {
    case NewElement::ControlPlaneNode: {
        // Existing API load balancers balance the new API server too.
        std::vector<LoadBalancer *> apiBalancers;
        for (LoadBalancer &lb : t.loadBalancers)
            if (balancesApiServers(t, lb))
                apiBalancers.push_back(&lb);
        Node node = makeNode(t, NodeRole::ControlPlane, "cp", 4000, 16 * kGi, zone);
        for (LoadBalancer *lb : apiBalancers)
            lb->targets.push_back(node.name);
        t.nodes.push_back(node);
        return {ElementKind::Node, node.name};
    }
    case NewElement::WorkerNode: {
        Node node = makeNode(t, NodeRole::Worker, "worker", 8000, 32 * kGi, zone);
        t.nodes.push_back(node);
        return {ElementKind::Node, node.name};
    }
    case NewElement::EtcdNode: {
        Node node = makeNode(t, NodeRole::Etcd, "etcd", 2000, 8 * kGi, zone);
        t.nodes.push_back(node);
        return {ElementKind::Node, node.name};
    }
    case NewElement::LoadBalancerNode: {
        Node node = makeNode(t, NodeRole::LoadBalancer, "lb", 2000, 2 * kGi, zone);
        t.nodes.push_back(node);
        return {ElementKind::Node, node.name};
    }
    case NewElement::HAProxy:
    case NewElement::Nginx:
    case NewElement::KeepalivedVip:
    case NewElement::CloudLoadBalancer: {
        const LoadBalancerType type = what == NewElement::HAProxy ? LoadBalancerType::HAProxy
            : what == NewElement::Nginx                           ? LoadBalancerType::Nginx
            : what == NewElement::KeepalivedVip                   ? LoadBalancerType::KeepalivedVip
                                                                  : LoadBalancerType::Cloud;
        LoadBalancer lb = makeLoadBalancer(t, type, type == LoadBalancerType::KeepalivedVip ? "vip" : "api-lb", 6443);
        lb.targets = apiServerNames(t);
        t.loadBalancers.push_back(lb);
        return {ElementKind::LoadBalancer, lb.name};
    }
    case NewElement::MetalLB: {
        LoadBalancer lb = makeLoadBalancer(t, LoadBalancerType::MetalLB, "metallb", 80);
        lb.targetPort = 8080;
        t.loadBalancers.push_back(lb);
        return {ElementKind::LoadBalancer, lb.name};
    }
    case NewElement::IngressController: {
        LoadBalancer lb = makeLoadBalancer(t, LoadBalancerType::IngressController, "ingress", 443);
        lb.targetPort = 8080;
        for (const Node &node : t.nodes)
            if (node.role == NodeRole::Worker)
                lb.hosts.push_back(node.name);
        t.loadBalancers.push_back(lb);
        return {ElementKind::LoadBalancer, lb.name};
    }
    case NewElement::CephStorage: return addStorage(t, StorageBackendType::Ceph, "ceph");
    case NewElement::NfsStorage: return addStorage(t, StorageBackendType::Nfs, "nfs");
    case NewElement::LonghornStorage: return addStorage(t, StorageBackendType::Longhorn, "longhorn");
    case NewElement::CloudBlockStorage: return addStorage(t, StorageBackendType::CloudBlock, "cloud-block");
    case NewElement::NodeLocalStorage: return addStorage(t, StorageBackendType::NodeLocal, "local");
    case NewElement::StorageClass: {
        StorageClass c;
        c.name = uniqueName(t, ElementKind::StorageClass, "class");
        if (!t.storageBackends.empty())
            c.backend = t.storageBackends.back().name;
        c.isDefault = t.defaultStorageClass() == nullptr;
        t.storageClasses.push_back(c);
        return {ElementKind::StorageClass, c.name};
    }
    case NewElement::Zone: {
        Zone z;
        z.name = freshZoneName(t);
        if (!t.zones.empty())
            z.region = t.zones.back().region;
        t.zones.push_back(z);
        return {ElementKind::Zone, z.name};
    }
    case NewElement::Deployment: {
        Workload w = makeWorkload(t, WorkloadKind::Deployment, "app", "nginx:1.25", 8080);
        w.service = {ServiceType::ClusterIP, 80, 8080};
        t.workloads.push_back(w);
        return {ElementKind::Workload, w.name};
    }
    case NewElement::StatefulSet: {
        Workload w = makeWorkload(t, WorkloadKind::StatefulSet, "db", "postgres:16", 5432);
        w.service = {ServiceType::Headless, 5432, 5432};
        w.placement.antiAffinity = AntiAffinity::Required;
        VolumeClaim claim;
        claim.name = "data";
        claim.sizeBytes = 10 * kGi;
        claim.mountPath = "/var/lib/data";
        w.volumeClaims.push_back(claim);
        t.workloads.push_back(w);
        return {ElementKind::Workload, w.name};
    }
    case NewElement::DaemonSet: {
        Workload w = makeWorkload(t, WorkloadKind::DaemonSet, "agent", "fluent/fluent-bit:3.0", 2020);
        t.workloads.push_back(w);
        return {ElementKind::Workload, w.name};
    }
    }
    return {};
}

bool removeElement(Topology &t, const ElementId &id)
{
    switch (id.kind) {
    case ElementKind::Cluster: return false;
    case ElementKind::Zone:
        if (!eraseNamed(t.zones, id.name))
            return false;
        renameReferences(t, ElementKind::Zone, id.name, std::string());
        return true;
    case ElementKind::Node:
        if (!eraseNamed(t.nodes, id.name))
            return false;
        for (LoadBalancer &lb : t.loadBalancers) {
            eraseValue(lb.hosts, id.name);
            if (!t.findWorkload(id.name))
                eraseValue(lb.targets, id.name);
        }
        for (StorageBackend &b : t.storageBackends)
            eraseValue(b.nodes, id.name);
        return true;
    case ElementKind::Workload:
        if (!eraseNamed(t.workloads, id.name))
            return false;
        for (LoadBalancer &lb : t.loadBalancers)
            if (!t.findNode(id.name))
                eraseValue(lb.targets, id.name);
        return true;
    case ElementKind::LoadBalancer: return eraseNamed(t.loadBalancers, id.name);
    case ElementKind::StorageBackend: return eraseNamed(t.storageBackends, id.name);
    case ElementKind::StorageClass: return eraseNamed(t.storageClasses, id.name);
    case ElementKind::Secret: return eraseNamed(t.secrets, id.name);
    }
    return false;
}

std::optional<std::string> renameElement(Topology &t, const ElementId &id, const std::string &newName)
{
    if (id.kind == ElementKind::Cluster) {
        if (newName.empty())
            return "metadata.name: the design needs a name";
        t.name = newName;
        return std::nullopt;
    }
    if (!t.contains(id))
        return id.toString() + ": no such element";
    if (newName == id.name)
        return std::nullopt;
    if (!isDnsLabel(newName))
        return "name: '" + newName +
            "' is not a valid name (lower-case letters, digits and '-', at most 63, starting and ending with a letter or digit)";
    if (nameTaken(t, id.kind, newName))
        return "name: another " + std::string(toString(id.kind)) + " is already called '" + newName + "'";
    setOwnName(t, id.kind, id.name, newName);
    renameReferences(t, id.kind, id.name, newName);
    return std::nullopt;
}

namespace {

std::optional<std::string> addOnce(std::vector<std::string> &names, const std::string &name, const std::string &already)
{
    if (std::find(names.begin(), names.end(), name) != names.end())
        return already;
    names.push_back(name);
    return std::nullopt;
}

} // namespace

std::optional<std::string> connectElements(Topology &t, const ElementId &first, const ElementId &second, std::string *what)
{
    if (!t.contains(first) || !t.contains(second))
        return "both ends of a connection must be elements of the design";
    if (first == second)
        return "an element cannot be connected to itself";
    // Put the pair in a fixed order of kinds, so either drag direction works.
    auto rank = [](ElementKind k) {
        switch (k) {
        case ElementKind::LoadBalancer: return 0;
        case ElementKind::Workload: return 1;
        case ElementKind::StorageClass: return 2;
        case ElementKind::StorageBackend: return 3;
        case ElementKind::Node: return 4;
        default: return 5;
        }
    };
    const bool swap = rank(second.kind) < rank(first.kind);
    const ElementId &a = swap ? second : first;
    const ElementId &b = swap ? first : second;
    const std::string already = a.name + " and " + b.name + " are already connected";
    std::optional<std::string> error;
    std::string done;
    if (a.kind == ElementKind::LoadBalancer && b.kind == ElementKind::Node) {
        LoadBalancer &lb = *findNamed(t.loadBalancers, a.name);
        const Node &node = *t.findNode(b.name);
        if (node.runs(Component::ApiServer) && lb.type != LoadBalancerType::IngressController) {
            error = addOnce(lb.targets, node.name, already);
            done = lb.name + " balances " + node.name;
        } else if (node.role == NodeRole::LoadBalancer || lb.type == LoadBalancerType::IngressController) {
            if (lb.isManaged())
                return lb.name + " is managed and runs on no node of the design";
            error = addOnce(lb.hosts, node.name, already);
            done = lb.name + " runs on " + node.name;
        } else {
            return lb.name + " can balance API servers or run on load-balancer nodes; " + node.name + " is neither";
        }
    } else if (a.kind == ElementKind::LoadBalancer && b.kind == ElementKind::Workload) {
        error = addOnce(findNamed(t.loadBalancers, a.name)->targets, b.name, already);
        done = a.name + " exposes " + b.name;
    } else if (a.kind == ElementKind::Workload && b.kind == ElementKind::StorageClass) {
        Workload &w = *findNamed(t.workloads, a.name);
        if (w.volumeClaims.empty()) {
            VolumeClaim claim;
            claim.name = "data";
            claim.sizeBytes = 10 * kGi;
            claim.storageClass = b.name;
            claim.mountPath = "/var/lib/data";
            w.volumeClaims.push_back(claim);
        } else if (std::all_of(w.volumeClaims.begin(), w.volumeClaims.end(), [&](const VolumeClaim &c) { return c.storageClass == b.name; })) {
            return already;
        } else {
            for (VolumeClaim &claim : w.volumeClaims)
                claim.storageClass = b.name;
        }
        done = a.name + " stores its volumes in " + b.name;
    } else if (a.kind == ElementKind::StorageClass && b.kind == ElementKind::StorageBackend) {
        StorageClass &c = *findNamed(t.storageClasses, a.name);
        if (c.backend == b.name)
            return already;
        c.backend = b.name;
        done = a.name + " provisions from " + b.name;
    } else if (a.kind == ElementKind::StorageBackend && b.kind == ElementKind::Node) {
        error = addOnce(findNamed(t.storageBackends, a.name)->nodes, b.name, already);
        done = b.name + " serves " + a.name;
    } else {
        return std::string("a ") + toString(first.kind) + " cannot be connected to a " + toString(second.kind);
    }
    if (error)
        return error;
    if (what)
        *what = done;
    return std::nullopt;
}

namespace {

/// Removes `name` from `names`; false when it was not there.
bool removeName(std::vector<std::string> &names, const std::string &name)
{
    const auto end = std::remove(names.begin(), names.end(), name);
    const bool found = end != names.end();
    names.erase(end, names.end());
    return found;
}

} // namespace

std::optional<std::string> disconnectElements(Topology &t, const ElementId &first, const ElementId &second, std::string *what)
{
    if (!t.contains(first) || !t.contains(second))
        return "both ends of a connection must be elements of the design";
    // The same order of kinds as connectElements.
    auto rank = [](ElementKind k) {
        switch (k) {
        case ElementKind::LoadBalancer: return 0;
        case ElementKind::Workload: return 1;
        case ElementKind::StorageClass: return 2;
        case ElementKind::StorageBackend: return 3;
        case ElementKind::Node: return 4;
        default: return 5;
        }
    };
    const bool swap = rank(second.kind) < rank(first.kind);
    const ElementId &a = swap ? second : first;
    const ElementId &b = swap ? first : second;
    const std::string notConnected = a.name + " and " + b.name + " are not connected";
    std::string done;
    if (a.kind == ElementKind::LoadBalancer && (b.kind == ElementKind::Node || b.kind == ElementKind::Workload)) {
        LoadBalancer &lb = *findNamed(t.loadBalancers, a.name);
        const bool target = removeName(lb.targets, b.name);
        const bool host = b.kind == ElementKind::Node && removeName(lb.hosts, b.name);
        if (!target && !host)
            return notConnected;
        done = host && !target ? lb.name + " no longer runs on " + b.name : lb.name + " no longer balances " + b.name;
    } else if (a.kind == ElementKind::Workload && b.kind == ElementKind::StorageClass) {
        Workload &w = *findNamed(t.workloads, a.name);
        const auto end = std::remove_if(w.volumeClaims.begin(), w.volumeClaims.end(),
                                        [&](const VolumeClaim &c) { return c.storageClass == b.name; });
        const auto removed = static_cast<std::size_t>(w.volumeClaims.end() - end);
        if (removed == 0)
            return notConnected;
        w.volumeClaims.erase(end, w.volumeClaims.end());
        done = a.name + " no longer stores volumes in " + b.name + " (" + std::to_string(removed) +
               (removed == 1 ? " volume claim" : " volume claims") + " removed)";
    } else if (a.kind == ElementKind::StorageClass && b.kind == ElementKind::StorageBackend) {
        StorageClass &c = *findNamed(t.storageClasses, a.name);
        if (c.backend != b.name)
            return notConnected;
        c.backend.clear();
        done = a.name + " no longer provisions from " + b.name;
    } else if (a.kind == ElementKind::StorageBackend && b.kind == ElementKind::Node) {
        if (!removeName(findNamed(t.storageBackends, a.name)->nodes, b.name))
            return notConnected;
        done = b.name + " no longer serves " + a.name;
    } else {
        return notConnected;
    }
    if (what)
        *what = done;
    return std::nullopt;
}

Topology extractElements(const Topology &t, const std::vector<ElementId> &ids)
{
    Topology fragment;
    fragment.name = t.name;
    fragment.profile = t.profile;
    fragment.kubernetesVersion = t.kubernetesVersion;
    fragment.etcdMode = t.etcdMode;
    fragment.timings = t.timings;
    fragment.networking = t.networking;
    auto addZone = [&](const std::string &name) {
        if (const Zone *z = t.findZone(name); z && !fragment.findZone(name))
            fragment.zones.push_back(*z);
    };
    for (const ElementId &id : ids) {
        switch (id.kind) {
        case ElementKind::Cluster: break;
        case ElementKind::Zone: addZone(id.name); break;
        case ElementKind::Node:
            if (const Node *n = t.findNode(id.name)) {
                addZone(n->zone);
                fragment.nodes.push_back(*n);
            }
            break;
        case ElementKind::LoadBalancer:
            if (const LoadBalancer *e = t.findLoadBalancer(id.name))
                fragment.loadBalancers.push_back(*e);
            break;
        case ElementKind::StorageBackend:
            if (const StorageBackend *e = t.findStorageBackend(id.name))
                fragment.storageBackends.push_back(*e);
            break;
        case ElementKind::StorageClass:
            if (const StorageClass *e = t.findStorageClass(id.name))
                fragment.storageClasses.push_back(*e);
            break;
        case ElementKind::Workload:
            if (const Workload *e = t.findWorkload(id.name))
                fragment.workloads.push_back(*e);
            break;
        case ElementKind::Secret:
            if (const Secret *e = t.findSecret(id.name))
                fragment.secrets.push_back(*e);
            break;
        }
    }
    return fragment;
}

std::vector<ElementId> pasteElements(Topology &t, const Topology &fragment)
{
    Topology incoming = fragment;
    // Rename the incoming elements whose names are taken; renameElement keeps the
    // fragment's own references in step.
    auto freshName = [&](ElementKind kind, const std::string &name) {
        std::string candidate = name + "-copy";
        for (int n = 2; nameTaken(t, kind, candidate) || nameTaken(incoming, kind, candidate); ++n)
            candidate = name + "-copy-" + std::to_string(n);
        return candidate;
    };
    auto renameClashes = [&](ElementKind kind) {
        std::vector<std::string> names;
        forEachName(incoming, kind, [&](const std::string &n) { names.push_back(n); });
        for (const std::string &name : names)
            if (nameTaken(t, kind, name)) {
                const std::optional<std::string> error = renameElement(incoming, {kind, name}, freshName(kind, name));
                (void)error; // a fresh "<name>-copy" label cannot clash; a name too long to extend stays as is
            }
    };
    for (ElementKind kind : {ElementKind::Node, ElementKind::LoadBalancer, ElementKind::StorageBackend,
                             ElementKind::StorageClass, ElementKind::Workload, ElementKind::Secret})
        renameClashes(kind);

    std::vector<ElementId> added;
    auto take = [&](auto &into, const auto &from, ElementKind kind) {
        for (const auto &e : from)
            if (!nameTaken(t, kind, e.name)) {
                into.push_back(e);
                added.push_back({kind, e.name});
            }
    };
    take(t.zones, incoming.zones, ElementKind::Zone);
    take(t.nodes, incoming.nodes, ElementKind::Node);
    take(t.loadBalancers, incoming.loadBalancers, ElementKind::LoadBalancer);
    take(t.storageBackends, incoming.storageBackends, ElementKind::StorageBackend);
    take(t.storageClasses, incoming.storageClasses, ElementKind::StorageClass);
    take(t.secrets, incoming.secrets, ElementKind::Secret);
    take(t.workloads, incoming.workloads, ElementKind::Workload);
    // A pasted class must not make a second default.
    if (std::count_if(t.storageClasses.begin(), t.storageClasses.end(), [](const StorageClass &c) { return c.isDefault; }) > 1)
        for (const ElementId &id : added)
            if (id.kind == ElementKind::StorageClass)
                if (StorageClass *c = findNamed(t.storageClasses, id.name))
                    c->isDefault = false;
    return added;
}

} // namespace quorum::model
