#pragma once

// Runs the open design in the embedded engine and shows it live: the Run menu and toolbar
// (Run/Pause, Step, speed, Heal all), the live status in the status bar ("t 12.3 s · 10× ·
// leader cp-1 (term 2) · quorum 3/3 — writes OK"), node cards coloured by state on the diagram,
// the fault actions of the diagram's context menu (kill, restart, isolate, stop a component,
// zone outage), and the events panel in the style of `kubectl get events`. Everything it shows
// comes from EngineBridge updates (about 10 Hz).
//
// Thread rules: UI thread only.

#include "ui/bridge/EngineBridge.h"

#include <QObject>
#include <QList>
#include <QPointer>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMainWindow;
class QMenu;
class QToolBar;
class QTreeWidget;
class QTreeWidgetItem;

namespace quorum::ui {

class DesignDocument;
class DiagramScene;
class MonitorPanel;

class LiveController : public QObject {
    Q_OBJECT

public:
    /// Adds the Run menu, the run toolbar, the events dock and the status label to `window`.
    LiveController(DesignDocument *document, DiagramScene *scene, QMainWindow *window);
    ~LiveController() override;

    EngineBridge *engine() const { return m_engine; }
    QAction *runAction() const { return m_runAction; }
    QAction *stepAction() const { return m_stepAction; }
    QAction *healAllAction() const { return m_healAllAction; }
    QDockWidget *eventsDock() const { return m_eventsDock; }
    QTreeWidget *eventsView() const { return m_events; }
    QDockWidget *monitorDock() const { return m_monitorDock; }
    MonitorPanel *monitor() const { return m_monitor; }
    /// The live status text ("not running" before Run).
    QString statusText() const;
    /// The speed the Run action uses (the toolbar's choice).
    double speed() const;
    void setSpeed(double speed);

    /// The live actions for a diagram element ("node/<name>", "zone/<name>"), parented to
    /// `menu` and added to it; the same actions the diagram's context menu offers. Returns the
    /// number added (0 for elements without live actions).
    int addElementActions(QMenu *menu, const QString &elementId);

    /// Deploys the design if it is not running yet (or changed since), then runs it.
    bool start();
    /// Boots a scenario (a drill) in the engine, paused at 0, for the design the document holds
    /// (the caller has opened the scenario's design). `files` as EngineBridge::runScenario.
    /// On failure emits actionRefused() and returns false.
    bool startScenario(const QString &yaml, const QString &sourceName, const QMap<QString, QString> &files);
    /// Replay mode: live updates stop reaching the diagram, the status and the events panel
    /// (the events of the live run are kept aside and come back when replay ends).
    void setReplaying(bool replaying);
    bool replaying() const { return m_replaying; }
    /// In replay mode: shows `nodes` on the diagram, `events` in the events panel and `status`
    /// in the status bar.
    void showReplayState(const QVector<LiveNode> &nodes, const QVector<LiveEvent> &events, const QString &status);
    /// The Run menu, for actions of other live panels.
    QMenu *runMenu() const { return m_runMenu; }

signals:
    /// A fault or heal was refused by the engine (the message says why).
    void actionRefused(const QString &message);

private:
    void onUpdated(const LiveState &state, const QVector<LiveEvent> &events);
    void onDesignChanged();
    void toggleRun();
    void applyFilter();
    void doFault(const QString &kind, const QString &target, const QString &component = {});
    void clearLive();
    void showNodes(const QVector<LiveNode> &nodes);
    void addEventRows(const QVector<LiveEvent> &events);
    QList<QTreeWidgetItem *> makeEventRows(const QVector<LiveEvent> &events) const;
    /// The engine now runs the document's design: panels to the front.
    void onDeployed();

    QPointer<DesignDocument> m_document;
    DiagramScene *m_scene;
    QMainWindow *m_window;
    EngineBridge *m_engine;
    bool m_deployed = false; ///< the engine runs the document's current design
    bool m_replaying = false;
    QList<QTreeWidgetItem *> m_liveEventRows; ///< while replaying: the live run's event rows
    QString m_liveStatus;
    QAction *m_runAction = nullptr;
    QAction *m_stepAction = nullptr;
    QAction *m_healAllAction = nullptr;
    QMenu *m_runMenu = nullptr;
    QComboBox *m_speedBox = nullptr;
    QLabel *m_status = nullptr;
    QDockWidget *m_eventsDock = nullptr;
    QTreeWidget *m_events = nullptr;
    QLineEdit *m_filter = nullptr;
    QDockWidget *m_monitorDock = nullptr;
    MonitorPanel *m_monitor = nullptr;
};

} // namespace quorum::ui
