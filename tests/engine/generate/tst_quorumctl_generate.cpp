// quorumctl generate / import as a user runs them: files written, exit codes, round trip.

#include "GenerateTestSupport.h"
#include "tests/support/RunProgram.h"

using namespace quorum;
using namespace quorum::generate::test;

namespace {

using Run = quorum::testing::ProgramRun;

Run quorumctl(const QStringList &args)
{
    return quorum::testing::runProgram(QStringLiteral(QUORUMCTL_PATH), args);
}

} // namespace

class TestQuorumctlGenerate : public QObject {
    Q_OBJECT

private slots:
    void generateWritesEveryFamily();
    void generateThenImportGivesBackTheWorkloads();
    void badArguments_data();
    void badArguments();
    void malformedImportNamesThePlace();
};

void TestQuorumctlGenerate::generateWritesEveryFamily()
{
    QTemporaryDir dir;
    const Run r = quorumctl({"generate", templatePath("production-ha"), "--out", dir.path()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (const char *path : {"README.md", "kubeadm/init-cp-1.yaml", "kind/kind-cluster.yaml", "kubespray/inventory/hosts.yaml",
                             "loadbalancer/api-lb/haproxy.cfg", "metallb/metallb-pools.yaml", "manifests/100-default-web.yaml",
                             "secrets/README.md"}) {
        QVERIFY2(QFileInfo::exists(dir.filePath(path)), path);
        QVERIFY(r.out.contains(path));
    }
    // Again into the same folder: same bytes.
    const QByteArray before = readFile(dir.filePath("kubeadm/init-cp-1.yaml"));
    QCOMPARE(quorumctl({"generate", templatePath("production-ha"), "--out", dir.path()}).exitCode, 0);
    QCOMPARE(readFile(dir.filePath("kubeadm/init-cp-1.yaml")), before);
    QVERIFY(QFileInfo(dir.filePath("loadbalancer/api-lb/check_apiserver.sh")).isExecutable());
}

void TestQuorumctlGenerate::generateThenImportGivesBackTheWorkloads()
{
    QTemporaryDir dir;
    QCOMPARE(quorumctl({"generate", templatePath("production-ha"), "--out", dir.filePath("out")}).exitCode, 0);
    // The design without its workloads, then the generated manifests imported into it.
    model::Topology design = loadTemplate("production-ha");
    model::Topology bare = design;
    bare.workloads.clear();
    bare.secrets.clear();
    QVERIFY(!model::saveTopologyFile(bare, dir.filePath("bare.yaml").toStdString()));
    QStringList args{"import", "--quiet", "--into", dir.filePath("bare.yaml"), "--out", dir.filePath("merged.yaml")};
    for (const QString &f : QDir(dir.filePath("out/manifests")).entryList({"*.yaml"}, QDir::Files, QDir::Name))
        args << dir.filePath("out/manifests/" + f);
    const Run r = quorumctl(args);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const model::LoadResult merged = model::loadTopologyFile(dir.filePath("merged.yaml").toStdString());
    QVERIFY(merged.ok());
    QVERIFY2(merged.topology->sameDesign(design), qPrintable(QString::fromStdString(model::topologyToYaml(*merged.topology))));
}

void TestQuorumctlGenerate::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no out") << QStringList{"generate", templatePath("production-ha")} << 2 << "no --out DIR";
    QTest::newRow("no topology") << QStringList{"generate", "--out", "/tmp/x"} << 2 << "no topology file";
    QTest::newRow("unknown option") << QStringList{"generate", "--bogus"} << 2 << "unknown option '--bogus'";
    QTest::newRow("missing file") << QStringList{"generate", "/nonexistent.yaml", "--out", "/tmp/x"} << 2 << "nonexistent.yaml";
    QTest::newRow("bad version") << QStringList{"generate", templatePath("production-ha"), "--out", "/tmp/quorum-x",
                                                "--kubernetes-version", "1.99"}
                                 << 1 << "outside the versions";
    QTest::newRow("import nothing") << QStringList{"import"} << 2 << "no file given";
}

void TestQuorumctlGenerate::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run r = quorumctl(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TestQuorumctlGenerate::malformedImportNamesThePlace()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("bad.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n"
                                                "spec:\n  replicas: many\n"));
    const Run r = quorumctl({"import", dir.filePath("bad.yaml"), "--out", dir.filePath("never.yaml")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("bad.yaml:5:13: Deployment/x.spec.replicas: expected an integer"), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(dir.filePath("never.yaml")));
}

QTEST_GUILESS_MAIN(TestQuorumctlGenerate)
#include "tst_quorumctl_generate.moc"
