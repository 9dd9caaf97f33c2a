// Generated artifacts: every family for every template, byte-identical output, one API endpoint
// everywhere, the kubeadm API version by Kubernetes version, no plaintext secret, golden files.
// Rewrite the golden files with QUORUM_REWRITE_GOLDEN=1 and review the diff.

#include "GenerateTestSupport.h"

#include "engine/generate/Yaml.h"
#include "engine/model/Findings.h"

#include <yaml-cpp/yaml.h>

#include <QDirIterator>
#include <QRegularExpression>

using namespace quorum;
using namespace quorum::generate;
using namespace quorum::generate::test;

namespace {

QStringList families(const GenerateResult &r)
{
    QStringList out;
    for (const GeneratedFile &f : r.files) {
        const QString family = QString::fromStdString(f.path.substr(0, f.path.find('/')));
        if (!out.contains(family))
            out << family;
    }
    out.sort();
    return out;
}

std::vector<YAML::Node> documents(const GenerateResult &r, const std::string &path)
{
    const GeneratedFile *f = r.find(path);
    if (!f)
        return {};
    return YAML::LoadAll(f->content);
}

YAML::Node documentOfKind(const GenerateResult &r, const std::string &path, const std::string &kind)
{
    for (const YAML::Node &d : documents(r, path))
        if (d["kind"] && d["kind"].as<std::string>() == kind)
            return d;
    return YAML::Node();
}

QString goldenDir(const QString &name)
{
    return QStringLiteral(QUORUM_SOURCE_DIR "/tests/engine/generate/testdata/golden/") + name;
}

} // namespace

class TestArtifacts : public QObject {
    Q_OBJECT

private slots:
    void everyTemplateGeneratesItsFamilies_data();
    void everyTemplateGeneratesItsFamilies();
    void productionHaHasEveryFamily();
    void outputIsDeterministic_data();
    void outputIsDeterministic();
    void apiEndpointIsTheSameEverywhere();
    void keepalivedUsesTheDesignsInterface();
    void kubeadmApiFollowsKubernetesVersion_data();
    void kubeadmApiFollowsKubernetesVersion();
    void badKubernetesVersionIsAnError_data();
    void badKubernetesVersionIsAnError();
    void noPlaintextSecretInAnyFile();
    void horizontalPodAutoscalers_data();
    void horizontalPodAutoscalers();
    void horizontalPodAutoscalerText();
    void daemonSetIsNeverAutoscaled();
    void golden_data();
    void golden();
    void yamlScalars_data();
    void yamlScalars();
    void writeRefusesPathsOutsideTheFolder();
};

void TestArtifacts::everyTemplateGeneratesItsFamilies_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : templateNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestArtifacts::everyTemplateGeneratesItsFamilies()
{
    QFETCH(QString, name);
    const model::Topology t = loadTemplate(name);
    QVERIFY(!t.name.empty());
    const GenerateResult r = generateArtifacts(t);
    QVERIFY2(r.ok(), r.error.value_or("").c_str());
    QVERIFY(r.find("README.md"));
    QVERIFY(r.find("secrets/README.md"));
    const QStringList got = families(r);
    for (const char *always : {"kubeadm", "kind", "kubespray"})
        QVERIFY2(got.contains(always), qPrintable(got.join(',')));
    QCOMPARE(got.contains("etcd"), t.etcdMode == model::EtcdMode::External);
    QCOMPARE(got.contains("manifests"), !t.workloads.empty());
    bool metallb = false, selfHosted = false;
    for (const model::LoadBalancer &lb : t.loadBalancers) {
        metallb = metallb || (lb.type == model::LoadBalancerType::MetalLB && !lb.vip.empty());
        selfHosted = selfHosted || (!lb.isManaged() && lb.type != model::LoadBalancerType::IngressController);
    }
    QCOMPARE(got.contains("metallb"), metallb);
    QCOMPARE(got.contains("loadbalancer"), selfHosted);
    // One kubeadm file per kubelet or API server node: init for the first, join for the others.
    int kubeadmFiles = 0;
    for (const GeneratedFile &f : r.files)
        kubeadmFiles += f.path.rfind("kubeadm/", 0) == 0;
    int nodes = 0;
    for (const model::Node &n : t.nodes)
        nodes += n.runs(model::Component::ApiServer) || n.runs(model::Component::Kubelet);
    QCOMPARE(kubeadmFiles, nodes);
}

void TestArtifacts::productionHaHasEveryFamily()
{
    // The issue's "done when": every family from resources/templates/production-ha.yaml (stacked
    // etcd, so the etcd family comes from external-etcd.yaml).
    QStringList got = families(generateTemplate("production-ha"));
    got << families(generateTemplate("external-etcd"));
    for (const char *family : {"loadbalancer", "etcd", "kubeadm", "kind", "kubespray", "metallb", "manifests", "secrets"})
        QVERIFY2(got.contains(family), family);
    for (const std::string &family : artifactFamilies())
        QVERIFY2(got.contains(QString::fromStdString(family)), family.c_str());
}

void TestArtifacts::outputIsDeterministic_data()
{
    everyTemplateGeneratesItsFamilies_data();
}

void TestArtifacts::outputIsDeterministic()
{
    QFETCH(QString, name);
    const model::Topology t = loadTemplate(name);
    const GenerateResult first = generateArtifacts(t);
    const GenerateResult second = generateArtifacts(t);
    QVERIFY(first.files == second.files);
    // Saved and loaded again (locations differ, the design does not): the same bytes.
    const model::LoadResult again = model::parseTopology(model::topologyToYaml(t), "again.yaml");
    QVERIFY(again.ok());
    const GenerateResult third = generateArtifacts(*again.topology);
    QCOMPARE(third.files.size(), first.files.size());
    for (std::size_t i = 0; i < first.files.size(); ++i) {
        QCOMPARE(third.files[i].path, first.files[i].path);
        QVERIFY2(third.files[i].content == first.files[i].content, first.files[i].path.c_str());
    }
    // Written twice to disk: byte-identical trees.
    QTemporaryDir a, b;
    QVERIFY(writeAll(first, a.path()) && writeAll(second, b.path()));
    for (const GeneratedFile &f : first.files)
        QCOMPARE(readFile(a.filePath(QString::fromStdString(f.path))), readFile(b.filePath(QString::fromStdString(f.path))));
}

// The VIP's interface is a field of the load balancer (eth0 unless the design says otherwise).
void TestArtifacts::keepalivedUsesTheDesignsInterface()
{
    model::Topology t = loadTemplate("production-ha");
    for (model::LoadBalancer &lb : t.loadBalancers)
        if (lb.name == "api-lb")
            lb.vipInterface = "bond0";
    const GenerateResult r = generateArtifacts(t, GenerateOptions{});
    for (const char *host : {"lb-1", "lb-2"}) {
        const std::string ka = r.find(std::string("loadbalancer/api-lb/keepalived-") + host + ".conf")->content;
        QVERIFY2(ka.find("    interface bond0\n") != std::string::npos, host);
        QVERIFY(ka.find("eth0") == std::string::npos);
    }
}

void TestArtifacts::apiEndpointIsTheSameEverywhere()
{
    const GenerateResult r = generateTemplate("production-ha");
    const std::string endpoint = "10.0.0.10:6443";
    QCOMPARE(documentOfKind(r, "kubeadm/init-cp-1.yaml", "ClusterConfiguration")["controlPlaneEndpoint"].as<std::string>(),
             endpoint);
    for (const char *join : {"kubeadm/join-cp-2.yaml", "kubeadm/join-worker-3.yaml"})
        QCOMPARE(documentOfKind(r, join, "JoinConfiguration")["discovery"]["bootstrapToken"]["apiServerEndpoint"]
                     .as<std::string>(),
                 endpoint);
    const YAML::Node sans = documentOfKind(r, "kubeadm/init-cp-1.yaml", "ClusterConfiguration")["apiServer"]["certSANs"];
    std::vector<std::string> sanList = sans.as<std::vector<std::string>>();
    for (const char *san : {"10.0.0.10", "api-lb", "lb-1", "lb-2"})
        QVERIFY2(std::find(sanList.begin(), sanList.end(), san) != sanList.end(), san);

    const std::string haproxy = r.find("loadbalancer/api-lb/haproxy.cfg")->content;
    QVERIFY(haproxy.find("bind *:6443") != std::string::npos);
    QVERIFY(haproxy.find("option httpchk GET /healthz") != std::string::npos);
    QVERIFY(haproxy.find("inter 2s fall 3 rise 2") != std::string::npos);
    for (const char *backend : {"10.0.1.11:6443", "10.0.2.11:6443", "10.0.3.11:6443"})
        QVERIFY2(haproxy.find(backend) != std::string::npos, backend);
    QVERIFY(r.find("loadbalancer/api-lb/nginx.conf")->content.find("listen 6443;") != std::string::npos);
    for (const char *host : {"lb-1", "lb-2"}) {
        const std::string ka = r.find(std::string("loadbalancer/api-lb/keepalived-") + host + ".conf")->content;
        QVERIFY(ka.find("virtual_ipaddress {\n        10.0.0.10\n") != std::string::npos);
    }
    QVERIFY(r.find("loadbalancer/api-lb/keepalived-lb-1.conf")->content.find("state MASTER") != std::string::npos);
    QVERIFY(r.find("loadbalancer/api-lb/keepalived-lb-2.conf")->content.find("state BACKUP") != std::string::npos);
    QVERIFY(r.find("loadbalancer/api-lb/keepalived-lb-1.conf")->content.find("    interface eth0\n") != std::string::npos);
    const YAML::Node all = documents(r, "kubespray/inventory/group_vars/all/all.yml").at(0);
    QCOMPARE(all["loadbalancer_apiserver"]["address"].as<std::string>(), std::string("10.0.0.10"));
    QCOMPARE(all["loadbalancer_apiserver"]["port"].as<int>(), 6443);
    QVERIFY(r.find("README.md")->content.find("`10.0.0.10:6443`") != std::string::npos);
}

void TestArtifacts::kubeadmApiFollowsKubernetesVersion_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("apiVersion");
    QTest::addColumn<bool>("listArgs");
    QTest::newRow("1.25") << "1.25" << "kubeadm.k8s.io/v1beta3" << false;
    QTest::newRow("1.30") << "1.30" << "kubeadm.k8s.io/v1beta3" << false;
    QTest::newRow("1.31") << "1.31" << "kubeadm.k8s.io/v1beta4" << true;
    QTest::newRow("v1.33.2") << "v1.33.2" << "kubeadm.k8s.io/v1beta4" << true;
}

void TestArtifacts::kubeadmApiFollowsKubernetesVersion()
{
    QFETCH(QString, version);
    QFETCH(QString, apiVersion);
    QFETCH(bool, listArgs);
    const GenerateResult r = generateTemplate("production-ha", version.toStdString());
    QVERIFY2(r.ok(), r.error.value_or("").c_str());
    for (const YAML::Node &doc : documents(r, "kubeadm/init-cp-1.yaml")) {
        if (doc["apiVersion"].as<std::string>().rfind("kubeadm", 0) == 0)
            QCOMPARE(QString::fromStdString(doc["apiVersion"].as<std::string>()), apiVersion);
    }
    const YAML::Node cluster = documentOfKind(r, "kubeadm/init-cp-1.yaml", "ClusterConfiguration");
    QCOMPARE(cluster["controllerManager"]["extraArgs"].IsSequence(), listArgs);
    QCOMPARE(cluster["controllerManager"]["extraArgs"].IsMap(), !listArgs);
    const YAML::Node init = documentOfKind(r, "kubeadm/init-cp-1.yaml", "InitConfiguration");
    QCOMPARE(init["nodeRegistration"]["kubeletExtraArgs"].IsSequence(), listArgs);
    // kind gets its kubeadm patch in the same shape, since kind uses the same kubeadm API.
    const YAML::Node kind = documents(r, "kind/kind-cluster.yaml").at(0);
    const YAML::Node patch = YAML::Load(kind["kubeadmConfigPatches"][0].as<std::string>());
    QCOMPARE(patch["controllerManager"]["extraArgs"].IsSequence(), listArgs);
    const auto parsed = parseKubernetesVersion(version.toStdString());
    QVERIFY(parsed);
    QCOMPARE(QString::fromStdString(cluster["kubernetesVersion"].as<std::string>()),
             QStringLiteral("v%1.0").arg(QString::fromStdString(parsed->toString())));
}

void TestArtifacts::badKubernetesVersionIsAnError_data()
{
    QTest::addColumn<QString>("version");
    QTest::newRow("not a version") << "latest";
    QTest::newRow("too old") << "1.19";
    QTest::newRow("too new") << "1.99";
    QTest::newRow("trailing text") << "1.30-rc";
}

void TestArtifacts::badKubernetesVersionIsAnError()
{
    QFETCH(QString, version);
    const GenerateResult r = generateTemplate("production-ha", version.toStdString());
    QVERIFY(!r.ok());
    QVERIFY(r.files.empty());
    QVERIFY2(r.error->find(version.toStdString()) != std::string::npos || r.error->find("1.") != std::string::npos,
             r.error->c_str());
}

void TestArtifacts::noPlaintextSecretInAnyFile()
{
    // Every template, plus a design that (against the plaintext-secret rule) holds literal values.
    std::vector<model::Topology> designs;
    for (const QString &name : templateNames())
        designs.push_back(loadTemplate(name));
    model::Topology leaky = loadTemplate("production-ha");
    leaky.workloads[0].env.push_back(model::EnvVar{"DB_PASSWORD", "hunter2-Pl41n", "", ""});
    leaky.workloads[0].env.push_back(model::EnvVar{"STRIPE_API_KEY", "sk_live_abcdef123456", "", ""});
    leaky.workloads[0].env.push_back(model::EnvVar{"LOG_LEVEL", "debug", "", ""});
    designs.push_back(leaky);

    const QRegularExpression secretKind(QStringLiteral("^kind:\\s*Secret\\s*$"), QRegularExpression::MultilineOption);
    for (const model::Topology &t : designs) {
        const GenerateResult r = generateArtifacts(t);
        QVERIFY(r.ok());
        std::vector<std::string> literals;
        for (const model::Workload &w : t.workloads)
            for (const model::EnvVar &e : w.env)
                if (isSecretLikeName(e.name) && !e.value.empty())
                    literals.push_back(e.value);
        for (const GeneratedFile &f : r.files) {
            for (const std::string &literal : literals)
                QVERIFY2(f.content.find(literal) == std::string::npos, (f.path + " holds " + literal).c_str());
            QVERIFY2(!secretKind.match(QString::fromStdString(f.content)).hasMatch(), f.path.c_str());
            // The only token, key or password fields hold ${PLACEHOLDERS} (kubeadm join values).
            const QRegularExpression field(QStringLiteral("^[ \\t]*(- )?(token|certificateKey|password):[ \\t]*(\\S.*)$"),
                                           QRegularExpression::MultilineOption);
            auto it = field.globalMatch(QString::fromStdString(f.content));
            while (it.hasNext()) {
                const QString value = it.next().captured(3);
                QVERIFY2(value.startsWith("\"${") || value.startsWith("${"), qPrintable(QString::fromStdString(f.path) + ": " + value));
            }
        }
    }
    // The withheld values are read from a Secret, explained in secrets/README.md and in the notes.
    const GenerateResult r = generateArtifacts(leaky);
    const std::string web = r.find("manifests/100-default-web.yaml")->content;
    QVERIFY(web.find("name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: web-env\n"
                     "                  key: DB_PASSWORD") != std::string::npos);
    QVERIFY(web.find("value: debug") != std::string::npos);
    QVERIFY(r.find("secrets/README.md")->content.find("create secret generic web-env") != std::string::npos);
    int withheld = 0;
    for (const GenerateNote &n : r.notes)
        withheld += n.element == "workload/web" && n.message.find("left out") != std::string::npos;
    QCOMPARE(withheld, 2);
}

void TestArtifacts::horizontalPodAutoscalers_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("replicas");     // the controller's, as designed; -1 for a DaemonSet
    QTest::addColumn<int>("minReplicas");  // -1: no HorizontalPodAutoscaler in the file
    QTest::addColumn<int>("maxReplicas");
    QTest::addColumn<QStringList>("metrics");  // resource=averageUtilization, in order
    QTest::newRow("Deployment, CPU and memory") << "manifests/100-shop-api.yaml" << "Deployment" << 3 << 3 << 12
                                                << QStringList{"cpu=70", "memory=80"};
    QTest::newRow("StatefulSet, memory") << "manifests/101-shop-queue.yaml" << "StatefulSet" << 3 << 3 << 5
                                         << QStringList{"memory=75"};
    QTest::newRow("Deployment, CPU") << "manifests/102-shop-worker.yaml" << "Deployment" << 2 << 2 << 6 << QStringList{"cpu=60"};
    QTest::newRow("DaemonSet, none") << "manifests/103-shop-log-agent.yaml" << "DaemonSet" << -1 << -1 << -1 << QStringList{};
}

void TestArtifacts::horizontalPodAutoscalers()
{
    QFETCH(QString, file);
    QFETCH(QString, kind);
    QFETCH(int, replicas);
    QFETCH(int, minReplicas);
    QFETCH(int, maxReplicas);
    QFETCH(QStringList, metrics);
    const model::Topology design = loadDesign(testDesignPath("autoscaling"));
    // The test design is a clean one: its HPAs are what a designer would ship.
    const model::FindingCounts counts = model::countFindings(model::checkTopology(design));
    QCOMPARE(counts.errors, 0);
    QCOMPARE(counts.warnings, 0);
    const GenerateResult r = generateArtifacts(design);
    QVERIFY2(r.ok(), r.error.value_or("").c_str());
    const std::vector<YAML::Node> docs = documents(r, file.toStdString());
    QVERIFY2(!docs.empty(), qPrintable(file));
    const QString name = file.section('-', 2).chopped(5);  // "manifests/100-shop-api.yaml" -> "api"
    int controllerAt = -1, budgetAt = -1, hpaAt = -1, policyAt = -1;
    for (int i = 0; i < static_cast<int>(docs.size()); ++i) {
        const std::string k = docs[i]["kind"].as<std::string>();
        controllerAt = k == kind.toStdString() ? i : controllerAt;
        budgetAt = k == "PodDisruptionBudget" ? i : budgetAt;
        hpaAt = k == "HorizontalPodAutoscaler" ? i : hpaAt;
        policyAt = k == "NetworkPolicy" ? i : policyAt;
    }
    QVERIFY(controllerAt >= 0);
    if (replicas >= 0)  // the designed count stays: see docs/generate.md
        QCOMPARE(docs[controllerAt]["spec"]["replicas"].as<int>(), replicas);
    if (minReplicas < 0) {
        QCOMPARE(hpaAt, -1);
        return;
    }
    QVERIFY(hpaAt >= 0);
    // After the budget, before the workload's network policy: the order of the objects around it.
    QVERIFY(budgetAt < hpaAt && hpaAt < policyAt);
    const YAML::Node hpa = docs[hpaAt];
    QCOMPARE(hpa["apiVersion"].as<std::string>(), std::string("autoscaling/v2"));
    QCOMPARE(QString::fromStdString(hpa["metadata"]["name"].as<std::string>()), name);
    QCOMPARE(hpa["metadata"]["namespace"].as<std::string>(), std::string("shop"));
    const YAML::Node ref = hpa["spec"]["scaleTargetRef"];
    QCOMPARE(ref["apiVersion"].as<std::string>(), std::string("apps/v1"));
    QCOMPARE(QString::fromStdString(ref["kind"].as<std::string>()), kind);
    QCOMPARE(QString::fromStdString(ref["name"].as<std::string>()), name);
    QCOMPARE(hpa["spec"]["minReplicas"].as<int>(), minReplicas);
    QCOMPARE(hpa["spec"]["maxReplicas"].as<int>(), maxReplicas);
    QStringList got;
    for (const YAML::Node &m : hpa["spec"]["metrics"]) {
        QCOMPARE(m["type"].as<std::string>(), std::string("Resource"));
        QCOMPARE(m["resource"]["target"]["type"].as<std::string>(), std::string("Utilization"));
        got << QString::fromStdString(m["resource"]["name"].as<std::string>()) + "=" +
                   QString::number(m["resource"]["target"]["averageUtilization"].as<int>());
    }
    QCOMPARE(got, metrics);
}

void TestArtifacts::horizontalPodAutoscalerText()
{
    // The whole object, as kubectl reads it: pinned once, the table above checks the rest.
    const GenerateResult r = generateArtifacts(loadDesign(testDesignPath("autoscaling")));
    const GeneratedFile *f = r.find("manifests/100-shop-api.yaml");
    QVERIFY(f);
    const std::string expected = "---\n"
                                 "apiVersion: autoscaling/v2\n"
                                 "kind: HorizontalPodAutoscaler\n"
                                 "metadata:\n"
                                 "  name: api\n"
                                 "  namespace: shop\n";
    const std::size_t at = f->content.find(expected);
    QVERIFY2(at != std::string::npos, f->content.c_str());
    const std::string spec = "spec:\n"
                             "  scaleTargetRef:\n"
                             "    apiVersion: apps/v1\n"
                             "    kind: Deployment\n"
                             "    name: api\n"
                             "  minReplicas: 3\n"
                             "  maxReplicas: 12\n"
                             "  metrics:\n"
                             "    - type: Resource\n"
                             "      resource:\n"
                             "        name: cpu\n"
                             "        target:\n"
                             "          type: Utilization\n"
                             "          averageUtilization: 70\n"
                             "    - type: Resource\n"
                             "      resource:\n"
                             "        name: memory\n"
                             "        target:\n"
                             "          type: Utilization\n"
                             "          averageUtilization: 80\n";
    QVERIFY2(f->content.find(spec, at) != std::string::npos, f->content.substr(at).c_str());
}

void TestArtifacts::daemonSetIsNeverAutoscaled()
{
    // A design the rules refuse (autoscaling on a DaemonSet) still generates, without an HPA
    // that the API server would reject: a DaemonSet has no scale subresource.
    model::Topology design = loadDesign(testDesignPath("autoscaling"));
    model::Workload *agent = nullptr;
    for (model::Workload &w : design.workloads)
        agent = w.name == "log-agent" ? &w : agent;
    QVERIFY(agent);
    agent->autoscaling = model::Autoscaling{2, 4, 70, std::nullopt};
    QVERIFY(model::countFindings(model::checkTopology(design)).errors > 0);
    const GenerateResult r = generateArtifacts(design);
    QVERIFY(r.ok());
    const GeneratedFile *f = r.find("manifests/103-shop-log-agent.yaml");
    QVERIFY(f);
    QVERIFY(f->content.find("DaemonSet") != std::string::npos);
    QVERIFY(f->content.find("HorizontalPodAutoscaler") == std::string::npos);
}

void TestArtifacts::golden_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("version");
    QTest::newRow("production-ha") << "production-ha" << "";
    QTest::newRow("external-etcd-1.31") << "external-etcd" << "1.31";
}

void TestArtifacts::golden()
{
    QFETCH(QString, name);
    QFETCH(QString, version);
    const GenerateResult r = generateTemplate(name, version.toStdString());
    QVERIFY(r.ok());
    const QString dir = goldenDir(QString(QTest::currentDataTag()));
    if (qEnvironmentVariableIntValue("QUORUM_REWRITE_GOLDEN") == 1) {
        QDir(dir).removeRecursively();
        QVERIFY(writeAll(r, dir));
        qInfo("rewrote %s; review the diff", qPrintable(dir));
        return;
    }
    QStringList expected;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        expected << QDir(dir).relativeFilePath(it.next());
    expected.sort();
    QStringList got;
    for (const GeneratedFile &f : r.files)
        got << QString::fromStdString(f.path);
    QVERIFY2(!expected.isEmpty(), qPrintable("no golden files in " + dir + "; run with QUORUM_REWRITE_GOLDEN=1"));
    QCOMPARE(got, expected);
    for (const GeneratedFile &f : r.files)
        QVERIFY2(readFile(dir + "/" + QString::fromStdString(f.path)) == QByteArray::fromStdString(f.content),
                 qPrintable(QString::fromStdString(f.path) + " differs from its golden file; if the change is "
                                                             "intended, rerun with QUORUM_REWRITE_GOLDEN=1 and review"));
}

void TestArtifacts::yamlScalars_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("written");
    QTest::newRow("word") << "nginx" << "nginx";
    QTest::newRow("image") << "nginx:1.25" << "nginx:1.25";
    QTest::newRow("path") << "/var/lib/etcd" << "/var/lib/etcd";
    QTest::newRow("quantity") << "250m" << "250m";
    QTest::newRow("size") << "10Gi" << "10Gi";
    QTest::newRow("placeholder") << "${KUBEADM_TOKEN}" << "\"${KUBEADM_TOKEN}\"";
    QTest::newRow("empty") << "" << "\"\"";
    QTest::newRow("bool 1.2") << "true" << "\"true\"";
    QTest::newRow("bool 1.1") << "yes" << "\"yes\"";
    QTest::newRow("bool 1.1 upper") << "Off" << "\"Off\"";
    QTest::newRow("null") << "null" << "\"null\"";
    QTest::newRow("integer") << "6443" << "\"6443\"";
    QTest::newRow("float") << "1.30" << "\"1.30\"";
    QTest::newRow("exponent") << "1e3" << "\"1e3\"";
    QTest::newRow("hex") << "0x1F" << "\"0x1F\"";
    QTest::newRow("ip") << "10.0.0.10" << "\"10.0.0.10\"";
    QTest::newRow("sexagesimal") << "12:30" << "\"12:30\"";
    QTest::newRow("dash") << "-U" << "\"-U\"";
    QTest::newRow("colon space") << "a: b" << "\"a: b\"";
    QTest::newRow("comment") << "a #b" << "\"a #b\"";
    QTest::newRow("quote") << "say \"hi\"" << "\"say \\\"hi\\\"\"";
    QTest::newRow("newline") << "a\nb" << "\"a\\nb\"";
    QTest::newRow("star") << "*" << "\"*\"";
}

void TestArtifacts::yamlScalars()
{
    QFETCH(QString, text);
    QFETCH(QString, written);
    QCOMPARE(QString::fromStdString(yamlScalar(text.toStdString())), written);
    // Whatever the writer chose, a YAML reader gives back the same string.
    Yaml doc = Yaml::map();
    doc.set("v", text.toStdString());
    const YAML::Node back = YAML::Load(toYaml(doc));
    QCOMPARE(QString::fromStdString(back["v"].as<std::string>()), text);
    QVERIFY(back["v"].Tag() == "!" || back["v"].Tag() == "?");
}

void TestArtifacts::writeRefusesPathsOutsideTheFolder()
{
    QTemporaryDir dir;
    for (const char *bad : {"../escape.txt", "/etc/passwd", "a/../../b"}) {
        const auto failure = writeArtifacts({GeneratedFile{bad, "x"}}, dir.path().toStdString());
        QVERIFY2(failure.has_value(), bad);
    }
    QVERIFY(!writeArtifacts({GeneratedFile{"ok/file.txt", "x"}}, dir.path().toStdString()).has_value());
    QCOMPARE(readFile(dir.filePath("ok/file.txt")), QByteArray("x"));
}

QTEST_GUILESS_MAIN(TestArtifacts)
#include "tst_artifacts.moc"
