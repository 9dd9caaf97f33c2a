#include "ui/monitor/ReplayController.h"

#include "ui/monitor/LiveController.h"
#include "ui/monitor/MonitorPanel.h"

#include <QAction>
#include <QInputDialog>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QPointer>
#include <QSlider>
#include <QToolBar>

#include <algorithm>

namespace quorum::ui {

namespace {

QString secondsText(qint64 micros)
{
    return QStringLiteral("%1 s").arg(static_cast<double>(micros) / 1e6, 0, 'f', 0);
}

} // namespace

ReplayController::ReplayController(LiveController *live, QMainWindow *window)
    : QObject(window)
    , m_live(live)
    , m_window(window)
{
    m_openAction = new QAction(tr("Re&play a Recorded Run…"), this);
    m_openAction->setShortcut(QKeySequence(tr("Ctrl+Shift+P")));
    m_openAction->setStatusTip(tr("Pick a recorded run and scrub through it: charts, events and diagram as they were"));
    connect(m_openAction, &QAction::triggered, this, &ReplayController::chooseRun);
    m_backAction = new QAction(tr("&Back to Live"), this);
    m_backAction->setShortcut(QKeySequence(tr("Ctrl+Shift+B")));
    m_backAction->setStatusTip(tr("Leave the replay and show the running design again"));
    m_backAction->setEnabled(false);
    connect(m_backAction, &QAction::triggered, this, &ReplayController::leave);

    m_slider = new QSlider(Qt::Horizontal);
    m_slider->setAccessibleName(tr("Replay time"));
    m_slider->setToolTip(tr("Virtual time of the recorded run (seconds)"));
    m_slider->setMinimumWidth(320);
    m_label = new QLabel;
    m_bar = window->addToolBar(tr("Replay"));
    m_bar->setObjectName(QStringLiteral("replayToolBar"));
    m_bar->addWidget(new QLabel(tr("Replay")));
    m_bar->addWidget(m_slider);
    m_bar->addWidget(m_label);
    m_bar->addAction(m_backAction);
    m_bar->hide();

    m_scrubTimer.setSingleShot(true);
    m_scrubTimer.setInterval(30);
    connect(m_slider, &QSlider::valueChanged, this, [this] { m_scrubTimer.start(); });
    connect(&m_scrubTimer, &QTimer::timeout, this,
            [this] { scrubTo(static_cast<qint64>(m_slider->value()) * 1'000'000); });

    QMenu *menu = live->runMenu();
    menu->addSeparator();
    menu->addAction(m_openAction);
    menu->addAction(m_backAction);
    // Running again, or another run, ends the replay.
    connect(live->runAction(), &QAction::triggered, this, &ReplayController::leave);
    connect(live->engine(), &EngineBridge::cleared, this, &ReplayController::leave);
}

void ReplayController::chooseRun()
{
    QString error;
    const QVector<RecordedRun> runs = m_live->engine()->recordings(&error);
    if (runs.isEmpty()) {
        emit refused(error.isEmpty() ? tr("No run has been recorded yet: run a design first.") : error);
        return;
    }
    QStringList items;
    for (auto it = runs.rbegin(); it != runs.rend(); ++it) // newest first
        items << tr("%1 · %2%3").arg(it->started, it->topology,
                                     it->scenario.isEmpty() ? QString() : tr(" · drill %1").arg(it->scenario));
    bool ok = false;
    const QString picked = QInputDialog::getItem(m_window, tr("Replay"), tr("Recorded run:"), items, 0, false, &ok);
    if (!ok)
        return;
    openAsync(runs[static_cast<int>(runs.size()) - 1 - static_cast<int>(items.indexOf(picked))].id);
}

void ReplayController::openAsync(qint64 run)
{
    if (m_reading)
        return;
    m_reading = true;
    m_openAction->setEnabled(false);
    emit progress(tr("Reading the recorded run…"));
    QPointer<ReplayController> self(this);
    m_live->engine()->readRecordingAsync(run, [self, run](bool ok, Recording recording, const QString &why) {
        ReplayController *me = self.data(); // a plain pointer, checked once (GCC's -Wnull-dereference)
        if (me == nullptr)
            return;
        me->m_reading = false;
        me->m_openAction->setEnabled(true);
        QString error;
        if (me->show(run, ok, std::move(recording), why, &error))
            emit me->opened();
        else
            emit me->refused(error);
    });
}

bool ReplayController::open(qint64 run, QString *error)
{
    Recording recording;
    QString why;
    const bool ok = m_live->engine()->readRecording(run, recording, &why);
    return show(run, ok, std::move(recording), why, error);
}

bool ReplayController::show(qint64 run, bool read, Recording recording, const QString &why, QString *error)
{
    if (!read || recording.samples.isEmpty()) {
        if (error)
            *error = why.isEmpty() ? tr("The recorded run holds no samples.") : why;
        return false;
    }
    RecordedRun info;
    for (const RecordedRun &r : m_live->engine()->recordings())
        if (r.id == run)
            info = r;
    if (m_live->engine()->state().running)
        m_live->engine()->pause();
    m_run = info;
    m_recording = std::move(recording);
    m_active = true;
    m_live->setReplaying(true);
    m_backAction->setEnabled(true);
    m_bar->show();
    const qint64 last = lastMicros();
    {
        const QSignalBlocker block(m_slider);
        m_slider->setRange(static_cast<int>(m_recording.samples.front().timeMicros / 1'000'000),
                           static_cast<int>(last / 1'000'000));
        m_slider->setValue(m_slider->maximum());
    }
    scrubTo(last);
    return true;
}

qint64 ReplayController::lastMicros() const
{
    return m_recording.samples.isEmpty() ? 0 : m_recording.samples.back().timeMicros;
}

void ReplayController::scrubTo(qint64 micros)
{
    if (!m_active)
        return;
    const QVector<LiveSample> &samples = m_recording.samples;
    // The sample at or before the time (the first one when the time is earlier).
    auto after = std::upper_bound(samples.begin(), samples.end(), micros,
                                  [](qint64 t, const LiveSample &s) { return t < s.timeMicros; });
    const qsizetype count = std::max<qsizetype>(1, after - samples.begin());
    const LiveSample &shown = samples[count - 1];
    m_shown = shown.timeMicros;
    const QVector<LiveEvent> &events = m_recording.events;
    auto eventsEnd = std::upper_bound(events.begin(), events.end(), m_shown,
                                      [](qint64 t, const LiveEvent &e) { return t < e.timeMicros; });
    m_live->monitor()->showReplay(samples.mid(0, count));
    QString leader;
    for (const LiveSample::Member &m : shown.members)
        if (m.leader)
            leader = m.name;
    const QString quorum = shown.writesAvailable ? tr("quorum %1/%2 — writes OK").arg(shown.votersUp).arg(shown.votersTotal)
                                                 : tr("quorum %1/%2 — writes unavailable").arg(shown.votersUp).arg(shown.votersTotal);
    const QString status = tr("replay %1 · t %2 of %3 · %4 · %5")
                               .arg(m_run.topology, secondsText(m_shown), secondsText(lastMicros()),
                                    leader.isEmpty() ? tr("no etcd leader") : tr("leader %1").arg(leader), quorum);
    m_live->showReplayState(shown.nodes, events.mid(0, eventsEnd - events.begin()), status);
    m_label->setText(tr("%1 of %2").arg(secondsText(m_shown), secondsText(lastMicros())));
    if (m_slider->value() != static_cast<int>(m_shown / 1'000'000)) {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(static_cast<int>(m_shown / 1'000'000));
    }
}

void ReplayController::leave()
{
    if (!m_active)
        return;
    m_active = false;
    m_recording = {};
    m_backAction->setEnabled(false);
    m_bar->hide();
    m_live->monitor()->endReplay();
    m_live->setReplaying(false);
}

} // namespace quorum::ui
