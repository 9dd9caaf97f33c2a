// The node agents as failure points, on the production-ha template in virtual time:
// * kube-proxy: requests enter at a node and follow its rules; a stopped kube-proxy keeps its
//   rules (iptables) frozen, so the requests entering there still go to an endpoint that has
//   gone, while the other nodes have moved on; restarting it resyncs the rules.
// * kubelet: a stopped kubelet process leaves its containers serving; started again, it adopts
//   them (no restart).
// * probes: a container that stops answering goes NotReady after the readiness probe's
//   failureThreshold and is restarted after the liveness probe's, on the probes' periods.

#include "engine/cluster/Kubelet.h"
#include "engine/cluster/Workloads.h"
#include "engine/clustersim/ClientLoad.h"
#include "engine/clustersim/ClusterSim.h"
#include "engine/model/TopologyYaml.h"

#include "tests/engine/clustersim/BootedCluster.h"

#include <QtTest>

using namespace quorum;
using cluster::Json;
using cluster::kMs;
using cluster::kSecond;
using cluster::Micros;

namespace {

using Booted = test::BootedCluster;

struct Window {
    int sent = 0;
    int failed = 0;
};

/// Outcomes in [from, to) by entry node.
std::map<std::string, Window> byEntry(const clustersim::ClientLoad &load, Micros from, Micros to)
{
    std::map<std::string, Window> out;
    for (const clustersim::RequestOutcome &o : load.outcomes(from, to)) {
        Window &w = out[o.entry];
        ++w.sent;
        w.failed += o.ok ? 0 : 1;
    }
    return out;
}

} // namespace

class TestNodeAgents : public QObject {
    Q_OBJECT
private slots:
    void staleKubeProxyRules()
    {
        Booted b;
        b.sim.runUntil(60 * kSecond);
        clustersim::ClientLoad load(b.sim, "web", 20);
        b.sim.runUntil(70 * kSecond);
        // Every entry node serves while nothing is wrong.
        for (const auto &[entry, w] : byEntry(load, 62 * kSecond, 70 * kSecond)) {
            QVERIFY2(!entry.empty(), "requests enter at a node running kube-proxy");
            QCOMPARE(w.failed, 0);
        }
        // A web pod on a worker other than worker-1; worker-1's kube-proxy stops, then that
        // pod's node dies.
        std::string victim;
        for (const auto &[key, node] : b.podsOf("web"))
            if (node != "worker-1" && node.rfind("worker-", 0) == 0)
                victim = node;
        QVERIFY(!victim.empty());
        QVERIFY(b.sim.stopComponent("worker-1", "kube-proxy"));
        QVERIFY(!b.sim.stopComponent("worker-1", "kube-proxy")); // already stopped
        QVERIFY(b.sim.killNode(victim));
        const Micros killed = b.sim.now();
        // NotReady after 40-50 s; the pods are marked not Ready and leave the Endpoints.
        b.sim.runUntil(killed + 70 * kSecond);
        const auto after = byEntry(load, killed + 60 * kSecond, killed + 70 * kSecond);
        QVERIFY(after.count("worker-1"));
        QVERIFY(after.at("worker-1").failed > 0);       // stale rule to the dead pod
        QVERIFY(after.at("worker-1").failed < after.at("worker-1").sent); // the live targets still work
        for (const auto &[entry, w] : after)
            if (entry != "worker-1") {
                QCOMPARE(w.failed, 0); // kube-proxy there dropped the dead endpoint
                QVERIFY(w.sent > 0);
            }
        QVERIFY(!after.count(victim)); // nothing enters at a node that is down
        // Restarted, worker-1's kube-proxy resyncs at once.
        QVERIFY(b.sim.startComponent("worker-1", "kube-proxy"));
        const Micros restarted = b.sim.now();
        b.sim.runUntil(restarted + 10 * kSecond);
        for (const auto &[entry, w] : byEntry(load, restarted + 1 * kSecond, restarted + 10 * kSecond))
            QCOMPARE(w.failed, 0);
        QVERIFY(b.sim.kubeProxy("worker-1")->lastSync() >= restarted);
    }

    void stoppedKubeletKeepsContainersServing()
    {
        Booted b;
        b.sim.runUntil(60 * kSecond);
        const auto pods = b.podsOf("web");
        QVERIFY(!pods.empty());
        const auto [podKey, node] = pods.front();
        const cluster::Kubelet *kubelet = b.sim.kubelet(node);
        QVERIFY(kubelet->serving(podKey));
        clustersim::ClientLoad load(b.sim, "web", 20);
        QVERIFY(b.sim.stopComponent(node, "kubelet"));
        const Micros stopped = b.sim.now();
        b.sim.runUntil(stopped + 30 * kSecond);
        // Before the node goes NotReady (40 s) nothing notices: the containers keep serving.
        QVERIFY(!kubelet->running());
        QVERIFY(kubelet->serving(podKey));
        QCOMPARE(load.successRate(stopped, stopped + 30 * kSecond), 100.0);
        b.sim.runUntil(stopped + 90 * kSecond);
        QVERIFY(!b.all("NodeNotReady", "node/" + node).empty());
        QVERIFY(kubelet->serving(podKey)); // still running, unsupervised
        QVERIFY(b.sim.startComponent(node, "kubelet"));
        b.sim.runUntil(stopped + 150 * kSecond);
        // Adopted, not restarted: the same container, restartCount 0, Ready again.
        const cluster::ObjectPtr pod = b.sim.freshestCache()->get(podKey);
        QVERIFY(pod);
        QVERIFY(cluster::podReady(*pod));
        QCOMPARE((*pod)["status"]["containerStatuses"][0].value("restartCount", -1), 0);
        QVERIFY(kubelet->serving(podKey));
    }

    void livenessAndReadinessFailures()
    {
        Booted b;
        b.sim.runUntil(60 * kSecond);
        Json labels{{"app", "flaky"}};
        Json container{{"name", "app"},
                       {"image", "registry.k8s.io/pause:3.9"},
                       {"readinessProbe", {{"httpGet", {{"path", "/ready"}, {"port", 8080}}}, {"periodSeconds", 5}, {"failureThreshold", 2}}},
                       {"livenessProbe", {{"httpGet", {{"path", "/healthz"}, {"port", 8080}}}, {"periodSeconds", 10}, {"failureThreshold", 3}}}};
        Json tmpl{{"metadata", {{"labels", labels}, {"annotations", {{"sim.quorum.studio/unhealthy-after", "30s"}}}}},
                  {"spec", {{"containers", Json::array({container})}}}};
        Json deployment{{"apiVersion", "apps/v1"},
                        {"kind", "Deployment"},
                        {"metadata", {{"name", "flaky"}, {"namespace", "default"}}},
                        {"spec", {{"replicas", 1}, {"selector", {{"matchLabels", labels}}}, {"template", tmpl}}}};
        std::vector<std::string> failures;
        b.sim.apply({deployment}, [&](std::vector<std::string> f) { failures = std::move(f); });
        b.sim.runUntil(400 * kSecond);
        QVERIFY(failures.empty());
        const auto pods = b.podsOf("flaky");
        QCOMPARE(pods.size(), std::size_t{1});
        const std::string ref = "pod/default/" + pods.front().first.substr(pods.front().first.rfind('/') + 1);
        const auto started = b.all("Started", ref);
        const auto unhealthy = b.all("Unhealthy", ref);
        const auto killing = b.all("Killing", ref);
        QVERIFY(started.size() >= 2);
        QVERIFY(!killing.empty());
        // Readiness fails first: the 2nd failing probe, within [30 s, 30 s + 2 x 5 s) of the
        // start; liveness kills at the 3rd failing probe, within [30 + 20 s, 30 + 30 s).
        const Micros start = started.front()->time;
        const cluster::ClusterEvent *readiness = nullptr;
        for (const cluster::ClusterEvent *e : unhealthy)
            if (!readiness && e->message.rfind("Readiness", 0) == 0)
                readiness = e;
        QVERIFY(readiness);
        const Micros notReadyAfter = readiness->time - start;
        const Micros killAfter = killing.front()->time - start;
        qInfo("NotReady %.3f s, liveness kill %.3f s after the container started",
              static_cast<double>(notReadyAfter) / 1e6, static_cast<double>(killAfter) / 1e6);
        QVERIFY(notReadyAfter >= 35 * kSecond && notReadyAfter < 40 * kSecond);
        QVERIFY(killAfter >= 50 * kSecond && killAfter < 60 * kSecond);
        QVERIFY(killing.front()->message.find("failed liveness probe") != std::string::npos);
        // Restarted after the back-off (10 s), and again and again (CrashLoopBackOff).
        QVERIFY(started[1]->time - killing.front()->time >= 10 * kSecond);
        const cluster::ObjectPtr pod = b.sim.freshestCache()->get(pods.front().first);
        QVERIFY((*pod)["status"]["containerStatuses"][0].value("restartCount", 0) >= 2);
        QVERIFY(!b.all("BackOff", ref).empty());
    }
};

QTEST_APPLESS_MAIN(TestNodeAgents)
#include "tst_nodeagents.moc"
