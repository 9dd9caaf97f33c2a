// Importers: generate -> import gives back the design's workloads (manifests), its nodes and
// settings (kind, kubeadm); `kind: List` is read; unsupported kinds and fields are reported by
// name and place; malformed input gets errors naming file, line, column and field.

#include "GenerateTestSupport.h"

#include "engine/generate/Import.h"

using namespace quorum;
using namespace quorum::generate;
using namespace quorum::generate::test;
using model::Severity;

Q_DECLARE_METATYPE(quorum::model::Severity)

namespace {

/// Every generated file under `prefix` imported and merged, as `quorumctl import` does.
ImportResult importGenerated(const GenerateResult &r, const std::string &prefix)
{
    ImportResult merged;
    for (const GeneratedFile &f : r.files) {
        if (f.path.rfind(prefix, 0) != 0 || f.path.find(".yaml") == std::string::npos)
            continue;
        ImportResult one = importText(f.content, f.path);
        merged.topology = mergeImport(merged.topology, one);
        merged.hasClusterSettings = merged.hasClusterSettings || one.hasClusterSettings;
        merged.diagnostics.insert(merged.diagnostics.end(), one.diagnostics.begin(), one.diagnostics.end());
    }
    return merged;
}

QString describe(const std::vector<ImportDiagnostic> &diagnostics)
{
    QStringList lines;
    for (const ImportDiagnostic &d : diagnostics)
        lines << QString::fromStdString(d.toString());
    return lines.join('\n');
}

template <typename T> std::vector<T> withoutLocations(std::vector<T> items)
{
    for (T &item : items)
        item.location = {};
    return items;
}

const ImportDiagnostic *findDiagnostic(const ImportResult &r, Severity severity, const std::string &text)
{
    for (const ImportDiagnostic &d : r.diagnostics)
        if (d.severity == severity && (d.where.message.find(text) != std::string::npos || d.where.field.find(text) != std::string::npos))
            return &d;
    return nullptr;
}

} // namespace

class TestImport : public QObject {
    Q_OBJECT

private slots:
    void manifestsGiveBackTheWorkloads_data();
    void manifestsGiveBackTheWorkloads();
    void kindConfigGivesBackTheNodes();
    void kubeadmGivesBackTheLayout_data();
    void kubeadmGivesBackTheLayout();
    void listAndUnsupportedKinds();
    void foreignManifest();
    void horizontalPodAutoscalers_data();
    void horizontalPodAutoscalers();
    void secretValuesAreNeverImported();
    void malformedInput_data();
    void malformedInput();
    void formatIsDetected();
    void mergeReplacesByName();
};

void TestImport::manifestsGiveBackTheWorkloads_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("autoscaled");  // workloads with a HorizontalPodAutoscaler
    for (const QString &name : templateNames())
        QTest::newRow(qPrintable(name)) << templatePath(name) << 0;
    QTest::newRow("autoscaling (test design)") << testDesignPath("autoscaling") << 3;
}

void TestImport::manifestsGiveBackTheWorkloads()
{
    QFETCH(QString, path);
    QFETCH(int, autoscaled);
    const model::Topology design = loadDesign(path);
    QCOMPARE(std::count_if(design.workloads.begin(), design.workloads.end(),
                           [](const model::Workload &w) { return w.autoscaling.has_value(); }),
             autoscaled);
    const ImportResult imported = importGenerated(generateArtifacts(design), "manifests/");
    QVERIFY2(!imported.hasErrors(), qPrintable(describe(imported.diagnostics)));
    QVERIFY2(imported.atLeast(Severity::Warning).empty(), qPrintable(describe(imported.diagnostics)));
    const auto expected = withoutLocations(design.workloads);
    const auto got = withoutLocations(imported.topology.workloads);
    QCOMPARE(got.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto it = std::find_if(got.begin(), got.end(), [&](const model::Workload &w) { return w.name == expected[i].name; });
        QVERIFY2(it != got.end(), expected[i].name.c_str());
        QVERIFY2(*it == expected[i], (expected[i].name + " differs after generate -> import").c_str());
    }
    // Secrets: the names and keys the workloads read.
    for (const model::Secret &s : design.secrets) {
        const model::Secret *back = imported.topology.findSecret(s.name);
        QVERIFY2(back, s.name.c_str());
        QCOMPARE(back->keys, s.keys);
    }
    // Storage classes and their backends.
    QCOMPARE(withoutLocations(imported.topology.storageClasses), withoutLocations(design.storageClasses));
    for (const model::StorageBackend &b : design.storageBackends) {
        const model::StorageBackend *back = imported.topology.findStorageBackend(b.name);
        QVERIFY2(back, b.name.c_str());
        QCOMPARE(back->type, b.type);
        if (b.type == model::StorageBackendType::Nfs)
            QCOMPARE(back->endpoint, b.endpoint);
    }
    // The objects the generator derives (RBAC, policies, namespaces) are reported, not dropped.
    QVERIFY(findDiagnostic(imported, Severity::Info, "is generated from the design"));
}

void TestImport::kindConfigGivesBackTheNodes()
{
    const model::Topology design = loadTemplate("production-ha");
    const GenerateResult r = generateArtifacts(design);
    const ImportResult imported = importText(r.find("kind/kind-cluster.yaml")->content, "kind-cluster.yaml");
    QVERIFY2(imported.atLeast(Severity::Warning).empty(), qPrintable(describe(imported.diagnostics)));
    QCOMPARE(imported.format, ImportFormat::KindConfig);
    const model::Topology &t = imported.topology;
    QCOMPARE(t.name, design.name);
    QCOMPARE(t.timings, design.timings);
    QCOMPARE(t.networking, design.networking);
    std::vector<std::string> expectedNodes;
    for (const model::Node &n : design.nodes)
        if (n.role == model::NodeRole::ControlPlane || n.role == model::NodeRole::Worker)
            expectedNodes.push_back(n.name);
    QCOMPARE(t.nodes.size(), expectedNodes.size());
    for (const model::Node &n : t.nodes) {
        const model::Node *original = design.findNode(n.name);
        QVERIFY2(original, n.name.c_str());
        QCOMPARE(n.role, original->role);
        QCOMPARE(n.zone, original->zone);
    }
    QCOMPARE(t.zones.size(), design.zones.size());
}

void TestImport::kubeadmGivesBackTheLayout_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("version");
    QTest::newRow("production-ha v1beta3") << "production-ha" << "1.30";
    QTest::newRow("production-ha v1beta4") << "production-ha" << "1.31";
    QTest::newRow("external-etcd") << "external-etcd" << "1.30";
}

void TestImport::kubeadmGivesBackTheLayout()
{
    QFETCH(QString, name);
    QFETCH(QString, version);
    const model::Topology design = loadTemplate(name);
    GenerateOptions options;
    options.kubernetesVersion = version.toStdString();
    const ImportResult imported = importGenerated(generateArtifacts(design, options), "kubeadm/");
    QVERIFY2(imported.atLeast(Severity::Warning).empty(), qPrintable(describe(imported.diagnostics)));
    QVERIFY(imported.hasClusterSettings);
    const model::Topology &t = imported.topology;
    QCOMPARE(t.name, design.name);
    QCOMPARE(QString::fromStdString(t.kubernetesVersion), version);
    QCOMPARE(t.etcdMode, design.etcdMode);
    QCOMPARE(t.timings, design.timings);
    QCOMPARE(t.networking, design.networking);
    for (const model::Node &n : design.nodes) {
        if (n.role != model::NodeRole::ControlPlane && n.role != model::NodeRole::Worker)
            continue;
        const model::Node *back = t.findNode(n.name);
        QVERIFY2(back, n.name.c_str());
        QCOMPARE(back->role, n.role);
        QCOMPARE(back->zone, n.zone);
        if (n.role == model::NodeRole::ControlPlane)
            QCOMPARE(back->address, n.address);
        QCOMPARE(back->components, n.components);
    }
    const auto etcd = design.nodesRunning(model::Component::Etcd);
    if (design.etcdMode == model::EtcdMode::External) {
        const auto back = t.nodesRunning(model::Component::Etcd);
        QCOMPARE(back.size(), etcd.size());
        for (std::size_t i = 0; i < etcd.size(); ++i)
            QCOMPARE(back[i]->address, etcd[i]->address);
    }
    QCOMPARE(t.loadBalancers.size(), std::size_t(1));
    const model::LoadBalancer *lb = design.findLoadBalancer("api-lb");
    QCOMPARE(t.loadBalancers[0].vip, lb->vip);
    QCOMPARE(t.loadBalancers[0].port, lb->port);
    QCOMPARE(t.loadBalancers[0].targetPort, lb->targetPort);
    QCOMPARE(t.loadBalancers[0].targets, lb->targets);
}

void TestImport::listAndUnsupportedKinds()
{
    const std::string text = "apiVersion: v1\n"
                             "kind: List\n"
                             "items:\n"
                             "  - apiVersion: apps/v1\n"               // line 4
                             "    kind: Deployment\n"
                             "    metadata: {name: api, namespace: shop}\n"
                             "    spec:\n"
                             "      replicas: 2\n"
                             "      selector: {matchLabels: {app: api}}\n"
                             "      template:\n"
                             "        metadata: {labels: {app: api}}\n"
                             "        spec:\n"
                             "          containers:\n"
                             "            - {name: api, image: 'shop/api:1'}\n"
                             "  - apiVersion: v1\n"                    // line 15
                             "    kind: ConfigMap\n"
                             "    metadata: {name: api-config}\n"
                             "    data: {a: b}\n"
                             "---\n"
                             "apiVersion: batch/v1\n"                 // line 20
                             "kind: CronJob\n"
                             "metadata: {name: nightly}\n"
                             "spec: {schedule: '@daily'}\n";
    const ImportResult r = importManifests(text, "list.yaml");
    QVERIFY2(!r.hasErrors(), qPrintable(describe(r.diagnostics)));
    QCOMPARE(r.topology.workloads.size(), std::size_t(1));
    QCOMPARE(r.topology.workloads[0].name, std::string("api"));
    QCOMPARE(r.topology.workloads[0].namespaceName, std::string("shop"));
    QCOMPARE(r.topology.workloads[0].replicas, 2);
    const ImportDiagnostic *configMap = findDiagnostic(r, Severity::Warning, "unsupported kind 'ConfigMap'");
    QVERIFY2(configMap, qPrintable(describe(r.diagnostics)));
    QCOMPARE(configMap->where.line, 15);
    QCOMPARE(configMap->where.file, std::string("list.yaml"));
    QCOMPARE(configMap->where.field, std::string("ConfigMap/api-config"));
    const ImportDiagnostic *cron = findDiagnostic(r, Severity::Warning, "unsupported kind 'CronJob'");
    QVERIFY(cron);
    QCOMPARE(cron->where.line, 20);
}

void TestImport::foreignManifest()
{
    // Not ours: two containers, a ConfigMap variable, a named target port, a second Service.
    const std::string text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: shop}\nspec:\n"
                             "  selector: {matchLabels: {app: shop}}\n"
                             "  template:\n    metadata: {labels: {app: shop, tier: web}}\n    spec:\n"
                             "      hostNetwork: true\n"
                             "      containers:\n"
                             "        - name: shop\n          image: shop:2\n          imagePullPolicy: Always\n"
                             "          ports: [{name: web, containerPort: 8080}]\n"
                             "          env:\n            - {name: MODE, value: prod}\n"
                             "            - name: URL\n              valueFrom: {configMapKeyRef: {name: c, key: url}}\n"
                             "        - {name: sidecar, image: envoy:1}\n"
                             "---\napiVersion: v1\nkind: Service\nmetadata: {name: shop}\n"
                             "spec: {selector: {app: shop}, ports: [{port: 80, targetPort: web}]}\n"
                             "---\napiVersion: v1\nkind: Service\nmetadata: {name: shop-admin}\n"
                             "spec: {selector: {app: shop}, ports: [{port: 9000}]}\n";
    const ImportResult r = importManifests(text, "shop.yaml");
    QVERIFY2(!r.hasErrors(), qPrintable(describe(r.diagnostics)));
    QCOMPARE(r.topology.workloads.size(), std::size_t(1));
    const model::Workload &w = r.topology.workloads[0];
    QCOMPARE(w.service.type, model::ServiceType::ClusterIP);
    QCOMPARE(w.service.port, 80);
    QCOMPARE(w.service.targetPort, 8080);
    QCOMPARE(w.env.size(), std::size_t(1));
    QVERIFY(findDiagnostic(r, Severity::Warning, "container 'sidecar' is not imported"));
    QVERIFY(findDiagnostic(r, Severity::Warning, "URL reads something other than a Secret key"));
    QVERIFY(findDiagnostic(r, Severity::Warning, "already has a Service"));
    const ImportDiagnostic *host = findDiagnostic(r, Severity::Info, "hostNetwork");
    QVERIFY(host);
    QCOMPARE(host->where.line, 9);
    QVERIFY(findDiagnostic(r, Severity::Info, "imagePullPolicy"));
}

void TestImport::horizontalPodAutoscalers_data()
{
    // A Deployment (lines 1-9) and an HPA: apiVersion at line 11, spec at 14, its fields from 15.
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("minReplicas");  // -1: the workload gets no autoscaling
    QTest::addColumn<int>("maxReplicas");
    QTest::addColumn<int>("cpu");     // -1: no CPU target
    QTest::addColumn<int>("memory");  // -1: no memory target
    QTest::addColumn<Severity>("severity");
    QTest::addColumn<QString>("message");  // empty: no warning at all
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("field");
    const QString deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n"
                               "  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n"
                               "    spec: {containers: [{name: web, image: nginx, resources: {requests: {cpu: 100m, memory: 64Mi}}}]}\n"
                               "---\napiVersion: %1\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n";
    const QString v2 = deployment.arg("autoscaling/v2");
    const QString target = "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n";
    const QString range = "  minReplicas: 2\n  maxReplicas: 8\n";
    const QString cpu60 = "  metrics:\n    - {type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}}\n";
    const QString p = "HorizontalPodAutoscaler/web.spec";
    QTest::newRow("v2: CPU and memory")
        << v2 + target + range + cpu60 +
               "    - {type: Resource, resource: {name: memory, target: {type: Utilization, averageUtilization: 70}}}\n"
        << 2 << 8 << 60 << 70 << Severity::Warning << "" << 0 << "";
    QTest::newRow("v1: targetCPUUtilizationPercentage")
        << deployment.arg("autoscaling/v1") + target + range + "  targetCPUUtilizationPercentage: 50\n"
        << 2 << 8 << 50 << -1 << Severity::Warning << "" << 0 << "";
    QTest::newRow("v1: no target, Kubernetes' default")
        << deployment.arg("autoscaling/v1") + target + "  maxReplicas: 4\n" << 1 << 4 << 80 << -1 << Severity::Info
        << "Kubernetes' default of 80 % CPU" << 11 << "HorizontalPodAutoscaler/web";
    QTest::newRow("v2beta2: read as v2")
        << deployment.arg("autoscaling/v2beta2") + target + range + cpu60 << 2 << 8 << 60 << -1 << Severity::Info
        << "autoscaling/v2beta2 was removed in Kubernetes 1.26" << 11 << "HorizontalPodAutoscaler/web";
    QTest::newRow("v2: Pods metric")
        << v2 + target + range + cpu60 + "    - {type: Pods, pods: {metric: {name: rps}, target: {type: AverageValue, averageValue: '10'}}}\n"
        << 2 << 8 << 60 << -1 << Severity::Warning << "metric type 'Pods' has no counterpart" << 20 << p + ".metrics[1].type";
    QTest::newRow("v2: External metric")
        << v2 + target + range + "  metrics:\n    - type: External\n      external: {metric: {name: queue}, target: {type: Value, value: '5'}}\n"
        << 2 << 8 << -1 << -1 << Severity::Warning << "metric type 'External'" << 19 << p + ".metrics[0].type";
    QTest::newRow("v2: AverageValue target")
        << v2 + target + range + cpu60 +
               "    - {type: Resource, resource: {name: memory, target: {type: AverageValue, averageValue: 500Mi}}}\n"
        << 2 << 8 << 60 << -1 << Severity::Warning << "a memory target of type 'AverageValue' has no counterpart" << 20
        << p + ".metrics[1].resource.target.type";
    QTest::newRow("v2: scaling behavior") << v2 + target + range + cpu60 +
                                                 "  behavior: {scaleDown: {stabilizationWindowSeconds: 60}}\n"
                                          << 2 << 8 << 60 << -1 << Severity::Warning << "'behavior' has no counterpart" << 20
                                          << p + ".behavior";
    QTest::newRow("target not in the manifests")
        << v2 + "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}\n" + range + cpu60 << -1 << 0 << -1
        << -1 << Severity::Warning << "scales Deployment 'api', which is not among the imported workloads" << 15
        << p + ".scaleTargetRef";
    QTest::newRow("target of another kind")
        << v2 + "  scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: web}\n" + range + cpu60 << -1 << 0 << -1
        << -1 << Severity::Warning << "scales StatefulSet 'web'" << 15 << p + ".scaleTargetRef";
}

void TestImport::horizontalPodAutoscalers()
{
    QFETCH(QString, text);
    QFETCH(int, minReplicas);
    QFETCH(int, maxReplicas);
    QFETCH(int, cpu);
    QFETCH(int, memory);
    QFETCH(Severity, severity);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(QString, field);
    const ImportResult r = importManifests(text.toStdString(), "hpa.yaml");
    QVERIFY2(!r.hasErrors(), qPrintable(describe(r.diagnostics)));
    QCOMPARE(r.topology.workloads.size(), std::size_t(1));
    const model::Workload &w = r.topology.workloads[0];
    QCOMPARE(w.replicas, 2);
    if (minReplicas < 0) {
        QVERIFY(!w.autoscaling);
    } else {
        QVERIFY(w.autoscaling);
        QCOMPARE(w.autoscaling->minReplicas, minReplicas);
        QCOMPARE(w.autoscaling->maxReplicas, maxReplicas);
        QCOMPARE(w.autoscaling->targetCpuUtilization.value_or(-1), cpu);
        QCOMPARE(w.autoscaling->targetMemoryUtilization.value_or(-1), memory);
    }
    if (message.isEmpty()) {
        QVERIFY2(r.atLeast(Severity::Info).empty(), qPrintable(describe(r.diagnostics)));
        return;
    }
    const ImportDiagnostic *d = findDiagnostic(r, severity, message.toStdString());
    QVERIFY2(d, qPrintable(describe(r.diagnostics)));
    QCOMPARE(d->where.file, std::string("hpa.yaml"));
    QCOMPARE(d->where.line, line);
    QCOMPARE(QString::fromStdString(d->where.field), field);
}

void TestImport::secretValuesAreNeverImported()
{
    const std::string text = "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\n"
                             "data: {password: aHVudGVyMg==}\nstringData: {user: admin}\n";
    const ImportResult r = importManifests(text, "secret.yaml");
    QCOMPARE(r.topology.secrets.size(), std::size_t(1));
    QCOMPARE(r.topology.secrets[0].keys, (std::vector<std::string>{"password", "user"}));
    QVERIFY(findDiagnostic(r, Severity::Warning, "never imported"));
    const std::string yaml = model::topologyToYaml(mergeImport(loadTemplate("production-ha"), r));
    QVERIFY(yaml.find("aHVudGVyMg") == std::string::npos && yaml.find("admin") == std::string::npos);
}

void TestImport::malformedInput_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    const QString deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n"
                               "  replicas: %1\n  selector: {matchLabels: {app: web}}\n"
                               "  template:\n    metadata: {labels: {app: web}}\n"
                               "    spec: {containers: [{name: web, image: %2}]}\n";
    QTest::newRow("syntax") << "a: [1, 2\nb: c\n" << 2 << 2 << "" << "YAML syntax error";
    QTest::newRow("word for a number") << deployment.arg("three", "nginx") << 5 << 13 << "Deployment/web.spec.replicas"
                                       << "expected an integer, found 'three'";
    QTest::newRow("quoted number") << deployment.arg("\"3\"", "nginx") << 5 << 13 << "Deployment/web.spec.replicas"
                                   << "found a quoted string";
    QTest::newRow("negative") << deployment.arg("-1", "nginx") << 5 << 13 << "Deployment/web.spec.replicas"
                              << "out of range";
    QTest::newRow("image is a list") << deployment.arg("1", "[a, b]") << 9 << 44
                                     << "Deployment/web.spec.template.spec.containers[0].image" << "expected a string";
    QTest::newRow("not an object") << "- just\n- a list\n" << 1 << 1 << "" << "expected a Kubernetes object";
    QTest::newRow("no kind") << "apiVersion: v1\nmetadata: {name: x}\n" << 1 << 1 << "kind" << "missing kind";
    QTest::newRow("autoscaler without maxReplicas")
        << QString(deployment.arg("1", "nginx")) +
               "---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n"
               "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n"
        << 15 << 3 << "HorizontalPodAutoscaler/web.spec.maxReplicas" << "needs maxReplicas";
    QTest::newRow("autoscaler percentage is a word")
        << QString(deployment.arg("1", "nginx")) +
               "---\napiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n"
               "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 3\n"
               "  targetCPUUtilizationPercentage: most\n"
        << 17 << 35 << "HorizontalPodAutoscaler/web.spec.targetCPUUtilizationPercentage" << "expected an integer, found 'most'";
    QTest::newRow("bad quantity") << QString(deployment.arg("1", "nginx"))
                                         .replace("image: nginx}", "image: nginx, resources: {requests: {cpu: lots}}}")
                                  << 9 << 79 << "Deployment/web.spec.template.spec.containers[0].resources.requests.cpu"
                                  << "'lots' is not a CPU quantity";
}

void TestImport::malformedInput()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const ImportResult r = importManifests(text.toStdString(), "bad.yaml");
    QVERIFY(r.hasErrors());
    const auto errors = r.atLeast(Severity::Error);
    const ImportDiagnostic &d = errors.front();
    QCOMPARE(d.where.file, std::string("bad.yaml"));
    QVERIFY2(QString::fromStdString(d.where.message).contains(message), qPrintable(describe(r.diagnostics)));
    QCOMPARE(QString::fromStdString(d.where.field), field);
    QCOMPARE(d.where.line, line);
    QCOMPARE(d.where.column, column);
}

void TestImport::formatIsDetected()
{
    const GenerateResult r = generateTemplate("external-etcd");
    QCOMPARE(importText(r.find("kind/kind-cluster.yaml")->content).format, ImportFormat::KindConfig);
    QCOMPARE(importText(r.find("kubeadm/init-cp-1.yaml")->content).format, ImportFormat::KubeadmConfig);
    QCOMPARE(importText(r.find("manifests/100-default-api.yaml")->content).format, ImportFormat::Manifests);
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("binary.yaml"), QByteArray("a\0b", 3)));
    const ImportResult binary = importFile(dir.filePath("binary.yaml").toStdString());
    QVERIFY(binary.hasErrors());
    QVERIFY(importFile(dir.filePath("missing.yaml").toStdString()).hasErrors());
}

void TestImport::mergeReplacesByName()
{
    model::Topology base = loadTemplate("production-ha");
    ImportResult update;
    model::Workload web = *base.findWorkload("web");
    web.replicas = 7;
    model::Workload extra = web;
    extra.name = "extra";
    update.topology.workloads = {web, extra};
    const model::Topology merged = mergeImport(base, update);
    QCOMPARE(merged.workloads.size(), base.workloads.size() + 1);
    QCOMPARE(merged.findWorkload("web")->replicas, 7);
    QCOMPARE(merged.workloads.front().name, std::string("web"));
    QCOMPARE(merged.nodes, base.nodes);
    QCOMPARE(merged.timings, base.timings);
}

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
