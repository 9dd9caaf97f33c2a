// quorumctl validate as a user runs it: exit codes, one finding a line, places in diagnostics;
// a .quorum project wherever a topology YAML goes.

#include "engine/project/Project.h"
#include "tests/support/RunProgram.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using Run = quorum::testing::ProgramRun;

Run quorumctl(const QStringList &args)
{
    return quorum::testing::runProgram(QStringLiteral(QUORUMCTL_PATH), args);
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        return {};
    return path;
}

const QByteArray kTwoMembers = "apiVersion: quorum.studio/v1alpha1\n"
                               "kind: Topology\n"
                               "metadata: {name: two}\n"
                               "spec:\n"
                               "  zones: [{name: a}, {name: b}]\n"
                               "  nodes:\n"
                               "    - {name: cp-1, role: control-plane, zone: a}\n"
                               "    - {name: cp-2, role: control-plane, zone: b}\n";

const QString kTemplate = QStringLiteral(QUORUM_SOURCE_DIR "/resources/templates/production-ha.yaml");

/// Saves the design of a topology YAML as a .quorum project; empty on failure.
QString saveAsProject(const QTemporaryDir &dir, const QString &yaml, const QString &name)
{
    auto loaded = quorum::model::loadTopologyFile(yaml.toStdString());
    if (!loaded.ok())
        return {};
    quorum::project::Project p;
    p.topology = std::move(*loaded.topology);
    const QString path = dir.filePath(name);
    return quorum::project::saveProject(p, path.toStdString()) ? QString() : path;
}

QStringList filesBelow(const QString &folder)
{
    QStringList files;
    for (QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
        files << it.next().mid(folder.size());
    files.sort();
    return files;
}

} // namespace

class TestQuorumctl : public QObject {
    Q_OBJECT

private slots:
    void productionTemplateIsValid();
    void twoEtcdMembersIsAnError();
    void typoInFieldNameIsAParseError();
    void badArguments_data();
    void badArguments();
    void projectValidatesLikeItsYaml();
    void projectGeneratesLikeItsYaml();
    void damagedProjectIsRefused();
};

void TestQuorumctl::productionTemplateIsValid()
{
    const Run r = quorumctl({"validate", QStringLiteral(QUORUM_SOURCE_DIR "/resources/templates/production-ha.yaml")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.out.contains("error "));
    const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
    QVERIFY(!lines.isEmpty());
    const QRegularExpression shape("^(error|warning|info) (cluster|[a-z]+/[a-z0-9-]+): .+$");
    for (const QString &line : lines)
        QVERIFY2(shape.match(line).hasMatch(), qPrintable(line));
}

void TestQuorumctl::twoEtcdMembersIsAnError()
{
    QTemporaryDir dir;
    const Run r = quorumctl({"validate", writeFile(dir, "two.yaml", kTwoMembers)});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("error cluster: 2 etcd members: quorum is 2, so this tolerates 0 failures"), qPrintable(r.out));
}

void TestQuorumctl::typoInFieldNameIsAParseError()
{
    QTemporaryDir dir;
    QByteArray text = kTwoMembers;
    text.replace("{name: cp-2, role:", "{name: cp-2, roel:");
    const QString path = writeFile(dir, "typo.yaml", text);
    const Run r = quorumctl({"validate", path});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(path + ":8:20: spec.nodes[1].roel: unknown field 'roel' (did you mean 'role'?)"),
             qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestQuorumctl::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("no command") << QStringList{} << 2;
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << 2;
    QTest::newRow("validate without file") << QStringList{"validate"} << 2;
    QTest::newRow("unknown option") << QStringList{"validate", "--colour", "x.yaml"} << 2;
    QTest::newRow("missing file") << QStringList{"validate", "/nonexistent.yaml"} << 2;
    QTest::newRow("help") << QStringList{"help"} << 0;
}

void TestQuorumctl::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    const Run r = quorumctl(args);
    QCOMPARE(r.exitCode, exitCode);
    if (exitCode != 0)
        QVERIFY(!r.err.isEmpty());
}

void TestQuorumctl::projectValidatesLikeItsYaml()
{
    QTemporaryDir dir;
    const QString two = writeFile(dir, "two.yaml", kTwoMembers);
    for (const QString &yaml : {kTemplate, two}) {
        const QString project = saveAsProject(dir, yaml, "design.quorum");
        QVERIFY(!project.isEmpty());
        const Run fromYaml = quorumctl({"validate", yaml});
        const Run fromProject = quorumctl({"validate", project});
        QCOMPARE(fromProject.exitCode, fromYaml.exitCode);
        QCOMPARE(fromProject.out, fromYaml.out);
    }
}

void TestQuorumctl::projectGeneratesLikeItsYaml()
{
    QTemporaryDir dir;
    const QString project = saveAsProject(dir, kTemplate, "production.quorum");
    QVERIFY(!project.isEmpty());
    const Run fromYaml = quorumctl({"generate", kTemplate, "--out", dir.filePath("from-yaml")});
    const Run fromProject = quorumctl({"generate", project, "--out", dir.filePath("from-project")});
    QCOMPARE(fromYaml.exitCode, 0);
    QVERIFY2(fromProject.exitCode == 0, qPrintable(fromProject.err));
    QVERIFY(!filesBelow(dir.filePath("from-yaml")).isEmpty());
    QCOMPARE(filesBelow(dir.filePath("from-project")), filesBelow(dir.filePath("from-yaml")));
}

void TestQuorumctl::damagedProjectIsRefused()
{
    QTemporaryDir dir;
    const QString project = saveAsProject(dir, kTemplate, "design.quorum");
    QVERIFY(!project.isEmpty());
    QVERIFY(QFile::resize(project, 1000));
    const Run r = quorumctl({"validate", project});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(project + ": the file is truncated"), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestQuorumctl)
#include "tst_quorumctl.moc"
