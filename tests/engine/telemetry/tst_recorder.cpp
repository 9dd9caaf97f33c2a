// The SQLite history recorder and reader: round trip, ranges, several runs, batching, and
// files it must refuse with a message naming them.

#include "engine/telemetry/SqliteReader.h"
#include "engine/telemetry/SqliteRecorder.h"
#include "tests/engine/telemetry/TelemetryData.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <fstream>

using namespace quorum::telemetry;
using namespace quorum::telemetry::testdata;

namespace {

std::string pathIn(const QTemporaryDir &dir, const char *name)
{
    return dir.filePath(QString::fromLatin1(name)).toStdString();
}

/// Runs SQL on a file directly, as another program (or a newer Quorum Studio) would.
void rawExec(const std::string &path, const char *sql)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char *error = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, message.c_str());
}

} // namespace

class TestRecorder : public QObject {
    Q_OBJECT

private slots:
    void roundTripAndRanges();
    void severalRunsInOneFile();
    void batchesSpanTransactions();
    void keepRunsDropsTheOldest();
    void prepareRecording();
    void corruptFileIsRefused();
    void newerSchemaIsRefused();
    void otherDatabasesAreRefused();
    void missingFile();
    void damagedRowsAreReported();
};

void TestRecorder::roundTripAndRanges()
{
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "run.qrec");
    std::vector<Event> events;
    std::vector<Sample> samples;
    for (int i = 0; i < 10; ++i) {
        events.push_back(i % 2 ? nodeNotReady(i * kSecond) : leaderElected(i * kSecond, i));
        samples.push_back(fullSample(i * kSecond, i));
    }
    const RunInfo info{0, "2026-11-22 10:15:00", "production-ha", 42, "kill-etcd-leader"};
    {
        auto opened = SqliteRecorder::open(path, info);
        QVERIFY2(opened.ok(), opened.error.c_str());
        SqliteRecorder &rec = *opened.value;
        for (int i = 0; i < 10; ++i) {
            rec.onEvent(events[static_cast<std::size_t>(i)]);
            rec.onSample(samples[static_cast<std::size_t>(i)]);
        }
        QCOMPARE(rec.eventsWritten(), std::uint64_t(10));
        QVERIFY2(rec.error().empty(), rec.error().c_str());
    }  // the destructor commits

    auto opened = SqliteReader::open(path);
    QVERIFY2(opened.ok(), opened.error.c_str());
    const SqliteReader &reader = *opened.value;
    auto runs = reader.runs();
    QVERIFY(runs.ok());
    QCOMPARE(runs.rows.size(), std::size_t(1));
    RunInfo expected = info;
    expected.id = runs.rows[0].id;
    QCOMPARE(runs.rows[0], expected);

    auto all = reader.events(expected.id, 0, 10 * kSecond);
    QVERIFY(all.ok());
    QCOMPARE(all.rows, events);
    auto middle = reader.events(expected.id, 3 * kSecond, 6 * kSecond);
    QCOMPARE(middle.rows, std::vector<Event>(events.begin() + 3, events.begin() + 6));
    auto someSamples = reader.samples(expected.id, 8 * kSecond, 100 * kSecond);
    QVERIFY(someSamples.ok());
    QCOMPARE(someSamples.rows, std::vector<Sample>(samples.begin() + 8, samples.end()));
    QVERIFY(reader.samples(expected.id + 1, 0, 100 * kSecond).rows.empty());
}

void TestRecorder::severalRunsInOneFile()
{
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "runs.qrec");
    for (std::uint64_t seed = 1; seed <= 2; ++seed) {
        auto rec = SqliteRecorder::open(path, RunInfo{0, "run", "t", seed, ""});
        QVERIFY2(rec.ok(), rec.error.c_str());
        rec.value->onEvent(leaderElected(static_cast<Micros>(seed), static_cast<std::int64_t>(seed)));
    }
    auto reader = SqliteReader::open(path);
    QVERIFY(reader.ok());
    auto runs = reader.value->runs().rows;
    QCOMPARE(runs.size(), std::size_t(2));
    QCOMPARE(runs[1].seed, std::uint64_t(2));
    auto second = reader.value->events(runs[1].id, 0, kSecond).rows;
    QCOMPARE(second, std::vector<Event>{leaderElected(2, 2)});
}

void TestRecorder::keepRunsDropsTheOldest()
{
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "kept.qrec");
    SqliteRecorder::Options keepThree;
    keepThree.keepRuns = 3;
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        auto rec = SqliteRecorder::open(path, RunInfo{0, "run", "t", seed, ""}, keepThree);
        QVERIFY2(rec.ok(), rec.error.c_str());
        rec.value->onEvent(leaderElected(static_cast<Micros>(seed), static_cast<std::int64_t>(seed)));
        rec.value->onSample(fullSample(static_cast<Micros>(seed) * kSecond, static_cast<int>(seed)));
    }
    auto reader = SqliteReader::open(path);
    QVERIFY(reader.ok());
    const auto runs = reader.value->runs().rows;
    QCOMPARE(runs.size(), std::size_t(3));
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const auto seed = static_cast<std::int64_t>(i) + 3; // runs 1 and 2 are gone
        QCOMPARE(runs[i].seed, static_cast<std::uint64_t>(seed));
        QCOMPARE(reader.value->events(runs[i].id, 0, kSecond).rows, std::vector<Event>{leaderElected(seed, seed)});
        QCOMPARE(reader.value->samples(runs[i].id, 0, 10 * kSecond).rows.size(), std::size_t(1));
    }
    // No event or sample of a dropped run is left behind.
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    for (const char *sql : {"SELECT count(*) FROM events", "SELECT count(*) FROM samples"}) {
        sqlite3_stmt *s = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, sql, -1, &s, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_step(s), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int(s, 0), 3);
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    // keepRuns 0 keeps everything.
    auto more = SqliteRecorder::open(path, RunInfo{0, "run", "t", 6, ""});
    QVERIFY(more.ok());
    more.value.reset();
    QCOMPARE(SqliteReader::open(path).value->runs().rows.size(), std::size_t(4));
}

void TestRecorder::prepareRecording()
{
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "empty.qrec");
    QCOMPARE(quorum::telemetry::prepareRecording(path), std::string());
    auto reader = SqliteReader::open(path);
    QVERIFY2(reader.ok(), reader.error.c_str());
    QVERIFY(reader.value->runs().rows.empty());
    // Checking an existing recording changes nothing; a file of something else is refused by name.
    QCOMPARE(quorum::telemetry::prepareRecording(path), std::string());
    const std::string other = pathIn(dir, "notes.txt");
    {
        QFile f(QString::fromStdString(other));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("just text, not a database at all\n");
    }
    const std::string error = quorum::telemetry::prepareRecording(other);
    QVERIFY2(error.starts_with(other), error.c_str());
}

void TestRecorder::batchesSpanTransactions()
{
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "batches.qrec");
    auto rec = SqliteRecorder::open(path, RunInfo{}, SqliteRecorder::Options{7});
    QVERIFY(rec.ok());
    for (int i = 0; i < 50; ++i)
        rec.value->onEvent(leaderElected(i, i));
    // 49 rows are committed (7 full batches); the last one is visible after flush().
    {
        auto reader = SqliteReader::open(path);
        QVERIFY(reader.ok());
        QCOMPARE(reader.value->events(rec.value->runId(), 0, 1000).rows.size(), std::size_t(49));
    }
    rec.value->flush();
    auto reader = SqliteReader::open(path);
    QCOMPARE(reader.value->events(rec.value->runId(), 0, 1000).rows.size(), std::size_t(50));
}

void TestRecorder::corruptFileIsRefused()
{
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "corrupt.qrec");
    const std::string line = "this is not a database, just some text. ";
    {
        std::ofstream out(path, std::ios::binary);
        for (int i = 0; i < 200; ++i)
            out << line;
    }
    auto reader = SqliteReader::open(path);
    QVERIFY(!reader.ok());
    QCOMPARE(reader.error, path + ": not a Quorum Studio recording, or the file is corrupt (file is not a database)");
    auto rec = SqliteRecorder::open(path, RunInfo{});
    QVERIFY(!rec.ok());
    QCOMPARE(rec.error, reader.error);
    // Refusing never touches the user's file.
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    QCOMPARE(static_cast<std::size_t>(in.tellg()), 200 * line.size());
}

void TestRecorder::newerSchemaIsRefused()
{
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "newer.qrec");
    {
        auto rec = SqliteRecorder::open(path, RunInfo{});
        QVERIFY(rec.ok());
    }
    rawExec(path, "UPDATE meta SET value = '7' WHERE key = 'schema_version'");
    const std::string expected = path + ": recorded with schema version 7, newer than this version of Quorum Studio "
                                        "reads (1); open it with a newer Quorum Studio";
    auto reader = SqliteReader::open(path);
    QCOMPARE(reader.error, expected);
    auto rec = SqliteRecorder::open(path, RunInfo{});
    QCOMPARE(rec.error, expected);
}

void TestRecorder::otherDatabasesAreRefused()
{
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "other.db");
    rawExec(path, "CREATE TABLE contacts(name TEXT)");
    auto rec = SqliteRecorder::open(path, RunInfo{});
    QCOMPARE(rec.error, path + ": not a Quorum Studio recording (a SQLite database without a 'meta' table)");

    const std::string empty = pathIn(dir, "empty.qrec");
    std::ofstream(empty).close();
    auto reader = SqliteReader::open(empty);
    QCOMPARE(reader.error, empty + ": the file is empty; it holds no recording");
}

void TestRecorder::missingFile()
{
    auto reader = SqliteReader::open("/nonexistent/folder/run.qrec");
    QCOMPARE(reader.error,
             std::string("/nonexistent/folder/run.qrec: cannot open the recording (unable to open database file)"));
    auto rec = SqliteRecorder::open("/nonexistent/folder/run.qrec", RunInfo{});
    QCOMPARE(rec.error, std::string("/nonexistent/folder/run.qrec: cannot create or open the recording "
                                    "(unable to open database file)"));
}

void TestRecorder::damagedRowsAreReported()
{
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "damaged.qrec");
    std::int64_t run = 0;
    {
        auto rec = SqliteRecorder::open(path, RunInfo{});
        QVERIFY(rec.ok());
        run = rec.value->runId();
        rec.value->onEvent(leaderElected(kSecond, 1));
        rec.value->onSample(fullSample(2 * kSecond, 1));
    }
    rawExec(path, "UPDATE samples SET data = x'01ff'; UPDATE events SET kind = 'Gossip'");
    auto reader = SqliteReader::open(path);
    QVERIFY(reader.ok());
    QCOMPARE(reader.value->samples(run, 0, 10 * kSecond).error,
             path + ": run 1, sample at 2.000000 s: unreadable data (corrupt, or a newer sample format)");
    QCOMPARE(reader.value->events(run, 0, 10 * kSecond).error, path + ": run 1, event at 1.000000 s: unknown kind 'Gossip'");
}

QTEST_GUILESS_MAIN(TestRecorder)
#include "tst_recorder.moc"
