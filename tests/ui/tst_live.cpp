// The live monitor, driven as a person would (offscreen): Run on the default topology, kill
// the etcd leader through the diagram's context-menu action, watch the new leader appear on
// the diagram, in the status bar and in the events panel, restart the node and see quorum
// return to 3/3; opening another design stops showing the old run.

#include "engine/project/Project.h"
#include "resources/QuorumResources.h"
#include "ui/bridge/EngineBridge.h"
#include "ui/common/AppearanceMode.h"
#include "ui/diagram/DiagramItems.h"
#include "ui/diagram/DiagramScene.h"
#include "ui/document/Autosave.h"
#include "ui/document/DesignDocument.h"
#include "ui/document/RunStore.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/monitor/DrillPanel.h"
#include "ui/monitor/LiveController.h"
#include "ui/monitor/ReplayController.h"
#include "ui/monitor/MonitorPanel.h"

#include <QAction>
#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QTabWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <sys/wait.h>
#include <unistd.h>

using namespace quorum::ui;

namespace {

QAction *findAction(QMenu *menu, const QString &text)
{
    for (QAction *a : menu->actions()) {
        if (a->text() == text)
            return a;
        if (a->menu())
            if (QAction *inner = findAction(a->menu(), text))
                return inner;
    }
    return nullptr;
}

NodeItem *nodeItem(MainWindow &w, const QString &node)
{
    return qgraphicsitem_cast<NodeItem *>(w.diagramScene()->elementItem(QStringLiteral("node/") + node));
}

bool eventSeen(QTreeWidget *events, const QString &reason, const QString &objectPrefix)
{
    for (int i = 0; i < events->topLevelItemCount(); ++i)
        if (events->topLevelItem(i)->text(3) == reason && events->topLevelItem(i)->text(2).startsWith(objectPrefix))
            return true;
    return false;
}

/// Opens the default design in `w` (message boxes off), starts it paused and steps `micros` of
/// virtual time.
bool startPausedRun(MainWindow &w, qint64 micros)
{
    w.setMessageBoxesEnabled(false);
    if (!w.openFile(quorum::resources::defaultTemplatePath()))
        return false;
    w.show();
    LiveController *live = w.live();
    live->setSpeed(0.25);
    if (!live->start())
        return false;
    live->engine()->pause();
    live->engine()->step(micros);
    return true;
}

} // namespace

class TestLive : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("QuorumStudioTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_live"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    }

    void killTheLeaderAndWatchTheElection()
    {
        MainWindow w;
        w.setMessageBoxesEnabled(false);
        QVERIFY(w.openFile(quorum::resources::defaultTemplatePath()));
        w.show();
        LiveController *live = w.live();
        QCOMPARE(live->statusText(), QStringLiteral("not running"));
        // Before Run, the diagram shows the design only.
        QVERIFY(!nodeItem(w, QStringLiteral("cp-1"))->live());

        live->setSpeed(100);
        live->runAction()->trigger();
        const LiveState &state = live->engine()->state();
        QTRY_VERIFY_WITH_TIMEOUT(state.running && !state.leader.isEmpty() && state.votersUp == 3 && state.writesAvailable, 30000);
        const QString oldLeader = state.leader;
        QTRY_VERIFY_WITH_TIMEOUT(nodeItem(w, oldLeader)->live() && nodeItem(w, oldLeader)->live()->etcdLeader, 5000);
        QVERIFY(live->statusText().contains(QStringLiteral("quorum 3/3 — writes OK")));
        QVERIFY(live->statusText().contains(QStringLiteral("leader ") + oldLeader));

        // The context menu's Kill Node on the leader's card.
        std::unique_ptr<QMenu> menu(w.elementMenu(QStringLiteral("node/") + oldLeader));
        QVERIFY(menu);
        QAction *kill = findAction(menu.get(), QStringLiteral("&Kill Node"));
        QVERIFY(kill && kill->isEnabled());
        kill->trigger();

        QTRY_VERIFY_WITH_TIMEOUT(!state.leader.isEmpty() && state.leader != oldLeader && state.votersUp == 2, 30000);
        const QString newLeader = state.leader;
        QTRY_VERIFY_WITH_TIMEOUT(nodeItem(w, oldLeader)->live() &&
                                     nodeItem(w, oldLeader)->live()->health == NodeLiveMarks::Health::Down,
                                 5000);
        QTRY_VERIFY_WITH_TIMEOUT(nodeItem(w, newLeader)->live()->etcdLeader, 5000);
        QVERIFY(!nodeItem(w, oldLeader)->live()->etcdLeader);
        QTRY_VERIFY_WITH_TIMEOUT(live->statusText().contains(QStringLiteral("quorum 2/3")), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(eventSeen(live->eventsView(), QStringLiteral("NodeKilled"), QStringLiteral("node/") + oldLeader), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(eventSeen(live->eventsView(), QStringLiteral("LeaderElected"), QStringLiteral("etcd/") + newLeader), 5000);
        // The leadership chart: the new leader's lane has leader points after the kill, the
        // old leader's has none after it.
        MonitorPanel *monitor = live->monitor();
        const double killedAt = static_cast<double>(state.virtualMicros) / 1e6;
        QTRY_VERIFY_WITH_TIMEOUT(!monitor->leaderPoints(newLeader).isEmpty() &&
                                     monitor->leaderPoints(newLeader).back().x() >= killedAt,
                                 10000);
        QVERIFY(!monitor->leaderPoints(oldLeader).isEmpty());
        QVERIFY(monitor->leaderPoints(oldLeader).back().x() < killedAt);
        // (the latest sample: the state shown can be a little older than the samples charted)
        QCOMPARE(monitor->leaderAt(monitor->samples().back().timeMicros), newLeader);

        // Restart it from its menu: quorum back to 3/3.
        std::unique_ptr<QMenu> again(w.elementMenu(QStringLiteral("node/") + oldLeader));
        QAction *restart = findAction(again.get(), QStringLiteral("&Restart Node"));
        QVERIFY(restart && restart->isEnabled());
        QVERIFY(!findAction(again.get(), QStringLiteral("&Kill Node"))->isEnabled());
        restart->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(state.votersUp == 3 && state.writesAvailable, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(live->statusText().contains(QStringLiteral("quorum 3/3 — writes OK")), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(nodeItem(w, oldLeader)->live()->health != NodeLiveMarks::Health::Down, 5000);
        // The lease chart shows the current holder of each lease on its node's series.
        for (const LiveNode &n : state.nodes)
            for (const QString &lease : n.leaseHolderOf)
                QTRY_VERIFY_WITH_TIMEOUT(!live->monitor()->leaseHolderPoints(lease, n.name).isEmpty(), 10000);
        // The quorum chart back at 3 voters.
        QTRY_VERIFY_WITH_TIMEOUT(!monitor->votersUpPoints().isEmpty() && monitor->votersUpPoints().back().y() == 3, 10000);
        bool dipped = false;
        for (const QPointF &p : monitor->votersUpPoints())
            dipped = dipped || p.y() == 2;
        QVERIFY(dipped);
        // Export: CSV has a header and a row per sample; PNG is written.
        const QString csv = m_dir.filePath(QStringLiteral("samples.csv"));
        QCOMPARE(monitor->exportCsv(csv), QString());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QVERIFY(lines.front().startsWith("time_s,leader,term,voters_up"));
        QCOMPARE(lines.size() - 1, monitor->samples().size());
        QVERIFY(monitor->exportCsv(QStringLiteral("/nonexistent-dir/x.csv")).contains(QStringLiteral("/nonexistent-dir/x.csv")));
        const QString png = m_dir.filePath(QStringLiteral("charts.png"));
        QCOMPARE(monitor->exportPng(png), QString());
        QVERIFY(QFileInfo(png).size() > 1000);

        // Pause stops virtual time.
        live->runAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!state.running, 5000);
        const qint64 at = state.virtualMicros;
        QTest::qWait(300);
        live->engine()->refresh();
        QCOMPARE(state.virtualMicros, at);

        // Zones offer an outage; the filter narrows the events panel.
        std::unique_ptr<QMenu> zone(w.elementMenu(QStringLiteral("zone/zone-a")));
        QVERIFY(zone && findAction(zone.get(), QStringLiteral("&Zone Outage")));
        QVERIFY(!w.elementMenu(QStringLiteral("cluster")));

        // Another design (its recorded run discarded): the old run is no longer shown.
        w.setUnsavedChangesAnswer(QMessageBox::Discard);
        QVERIFY(w.openFile(QStringLiteral(":/templates/dev-single-node.yaml")));
        QCOMPARE(live->statusText(), QStringLiteral("not running"));
        for (ElementItem *item : w.diagramScene()->elementItems())
            if (auto *n = qgraphicsitem_cast<NodeItem *>(item))
                QVERIFY(!n->live());
    }

    void refusedFaultsSaySo()
    {
        MainWindow w;
        w.setMessageBoxesEnabled(false);
        QVERIFY(w.openFile(quorum::resources::defaultTemplatePath()));
        LiveController *live = w.live();
        QString refused;
        connect(live, &LiveController::actionRefused, this, [&](const QString &m) { refused = m; });
        live->setSpeed(100);
        QVERIFY(live->start());
        QTRY_VERIFY_WITH_TIMEOUT(live->engine()->state().votersUp == 3, 30000);
        // Restarting a node that is up is refused with the engine's reason.
        std::unique_ptr<QMenu> menu(w.elementMenu(QStringLiteral("node/worker-1")));
        QAction *restart = findAction(menu.get(), QStringLiteral("&Restart Node"));
        QVERIFY(restart);
        restart->setEnabled(true); // as if the menu were stale
        restart->trigger(); // answered asynchronously: the UI thread does not wait for the engine
        QTRY_VERIFY_WITH_TIMEOUT(refused.contains(QStringLiteral("already up")), 5000);
    }

    void drillStepsThroughKillTheEtcdLeader()
    {
        MainWindow w;
        w.setMessageBoxesEnabled(false);
        QVERIFY(w.openFile(quorum::resources::defaultTemplatePath()));
        w.show();
        DrillPanel *drill = w.drill();
        LiveController *live = w.live();
        QVERIFY(!drill->nextAction()->isEnabled()); // no drill yet
        QCOMPARE(drill->nextAction()->shortcut(), QKeySequence(Qt::Key_F6));
        QCOMPARE(drill->scenarioBox()->currentText(), QStringLiteral("kill-etcd-leader"));
        QVERIFY(drill->scenarioBox()->count() >= 7); // every shipped scenario

        QAction *start = findAction(live->runMenu(), QStringLiteral("Start &Drill"));
        QVERIFY(start);
        start->trigger();
        QVERIFY(w.drillDock()->isVisible());
        QTreeWidget *steps = drill->stepsView();
        QTRY_COMPARE_WITH_TIMEOUT(steps->topLevelItemCount(), 7, 5000);
        QCOMPARE(drill->summaryText(), QStringLiteral("Step 0 of 7 · 0 passed · 0 failed"));
        QCOMPARE(steps->topLevelItem(3)->text(2), QStringLiteral("≤ 17.0 s")); // lease-duration + retry-period
        QVERIFY(drill->detailText().startsWith(QStringLiteral("Next: 30 s")));
        const LiveState &state = live->engine()->state();
        QVERIFY(!state.running);

        // Next step: the run stops at the fault's time, with the fault done.
        live->setSpeed(100);
        drill->nextAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!state.running && state.virtualMicros == 30'000'000, 20000);
        drill->nextAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!state.running && state.virtualMicros == 40'000'000, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(steps->topLevelItem(1)->text(3), QStringLiteral("done"), 5000);
        QVERIFY(steps->topLevelItem(0)->text(3).startsWith(QStringLiteral("✓")));
        QCOMPARE(steps->topLevelItem(2)->text(3), QStringLiteral("watching…"));
        QCOMPARE(steps->topLevelItem(4)->text(3), QString()); // 43 s: not yet
        // The explanation talks about the step being watched, with the arithmetic.
        QVERIFY2(drill->detailText().contains(QStringLiteral("election timeout of 1 s to 2 s")), qPrintable(drill->detailText()));
        QTRY_VERIFY_WITH_TIMEOUT(!state.leader.isEmpty() || state.votersUp == 2, 5000);

        // On to 43 s: the new leader was elected, within the prediction.
        drill->nextAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!state.running && state.virtualMicros == 43'000'000, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(steps->topLevelItem(2)->text(3).startsWith(QStringLiteral("✓")), 5000);
        const double observed = steps->topLevelItem(2)->text(3).section(QLatin1Char(' '), 1, 1).toDouble();
        QVERIFY2(observed >= 1.0 && observed <= 2.1, qPrintable(steps->topLevelItem(2)->text(3)));

        // Play to the end.
        live->setSpeed(1000);
        live->runAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(drill->summaryText().startsWith(QStringLiteral("Drill over")), 60000);
        QCOMPARE(drill->summaryText(), QStringLiteral("Drill over · 5 of 5 expectations passed"));
        QVERIFY(!drill->nextAction()->isEnabled());
        // Another design ends the drill: the panel says so.
        w.setUnsavedChangesAnswer(QMessageBox::Discard);
        QVERIFY(w.openFile(quorum::resources::templatePaths().constFirst()));
        live->start();
        QTRY_COMPARE_WITH_TIMEOUT(drill->summaryText(), QStringLiteral("The run plays no drill."), 10000);
    }

    void requestsPerBackendChart()
    {
        MainWindow w;
        w.setMessageBoxesEnabled(false);
        QVERIFY(w.openFile(quorum::resources::defaultTemplatePath()));
        // lose-quorum sends 20 requests/s to web: its three pods on the three workers serve them.
        QString error;
        QVERIFY2(w.drill()->startDrill(QStringLiteral(":/scenarios/lose-quorum.yaml"), &error), qPrintable(error));
        w.live()->engine()->step(35'000'000);
        MonitorPanel *monitor = w.live()->monitor();
        QTRY_VERIFY_WITH_TIMEOUT(!monitor->samples().isEmpty() && monitor->samples().back().timeMicros == 35'000'000, 10000);
        QStringList backends = monitor->backendNames(); // in the order they first served
        backends.sort();
        QCOMPARE(backends, (QStringList{QStringLiteral("worker-1"), QStringLiteral("worker-2"), QStringLiteral("worker-3")}));
        double total = 0;
        for (const QString &b : backends) {
            const QList<QPointF> points = monitor->backendPoints(b);
            QVERIFY(!points.isEmpty());
            for (const QPointF &p : points)
                total += p.y();
            QVERIFY2(std::any_of(points.begin(), points.end(), [](const QPointF &p) { return p.y() > 0; }), qPrintable(b));
        }
        // Every successful request is counted once, on one backend.
        double successes = 0;
        for (const LiveSample &s : monitor->samples())
            successes += static_cast<double>(s.clientRequests) * s.clientSuccessRate / 100.0;
        QVERIFY2(std::abs(total - successes) < 1.0, qPrintable(QStringLiteral("%1 vs %2").arg(total).arg(successes)));
    }

    void replayShowsTheRecordedStateAtTheScrubbedTime()
    {
        MainWindow w;
        w.setMessageBoxesEnabled(false);
        QVERIFY(w.openFile(quorum::resources::defaultTemplatePath()));
        w.show();
        LiveController *live = w.live();
        EngineBridge *engine = live->engine();
        engine->setRecordPath(m_dir.filePath(QStringLiteral("replay.sqlite")));
        live->setSpeed(0.25);
        QVERIFY(live->start());
        engine->pause();
        const LiveState &state = engine->state();
        // To a whole second (samples are taken on whole seconds), then 20 s on, kill the leader.
        const qint64 first = (state.virtualMicros / 1'000'000 + 1) * 1'000'000;
        engine->step(first + 20'000'000 - state.virtualMicros);
        const QString oldLeader = state.leader;
        QVERIFY(!oldLeader.isEmpty());
        QVERIFY(engine->fault(QStringLiteral("kill-node"), QStringLiteral("etcd-leader")));
        engine->step(10'000'000);
        const qint64 killedAt = first + 20'000'000;
        const qint64 t = state.virtualMicros;
        QCOMPARE(t, killedAt + 10'000'000);
        QMap<QString, NodeLiveMarks> shownAtT;
        for (ElementItem *item : w.diagramScene()->elementItems())
            if (auto *n = qgraphicsitem_cast<NodeItem *>(item)) {
                QVERIFY(n->live());
                shownAtT.insert(n->elementId(), *n->live());
            }
        const QString newLeader = state.leader;
        QVERIFY(!newLeader.isEmpty() && newLeader != oldLeader);
        engine->step(5'000'000);
        const QString liveStatus = live->statusText();

        ReplayController *replay = w.replay();
        QVERIFY(!replay->active());
        const QVector<RecordedRun> runs = engine->recordings();
        QVERIFY(!runs.isEmpty());
        QCOMPARE(runs.back().topology, QStringLiteral("production-ha"));
        QString error;
        QVERIFY2(replay->open(runs.back().id, &error), qPrintable(error));
        QVERIFY(replay->active());
        QCOMPARE(replay->lastMicros(), t + 5'000'000);

        // The scrubbed state is the state shown at that time: every node card, the leader.
        replay->scrubTo(t);
        QCOMPARE(replay->shownMicros(), t);
        for (auto it = shownAtT.begin(); it != shownAtT.end(); ++it) {
            auto *n = qgraphicsitem_cast<NodeItem *>(w.diagramScene()->elementItem(it.key()));
            QVERIFY(n && n->live());
            QVERIFY2(*n->live() == it.value(), qPrintable(it.key()));
        }
        QCOMPARE(live->monitor()->leaderAt(t), newLeader);
        QVERIFY2(live->statusText().contains(QStringLiteral("leader ") + newLeader), qPrintable(live->statusText()));
        QVERIFY(live->statusText().startsWith(QStringLiteral("replay")));
        QVERIFY(eventSeen(live->eventsView(), QStringLiteral("NodeKilled"), QStringLiteral("node/") + oldLeader));

        // Before the kill: the old leader leads and is up; the kill is not in the events yet.
        replay->scrubber()->setValue(static_cast<int>(killedAt / 1'000'000) - 5);
        QTRY_COMPARE(replay->shownMicros(), killedAt - 5'000'000);
        QCOMPARE(live->monitor()->leaderAt(killedAt - 5'000'000), oldLeader);
        QVERIFY(live->monitor()->samples().back().timeMicros == killedAt - 5'000'000);
        auto *old = qgraphicsitem_cast<NodeItem *>(w.diagramScene()->elementItem(QStringLiteral("node/") + oldLeader));
        QVERIFY(old->live()->etcdLeader);
        QVERIFY(old->live()->health != NodeLiveMarks::Health::Down);
        QVERIFY(!eventSeen(live->eventsView(), QStringLiteral("NodeKilled"), QStringLiteral("node/") + oldLeader));

        // Back to live: the running design again, its charts whole.
        replay->backToLiveAction()->trigger();
        QVERIFY(!replay->active());
        QCOMPARE(live->statusText(), liveStatus);
        QVERIFY(!old->live()->etcdLeader);
        QCOMPARE(old->live()->health, NodeLiveMarks::Health::Down);
        QTRY_COMPARE_WITH_TIMEOUT(live->monitor()->samples().back().timeMicros, t + 5'000'000, 5000);
        QVERIFY(eventSeen(live->eventsView(), QStringLiteral("NodeKilled"), QStringLiteral("node/") + oldLeader));
    }

    void runsAreSavedInTheProjectAndReplayedAfterOpening()
    {
        // A store left by a process that is gone is removed when the next one starts.
        QDir().mkpath(RunStore::defaultDirectory());
        const pid_t child = fork();
        if (child == 0)
            _exit(0);
        QVERIFY(child > 0);
        QCOMPARE(waitpid(child, nullptr, 0), child);
        const QString leftover = QDir(RunStore::defaultDirectory()).filePath(QStringLiteral("%1-1.sqlite").arg(child));
        {
            QFile f(leftover);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }

        const QString project = m_dir.filePath(QStringLiteral("with-runs.quorum"));
        QString leaderAtT;
        QMap<QString, NodeLiveMarks> shownAtT;
        qint64 t = 0;
        QString firstStore;
        {
            MainWindow w;
            w.setMessageBoxesEnabled(false);
            QVERIFY(!QFile::exists(leftover));
            QVERIFY(w.openFile(quorum::resources::defaultTemplatePath()));
            w.show();
            LiveController *live = w.live();
            EngineBridge *engine = live->engine();
            // The engine records into this design's store, in the application's data folder.
            firstStore = w.runStore()->path();
            QCOMPARE(engine->recordPath(), firstStore);
            QCOMPARE(w.document()->runsFile(), firstStore);
            QVERIFY(firstStore.startsWith(RunStore::defaultDirectory()));
            live->setSpeed(0.25);
            QVERIFY(live->start());
            engine->pause();
            const LiveState &state = engine->state();
            engine->step(15'000'000);
            QVERIFY(engine->fault(QStringLiteral("kill-node"), QStringLiteral("etcd-leader")));
            engine->step(10'000'000);
            t = state.virtualMicros / 1'000'000 * 1'000'000;
            engine->step(t + 3'000'000 - state.virtualMicros);
            // Samples come through the watch stream: wait until those past t have arrived.
            const QVector<LiveSample> &received = live->monitor()->samples();
            QTRY_VERIFY(!received.isEmpty() && received.back().timeMicros > t);
            leaderAtT = live->monitor()->leaderAt(t);
            QVERIFY(!leaderAtT.isEmpty());
            QVERIFY(QFile::exists(firstStore));

            QVERIFY2(w.saveAs(project), qPrintable(w.lastError()));
            const quorum::project::ProjectLoad saved = quorum::project::loadProject(project.toStdString());
            QVERIFY(saved.ok());
            QCOMPARE(saved.recordedRuns, 1);

            // Another design gets a store of its own; the old one is deleted.
            QVERIFY(w.openFile(quorum::resources::defaultTemplatePath()));
            QVERIFY(w.runStore()->path() != firstStore);
            QCOMPARE(engine->recordPath(), w.runStore()->path());
            QVERIFY(!QFile::exists(firstStore));
            QVERIFY(engine->recordings().isEmpty());
        }

        // Opening the project brings its run back: Replay shows it as it was recorded.
        MainWindow w;
        w.setMessageBoxesEnabled(false);
        QVERIFY(w.openFile(project));
        w.show();
        QVERIFY2(w.runStore()->problem().isEmpty(), qPrintable(w.runStore()->problem()));
        EngineBridge *engine = w.live()->engine();
        const QVector<RecordedRun> runs = engine->recordings();
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.front().topology, QStringLiteral("production-ha"));
        ReplayController *replay = w.replay();
        // As the menu does: read on a pool thread, shown when it arrives.
        QSignalSpy opened(replay, &ReplayController::opened);
        QSignalSpy refused(replay, &ReplayController::refused);
        replay->openAsync(runs.front().id);
        QVERIFY(replay->reading());
        QVERIFY(!replay->openAction()->isEnabled());
        QTRY_COMPARE(opened.count(), 1);
        QCOMPARE(refused.count(), 0);
        QVERIFY(replay->active() && !replay->reading());
        QVERIFY(replay->openAction()->isEnabled());
        QVERIFY(replay->lastMicros() >= t + 3'000'000);
        replay->scrubTo(t);
        QCOMPARE(replay->shownMicros(), t);
        QCOMPARE(w.live()->monitor()->leaderAt(t), leaderAtT);
        replay->leave();
        // A run that is not there is refused with a reason, and nothing is shown.
        replay->openAsync(runs.front().id + 1000);
        QTRY_COMPARE(refused.count(), 1);
        QVERIFY(!refused.front().front().toString().isEmpty());
        QVERIFY(!replay->active());

        // New runs join it; the oldest go beyond the kept number; Save keeps what is there.
        engine->setKeptRuns(2);
        for (int i = 0; i < 2; ++i) {
            QVERIFY(engine->deploy(w.document()->topology()));
            engine->step(3'000'000);
        }
        engine->pause();
        const QVector<RecordedRun> kept = engine->recordings();
        QCOMPARE(kept.size(), 2);
        QVERIFY(kept.front().id > runs.front().id);
        QVERIFY(w.save());
        QCOMPARE(quorum::project::loadProject(project.toStdString()).recordedRuns, 2);
    }

    // A recorded run is work like an edit: closing or replacing the design asks first, autosave
    // keeps it, and saving the project clears it; a YAML export does not keep runs.
    void unsavedRunsAreAskedAboutBeforeClosing()
    {
        MainWindow w;
        w.setMessageBoxesEnabled(false);
        QVERIFY(w.openFile(quorum::resources::defaultTemplatePath()));
        w.show();
        DesignDocument *doc = w.document();
        QVERIFY(!doc->isModified());
        QSignalSpy modified(doc, &DesignDocument::modifiedChanged);
        LiveController *live = w.live();
        live->setSpeed(0.25);
        QVERIFY(live->start());
        live->engine()->pause();
        live->engine()->step(2'000'000);
        QVERIFY(doc->isModified());
        QVERIFY(!doc->hasUnsavedEdits());
        QCOMPARE(doc->unsavedRuns(), 1);
        QCOMPARE(modified.count(), 1);
        QCOMPARE(modified.front().front().toBool(), true);
        QVERIFY(w.isWindowModified());

        // Autosave writes the design with its run (crash recovery brings the run back).
        QVERIFY(w.autosave()->saveNow());
        QVERIFY(!w.autosave()->saveNow()); // nothing new since
        {
            const quorum::project::ProjectLoad kept = quorum::project::loadProject(w.autosave()->path().toStdString());
            QVERIFY(kept.ok());
            QCOMPARE(kept.recordedRuns, 1);
        }

        // Cancel keeps the design and its run open.
        w.setUnsavedChangesAnswer(QMessageBox::Cancel);
        QVERIFY(!w.close());
        QVERIFY(!w.openFile(quorum::resources::defaultTemplatePath()));
        QCOMPARE(doc->unsavedRuns(), 1);

        // A YAML export keeps the design but not the run: still unsaved.
        const QString yaml = m_dir.filePath(QStringLiteral("runs-export.yaml"));
        QVERIFY2(w.saveAs(yaml), qPrintable(w.lastError()));
        QVERIFY(!doc->hasUnsavedEdits());
        QVERIFY(doc->isModified());

        // Saving the project keeps the run and clears it.
        const QString project = m_dir.filePath(QStringLiteral("unsaved-runs.quorum"));
        QVERIFY2(w.saveAs(project), qPrintable(w.lastError()));
        QVERIFY(!doc->isModified());
        QCOMPARE(doc->unsavedRuns(), 0);
        QVERIFY(!w.isWindowModified());
        QCOMPARE(modified.back().front().toBool(), false);
        QCOMPARE(quorum::project::loadProject(project.toStdString()).recordedRuns, 1);

        // A second run asks again; Discard lets the window close.
        live->engine()->pause();
        QVERIFY(w.openFile(project));
        QVERIFY(w.live()->start());
        w.live()->engine()->pause();
        QCOMPARE(doc->unsavedRuns(), 1);
        w.setUnsavedChangesAnswer(QMessageBox::Discard);
        QVERIFY(w.close());
    }

    void aHiddenChartPageIsFedWhenShown()
    {
        MainWindow w;
        QVERIFY(startPausedRun(w, 20'000'000));
        LiveController *live = w.live();
        MonitorPanel *monitor = live->monitor();
        QTRY_VERIFY(monitor->samples().size() >= 19);
        auto *tabs = monitor->findChild<QTabWidget *>();
        QVERIFY(tabs);
        QCOMPARE(tabs->currentIndex(), 0);
        // The pods chart's points: a point where the counts change, the end of each run.
        auto chartPoints = [&](const QString &title) -> QList<QPointF> {
            for (QChartView *view : monitor->findChildren<QChartView *>())
                if (view->chart()->title() == title)
                    if (auto *area = qobject_cast<QAreaSeries *>(view->chart()->series().value(0)))
                        return area->upperSeries()->points();
            return {};
        };
        auto lastSampleSeconds = [&] { return static_cast<double>(monitor->samples().back().timeMicros) / 1e6; };
        // The Workloads page is not on screen: its charts have not been fed.
        QVERIFY(chartPoints(QStringLiteral("Pods by phase")).isEmpty());
        // Shown, it takes every sample so far in one go: from the first to the newest.
        tabs->setCurrentIndex(1);
        QList<QPointF> points = chartPoints(QStringLiteral("Pods by phase"));
        QVERIFY(!points.isEmpty());
        QCOMPARE(points.front().x(), static_cast<double>(monitor->samples().front().timeMicros) / 1e6);
        QCOMPARE(points.back().x(), lastSampleSeconds());
        // And keeps up while it is on screen.
        live->engine()->step(5'000'000);
        QTRY_VERIFY(monitor->samples().back().timeMicros >= 24'000'000);
        QTRY_COMPARE(chartPoints(QStringLiteral("Pods by phase")).back().x(), lastSampleSeconds());
    }

    // A step-like series keeps only the points where it changes and the newest one: the line
    // drawn is the same, and a long steady run costs no points.
    void steadySeriesKeepOnlyTheirChanges()
    {
        MainWindow w;
        w.setUnsavedChangesAnswer(QMessageBox::Discard);
        QVERIFY(startPausedRun(w, 60'000'000));
        MonitorPanel *monitor = w.live()->monitor();
        QTRY_VERIFY(!monitor->samples().isEmpty() && monitor->samples().back().timeMicros >= 59'000'000);
        QLineSeries *voters = nullptr;
        for (QChartView *view : monitor->findChildren<QChartView *>())
            for (QAbstractSeries *series : view->chart()->series())
                if (auto *line = qobject_cast<QLineSeries *>(series); line && line->name() == QStringLiteral("voters up"))
                    voters = line;
        QVERIFY(voters);
        const QList<QPointF> points = voters->points();
        // Three voters from the first sample on: one run, drawn from its start to the newest sample.
        QVERIFY2(points.size() <= 3, qPrintable(QString::number(points.size())));
        QCOMPARE(points.back().x(), static_cast<double>(monitor->samples().back().timeMicros) / 1e6);
        QCOMPARE(points.back().y(), 3.0);
        for (int i = 1; i < points.size(); ++i)
            QVERIFY(points[i].x() > points[i - 1].x());
    }

    // The charts follow View → Appearance: dark chrome in Dark, light in Light; series keep
    // their colours.
    void chartsFollowTheAppearance()
    {
        MainWindow w;
        w.setMessageBoxesEnabled(false);
        QVERIFY(w.openFile(quorum::resources::defaultTemplatePath()));
        w.show();
        MonitorPanel *monitor = w.live()->monitor();
        const QList<QChartView *> views = monitor->findChildren<QChartView *>();
        QVERIFY(!views.isEmpty());
        QLineSeries *voters = nullptr;
        for (QChartView *view : views)
            for (QAbstractSeries *series : view->chart()->series())
                if (auto *line = qobject_cast<QLineSeries *>(series); line && line->name() == QStringLiteral("voters up"))
                    voters = line;
        QVERIFY(voters);
        const QColor votersColour = voters->color();
        w.setAppearance(AppearanceMode::Dark, false);
        for (QChartView *view : views) {
            QVERIFY2(view->chart()->backgroundBrush().color().lightness() < 128, qPrintable(view->chart()->title()));
            QVERIFY(view->chart()->titleBrush().color().lightness() > 128);
            for (QAbstractAxis *axis : view->chart()->axes())
                QVERIFY(axis->labelsColor().lightness() > 128);
        }
        QCOMPARE(voters->color(), votersColour);
        w.setAppearance(AppearanceMode::Light, false);
        for (QChartView *view : views) {
            QVERIFY(view->chart()->backgroundBrush().color().lightness() > 128);
            QVERIFY(view->chart()->titleBrush().color().lightness() < 128);
        }
        QCOMPARE(voters->color(), votersColour);
        w.setAppearance(AppearanceMode::System, false);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestLive)
#include "tst_live.moc"
