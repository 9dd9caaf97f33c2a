#pragma once

// Replay of a recorded run: every run the engine plays is recorded (EngineBridge::recordPath);
// Run → Replay a Recorded Run… picks one, and a timeline scrubber shows the charts, the events
// and the diagram as they were at the scrubbed time — the node states come from the recorded
// sample of that second, the charts from the samples up to it. Back to Live returns to the
// running design, whose telemetry kept arriving in the meantime.
//
// Thread rules: UI thread only.

#include "ui/bridge/EngineBridge.h"

#include <QObject>
#include <QTimer>

class QAction;
class QLabel;
class QMainWindow;
class QSlider;
class QToolBar;

namespace quorum::ui {

class LiveController;

class ReplayController : public QObject {
    Q_OBJECT

public:
    /// Adds the replay actions to the Run menu and a (hidden) replay toolbar to `window`.
    ReplayController(LiveController *live, QMainWindow *window);

    QAction *openAction() const { return m_openAction; }
    QAction *backToLiveAction() const { return m_backAction; }
    QSlider *scrubber() const { return m_slider; }

    /// Reads recorded run `run` and shows its last second. False with `error` naming the file
    /// when it cannot be read or holds no samples; the live view is then untouched.
    bool open(qint64 run, QString *error = nullptr);
    /// open() with the reading on a pool thread (what the menu does): progress() at once, then
    /// opened() or refused(). Ignored while a read is under way.
    void openAsync(qint64 run);
    bool reading() const { return m_reading; }
    /// Shows the recorded state at `micros` (the sample at or before it).
    void scrubTo(qint64 micros);
    /// Back to the live run.
    void leave();
    bool active() const { return m_active; }
    /// The time of the last recorded sample.
    qint64 lastMicros() const;
    /// The virtual time being shown (the sample's).
    qint64 shownMicros() const { return m_shown; }

signals:
    void refused(const QString &message);
    void progress(const QString &message);
    void opened();

private:
    void chooseRun();
    bool show(qint64 run, bool read, Recording recording, const QString &why, QString *error);

    LiveController *m_live;
    QMainWindow *m_window;
    QAction *m_openAction = nullptr;
    QAction *m_backAction = nullptr;
    QToolBar *m_bar = nullptr;
    QSlider *m_slider = nullptr;
    QLabel *m_label = nullptr;
    QTimer m_scrubTimer; ///< coalesces slider moves: one redraw per burst
    bool m_active = false;
    bool m_reading = false;
    RecordedRun m_run;
    Recording m_recording;
    qint64 m_shown = 0;
};

} // namespace quorum::ui
