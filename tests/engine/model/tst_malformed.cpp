// Malformed topology input: each case must be refused with a message that names the place
// (line, column, field) and says what is wrong.

#include "engine/model/TopologyYaml.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace quorum::model;

namespace {

const char *kHeader = "apiVersion: quorum.studio/v1alpha1\n"
                      "kind: Topology\n"
                      "metadata:\n"
                      "  name: t\n"
                      "spec:\n"
                      "  nodes:\n";

std::string describe(const LoadResult &r)
{
    std::string out;
    for (const Diagnostic &d : r.errors)
        out += d.toString() + "\n";
    return out;
}

} // namespace

class TestMalformed : public QObject {
    Q_OBJECT

private slots:
    void rejected_data();
    void rejected();
    void allSchemaErrorsAreListed();
    void emptyAndMissingFiles();
    void hugeFileWithErrorAtTheEnd();
    void oversizedFileIsRefusedBeforeParsing();
    void binaryFile();
};

void TestMalformed::rejected_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");  // a substring of the first diagnostic

    const QString h = QString::fromLatin1(kHeader);
    QTest::newRow("syntax: unclosed flow") << h + "    - {name: a, role: worker\n" << 8 << 1 << ""
                                           << "YAML syntax error";
    QTest::newRow("syntax: bad indentation") << h + "    - name: a\n   role: worker\n" << 8 << 4 << ""
                                             << "YAML syntax error";
    QTest::newRow("syntax: tab") << QString("apiVersion: x\n\tkind: Topology\n") << 2 << 1 << ""
                                 << "YAML syntax error";
    QTest::newRow("unknown field with suggestion") << h + "    - name: a\n      rol: worker\n" << 8 << 7
                                                   << "spec.nodes[0].rol" << "unknown field 'rol' (did you mean 'role'?)";
    QTest::newRow("unknown field without suggestion") << h + "    - name: a\n      role: worker\n      colour: red\n"
                                                      << 9 << 7 << "spec.nodes[0].colour" << "valid fields:";
    QTest::newRow("unknown top-level field") << QString("apiVersion: quorum.studio/v1alpha1\nkind: Topology\n"
                                                        "metadata: {name: t}\nspecs: {}\n")
                                             << 4 << 1 << "specs" << "did you mean 'spec'?";
    QTest::newRow("wrong type: number") << h + "    - name: a\n      role: worker\n      maxPods: many\n" << 9 << 16
                                        << "spec.nodes[0].maxPods" << "expected a whole number, found 'many'";
    QTest::newRow("wrong type: list for string") << h + "    - name: [a, b]\n      role: worker\n" << 7 << 13
                                                 << "spec.nodes[0].name" << "expected a string, found a sequence";
    QTest::newRow("wrong type: nodes not a list") << h.left(h.size() - 1) + " cp-1\n" << 6 << 10 << "spec.nodes"
                                                  << "expected a list, found a scalar";
    QTest::newRow("wrong type: node not a mapping") << h + "    - cp-1\n" << 7 << 7 << "spec.nodes[0]"
                                                    << "expected a mapping, found a scalar";
    QTest::newRow("bad enum with suggestion") << h + "    - name: a\n      role: wroker\n" << 8 << 13
                                              << "spec.nodes[0].role" << "did you mean 'worker'?";
    QTest::newRow("bad quantity") << h + "    - name: a\n      role: worker\n      memory: 16 gigs\n" << 9 << 15
                                  << "spec.nodes[0].memory" << "is not a size";
    QTest::newRow("bad duration") << QString("apiVersion: quorum.studio/v1alpha1\nkind: Topology\nmetadata: {name: t}\n"
                                             "spec:\n  etcd: {electionTimeout: soon}\n  nodes: []\n")
                                  << 5 << 27 << "spec.etcd.electionTimeout" << "is not a duration";
    QTest::newRow("port out of range") << QString("apiVersion: quorum.studio/v1alpha1\nkind: Topology\nmetadata: {name: t}\n"
                                                  "spec:\n  nodes: []\n  loadBalancers:\n    - {name: lb, type: haproxy, port: 70000}\n")
                                       << 7 << 39 << "spec.loadBalancers[0].port" << "out of range";
    QTest::newRow("bad VIP interface") << QString("apiVersion: quorum.studio/v1alpha1\nkind: Topology\nmetadata: {name: t}\n"
                                                  "spec:\n  nodes: []\n  loadBalancers:\n    - {name: lb, type: haproxy, vipInterface: a/b}\n")
                                       << 7 << 47 << "spec.loadBalancers[0].vipInterface" << "is not a network interface name";
    QTest::newRow("missing required field") << h + "    - name: a\n" << 7 << 7 << "spec.nodes[0].role"
                                            << "missing required field 'role'";
    QTest::newRow("missing spec") << QString("apiVersion: quorum.studio/v1alpha1\nkind: Topology\nmetadata: {name: t}\n")
                                  << 1 << 1 << "spec" << "missing required field 'spec'";
    QTest::newRow("missing name") << QString("apiVersion: quorum.studio/v1alpha1\nkind: Topology\nmetadata: {}\nspec: {nodes: []}\n")
                                  << 3 << 11 << "metadata.name" << "missing required field 'name'";
    QTest::newRow("wrong apiVersion") << QString("apiVersion: v1\nkind: Topology\nmetadata: {name: t}\nspec: {nodes: []}\n")
                                      << 1 << 13 << "apiVersion" << "unsupported apiVersion 'v1'";
    QTest::newRow("wrong kind") << QString("apiVersion: quorum.studio/v1alpha1\nkind: Pod\nmetadata: {name: t}\nspec: {nodes: []}\n")
                                << 2 << 7 << "kind" << "unsupported kind 'Pod'";
    QTest::newRow("duplicate node") << h + "    - {name: a, role: worker}\n    - {name: a, role: worker}\n" << 8 << 14
                                    << "spec.nodes[1].name" << "duplicate node name 'a' (first defined at line 7)";
    QTest::newRow("duplicate key") << h + "    - name: a\n      role: worker\n      role: etcd\n" << 9 << 7
                                   << "spec.nodes[0].role" << "appears twice";
    QTest::newRow("invalid name") << h + "    - {name: Node_1, role: worker}\n" << 7 << 14 << "spec.nodes[0].name"
                                  << "not a valid node name";
    QTest::newRow("probe with two handlers")
        << QString("apiVersion: quorum.studio/v1alpha1\nkind: Topology\nmetadata: {name: t}\nspec:\n  nodes: []\n"
                   "  workloads:\n    - name: w\n      kind: Deployment\n      image: x\n      readinessProbe:\n"
                   "        httpGet: {port: 80}\n        tcpSocket: {port: 80}\n")
        << 11 << 9 << "spec.workloads[0].readinessProbe" << "exactly one of";
    QTest::newRow("secret value and ref")
        << QString("apiVersion: quorum.studio/v1alpha1\nkind: Topology\nmetadata: {name: t}\nspec:\n  nodes: []\n"
                   "  workloads:\n    - name: w\n      kind: Deployment\n      image: x\n      env:\n"
                   "        - {name: P, value: x, secretKeyRef: {name: s, key: k}}\n")
        << 11 << 28 << "spec.workloads[0].env[0].value" << "not both";
    const QString hpa = "apiVersion: quorum.studio/v1alpha1\nkind: Topology\nmetadata: {name: t}\nspec:\n  nodes: []\n"
                        "  workloads:\n    - name: w\n      kind: Deployment\n      image: x\n      autoscaling: %1\n";
    QTest::newRow("autoscaling: unknown field with suggestion")
        << hpa.arg("{maxReplicas: 3, targetCPUUtilisationPercentage: 70}") << 10 << 37
        << "spec.workloads[0].autoscaling.targetCPUUtilisationPercentage"
        << "unknown field 'targetCPUUtilisationPercentage' (did you mean 'targetCPUUtilizationPercentage'?)";
    QTest::newRow("autoscaling: word for a percentage")
        << hpa.arg("{maxReplicas: 3, targetCPUUtilizationPercentage: high}") << 10 << 69
        << "spec.workloads[0].autoscaling.targetCPUUtilizationPercentage" << "expected a whole number, found 'high'";
    QTest::newRow("autoscaling: percentage out of range")
        << hpa.arg("{maxReplicas: 3, targetMemoryUtilizationPercentage: 0}") << 10 << 72
        << "spec.workloads[0].autoscaling.targetMemoryUtilizationPercentage" << "0 is out of range; expected 1 to 1000";
    QTest::newRow("autoscaling: negative replicas")
        << hpa.arg("{minReplicas: -2, maxReplicas: 3}") << 10 << 34 << "spec.workloads[0].autoscaling.minReplicas"
        << "-2 is out of range";
    QTest::newRow("autoscaling: missing maxReplicas") << hpa.arg("{minReplicas: 2}") << 10 << 20
                                                      << "spec.workloads[0].autoscaling.maxReplicas"
                                                      << "missing required field 'maxReplicas'";
    QTest::newRow("autoscaling: not a mapping") << hpa.arg("yes") << 10 << 20 << "spec.workloads[0].autoscaling"
                                                << "expected a mapping, found a scalar";
    QTest::newRow("two documents") << QString(kHeader) + "    - {name: a, role: worker}\n---\nkind: Topology\n" << 9 << 1
                                   << "" << "expected one topology document, found 2";
    QTest::newRow("root is a list") << QString("- a\n- b\n") << 1 << 1 << "" << "expected a mapping, found a sequence";
}

void TestMalformed::rejected()
{
    QFETCH(QString, yaml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, field);
    QFETCH(QString, message);

    const LoadResult r = parseTopology(yaml.toStdString(), "bad.yaml");
    QVERIFY2(!r.ok(), "malformed input was accepted");
    QVERIFY(!r.errors.empty());
    const Diagnostic &d = r.errors.front();
    const QByteArray all = QByteArray::fromStdString(describe(r));
    QVERIFY2(QString::fromStdString(d.message).contains(message), all.constData());
    QCOMPARE(d.file, std::string("bad.yaml"));
    QCOMPARE(QString::fromStdString(d.field), field);
    QCOMPARE(d.line, line);
    QCOMPARE(d.column, column);
    // The printed form carries the whole place.
    const QString printed = QString::fromStdString(d.toString());
    QVERIFY(printed.startsWith(QString("bad.yaml:%1:%2: ").arg(line).arg(column)));
}

void TestMalformed::allSchemaErrorsAreListed()
{
    const std::string yaml = std::string(kHeader) +
                             "    - {name: a, role: wroker}\n"
                             "    - {name: b, role: worker, cpu: many}\n"
                             "    - {name: c, role: worker, zoen: x}\n";
    const LoadResult r = parseTopology(yaml, "bad.yaml");
    QCOMPARE(r.errors.size(), size_t(3));
    QCOMPARE(r.errors[0].line, 7);
    QCOMPARE(r.errors[1].line, 8);
    QCOMPARE(r.errors[2].line, 9);
    QCOMPARE(r.errors[2].field, std::string("spec.nodes[2].zoen"));
}

void TestMalformed::emptyAndMissingFiles()
{
    for (const char *blank : {"", "   \n\n", "# only a comment\n"}) {
        const LoadResult r = parseTopology(blank, "empty.yaml");
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.size(), size_t(1));
        QCOMPARE(r.errors[0].line, 1);
        QCOMPARE(r.errors[0].column, 1);
        QVERIFY2(r.errors[0].message.find("empty") != std::string::npos ||
                     r.errors[0].message.find("no document") != std::string::npos,
                 r.errors[0].message.c_str());
    }
    const LoadResult missing = loadTopologyFile("/nonexistent/design.yaml");
    QVERIFY(!missing.ok());
    QCOMPARE(missing.errors[0].file, std::string("/nonexistent/design.yaml"));
    QVERIFY(missing.errors[0].message.find("cannot open") != std::string::npos);
}

void TestMalformed::hugeFileWithErrorAtTheEnd()
{
    // About 10 MB of valid nodes, then one typo on the last line: the place must still be exact.
    QTemporaryDir dir;
    const QString path = dir.filePath("huge.yaml");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QByteArray text(kHeader);
    int line = 6;
    for (int i = 0; text.size() < 10 * 1024 * 1024; ++i) {
        text += "    - {name: worker-" + QByteArray::number(i) + ", role: worker, cpu: \"8\", memory: 32Gi, "
                "labels: {rack: r" + QByteArray::number(i % 40) + "}}\n";
        ++line;
    }
    text += "    - {name: last, role: worker, memroy: 1Gi}\n";
    ++line;
    QVERIFY(f.write(text) == text.size());
    f.close();
    QElapsedTimer timer;
    timer.start();
    const LoadResult r = loadTopologyFile(path.toStdString());
    qInfo("parsed %lld bytes (%d lines) in %lld ms", static_cast<long long>(text.size()), line,
          static_cast<long long>(timer.elapsed()));
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.size(), size_t(1));
    QCOMPARE(r.errors[0].line, line);
    QCOMPARE(r.errors[0].column, 34);
    QVERIFY(r.errors[0].message.find("did you mean 'memory'?") != std::string::npos);
}

void TestMalformed::oversizedFileIsRefusedBeforeParsing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("oversized.yaml");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.resize(kMaxTopologyFileBytes + 1));
    f.close();
    const LoadResult r = loadTopologyFile(path.toStdString());
    QVERIFY(!r.ok());
    QVERIFY2(r.errors[0].message.find("limited to 64 MiB") != std::string::npos, r.errors[0].message.c_str());
}

void TestMalformed::binaryFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("binary.yaml");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("apiVersion: \0\1\2", 15));
    f.close();
    const LoadResult r = loadTopologyFile(path.toStdString());
    QVERIFY(!r.ok());
    QVERIFY(r.errors[0].message.find("binary") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestMalformed)
#include "tst_malformed.moc"
