// Golden-trace tests: every tests/engine/raft/testdata/NAME.txt script runs against an
// in-memory cluster and its trace must equal NAME.golden. QUORUM_REWRITE_GOLDEN=1 rewrites the
// golden files instead (review the diff before committing it).

#include "tests/engine/raft/ScriptRunner.h"
#include "tests/engine/raft/TextDiff.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace quorum::raft::testing;

namespace {

QString testdataDir()
{
    return QStringLiteral(QUORUM_SOURCE_DIR "/tests/engine/raft/testdata");
}

bool rewriting()
{
    return qEnvironmentVariable("QUORUM_REWRITE_GOLDEN") == QLatin1String("1");
}

} // namespace

class TestGolden : public QObject {
    Q_OBJECT

private slots:
    void scripts_data();
    void scripts();
    void sameScriptSameTrace();
};

void TestGolden::scripts_data()
{
    QTest::addColumn<QString>("script");
    const QStringList names = QDir(testdataDir()).entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
    QVERIFY2(!names.isEmpty(), qPrintable("no scripts in " + testdataDir()));
    for (const QString &name : names)
        QTest::newRow(qPrintable(name.chopped(4))) << testdataDir() + "/" + name;
}

void TestGolden::scripts()
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

void TestGolden::sameScriptSameTrace()
{
    // Determinism: the randomized election timeouts come from the seed, nothing else.
    const std::string script = "add-nodes 3 voters=(1,2,3)\nrun 40\npropose 2 x\nrun 5\nraft-state\n";
    std::string a;
    std::string b;
    std::string error;
    QVERIFY(ScriptRunner(7).run(script, &a, &error));
    QVERIFY(ScriptRunner(7).run(script, &b, &error));
    QCOMPARE(QString::fromStdString(a), QString::fromStdString(b));
    QVERIFY2(a.find("became leader") != std::string::npos, a.c_str());
}

QTEST_GUILESS_MAIN(TestGolden)
#include "tst_golden.moc"
