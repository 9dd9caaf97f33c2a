// .quorum project files: round trip, refused and damaged files (each one clear message naming
// the file, never a crash), and atomic saves, including a save that dies before its rename.

#include "engine/project/Project.h"
#include "engine/telemetry/SqliteReader.h"
#include "engine/telemetry/SqliteRecorder.h"
#include "tests/engine/telemetry/TelemetryData.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

using namespace quorum;
using project::Project;

namespace {

const std::string kTemplate = QUORUM_SOURCE_DIR "/resources/templates/production-ha.yaml";
const std::string kScenarios = QUORUM_SOURCE_DIR "/resources/scenarios/";

std::string pathIn(const QTemporaryDir &dir, const char *name)
{
    return dir.filePath(QString::fromLatin1(name)).toStdString();
}

std::string readBytes(const std::string &path)
{
    QFile file(QString::fromStdString(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
}

void writeBytes(const std::string &path, const std::string &bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

/// Runs SQL on a file directly, as another program (or a newer Quorum Studio) would.
void rawExec(const std::string &path, const std::string &sql)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char *error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, message.c_str());
}

/// The production template with a few placed cards and two scenarios (in name order, as
/// loadProject returns them).
Project sampleProject()
{
    Project p;
    auto loaded = model::loadTopologyFile(kTemplate);
    if (!loaded.ok())
        qFatal("cannot load %s: %s", kTemplate.c_str(), loaded.errors.front().toString().c_str());
    p.topology = std::move(*loaded.topology);
    p.positions = {{"node/cp-1", {10, 20}}, {"node/cp-2", {-130.5, 20.25}}, {"zone/zone-a", {0, 0}},
                   {"loadbalancer/api-lb", {1e6, -0.001}}};
    p.sizes = {{"zone/zone-a", {400, 0}}, {"zone/zone-b", {304.5, 520, 16, 40.5}}, {"zone/zone-c", {0, 0, 0, 8}},
               {"band/storage", {720, 0}}, {"band/workloads", {0, 344.5}}};
    for (const char *name : {"kill-etcd-leader.yaml", "zone-outage.yaml"})
        p.scenarios.push_back(project::ScenarioEntry{name, readBytes(kScenarios + name)});
    return p;
}

/// A second, different design for "which version is on disk" checks.
Project otherProject()
{
    Project p = sampleProject();
    p.topology.name = "after-the-edit";
    p.positions["node/cp-1"] = {99, 99};
    p.scenarios.pop_back();
    return p;
}

void verifySameProject(const Project &actual, const Project &expected)
{
    QVERIFY(actual.topology.sameDesign(expected.topology));
    QCOMPARE(actual.topology.name, expected.topology.name);
    QVERIFY(actual.positions == expected.positions);
    QVERIFY(actual.sizes == expected.sizes);
    QVERIFY(actual.scenarios == expected.scenarios);
}

/// The sample project saved to `path`, made into an older format's file by `sql`, and read.
project::ProjectLoad loadAsOlderFormat(const std::string &path, const std::string &sql)
{
    if (const auto error = project::saveProject(sampleProject(), path))
        qFatal("cannot save %s: %s", path.c_str(), error->c_str());
    rawExec(path, sql);
    return project::loadProject(path);
}

/// Saves `p` to `path` and reads it back: the current format, and `expected`.
void verifySavedAndRead(const Project &p, const std::string &path, const Project &expected)
{
    const auto error = project::saveProject(p, path);
    QVERIFY2(!error, error ? error->c_str() : "");
    const auto load = project::loadProject(path);
    QVERIFY2(load.ok(), load.errors.empty() ? "" : load.errors.front().toString().c_str());
    QCOMPARE(load.format, project::kProjectFormatVersion);
    verifySameProject(*load.project, expected);
}

/// Exactly one error, naming the file, whose message contains `expected`.
void verifyRefused(const project::ProjectLoad &load, const std::string &path, const QString &expected)
{
    QVERIFY(!load.ok());
    QCOMPARE(load.errors.size(), std::size_t(1));
    const model::Diagnostic &d = load.errors.front();
    QCOMPARE(d.file, path);
    QVERIFY2(QString::fromStdString(d.message).contains(expected, Qt::CaseInsensitive), d.message.c_str());
    QVERIFY(QString::fromStdString(d.toString()).startsWith(QString::fromStdString(path)));
}

QStringList filesIn(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

} // namespace

class TestProject : public QObject {
    Q_OBJECT

private slots:
    void roundTrip();
    void savingTwiceOverwrites();
    void looksLikeProject();
    void refusedFiles_data();
    void refusedFiles();
    void truncatedFiles_data();
    void truncatedFiles();
    void flippedBytesNeverCrash();
    void invalidTopologyYaml_data();
    void invalidTopologyYaml();
    void crashDuringSaveKeepsPreviousFile();
    void failedSaveKeepsPreviousFile_data();
    void failedSaveKeepsPreviousFile();
    void unusableFolder_data();
    void unusableFolder();
    void loadDoesNotModifyTheFile();
    void runsRoundTrip();
    void formatOneReadsWithoutRuns();
    void formatTwoReadsWithoutSizes();
    void formatThreeReadsWithoutOutsets();
    void formatFourReadsWithoutBands();
    void formatFiveSaysItsPositionsAreInTheScene();
    void formatSixReadsAsItIs();
    void bandOutsetsRoundTrip();
    void runsSourceRefused();
};

void TestProject::roundTrip()
{
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "design.quorum");
    const Project original = sampleProject();
    const auto error = project::saveProject(original, path);
    QVERIFY2(!error, error ? error->c_str() : "");

    const auto load = project::loadProject(path);
    QVERIFY2(load.ok(), load.errors.empty() ? "" : load.errors.front().toString().c_str());
    verifySameProject(*load.project, original);
    QCOMPARE(filesIn(dir), QStringList{"design.quorum"});
}

void TestProject::savingTwiceOverwrites()
{
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "design.quorum");
    QVERIFY(!project::saveProject(sampleProject(), path));
    QVERIFY(!project::saveProject(otherProject(), path));
    const auto load = project::loadProject(path);
    QVERIFY(load.ok());
    verifySameProject(*load.project, otherProject());
    QCOMPARE(filesIn(dir), QStringList{"design.quorum"});
}

void TestProject::looksLikeProject()
{
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "design.quorum");
    QVERIFY(!project::saveProject(sampleProject(), path));
    QVERIFY(project::looksLikeProject(path));
    QVERIFY(!project::looksLikeProject(kTemplate));
    QVERIFY(!project::looksLikeProject(pathIn(dir, "missing.quorum")));
    writeBytes(pathIn(dir, "short.quorum"), "SQLite");
    QVERIFY(!project::looksLikeProject(pathIn(dir, "short.quorum")));
    QVERIFY(!project::looksLikeProject(dir.path().toStdString()));
}

void TestProject::refusedFiles_data()
{
    QTest::addColumn<QString>("start");     // "project", "yaml", "empty", "missing" or "sqlite"
    QTest::addColumn<QString>("sql");       // then run on the file
    QTest::addColumn<QString>("expected");  // in the one error message

    QTest::newRow("topology YAML") << "yaml" << "" << "not a SQLite database";
    QTest::newRow("empty file") << "empty" << "" << "empty";
    QTest::newRow("missing file") << "missing" << "" << "No such file";
    QTest::newRow("another application's database")
        << "sqlite" << "CREATE TABLE notes(text TEXT)" << "another application";
    QTest::newRow("wrong application id") << "project" << "PRAGMA application_id = 42" << "another application";
    QTest::newRow("newer format") << "project" << "PRAGMA user_version = 8"
                                  << "written by a newer Quorum Studio: format 8, this version reads up to 7";
    QTest::newRow("unknown band")
        << "project" << "UPDATE sizes SET element_id = 'band/lanes' WHERE element_id = 'band/storage'"
        << "'band/lanes' is not a band of the diagram";
    QTest::newRow("band with an outset in format 6")
        << "project" << "UPDATE sizes SET outset_top = 8 WHERE element_id = 'band/workloads'; PRAGMA user_version = 6"
        << "the band 'band/workloads' has an outset, which a format-6 file cannot have";
    QTest::newRow("negative band outset")
        << "project" << "UPDATE sizes SET outset_left = -8 WHERE element_id = 'band/storage'"
        << "sizes: the left outset of 'band/storage' is not a number of 0 or more";
    QTest::newRow("band outset not a number")
        << "project" << "UPDATE sizes SET outset_top = 'up' WHERE element_id = 'band/workloads'"
        << "sizes: the top outset of 'band/workloads' is not a number of 0 or more";
    QTest::newRow("infinite band outset")
        << "project" << "UPDATE sizes SET outset_left = 1e999 WHERE element_id = 'band/storage'"
        << "sizes: the left outset of 'band/storage' is not a number of 0 or more";
    QTest::newRow("negative band size")
        << "project" << "UPDATE sizes SET width = -1 WHERE element_id = 'band/storage'"
        << "the width of 'band/storage' is not a number of 0 or more";
    QTest::newRow("no format version") << "project" << "PRAGMA user_version = 0" << "format version 0";
    QTest::newRow("missing table") << "project" << "DROP TABLE positions" << "the table 'positions' is missing";
    QTest::newRow("missing run table") << "project" << "DROP TABLE run_samples" << "the table 'run_samples' is missing";
    QTest::newRow("missing sizes table") << "project" << "DROP TABLE sizes" << "the table 'sizes' is missing";
    QTest::newRow("size not a number")
        << "project" << "UPDATE sizes SET width = 'wide' WHERE element_id = 'zone/zone-a'"
        << "the width of 'zone/zone-a' is not a number";
    QTest::newRow("negative size") << "project" << "UPDATE sizes SET height = -8 WHERE element_id = 'zone/zone-b'"
                                   << "the height of 'zone/zone-b' is not a number of 0 or more";
    QTest::newRow("negative outset")
        << "project" << "UPDATE sizes SET outset_left = -16 WHERE element_id = 'zone/zone-b'"
        << "the left outset of 'zone/zone-b' is not a number of 0 or more";
    QTest::newRow("outset not a number")
        << "project" << "UPDATE sizes SET outset_top = 'up' WHERE element_id = 'zone/zone-c'"
        << "the top outset of 'zone/zone-c' is not a number of 0 or more";
    QTest::newRow("format 4 without outsets") << "project" << "ALTER TABLE sizes DROP COLUMN outset_top"
                                               << "cannot read the sizes";
    QTest::newRow("no topology") << "project" << "DELETE FROM topology" << "holds no topology";
    QTest::newRow("two topologies") << "project" << "INSERT INTO topology SELECT * FROM topology"
                                    << "more than one topology";
    QTest::newRow("position not a number")
        << "project" << "UPDATE positions SET x = 'left' WHERE element_id = 'node/cp-1'"
        << "the x of 'node/cp-1' is not a number";
    QTest::newRow("changed columns") << "project"
                                     << "DROP TABLE scenarios; CREATE TABLE scenarios(title TEXT)"
                                     << "cannot read the scenarios";
}

void TestProject::refusedFiles()
{
    QFETCH(QString, start);
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "design.quorum");
    if (start == "project")
        QVERIFY(!project::saveProject(sampleProject(), path));
    else if (start == "yaml")
        writeBytes(path, readBytes(kTemplate));
    else if (start == "empty")
        writeBytes(path, "");
    if (!sql.isEmpty())
        rawExec(path, sql.toStdString());
    verifyRefused(project::loadProject(path), path, expected);
}

void TestProject::truncatedFiles_data()
{
    QTest::addColumn<double>("keep");  // fraction of the file kept; > 1 means bytes
    QTest::newRow("half") << 0.5;
    QTest::newRow("all but the last byte") << -1.0;
    QTest::newRow("100 bytes") << 100.0;
    QTest::newRow("10 bytes") << 10.0;
}

void TestProject::truncatedFiles()
{
    QFETCH(double, keep);
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "design.quorum");
    QVERIFY(!project::saveProject(sampleProject(), path));
    const std::string bytes = readBytes(path);
    const std::size_t size = keep < 0   ? bytes.size() - 1
                             : keep > 1 ? static_cast<std::size_t>(keep)
                                        : static_cast<std::size_t>(static_cast<double>(bytes.size()) * keep);
    QVERIFY(size < bytes.size());
    writeBytes(path, bytes.substr(0, size));
    verifyRefused(project::loadProject(path), path, "truncated");
}

void TestProject::flippedBytesNeverCrash()
{
    QTemporaryDir dir;
    const std::string good = pathIn(dir, "good.quorum");
    const std::string path = pathIn(dir, "damaged.quorum");
    QVERIFY(!project::saveProject(sampleProject(), good));
    const std::string bytes = readBytes(good);
    QRandomGenerator random(20261122);
    int refused = 0;
    const int rounds = 300;
    for (int round = 0; round < rounds; ++round) {
        std::string damaged = bytes;
        // Mostly inside the pages; every tenth round also in the header.
        const std::size_t from = round % 10 == 0 ? 0 : 100;
        const int flips = 1 + static_cast<int>(random.bounded(8));
        for (int i = 0; i < flips; ++i) {
            const auto at = from + random.bounded(static_cast<quint32>(bytes.size() - from));
            damaged[at] = static_cast<char>(damaged[at] ^ static_cast<char>(1 + random.bounded(255)));
        }
        writeBytes(path, damaged);
        const auto load = project::loadProject(path);
        // SQLite cannot notice every flipped byte (say, inside a YAML text); then the file
        // loads, or the YAML parser reports it. Either way: a result, never a crash.
        QVERIFY(load.ok() != !load.errors.empty());
        for (const model::Diagnostic &d : load.errors) {
            QCOMPARE(d.file, path);
            QVERIFY(!d.message.empty());
        }
        refused += load.ok() ? 0 : 1;
    }
    qInfo("%d of %d damaged files refused", refused, rounds);
    QVERIFY(refused > 0);
}

void TestProject::invalidTopologyYaml_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("field");
    QTest::newRow("syntax error") << "apiVersion: quorum.studio/v1alpha1\nkind: Topology\nspec: [unclosed\n" << 0
                                  << "topology";
    QTest::newRow("unknown role") << "apiVersion: quorum.studio/v1alpha1\nkind: Topology\nmetadata:\n  name: x\n"
                                     "spec:\n  nodes:\n    - name: a\n      role: chef\n"
                                  << 8 << "topology.spec.nodes[0].role";
}

void TestProject::invalidTopologyYaml()
{
    QFETCH(QString, yaml);
    QFETCH(int, line);
    QFETCH(QString, field);
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "design.quorum");
    QVERIFY(!project::saveProject(sampleProject(), path));
    {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        sqlite3_stmt *s = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, "UPDATE topology SET yaml = ?1", -1, &s, nullptr), SQLITE_OK);
        const QByteArray text = yaml.toUtf8();
        sqlite3_bind_text(s, 1, text.constData(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        QCOMPARE(sqlite3_step(s), SQLITE_DONE);
        sqlite3_finalize(s);
        sqlite3_close(db);
    }
    const auto load = project::loadProject(path);
    QVERIFY(!load.ok());
    QVERIFY(!load.errors.empty());
    const model::Diagnostic &d = load.errors.front();
    QCOMPARE(d.file, path);
    QVERIFY2(d.line > 0, d.toString().c_str());
    QVERIFY(d.column > 0);
    if (line > 0)
        QCOMPARE(d.line, line);
    QCOMPARE(QString::fromStdString(d.field), field);
}

// A save killed after the temporary file is complete but before the rename (the child process
// _exit()s in the hook, so no destructor runs): the target must still be the previous version.
// The dead save's temporary file stays behind until the next save to the same target, which
// replaces it; that save leaves nothing but the target.
void TestProject::crashDuringSaveKeepsPreviousFile()
{
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "design.quorum");
    QVERIFY(!project::saveProject(sampleProject(), path));

    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        project::SaveHooks hooks;
        hooks.beforeRename = [](const std::string &) { ::_exit(3); };
        project::saveProject(otherProject(), path, hooks);
        ::_exit(1);  // the hook was not called
    }
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 3);

    const auto afterCrash = project::loadProject(path);
    QVERIFY(afterCrash.ok());
    verifySameProject(*afterCrash.project, sampleProject());
    QCOMPARE(filesIn(dir), (QStringList{".design.quorum.saving", "design.quorum"}));
    // The dead save's file is complete: it is exactly what would have been renamed.
    const auto leftover = project::loadProject(pathIn(dir, ".design.quorum.saving"));
    QVERIFY(leftover.ok());
    verifySameProject(*leftover.project, otherProject());

    QVERIFY(!project::saveProject(otherProject(), path));
    const auto afterSave = project::loadProject(path);
    QVERIFY(afterSave.ok());
    verifySameProject(*afterSave.project, otherProject());
    QCOMPARE(filesIn(dir), QStringList{"design.quorum"});
}

void TestProject::failedSaveKeepsPreviousFile_data()
{
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("expected");
    QTest::newRow("two scenarios of one name") << "duplicate scenario" << "two scenarios are named 'zone-outage.yaml'";
    QTest::newRow("scenario without a name") << "unnamed scenario" << "a scenario has no name";
    QTest::newRow("position not finite") << "NaN position" << "the position of 'node/cp-1' is not a finite number";
    QTest::newRow("size not finite") << "infinite size" << "the width of 'zone/zone-a' is not a finite number";
    QTest::newRow("outset negative") << "negative outset" << "the left outset of 'zone/zone-a' is not a finite number of 0 or more";
    QTest::newRow("unknown band") << "unknown band" << "'band/everything' is not a band of the diagram";
    QTest::newRow("band outset negative") << "negative band outset"
                                          << "the left outset of 'band/storage' is not a finite number of 0 or more";
    QTest::newRow("band outset not a number") << "NaN band outset"
                                              << "the top outset of 'band/workloads' is not a finite number of 0 or more";
    QTest::newRow("hook throws") << "throwing hook" << "unexpected error";
}

void TestProject::failedSaveKeepsPreviousFile()
{
    QFETCH(QString, problem);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "design.quorum");
    QVERIFY(!project::saveProject(sampleProject(), path));
    const std::string before = readBytes(path);

    Project bad = otherProject();
    project::SaveHooks hooks;
    if (problem == "duplicate scenario")
        bad.scenarios.insert(bad.scenarios.end(), 2, project::ScenarioEntry{"zone-outage.yaml", "{}"});
    else if (problem == "unnamed scenario")
        bad.scenarios.push_back(project::ScenarioEntry{"", "{}"});
    else if (problem == "NaN position")
        bad.positions["node/cp-1"] = {std::numeric_limits<double>::quiet_NaN(), 0};
    else if (problem == "infinite size")
        bad.sizes["zone/zone-a"] = {std::numeric_limits<double>::infinity(), 0};
    else if (problem == "negative outset")
        bad.sizes["zone/zone-a"] = {400, 0, -8, 0};
    else if (problem == "unknown band")
        bad.sizes["band/everything"] = {400, 400};
    else if (problem == "negative band outset")
        bad.sizes["band/storage"] = {400, 400, -8, 0};
    else if (problem == "NaN band outset")
        bad.sizes["band/workloads"] = {0, 0, 8, std::numeric_limits<double>::quiet_NaN()};
    else
        hooks.beforeRename = [](const std::string &) { throw std::runtime_error("disk on fire"); };

    const auto error = project::saveProject(bad, path, hooks);
    QVERIFY(error.has_value());
    const QString message = QString::fromStdString(*error);
    QVERIFY2(message.startsWith(QString::fromStdString(path)), error->c_str());
    QVERIFY2(message.contains(expected), error->c_str());
    QVERIFY2(message.contains("the previous file is unchanged"), error->c_str());
    QCOMPARE(readBytes(path), before);
    QCOMPARE(filesIn(dir), QStringList{"design.quorum"});
}

void TestProject::unusableFolder_data()
{
    QTest::addColumn<bool>("readOnly");  // else: missing
    QTest::newRow("missing folder") << false;
    QTest::newRow("read-only folder") << true;
}

void TestProject::unusableFolder()
{
    QFETCH(bool, readOnly);
    QTemporaryDir dir;
    if (readOnly && ::geteuid() == 0)
        QSKIP("root writes into read-only folders");
    const std::string folder = pathIn(dir, "designs");
    const std::string path = folder + "/design.quorum";
    std::string before;
    if (readOnly) {
        QVERIFY(QDir(dir.path()).mkdir("designs"));
        QVERIFY(!project::saveProject(sampleProject(), path));
        before = readBytes(path);
        QCOMPARE(::chmod(folder.c_str(), 0555), 0);
    }
    const auto error = project::saveProject(otherProject(), path);
    if (readOnly)
        ::chmod(folder.c_str(), 0755);
    QVERIFY(error.has_value());
    QVERIFY2(QString::fromStdString(*error).startsWith(QString::fromStdString(path)), error->c_str());
    QVERIFY2(QString::fromStdString(*error).contains(readOnly ? "Permission denied" : "does not exist"), error->c_str());
    if (readOnly) {
        QCOMPARE(readBytes(path), before);
        QCOMPARE(QDir(QString::fromStdString(folder)).entryList(QDir::Files | QDir::Hidden), QStringList{"design.quorum"});
    } else {
        QVERIFY(!QFileInfo::exists(QString::fromStdString(folder)));
    }
}

void TestProject::loadDoesNotModifyTheFile()
{
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "design.quorum");
    QVERIFY(!project::saveProject(sampleProject(), path));
    // An old timestamp, so that any write would show.
    const auto old = std::filesystem::file_time_type::clock::now() - std::chrono::hours(24);
    std::filesystem::last_write_time(path, old);
    QCOMPARE(::chmod(path.c_str(), 0444), 0);  // a read-write open would fail (as non-root)
    const std::string before = readBytes(path);

    const auto load = project::loadProject(path);
    QVERIFY2(load.ok(), load.errors.empty() ? "" : load.errors.front().toString().c_str());
    QCOMPARE(readBytes(path), before);
    QVERIFY(std::filesystem::last_write_time(path) == old);
    QCOMPARE(filesIn(dir), QStringList{"design.quorum"});
}


namespace {

using telemetry::RunInfo;

/// Two runs with events and samples, as the engine records them.
void recordTwoRuns(const std::string &path)
{
    using namespace telemetry::testdata;
    for (std::uint64_t seed = 1; seed <= 2; ++seed) {
        auto rec = telemetry::SqliteRecorder::open(path, RunInfo{0, "2026-12-02 23:0" + std::to_string(seed) + ":00 UTC",
                                                                 "production-ha", seed, seed == 2 ? "kill-etcd-leader" : ""});
        QVERIFY2(rec.ok(), rec.error.c_str());
        for (int i = 0; i < 40; ++i) {
            const auto t = static_cast<telemetry::Micros>(i) * telemetry::kSecond;
            rec.value->onEvent(i % 2 ? nodeNotReady(t) : leaderElected(t, static_cast<std::int64_t>(seed) * 10 + i));
            rec.value->onSample(fullSample(t, i + static_cast<int>(seed)));
        }
    }
}

/// Every run, event and sample of two recordings is the same (run ids included).
void verifySameRuns(const std::string &actualPath, const std::string &expectedPath)
{
    auto actual = telemetry::SqliteReader::open(actualPath);
    auto expected = telemetry::SqliteReader::open(expectedPath);
    QVERIFY2(actual.ok(), actual.error.c_str());
    QVERIFY2(expected.ok(), expected.error.c_str());
    const auto runs = expected.value->runs().rows;
    QCOMPARE(actual.value->runs().rows, runs);
    QVERIFY(!runs.empty());
    const telemetry::Micros end = 1000 * telemetry::kSecond;
    for (const RunInfo &run : runs) {
        const auto events = expected.value->events(run.id, 0, end).rows;
        const auto samples = expected.value->samples(run.id, 0, end).rows;
        QVERIFY(!events.empty() && !samples.empty());
        QCOMPARE(actual.value->events(run.id, 0, end).rows, events);
        QCOMPARE(actual.value->samples(run.id, 0, end).rows, samples);
    }
}

} // namespace

void TestProject::runsRoundTrip()
{
    QTemporaryDir dir;
    const std::string recording = pathIn(dir, "runs.sqlite");
    recordTwoRuns(recording);
    const std::string path = pathIn(dir, "design.quorum");
    const Project original = sampleProject();
    auto error = project::saveProject(original, path, {}, recording);
    QVERIFY2(!error, error ? error->c_str() : "");

    const auto load = project::loadProject(path);
    QVERIFY(load.ok());
    verifySameProject(*load.project, original);
    QCOMPARE(load.recordedRuns, 2);

    // Opening the project copies its runs out; saving copies them back in (the open/save cycle).
    const std::string extracted = pathIn(dir, "extracted.sqlite");
    writeBytes(extracted, "an older file at that place is replaced");
    error = project::extractRuns(path, extracted);
    QVERIFY2(!error, error ? error->c_str() : "");
    verifySameRuns(extracted, recording);
    // The extracted file is a recording the engine can go on recording into.
    {
        auto third = telemetry::SqliteRecorder::open(extracted, RunInfo{0, "later", "production-ha", 3, ""});
        QVERIFY2(third.ok(), third.error.c_str());
        third.value->onEvent(telemetry::testdata::leaderElected(5, 5));
        third.value->onSample(telemetry::testdata::fullSample(telemetry::kSecond, 7));
    }
    QVERIFY(!project::saveProject(original, path, {}, extracted));
    QCOMPARE(project::loadProject(path).recordedRuns, 3);
    const std::string again = pathIn(dir, "again.sqlite");
    QVERIFY(!project::extractRuns(path, again));
    verifySameRuns(again, extracted);

    // Saving without runsFrom keeps no runs.
    QVERIFY(!project::saveProject(original, path));
    QCOMPARE(project::loadProject(path).recordedRuns, 0);
    QVERIFY(!project::extractRuns(path, again));
    QVERIFY(telemetry::SqliteReader::open(again).value->runs().rows.empty());
}

void TestProject::formatOneReadsWithoutRuns()
{
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "old.quorum");
    QVERIFY(!project::saveProject(sampleProject(), path));
    // What format 1 wrote: the same four tables, no run tables and no sizes.
    rawExec(path, "DROP TABLE runs; DROP TABLE run_events; DROP TABLE run_samples; DROP TABLE sizes; "
                  "PRAGMA user_version = 1");
    const auto load = project::loadProject(path);
    QVERIFY2(load.ok(), load.errors.empty() ? "" : load.errors.front().toString().c_str());
    Project withoutSizes = sampleProject();
    withoutSizes.sizes.clear();
    verifySameProject(*load.project, withoutSizes);
    QCOMPARE(load.recordedRuns, 0);
    const std::string extracted = pathIn(dir, "runs.sqlite");
    const auto error = project::extractRuns(path, extracted);
    QVERIFY2(!error, error ? error->c_str() : "");
    QVERIFY(telemetry::SqliteReader::open(extracted).value->runs().rows.empty());
}

void TestProject::formatTwoReadsWithoutSizes()
{
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "old.quorum");
    QVERIFY(!project::saveProject(sampleProject(), path));
    // What format 2 wrote: no sizes table; every lane gets its automatic size.
    rawExec(path, "DROP TABLE sizes; PRAGMA user_version = 2");
    const auto load = project::loadProject(path);
    QVERIFY2(load.ok(), load.errors.empty() ? "" : load.errors.front().toString().c_str());
    Project withoutSizes = sampleProject();
    withoutSizes.sizes.clear();
    verifySameProject(*load.project, withoutSizes);
    // Saved again, it is format 3 (with the sizes it has: none).
    const std::string again = pathIn(dir, "again.quorum");
    QVERIFY(!project::saveProject(*load.project, again));
    const auto reloaded = project::loadProject(again);
    QVERIFY(reloaded.ok());
    QVERIFY(reloaded.project->sizes.empty());
}

void TestProject::formatThreeReadsWithoutOutsets()
{
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "old.quorum");
    QVERIFY(!project::saveProject(sampleProject(), path));
    // What format 3 wrote: sizes without the outset columns; every lane starts where the
    // automatic layout starts it.
    rawExec(path, "ALTER TABLE sizes DROP COLUMN outset_left; ALTER TABLE sizes DROP COLUMN outset_top; "
                  "PRAGMA user_version = 3");
    const auto load = project::loadProject(path);
    QVERIFY2(load.ok(), load.errors.empty() ? "" : load.errors.front().toString().c_str());
    Project withoutOutsets = sampleProject();
    for (auto &[id, size] : withoutOutsets.sizes)
        size.left = size.top = 0;
    verifySameProject(*load.project, withoutOutsets);
    // Saved again, it is format 4 with outsets of 0.
    const std::string again = pathIn(dir, "again.quorum");
    QVERIFY(!project::saveProject(*load.project, again));
    const auto reloaded = project::loadProject(again);
    QVERIFY(reloaded.ok());
    verifySameProject(*reloaded.project, withoutOutsets);
}

void TestProject::formatFourReadsWithoutBands()
{
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "old.quorum");
    QVERIFY(!project::saveProject(sampleProject(), path));
    // What format 4 wrote: the sizes of zones only; every band gets its automatic size.
    rawExec(path, "DELETE FROM sizes WHERE element_id LIKE 'band/%'; PRAGMA user_version = 4");
    const auto load = project::loadProject(path);
    QVERIFY2(load.ok(), load.errors.empty() ? "" : load.errors.front().toString().c_str());
    Project withoutBands = sampleProject();
    withoutBands.sizes.erase("band/storage");
    withoutBands.sizes.erase("band/workloads");
    verifySameProject(*load.project, withoutBands);
}

void TestProject::formatFiveSaysItsPositionsAreInTheScene()
{
    // Format 6 keeps positions relative to the cards' lanes and bands; the rows are the same, so
    // the reader only says which format it read and the designer converts older positions.
    QTemporaryDir dir;
    const auto load = loadAsOlderFormat(pathIn(dir, "old.quorum"), "PRAGMA user_version = 5");
    QVERIFY(load.ok());
    QCOMPARE(load.format, 5);
    QVERIFY(load.project->positions == sampleProject().positions);
}

void TestProject::formatSixReadsAsItIs()
{
    // Format 7 only lets band rows carry outsets; a format-6 file (bands without outsets) reads
    // as it is, and is saved again as format 7 with the same rows.
    QTemporaryDir dir;
    const auto load = loadAsOlderFormat(pathIn(dir, "old.quorum"),
                                        "PRAGMA user_version = 6; UPDATE meta SET value = '6' WHERE key = 'format_version'");
    QVERIFY2(load.ok(), load.errors.empty() ? "" : load.errors.front().toString().c_str());
    QCOMPARE(load.format, 6);
    verifySameProject(*load.project, sampleProject());
    verifySavedAndRead(*load.project, pathIn(dir, "again.quorum"), sampleProject());
}

void TestProject::bandOutsetsRoundTrip()
{
    // Format 7: a band dragged out to the left or up keeps how far, as a lane does; saved again
    // as read, it reads the same.
    QTemporaryDir dir;
    Project withOutsets = sampleProject();
    withOutsets.sizes["band/storage"] = {816, 0, 96, 0};
    withOutsets.sizes["band/workloads"] = {0, 344.5, 8.5, 64};
    withOutsets.sizes["band/loadbalancers"] = {0, 0, 0, 24};
    const std::string path = pathIn(dir, "bands.quorum");
    verifySavedAndRead(withOutsets, path, withOutsets);
    QCOMPARE(project::kProjectFormatVersion, project::kBandOutsetsFormatVersion);
    const auto load = project::loadProject(path);
    QVERIFY(load.ok());
    verifySavedAndRead(*load.project, pathIn(dir, "again.quorum"), withOutsets);
}

void TestProject::runsSourceRefused()
{
    QTemporaryDir dir;
    const std::string path = pathIn(dir, "design.quorum");
    QVERIFY(!project::saveProject(otherProject(), path));
    const std::string before = readBytes(path);
    // A recording that is not there, and a file that is no recording (the project itself).
    for (const std::string &source : {pathIn(dir, "gone.sqlite"), path}) {
        const auto error = project::saveProject(sampleProject(), path, {}, source);
        QVERIFY(error);
        QVERIFY2(error->starts_with(path + ": cannot save: cannot copy the recorded runs: " + source), error->c_str());
        QVERIFY2(error->ends_with("the previous file is unchanged"), error->c_str());
        QCOMPARE(readBytes(path), before);
        QCOMPARE(filesIn(dir), QStringList{"design.quorum"});
    }
    // Runs of a project that is not one cannot be extracted; the message names it.
    const std::string notAProject = pathIn(dir, "notes.quorum");
    writeBytes(notAProject, "hello");
    const auto error = project::extractRuns(notAProject, pathIn(dir, "out.sqlite"));
    QVERIFY(error);
    QVERIFY2(error->starts_with(notAProject + ": "), error->c_str());
}

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
