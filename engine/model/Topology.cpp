#include "engine/model/Topology.h"

#include <algorithm>
#include <array>
#include <utility>

namespace quorum::model {

namespace {

// One table per enum: value and its YAML spelling. toString and allValues read the same table.
template <typename E, std::size_t N> using Names = std::array<std::pair<E, const char *>, N>;

constexpr Names<ElementKind, 8> kElementKinds{{{ElementKind::Cluster, "cluster"},
                                               {ElementKind::Zone, "zone"},
                                               {ElementKind::Node, "node"},
                                               {ElementKind::LoadBalancer, "loadbalancer"},
                                               {ElementKind::StorageBackend, "storage"},
                                               {ElementKind::StorageClass, "storageclass"},
                                               {ElementKind::Workload, "workload"},
                                               {ElementKind::Secret, "secret"}}};
constexpr Names<NodeRole, 5> kNodeRoles{{{NodeRole::ControlPlane, "control-plane"},
                                         {NodeRole::Worker, "worker"},
                                         {NodeRole::Etcd, "etcd"},
                                         {NodeRole::LoadBalancer, "load-balancer"},
                                         {NodeRole::Storage, "storage"}}};
constexpr Names<Component, 6> kComponents{{{Component::ApiServer, "kube-apiserver"},
                                           {Component::Etcd, "etcd"},
                                           {Component::ControllerManager, "kube-controller-manager"},
                                           {Component::Scheduler, "kube-scheduler"},
                                           {Component::Kubelet, "kubelet"},
                                           {Component::KubeProxy, "kube-proxy"}}};
constexpr Names<TaintEffect, 3> kTaintEffects{{{TaintEffect::NoSchedule, "NoSchedule"},
                                               {TaintEffect::PreferNoSchedule, "PreferNoSchedule"},
                                               {TaintEffect::NoExecute, "NoExecute"}}};
constexpr Names<LoadBalancerType, 6> kLoadBalancerTypes{{{LoadBalancerType::HAProxy, "haproxy"},
                                                         {LoadBalancerType::Nginx, "nginx"},
                                                         {LoadBalancerType::KeepalivedVip, "keepalived-vip"},
                                                         {LoadBalancerType::Cloud, "cloud"},
                                                         {LoadBalancerType::MetalLB, "metallb"},
                                                         {LoadBalancerType::IngressController, "ingress-controller"}}};
constexpr Names<StorageBackendType, 5> kBackendTypes{{{StorageBackendType::Nfs, "nfs"},
                                                      {StorageBackendType::Ceph, "ceph"},
                                                      {StorageBackendType::Longhorn, "longhorn"},
                                                      {StorageBackendType::CloudBlock, "cloud-block"},
                                                      {StorageBackendType::NodeLocal, "node-local"}}};
constexpr Names<ReclaimPolicy, 2> kReclaimPolicies{{{ReclaimPolicy::Delete, "Delete"}, {ReclaimPolicy::Retain, "Retain"}}};
constexpr Names<VolumeBindingMode, 2> kBindingModes{{{VolumeBindingMode::Immediate, "Immediate"},
                                                     {VolumeBindingMode::WaitForFirstConsumer, "WaitForFirstConsumer"}}};
constexpr Names<WorkloadKind, 3> kWorkloadKinds{{{WorkloadKind::Deployment, "Deployment"},
                                                 {WorkloadKind::StatefulSet, "StatefulSet"},
                                                 {WorkloadKind::DaemonSet, "DaemonSet"}}};
constexpr Names<ProbeType, 4> kProbeTypes{{{ProbeType::None, "none"},
                                           {ProbeType::HttpGet, "httpGet"},
                                           {ProbeType::TcpSocket, "tcpSocket"},
                                           {ProbeType::Exec, "exec"}}};
constexpr Names<ServiceType, 5> kServiceTypes{{{ServiceType::None, "None"},
                                               {ServiceType::ClusterIP, "ClusterIP"},
                                               {ServiceType::NodePort, "NodePort"},
                                               {ServiceType::LoadBalancer, "LoadBalancer"},
                                               {ServiceType::Headless, "Headless"}}};
constexpr Names<AntiAffinity, 3> kAntiAffinities{{{AntiAffinity::None, "none"},
                                                  {AntiAffinity::Preferred, "preferred"},
                                                  {AntiAffinity::Required, "required"}}};
constexpr Names<AccessMode, 4> kAccessModes{{{AccessMode::ReadWriteOnce, "ReadWriteOnce"},
                                             {AccessMode::ReadOnlyMany, "ReadOnlyMany"},
                                             {AccessMode::ReadWriteMany, "ReadWriteMany"},
                                             {AccessMode::ReadWriteOncePod, "ReadWriteOncePod"}}};
constexpr Names<EtcdMode, 2> kEtcdModes{{{EtcdMode::Stacked, "stacked"}, {EtcdMode::External, "external"}}};
constexpr Names<Profile, 2> kProfiles{{{Profile::Production, "production"}, {Profile::Development, "development"}}};

template <typename E, std::size_t N> const char *nameIn(const Names<E, N> &table, E v)
{
    for (const auto &[value, name] : table)
        if (value == v)
            return name;
    return "?";
}

template <typename E, std::size_t N> std::vector<E> valuesIn(const Names<E, N> &table)
{
    std::vector<E> out;
    for (const auto &entry : table)
        out.push_back(entry.first);
    return out;
}

template <typename T> const T *findByName(const std::vector<T> &items, const std::string &name)
{
    auto it = std::find_if(items.begin(), items.end(), [&](const T &item) { return item.name == name; });
    return it == items.end() ? nullptr : &*it;
}

// Copies of a design with every source location cleared, for sameDesign().
template <typename T> void clearLocations(std::vector<T> &items)
{
    for (T &item : items)
        item.location = {};
}

} // namespace

#define QUORUM_ENUM_NAMES(Enum, table)                                                                             \
    const char *toString(Enum v) { return nameIn(table, v); }                                                      \
    template <> const std::vector<Enum> &allValues<Enum>()                                                         \
    {                                                                                                              \
        static const std::vector<Enum> values = valuesIn(table);                                                   \
        return values;                                                                                             \
    }

QUORUM_ENUM_NAMES(ElementKind, kElementKinds)
QUORUM_ENUM_NAMES(NodeRole, kNodeRoles)
QUORUM_ENUM_NAMES(Component, kComponents)
QUORUM_ENUM_NAMES(TaintEffect, kTaintEffects)
QUORUM_ENUM_NAMES(LoadBalancerType, kLoadBalancerTypes)
QUORUM_ENUM_NAMES(StorageBackendType, kBackendTypes)
QUORUM_ENUM_NAMES(ReclaimPolicy, kReclaimPolicies)
QUORUM_ENUM_NAMES(VolumeBindingMode, kBindingModes)
QUORUM_ENUM_NAMES(WorkloadKind, kWorkloadKinds)
QUORUM_ENUM_NAMES(ProbeType, kProbeTypes)
QUORUM_ENUM_NAMES(ServiceType, kServiceTypes)
QUORUM_ENUM_NAMES(AntiAffinity, kAntiAffinities)
QUORUM_ENUM_NAMES(AccessMode, kAccessModes)
QUORUM_ENUM_NAMES(EtcdMode, kEtcdModes)
QUORUM_ENUM_NAMES(Profile, kProfiles)

#undef QUORUM_ENUM_NAMES

std::string ElementId::toString() const
{
    if (kind == ElementKind::Cluster)
        return "cluster";
    return std::string(model::toString(kind)) + "/" + name;
}

std::optional<ElementId> ElementId::parse(const std::string &text)
{
    if (text == "cluster")
        return ElementId{};
    const auto slash = text.find('/');
    if (slash == std::string::npos || slash + 1 == text.size())
        return std::nullopt;
    const auto kind = parseEnum<ElementKind>(text.substr(0, slash));
    if (!kind || *kind == ElementKind::Cluster)
        return std::nullopt;
    return ElementId{*kind, text.substr(slash + 1)};
}

bool Node::runs(Component c) const
{
    return std::find(components.begin(), components.end(), c) != components.end();
}

bool LoadBalancer::isManaged() const
{
    return type == LoadBalancerType::Cloud || type == LoadBalancerType::MetalLB;
}

bool isInterfaceName(std::string_view name)
{
    if (name.empty() || name.size() > 15 || name == "." || name == "..")
        return false;
    return std::none_of(name.begin(), name.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return c == '/' || c == ':' || u <= ' ' || u == 0x7F;
    });
}

bool StorageBackend::survivesNodeLoss() const
{
    return type != StorageBackendType::NodeLocal;
}

std::vector<Component> defaultComponents(NodeRole role, EtcdMode mode)
{
    switch (role) {
    case NodeRole::ControlPlane:
        if (mode == EtcdMode::Stacked)
            return {Component::ApiServer, Component::Etcd, Component::ControllerManager, Component::Scheduler,
                    Component::Kubelet};
        return {Component::ApiServer, Component::ControllerManager, Component::Scheduler, Component::Kubelet};
    case NodeRole::Worker:
        return {Component::Kubelet, Component::KubeProxy};
    case NodeRole::Etcd:
        return {Component::Etcd};
    case NodeRole::LoadBalancer:
    case NodeRole::Storage:
        return {};
    }
    return {};
}

bool Topology::sameDesign(const Topology &other) const
{
    Topology a = *this;
    Topology b = other;
    for (Topology *t : {&a, &b}) {
        clearLocations(t->zones);
        clearLocations(t->nodes);
        clearLocations(t->loadBalancers);
        clearLocations(t->storageBackends);
        clearLocations(t->storageClasses);
        clearLocations(t->secrets);
        clearLocations(t->workloads);
    }
    return a == b;
}

const Zone *Topology::findZone(const std::string &n) const { return findByName(zones, n); }
const Node *Topology::findNode(const std::string &n) const { return findByName(nodes, n); }
const LoadBalancer *Topology::findLoadBalancer(const std::string &n) const { return findByName(loadBalancers, n); }
const StorageBackend *Topology::findStorageBackend(const std::string &n) const { return findByName(storageBackends, n); }
const StorageClass *Topology::findStorageClass(const std::string &n) const { return findByName(storageClasses, n); }
const Secret *Topology::findSecret(const std::string &n) const { return findByName(secrets, n); }
const Workload *Topology::findWorkload(const std::string &n) const { return findByName(workloads, n); }

const StorageClass *Topology::defaultStorageClass() const
{
    auto it = std::find_if(storageClasses.begin(), storageClasses.end(), [](const StorageClass &c) { return c.isDefault; });
    return it == storageClasses.end() ? nullptr : &*it;
}

SourceLocation Topology::locationOf(const ElementId &id) const
{
    auto loc = [](const auto *element) { return element ? element->location : SourceLocation{}; };
    switch (id.kind) {
    case ElementKind::Cluster: return {};
    case ElementKind::Zone: return loc(findZone(id.name));
    case ElementKind::Node: return loc(findNode(id.name));
    case ElementKind::LoadBalancer: return loc(findLoadBalancer(id.name));
    case ElementKind::StorageBackend: return loc(findStorageBackend(id.name));
    case ElementKind::StorageClass: return loc(findStorageClass(id.name));
    case ElementKind::Workload: return loc(findWorkload(id.name));
    case ElementKind::Secret: return loc(findSecret(id.name));
    }
    return {};
}

bool Topology::contains(const ElementId &id) const
{
    switch (id.kind) {
    case ElementKind::Cluster: return true;
    case ElementKind::Zone: return findZone(id.name) != nullptr;
    case ElementKind::Node: return findNode(id.name) != nullptr;
    case ElementKind::LoadBalancer: return findLoadBalancer(id.name) != nullptr;
    case ElementKind::StorageBackend: return findStorageBackend(id.name) != nullptr;
    case ElementKind::StorageClass: return findStorageClass(id.name) != nullptr;
    case ElementKind::Workload: return findWorkload(id.name) != nullptr;
    case ElementKind::Secret: return findSecret(id.name) != nullptr;
    }
    return false;
}

std::vector<const Node *> Topology::nodesRunning(Component c) const
{
    std::vector<const Node *> out;
    for (const Node &n : nodes)
        if (n.runs(c))
            out.push_back(&n);
    return out;
}

} // namespace quorum::model
