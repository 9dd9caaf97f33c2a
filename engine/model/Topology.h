#pragma once

// The topology (design) model: a Qt-free, value-type description of a cluster design.
// Elements are keyed by name within their kind; ElementId ("node/cp-1") is the stable id
// that findings, the diagram and the inspector use to point at an element.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::model {

/// Where an element was read from (1-based; 0 when the element was not loaded from a file).
struct SourceLocation {
    int line = 0;
    int column = 0;
    bool operator==(const SourceLocation &) const = default;
};

/// Kinds of element a finding or the diagram can point at.
enum class ElementKind { Cluster, Zone, Node, LoadBalancer, StorageBackend, StorageClass, Workload, Secret };

/// A stable reference to one element: its kind and its name (empty name for Cluster).
struct ElementId {
    ElementKind kind = ElementKind::Cluster;
    std::string name;

    /// "cluster", "zone/a", "node/cp-1", "loadbalancer/api", "storage/ceph", "storageclass/rbd",
    /// "workload/web", "secret/db".
    std::string toString() const;
    /// Parses what toString() produces; std::nullopt for anything else.
    static std::optional<ElementId> parse(const std::string &text);
    bool operator==(const ElementId &) const = default;
    auto operator<=>(const ElementId &) const = default;
};

// ---- Nodes -------------------------------------------------------------------------------

enum class NodeRole { ControlPlane, Worker, Etcd, LoadBalancer, Storage };
enum class Component { ApiServer, Etcd, ControllerManager, Scheduler, Kubelet, KubeProxy };
enum class TaintEffect { NoSchedule, PreferNoSchedule, NoExecute };

struct Taint {
    std::string key;
    std::string value;
    TaintEffect effect = TaintEffect::NoSchedule;
    bool operator==(const Taint &) const = default;
};

struct Node {
    std::string name;
    NodeRole role = NodeRole::Worker;
    std::string zone;              ///< name of a Zone; may be empty when the design has no zones
    std::string address;           ///< optional IP address
    std::int64_t cpuMillis = 0;    ///< capacity, millicores (Kubernetes quantity "4" = 4000)
    std::int64_t memoryBytes = 0;  ///< capacity, bytes ("16Gi")
    std::int64_t maxPods = 110;
    std::map<std::string, std::string> labels;
    std::vector<Taint> taints;
    /// What runs on the node. Filled from defaultComponents() when the file does not say.
    std::vector<Component> components;
    SourceLocation location;
    bool operator==(const Node &) const = default;

    bool runs(Component c) const;
};

// ---- Zones -------------------------------------------------------------------------------

struct Zone {
    std::string name;
    std::string region;  ///< optional
    SourceLocation location;
    bool operator==(const Zone &) const = default;
};

// ---- Load balancers ----------------------------------------------------------------------

enum class LoadBalancerType { HAProxy, Nginx, KeepalivedVip, Cloud, MetalLB, IngressController };

struct HealthCheck {
    std::string path = "/healthz";   ///< HTTP path; empty means a TCP check
    std::int64_t intervalMs = 2000;  ///< HAProxy "inter"
    int fall = 3;                    ///< failed checks before a backend is marked down
    int rise = 2;                    ///< passed checks before a backend is marked up
    bool operator==(const HealthCheck &) const = default;
};

struct LoadBalancer {
    std::string name;
    LoadBalancerType type = LoadBalancerType::HAProxy;
    /// Nodes (role LoadBalancer) that host it; empty for managed types (Cloud, MetalLB).
    std::vector<std::string> hosts;
    std::string vip;    ///< virtual IP shared by the hosts (keepalived); empty when none
    /// The hosts' network interface that carries the VIP (keepalived's `interface`).
    std::string vipInterface = "eth0";
    int port = 6443;    ///< frontend port
    /// What it balances: node names (API servers) or workload names (Services, ingress).
    std::vector<std::string> targets;
    int targetPort = 6443;
    std::string algorithm = "roundrobin";
    HealthCheck healthCheck;
    SourceLocation location;
    bool operator==(const LoadBalancer &) const = default;

    /// Managed types (Cloud, MetalLB) are redundant by construction and need no hosts.
    bool isManaged() const;
};

/// Whether `name` can name a Linux network interface: 1 to 15 characters (IFNAMSIZ - 1), none of
/// them '/', ':', whitespace or control characters, and not "." or "..".
bool isInterfaceName(std::string_view name);

// ---- Storage -----------------------------------------------------------------------------

enum class StorageBackendType { Nfs, Ceph, Longhorn, CloudBlock, NodeLocal };

struct StorageBackend {
    std::string name;
    StorageBackendType type = StorageBackendType::Ceph;
    std::vector<std::string> nodes;  ///< optional: storage nodes that serve it
    std::string endpoint;            ///< optional: NFS server / Ceph monitors / cloud region
    SourceLocation location;
    bool operator==(const StorageBackend &) const = default;

    /// True when data on this backend outlives the node that used it.
    bool survivesNodeLoss() const;
};

enum class ReclaimPolicy { Delete, Retain };
enum class VolumeBindingMode { Immediate, WaitForFirstConsumer };

struct StorageClass {
    std::string name;
    std::string backend;  ///< name of a StorageBackend
    bool isDefault = false;
    ReclaimPolicy reclaimPolicy = ReclaimPolicy::Delete;
    VolumeBindingMode bindingMode = VolumeBindingMode::WaitForFirstConsumer;
    bool allowExpansion = true;
    SourceLocation location;
    bool operator==(const StorageClass &) const = default;
};

// ---- Secrets -----------------------------------------------------------------------------

/// A Secret the design needs. Only names and keys are stored: values never enter the design.
struct Secret {
    std::string name;
    std::vector<std::string> keys;
    SourceLocation location;
    bool operator==(const Secret &) const = default;
};

// ---- Workloads ---------------------------------------------------------------------------

enum class WorkloadKind { Deployment, StatefulSet, DaemonSet };
enum class ProbeType { None, HttpGet, TcpSocket, Exec };
enum class ServiceType { None, ClusterIP, NodePort, LoadBalancer, Headless };
enum class AntiAffinity { None, Preferred, Required };
enum class AccessMode { ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod };

struct Resources {
    std::int64_t cpuRequestMillis = 0;
    std::int64_t memoryRequestBytes = 0;
    std::int64_t cpuLimitMillis = 0;      ///< 0: no limit
    std::int64_t memoryLimitBytes = 0;    ///< 0: no limit
    bool operator==(const Resources &) const = default;
};

struct Probe {
    ProbeType type = ProbeType::None;
    std::string path;                  ///< HttpGet
    int port = 0;                      ///< HttpGet, TcpSocket
    std::vector<std::string> command;  ///< Exec
    int initialDelaySeconds = 0;
    int periodSeconds = 10;
    int failureThreshold = 3;
    bool operator==(const Probe &) const = default;
};

struct ContainerPort {
    std::string name;
    int containerPort = 0;
    std::string protocol = "TCP";
    bool operator==(const ContainerPort &) const = default;
};

/// An environment variable: a literal value, or a reference to a key of a Secret.
struct EnvVar {
    std::string name;
    std::string value;
    std::string secretName;  ///< non-empty: value comes from secretName/secretKey
    std::string secretKey;
    bool operator==(const EnvVar &) const = default;
};

struct Toleration {
    std::string key;
    std::string op = "Equal";  ///< "Equal" or "Exists"
    std::string value;
    std::optional<TaintEffect> effect;  ///< unset: tolerates every effect
    std::optional<std::int64_t> tolerationSeconds;
    bool operator==(const Toleration &) const = default;
};

struct ServiceSpec {
    ServiceType type = ServiceType::None;
    int port = 0;
    int targetPort = 0;
    bool operator==(const ServiceSpec &) const = default;
};

struct IngressSpec {
    bool enabled = false;
    std::string host;
    std::string path = "/";
    std::string tlsSecret;  ///< name of a Secret holding the certificate; empty: no TLS
    bool operator==(const IngressSpec &) const = default;
};

struct VolumeClaim {
    std::string name;
    std::int64_t sizeBytes = 0;
    std::string storageClass;  ///< empty: the default StorageClass
    AccessMode accessMode = AccessMode::ReadWriteOnce;
    std::string mountPath;
    bool operator==(const VolumeClaim &) const = default;
};

struct Placement {
    AntiAffinity antiAffinity = AntiAffinity::None;  ///< between replicas, per node
    bool spreadZones = false;                          ///< topology spread across zones
    int maxSkew = 1;
    std::map<std::string, std::string> nodeSelector;
    std::vector<Toleration> tolerations;
    bool operator==(const Placement &) const = default;
};

/// A HorizontalPodAutoscaler for a Deployment or StatefulSet: it keeps the replica count
/// between minReplicas and maxReplicas by the average utilisation of the pods' requests.
struct Autoscaling {
    int minReplicas = 1;
    int maxReplicas = 1;
    std::optional<int> targetCpuUtilization;     ///< percent of the CPU request; needs one
    std::optional<int> targetMemoryUtilization;  ///< percent of the memory request
    bool operator==(const Autoscaling &) const = default;
};

struct Workload {
    std::string name;
    WorkloadKind kind = WorkloadKind::Deployment;
    std::string namespaceName = "default";
    int replicas = 1;  ///< ignored for DaemonSet
    std::string image;
    Resources resources;
    std::vector<ContainerPort> ports;
    Probe readiness;
    Probe liveness;
    std::vector<EnvVar> env;
    ServiceSpec service;
    IngressSpec ingress;
    Placement placement;
    std::vector<VolumeClaim> volumeClaims;  ///< StatefulSet: one PVC per replica per claim
    std::optional<int> minAvailable;        ///< PodDisruptionBudget; unset: none
    std::optional<Autoscaling> autoscaling; ///< HorizontalPodAutoscaler; unset: none (not for DaemonSet)
    SourceLocation location;
    bool operator==(const Workload &) const = default;
};

// ---- Cluster-wide settings ---------------------------------------------------------------

enum class EtcdMode { Stacked, External };
/// Production designs are held to the HA rules; development designs get them as information.
enum class Profile { Production, Development };

/// Timings of the control plane, in milliseconds of virtual time; defaults are Kubernetes' and etcd's.
struct Timings {
    std::int64_t etcdHeartbeatMs = 100;
    std::int64_t etcdElectionTimeoutMs = 1000;
    std::int64_t leaseDurationMs = 15000;
    std::int64_t renewDeadlineMs = 10000;
    std::int64_t retryPeriodMs = 2000;
    std::int64_t nodeStatusUpdateMs = 10000;
    std::int64_t nodeMonitorPeriodMs = 5000;
    std::int64_t nodeMonitorGracePeriodMs = 40000;
    std::int64_t nodeStartupGracePeriodMs = 60000;
    std::int64_t evictionTolerationMs = 300000;
    bool operator==(const Timings &) const = default;
};

struct Networking {
    std::string podSubnet = "10.244.0.0/16";
    std::string serviceSubnet = "10.96.0.0/12";
    std::string dnsDomain = "cluster.local";
    bool operator==(const Networking &) const = default;
};

/// The whole design. Names are unique within each kind (the loader enforces it).
struct Topology {
    std::string name;
    std::string description;
    Profile profile = Profile::Production;
    std::string kubernetesVersion = "1.30";
    EtcdMode etcdMode = EtcdMode::Stacked;
    Timings timings;
    Networking networking;
    std::vector<Zone> zones;
    std::vector<Node> nodes;
    std::vector<LoadBalancer> loadBalancers;
    std::vector<StorageBackend> storageBackends;
    std::vector<StorageClass> storageClasses;
    std::vector<Secret> secrets;
    std::vector<Workload> workloads;

    /// Equality ignores nothing: source locations are part of the value. Use sameDesign()
    /// to compare two designs regardless of where they were read from.
    bool operator==(const Topology &) const = default;
    bool sameDesign(const Topology &other) const;

    const Zone *findZone(const std::string &name) const;
    const Node *findNode(const std::string &name) const;
    const LoadBalancer *findLoadBalancer(const std::string &name) const;
    const StorageBackend *findStorageBackend(const std::string &name) const;
    const StorageClass *findStorageClass(const std::string &name) const;
    const Secret *findSecret(const std::string &name) const;
    const Workload *findWorkload(const std::string &name) const;
    /// The StorageClass marked default, or nullptr.
    const StorageClass *defaultStorageClass() const;
    /// True when an element with this id exists.
    bool contains(const ElementId &id) const;
    /// Where the element was read from; {0,0} when unknown.
    SourceLocation locationOf(const ElementId &id) const;
    /// Nodes that run the component, in design order.
    std::vector<const Node *> nodesRunning(Component c) const;
};

/// What runs on a node of this role by default (stacked etcd adds Etcd to control-plane nodes).
std::vector<Component> defaultComponents(NodeRole role, EtcdMode mode);

// ---- Names of enum values as they appear in topology YAML --------------------------------
// Each toString gives the YAML spelling; each parse accepts exactly that spelling.

const char *toString(ElementKind v);
const char *toString(NodeRole v);
const char *toString(Component v);
const char *toString(TaintEffect v);
const char *toString(LoadBalancerType v);
const char *toString(StorageBackendType v);
const char *toString(ReclaimPolicy v);
const char *toString(VolumeBindingMode v);
const char *toString(WorkloadKind v);
const char *toString(ProbeType v);
const char *toString(ServiceType v);
const char *toString(AntiAffinity v);
const char *toString(AccessMode v);
const char *toString(EtcdMode v);
const char *toString(Profile v);

/// Every value of an enum, in declaration order (used by parsers, editors and tests).
template <typename E> const std::vector<E> &allValues();

/// Parses the YAML spelling of an enum value; std::nullopt when it is not one.
template <typename E> std::optional<E> parseEnum(const std::string &text)
{
    for (E v : allValues<E>())
        if (text == toString(v))
            return v;
    return std::nullopt;
}

} // namespace quorum::model
