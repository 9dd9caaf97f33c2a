// quorumctl simulate as a user runs it: a shipped scenario passes (exit 0) and prints its
// expectations with observed times; a failing expectation exits 1; bad input exits 2 with the
// place; the same seed prints the same output; samples go to CSV and a SQLite run file.

#include "engine/telemetry/SqliteReader.h"
#include "tests/support/RunProgram.h"

#include <QTemporaryDir>
#include <QtTest>

namespace {

using Run = quorum::testing::ProgramRun;

Run quorumctl(const QStringList &args)
{
    return quorum::testing::runProgram(QStringLiteral(QUORUMCTL_PATH), args);
}

const QString kTopology = QStringLiteral(QUORUM_SOURCE_DIR "/resources/templates/production-ha.yaml");

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        return {};
    return path;
}

} // namespace

class TestSimulate : public QObject {
    Q_OBJECT
private slots:
    void shippedScenarioPasses()
    {
        const Run r = quorumctl({"simulate", kTopology, "--scenario",
                                 QStringLiteral(QUORUM_SOURCE_DIR "/resources/scenarios/kill-etcd-leader.yaml")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("expect etcdLeaderElected within 3s: PASS after"));
        QVERIFY(r.out.contains("NodeKilled"));
        QVERIFY(r.out.contains("summary: 5 expectations, 5 passed, 0 failed"));
        const Run again = quorumctl({"simulate", kTopology, "--scenario",
                                     QStringLiteral(QUORUM_SOURCE_DIR "/resources/scenarios/kill-etcd-leader.yaml")});
        QCOMPARE(again.out, r.out);
    }

    void failingExpectationExitsOne()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, "strict.yaml",
                                       "apiVersion: quorum.studio/v1alpha1\nkind: Scenario\nmetadata: {name: strict}\n"
                                       "spec:\n  duration: 30s\n  steps:\n"
                                       "    - at: 10s\n      fault: {kind: kill-node, target: etcd-leader}\n"
                                       "    - at: 10s\n      expect: {etcdLeaderElected: {within: 100ms}}\n");
        const Run r = quorumctl({"simulate", kTopology, "--scenario", path, "--quiet"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains("expect etcdLeaderElected within 100ms: FAIL"));
    }

    void badInputExitsTwo()
    {
        QTemporaryDir dir;
        const QString scenario = writeFile(dir, "typo.yaml",
                                           "apiVersion: quorum.studio/v1alpha1\nkind: Scenario\nmetadata: {name: t}\n"
                                           "spec:\n  duration: 30s\n  stepz: []\n");
        const Run r = quorumctl({"simulate", kTopology, "--scenario", scenario});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("typo.yaml:6:3"), qPrintable(r.err));
        const QString manifest = writeFile(dir, "bad.yaml", "apiVersion: v1\nkind: Gadget\nmetadata: {name: g}\n");
        const QString applying = writeFile(dir, "apply.yaml",
                                           "apiVersion: quorum.studio/v1alpha1\nkind: Scenario\nmetadata: {name: a}\n"
                                           "spec:\n  duration: 30s\n  steps:\n    - at: 1s\n      apply: bad.yaml\n");
        const Run m = quorumctl({"simulate", kTopology, "--scenario", applying});
        QCOMPARE(m.exitCode, 2);
        QVERIFY2(m.err.contains("bad.yaml:2:7: kind: \"Gadget\" is not a kind the engine serves"), qPrintable(m.err));
        QCOMPARE(quorumctl({"simulate", kTopology, "--until", "soon"}).exitCode, 2);
        QCOMPARE(quorumctl({"simulate"}).exitCode, 2);
    }

    void samplesToCsvAndSqlite()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath("run.csv");
        const QString db = dir.filePath("run.sqlite");
        const Run r = quorumctl({"simulate", kTopology, "--until", "20s", "--csv", csv, "--record", db, "--quiet"});
        QCOMPARE(r.exitCode, 0);
        QFile samples(csv);
        QVERIFY(samples.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = samples.readAll().split('\n');
        QCOMPARE(lines.size(), 22); // header, 20 samples, final newline
        QFile events(dir.filePath("run-events.csv"));
        QVERIFY(events.open(QIODevice::ReadOnly));
        QVERIFY(events.readAll().contains("LeaderElected"));
        auto reader = quorum::telemetry::SqliteReader::open(db.toStdString());
        QVERIFY2(reader.ok(), reader.error.c_str());
        const auto runs = reader.value->runs();
        QCOMPARE(runs.rows.size(), std::size_t{1});
        const auto s = reader.value->samples(runs.rows[0].id, 0, 30'000'000);
        QCOMPARE(s.rows.size(), std::size_t{20});
        QCOMPARE(s.rows.back().quorum.votersUp, 3);
        QCOMPARE(s.rows.back().nodes.ready, 6);
    }
};

QTEST_GUILESS_MAIN(TestSimulate)
#include "tst_simulate.moc"
