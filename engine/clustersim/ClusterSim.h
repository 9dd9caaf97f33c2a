#pragma once

// A running cluster in virtual time: a design (engine/model Topology) booted into etcd members
// (the Raft members of engine/sim, storing cluster state in the replicated KV store), an API
// server, controller-manager and scheduler per control-plane node, a kubelet per node, and the
// API load balancer (HAProxy-style health checks, keepalived VIP failover between its hosts).
// Faults act on nodes and the network between them; everything runs on one event queue, so
// the same seed gives the same history.
//
// Who talks to whom (as kubeadm sets it up): controller-manager, scheduler and kubelets on
// control-plane nodes use their local API server; kubelets on workers and the admin client use
// the load balancer's VIP (or, without one, the first reachable API server).
//
// Thread rules: one thread. Not copyable.

#include "engine/cluster/ControllerManager.h"
#include "engine/cluster/KubeProxy.h"
#include "engine/cluster/Kubelet.h"
#include "engine/cluster/SchedulerService.h"
#include "engine/clustersim/ApiServer.h"
#include "engine/model/Topology.h"
#include "engine/scenario/Scenario.h"
#include "engine/sim/Simulation.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace quorum::clustersim {

using cluster::ClusterEvent;

struct ClusterOptions {
    std::uint64_t seed = 1;
    Micros networkLatency = 500;  ///< one way, between nodes (API requests, health checks)
    ApiServerOptions apiServer;
    bool raftSafetyChecks = true; ///< run engine/sim's invariant checks on the etcd members
    /// kube-apiserver's --etcd-compaction-interval: every interval, etcd history older than
    /// the revision seen one interval before is compacted (0: never).
    Micros compactionInterval = 5 * 60 * cluster::kSecond;
    /// etcd --snapshot-count: applied entries between snapshots of a member's store (etcd 3.4
    /// defaults to 100,000; lower keeps the simulated Raft logs small).
    std::uint64_t snapshotCount = 10000;
    /// Entries kept behind a snapshot for slow followers (etcd's SnapshotCatchUpEntries, 5000):
    /// a follower further behind needs a whole-store MsgSnap.
    std::uint64_t snapshotCatchUpEntries = 5000;
    /// Snapshot files per etcd member. etcd v3 keeps 5 (--max-snapshots), but its .snap files
    /// hold no key-values (those are in its bolt database); ours hold the whole store, so one.
    std::size_t snapshotsToKeep = 1;
    /// etcd v3's storage layout (sim::SimOptions::persistentBackend): the store persists on its
    /// own and Raft snapshots carry no key-values, so a snapshot costs O(1) instead of a copy
    /// of the whole store, and a restart keeps the store.
    bool persistentBackend = true;
    /// A second thread: the etcd members' stores apply on it during the simulated fsync before
    /// the apply, their WAL writes go behind on it, and the API servers admit and encode
    /// updates on it while the requests travel (sim::SimOptions::applyThread,
    /// ApiServer::prepareUpdate). The API servers read their stores as of what the members have
    /// finished applying, so the run is the same either way, except that a member crashing in
    /// that window keeps entries its store had applied. Unset: on for topologies of at least
    /// kApplyThreadFromNodes nodes (handing work over costs more than it saves in a small
    /// cluster, whose events are sparse: docs/cluster-benchmarks.md).
    std::optional<bool> applyThread;
    static constexpr std::size_t kApplyThreadFromNodes = 50;
};

class Connection;

class ClusterSim : public cluster::Runtime {
public:
    /// Boots the design at virtual time 0. Precondition: the topology passed
    /// checkTopology without errors (names resolve).
    ClusterSim(const model::Topology &topology, ClusterOptions options = {});
    ~ClusterSim() override;
    ClusterSim(const ClusterSim &) = delete;
    ClusterSim &operator=(const ClusterSim &) = delete;

    const model::Topology &topology() const { return m_topology; }
    // cluster::Runtime: the components' clock, timers, randomness and event stream.
    Micros now() const override;
    void after(Micros delay, std::function<void()> action) override;
    std::uint64_t random() override;
    void emit(ClusterEvent event) override;
    /// Runs until virtual time `until` (or the first Raft safety violation).
    void runUntil(Micros until);
    /// Every event, as it happens.
    void setEventSink(std::function<void(const ClusterEvent &)> sink) { m_sink = std::move(sink); }

    // ---- the admin client (kubectl through the API endpoint) ----------------------------
    /// Creates (or replaces) the objects in order; `done` gets one message per failure.
    void apply(std::vector<cluster::Json> objects, std::function<void(std::vector<std::string>)> done = {});
    /// Sets spec.replicas of a Deployment or StatefulSet named `workload` (any namespace).
    void scale(const std::string &workload, int replicas, std::function<void(std::string)> done = {});
    /// The admin client's connection (for reads and ad hoc requests).
    cluster::ApiClient &admin();
    /// The freshest API server cache (highest revision among running API servers), or null.
    const ObjectCache *freshestCache() const;

    // ---- faults --------------------------------------------------------------------------
    bool killNode(const std::string &node);
    bool restartNode(const std::string &node);
    /// component: kube-apiserver, etcd, kube-controller-manager, kube-scheduler, kubelet,
    /// kube-proxy, load-balancer. False when the node does not run it. A stopped kubelet leaves
    /// its containers running (they serve, unsupervised); a stopped kube-proxy leaves its
    /// forwarding rules in place, no longer updated.
    bool stopComponent(const std::string &node, const std::string &component);
    bool startComponent(const std::string &node, const std::string &component);
    /// Cuts every direction between different groups (oneWay: only from the first group to the
    /// others). Nodes in no group keep their links.
    void partition(const std::vector<std::vector<std::string>> &groups, bool oneWay);
    bool zoneOutage(const std::string &zone);
    /// Adds `fsync` to every fsync of the node's etcd member (false: no member there).
    bool slowDisk(const std::string &node, Micros fsync);
    /// Starts the node's stopped components and heals its disk.
    void healNode(const std::string &node);
    /// Heals partitions and restarts every node and component that was stopped.
    void healAll();
    void healPartitions();

    // ---- observation ---------------------------------------------------------------------
    bool nodeUp(const std::string &node) const;
    /// Components stopped on their own on a node that is up (by their fault names).
    std::vector<std::string> stoppedComponents(const std::string &node) const;
    bool reachable(const std::string &from, const std::string &to) const;
    /// The node hosting the etcd leader ("" when none).
    std::string etcdLeaderNode() const;
    /// The node a scenario / fault target names now (a node, the etcd leader's node, a lease
    /// holder's node; "" when none).
    std::string nodeOf(const scenario::Target &target) const;
    std::uint64_t etcdTerm() const;
    /// The identity of the instance leading lease `name` (kube-controller-manager,
    /// kube-scheduler), "" when none leads.
    std::string leaseHolder(const std::string &name) const;
    /// The node the leading instance runs on ("" when none).
    std::string leaseHolderNode(const std::string &name) const;
    /// Whether API writes work, as the admin's probe write (one per second) last found.
    bool writesAvailable() const { return m_writesAvailable; }
    /// Nodes whose etcd member is up.
    int etcdMembersUp() const;
    int etcdMembers() const { return static_cast<int>(m_etcdNodes.size()); }
    /// The node hosting the keepalived VIP of the API load balancer ("" when none / managed).
    std::string vipHolder() const { return m_vipHolder; }
    /// Bumped whenever something a client's route depends on changes: a node, API server or
    /// load balancer stopping or starting, a partition or its heal, a backend marked down or
    /// up, the VIP moving. A connection whose route was fine at an epoch is still fine at it.
    std::uint64_t routeEpoch() const { return m_routeEpoch; }
    /// Name of the load balancer in front of the API servers ("" when the design has none).
    std::string apiLoadBalancer() const { return m_apiLb ? m_apiLb->name : std::string(); }
    /// Healthy backends of the API load balancer as seen by its active host.
    int healthyApiBackends() const;
    sim::Simulation &etcd() { return *m_etcd; }
    /// Frees the objects the API servers' caches let go, on a thread of its own.
    cluster::Reclaimer &reclaimer() { return m_reclaimer; }
    const std::vector<std::string> &nodeNames() const { return m_nodeNames; }
    const std::vector<std::string> &etcdNodes() const { return m_etcdNodes; }
    const std::vector<std::string> &controlPlaneNodes() const { return m_cpNodes; }
    /// The API server process of a control-plane node (up or not), or null.
    ApiServer *apiServer(const std::string &node);
    /// Kubelet of a node, or null.
    const cluster::Kubelet *kubelet(const std::string &node) const;
    /// kube-proxy of a node (its forwarding rules), or null when the node runs none.
    const cluster::KubeProxy *kubeProxy(const std::string &node) const;

private:
    friend class Connection;
    struct NodeRuntime;


    void bootstrap();
    void startNode(NodeRuntime &n);
    void stopNode(NodeRuntime &n);
    void onApplied(raft::NodeId member, const store::ApplyResult &result);
    void onRaftTimeline();
    void healthCheck();
    void keepalivedTick();
    void probeWrites();
    void compact();
    void reconnectAll();
    NodeRuntime *findNode(const std::string &name);
    const NodeRuntime *findNode(const std::string &name) const;
    /// The API server a client on `from` reaches through the API endpoint, or null.
    ApiServer *route(const std::string &from, bool local);
    /// Whether a connection from `from` to `server` (made as route() makes it) still works.
    bool pathOk(const std::string &from, const ApiServer &server, bool local) const;
    cluster::Json nodeObject(const model::Node &node, int index) const;

    model::Topology m_topology;
    ClusterOptions m_options;
    std::unique_ptr<sim::Simulation> m_etcd;
    ObjectDecoder m_decoder; // shared by the API servers; declared before m_nodes, which use it
    cluster::Reclaimer m_reclaimer; // frees what the API servers' caches let go; outlives them
    std::function<void(const ClusterEvent &)> m_sink;
    std::vector<std::string> m_nodeNames;
    std::vector<std::string> m_etcdNodes; // index i hosts raft member i+1
    std::vector<std::string> m_cpNodes;
    std::map<std::string, std::unique_ptr<NodeRuntime>> m_nodes;
    // The same nodes hashed by name: findNode runs several times per API request (routing and
    // path checks), where a walk down a tree of thousands of names showed in profiles.
    std::unordered_map<std::string, NodeRuntime *> m_nodeIndex;
    std::set<std::pair<std::string, std::string>> m_cut; // directed node pairs
    std::vector<std::unique_ptr<Connection>> m_connections;
    std::unique_ptr<Connection> m_admin;
    // API load balancer.
    const model::LoadBalancer *m_apiLb = nullptr;
    std::map<std::string, std::map<std::string, int>> m_lbHealth; // host -> backend -> consecutive (+ok / -fail)
    std::map<std::string, std::map<std::string, bool>> m_lbUp;    // host -> backend -> marked up
    std::string m_vipHolder;
    std::uint64_t m_routeEpoch = 0;
    Micros m_vipHolderSilentSince = -1;
    std::size_t m_lbRoundRobin = 0;
    // Observation.
    std::string m_lastLeaderNode;
    std::uint64_t m_lastTerm = 0;
    bool m_writesAvailable = false;
    std::uint64_t m_probeSeq = 0;     // probes sent
    std::uint64_t m_probeDone = 0;    // highest probe answered
    std::uint64_t m_probeDecided = 0; // probe whose outcome writesAvailable shows
    std::int64_t m_compactTarget = 0;   // revision seen at the previous compaction tick
    std::uint64_t m_compactRequest = 1; // request ids of compactions
};

} // namespace quorum::clustersim
