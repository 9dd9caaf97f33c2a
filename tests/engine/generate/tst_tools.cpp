// The real programs accept what we generate: `haproxy -c`, `nginx -t`, `keepalived --config-test`,
// `yamllint --strict`, `sh -n`, and the Kubernetes OpenAPI schemas (kubernetes-models, through
// node, strict about unknown fields). Each check also gets a broken input, to show it can fail.

#include "GenerateTestSupport.h"

#include <QDirIterator>

using namespace quorum;
using namespace quorum::generate;
using namespace quorum::generate::test;

namespace {

const QString kSchemaDir = QStringLiteral(QUORUM_SOURCE_DIR "/tests/engine/generate/schema");

/// Generates every template into its own folder under root; returns the folders.
QStringList generateAll(const QString &root)
{
    QStringList dirs;
    for (const QString &name : templateNames()) {
        const QString dir = root + "/" + name;
        if (writeAll(generateTemplate(name), dir))
            dirs << dir;
    }
    // The v1beta4 flavour (Kubernetes 1.31) too.
    const QString dir = root + "/production-ha-1.31";
    if (writeAll(generateTemplate("production-ha", "1.31"), dir))
        dirs << dir;
    // And the test design with HorizontalPodAutoscalers, which no template has.
    const QString autoscaling = root + "/autoscaling";
    if (writeAll(generateArtifacts(loadDesign(testDesignPath("autoscaling"))), autoscaling))
        dirs << autoscaling;
    return dirs;
}

QStringList filesNamed(const QStringList &dirs, const QStringList &patterns)
{
    QStringList out;
    for (const QString &dir : dirs) {
        QDirIterator it(dir, patterns, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            out << it.next();
    }
    out.sort();
    return out;
}

} // namespace

class TestTools : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void haproxyAcceptsTheConfig();
    void nginxAcceptsTheStreamConfig();
    void keepalivedAcceptsTheConfig();
    void healthCheckScriptIsValidShell();
    void yamllintAcceptsEveryYamlFile();
    void everyObjectMatchesTheKubernetesSchemas();
    void brokenInputsAreRejected();

private:
    QTemporaryDir m_root;
    QStringList m_dirs;
    QString m_interface;
};

void TestTools::initTestCase()
{
    QVERIFY(m_root.isValid());
    m_dirs = generateAll(m_root.path());
    QCOMPARE(m_dirs.size(), templateNames().size() + 2);
    for (const QString &nic : QDir("/sys/class/net").entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (nic != "lo" && m_interface.isEmpty())
            m_interface = nic;
}

void TestTools::haproxyAcceptsTheConfig()
{
    QUORUM_REQUIRE_TOOL(HAPROXY_PATH, "haproxy");
    const QStringList configs = filesNamed(m_dirs, {"haproxy.cfg"});
    QVERIFY(configs.size() >= 3);
    for (const QString &cfg : configs) {
        const ToolRun run = runTool(HAPROXY_PATH, {"-c", "-f", cfg});
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(cfg + ":\n" + run.output));
    }
}

void TestTools::nginxAcceptsTheStreamConfig()
{
    QUORUM_REQUIRE_TOOL(NGINX_PATH, "nginx libnginx-mod-stream");
    const QStringList configs = filesNamed(m_dirs, {"nginx.conf"});
    QVERIFY(configs.size() >= 3);
    QTemporaryDir prefix;
    for (const QString &cfg : configs) {
        // pid and error log go to a scratch folder so the check needs no system paths.
        const QString globals = QStringLiteral("pid %1/nginx.pid; error_log %1/error.log;").arg(prefix.path());
        const ToolRun run = runTool(NGINX_PATH, {"-t", "-q", "-c", cfg, "-g", globals});
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(cfg + ":\n" + run.output));
    }
}

void TestTools::keepalivedAcceptsTheConfig()
{
    QUORUM_REQUIRE_TOOL(KEEPALIVED_PATH, "keepalived");
    QVERIFY2(!m_interface.isEmpty(), "keepalived needs a network interface other than lo; none in /sys/class/net");
    const QStringList configs = filesNamed(m_dirs, {"keepalived-*.conf"});
    QVERIFY(configs.size() >= 4);
    for (const QString &cfg : configs) {
        // keepalived checks that the tracked script exists and is safe, and that the interface
        // exists. The user installs the script and picks the interface (the README says so);
        // the test does the same in a private folder, with this machine's first non-loopback
        // interface (VRRP refuses the loopback one).
        QTemporaryDir scratch;
        const QString script = scratch.filePath("check_apiserver.sh");
        QVERIFY(QFile::copy(QFileInfo(cfg).absolutePath() + "/check_apiserver.sh", script));
        QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                          QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
        QByteArray text = readFile(cfg);
        QVERIFY(text.contains("/etc/keepalived/check_apiserver.sh") && text.contains("interface eth0\n"));
        text.replace("/etc/keepalived/check_apiserver.sh", script.toUtf8());
        text.replace("interface eth0\n", "interface " + m_interface.toUtf8() + "\n");
        const QString local = scratch.filePath("keepalived.conf");
        QVERIFY(writeFile(local, text));
        const ToolRun run = runTool(KEEPALIVED_PATH, {"--config-test", "-f", local});
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(cfg + ":\n" + run.output));
    }
}

void TestTools::healthCheckScriptIsValidShell()
{
    const QStringList scripts = filesNamed(m_dirs, {"*.sh"});
    QVERIFY(!scripts.isEmpty());
    for (const QString &script : scripts) {
        QVERIFY2(QFileInfo(script).isExecutable(), qPrintable(script));
        const ToolRun run = runTool("/bin/sh", {"-n", script});
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(script + ":\n" + run.output));
    }
}

void TestTools::yamllintAcceptsEveryYamlFile()
{
    QUORUM_REQUIRE_TOOL(YAMLLINT_PATH, "yamllint");
    const QStringList files = filesNamed(m_dirs, {"*.yaml", "*.yml"});
    QVERIFY(files.size() > 30);
    QStringList args{"--strict", "-f", "parsable", "-c", QStringLiteral(QUORUM_SOURCE_DIR "/tests/engine/generate/yamllint.yaml")};
    const ToolRun run = runTool(YAMLLINT_PATH, args + files, 60000);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.output));
}

void TestTools::everyObjectMatchesTheKubernetesSchemas()
{
    QUORUM_REQUIRE_TOOL(NODE_PATH, "nodejs");
    QVERIFY2(QFileInfo::exists(kSchemaDir + "/node_modules/kubernetes-models-1.33"),
             "the schema validator is not installed: run packaging/setup.sh (npm ci in tests/engine/generate/schema)");
    QStringList files = filesNamed(m_dirs, {"*.yaml"});
    files = files.filter(QRegularExpression("/(manifests|metallb)/"));
    QVERIFY(files.size() > 10);
    // autoscaling/v2 HorizontalPodAutoscalers are among them and get a schema (validate.js
    // counts an object without one as a problem; only --skip-group groups are skipped).
    QVERIFY(std::any_of(files.begin(), files.end(),
                        [](const QString &f) { return readFile(f).contains("kind: HorizontalPodAutoscaler\n"); }));
    // MetalLB's CRDs are not in the Kubernetes schemas; their fields are checked in tst_fields.
    const ToolRun run = runTool(NODE_PATH, QStringList{kSchemaDir + "/validate.js", "--skip-group", "metallb.io"} + files,
                                90000, kSchemaDir);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.output));
    QVERIFY2(run.output.contains(" 0 problem(s)"), qPrintable(run.output));
    qInfo("%s", qPrintable(run.output.trimmed()));
}

void TestTools::brokenInputsAreRejected()
{
    QUORUM_REQUIRE_TOOL(HAPROXY_PATH, "haproxy");
    QUORUM_REQUIRE_TOOL(NGINX_PATH, "nginx");
    QUORUM_REQUIRE_TOOL(YAMLLINT_PATH, "yamllint");
    QUORUM_REQUIRE_TOOL(NODE_PATH, "nodejs");
    QTemporaryDir scratch;
    const QString haproxy = filesNamed(m_dirs, {"haproxy.cfg"}).first();
    QByteArray broken = readFile(haproxy).replace("balance roundrobin", "balance no-such-algorithm");
    QVERIFY(writeFile(scratch.filePath("haproxy.cfg"), broken));
    QVERIFY(runTool(HAPROXY_PATH, {"-c", "-f", scratch.filePath("haproxy.cfg")}).exitCode != 0);

    broken = readFile(filesNamed(m_dirs, {"nginx.conf"}).first()).replace("proxy_pass", "proxy_passs");
    QVERIFY(writeFile(scratch.filePath("nginx.conf"), broken));
    const QString globals = QStringLiteral("pid %1/nginx.pid; error_log %1/error.log;").arg(scratch.path());
    QVERIFY(runTool(NGINX_PATH, {"-t", "-q", "-c", scratch.filePath("nginx.conf"), "-g", globals})
                .exitCode != 0);

    QVERIFY(writeFile(scratch.filePath("bad.yaml"), "---\nkey: yes\nkey: no\n"));
    QVERIFY(runTool(YAMLLINT_PATH, {"--strict", "-c", QStringLiteral(QUORUM_SOURCE_DIR "/tests/engine/generate/yamllint.yaml"),
                                    scratch.filePath("bad.yaml")})
                .exitCode != 0);

    // An unknown field and a wrongly typed one in an otherwise valid Deployment.
    const QString web = m_root.path() + "/production-ha/manifests/100-default-web.yaml";
    QByteArray deployment = readFile(web);
    QVERIFY(deployment.contains("      automountServiceAccountToken: false\n"));
    deployment.replace("      automountServiceAccountToken: false\n",
                       "      automountServiceAccountToken: false\n      hostNetworkk: true\n");
    QVERIFY(writeFile(scratch.filePath("unknown.yaml"), deployment));
    ToolRun run = runTool(NODE_PATH, {kSchemaDir + "/validate.js", scratch.filePath("unknown.yaml")}, 60000, kSchemaDir);
    QVERIFY2(run.exitCode == 1 && run.output.contains("unknown field /spec/template/spec/hostNetworkk"), qPrintable(run.output));
    deployment = readFile(web).replace("replicas: 3", "replicas: \"3\"");
    QVERIFY(writeFile(scratch.filePath("type.yaml"), deployment));
    run = runTool(NODE_PATH, {kSchemaDir + "/validate.js", scratch.filePath("type.yaml")}, 60000, kSchemaDir);
    QVERIFY2(run.exitCode == 1 && run.output.contains("Kubernetes 1.27.1: /spec/replicas type {\"type\":\"integer\"}") &&
                 run.output.contains("Kubernetes 1.33.0: /spec/replicas type {\"type\":\"integer\"}"),
             qPrintable(run.output));

    // The HorizontalPodAutoscaler is checked as strictly: a misspelt field and a quoted number.
    const QString api = m_root.path() + "/autoscaling/manifests/100-shop-api.yaml";
    QByteArray hpa = readFile(api);
    QVERIFY(hpa.contains("          averageUtilization: 70\n") && hpa.contains("  maxReplicas: 12\n"));
    hpa.replace("  maxReplicas: 12\n", "  maxReplica: 12\n");
    QVERIFY(writeFile(scratch.filePath("hpa-unknown.yaml"), hpa));
    run = runTool(NODE_PATH, {kSchemaDir + "/validate.js", scratch.filePath("hpa-unknown.yaml")}, 60000, kSchemaDir);
    QVERIFY2(run.exitCode == 1 && run.output.contains("HorizontalPodAutoscaler/api") && run.output.contains("maxReplicas"),
             qPrintable(run.output));
    hpa = readFile(api).replace("          averageUtilization: 70\n", "          averageUtilization: \"70\"\n");
    QVERIFY(writeFile(scratch.filePath("hpa-type.yaml"), hpa));
    run = runTool(NODE_PATH, {kSchemaDir + "/validate.js", scratch.filePath("hpa-type.yaml")}, 60000, kSchemaDir);
    QVERIFY2(run.exitCode == 1 && run.output.contains("Kubernetes 1.33.0: /spec/metrics/0/resource/target/averageUtilization type"),
             qPrintable(run.output));
}

QTEST_GUILESS_MAIN(TestTools)
#include "tst_tools.moc"
