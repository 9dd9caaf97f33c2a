#pragma once

// Trainer mode: pick a shipped scenario and play it as a drill. Each step shows a short
// explanation and, for expectations, what the design's settings predict ("taken over no later
// than 17 s: lease-duration 15 s + retry-period 2 s"); once it happened, the observed time
// stands beside the prediction. "Next step" runs to the next step's time and pauses there, so
// a trainer can explain before going on; Play lets it run. Everything shown comes from the
// engine (EngineBridge's LiveState.drill), so a remote engine plays drills the same way.
//
// Thread rules: UI thread only.

#include "ui/bridge/EngineBridge.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace quorum::ui {

class DesignDocument;
class LiveController;

class DrillPanel : public QWidget {
    Q_OBJECT

public:
    DrillPanel(LiveController *live, DesignDocument *document, QWidget *parent = nullptr);

    /// Starts the drill of a scenario file (a resource path ":/scenarios/..." or a file): opens
    /// its design in the document when it is not the one open (asking first when the open
    /// design is not a bundled template), boots it paused at 0. False with `error` set when the
    /// scenario, its files or the engine refuse; the open design is then untouched.
    bool startDrill(const QString &path, QString *error = nullptr);
    /// Runs to the time of the next step that has not run (or to the end), then pauses.
    bool nextStep();

    QAction *startAction() const { return m_startAction; }
    QAction *nextAction() const { return m_nextAction; }
    QComboBox *scenarioBox() const { return m_scenarios; }
    QTreeWidget *stepsView() const { return m_steps; }
    /// "Step 2 of 4 · 2 passed · 0 failed", or why no drill runs.
    QString summaryText() const;
    /// The explanation and prediction of the selected (or current) step, as plain text.
    QString detailText() const;

    /// Asks before replacing an open design that is not a bundled template; tests replace it.
    void setConfirm(std::function<bool(const QString &question)> confirm) { m_confirm = std::move(confirm); }

signals:
    /// A drill could not start or go on (the message says why).
    void refused(const QString &message);

private:
    void onUpdated(const LiveState &state);
    void showDetail();
    void updateActions();

    LiveController *m_live;
    QPointer<DesignDocument> m_document;
    LiveDrill m_drill;      ///< as last reported (inactive when the run plays no scenario)
    qint64 m_now = 0;       ///< virtual time of the last update
    bool m_running = false;
    QComboBox *m_scenarios = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_nextAction = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_nextButton = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_steps = nullptr;
    QTextBrowser *m_detail = nullptr;
    QString m_detailHtml;   ///< what m_detail shows (set only when it changes: keeps its scroll position)
    std::function<bool(const QString &)> m_confirm;
};

} // namespace quorum::ui
