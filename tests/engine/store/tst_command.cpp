// The command encoding: round trips, a golden encoding, strict refusal of corrupt and truncated
// input with a message naming the field and byte, and a seeded fuzz run through the decoder
// and through KvStore::apply (nothing may crash or abort).

#include "StoreTestUtil.h"

#include <random>

using namespace quorum::store;
using namespace quorum::store::test;

namespace {

std::string bytes(std::initializer_list<int> values)
{
    std::string out;
    for (int v : values)
        out += static_cast<char>(v);
    return out;
}

Command bigTxn()
{
    Txn t;
    t.compares = {Compare{Compare::Target::Value, Compare::Op::Greater, "k\xff", "", 0, std::string("v\0w", 3)},
                  Compare{Compare::Target::ModRevision, Compare::Op::Less, "a", "b", -5, ""},
                  Compare{Compare::Target::Lease, Compare::Op::NotEqual, "x", std::string(1, '\0'), 1LL << 62, ""}};
    t.success = {Put{"a", std::string(300, 'v'), 42, true}, DeleteRange{"b", "c", true},
                 Range{"d", "e", 7, -1, true, true}};
    t.failure = {Range{"z", "", 0, 10, false, true}};
    return Command{~0ULL, t};
}

std::vector<Command> samples()
{
    return {
        Command{1, Put{"foo", "bar", 0, false}},
        Command{2, Put{std::string("\0\xff", 2), "", -9, true}},
        Command{3, DeleteRange{"a", std::string(1, '\0'), true}},
        Command{4, Txn{}},
        bigTxn(),
        Command{5, LeaseGrant{0, 15000}},
        Command{6, LeaseGrant{INT64_MAX, INT64_MIN}},
        Command{7, LeaseRevoke{-1}},
        Command{8, LeaseKeepAlive{77}},
        Command{9, Compact{123456789}},
        Command{10, LeaseExpire{{{1, 0}, {2, ~0ULL}, {INT64_MIN, 3}}}},
        Command{0, LeaseExpire{}},
    };
}

} // namespace

class TestCommand : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void goldenEncoding();
    void rejected_data();
    void rejected();
    void everyTruncationIsRejected();
    void fuzz();
    void prefixEnd_data();
    void prefixEnd();
};

void TestCommand::roundTrip_data()
{
    QTest::addColumn<int>("sample");
    const std::vector<Command> all = samples();
    for (std::size_t i = 0; i < all.size(); ++i)
        QTest::newRow((std::to_string(i) + " " + kindName(all[i].body)).c_str()) << static_cast<int>(i);
}

void TestCommand::roundTrip()
{
    QFETCH(int, sample);
    const Command original = samples().at(static_cast<std::size_t>(sample));
    const std::string encoded = encodeCommand(original);
    DecodedCommand decoded = decodeCommand(encoded);
    QVERIFY2(decoded.command, decoded.error.c_str());
    QVERIFY(*decoded.command == original);
    QCOMPARE(encodeCommand(*decoded.command), encoded);
}

void TestCommand::goldenEncoding()
{
    // The format is replicated and persisted: a change must be deliberate (bump the version).
    QCOMPARE(encodeCommand(Command{7, Put{"a", "b", 0, false}}), bytes({1, 7, 1, 1, 'a', 1, 'b', 0, 0}));
    QCOMPARE(encodeCommand(Command{300, Put{"a", "", -1, true}}), bytes({1, 0xac, 0x02, 1, 1, 'a', 0, 1, 1}));
    QCOMPARE(encodeCommand(Command{1, LeaseExpire{{{3, 2}}}}), bytes({1, 1, 8, 1, 6, 2}));
    QCOMPARE(encodeCommand(Command{1, Txn{{Compare{Compare::Target::Version, Compare::Op::Equal, "k", "", 0, ""}},
                                          {DeleteRange{"k", "", false}},
                                          {}}}),
             bytes({1, 1, 3, 1, 0, 0, 1, 'k', 0, 0, 1, 3, 1, 'k', 0, 0, 0}));
}

void TestCommand::rejected_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    auto row = [](const char *name, const std::string &in, const char *msg) {
        QTest::newRow(name) << QByteArray(in.data(), static_cast<qsizetype>(in.size())) << msg;
    };
    row("empty", "", "command: version: truncated (needs 1 byte, 0 left) at byte 0");
    row("bad version", bytes({2, 1, 1}), "command: version: unsupported format version 2 (expected 1) at byte 0");
    row("no request id", bytes({1}), "command: requestId: truncated (needs 1 byte, 0 left) at byte 1");
    row("unknown kind", bytes({1, 0, 0}), "command: kind: unknown command kind 0 at byte 2");
    row("unknown kind 9", bytes({1, 0, 9}), "command: kind: unknown command kind 9 at byte 2");
    row("truncated key length", bytes({1, 0, 1}), "command: put.key: truncated (needs 1 byte, 0 left) at byte 3");
    row("key longer than input", bytes({1, 0, 1, 5, 'a'}), "command: put.key: truncated (length 5, 1 bytes left) at byte 3");
    row("huge key length", bytes({1, 0, 1, 0xff, 0xff, 0xff, 0xff, 0x0f}), "put.key: truncated (length 4294967295");
    row("overlong varint", bytes({1, 0x80, 0x00, 1}), "command: requestId: overlong varint at byte 1");
    row("varint over 64 bits", bytes({1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02}),
        "command: requestId: varint overflows 64 bits at byte 1");
    row("unknown put flag", bytes({1, 0, 1, 1, 'a', 0, 0, 2}), "command: put.flags: has unknown bits set (2) at byte 7");
    row("trailing byte", bytes({1, 0, 7, 4, 0}), "command: end: 1 trailing byte at byte 4");
    row("unknown op tag", bytes({1, 0, 3, 0, 1, 4, 0, 0, 0}), "command: txn.success[0].op: unknown operation tag 4 at byte 5");
    row("truncated op", bytes({1, 0, 3, 0, 1, 2, 1, 'a', 0, 0}),
        "command: txn.success[0].put.flags: truncated (needs 1 byte, 0 left) at byte 10");
    row("failure branch", bytes({1, 0, 3, 0, 0, 1, 3, 1, 'a', 0, 4}),
        "command: txn.failure[0].deleteRange.flags: has unknown bits set (4) at byte 10");
    row("unknown compare target", bytes({1, 0, 3, 1, 5, 0, 0, 0, 0}),
        "command: txn.compares[0].target: unknown compare target 5 at byte 4");
    row("unknown compare op", bytes({1, 0, 3, 1, 0, 4, 0, 0, 0}), "command: txn.compares[0].op: unknown compare operator 4 at byte 5");
    row("count larger than input", bytes({1, 0, 3, 100, 0}), "command: txn.compares.count: count 100 cannot fit in the 1 bytes left at byte 3");
    row("expire count", bytes({1, 0, 8, 3, 2, 0}), "command: leaseExpire.leases.count: count 3 cannot fit");
    row("truncated expire entry", bytes({1, 0, 8, 1, 2, 0x80}), "command: leaseExpire.leases[0].keepAlives: truncated");
    row("grant without ttl", bytes({1, 0, 4, 2}), "command: leaseGrant.ttlMs: truncated (needs 1 byte, 0 left) at byte 4");
    row("bad range flags", bytes({1, 0, 3, 0, 1, 1, 1, 'a', 0, 0, 0, 4, 0, 0}),
        "command: txn.success[0].range.flags: has unknown bits set (4) at byte 11");
}

void TestCommand::rejected()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    DecodedCommand d = decodeCommand(std::string_view(input.constData(), static_cast<std::size_t>(input.size())));
    QVERIFY(!d.command);
    QVERIFY2(q(d.error).contains(message), d.error.c_str());
}

void TestCommand::everyTruncationIsRejected()
{
    for (const Command &c : samples()) {
        const std::string full = encodeCommand(c);
        for (std::size_t n = 0; n < full.size(); ++n) {
            DecodedCommand d = decodeCommand(std::string_view(full).substr(0, n));
            QVERIFY2(!d.command, (std::string(kindName(c.body)) + " cut at " + std::to_string(n)).c_str());
            QVERIFY(d.error.rfind("command: ", 0) == 0);
        }
    }
}

void TestCommand::fuzz()
{
    // Random strings, and mutations of valid encodings (which get much deeper into the decoder).
    // Accepted input must be canonical; anything goes through apply() without aborting.
    std::mt19937_64 rng(20240601);
    const std::vector<Command> all = samples();
    Member m;
    runScript(m, "grant 42 1000; put a 1; put b 2 42");
    int accepted = 0;
    int rejected = 0;
    for (int i = 0; i < 6000; ++i) {
        std::string input;
        if (i % 2 == 0) {
            input.resize(rng() % 40);
            for (char &ch : input)
                ch = static_cast<char>(rng() % 4 == 0 ? rng() % 10 : rng());  // small values are common tags
            if (!input.empty() && rng() % 2)
                input[0] = 1;  // the valid version byte
        } else {
            input = encodeCommand(all[rng() % all.size()]);
            for (int k = 0, edits = 1 + static_cast<int>(rng() % 3); k < edits; ++k) {
                const std::size_t at = rng() % (input.size() + 1);
                switch (rng() % 4) {
                case 0: if (at < input.size()) input[at] = static_cast<char>(input[at] ^ (1 << (rng() % 8))); break;
                case 1: input.insert(at, 1, static_cast<char>(rng())); break;
                case 2: if (at < input.size()) input.erase(at, 1); break;
                case 3: input.resize(at); break;
                }
            }
        }
        DecodedCommand d = decodeCommand(input);
        if (d.command) {
            ++accepted;
            QCOMPARE(encodeCommand(*d.command), input);
        } else {
            ++rejected;
            QVERIFY(!d.error.empty());
        }
        ApplyResult r = m.store.apply(++m.index, input, static_cast<std::int64_t>(i));
        QCOMPARE(r.ok() || !r.message.empty(), true);
    }
    qInfo("fuzz: %d accepted, %d rejected", accepted, rejected);
    QVERIFY(accepted > 100);
    QVERIFY(rejected > 1000);
}

void TestCommand::prefixEnd_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("end");
    QTest::newRow("plain") << "abc" << "abd";
    QTest::newRow("last byte 0xff") << "a\\xff" << "b";
    QTest::newRow("several 0xff") << "a\\xff\\xff" << "b";
    QTest::newRow("only 0xff: all keys") << "\\xff\\xff" << "\\x00";
    QTest::newRow("empty: all keys") << "" << "\\x00";
    QTest::newRow("registry prefix") << "/registry/pods/" << "/registry/pods0";
}

void TestCommand::prefixEnd()
{
    QFETCH(QString, prefix);
    QFETCH(QString, end);
    QCOMPARE(q(printable(quorum::store::prefixEnd(unescape(prefix.toStdString())))),
             q(printable(unescape(end.toStdString()))));
}

QTEST_APPLESS_MAIN(TestCommand)
#include "tst_command.moc"
