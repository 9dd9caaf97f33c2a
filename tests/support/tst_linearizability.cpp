// The linearizability checker accepts what a register allows and refuses what it does not.

#include "tests/support/Linearizability.h"

#include <QtTest>

#include <random>

using namespace quorum::testing;

namespace {

KvOp put(int c, const std::string &k, const std::string &v, std::int64_t call, std::int64_t ret, bool returned = true)
{
    KvOp op;
    op.client = c;
    op.kind = KvOpKind::Put;
    op.key = k;
    op.value = v;
    op.callTime = call;
    op.returnTime = ret;
    op.returned = returned;
    return op;
}

KvOp get(int c, const std::string &k, std::optional<std::string> out, std::int64_t call, std::int64_t ret)
{
    KvOp op;
    op.client = c;
    op.kind = KvOpKind::Get;
    op.key = k;
    op.output = std::move(out);
    op.callTime = call;
    op.returnTime = ret;
    return op;
}

KvOp cas(int c, const std::string &k, std::optional<std::string> expected, const std::string &v, bool ok,
         std::int64_t call, std::int64_t ret, bool returned = true)
{
    KvOp op = put(c, k, v, call, ret, returned);
    op.kind = KvOpKind::Cas;
    op.expected = std::move(expected);
    op.succeeded = ok;
    return op;
}

} // namespace

Q_DECLARE_METATYPE(std::vector<KvOp>)

class TestLinearizability : public QObject {
    Q_OBJECT

private slots:
    void histories_data();
    void histories();
    void randomHistoriesFromARealRegister();
    void budgetIsReportedNotPassed();
};

void TestLinearizability::histories_data()
{
    QTest::addColumn<std::vector<KvOp>>("history");
    QTest::addColumn<bool>("linearizable");

    QTest::newRow("empty") << std::vector<KvOp>{} << true;
    QTest::newRow("read of nothing") << std::vector<KvOp>{get(1, "k", std::nullopt, 0, 1)} << true;
    QTest::newRow("sequential put, get") << std::vector<KvOp>{put(1, "k", "a", 0, 1), get(2, "k", "a", 2, 3)} << true;
    QTest::newRow("stale read after put returned")
        << std::vector<KvOp>{put(1, "k", "a", 0, 1), put(1, "k", "b", 2, 3), get(2, "k", "a", 4, 5)} << false;
    QTest::newRow("concurrent read sees old") << std::vector<KvOp>{put(1, "k", "a", 0, 1), put(1, "k", "b", 2, 6),
                                                                   get(2, "k", "a", 3, 4)}
                                              << true;
    QTest::newRow("concurrent read sees new") << std::vector<KvOp>{put(1, "k", "a", 0, 1), put(1, "k", "b", 2, 6),
                                                                   get(2, "k", "b", 3, 4)}
                                              << true;
    QTest::newRow("new then old is not allowed")
        << std::vector<KvOp>{put(1, "k", "a", 0, 1), put(1, "k", "b", 2, 10), get(2, "k", "b", 3, 4),
                             get(3, "k", "a", 5, 6)}
        << false;
    QTest::newRow("value never written") << std::vector<KvOp>{put(1, "k", "a", 0, 1), get(2, "k", "z", 2, 3)} << false;
    QTest::newRow("timed-out put observed later")
        << std::vector<KvOp>{put(1, "k", "a", 0, 0, false), get(2, "k", "a", 50, 51)} << true;
    QTest::newRow("timed-out put never observed")
        << std::vector<KvOp>{put(1, "k", "a", 0, 0, false), get(2, "k", std::nullopt, 50, 51)} << true;
    QTest::newRow("timed-out put seen then unseen")
        << std::vector<KvOp>{put(1, "k", "a", 0, 0, false), get(2, "k", "a", 50, 51), get(2, "k", std::nullopt, 52, 53)}
        << false;
    QTest::newRow("two cas from the same value both win")
        << std::vector<KvOp>{put(1, "k", "0", 0, 1), cas(2, "k", "0", "1", true, 2, 5), cas(3, "k", "0", "2", true, 3, 6)}
        << false;
    QTest::newRow("one cas wins, one loses")
        << std::vector<KvOp>{put(1, "k", "0", 0, 1), cas(2, "k", "0", "1", true, 2, 5), cas(3, "k", "0", "2", false, 3, 6),
                             get(1, "k", "1", 7, 8)}
        << true;
    QTest::newRow("failed cas that should have won")
        << std::vector<KvOp>{put(1, "k", "0", 0, 1), cas(2, "k", "0", "1", false, 2, 3)} << false;
    QTest::newRow("keys are independent")
        << std::vector<KvOp>{put(1, "a", "1", 0, 1), put(1, "b", "2", 2, 3), get(2, "a", "1", 4, 5), get(2, "b", "2", 4, 5)}
        << true;
    QTest::newRow("touching intervals are concurrent")
        << std::vector<KvOp>{put(1, "k", "a", 0, 5), get(2, "k", std::nullopt, 5, 6)} << true;
}

void TestLinearizability::histories()
{
    QFETCH(std::vector<KvOp>, history);
    QFETCH(bool, linearizable);
    const LinearizabilityResult r = checkLinearizable(history);
    QVERIFY2(r.linearizable == linearizable, r.explanation.c_str());
    QVERIFY(!r.gaveUp);
    if (!linearizable)
        QVERIFY(!r.explanation.empty());
}

void TestLinearizability::randomHistoriesFromARealRegister()
{
    // Operations take effect at a point inside their window on a real register, so every
    // history is linearizable; changing one read to a value never written must be caught.
    std::mt19937_64 rng(42);
    std::size_t explored = 0;
    for (int round = 0; round < 50; ++round) {
        std::vector<KvOp> history;
        std::map<std::string, std::optional<std::string>> reg;
        std::int64_t now = 0;
        for (int i = 0; i < 120; ++i) {
            const std::string key = "k" + std::to_string(rng() % 3);
            const std::int64_t call = now - static_cast<std::int64_t>(rng() % 20);
            const std::int64_t effect = now;
            const std::int64_t ret = effect + static_cast<std::int64_t>(rng() % 20);
            now += 1 + static_cast<std::int64_t>(rng() % 5);
            const int client = static_cast<int>(rng() % 5);
            switch (rng() % 3) {
            case 0:
                history.push_back(put(client, key, std::to_string(i), call, ret));
                reg[key] = std::to_string(i);
                break;
            case 1:
                history.push_back(get(client, key, reg[key], call, ret));
                break;
            default: {
                const bool ok = reg[key] == std::optional<std::string>(std::to_string(i - 1));
                history.push_back(cas(client, key, std::to_string(i - 1), std::to_string(i), ok, call, ret));
                if (ok)
                    reg[key] = std::to_string(i);
            }
            }
        }
        const LinearizabilityResult good = checkLinearizable(history);
        QVERIFY2(good.linearizable, good.explanation.c_str());
        explored += good.statesExplored;
        for (KvOp &op : history) {
            if (op.kind == KvOpKind::Get) {
                op.output = "never-written";
                break;
            }
        }
        QVERIFY(!checkLinearizable(history).linearizable);
    }
    qInfo("explored %zu states over 50 histories of 120 operations", explored);
}

void TestLinearizability::budgetIsReportedNotPassed()
{
    std::vector<KvOp> history;
    for (int i = 0; i < 40; ++i)
        history.push_back(put(i, "k", std::to_string(i), 0, 100));
    history.push_back(get(99, "k", "nope", 101, 102));
    const LinearizabilityResult r = checkLinearizable(history, 1000);
    QVERIFY(!r.linearizable);
    QVERIFY(r.gaveUp);
}

QTEST_GUILESS_MAIN(TestLinearizability)
#include "tst_linearizability.moc"
