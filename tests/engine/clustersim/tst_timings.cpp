// The Kubernetes timings of TARGETS.md, measured in virtual time on the production-ha template:
// NotReady after node-monitor-grace-period (40 s; the controller sees heartbeats at its 5 s
// monitor passes, so 40-50 s after the last renewal, as in kube-controller-manager),
// taint-based eviction 300 s after the taint, lease takeover no later than lease-duration +
// retry-period after the holder's last renewal (and not before the lease expired), no lease
// holder while writes are impossible, a minority API server that cannot write and says so, and
// unschedulable pods kept Pending with kube-scheduler's reason.

#include "engine/cluster/Kubelet.h"
#include "engine/cluster/LeaderElector.h"
#include "engine/clustersim/ClusterSim.h"
#include "engine/clustersim/Telemetry.h"
#include "engine/model/TopologyYaml.h"

#include "tests/engine/clustersim/BootedCluster.h"

#include <QtTest>

#include <algorithm>
#include <set>

using namespace quorum;
using cluster::kMs;
using cluster::kSecond;
using cluster::Micros;

namespace {

/// The cluster with the lease-renewal lookup the timing checks need.
struct Booted : test::BootedCluster {
    using BootedCluster::BootedCluster;
    Micros leaseRenew(const std::string &ns, const std::string &name)
    {
        cluster::ObjectPtr lease = sim.freshestCache()->get(cluster::res::leases(), ns, name);
        return cluster::parseTime((*lease)["spec"].value("renewTime", std::string())).value();
    }
};

} // namespace

class TestTimings : public QObject {
    Q_OBJECT
private slots:
    void nodeNotReadyThenEviction()
    {
        Booted b;
        b.sim.runUntil(60 * kSecond);
        QVERIFY(b.sim.killNode("worker-1"));
        b.sim.runUntil(61 * kSecond); // a renewal in flight at the kill lands by now
        const Micros lastRenew = b.leaseRenew("kube-node-lease", "worker-1");
        b.sim.runUntil(500 * kSecond);
        const cluster::ClusterEvent *notReady = b.find("NodeNotReady", "node/worker-1");
        QVERIFY(notReady);
        const Micros silence = notReady->time - lastRenew;
        qInfo("NotReady %.3f s after the last lease renewal", static_cast<double>(silence) / 1e6);
        // The controller notices a renewal at its next 5 s monitor pass and declares the node
        // NotReady at the first pass after the 40 s grace: 40 to 50 s after the renewal.
        QVERIFY(silence > 40 * kSecond);
        QVERIFY(silence <= 50 * kSecond + 100 * kMs);
        const cluster::ClusterEvent *taint = b.find("TaintAdded", "node/worker-1");
        QVERIFY(taint);
        QVERIFY(taint->message.find("node.kubernetes.io/unreachable") != std::string::npos);
        const cluster::ClusterEvent *evicted = b.find("TaintManagerEviction", "");
        QVERIFY(evicted);
        const Micros afterTaint = evicted->time - taint->time;
        qInfo("evicted %.3f s after the taint", static_cast<double>(afterTaint) / 1e6);
        QVERIFY(afterTaint >= 300 * kSecond - kSecond); // timeAdded has whole seconds
        QVERIFY(afterTaint <= 300 * kSecond + 100 * kMs);
        // The replacement runs on another worker.
        int running = 0;
        for (const auto &[key, pod] : b.sim.freshestCache()->list(cluster::res::pods()))
            if (!cluster::isTerminating(*pod) && cluster::podPhase(*pod) == "Running" && cluster::podReady(*pod) &&
                cluster::podNodeName(*pod) != "worker-1" && key.find("/web-") != std::string::npos)
                ++running;
        QCOMPARE(running, 3);
    }

    void leaseTakeoverBound()
    {
        Booted b;
        b.sim.runUntil(30 * kSecond);
        const std::string holder = b.sim.leaseHolder("kube-controller-manager");
        const std::string node = b.sim.leaseHolderNode("kube-controller-manager");
        QVERIFY(!holder.empty());
        QVERIFY(b.sim.stopComponent(node, "kube-controller-manager"));
        b.sim.runUntil(31 * kSecond); // a renewal in flight at the stop lands by now
        const Micros lastRenew = b.leaseRenew("kube-system", "kube-controller-manager");
        b.sim.runUntil(60 * kSecond);
        const std::string next = b.sim.leaseHolder("kube-controller-manager");
        QVERIFY(!next.empty());
        QVERIFY(next != holder);
        const cluster::ClusterEvent *took = b.find("LeaderElection", "lease/kube-system/kube-controller-manager", 30 * kSecond);
        QVERIFY(took);
        const Micros gap = took->time - lastRenew;
        qInfo("takeover %.3f s after the last renewal", static_cast<double>(gap) / 1e6);
        QVERIFY(gap > 15 * kSecond);                 // not before the lease expired
        QVERIFY(gap <= 17 * kSecond + 20 * kMs);     // lease-duration + retry-period (+ request latency)
    }

    void noHolderWithoutQuorum()
    {
        Booted b;
        b.sim.runUntil(30 * kSecond);
        QVERIFY(!b.sim.leaseHolder("kube-scheduler").empty());
        QVERIFY(b.sim.killNode("cp-2"));
        QVERIFY(b.sim.killNode("cp-3"));
        // renew-deadline 10 s + one retry period.
        b.sim.runUntil(43 * kSecond);
        QVERIFY(!b.sim.writesAvailable());
        QCOMPARE(QString::fromStdString(b.sim.leaseHolder("kube-controller-manager")), QString());
        QCOMPARE(QString::fromStdString(b.sim.leaseHolder("kube-scheduler")), QString());
        QVERIFY(b.sim.restartNode("cp-2"));
        b.sim.runUntil(70 * kSecond);
        QVERIFY(b.sim.writesAvailable());
        QVERIFY(!b.sim.leaseHolder("kube-controller-manager").empty());
    }

    // The monitor's write latency: proposal to apply of the API servers' writes in each window,
    // a few milliseconds on a healthy cluster, longer with a slow disk under the etcd leader.
    void writeLatencySampled()
    {
        Booted b;
        b.sim.runUntil(30 * kSecond);
        clustersim::Sampler sampler(b.sim, nullptr);
        sampler.take();
        std::vector<double> healthy;
        for (int i = 31; i <= 40; ++i) {
            b.sim.runUntil(i * kSecond);
            const telemetry::Sample s = sampler.take();
            QVERIFY2(s.writeLatency.p50 > 0, qPrintable(QString::number(i)));
            QVERIFY(s.writeLatency.p99 >= s.writeLatency.p50);
            QVERIFY2(s.writeLatency.p99 < 100, qPrintable(QString::number(s.writeLatency.p99)));
            healthy.push_back(s.writeLatency.p50);
        }
        const std::string leader = b.sim.etcdLeaderNode();
        QVERIFY(b.sim.slowDisk(leader, 40 * kMs));
        std::vector<double> slow;
        for (int i = 42; i <= 50; ++i) {
            b.sim.runUntil(i * kSecond);
            if (b.sim.etcdLeaderNode() != leader)
                break; // a slow leader may lose its term; the samples before tell enough
            slow.push_back(sampler.take().writeLatency.p50);
        }
        QVERIFY(!slow.empty());
        std::sort(healthy.begin(), healthy.end());
        std::sort(slow.begin(), slow.end());
        // Each write waits for the leader's 40 ms fsync.
        QVERIFY2(slow[slow.size() / 2] >= healthy[healthy.size() / 2] + 30,
                 qPrintable(QStringLiteral("%1 vs %2").arg(slow[slow.size() / 2]).arg(healthy[healthy.size() / 2])));
        // With every etcd member down no write commits: the window has none.
        for (const std::string &node : b.sim.etcdNodes())
            QVERIFY(b.sim.killNode(node));
        b.sim.runUntil(55 * kSecond);
        sampler.take();
        b.sim.runUntil(56 * kSecond);
        QCOMPARE(sampler.take().writeLatency, telemetry::LatencyMs{});
    }

    void minorityApiServerSaysSo()
    {
        Booted b;
        b.sim.runUntil(30 * kSecond);
        b.sim.partition({{"cp-1"}, {"cp-2", "cp-3", "worker-1", "worker-2", "worker-3", "lb-1", "lb-2"}}, false);
        b.sim.runUntil(40 * kSecond); // the minority member has lost its leader by now
        clustersim::ApiServer *minority = b.sim.apiServer("cp-1");
        clustersim::ApiServer *majority = b.sim.apiServer("cp-2");
        QVERIFY(!minority->healthy());
        QVERIFY(majority->healthy());
        auto object = [](const char *name) {
            return cluster::Json{{"apiVersion", "v1"},
                                 {"kind", "ConfigMap"},
                                 {"metadata", {{"name", name}, {"namespace", "default"}}},
                                 {"data", {{"k", "v"}}}};
        };
        std::optional<cluster::ApiResult> fromMinority, fromMajority;
        minority->create(object("from-minority"), [&](const cluster::ApiResult &r) { fromMinority = r; });
        majority->create(object("from-majority"), [&](const cluster::ApiResult &r) { fromMajority = r; });
        b.sim.runUntil(50 * kSecond);
        QVERIFY(fromMinority && fromMajority);
        QVERIFY(fromMajority->ok());
        QVERIFY(!fromMinority->ok());
        QVERIFY(fromMinority->status == cluster::ApiStatus::Unavailable || fromMinority->status == cluster::ApiStatus::Timeout);
        QVERIFY2(fromMinority->message.starts_with("etcdserver: "), fromMinority->message.c_str());
        // The load balancer stopped sending to it.
        QCOMPARE(b.sim.healthyApiBackends(), 2);
    }

    void vipMovesToTheBackup()
    {
        Booted b;
        b.sim.runUntil(20 * kSecond);
        QCOMPARE(QString::fromStdString(b.sim.vipHolder()), QStringLiteral("lb-1"));
        QVERIFY(b.sim.killNode("lb-1"));
        b.sim.runUntil(23 * kSecond);
        QCOMPARE(QString::fromStdString(b.sim.vipHolder()), QStringLiteral("lb-1")); // backup still waits
        b.sim.runUntil(26 * kSecond);
        // master_down_interval = 3 x advert_int + skew = 3.61 s, seen at the next advert.
        QCOMPARE(QString::fromStdString(b.sim.vipHolder()), QStringLiteral("lb-2"));
        const cluster::ClusterEvent *moved = b.find("VipMoved", "loadbalancer/api-lb", 20 * kSecond);
        QVERIFY(moved);
        QVERIFY(moved->time - 20 * kSecond >= 3610 * kMs && moved->time - 20 * kSecond <= 5 * kSecond);
        b.sim.runUntil(30 * kSecond);
        QVERIFY(b.sim.writesAvailable()); // clients reach the API through lb-2
        QVERIFY(b.sim.restartNode("lb-1"));
        b.sim.runUntil(32 * kSecond);
        QCOMPARE(QString::fromStdString(b.sim.vipHolder()), QStringLiteral("lb-1")); // preemption
    }

    void daemonSetOnEveryWorker()
    {
        Booted b;
        b.sim.runUntil(20 * kSecond);
        cluster::Json ds{{"apiVersion", "apps/v1"},
                         {"kind", "DaemonSet"},
                         {"metadata", {{"name", "agent"}, {"namespace", "default"}}},
                         {"spec",
                          {{"selector", {{"matchLabels", {{"app", "agent"}}}}},
                           {"template",
                            {{"metadata", {{"labels", {{"app", "agent"}}}}},
                             {"spec", {{"containers", cluster::Json::array({cluster::Json{{"name", "agent"}, {"image", "agent:1"}}})}}}}}}}};
        b.sim.apply({ds});
        b.sim.runUntil(40 * kSecond);
        std::set<std::string> nodes;
        for (const auto &[key, pod] : b.sim.freshestCache()->list(cluster::res::pods()))
            if (key.find("/agent-") != std::string::npos && cluster::podPhase(*pod) == "Running")
                nodes.insert(cluster::podNodeName(*pod));
        // Workers only: control-plane nodes carry kubeadm's NoSchedule taint, not tolerated.
        QCOMPARE(nodes, (std::set<std::string>{"worker-1", "worker-2", "worker-3"}));
        // A killed worker keeps its DaemonSet pod (tolerated forever), it is not recreated.
        QVERIFY(b.sim.killNode("worker-2"));
        b.sim.runUntil(500 * kSecond);
        int agents = 0;
        for (const auto &[key, pod] : b.sim.freshestCache()->list(cluster::res::pods()))
            agents += key.find("/agent-") != std::string::npos && !cluster::isTerminating(*pod) ? 1 : 0;
        QCOMPARE(agents, 3);
    }

    void unschedulableStaysPending()
    {
        Booted b;
        b.sim.runUntil(20 * kSecond);
        cluster::Json big{{"apiVersion", "v1"},
                          {"kind", "Pod"},
                          {"metadata", {{"name", "huge"}, {"namespace", "default"}}},
                          {"spec",
                           {{"containers", cluster::Json::array({cluster::Json{
                                               {"name", "main"},
                                               {"image", "busybox"},
                                               {"resources", {{"requests", {{"cpu", "64"}}}}}}})}}}};
        b.sim.apply({big});
        b.sim.runUntil(30 * kSecond);
        const cluster::ClusterEvent *failed = b.find("FailedScheduling", "pod/default/huge");
        QVERIFY(failed);
        QCOMPARE(QString::fromStdString(failed->message),
                 QStringLiteral("0/6 nodes are available: 3 Insufficient cpu, 3 node(s) had untolerated taint "
                                "{node-role.kubernetes.io/control-plane: }. preemption: 0/6 nodes are available: "
                                "6 Preemption is not helpful for scheduling.."));
        cluster::ObjectPtr pod = b.sim.freshestCache()->get(cluster::res::pods(), "default", "huge");
        QVERIFY(pod);
        QCOMPARE(QString::fromStdString(cluster::podPhase(*pod)), QStringLiteral("Pending"));
        QVERIFY(cluster::podNodeName(*pod).empty());
    }
};

QTEST_APPLESS_MAIN(TestTimings)
#include "tst_timings.moc"
