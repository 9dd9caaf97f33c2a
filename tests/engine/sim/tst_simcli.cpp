// quorumctl raft and bench as a user runs them: the same arguments give byte-identical output,
// a clean run exits 0 with a summary, bad arguments exit 2 with a message naming the argument.

#include "tests/support/RunProgram.h"

#include <QtTest>

namespace {

using Run = quorum::testing::ProgramRun;

Run quorumctl(const QStringList &args)
{
    return quorum::testing::runProgram(QStringLiteral(QUORUMCTL_PATH), args, 120000);
}

} // namespace

class TestSimCli : public QObject {
    Q_OBJECT

private slots:
    void sameArgumentsSameOutput()
    {
        const QStringList args{"raft", "--members", "5", "--seed", "3", "--for", "2m", "--faults", "random"};
        const Run a = quorumctl(args);
        const Run b = quorumctl(args);
        QCOMPARE(a.exitCode, 0);
        QCOMPARE(a.out, b.out);
        QVERIFY(a.out.contains("fault: "));
        QVERIFY(a.out.contains("Leader term"));
        QVERIFY(a.out.contains("linearizable             yes"));
        QVERIFY(a.out.contains("invariants               held"));
        QVERIFY(a.out.contains("  snapshots                "));
        QVERIFY(a.out.contains("  crash recovery           "));
        QVERIFY(a.out.contains(" ReadIndex gets\n"));
        const Run c = quorumctl({"raft", "--members", "5", "--seed", "4", "--for", "2m", "--faults", "random"});
        QCOMPARE(c.exitCode, 0);
        QVERIFY(c.out != a.out);
    }

    void withoutFaults()
    {
        const Run r = quorumctl({"raft", "--members", "3", "--seed", "1", "--for", "30s", "--faults", "none", "--clients", "2"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.contains("fault: crash"));
        QVERIFY(r.out.contains("leader changes           1\n"));
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("members") << QStringList{"raft", "--members", "0"} << "--members";
        QTest::newRow("duration") << QStringList{"raft", "--for", "10x"} << "--for";
        QTest::newRow("faults") << QStringList{"raft", "--faults", "some"} << "--faults";
        QTest::newRow("unknown") << QStringList{"raft", "--speed", "2"} << "--speed";
        QTest::newRow("missing value") << QStringList{"raft", "--seed"} << "--seed";
        QTest::newRow("bench") << QStringList{"bench", "raft-nothing"} << "raft-nothing";
    }

    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = quorumctl(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void benchRuns()
    {
        const Run r = quorumctl({"bench", "raft-failover", "--members", "3", "--trials", "5"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("median"));
    }
};

QTEST_APPLESS_MAIN(TestSimCli)
#include "tst_simcli.moc"
