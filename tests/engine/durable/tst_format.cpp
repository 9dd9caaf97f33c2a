// The byte formats: CRC-32C, WAL records and segment names, snapshot files, and the replay rules
// that turn records into a log.

#include "tests/engine/durable/DurableTestUtil.h"

#include "engine/checksum/Crc32c.h"
#include "engine/durable/SnapshotStore.h"
#include "engine/durable/WalFormat.h"
#include "engine/durable/WalReplay.h"

using namespace quorum;
using namespace quorum::durable;
using quorum::checksum::crc32c;
using namespace quorum::durable::testing;

Q_DECLARE_METATYPE(quorum::durable::wal::Record)

namespace {

wal::SegmentHeader sampleHeader()
{
    wal::SegmentHeader h;
    h.seq = 7;
    h.firstIndex = 1234;
    h.prevCrc = 0xDEADBEEF;
    h.hardState = {5, 2, 1200};
    h.snapshots = {{1000, 4}, {1100, 5}};
    return h;
}

std::string framed(const wal::Record &r)
{
    std::string out;
    wal::appendRecord(out, r);
    return out;
}

} // namespace

class TestFormat : public QObject {
    Q_OBJECT

private slots:
    void crcKnownVectors_data();
    void crcKnownVectors();
    void crcChains();
    void recordRoundTrip_data();
    void recordRoundTrip();
    void everyFlippedByteIsDetected();
    void scanDescribesDamage_data();
    void scanDescribesDamage();
    void scanFindsIntactRecordAfterDamage();
    void payloadRejects_data();
    void payloadRejects();
    void segmentNames_data();
    void segmentNames();
    void snapshotFileRoundTripAndDamage();
    void replay_data();
    void replay();
};

void TestFormat::crcKnownVectors_data()
{
    // RFC 3720 (iSCSI) appendix B.4 and the usual check value.
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<quint32>("crc");
    QTest::newRow("empty") << QByteArray() << quint32(0);
    QTest::newRow("123456789") << QByteArray("123456789") << quint32(0xE3069283);
    QTest::newRow("32 zeros") << QByteArray(32, '\0') << quint32(0x8A9136AA);
    QTest::newRow("32 0xff") << QByteArray(32, '\xff') << quint32(0x62A8AB43);
    QByteArray inc;
    for (int i = 0; i < 32; ++i)
        inc.append(char(i));
    QTest::newRow("0..31") << inc << quint32(0x46DD794E);
}

void TestFormat::crcKnownVectors()
{
    QFETCH(QByteArray, input);
    QFETCH(quint32, crc);
    QCOMPARE(crc32c(std::string_view(input.constData(), std::size_t(input.size()))), crc);
}

void TestFormat::crcChains()
{
    const std::string a = "the quick brown fox ";
    const std::string b = "jumps over the lazy dog, more than eight bytes at a time";
    QCOMPARE(crc32c(b, crc32c(a)), crc32c(a + b));
    for (std::size_t cut = 0; cut <= b.size(); ++cut)
        QCOMPARE(crc32c(b.substr(cut), crc32c(b.substr(0, cut))), crc32c(b));
}

void TestFormat::recordRoundTrip_data()
{
    QTest::addColumn<wal::Record>("record");
    QTest::newRow("segment header") << wal::Record{sampleHeader()};
    QTest::newRow("segment header, no snapshots") << wal::Record{wal::SegmentHeader{1, 1, 0, {}, {}}};
    QTest::newRow("entry") << wal::Record{entry(3, 17, "put k v")};
    QTest::newRow("empty entry (leader no-op)") << wal::Record{raft::Entry{9, 100, raft::EntryType::Normal, {}}};
    QTest::newRow("conf change with binary data")
        << wal::Record{raft::Entry{2, 5, raft::EntryType::ConfChange, std::string("\0\1\2\xff", 4)}};
    QTest::newRow("large entry") << wal::Record{entry(1, 1, std::string(100000, 'z'))};
    QTest::newRow("hard state") << wal::Record{raft::HardState{8, 3, 77}};
    QTest::newRow("snapshot") << wal::Record{wal::SnapshotRecord{{50, 4}, {6, 1, 55}}};
}

void TestFormat::recordRoundTrip()
{
    QFETCH(wal::Record, record);
    const std::string bytes = framed(record);
    QCOMPARE(bytes.size(), wal::kRecordHeaderSize + wal::encodePayload(record).size());
    const wal::SegmentScan scan = wal::scanSegment(bytes);
    QVERIFY(!scan.damage);
    QCOMPARE(scan.records.size(), std::size_t(1));
    QCOMPARE(scan.validEnd, std::uint64_t(bytes.size()));
    const wal::RawRecord &raw = scan.records[0];
    QCOMPARE(raw.offset, std::uint64_t(0));
    auto decoded = wal::decodePayload(raw.type, raw.payload);
    QVERIFY_OK(decoded);
    QVERIFY(*decoded == record);
}

void TestFormat::everyFlippedByteIsDetected()
{
    const std::string good = framed(entry(3, 17, "some payload"));
    for (std::size_t at = 0; at < good.size(); ++at) {
        for (int bit = 0; bit < 8; ++bit) {
            std::string bad = good;
            bad[at] = char(bad[at] ^ (1 << bit));
            const wal::SegmentScan scan = wal::scanSegment(bad);
            QVERIFY2(scan.damage && scan.records.empty(),
                     qPrintable(QString("flip of bit %1 at byte %2 went unnoticed").arg(bit).arg(at)));
        }
    }
}

void TestFormat::scanDescribesDamage_data()
{
    const std::string one = framed(entry(1, 1));
    const std::string two = one + framed(entry(1, 2));
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<quint64>("validEnd");
    QTest::addColumn<QString>("damage");
    auto row = [](const char *name, const std::string &b, std::size_t end, const char *what) {
        QTest::newRow(name) << QByteArray(b.data(), int(b.size())) << quint64(end) << QString(what);
    };
    row("clean", two, two.size(), "");
    row("partial header", two.substr(0, one.size() + 5), one.size(), "partial record header (5 of 12 bytes)");
    row("partial payload", two.substr(0, two.size() - 1), one.size(), "runs past the end of the file");
    std::string crc = two;
    crc[two.size() - 1] = char(crc[two.size() - 1] ^ 1);
    row("bad crc", crc, one.size(), "CRC mismatch");
    std::string zeros = one + std::string(40, '\0');
    row("zero fill after a record", zeros, one.size(), "CRC mismatch");
}

void TestFormat::scanDescribesDamage()
{
    QFETCH(QByteArray, bytes);
    QFETCH(quint64, validEnd);
    QFETCH(QString, damage);
    const wal::SegmentScan scan = wal::scanSegment(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    QCOMPARE(scan.validEnd, validEnd);
    if (damage.isEmpty()) {
        QVERIFY(!scan.damage);
    } else {
        QVERIFY(scan.damage);
        QVERIFY2(QString::fromStdString(*scan.damage).contains(damage), scan.damage->c_str());
        QVERIFY(!scan.intactAfterDamage);
    }
}

void TestFormat::scanFindsIntactRecordAfterDamage()
{
    const std::string a = framed(entry(1, 1));
    const std::string b = framed(entry(1, 2));
    const std::string c = framed(entry(1, 3));
    for (std::size_t at = 0; at < b.size(); ++at) {
        std::string bytes = a + b + c;
        bytes[a.size() + at] = char(bytes[a.size() + at] ^ 0x40);
        const wal::SegmentScan scan = wal::scanSegment(bytes);
        QVERIFY(scan.damage);
        QCOMPARE(scan.validEnd, std::uint64_t(a.size()));
        QVERIFY2(scan.intactAfterDamage, qPrintable(QString("byte %1").arg(at)));
        QCOMPARE(*scan.intactAfterDamage, std::uint64_t(a.size() + b.size()));
    }
}

void TestFormat::payloadRejects_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("message");
    auto row = [](const char *name, wal::RecordType t, std::string p, const char *m) {
        QTest::newRow(name) << int(t) << QByteArray(p.data(), int(p.size())) << QString(m);
    };
    std::string header = wal::encodePayload(wal::Record{sampleHeader()});
    std::string badMagic = header;
    badMagic[0] = 'X';
    std::string badVersion = header;
    badVersion[4] = 9;
    row("header with bad magic", wal::RecordType::SegmentHeader, badMagic, "bad magic");
    row("header of a future version", wal::RecordType::SegmentHeader, badVersion, "unsupported version 9");
    row("header cut short", wal::RecordType::SegmentHeader, header.substr(0, 20), "too short");
    row("header with a wrong snapshot count", wal::RecordType::SegmentHeader, header.substr(0, header.size() - 1),
        "bad snapshot list length");
    std::string e = wal::encodePayload(wal::Record{entry(1, 1)});
    e[16] = 7;
    row("entry of unknown type", wal::RecordType::Entry, e, "unknown entry type");
    row("entry cut short", wal::RecordType::Entry, e.substr(0, 10), "too short");
    row("hard state too long", wal::RecordType::HardState, std::string(25, '\0'), "not 24 bytes");
    row("snapshot too short", wal::RecordType::Snapshot, std::string(39, '\0'), "not 40 bytes");
}

void TestFormat::payloadRejects()
{
    QFETCH(int, type);
    QFETCH(QByteArray, payload);
    QFETCH(QString, message);
    auto r = wal::decodePayload(wal::RecordType(type),
                                std::string_view(payload.constData(), std::size_t(payload.size())));
    QVERIFY(!r.ok());
    QVERIFY2(QString::fromStdString(r.error()).contains(message), r.error().c_str());
}

void TestFormat::segmentNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint64>("seq");
    QTest::addColumn<quint64>("first");
    QTest::newRow("made by segmentName")
        << QString::fromStdString(wal::segmentName(3, 0x1f4)) << true << quint64(3) << quint64(500);
    QTest::newRow("max") << "ffffffffffffffff-ffffffffffffffff.wal" << true << quint64(UINT64_MAX) << quint64(UINT64_MAX);
    QTest::newRow("upper case hex") << "000000000000000A-0000000000000001.wal" << false << quint64(0) << quint64(0);
    QTest::newRow("short") << "01-01.wal" << false << quint64(0) << quint64(0);
    QTest::newRow("other suffix") << "0000000000000001-0000000000000001.wax" << false << quint64(0) << quint64(0);
    QTest::newRow("temp file") << "0000000000000001-0000000000000001.wal.tmp" << false << quint64(0) << quint64(0);
    QTest::newRow("garbage") << "notes.txt" << false << quint64(0) << quint64(0);
}

void TestFormat::segmentNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QFETCH(quint64, seq);
    QFETCH(quint64, first);
    const auto parsed = wal::parseSegmentName(name.toStdString());
    QCOMPARE(parsed.has_value(), valid);
    if (valid) {
        QCOMPARE(parsed->first, seq);
        QCOMPARE(parsed->second, first);
        QCOMPARE(QString::fromStdString(wal::segmentName(seq, first)), name);
    }
    // Snapshot names follow the same pattern with their own suffix.
    if (valid) {
        const auto p = parseSnapshotFileName(snapshotFileName({seq, first}));
        QVERIFY(p && p->index == seq && p->term == first);
    }
}

void TestFormat::snapshotFileRoundTripAndDamage()
{
    raft::Snapshot s;
    s.metadata = {{{1, 2, 3}, {4}}, 42, 7};
    s.data = "application state \0 with a nul";
    const std::string bytes = SnapshotStore::encode(s);
    auto back = SnapshotStore::decode(bytes);
    QVERIFY_OK(back);
    QVERIFY(*back == s);
    for (std::size_t at = 0; at < bytes.size(); ++at) {
        std::string bad = bytes;
        bad[at] = char(bad[at] ^ 0x10);
        QVERIFY2(!SnapshotStore::decode(bad).ok(), qPrintable(QString("flip at %1 went unnoticed").arg(at)));
    }
    for (std::size_t len = 0; len < bytes.size(); ++len)
        QVERIFY(!SnapshotStore::decode(std::string_view(bytes).substr(0, len)).ok());
}

namespace {

/// A replay step: a segment header (seq, firstIndex), an entry, a hard state or a snapshot record.
struct Step {
    enum Kind { Header, Ent, Hs, Snap } kind;
    std::uint64_t a = 0;
    std::uint64_t b = 0;
};

} // namespace

Q_DECLARE_METATYPE(std::vector<Step>)

void TestFormat::replay_data()
{
    QTest::addColumn<std::vector<Step>>("steps");
    QTest::addColumn<QString>("error");      // empty: replay succeeds
    QTest::addColumn<quint64>("base");
    QTest::addColumn<QString>("terms");      // terms of entries base+1.. as "1 1 2"
    QTest::addColumn<bool>("baseTermKnown");
    using S = Step;
    QTest::newRow("plain log") << std::vector<Step>{{S::Header, 1, 1}, {S::Ent, 1, 1}, {S::Ent, 2, 1}, {S::Ent, 3, 2}}
                               << "" << quint64(0) << "1 1 2" << true;
    QTest::newRow("a conflict overwrites the suffix")
        << std::vector<Step>{{S::Header, 1, 1}, {S::Ent, 1, 1}, {S::Ent, 2, 1}, {S::Ent, 3, 1}, {S::Ent, 2, 3}}
        << "" << quint64(0) << "1 3" << true;
    QTest::newRow("a gap is refused") << std::vector<Step>{{S::Header, 1, 1}, {S::Ent, 1, 1}, {S::Ent, 3, 1}}
                                      << "entry 3 does not follow the last index 1" << quint64(0) << "" << true;
    QTest::newRow("a local snapshot keeps the log")
        << std::vector<Step>{{S::Header, 1, 1}, {S::Ent, 1, 1}, {S::Ent, 2, 1}, {S::Snap, 1, 1}, {S::Ent, 3, 1}}
        << "" << quint64(0) << "1 1 1" << true;
    QTest::newRow("an installed snapshot restarts the log")
        << std::vector<Step>{{S::Header, 1, 1}, {S::Ent, 1, 1}, {S::Ent, 2, 1}, {S::Snap, 10, 3}, {S::Ent, 11, 3}}
        << "" << quint64(10) << "3" << true;
    QTest::newRow("a snapshot conflicting with the log restarts it")
        << std::vector<Step>{{S::Header, 1, 1}, {S::Ent, 1, 1}, {S::Ent, 2, 1}, {S::Snap, 2, 2}}
        << "" << quint64(2) << "" << true;
    QTest::newRow("an entry inside the snapshot is refused")
        << std::vector<Step>{{S::Header, 1, 1}, {S::Snap, 10, 3}, {S::Ent, 10, 3}}
        << "at or before the start of the log" << quint64(0) << "" << true;
    QTest::newRow("released: the log starts before the first segment")
        << std::vector<Step>{{S::Header, 4, 101}, {S::Ent, 101, 2}, {S::Ent, 102, 2}}
        << "" << quint64(100) << "2 2" << false;
    QTest::newRow("released: an overwrite reaches below the first segment")
        << std::vector<Step>{{S::Header, 4, 101}, {S::Ent, 101, 2}, {S::Ent, 95, 3}}
        << "" << quint64(94) << "3" << false;
    QTest::newRow("released: a snapshot at the start tells its term")
        << std::vector<Step>{{S::Header, 4, 101}, {S::Snap, 100, 2}, {S::Ent, 101, 2}}
        << "" << quint64(100) << "2" << true;
}

void TestFormat::replay()
{
    QFETCH(std::vector<Step>, steps);
    QFETCH(QString, error);
    QFETCH(quint64, base);
    QFETCH(QString, terms);
    QFETCH(bool, baseTermKnown);
    WalReplayer r;
    std::uint64_t commit = 0;
    for (const Step &s : steps) {
        Status st;
        switch (s.kind) {
        case Step::Header: st = r.beginSegment(wal::SegmentHeader{s.a, s.b, 0, r.state().hardState, {}}); break;
        case Step::Ent: st = r.apply(wal::Record{entry(s.b, s.a)}); break;
        case Step::Hs: st = r.apply(wal::Record{raft::HardState{s.b, 0, s.a}}); break;
        case Step::Snap:
            commit = std::max(commit, s.a);
            st = r.apply(wal::Record{wal::SnapshotRecord{{s.a, s.b}, {s.b, 0, commit}}});
            break;
        }
        if (!st.ok()) {
            QVERIFY2(!error.isEmpty(), st.message().c_str());
            QVERIFY2(QString::fromStdString(st.message()).contains(error), st.message().c_str());
            return;
        }
    }
    QVERIFY2(error.isEmpty(), "replay should have failed");
    QCOMPARE(r.state().base, base);
    QStringList got;
    for (const raft::Entry &e : r.state().entries)
        got << QString::number(e.term);
    QCOMPARE(got.join(' '), terms);
    QCOMPARE(r.state().baseTerm.has_value(), baseTermKnown);
}

QTEST_APPLESS_MAIN(TestFormat)
#include "tst_format.moc"
