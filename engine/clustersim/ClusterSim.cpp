#include "engine/clustersim/ClusterSim.h"

#include "engine/cluster/Manifest.h"
#include "engine/clustersim/Connection.h"
#include "engine/clustersim/NodeRuntime.h"
#include "engine/generate/Artifacts.h"
#include "engine/model/TopologyYaml.h"
#include "engine/store/Command.h"

#include <algorithm>

namespace quorum::clustersim {

using cluster::EventKind;
using cluster::Json;
using cluster::kMs;
using cluster::kSecond;
namespace res = cluster::res;


namespace {

} // namespace

ClusterSim::ClusterSim(const model::Topology &topology, ClusterOptions options)
    : m_topology(topology)
    , m_options(options)
{
    for (const model::Node &n : m_topology.nodes) {
        m_nodeNames.push_back(n.name);
        if (n.runs(model::Component::Etcd))
            m_etcdNodes.push_back(n.name);
        if (n.runs(model::Component::ApiServer))
            m_cpNodes.push_back(n.name);
    }
    const model::Timings &t = m_topology.timings;
    sim::SimOptions so;
    so.seed = options.seed;
    so.members = static_cast<int>(m_etcdNodes.size());
    so.tickInterval = std::max<std::int64_t>(1, t.etcdHeartbeatMs) * kMs;
    so.heartbeatTick = 1;
    so.electionTick = static_cast<int>(std::max<std::int64_t>(2, t.etcdElectionTimeoutMs / std::max<std::int64_t>(1, t.etcdHeartbeatMs)));
    so.checkSafety = options.raftSafetyChecks;
    so.snapshotEvery = options.snapshotCount;
    so.snapshotsToKeep = options.snapshotsToKeep;
    so.snapshotCatchUpEntries = options.snapshotCatchUpEntries;
    so.persistentBackend = options.persistentBackend;
    so.applyThread = options.applyThread.value_or(m_topology.nodes.size() >= ClusterOptions::kApplyThreadFromNodes);
    m_etcd = std::make_unique<sim::Simulation>(so);
    m_etcd->setApplyObserver([this](raft::NodeId id, std::uint64_t, const store::ApplyResult &r) { onApplied(id, r); });
    m_etcd->setTimeline([this](const std::string &) { onRaftTimeline(); });

    for (const model::LoadBalancer &lb : m_topology.loadBalancers) {
        const bool api = !lb.targets.empty() && std::all_of(lb.targets.begin(), lb.targets.end(), [&](const std::string &n) {
            return std::find(m_cpNodes.begin(), m_cpNodes.end(), n) != m_cpNodes.end();
        });
        if (api && lb.type != model::LoadBalancerType::IngressController) {
            m_apiLb = &lb;
            break;
        }
    }

    const cluster::ElectionTimings election{t.leaseDurationMs * kMs, t.renewDeadlineMs * kMs, t.retryPeriodMs * kMs};
    const cluster::NodeLifecycleTimings lifecycle{t.nodeMonitorPeriodMs * kMs, t.nodeMonitorGracePeriodMs * kMs,
                                                  t.nodeStartupGracePeriodMs * kMs};
    int index = 0;
    std::uint64_t requestBase = 1ULL << 40;
    for (const model::Node &n : m_topology.nodes) {
        auto rt = std::make_unique<NodeRuntime>();
        NodeRuntime &node = *rt;
        node.model = n;
        node.index = index++;
        auto etcdIt = std::find(m_etcdNodes.begin(), m_etcdNodes.end(), n.name);
        if (etcdIt != m_etcdNodes.end())
            node.member = static_cast<raft::NodeId>(etcdIt - m_etcdNodes.begin() + 1);
        if (m_apiLb)
            node.lbHost = std::find(m_apiLb->hosts.begin(), m_apiLb->hosts.end(), n.name) != m_apiLb->hosts.end();
        if (n.runs(model::Component::ApiServer)) {
            node.api = std::make_unique<ApiServer>(n.name, *m_etcd, *this, options.apiServer, requestBase, m_decoder);
            node.api->cache().setReclaimer(&m_reclaimer);
            requestBase += 1ULL << 40;
        }
        if (n.runs(model::Component::ControllerManager) || n.runs(model::Component::Scheduler))
            node.localConnection = std::make_unique<Connection>(*this, n.name, true);
        if (n.runs(model::Component::ControllerManager))
            node.controllerManager = std::make_unique<cluster::ControllerManager>(
                *this, *node.localConnection,
                cluster::ControllerManagerConfig{n.name + "_" + std::to_string(random() % 100000000), election, lifecycle});
        if (n.runs(model::Component::Scheduler))
            node.scheduler = std::make_unique<cluster::SchedulerService>(
                *this, *node.localConnection,
                cluster::SchedulerServiceConfig{n.name + "_" + std::to_string(random() % 100000000), election,
                                                5 * 60 * kSecond, options.seed});
        if (n.runs(model::Component::Kubelet) || n.runs(model::Component::KubeProxy))
            node.kubeletConnection = std::make_unique<Connection>(*this, n.name, n.runs(model::Component::ApiServer));
        if (n.runs(model::Component::KubeProxy))
            node.kubeProxy = std::make_unique<cluster::KubeProxy>(*this, *node.kubeletConnection, n.name);
        if (n.runs(model::Component::Kubelet)) {
            cluster::KubeletConfig kc;
            kc.nodeName = n.name;
            kc.nodeTemplate = nodeObject(n, node.index);
            kc.leaseRenew = t.nodeStatusUpdateMs * kMs;
            kc.statusUpdate = t.nodeStatusUpdateMs * kMs;
            kc.podCidrIndex = node.index;
            node.kubelet = std::make_unique<cluster::Kubelet>(*this, *node.kubeletConnection, kc);
        }
        m_nodeIndex.emplace(n.name, rt.get());
        m_nodes.emplace(n.name, std::move(rt));
    }
    m_admin = std::make_unique<Connection>(*this, std::string(), false);

    for (const std::string &name : m_nodeNames)
        startNode(*m_nodes.at(name));
    // Keepalived: the highest-priority host holds the VIP from the start.
    if (m_apiLb && !m_apiLb->isManaged() && !m_apiLb->hosts.empty())
        m_vipHolder = m_apiLb->hosts.front();
    if (m_apiLb) {
        const Micros inter = std::max<std::int64_t>(100, m_apiLb->healthCheck.intervalMs) * kMs;
        auto loop = std::make_shared<std::function<void()>>();
        *loop = [this, inter, weak = std::weak_ptr<std::function<void()>>(loop)] {
            healthCheck();
            if (auto self = weak.lock())
                after(inter, [self] { (*self)(); });
        };
        after(inter, [loop] { (*loop)(); });
    }
    auto tick = std::make_shared<std::function<void()>>();
    *tick = [this, weak = std::weak_ptr<std::function<void()>>(tick)] {
        keepalivedTick();
        probeWrites();
        if (auto self = weak.lock())
            after(kSecond, [self] { (*self)(); });
    };
    after(kSecond, [tick] { (*tick)(); });
    if (options.compactionInterval > 0) {
        auto compactor = std::make_shared<std::function<void()>>();
        *compactor = [this, weak = std::weak_ptr<std::function<void()>>(compactor)] {
            compact();
            if (auto self = weak.lock())
                after(m_options.compactionInterval, [self] { (*self)(); });
        };
        after(options.compactionInterval, [compactor] { (*compactor)(); });
    }
    bootstrap();
}

ClusterSim::~ClusterSim() = default;

void ClusterSim::compact()
{
    // kube-apiserver's compactor: compact up to the revision it saw one interval ago, so watchers
    // keep an interval of history. One API server's etcd client proposes it (any that is up).
    const ObjectCache *cache = freshestCache();
    if (!cache)
        return;
    const std::int64_t target = m_compactTarget;
    m_compactTarget = cache->revision();
    if (target <= 1)
        return;
    for (const std::string &name : m_cpNodes) {
        NodeRuntime &n = *m_nodes.at(name);
        if (!n.api || !n.api->up() || !m_etcd->isUp(n.api->member()))
            continue;
        const store::Command command{(1ULL << 62) + m_compactRequest++, store::Compact{target}};
        if (m_etcd->propose(n.api->member(), store::encodeCommand(command)) == raft::ProposeResult::Ok) {
            emit(ClusterEvent{0, EventKind::Info, false, "etcd", "Compacted", "compacting etcd history to revision " +
                                                                              std::to_string(target)});
            return;
        }
    }
}

Micros ClusterSim::now() const
{
    return m_etcd->now();
}

void ClusterSim::after(Micros delay, std::function<void()> action)
{
    m_etcd->queue().after(delay, std::move(action));
}

std::uint64_t ClusterSim::random()
{
    return m_etcd->rng().next();
}

void ClusterSim::emit(ClusterEvent event)
{
    if (event.time == 0)
        event.time = now();
    if (m_sink)
        m_sink(event);
}

void ClusterSim::runUntil(Micros until)
{
    m_etcd->runUntil(until);
}

Json ClusterSim::nodeObject(const model::Node &n, int index) const
{
    Json labels{{"kubernetes.io/hostname", n.name}, {"kubernetes.io/os", "linux"}, {"kubernetes.io/arch", "amd64"}};
    if (!n.zone.empty()) {
        labels["topology.kubernetes.io/zone"] = n.zone;
        if (const model::Zone *z = m_topology.findZone(n.zone); z && !z->region.empty())
            labels["topology.kubernetes.io/region"] = z->region;
    }
    Json taints = Json::array();
    if (n.role == model::NodeRole::ControlPlane) {
        labels["node-role.kubernetes.io/control-plane"] = "";
        taints.push_back(Json{{"key", "node-role.kubernetes.io/control-plane"}, {"effect", "NoSchedule"}});
    }
    for (const auto &[k, v] : n.labels)
        labels[k] = v;
    for (const model::Taint &t : n.taints)
        taints.push_back(Json{{"key", t.key}, {"value", t.value}, {"effect", model::toString(t.effect)}});
    Json spec = Json::object();
    if (!taints.empty())
        spec["taints"] = taints;
    const std::string cpu = model::formatCpuMillis(n.cpuMillis > 0 ? n.cpuMillis : 2000);
    const std::string mem = model::formatBytes(n.memoryBytes > 0 ? n.memoryBytes : (std::int64_t{4} << 30));
    const std::string address = n.address.empty() ? "10.0.0." + std::to_string(100 + index) : n.address;
    Json resources{{"cpu", cpu}, {"memory", mem}, {"pods", std::to_string(n.maxPods)}};
    return Json{{"apiVersion", "v1"},
                {"kind", "Node"},
                {"metadata", {{"name", n.name}, {"labels", labels}}},
                {"spec", spec},
                {"status",
                 {{"capacity", resources},
                  {"allocatable", resources},
                  {"addresses", Json::array({Json{{"type", "InternalIP"}, {"address", address}},
                                             Json{{"type", "Hostname"}, {"address", n.name}}})},
                  {"nodeInfo", {{"kubeletVersion", "v" + m_topology.kubernetesVersion + ".0"},
                                {"containerRuntimeVersion", "containerd://1.7.0"}}}}}};
}

void ClusterSim::bootstrap()
{
    std::vector<Json> objects;
    for (const char *ns : {"default", "kube-system", "kube-public", "kube-node-lease"})
        objects.push_back(Json{{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", ns}}}});
    // The design's workloads, as the generator writes them for `kubectl apply`.
    const generate::GenerateResult generated = generate::generateArtifacts(m_topology);
    for (const generate::GeneratedFile &f : generated.files) {
        if (!f.path.starts_with("manifests/"))
            continue;
        cluster::ManifestResult parsed = cluster::parseManifests(f.content, f.path);
        for (const cluster::ManifestProblem &p : parsed.problems)
            emit(ClusterEvent{0, EventKind::Info, true, "manifest/" + f.path, "Skipped", p.toString()});
        for (Json &o : parsed.objects)
            objects.push_back(std::move(o));
    }
    apply(std::move(objects));
}

void ClusterSim::startNode(NodeRuntime &n)
{
    ++m_routeEpoch;
    n.up = true;
    n.stopped.clear();
    if (n.member != raft::kNone && !m_etcd->isUp(n.member))
        m_etcd->restart(n.member);
    if (n.api) {
        raft::NodeId member = n.member;
        if (member == raft::kNone) // external etcd: the first member that is up
            for (std::size_t i = 0; i < m_etcdNodes.size() && member == raft::kNone; ++i)
                if (m_etcd->isUp(static_cast<raft::NodeId>(i + 1)))
                    member = static_cast<raft::NodeId>(i + 1);
        if (member != raft::kNone)
            n.api->start(member);
    }
    if (n.controllerManager)
        n.controllerManager->start();
    if (n.scheduler)
        n.scheduler->start();
    if (n.kubelet)
        n.kubelet->start();
    if (n.kubeProxy) {
        n.kubeProxy->flushRules(); // a rebooted node starts with an empty iptables
        n.kubeProxy->start();
    }
}

void ClusterSim::stopNode(NodeRuntime &n)
{
    ++m_routeEpoch;
    n.up = false;
    if (n.kubeProxy)
        n.kubeProxy->stop();
    if (n.kubelet)
        n.kubelet->stop();
    if (n.scheduler)
        n.scheduler->stop();
    if (n.controllerManager)
        n.controllerManager->stop();
    if (n.api)
        n.api->stop();
    if (n.member != raft::kNone)
        m_etcd->crash(n.member);
}

ClusterSim::NodeRuntime *ClusterSim::findNode(const std::string &name)
{
    auto it = m_nodeIndex.find(name);
    return it == m_nodeIndex.end() ? nullptr : it->second;
}

const ClusterSim::NodeRuntime *ClusterSim::findNode(const std::string &name) const
{
    auto it = m_nodeIndex.find(name);
    return it == m_nodeIndex.end() ? nullptr : it->second;
}

void ClusterSim::onApplied(raft::NodeId member, const store::ApplyResult &result)
{
    for (const std::string &name : m_cpNodes) {
        NodeRuntime &n = *findNode(name);
        if (n.api && n.api->up() && n.api->member() == member)
            n.api->onApplied(member, result);
    }
}

void ClusterSim::onRaftTimeline()
{
    const std::string leader = etcdLeaderNode();
    const std::uint64_t term = etcdTerm();
    if (leader == m_lastLeaderNode && term == m_lastTerm)
        return;
    if (term != m_lastTerm && m_lastTerm != 0)
        emit(ClusterEvent{0, EventKind::RaftTerm, false, "etcd", "TermChanged",
                          "etcd term " + std::to_string(m_lastTerm) + " -> " + std::to_string(term)});
    if (leader != m_lastLeaderNode) {
        if (leader.empty())
            emit(ClusterEvent{0, EventKind::RaftLeaderChange, true, "etcd/" + m_lastLeaderNode, "LeaderLost",
                              "etcd has no leader (last leader on " + m_lastLeaderNode + ")"});
        else
            emit(ClusterEvent{0, EventKind::RaftLeaderChange, false, "etcd/" + leader, "LeaderElected",
                              "etcd member on " + leader + " elected leader at term " + std::to_string(term)});
    }
    m_lastLeaderNode = leader;
    m_lastTerm = term;
}

std::string ClusterSim::etcdLeaderNode() const
{
    const raft::NodeId id = m_etcd->leader();
    return id == raft::kNone ? std::string() : m_etcdNodes[id - 1];
}

std::uint64_t ClusterSim::etcdTerm() const
{
    std::uint64_t term = 0;
    for (raft::NodeId id : m_etcd->ids())
        if (m_etcd->isUp(id))
            term = std::max(term, m_etcd->node(id).raft().term());
    return term;
}

int ClusterSim::etcdMembersUp() const
{
    int up = 0;
    for (raft::NodeId id : m_etcd->ids())
        up += m_etcd->isUp(id) ? 1 : 0;
    return up;
}

std::string ClusterSim::leaseHolder(const std::string &name) const
{
    for (const std::string &node : m_cpNodes) {
        const NodeRuntime &n = *m_nodes.at(node);
        if (name == "kube-controller-manager" && n.controllerManager && n.controllerManager->leading())
            return n.controllerManager->elector().identity();
        if (name == "kube-scheduler" && n.scheduler && n.scheduler->leading())
            return n.scheduler->elector().identity();
    }
    return {};
}

std::string ClusterSim::leaseHolderNode(const std::string &name) const
{
    const std::string identity = leaseHolder(name);
    return identity.substr(0, identity.rfind('_'));
}

std::string ClusterSim::nodeOf(const scenario::Target &target) const
{
    switch (target.kind) {
    case scenario::Target::Kind::Node:
        return target.name;
    case scenario::Target::Kind::EtcdLeader:
        return etcdLeaderNode();
    case scenario::Target::Kind::LeaseHolder:
        return leaseHolderNode(target.name);
    }
    return {};
}

std::vector<std::string> ClusterSim::stoppedComponents(const std::string &node) const
{
    const NodeRuntime *n = findNode(node);
    return n ? std::vector<std::string>(n->stopped.begin(), n->stopped.end()) : std::vector<std::string>{};
}

bool ClusterSim::nodeUp(const std::string &node) const
{
    const NodeRuntime *n = findNode(node);
    return n && n->up;
}

ApiServer *ClusterSim::apiServer(const std::string &node)
{
    NodeRuntime *n = findNode(node);
    return n ? n->api.get() : nullptr;
}

const cluster::KubeProxy *ClusterSim::kubeProxy(const std::string &node) const
{
    const NodeRuntime *n = findNode(node);
    return n ? n->kubeProxy.get() : nullptr;
}

const cluster::Kubelet *ClusterSim::kubelet(const std::string &node) const
{
    const NodeRuntime *n = findNode(node);
    return n ? n->kubelet.get() : nullptr;
}

const ObjectCache *ClusterSim::freshestCache() const
{
    const ObjectCache *best = nullptr;
    for (const std::string &name : m_cpNodes) {
        const NodeRuntime &n = *m_nodes.at(name);
        if (n.api && n.api->up() && (!best || n.api->cache().revision() > best->revision()))
            best = &n.api->cache();
    }
    return best;
}

// ---- faults -------------------------------------------------------------------------------

bool ClusterSim::killNode(const std::string &node)
{
    NodeRuntime *n = findNode(node);
    if (!n || !n->up)
        return false;
    emit(ClusterEvent{0, EventKind::Fault, true, "node/" + node, "NodeKilled", "node " + node + " was killed"});
    stopNode(*n);
    reconnectAll();
    return true;
}

bool ClusterSim::restartNode(const std::string &node)
{
    NodeRuntime *n = findNode(node);
    if (!n || n->up)
        return false;
    emit(ClusterEvent{0, EventKind::Heal, false, "node/" + node, "NodeRestarted", "node " + node + " was restarted"});
    startNode(*n);
    reconnectAll();
    return true;
}

bool ClusterSim::stopComponent(const std::string &node, const std::string &component)
{
    NodeRuntime *n = findNode(node);
    if (!n || !n->up || n->stopped.count(component))
        return false;
    bool done = true;
    if (component == "kube-apiserver" && n->api)
        n->api->stop();
    else if (component == "etcd" && n->member != raft::kNone)
        m_etcd->crash(n->member);
    else if (component == "kube-controller-manager" && n->controllerManager)
        n->controllerManager->stop();
    else if (component == "kube-scheduler" && n->scheduler)
        n->scheduler->stop();
    else if (component == "kubelet" && n->kubelet)
        n->kubelet->stopProcess(); // its containers keep running
    else if (component == "kube-proxy" && n->kubeProxy)
        n->kubeProxy->stop(); // its rules stay in iptables, frozen
    else if (component == "load-balancer" && n->lbHost)
        ; // the host stays up; its LB and keepalived stop (below)
    else
        done = false;
    if (!done)
        return false;
    ++m_routeEpoch;
    n->stopped.insert(component);
    emit(ClusterEvent{0, EventKind::Fault, true, "node/" + node, "ComponentStopped", component + " stopped on " + node});
    reconnectAll();
    return true;
}

bool ClusterSim::startComponent(const std::string &node, const std::string &component)
{
    NodeRuntime *n = findNode(node);
    if (!n || !n->up || !n->stopped.erase(component))
        return false;
    ++m_routeEpoch;
    if (component == "kube-apiserver" && n->api)
        n->api->start(n->member != raft::kNone ? n->member : 1);
    else if (component == "etcd")
        m_etcd->restart(n->member);
    else if (component == "kube-controller-manager")
        n->controllerManager->start();
    else if (component == "kube-scheduler")
        n->scheduler->start();
    else if (component == "kubelet")
        n->kubelet->start();
    else if (component == "kube-proxy")
        n->kubeProxy->start();
    emit(ClusterEvent{0, EventKind::Heal, false, "node/" + node, "ComponentStarted", component + " started on " + node});
    reconnectAll();
    return true;
}

void ClusterSim::partition(const std::vector<std::vector<std::string>> &groups, bool oneWay)
{
    std::string what;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        what += g ? " | " : "";
        for (std::size_t i = 0; i < groups[g].size(); ++i)
            what += (i ? "," : "") + groups[g][i];
    }
    for (std::size_t a = 0; a < groups.size(); ++a)
        for (std::size_t b = 0; b < groups.size(); ++b) {
            if (a == b || (oneWay && a != 0))
                continue;
            for (const std::string &x : groups[a])
                for (const std::string &y : groups[b]) {
                    ++m_routeEpoch;
                    m_cut.insert({x, y});
                    const NodeRuntime *nx = findNode(x);
                    const NodeRuntime *ny = findNode(y);
                    if (nx && ny && nx->member != raft::kNone && ny->member != raft::kNone)
                        m_etcd->network().cut(nx->member, ny->member);
                }
        }
    emit(ClusterEvent{0, EventKind::Fault, true, "network", "Partitioned",
                      std::string(oneWay ? "one-way partition " : "partition ") + what});
    reconnectAll();
}

bool ClusterSim::zoneOutage(const std::string &zone)
{
    bool any = false;
    emit(ClusterEvent{0, EventKind::Fault, true, "zone/" + zone, "ZoneOutage", "zone " + zone + " lost"});
    for (const std::string &name : m_nodeNames)
        if (m_nodes.at(name)->model.zone == zone)
            any = killNode(name) || any;
    return any;
}

bool ClusterSim::slowDisk(const std::string &node, Micros fsync)
{
    NodeRuntime *n = findNode(node);
    if (!n || n->member == raft::kNone)
        return false;
    m_etcd->setExtraFsyncLatency(n->member, fsync);
    n->slowDisk = fsync > 0;
    emit(ClusterEvent{0, EventKind::Fault, true, "node/" + node, "SlowDisk",
                      "fsync on " + node + " takes " + std::to_string(fsync / kMs) + " ms longer"});
    return true;
}

void ClusterSim::healNode(const std::string &node)
{
    NodeRuntime *n = findNode(node);
    if (!n)
        return;
    if (!n->up) {
        restartNode(node);
        return;
    }
    for (const std::string &c : std::set<std::string>(n->stopped))
        startComponent(node, c);
    if (n->slowDisk) {
        m_etcd->setExtraFsyncLatency(n->member, 0);
        n->slowDisk = false;
        emit(ClusterEvent{0, EventKind::Heal, false, "node/" + node, "DiskHealed", "disk of " + node + " is fast again"});
    }
}

void ClusterSim::healPartitions()
{
    if (m_cut.empty())
        return;
    ++m_routeEpoch;
    m_cut.clear();
    m_etcd->network().heal();
    emit(ClusterEvent{0, EventKind::Heal, false, "network", "Healed", "every network partition healed"});
    reconnectAll();
}

void ClusterSim::healAll()
{
    healPartitions();
    for (const std::string &name : m_nodeNames)
        healNode(name);
}

} // namespace quorum::clustersim
