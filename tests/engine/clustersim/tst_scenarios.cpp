// Every shipped scenario (resources/scenarios/*.yaml) against the production-ha template: each
// expectation must hold, and each run must be deterministic (same seed, same event stream), with
// or without the engine's second thread.

#include "engine/clustersim/ApiServer.h"
#include "engine/clustersim/ScenarioRunner.h"
#include "engine/clustersim/Telemetry.h"
#include "engine/model/TopologyYaml.h"
#include "engine/scenario/ScenarioYaml.h"

#include <QDir>
#include <QtTest>

using namespace quorum;

namespace {

struct Run {
    clustersim::ScenarioReport report;
    std::string events;
    std::uint64_t readiesAhead = 0;  // applied on the second thread
    std::uint64_t updatesPrepared = 0; // admitted and encoded on it, and used
};

Run runScenario(const std::string &scenarioPath, bool applyThread = true)
{
    const scenario::ScenarioLoadResult loaded = scenario::loadScenarioFile(scenarioPath);
    if (!loaded.ok())
        qFatal("%s", loaded.errors.front().toString().c_str());
    const scenario::Scenario &sc = *loaded.scenario;
    const model::LoadResult topology = model::loadTopologyFile(sc.topology->resolved);
    if (!topology.ok())
        qFatal("%s", topology.errors.front().toString().c_str());
    clustersim::ClusterOptions options;
    options.seed = sc.seed.value_or(1);
    options.applyThread = applyThread;
    clustersim::ClusterSim sim(*topology.topology, options);
    Run run;
    clustersim::ScenarioRunner runner(sim, sc);
    sim.setEventSink([&](const cluster::ClusterEvent &e) {
        runner.onEvent(e);
        run.events += std::to_string(e.time) + " " + e.reason + " " + e.object + " " + e.message + "\n";
    });
    runner.schedule();
    run.report = runner.run();
    run.readiesAhead = sim.etcd().stats().appliesAhead;
    for (const model::Node &n : topology.topology->nodes)
        if (const clustersim::ApiServer *api = sim.apiServer(n.name))
            run.updatesPrepared += api->preparedUsed();
    return run;
}

} // namespace

class TestScenarios : public QObject {
    Q_OBJECT
private slots:
    void shipped_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(QUORUM_SOURCE_DIR "/resources/scenarios"));
        const QStringList files = dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 7);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }

    void shipped()
    {
        QFETCH(QString, file);
        const Run run = runScenario(file.toStdString());
        QVERIFY(!run.report.expectations.empty());
        for (const clustersim::ExpectationOutcome &e : run.report.expectations)
            qInfo("%s", e.toString().c_str());
        for (const std::string &e : run.report.stepErrors)
            qWarning("step failed: %s", e.c_str());
        QVERIFY(run.report.stepErrors.empty());
        for (const clustersim::ExpectationOutcome &e : run.report.expectations)
            QVERIFY2(e.passed, e.toString().c_str());

        // The etcd stores apply, and the API servers prepare updates, on a second thread: the
        // API servers read their members' stores as of what the members finished applying, so
        // the run is the same without it. (An etcd member that crashes while its store applies
        // ahead keeps those entries, a different but equally valid run; no shipped scenario
        // crashes one then.)
        QVERIFY(run.readiesAhead > 0);
        QVERIFY(run.updatesPrepared > 0);
        const Run alone = runScenario(file.toStdString(), false);
        QCOMPARE(alone.readiesAhead + alone.updatesPrepared, std::uint64_t{0});
        QVERIFY(run.events.size() > 1000);
        QVERIFY(run.events == alone.events);
    }

    void eventKindsMapOneForOne()
    {
        // Events keep their kind on the way to telemetry (whose spellings go into CSV/SQLite).
        const char *names[] = {"RaftLeaderChange", "RaftTerm", "Fault", "Heal", "LeaseHolderChange", "NodeCondition",
                               "PodPhase", "Scheduling", "Eviction", "Expectation", "Kubernetes", "Info"};
        for (int i = 0; i < 12; ++i) {
            cluster::ClusterEvent e;
            e.kind = static_cast<cluster::EventKind>(i);
            QCOMPARE(QString::fromLatin1(telemetry::toString(clustersim::toTelemetryEvent(e).kind)), QString::fromLatin1(names[i]));
        }
        QCOMPARE(static_cast<int>(cluster::EventKind::Info), 11);
    }

    void deterministic()
    {
        const std::string path = QUORUM_SOURCE_DIR "/resources/scenarios/kill-etcd-leader.yaml";
        const Run a = runScenario(path);
        const Run b = runScenario(path);
        QVERIFY(a.events.size() > 1000);
        QVERIFY(a.events == b.events);
    }

};

QTEST_APPLESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"
