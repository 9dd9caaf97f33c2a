// HA rules: each rule fires where it should, with the right numbers, and stays quiet where it
// should not fire.

#include "tests/engine/model/TestDesigns.h"

#include "engine/model/Findings.h"

#include <QtTest>

using namespace quorum::model;
using namespace quorum::model::testing;

Q_DECLARE_METATYPE(quorum::model::Severity)

namespace {

/// Deployment "app" of makeWorkload() with the anti-affinity named in a data row.
Workload appDeployment(int replicas, const QString &antiAffinity)
{
    Workload w = makeWorkload("app", WorkloadKind::Deployment, replicas);
    w.placement.antiAffinity = *parseEnum<AntiAffinity>(antiAffinity.toStdString());
    return w;
}

QString messages(const std::vector<Finding> &fs)
{
    QString out;
    for (const Finding &f : fs)
        out += QString::fromStdString(f.toLine()) + "\n";
    return out;
}

} // namespace

class TestRules : public QObject {
    Q_OBJECT

private slots:
    void quorumArithmetic_data();
    void quorumArithmetic();
    void etcdMembers_data();
    void etcdMembers();
    void noEtcdAtAll();
    void externalEtcdCountsEtcdNodes();
    void controlPlaneCount_data();
    void controlPlaneCount();
    void apiLoadBalancer();
    void loadBalancerRedundancy_data();
    void loadBalancerRedundancy();
    void zoneConcentration_data();
    void zoneConcentration();
    void noZones();
    void stackedNote();
    void workloadCapacity_data();
    void workloadCapacity();
    void workloadInOneZone();
    void statefulStorage_data();
    void statefulStorage();
    void secrets();
    void autoscaling_data();
    void autoscaling();
    void autoscalingCapacity_data();
    void autoscalingCapacity();
    void developmentProfileDowngrades();
    void healthyDesignHasNoErrorsOrWarnings();
    void sortedBySeverity();
    void danglingReferences();
};

void TestRules::quorumArithmetic_data()
{
    QTest::addColumn<int>("members");
    QTest::addColumn<int>("quorum");
    QTest::addColumn<int>("tolerates");
    const int expected[][2] = {{1, 0}, {2, 0}, {2, 1}, {3, 1}, {3, 2}, {4, 2}, {4, 3}};
    for (int n = 1; n <= 7; ++n)
        QTest::newRow(qPrintable(QString("%1 members").arg(n))) << n << expected[n - 1][0] << expected[n - 1][1];
}

void TestRules::quorumArithmetic()
{
    QFETCH(int, members);
    QFETCH(int, quorum);
    QFETCH(int, tolerates);
    QCOMPARE(quorumOf(members), quorum);
    QCOMPARE(failuresTolerated(members), tolerates);
}

void TestRules::etcdMembers_data()
{
    QTest::addColumn<int>("members");
    QTest::addColumn<Severity>("severity");
    QTest::addColumn<QString>("says");
    QTest::newRow("1") << 1 << Severity::Error << "quorum is 1, so this tolerates 0 failures";
    QTest::newRow("2") << 2 << Severity::Error << "2 etcd members: quorum is 2, so this tolerates 0 failures";
    QTest::newRow("3") << 3 << Severity::Info << "quorum is 2, so this tolerates the loss of 1";
    QTest::newRow("4") << 4 << Severity::Warning << "quorum is 3, so this tolerates 1 failures";
    QTest::newRow("5") << 5 << Severity::Info << "quorum is 3, so this tolerates the loss of 2";
    QTest::newRow("6") << 6 << Severity::Warning << "quorum is 4, so this tolerates 2 failures";
    QTest::newRow("7") << 7 << Severity::Info << "quorum is 4, so this tolerates the loss of 3";
    QTest::newRow("9") << 9 << Severity::Warning << "More than 7 members";
}

void TestRules::etcdMembers()
{
    QFETCH(int, members);
    QFETCH(Severity, severity);
    QFETCH(QString, says);
    // Spread over as many zones as members so only the count rule speaks.
    const Topology t = haCluster(members, 3, std::max(3, members));
    const auto fs = findingsOf(t, "etcd-quorum");
    QCOMPARE(fs.size(), size_t(1));
    QCOMPARE(fs[0].severity, severity);
    QVERIFY2(QString::fromStdString(fs[0].message()).contains(says), qPrintable(messages(fs)));
    QCOMPARE(fs[0].element.kind, ElementKind::Cluster);
}

void TestRules::noEtcdAtAll()
{
    Topology t = haCluster();
    for (Node &n : t.nodes)
        n.components = defaultComponents(n.role, EtcdMode::External);
    const auto fs = findingsOf(t, "etcd-quorum");
    QCOMPARE(fs.size(), size_t(1));
    QCOMPARE(fs[0].severity, Severity::Error);
    QVERIFY(fs[0].message().find("No node runs etcd") != std::string::npos);
}

void TestRules::externalEtcdCountsEtcdNodes()
{
    Topology t = haCluster();
    t.etcdMode = EtcdMode::External;
    for (Node &n : t.nodes)
        n.components = defaultComponents(n.role, EtcdMode::External);
    for (int i = 1; i <= 3; ++i)
        t.nodes.push_back(makeNode("etcd-" + std::to_string(i), NodeRole::Etcd, "z" + std::to_string(i), EtcdMode::External));
    const auto fs = findingsOf(t, "etcd-quorum");
    QCOMPARE(fs.size(), size_t(1));
    QCOMPARE(fs[0].severity, Severity::Info);
    QVERIFY(findingsOf(t, "etcd-stacked").empty());
}

void TestRules::controlPlaneCount_data()
{
    QTest::addColumn<int>("controlPlanes");
    QTest::addColumn<int>("findings");
    QTest::addColumn<Severity>("severity");
    QTest::addColumn<QString>("element");
    QTest::newRow("1: error on the node") << 1 << 1 << Severity::Error << "node/cp-1";
    QTest::newRow("2: warning") << 2 << 1 << Severity::Warning << "cluster";
    QTest::newRow("3: quiet") << 3 << 0 << Severity::Info << "";
    QTest::newRow("5: quiet") << 5 << 0 << Severity::Info << "";
}

void TestRules::controlPlaneCount()
{
    QFETCH(int, controlPlanes);
    QFETCH(int, findings);
    QFETCH(Severity, severity);
    QFETCH(QString, element);
    const auto fs = findingsOf(haCluster(controlPlanes), "control-plane-count");
    QCOMPARE(int(fs.size()), findings);
    if (findings) {
        QCOMPARE(fs[0].severity, severity);
        QCOMPARE(QString::fromStdString(fs[0].element.toString()), element);
    }
}

void TestRules::apiLoadBalancer()
{
    Topology t = haCluster();
    QVERIFY(findingsOf(t, "apiserver-load-balancer").empty());

    t.loadBalancers[0].targets = {"cp-1", "cp-2"};
    auto fs = findingsOf(t, "apiserver-load-balancer");
    QCOMPARE(fs.size(), size_t(1));
    QCOMPARE(fs[0].severity, Severity::Warning);
    QVERIFY2(fs[0].message().find("reaches 2 of 3 API servers; cp-3") != std::string::npos, fs[0].message().c_str());
    QCOMPARE(fs[0].element.toString(), std::string("loadbalancer/api"));

    t.loadBalancers.clear();
    fs = findingsOf(t, "apiserver-load-balancer");
    QCOMPARE(fs.size(), size_t(1));
    QCOMPARE(fs[0].severity, Severity::Error);
    QVERIFY(fs[0].message().find("3 API servers but no load balancer") != std::string::npos);

    // A single API server needs no load balancer for HA (other rules object to it).
    QVERIFY(findingsOf(haCluster(1), "apiserver-load-balancer").empty());
}

void TestRules::loadBalancerRedundancy_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("hosts");
    QTest::addColumn<QString>("vip");
    QTest::addColumn<QString>("says");  // empty: quiet
    QTest::newRow("pair with VIP") << "haproxy" << QStringList{"lb-1", "lb-2"} << "10.0.0.10" << "";
    QTest::newRow("single host") << "haproxy" << QStringList{"lb-1"} << "10.0.0.10" << "single point of failure";
    QTest::newRow("pair without VIP") << "nginx" << QStringList{"lb-1", "lb-2"} << "" << "has no VIP";
    QTest::newRow("no hosts") << "haproxy" << QStringList{} << "" << "has no host nodes";
    QTest::newRow("cloud is managed") << "cloud" << QStringList{} << "" << "";
    QTest::newRow("metallb is managed") << "metallb" << QStringList{} << "10.0.0.20" << "";
}

void TestRules::loadBalancerRedundancy()
{
    QFETCH(QString, type);
    QFETCH(QStringList, hosts);
    QFETCH(QString, vip);
    QFETCH(QString, says);
    Topology t = haCluster();
    LoadBalancer &lb = t.loadBalancers[0];
    lb.type = *parseEnum<LoadBalancerType>(type.toStdString());
    lb.hosts.clear();
    for (const QString &h : hosts)
        lb.hosts.push_back(h.toStdString());
    lb.vip = vip.toStdString();
    const auto fs = findingsOf(t, "load-balancer-spof");
    if (says.isEmpty()) {
        QVERIFY2(fs.empty(), qPrintable(messages(fs)));
        return;
    }
    QCOMPARE(fs.size(), size_t(1));
    QCOMPARE(fs[0].severity, Severity::Warning);
    QVERIFY2(QString::fromStdString(fs[0].message()).contains(says), qPrintable(messages(fs)));
}

void TestRules::zoneConcentration_data()
{
    QTest::addColumn<QStringList>("memberZones");
    QTest::addColumn<QString>("says");  // empty: quiet
    QTest::newRow("3 in 3 zones") << QStringList{"z1", "z2", "z3"} << "";
    QTest::newRow("3 in one zone") << QStringList{"z1", "z1", "z1"} << "3 of 3 etcd members are in z1: losing that zone leaves 0, below the quorum of 2";
    QTest::newRow("2 + 1") << QStringList{"z1", "z1", "z2"} << "2 of 3 etcd members are in z1: losing that zone leaves 1, below the quorum of 2";
    QTest::newRow("5 as 2+2+1") << QStringList{"z1", "z1", "z2", "z2", "z3"} << "";
    QTest::newRow("5 as 3+1+1") << QStringList{"z1", "z1", "z1", "z2", "z3"} << "no zone holds more than 2";
}

void TestRules::zoneConcentration()
{
    QFETCH(QStringList, memberZones);
    QFETCH(QString, says);
    Topology t = haCluster(int(memberZones.size()));
    int i = 0;
    for (Node &n : t.nodes)
        if (n.role == NodeRole::ControlPlane)
            n.zone = memberZones[i++].toStdString();
    const auto fs = findingsOf(t, "etcd-zones");
    if (says.isEmpty()) {
        QVERIFY2(fs.empty(), qPrintable(messages(fs)));
        return;
    }
    QCOMPARE(fs.size(), size_t(1));
    QCOMPARE(fs[0].severity, Severity::Warning);
    QCOMPARE(fs[0].element.kind, ElementKind::Zone);
    QVERIFY2(QString::fromStdString(fs[0].message()).contains(says), qPrintable(messages(fs)));
    // All API servers in one zone is its own finding.
    QCOMPARE(findingsOf(t, "apiserver-zones").size(), size_t(memberZones.count(memberZones[0]) == memberZones.size()));
}

void TestRules::noZones()
{
    const Topology t = haCluster(3, 3, 0);
    QCOMPARE(findingsOf(t, "zones").size(), size_t(1));
    QVERIFY(findingsOf(t, "etcd-zones").empty());
    QVERIFY(findingsOf(haCluster(), "zones").empty());
}

void TestRules::stackedNote()
{
    const auto fs = findingsOf(haCluster(), "etcd-stacked");
    QCOMPARE(fs.size(), size_t(1));
    QCOMPARE(fs[0].severity, Severity::Info);
    QVERIFY(fs[0].message().find("losing a control-plane node loses an etcd member too") != std::string::npos);
}

void TestRules::workloadCapacity_data()
{
    QTest::addColumn<int>("replicas");
    QTest::addColumn<QString>("antiAffinity");
    QTest::addColumn<QString>("selector");  // a node selector value for label "disk"; empty: none
    QTest::addColumn<int>("cpuMillis");
    QTest::addColumn<Severity>("severity");
    QTest::addColumn<QString>("says");  // empty: quiet
    QTest::newRow("3 on 3 workers") << 3 << "required" << "" << 500 << Severity::Info << "";
    QTest::newRow("5 required on 3") << 5 << "required" << "" << 500 << Severity::Error
                                     << "5 replicas with required anti-affinity, but only 3 nodes can hold it: 2 replicas would stay Pending";
    QTest::newRow("5 preferred on 3") << 5 << "preferred" << "" << 500 << Severity::Warning << "runs 5 replicas on 3 nodes";
    QTest::newRow("selector matches nothing") << 2 << "none" << "ssd" << 500 << Severity::Error << "No node can run";
    QTest::newRow("requests too big") << 2 << "none" << "" << 9000 << Severity::Error << "No node can run";
    QTest::newRow("room by requests") << 40 << "none" << "" << 1000 << Severity::Error << "have room for 24";
}

void TestRules::workloadCapacity()
{
    QFETCH(int, replicas);
    QFETCH(QString, antiAffinity);
    QFETCH(QString, selector);
    QFETCH(int, cpuMillis);
    QFETCH(Severity, severity);
    QFETCH(QString, says);
    Topology t = haCluster();
    Workload w = appDeployment(replicas, antiAffinity);
    if (!selector.isEmpty())
        w.placement.nodeSelector["disk"] = selector.toStdString();
    w.resources.cpuRequestMillis = cpuMillis;
    t.workloads.push_back(w);
    const auto fs = findingsOf(t, "workload-capacity");
    if (says.isEmpty()) {
        QVERIFY2(fs.empty(), qPrintable(messages(fs)));
        return;
    }
    QCOMPARE(fs.size(), size_t(1));
    QCOMPARE(fs[0].severity, severity);
    QCOMPARE(fs[0].element.toString(), std::string("workload/app"));
    QVERIFY2(QString::fromStdString(fs[0].message()).contains(says), qPrintable(messages(fs)));
}

void TestRules::workloadInOneZone()
{
    Topology t = haCluster();
    Workload w = makeWorkload("app", WorkloadKind::Deployment, 3);
    w.placement.nodeSelector["disk"] = "ssd";
    t.workloads.push_back(w);
    for (Node &n : t.nodes)
        if (n.zone == "z2" && n.role == NodeRole::Worker)
            n.labels["disk"] = "ssd";
    auto fs = findingsOf(t, "workload-zones");
    QCOMPARE(fs.size(), size_t(1));
    QCOMPARE(fs[0].severity, Severity::Warning);
    QVERIFY(fs[0].message().find("Every node that can run app is in z2: losing that zone loses all 3 replicas") !=
            std::string::npos);

    // Spread over zones but not asked to spread: information only.
    t.workloads[0].placement.nodeSelector.clear();
    t.workloads[0].placement.spreadZones = false;
    fs = findingsOf(t, "workload-zones");
    QCOMPARE(fs.size(), size_t(1));
    QCOMPARE(fs[0].severity, Severity::Info);
    t.workloads[0].placement.spreadZones = true;
    QVERIFY(findingsOf(t, "workload-zones").empty());
}

void TestRules::statefulStorage_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("claimClass");
    QTest::addColumn<bool>("isDefault");
    QTest::addColumn<QString>("rule");  // empty: quiet
    QTest::addColumn<Severity>("severity");
    QTest::newRow("ceph") << "ceph" << "fast" << false << "" << Severity::Info;
    QTest::newRow("node-local") << "node-local" << "fast" << false << "stateful-local-storage" << Severity::Warning;
    QTest::newRow("default class") << "nfs" << "" << true << "" << Severity::Info;
    QTest::newRow("no class, no default") << "nfs" << "" << false << "storage-class" << Severity::Error;
    QTest::newRow("unknown class") << "nfs" << "slow" << true << "storage-class" << Severity::Error;
}

void TestRules::statefulStorage()
{
    QFETCH(QString, backend);
    QFETCH(QString, claimClass);
    QFETCH(bool, isDefault);
    QFETCH(QString, rule);
    QFETCH(Severity, severity);
    Topology t = haCluster();
    t.storageBackends.push_back(StorageBackend{"store", *parseEnum<StorageBackendType>(backend.toStdString()), {}, "", {}});
    StorageClass cls;
    cls.name = "fast";
    cls.backend = "store";
    cls.isDefault = isDefault;
    t.storageClasses.push_back(cls);
    Workload w = makeWorkload("db", WorkloadKind::StatefulSet, 3);
    w.volumeClaims.push_back(VolumeClaim{"data", 1LL << 30, claimClass.toStdString(), AccessMode::ReadWriteOnce, "/data"});
    t.workloads.push_back(w);
    std::vector<Finding> fs;
    for (const char *r : {"stateful-local-storage", "storage-class"})
        for (Finding &f : findingsOf(t, r))
            fs.push_back(f);
    if (rule.isEmpty()) {
        QVERIFY2(fs.empty(), qPrintable(messages(fs)));
        return;
    }
    QCOMPARE(fs.size(), size_t(1));
    QCOMPARE(QString::fromStdString(fs[0].rule), rule);
    QCOMPARE(fs[0].severity, severity);
}

void TestRules::secrets()
{
    Topology t = haCluster();
    Workload w = makeWorkload("db", WorkloadKind::StatefulSet, 3);
    w.env.push_back(EnvVar{"DB_PASSWORD", "hunter2", "", ""});
    w.env.push_back(EnvVar{"LOG_LEVEL", "debug", "", ""});
    w.env.push_back(EnvVar{"API_TOKEN", "", "missing", "token"});
    t.workloads.push_back(w);
    t.secrets.push_back(Secret{"creds", {"password"}, {}});
    auto plain = findingsOf(t, "plaintext-secret");
    QCOMPARE(plain.size(), size_t(1));
    QCOMPARE(plain[0].severity, Severity::Error);
    QVERIFY(plain[0].message().find("DB_PASSWORD") != std::string::npos);
    auto refs = findingsOf(t, "reference");
    QCOMPARE(refs.size(), size_t(1));
    QVERIFY(refs[0].message().find("secret 'missing'") != std::string::npos);

    t.workloads[0].env = {EnvVar{"DB_PASSWORD", "", "creds", "password"}, EnvVar{"X", "", "creds", "nokey"}};
    QVERIFY(findingsOf(t, "plaintext-secret").empty());
    refs = findingsOf(t, "reference");
    QCOMPARE(refs.size(), size_t(1));
    QVERIFY(refs[0].message().find("has no such key") != std::string::npos);
}

void TestRules::autoscaling_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("replicas");
    QTest::addColumn<int>("minReplicas");
    QTest::addColumn<int>("maxReplicas");
    QTest::addColumn<int>("cpu");     // target percent; -1: none
    QTest::addColumn<int>("memory");  // target percent; -1: none
    QTest::addColumn<bool>("requests");  // the workload requests CPU and memory
    QTest::addColumn<bool>("development");
    QTest::addColumn<QString>("rule");  // empty: no autoscaling finding at all
    QTest::addColumn<Severity>("severity");
    QTest::addColumn<QString>("says");
    QTest::newRow("healthy") << "Deployment" << 3 << 3 << 9 << 70 << 80 << true << false << "" << Severity::Info << "";
    QTest::newRow("statefulset") << "StatefulSet" << 3 << 3 << 5 << -1 << 75 << true << false << "" << Severity::Info << "";
    QTest::newRow("daemonset") << "DaemonSet" << 1 << 2 << 4 << 70 << -1 << true << false << "autoscaling" << Severity::Error
                               << "app is a DaemonSet: it runs one pod per node";
    QTest::newRow("min 0") << "Deployment" << 3 << 0 << 4 << 70 << -1 << true << false << "autoscaling" << Severity::Error
                           << "app autoscales down to 0 replicas: a HorizontalPodAutoscaler needs minReplicas of at least 1";
    QTest::newRow("max below min") << "Deployment" << 3 << 4 << 3 << 70 << -1 << true << false << "autoscaling"
                                   << Severity::Error << "up to 3 replicas, fewer than its minimum of 4";
    QTest::newRow("no target") << "Deployment" << 3 << 3 << 6 << -1 << -1 << true << false << "autoscaling"
                               << Severity::Error << "app autoscales but has no target";
    QTest::newRow("cpu target, no cpu request") << "Deployment" << 3 << 3 << 6 << 70 << -1 << false << false << "autoscaling"
                                                << Severity::Error << "app scales by CPU utilisation but requests no CPU";
    QTest::newRow("memory target, no memory request") << "StatefulSet" << 3 << 3 << 6 << -1 << 70 << false << false
                                                      << "autoscaling" << Severity::Error
                                                      << "app scales by memory utilisation but requests no memory";
    QTest::newRow("replicas outside the range") << "Deployment" << 3 << 4 << 8 << 70 << -1 << true << false << "autoscaling"
                                                << Severity::Info << "starts with 3 replicas, outside its autoscaling range of 4 to 8";
    QTest::newRow("down to one: production") << "Deployment" << 3 << 1 << 5 << 70 << -1 << true << false
                                             << "autoscaling-replicas" << Severity::Warning
                                             << "app may scale down to a single replica";
    QTest::newRow("down to one: development") << "Deployment" << 3 << 1 << 5 << 70 << -1 << true << true
                                              << "autoscaling-replicas" << Severity::Info << "scale down to a single replica";
    QTest::newRow("budget at the minimum") << "Deployment" << 3 << 2 << 6 << 70 << -1 << true << false
                                           << "workload-disruption-budget" << Severity::Warning
                                           << "app requires 2 replicas available but may scale down to 2";
}

void TestRules::autoscaling()
{
    QFETCH(QString, kind);
    QFETCH(int, replicas);
    QFETCH(int, minReplicas);
    QFETCH(int, maxReplicas);
    QFETCH(int, cpu);
    QFETCH(int, memory);
    QFETCH(bool, requests);
    QFETCH(bool, development);
    QFETCH(QString, rule);
    QFETCH(Severity, severity);
    QFETCH(QString, says);
    Topology t = haCluster();
    if (development)
        t.profile = Profile::Development;
    Workload w = makeWorkload("app", *parseEnum<WorkloadKind>(kind.toStdString()), replicas);  // minAvailable: replicas - 1
    if (!requests)
        w.resources = Resources{};
    Autoscaling a{minReplicas, maxReplicas, std::nullopt, std::nullopt};
    if (cpu >= 0)
        a.targetCpuUtilization = cpu;
    if (memory >= 0)
        a.targetMemoryUtilization = memory;
    w.autoscaling = a;
    t.workloads.push_back(w);
    const std::vector<std::string> rules{"autoscaling", "autoscaling-replicas", "workload-disruption-budget"};
    if (rule.isEmpty()) {
        for (const std::string &r : rules) {
            const auto fs = findingsOf(t, r);
            QVERIFY2(fs.empty(), qPrintable(messages(fs)));
        }
        const auto all = checkTopology(t);
        QVERIFY2(countFindings(all).errors == 0 && countFindings(all).warnings == 0, qPrintable(messages(all)));
        return;
    }
    const auto fs = findingsOf(t, rule.toStdString());
    QCOMPARE(fs.size(), size_t(1));
    QCOMPARE(fs[0].severity, severity);
    QCOMPARE(fs[0].element.toString(), std::string("workload/app"));
    QVERIFY2(QString::fromStdString(fs[0].message()).contains(says), qPrintable(messages(fs)));
    // Without the autoscaling the finding goes away.
    t.workloads.back().autoscaling.reset();
    const auto after = findingsOf(t, rule.toStdString());
    QVERIFY2(after.empty(), qPrintable(messages(after)));
}

void TestRules::autoscalingCapacity_data()
{
    // haCluster(): three workers of 8 CPU / 32 Gi run the workloads; a pod requests 500m / 512Mi.
    QTest::addColumn<int>("replicas");
    QTest::addColumn<int>("maxReplicas");
    QTest::addColumn<QString>("antiAffinity");
    QTest::addColumn<int>("otherMaxReplicas");  // a second autoscaled workload of 3 replicas; 0: none
    QTest::addColumn<QString>("workloadSays");  // empty: no finding at workload/app
    QTest::addColumn<QString>("clusterSays");   // empty: no cluster-wide finding
    QTest::newRow("room for the maximum") << 3 << 40 << "none" << 0 << "" << "";
    QTest::newRow("maximum beyond the room") << 3 << 60 << "none" << 0
                                             << "app may autoscale to 60 replicas, but the nodes that can run it have "
                                                "room for 48 by their resource requests"
                                             << "With every autoscaler at its maximum, workloads request 30 CPU in all, "
                                                "but the nodes that run them offer 24";
    QTest::newRow("anti-affinity beyond the nodes") << 3 << 5 << "required" << 0
                                                    << "app may autoscale to 5 replicas with required anti-affinity, "
                                                       "but only 3 nodes can hold it"
                                                    << "";
    QTest::newRow("preferred anti-affinity may stack") << 3 << 5 << "preferred" << 0 << "" << "";
    QTest::newRow("two peaks together") << 3 << 30 << "none" << 30 << ""
                                        << "With every autoscaler at its maximum, workloads request 30 CPU in all";
    // Today's replicas already do not fit: workload-capacity and cluster-capacity say so instead.
    QTest::newRow("replicas already beyond the room") << 50 << 60 << "none" << 0 << "" << "";
}

void TestRules::autoscalingCapacity()
{
    QFETCH(int, replicas);
    QFETCH(int, maxReplicas);
    QFETCH(QString, antiAffinity);
    QFETCH(int, otherMaxReplicas);
    QFETCH(QString, workloadSays);
    QFETCH(QString, clusterSays);
    Topology t = haCluster();
    Workload w = appDeployment(replicas, antiAffinity);
    w.autoscaling = Autoscaling{std::min(replicas, 3), maxReplicas, 70, std::nullopt};
    t.workloads.push_back(w);
    if (otherMaxReplicas > 0) {
        Workload other = makeWorkload("other", WorkloadKind::Deployment, 3);
        other.autoscaling = Autoscaling{3, otherMaxReplicas, 70, std::nullopt};
        t.workloads.push_back(other);
    }
    std::vector<Finding> atWorkload, atCluster;
    for (Finding &f : findingsOf(t, "autoscaling-capacity")) {
        QCOMPARE(f.severity, Severity::Warning);
        QVERIFY2(f.element.toString() != "workload/other", f.message().c_str());
        (f.element.toString() == "workload/app" ? atWorkload : atCluster).push_back(std::move(f));
    }
    const auto expect = [](const std::vector<Finding> &found, const QString &says) {
        if (says.isEmpty())
            return found.empty();
        return found.size() == 1 && QString::fromStdString(found[0].message()).contains(says);
    };
    QVERIFY2(expect(atWorkload, workloadSays), qPrintable(messages(atWorkload)));
    QVERIFY2(expect(atCluster, clusterSays), qPrintable(messages(atCluster)));
    if (!atCluster.empty())
        QCOMPARE(atCluster[0].element.toString(), ElementId{}.toString());
    // Without the autoscaling (replicas stay) nothing is left of the rule.
    for (Workload &each : t.workloads)
        each.autoscaling.reset();
    const auto after = findingsOf(t, "autoscaling-capacity");
    QVERIFY2(after.empty(), qPrintable(messages(after)));
}

void TestRules::developmentProfileDowngrades()
{
    Topology t = haCluster(1, 0, 1);
    t.loadBalancers.clear();
    QVERIFY(countFindings(checkTopology(t)).errors > 0);
    t.profile = Profile::Development;
    const auto fs = checkTopology(t);
    QCOMPARE(countFindings(fs).errors, 0);
    QCOMPARE(countFindings(fs).warnings, 0);
    QVERIFY(!findingsOf(t, "etcd-quorum").empty());
    // Broken references are errors in any profile.
    t.nodes[0].zone = "nowhere";
    QCOMPARE(countFindings(checkTopology(t)).errors, 1);
}

void TestRules::healthyDesignHasNoErrorsOrWarnings()
{
    Topology t = haCluster();
    t.workloads.push_back(makeWorkload("web", WorkloadKind::Deployment, 3));
    const auto fs = checkTopology(t);
    const FindingCounts c = countFindings(fs);
    QVERIFY2(c.errors == 0 && c.warnings == 0, qPrintable(messages(fs)));
}

void TestRules::sortedBySeverity()
{
    Topology t = haCluster(2, 1, 1);
    t.workloads.push_back(makeWorkload("web", WorkloadKind::Deployment, 1));
    const auto fs = checkTopology(t);
    QVERIFY(fs.size() >= 3);
    for (std::size_t i = 1; i < fs.size(); ++i)
        QVERIFY(fs[i - 1].severity <= fs[i].severity);
}

void TestRules::danglingReferences()
{
    Topology t = haCluster();
    t.nodes[0].zone = "z9";
    t.loadBalancers[0].hosts.push_back("lb-9");
    t.loadBalancers[0].targets.push_back("ghost");
    t.storageClasses.push_back(StorageClass{"c", "nobackend", false, {}, {}, true, {}});
    const auto fs = findingsOf(t, "reference");
    QCOMPARE(fs.size(), size_t(4));
    for (const Finding &f : fs)
        QCOMPARE(f.severity, Severity::Error);
    QCOMPARE(fs[0].element.toString(), std::string("node/cp-1"));
}

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
