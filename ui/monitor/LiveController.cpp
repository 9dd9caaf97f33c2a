#include "ui/monitor/LiveController.h"

#include "ui/diagram/DiagramItems.h"
#include "ui/diagram/DiagramScene.h"
#include "ui/document/DesignDocument.h"
#include "ui/monitor/MonitorPanel.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace quorum::ui {

namespace {

constexpr int kMaxEventRows = 2000;

bool rowMatches(const QTreeWidgetItem *row, const QString &text)
{
    return text.isEmpty() || row->text(2).contains(text, Qt::CaseInsensitive) ||
           row->text(3).contains(text, Qt::CaseInsensitive) || row->text(4).contains(text, Qt::CaseInsensitive);
}

/// The fault-API name of a design component.
QString componentName(model::Component c)
{
    switch (c) {
    case model::Component::ApiServer: return QStringLiteral("kube-apiserver");
    case model::Component::Etcd: return QStringLiteral("etcd");
    case model::Component::ControllerManager: return QStringLiteral("kube-controller-manager");
    case model::Component::Scheduler: return QStringLiteral("kube-scheduler");
    case model::Component::Kubelet: return QStringLiteral("kubelet");
    case model::Component::KubeProxy: return QStringLiteral("kube-proxy");
    }
    return {};
}

QString formatVirtual(qint64 micros)
{
    return QStringLiteral("%1 s").arg(static_cast<double>(micros) / 1e6, 0, 'f', 1);
}

NodeLiveMarks marksOf(const LiveNode &n)
{
    NodeLiveMarks m;
    m.registered = !n.ready.isEmpty();
    m.health = !n.up                                  ? NodeLiveMarks::Health::Down
               : (m.registered && n.ready != QLatin1String("True")) ? NodeLiveMarks::Health::NotReady
                                                                     : NodeLiveMarks::Health::Ready;
    m.partitioned = n.partitioned;
    m.etcdLeader = n.etcdLeader;
    m.leases = n.leaseHolderOf;
    m.vipHolder = n.vipHolder;
    m.stopped = n.stopped;
    for (const LivePod &p : n.pods)
        m.pods.push_back({p.name, p.phase, p.ready});
    return m;
}

} // namespace

LiveController::LiveController(DesignDocument *document, DiagramScene *scene, QMainWindow *window)
    : QObject(window)
    , m_document(document)
    , m_scene(scene)
    , m_window(window)
    , m_engine(new EngineBridge(this))
{
    m_runAction = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-start")), tr("&Run"), this);
    m_runAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_runAction->setStatusTip(tr("Run the design in the cluster engine (virtual time at the chosen speed); again to pause"));
    connect(m_runAction, &QAction::triggered, this, &LiveController::toggleRun);

    m_stepAction = new QAction(QIcon::fromTheme(QStringLiteral("media-skip-forward")), tr("&Step 1 s"), this);
    m_stepAction->setShortcut(QKeySequence(Qt::Key_F10));
    m_stepAction->setStatusTip(tr("Advance one second of virtual time, then pause"));
    connect(m_stepAction, &QAction::triggered, this, [this] {
        if (!m_deployed && !start())
            return;
        m_engine->step(1'000'000);
    });

    m_healAllAction = new QAction(tr("&Heal All"), this);
    m_healAllAction->setShortcut(QKeySequence(tr("Ctrl+Shift+H")));
    m_healAllAction->setStatusTip(tr("Heal partitions and restart every stopped node and component"));
    m_healAllAction->setEnabled(false);
    connect(m_healAllAction, &QAction::triggered, this, [this] {
        m_engine->healAsync({}, [this](bool ok, const QString &) {
            if (!ok)
                emit actionRefused(tr("Nothing is running to heal."));
        });
    });

    m_speedBox = new QComboBox;
    m_speedBox->setAccessibleName(tr("Speed"));
    m_speedBox->setToolTip(tr("Virtual time per second of wall time"));
    for (double s : {0.25, 1.0, 10.0, 100.0, 1000.0})
        m_speedBox->addItem(QStringLiteral("%1×").arg(s), s);
    m_speedBox->setCurrentIndex(2);
    connect(m_speedBox, &QComboBox::currentIndexChanged, this, [this] {
        if (m_engine->state().running)
            m_engine->run(speed());
    });

    m_runMenu = window->menuBar()->addMenu(tr("&Run"));
    m_runMenu->addAction(m_runAction);
    m_runMenu->addAction(m_stepAction);
    m_runMenu->addSeparator();
    m_runMenu->addAction(m_healAllAction);

    QToolBar *bar = window->addToolBar(tr("Run"));
    bar->setObjectName(QStringLiteral("runToolBar"));
    bar->addAction(m_runAction);
    bar->addAction(m_stepAction);
    bar->addWidget(m_speedBox);
    bar->addAction(m_healAllAction);

    m_status = new QLabel(tr("not running"));
    m_status->setAccessibleName(tr("Cluster status"));
    window->statusBar()->addPermanentWidget(m_status);

    // Events, as `kubectl get events` lists them, newest last, filterable.
    auto *panel = new QWidget;
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 4, 4, 4);
    m_filter = new QLineEdit;
    m_filter->setPlaceholderText(tr("Filter events (object, reason or message)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Event filter"));
    connect(m_filter, &QLineEdit::textChanged, this, &LiveController::applyFilter);
    m_events = new QTreeWidget;
    m_events->setRootIsDecorated(false);
    m_events->setUniformRowHeights(true);
    m_events->setAlternatingRowColors(true);
    m_events->setHeaderLabels({tr("Time"), tr("Type"), tr("Object"), tr("Reason"), tr("Message")});
    m_events->header()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_events->setAccessibleName(tr("Events"));
    layout->addWidget(m_filter);
    layout->addWidget(m_events);
    m_eventsDock = new QDockWidget(tr("Events"), window);
    m_eventsDock->setObjectName(QStringLiteral("eventsDock"));
    m_eventsDock->setWidget(panel);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_eventsDock);

    // Dashboards.
    m_monitor = new MonitorPanel(m_engine);
    m_monitorDock = new QDockWidget(tr("Monitor"), window);
    m_monitorDock->setObjectName(QStringLiteral("monitorDock"));
    m_monitorDock->setWidget(m_monitor);
    window->addDockWidget(Qt::RightDockWidgetArea, m_monitorDock);

    connect(m_engine, &EngineBridge::updated, this, &LiveController::onUpdated);
    connect(document, &DesignDocument::topologyChanged, this, &LiveController::onDesignChanged);
}

LiveController::~LiveController()
{
    qDeleteAll(m_liveEventRows);
}

double LiveController::speed() const
{
    return m_speedBox->currentData().toDouble();
}

void LiveController::setSpeed(double value)
{
    const int i = m_speedBox->findData(value);
    if (i >= 0)
        m_speedBox->setCurrentIndex(i);
}

QString LiveController::statusText() const
{
    return m_status->text();
}

bool LiveController::start()
{
    if (!m_deployed) {
        QStringList errors;
        if (!m_engine->deploy(m_document->topology(), &errors)) {
            emit actionRefused(tr("The design cannot run: %1").arg(errors.join(QStringLiteral("; "))));
            return false;
        }
        onDeployed();
    }
    return m_engine->run(speed());
}

bool LiveController::startScenario(const QString &yaml, const QString &sourceName, const QMap<QString, QString> &files)
{
    QStringList errors;
    if (!m_engine->runScenario(yaml, sourceName, files, &errors)) {
        emit actionRefused(tr("The drill cannot run: %1").arg(errors.join(QStringLiteral("; "))));
        return false;
    }
    onDeployed();
    return true;
}

void LiveController::onDeployed()
{
    m_deployed = true;
    if (!m_engine->recordPath().isEmpty())
        m_document->noteRunRecorded(); // unsaved work until the project is saved
    m_events->clear();
    m_healAllAction->setEnabled(true);
    // What a run is for: the charts and the events come to the front.
    m_monitorDock->show();
    m_monitorDock->raise();
    m_eventsDock->show();
    m_eventsDock->raise();
}

void LiveController::toggleRun()
{
    if (m_deployed && m_engine->state().running)
        m_engine->pause();
    else
        start();
}

void LiveController::onDesignChanged()
{
    // Another design: the run shown so far belongs to the old one.
    if (m_deployed)
        m_engine->pause();
    m_deployed = false;
    m_healAllAction->setEnabled(false);
    clearLive();
}

void LiveController::clearLive()
{
    for (ElementItem *item : m_scene->elementItems())
        if (auto *node = qgraphicsitem_cast<NodeItem *>(item))
            node->setLive(std::nullopt);
    m_status->setText(tr("not running"));
    m_runAction->setText(tr("&Run"));
}

void LiveController::onUpdated(const LiveState &state, const QVector<LiveEvent> &events)
{
    if (!m_deployed)
        return;
    if (m_replaying) {
        // The live run's events wait aside until the replay ends.
        m_liveEventRows += makeEventRows(events);
        while (m_liveEventRows.size() > kMaxEventRows)
            delete m_liveEventRows.takeFirst();
        return;
    }
    showNodes(state.nodes);
    // Status bar.
    const QString quorum = state.writesAvailable
                               ? tr("quorum %1/%2 — writes OK").arg(state.votersUp).arg(state.votersTotal)
                               : tr("quorum %1/%2 — writes unavailable").arg(state.votersUp).arg(state.votersTotal);
    const QString leader = state.leader.isEmpty() ? tr("no etcd leader")
                                                  : tr("leader %1 (term %2)").arg(state.leader).arg(state.term);
    m_status->setText(QStringLiteral("t %1 · %2 · %3 · %4")
                          .arg(formatVirtual(state.virtualMicros),
                               state.running ? QStringLiteral("%1×").arg(state.speed) : tr("paused"), leader, quorum));
    m_runAction->setText(state.running ? tr("&Pause") : tr("&Run"));
    m_runAction->setIcon(QIcon::fromTheme(state.running ? QStringLiteral("media-playback-pause")
                                                        : QStringLiteral("media-playback-start")));
    addEventRows(events);
}

void LiveController::showNodes(const QVector<LiveNode> &nodes)
{
    // Diagram: one update per node per batch.
    for (const LiveNode &n : nodes)
        if (auto *item = qgraphicsitem_cast<NodeItem *>(m_scene->elementItem(QStringLiteral("node/") + n.name)))
            item->setLive(marksOf(n));
}

QList<QTreeWidgetItem *> LiveController::makeEventRows(const QVector<LiveEvent> &events) const
{
    QList<QTreeWidgetItem *> rows;
    const QString filter = m_filter->text().trimmed();
    for (const LiveEvent &e : events) {
        auto *row = new QTreeWidgetItem({formatVirtual(e.timeMicros), e.warning ? tr("Warning") : tr("Normal"), e.object,
                                         e.reason, e.message});
        if (e.warning)
            row->setForeground(1, QColor(0xB0, 0x3A, 0x2E));
        // Only the new rows need the filter; the old ones keep their state.
        row->setHidden(!rowMatches(row, filter));
        rows << row;
    }
    return rows;
}

void LiveController::addEventRows(const QVector<LiveEvent> &events)
{
    if (events.isEmpty())
        return;
    m_events->addTopLevelItems(makeEventRows(events));
    while (m_events->topLevelItemCount() > kMaxEventRows)
        delete m_events->takeTopLevelItem(0);
    m_events->scrollToBottom();
}


void LiveController::setReplaying(bool replaying)
{
    if (replaying == m_replaying)
        return;
    m_replaying = replaying;
    if (replaying) {
        m_liveStatus = m_status->text();
        m_liveEventRows.clear();
        while (m_events->topLevelItemCount() > 0)
            m_liveEventRows << m_events->takeTopLevelItem(0);
        return;
    }
    m_events->clear();
    m_events->addTopLevelItems(m_liveEventRows);
    m_liveEventRows.clear();
    m_status->setText(m_liveStatus);
    if (m_deployed)
        showNodes(m_engine->state().nodes);
    else
        clearLive();
}

void LiveController::showReplayState(const QVector<LiveNode> &nodes, const QVector<LiveEvent> &events, const QString &status)
{
    if (!m_replaying)
        return;
    showNodes(nodes);
    m_events->clear();
    // The whole history up to the scrubbed time, at most the panel's rows.
    addEventRows(events.size() > kMaxEventRows ? events.mid(events.size() - kMaxEventRows) : events);
    m_status->setText(status);
}

void LiveController::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    for (int i = 0; i < m_events->topLevelItemCount(); ++i)
        m_events->topLevelItem(i)->setHidden(!rowMatches(m_events->topLevelItem(i), text));
}

void LiveController::doFault(const QString &kind, const QString &target, const QString &component)
{
    if (!m_deployed && !start())
        return;
    m_engine->faultAsync(kind, target, component, [this](bool ok, const QString &message) {
        if (!ok)
            emit actionRefused(message);
    });
}

int LiveController::addElementActions(QMenu *menu, const QString &elementId)
{
    const auto id = model::ElementId::parse(elementId.toStdString());
    if (!id)
        return 0;
    const model::Topology &t = m_document->topology();
    const QString name = QString::fromStdString(id->name);
    int added = 0;
    auto add = [&](const QString &text, std::function<void()> fn, bool enabled = true) {
        QAction *a = menu->addAction(text);
        a->setEnabled(enabled);
        connect(a, &QAction::triggered, this, std::move(fn));
        ++added;
        return a;
    };
    const LiveNode *live = m_deployed ? m_engine->state().node(name) : nullptr;
    if (id->kind == model::ElementKind::Node) {
        const model::Node *node = t.findNode(id->name);
        if (!node)
            return 0;
        const bool up = !live || live->up;
        add(tr("&Kill Node"), [this, name] { doFault(QStringLiteral("kill-node"), name); }, up);
        add(tr("&Restart Node"), [this, name] { doFault(QStringLiteral("restart-node"), name); }, !up);
        add(tr("&Isolate (Partition Away)"), [this, name] { doFault(QStringLiteral("isolate"), name); }, up);
        QMenu *stop = menu->addMenu(tr("&Stop Component"));
        QStringList components;
        for (model::Component c : node->components)
            components << componentName(c);
        if (node->role == model::NodeRole::LoadBalancer)
            components << QStringLiteral("load-balancer");
        for (const QString &c : components) {
            const bool stopped = live && live->stopped.contains(c);
            QAction *a = stop->addAction(stopped ? tr("Start %1").arg(c) : c);
            connect(a, &QAction::triggered, this, [this, name, c, stopped] {
                doFault(stopped ? QStringLiteral("start-component") : QStringLiteral("stop-component"), name, c);
            });
        }
        stop->setEnabled(up && !components.isEmpty());
        menu->addSeparator();
        add(tr("&Heal Node"), [this, name] {
            m_engine->healAsync(name, [this, name](bool ok, const QString &) {
                if (!ok)
                    emit actionRefused(tr("Node %1 cannot be healed now.").arg(name));
            });
        }, m_deployed);
    } else if (id->kind == model::ElementKind::Zone) {
        add(tr("&Zone Outage"), [this, name] { doFault(QStringLiteral("zone-outage"), name); });
    }
    return added;
}

} // namespace quorum::ui
