// Topology YAML: lossless round trips of every template and of a design that sets every field,
// quantities and durations, element ids, and atomic saves.

#include "engine/model/Findings.h"
#include "engine/model/TopologyYaml.h"

#include <QDir>

#include <set>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace quorum::model;

namespace {

QString templatesDir() { return QStringLiteral(QUORUM_SOURCE_DIR "/resources/templates"); }

/// A design in which every field differs from its default, so a writer that forgets one fails.
Topology everyFieldSet()
{
    Topology t;
    t.name = "all-fields";
    t.description = "Every field set: \"quotes\", colons: and # hashes";
    t.profile = Profile::Development;
    t.kubernetesVersion = "1.31";
    t.etcdMode = EtcdMode::External;
    t.timings = Timings{150, 1500, 20000, 12000, 3000, 5000, 2500, 50000, 90000, 120000};
    t.networking = Networking{"10.32.0.0/12", "10.100.0.0/16", "k8s.internal"};
    t.zones = {Zone{"z1", "eu-west", {}}, Zone{"z2", "", {}}};
    Node n;
    n.name = "cp-1";
    n.role = NodeRole::ControlPlane;
    n.zone = "z1";
    n.address = "192.0.2.10";
    n.cpuMillis = 3500;
    n.memoryBytes = 3LL * 1000 * 1000 * 1000;
    n.maxPods = 250;
    n.labels = {{"tier", "gold"}, {"topology.kubernetes.io/zone", "z1"}};
    n.taints = {Taint{"dedicated", "infra", TaintEffect::NoExecute}, Taint{"gpu", "", TaintEffect::PreferNoSchedule}};
    n.components = {Component::ApiServer, Component::Scheduler};
    t.nodes.push_back(n);
    Node etcd;
    etcd.name = "etcd-1";
    etcd.role = NodeRole::Etcd;
    etcd.components = defaultComponents(NodeRole::Etcd, EtcdMode::External);
    t.nodes.push_back(etcd);
    LoadBalancer lb;
    lb.name = "edge";
    lb.type = LoadBalancerType::Nginx;
    lb.hosts = {"cp-1"};
    lb.vip = "192.0.2.100";
    lb.vipInterface = "bond0.100";
    lb.port = 8443;
    lb.targets = {"cp-1"};
    lb.targetPort = 6444;
    lb.algorithm = "leastconn";
    lb.healthCheck = HealthCheck{"", 5000, 4, 1};
    t.loadBalancers.push_back(lb);
    t.storageBackends = {StorageBackend{"nfs", StorageBackendType::Nfs, {"cp-1"}, "nfs:/export", {}}};
    t.storageClasses = {StorageClass{"slow", "nfs", true, ReclaimPolicy::Retain, VolumeBindingMode::Immediate, false, {}}};
    t.secrets = {Secret{"db", {"user", "password"}, {}}};
    Workload w;
    w.name = "db";
    w.kind = WorkloadKind::StatefulSet;
    w.namespaceName = "data";
    w.replicas = 5;
    w.image = "postgres:16";
    w.resources = Resources{1500, 2LL << 30, 2500, 4LL << 30};
    w.ports = {ContainerPort{"pg", 5432, "TCP"}, ContainerPort{"", 9187, "UDP"}};
    w.readiness = Probe{ProbeType::Exec, "", 0, {"pg_isready", "-U", "postgres"}, 5, 7, 4};
    w.liveness = Probe{ProbeType::HttpGet, "/live", 8080, {}, 30, 10, 3};
    w.env = {EnvVar{"MODE", "replica: yes", "", ""}, EnvVar{"PGPASSWORD", "", "db", "password"}};
    w.service = ServiceSpec{ServiceType::NodePort, 5432, 15432};
    w.ingress = IngressSpec{true, "db.example.org", "/admin", "db"};
    w.placement.antiAffinity = AntiAffinity::Preferred;
    w.placement.spreadZones = true;
    w.placement.maxSkew = 2;
    w.placement.nodeSelector = {{"tier", "gold"}};
    w.placement.tolerations = {Toleration{"dedicated", "Equal", "infra", TaintEffect::NoExecute, 600},
                               Toleration{"", "Exists", "", std::nullopt, std::nullopt}};
    w.volumeClaims = {VolumeClaim{"data", 10LL << 30, "slow", AccessMode::ReadWriteOncePod, "/var/lib/pg"}};
    w.minAvailable = 0;
    w.autoscaling = Autoscaling{2, 8, 70, 85};
    t.workloads.push_back(w);
    Workload ds;
    ds.name = "agent";
    ds.kind = WorkloadKind::DaemonSet;
    ds.image = "agent:1";
    t.workloads.push_back(ds);
    return t;
}

} // namespace

class TestTopologyYaml : public QObject {
    Q_OBJECT

private slots:
    void templatesRoundTrip_data();
    void templatesRoundTrip();
    void everyFieldRoundTrips();
    void productionTemplateHasTheRequiredShape();
    void autoscaling_data();
    void autoscaling();
    void quantities_data();
    void quantities();
    void durations_data();
    void durations();
    void elementIds();
    void atomicSave();
    void saveIntoMissingFolderFailsCleanly();
};

void TestTopologyYaml::templatesRoundTrip_data()
{
    QTest::addColumn<QString>("path");
    const auto files = QDir(templatesDir()).entryList({"*.yaml"}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 4, "expected at least the four bundled templates");
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << templatesDir() + "/" + f;
}

void TestTopologyYaml::templatesRoundTrip()
{
    QFETCH(QString, path);
    const LoadResult first = loadTopologyFile(path.toStdString());
    QVERIFY2(first.ok(), first.errors.empty() ? "" : first.errors.front().toString().c_str());
    QVERIFY(!first.topology->nodes.empty());

    const std::string saved = topologyToYaml(*first.topology);
    const LoadResult second = parseTopology(saved, "saved.yaml");
    QVERIFY2(second.ok(), second.errors.empty() ? "" : second.errors.front().toString().c_str());
    QVERIFY(first.topology->sameDesign(*second.topology));
    // Saving is a fixed point: the saved text of the reloaded design is the same text.
    QCOMPARE(topologyToYaml(*second.topology), saved);
    // Element locations point into the file: every node has a line.
    for (const Node &n : first.topology->nodes)
        QVERIFY(n.location.line > 0);
}

void TestTopologyYaml::everyFieldRoundTrips()
{
    const Topology original = everyFieldSet();
    const std::string text = topologyToYaml(original);
    const LoadResult loaded = parseTopology(text, "all.yaml");
    QVERIFY2(loaded.ok(), (loaded.errors.empty() ? std::string() : loaded.errors.front().toString() + "\n" + text).c_str());
    if (!original.sameDesign(*loaded.topology)) {
        qWarning("%s", text.c_str());
        qWarning("%s", topologyToYaml(*loaded.topology).c_str());
    }
    QVERIFY(original.sameDesign(*loaded.topology));
    // A changed field must make the designs differ, or sameDesign proves nothing.
    Topology changed = *loaded.topology;
    changed.workloads[0].placement.tolerations[0].tolerationSeconds = 601;
    QVERIFY(!original.sameDesign(changed));
}

void TestTopologyYaml::autoscaling_data()
{
    QTest::addColumn<QString>("field");  // the workload's autoscaling value as written in the file
    QTest::addColumn<int>("minReplicas");
    QTest::addColumn<int>("maxReplicas");
    QTest::addColumn<int>("cpu");     // -1: no CPU target
    QTest::addColumn<int>("memory");  // -1: no memory target
    QTest::newRow("cpu") << "{minReplicas: 2, maxReplicas: 10, targetCPUUtilizationPercentage: 70}" << 2 << 10 << 70 << -1;
    QTest::newRow("memory, min defaults to 1") << "{maxReplicas: 4, targetMemoryUtilizationPercentage: 80}" << 1 << 4 << -1 << 80;
    QTest::newRow("both, block style")
        << "\n        minReplicas: 3\n        maxReplicas: 3\n        targetCPUUtilizationPercentage: 150\n"
           "        targetMemoryUtilizationPercentage: 60"
        << 3 << 3 << 150 << 60;
    // Values the rules refuse still load, so the designer can open and fix the design.
    QTest::newRow("max below min loads") << "{minReplicas: 0, maxReplicas: 0, targetCPUUtilizationPercentage: 1}" << 0 << 0 << 1 << -1;
}

void TestTopologyYaml::autoscaling()
{
    QFETCH(QString, field);
    QFETCH(int, minReplicas);
    QFETCH(int, maxReplicas);
    QFETCH(int, cpu);
    QFETCH(int, memory);
    const std::string text = "apiVersion: quorum.studio/v1alpha1\nkind: Topology\nmetadata: {name: t}\nspec:\n"
                             "  nodes: [{name: w-1, role: worker}]\n  workloads:\n    - name: web\n      kind: Deployment\n"
                             "      image: nginx\n      resources: {requests: {cpu: 100m, memory: 64Mi}}\n"
                             "      autoscaling: " + field.toStdString() + "\n";
    const LoadResult loaded = parseTopology(text, "hpa.yaml");
    QVERIFY2(loaded.ok(), loaded.errors.empty() ? "" : loaded.errors.front().toString().c_str());
    const std::optional<Autoscaling> &a = loaded.topology->workloads.at(0).autoscaling;
    QVERIFY(a.has_value());
    QCOMPARE(a->minReplicas, minReplicas);
    QCOMPARE(a->maxReplicas, maxReplicas);
    QCOMPARE(a->targetCpuUtilization.value_or(-1), cpu);
    QCOMPARE(a->targetMemoryUtilization.value_or(-1), memory);

    // Written out with every field spelled as read, and read back the same.
    const std::string saved = topologyToYaml(*loaded.topology);
    QVERIFY2(saved.find("      autoscaling:\n        minReplicas: " + std::to_string(minReplicas) + "\n        maxReplicas: " +
                        std::to_string(maxReplicas) + "\n") != std::string::npos,
             saved.c_str());
    QCOMPARE(saved.find("targetCPUUtilizationPercentage") != std::string::npos, cpu >= 0);
    QCOMPARE(saved.find("targetMemoryUtilizationPercentage") != std::string::npos, memory >= 0);
    const LoadResult again = parseTopology(saved, "saved.yaml");
    QVERIFY(again.ok());
    QVERIFY(loaded.topology->sameDesign(*again.topology));
    // The field takes part in equality: without it the design is a different one.
    Topology without = *again.topology;
    without.workloads[0].autoscaling.reset();
    QVERIFY(!loaded.topology->sameDesign(without));
    QVERIFY(topologyToYaml(without).find("autoscaling") == std::string::npos);
}

void TestTopologyYaml::productionTemplateHasTheRequiredShape()
{
    const LoadResult r = loadTopologyFile((templatesDir() + "/production-ha.yaml").toStdString());
    QVERIFY(r.ok());
    const Topology &t = *r.topology;
    QCOMPARE(t.etcdMode, EtcdMode::Stacked);
    QCOMPARE(t.zones.size(), size_t(3));
    QCOMPARE(t.nodesRunning(Component::ApiServer).size(), size_t(3));
    QCOMPARE(t.nodesRunning(Component::Etcd).size(), size_t(3));
    std::set<std::string> cpZones;
    for (const Node *n : t.nodesRunning(Component::ApiServer))
        cpZones.insert(n->zone);
    QCOMPARE(cpZones.size(), size_t(3));
    const LoadBalancer *api = t.findLoadBalancer("api-lb");
    QVERIFY(api);
    QCOMPARE(api->type, LoadBalancerType::HAProxy);
    QCOMPARE(api->hosts.size(), size_t(2));
    QVERIFY(!api->vip.empty());
    const Workload *web = t.findWorkload("web");
    QVERIFY(web);
    QCOMPARE(web->replicas, 3);
    QCOMPARE(web->service.type, ServiceType::LoadBalancer);
    QCOMPARE(web->service.port, 80);
    QCOMPARE(web->service.targetPort, 8080);
    QVERIFY(web->ingress.enabled);
    QCOMPARE(web->ingress.path, std::string("/"));
    const Workload *pg = t.findWorkload("postgres");
    QVERIFY(pg);
    QCOMPARE(pg->kind, WorkloadKind::StatefulSet);
    QCOMPARE(pg->volumeClaims.size(), size_t(1));
    QCOMPARE(pg->volumeClaims[0].sizeBytes, 10LL << 30);
    QVERIFY(t.findStorageClass(pg->volumeClaims[0].storageClass));
    QVERIFY(t.findStorageBackend(t.findStorageClass(pg->volumeClaims[0].storageClass)->backend)->survivesNodeLoss());
    QVERIFY(std::any_of(pg->env.begin(), pg->env.end(), [](const EnvVar &e) { return !e.secretName.empty(); }));
    QCOMPARE(countFindings(checkTopology(t)).errors, 0);
}

void TestTopologyYaml::quantities_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qlonglong>("cpu");    // -1: invalid
    QTest::addColumn<qlonglong>("bytes");  // -1: invalid
    QTest::newRow("whole cores") << "4" << 4000LL << 4LL;
    QTest::newRow("fraction") << "0.5" << 500LL << 1LL;
    QTest::newRow("millicores") << "250m" << 250LL << -1LL;
    QTest::newRow("Gi") << "16Gi" << -1LL << (16LL << 30);
    QTest::newRow("Mi") << "512Mi" << -1LL << (512LL << 20);
    QTest::newRow("G") << "1G" << -1LL << 1000000000LL;
    QTest::newRow("k") << "10k" << -1LL << 10000LL;
    QTest::newRow("exponent") << "1e3" << 1000000LL << 1000LL;
    QTest::newRow("negative") << "-1" << -1LL << -1LL;
    QTest::newRow("garbage") << "lots" << -1LL << -1LL;
    QTest::newRow("bad suffix") << "4Gb" << -1LL << -1LL;
    QTest::newRow("empty") << "" << -1LL << -1LL;
}

void TestTopologyYaml::quantities()
{
    QFETCH(QString, text);
    QFETCH(qlonglong, cpu);
    QFETCH(qlonglong, bytes);
    const auto c = parseCpuMillis(text.toStdString());
    const auto b = parseBytes(text.toStdString());
    QCOMPARE(c.has_value(), cpu >= 0);
    QCOMPARE(b.has_value(), bytes >= 0);
    if (c) {
        QCOMPARE(*c, cpu);
        QCOMPARE(parseCpuMillis(formatCpuMillis(*c)), c);
    }
    if (b) {
        QCOMPARE(*b, bytes);
        QCOMPARE(parseBytes(formatBytes(*b)), b);
    }
}

void TestTopologyYaml::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qlonglong>("ms");  // -1: invalid
    QTest::newRow("ms") << "100ms" << 100LL;
    QTest::newRow("s") << "40s" << 40000LL;
    QTest::newRow("m") << "5m" << 300000LL;
    QTest::newRow("h m") << "1h30m" << 5400000LL;
    QTest::newRow("fraction") << "1.5s" << 1500LL;
    QTest::newRow("zero") << "0" << 0LL;
    QTest::newRow("no unit") << "40" << -1LL;
    QTest::newRow("bad unit") << "3d" << -1LL;
    QTest::newRow("empty") << "" << -1LL;
}

void TestTopologyYaml::durations()
{
    QFETCH(QString, text);
    QFETCH(qlonglong, ms);
    const auto d = parseDurationMs(text.toStdString());
    QCOMPARE(d.has_value(), ms >= 0);
    if (d) {
        QCOMPARE(*d, ms);
        QCOMPARE(parseDurationMs(formatDurationMs(*d)), d);
    }
}

void TestTopologyYaml::elementIds()
{
    for (ElementKind k : allValues<ElementKind>()) {
        const ElementId id{k, k == ElementKind::Cluster ? "" : "x-1"};
        const auto parsed = ElementId::parse(id.toString());
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->toString(), id.toString());
    }
    QCOMPARE(ElementId::parse("node/cp-1")->name, std::string("cp-1"));
    QVERIFY(!ElementId::parse("planet/earth"));
    QVERIFY(!ElementId::parse("node/"));
    QVERIFY(!ElementId::parse(""));
}

void TestTopologyYaml::atomicSave()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("design.yaml").toStdString();
    const Topology t = everyFieldSet();
    QCOMPARE(saveTopologyFile(t, path), std::optional<std::string>());
    const LoadResult back = loadTopologyFile(path);
    QVERIFY(back.ok());
    QVERIFY(t.sameDesign(*back.topology));
    // Saving over an existing file replaces it whole and leaves no temporary behind.
    Topology smaller = t;
    smaller.workloads.clear();
    QCOMPARE(saveTopologyFile(smaller, path), std::optional<std::string>());
    QVERIFY(loadTopologyFile(path).topology->workloads.empty());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

void TestTopologyYaml::saveIntoMissingFolderFailsCleanly()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("no/such/folder/design.yaml").toStdString();
    const auto error = saveTopologyFile(everyFieldSet(), path);
    QVERIFY(error.has_value());
    QVERIFY2(error->find(path) != std::string::npos, error->c_str());
    QVERIFY(!QFile::exists(QString::fromStdString(path)));
}

QTEST_GUILESS_MAIN(TestTopologyYaml)
#include "tst_topologyyaml.moc"
