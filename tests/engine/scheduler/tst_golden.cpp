// Golden-trace tests: every tests/engine/scheduler/testdata/NAME.txt script runs against a
// fresh ClusterState and Scheduler and its trace must equal NAME.golden. QUORUM_REWRITE_GOLDEN=1
// rewrites the golden files instead (review the diff before committing it).

#include "tests/engine/raft/TextDiff.h"
#include "tests/engine/scheduler/ScriptRunner.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using quorum::raft::testing::lineDiff;
using quorum::scheduler::testing::ScriptRunner;

namespace {

QString testdataDir()
{
    return QStringLiteral(QUORUM_SOURCE_DIR "/tests/engine/scheduler/testdata");
}

bool rewriting()
{
    return qEnvironmentVariable("QUORUM_REWRITE_GOLDEN") == QLatin1String("1");
}

} // namespace

class TestSchedulerGolden : public QObject {
    Q_OBJECT

private slots:
    void scripts_data();
    void scripts();
    void sameScriptSameTrace();
};

void TestSchedulerGolden::scripts_data()
{
    QTest::addColumn<QString>("script");
    const QStringList names = QDir(testdataDir()).entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
    QVERIFY2(!names.isEmpty(), qPrintable("no scripts in " + testdataDir()));
    for (const QString &name : names)
        QTest::newRow(qPrintable(name.chopped(4))) << testdataDir() + "/" + name;
}

void TestSchedulerGolden::scripts()
{
    QFETCH(QString, script);
    QFile in(script);
    QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable("cannot read " + script));
    const std::string text = in.readAll().toStdString();

    ScriptRunner runner;
    std::string trace;
    std::string error;
    const bool ok = runner.run(text, &trace, &error);

    const QString goldenPath = script.chopped(4) + ".golden";
    if (rewriting()) {
        QFile out(goldenPath);
        QVERIFY2(out.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable("cannot write " + goldenPath));
        out.write(QByteArray::fromStdString(trace));
        qInfo("rewrote %s", qPrintable(goldenPath));
    }
    QVERIFY2(ok, error.c_str());
    if (rewriting())
        return;
    QFile golden(goldenPath);
    QVERIFY2(golden.open(QIODevice::ReadOnly),
             qPrintable("missing " + goldenPath + " (run with QUORUM_REWRITE_GOLDEN=1 to create it)"));
    const std::string expected = golden.readAll().toStdString();
    const std::string diff = lineDiff(expected, trace);
    if (!diff.empty()) {
        const std::string message = "trace differs from " + goldenPath.toStdString()
            + " (- golden, + actual; QUORUM_REWRITE_GOLDEN=1 rewrites it):\n" + diff;
        QFAIL(message.c_str());
    }
}

void TestSchedulerGolden::sameScriptSameTrace()
{
    // Determinism: ties between equal nodes are broken by the seeded PRNG and nothing else.
    const std::string script = "options seed=7\nnodes count=12 prefix=n zones=a,b,c\n"
                               "schedule name=p cpu=100m count=20\n";
    std::string a;
    std::string b;
    std::string error;
    QVERIFY(ScriptRunner().run(script, &a, &error));
    QVERIFY(ScriptRunner().run(script, &b, &error));
    QCOMPARE(QString::fromStdString(a), QString::fromStdString(b));
}

QTEST_GUILESS_MAIN(TestSchedulerGolden)
#include "tst_golden.moc"
