// Attachable volumes on the production-ha template (Ceph RBD, ReadWriteOnce), in virtual time:
// a pod starts only once its volume is attached to its node (VolumeAttachment, attached after
// the attacher's 2 s); when the node dies, the Deployment's replacement pod elsewhere gets
// "Multi-Attach error" and waits while the old pod still holds the volume (Terminating on the
// dead node), and the volume moves when the old node comes back, or — after a force delete of
// the old pod — once maxWaitForUnmount (6 min) has passed, as the attach/detach controller does.

#include "engine/cluster/AttachDetach.h"
#include "engine/cluster/Kubelet.h"
#include "engine/cluster/Workloads.h"
#include "engine/clustersim/ClusterSim.h"
#include "engine/model/TopologyYaml.h"

#include "tests/engine/clustersim/BootedCluster.h"

#include <QtTest>

using namespace quorum;
using cluster::Json;
using cluster::kSecond;
using cluster::Micros;

namespace {

struct Pod {
    std::string key;
    std::string name;
    std::string node;
    std::string phase;
    bool terminating = false;
};

struct Booted : test::BootedCluster {
    std::vector<Pod> pods(const std::string &workload) const
    {
        std::vector<Pod> out;
        const cluster::ObjectCache *cache = sim.freshestCache();
        for (const auto &[key, pod] : cache->list(cluster::res::pods()))
            if (cluster::workloadOf(*pod, *cache) == workload)
                out.push_back({key, cluster::nameOf(*pod), cluster::podNodeName(*pod), cluster::podPhase(*pod),
                               cluster::isTerminating(*pod)});
        return out;
    }
    /// The one pod of `workload` that is not terminating (nullopt if none or several).
    std::optional<Pod> current(const std::string &workload) const
    {
        std::optional<Pod> found;
        for (const Pod &p : pods(workload))
            if (!p.terminating) {
                if (found)
                    return std::nullopt;
                found = p;
            }
        return found;
    }
    /// Nodes the volume of claim `claim` is attached to.
    std::vector<std::string> attachedTo(const std::string &claim) const
    {
        const cluster::ObjectCache *cache = sim.freshestCache();
        cluster::ObjectPtr pvc = cache->get(cluster::res::persistentVolumeClaims(), "default", claim);
        const std::string pv = pvc ? (*pvc)["spec"].value("volumeName", std::string()) : std::string();
        std::vector<std::string> out;
        for (const auto &[key, va] : cache->list(cluster::res::volumeAttachments()))
            if ((*va)["spec"]["source"].value("persistentVolumeName", std::string()) == pv &&
                va->value("status", Json::object()).value("attached", false))
                out.push_back((*va)["spec"].value("nodeName", std::string()));
        return out;
    }
    /// Applies a one-replica Deployment "files" mounting a ReadWriteOnce Ceph RBD claim.
    void applyFiles()
    {
        Json claim{{"apiVersion", "v1"},
                   {"kind", "PersistentVolumeClaim"},
                   {"metadata", {{"name", "files-data"}, {"namespace", "default"}}},
                   {"spec",
                    {{"accessModes", Json::array({"ReadWriteOnce"})},
                     {"storageClassName", "ceph-rbd"},
                     {"resources", {{"requests", {{"storage", "1Gi"}}}}}}}};
        Json labels{{"app", "files"}};
        Json container{{"name", "files"}, {"image", "registry.k8s.io/pause:3.9"},
                       {"volumeMounts", Json::array({Json{{"name", "data"}, {"mountPath", "/data"}}})}};
        Json podSpec{{"containers", Json::array({container})},
                     {"volumes", Json::array({Json{{"name", "data"}, {"persistentVolumeClaim", {{"claimName", "files-data"}}}}})}};
        Json deployment{{"apiVersion", "apps/v1"},
                        {"kind", "Deployment"},
                        {"metadata", {{"name", "files"}, {"namespace", "default"}}},
                        {"spec", {{"replicas", 1},
                                  {"strategy", {{"type", "Recreate"}}},
                                  {"selector", {{"matchLabels", labels}}},
                                  {"template", {{"metadata", {{"labels", labels}}}, {"spec", podSpec}}}}}};
        std::vector<std::string> failures{"not answered"};
        sim.apply({claim, deployment}, [&](std::vector<std::string> f) { failures = std::move(f); });
        sim.runUntil(sim.now() + 30 * kSecond);
        QVERIFY2(failures.empty(), failures.empty() ? "" : failures.front().c_str());
    }
};

} // namespace

class TestVolumes : public QObject {
    Q_OBJECT
private slots:
    void podStartsOnceItsVolumeIsAttached()
    {
        Booted b;
        b.sim.runUntil(60 * kSecond);
        b.applyFiles();
        const auto pod = b.current("files");
        QVERIFY(pod);
        QCOMPARE(pod->phase, std::string("Running"));
        QCOMPARE(b.attachedTo("files-data"), std::vector<std::string>{pod->node});
        const cluster::ClusterEvent *attached = b.find("SuccessfulAttachVolume", "pod/default/" + pod->name);
        const cluster::ClusterEvent *started = b.find("Started", "pod/default/" + pod->name);
        QVERIFY(attached && started);
        QVERIFY(started->time > attached->time); // containers only after the attach
    }

    void readWriteOnceWaitsForTheOldNode()
    {
        Booted b;
        b.sim.runUntil(60 * kSecond);
        b.applyFiles();
        const Pod first = *b.current("files");
        QVERIFY(b.sim.killNode(first.node));
        const Micros killed = b.sim.now();
        // NotReady after 40-50 s, eviction 300 s later: the old pod is Terminating on the dead
        // node, its replacement is scheduled elsewhere but cannot attach the volume.
        b.sim.runUntil(killed + 400 * kSecond);
        const auto replacement = b.current("files");
        QVERIFY(replacement);
        QVERIFY(replacement->node != first.node);
        QVERIFY(!replacement->node.empty());
        const cluster::ClusterEvent *multi = b.find("FailedAttachVolume", "pod/default/" + replacement->name);
        QVERIFY(multi);
        QVERIFY(multi->message.find("Multi-Attach error") != std::string::npos);
        // Long past the 6-minute force-detach window: the old pod still holds the volume.
        b.sim.runUntil(killed + 900 * kSecond);
        QVERIFY(b.current("files")->phase != "Running");
        QCOMPARE(b.attachedTo("files-data"), std::vector<std::string>{first.node});
        QVERIFY(b.find("FailedMount", "pod/default/" + replacement->name));
        // The old node comes back: its kubelet finishes the old pod, the volume detaches from
        // the (healthy) node and attaches to the new one.
        QVERIFY(b.sim.restartNode(first.node));
        const Micros restarted = b.sim.now();
        b.sim.runUntil(restarted + 60 * kSecond);
        const auto now = b.current("files");
        QVERIFY(now);
        QCOMPARE(now->name, replacement->name);
        QCOMPARE(now->phase, std::string("Running"));
        QCOMPARE(b.attachedTo("files-data"), std::vector<std::string>{replacement->node});
        QCOMPARE(b.pods("files").size(), std::size_t{1}); // the old pod is gone
    }

    void forceDeleteWaitsForMaxUnmount()
    {
        Booted b;
        b.sim.runUntil(60 * kSecond);
        b.applyFiles();
        const Pod first = *b.current("files");
        QVERIFY(b.sim.killNode(first.node));
        b.sim.runUntil(b.sim.now() + 400 * kSecond);
        // kubectl delete pod --force on the old pod.
        bool removed = false;
        b.sim.admin().remove(cluster::res::pods(), "default", first.name, 0,
                             [&](const cluster::ApiResult &r) { removed = r.ok(); }, /*force=*/true);
        b.sim.runUntil(b.sim.now() + 2 * kSecond);
        QVERIFY(removed);
        const Micros deleted = b.sim.now();
        // The node is not Ready, so the volume may still be mounted there: force detach only
        // after 6 minutes.
        b.sim.runUntil(deleted + 330 * kSecond);
        QCOMPARE(b.attachedTo("files-data"), std::vector<std::string>{first.node});
        QVERIFY(b.current("files")->phase != "Running");
        b.sim.runUntil(deleted + 400 * kSecond);
        const auto now = b.current("files");
        QVERIFY(now);
        QCOMPARE(now->phase, std::string("Running"));
        QVERIFY(now->node != first.node);
        QCOMPARE(b.attachedTo("files-data"), std::vector<std::string>{now->node});
        const cluster::ClusterEvent *attached = b.find("SuccessfulAttachVolume", "pod/default/" + now->name, deleted);
        QVERIFY(attached);
        qInfo("attached to %s %.1f s after the force delete", now->node.c_str(),
              static_cast<double>(attached->time - deleted) / 1e6);
        QVERIFY(attached->time - deleted >= 360 * kSecond);
    }
};

QTEST_APPLESS_MAIN(TestVolumes)
#include "tst_volumes.moc"
