#include "ui/monitor/DrillPanel.h"

#include "engine/model/TopologyYaml.h"
#include "engine/scenario/ScenarioYaml.h"
#include "resources/QuorumResources.h"
#include "ui/document/DesignDocument.h"
#include "ui/monitor/LiveController.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace quorum::ui {

namespace {

enum Column { Time, Step, Predicted, Observed };

QString seconds(qint64 micros)
{
    return QStringLiteral("%1 s").arg(static_cast<double>(micros) / 1e6, 0, 'f', micros % 1000000 == 0 ? 0 : 1);
}

QString observedSeconds(qint64 micros)
{
    return QStringLiteral("%1 s").arg(static_cast<double>(micros) / 1e6, 0, 'f', 1);
}

/// A scenario with the files it names, read from resources or disk.
struct Bundle {
    QString yaml;
    QString topologyPath; ///< resolved path of its design
    QByteArray topologyYaml;
    QMap<QString, QString> files; ///< keyed by the path as the scenario writes it
    QString error;
};

bool readText(const QString &path, QByteArray &out)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    out = file.readAll();
    return true;
}

Bundle readBundle(const QString &path)
{
    Bundle b;
    QByteArray text;
    if (!readText(path, text)) {
        b.error = DrillPanel::tr("Cannot read %1.").arg(path);
        return b;
    }
    b.yaml = QString::fromUtf8(text);
    const scenario::ScenarioLoadResult parsed = scenario::parseScenario(text.toStdString(), path.toStdString());
    if (!parsed.ok()) {
        QStringList errors;
        for (const model::Diagnostic &d : parsed.errors)
            errors << QString::fromStdString(d.toString());
        b.error = errors.join(QLatin1Char('\n'));
        return b;
    }
    const scenario::Scenario &sc = *parsed.scenario;
    if (!sc.topology) {
        b.error = DrillPanel::tr("%1 names no design (spec.topology).").arg(path);
        return b;
    }
    auto add = [&](const scenario::FilePath &file) {
        QByteArray content;
        const QString resolved = QString::fromStdString(file.resolved);
        if (!readText(resolved, content)) {
            b.error = DrillPanel::tr("%1: cannot read %2.").arg(path, QString::fromStdString(file.given));
            return false;
        }
        b.files.insert(QString::fromStdString(file.given), QString::fromUtf8(content));
        return true;
    };
    if (!add(*sc.topology))
        return b;
    b.topologyPath = QString::fromStdString(sc.topology->resolved);
    b.topologyYaml = b.files.value(QString::fromStdString(sc.topology->given)).toUtf8();
    for (const scenario::Step &step : sc.steps)
        if (const auto *apply = std::get_if<scenario::Apply>(&step.action); apply && !add(apply->manifest))
            return b;
    return b;
}

} // namespace

DrillPanel::DrillPanel(LiveController *live, DesignDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_live(live)
    , m_document(document)
{
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Drill"), question) == QMessageBox::Yes;
    };
    m_scenarios = new QComboBox;
    m_scenarios->setAccessibleName(tr("Scenario"));
    for (const QString &path : resources::scenarioPaths())
        m_scenarios->addItem(QFileInfo(path).completeBaseName(), path);
    const int kill = m_scenarios->findText(QStringLiteral("kill-etcd-leader"));
    m_scenarios->setCurrentIndex(std::max(0, kill));

    m_startAction = new QAction(tr("Start &Drill"), this);
    m_startAction->setShortcut(QKeySequence(tr("Ctrl+Shift+D")));
    m_startAction->setStatusTip(tr("Load the chosen scenario's design, paused at 0 s, ready to step through"));
    connect(m_startAction, &QAction::triggered, this, [this] {
        QString error;
        if (!startDrill(m_scenarios->currentData().toString(), &error) && !error.isEmpty())
            emit refused(error);
    });
    m_nextAction = new QAction(tr("&Next Drill Step"), this);
    m_nextAction->setShortcut(QKeySequence(Qt::Key_F6));
    m_nextAction->setStatusTip(tr("Run to the next step of the drill and pause there"));
    m_nextAction->setEnabled(false);
    connect(m_nextAction, &QAction::triggered, this, &DrillPanel::nextStep);

    m_startButton = new QPushButton(m_startAction->text().remove(QLatin1Char('&')));
    m_startButton->setToolTip(m_startAction->statusTip());
    connect(m_startButton, &QPushButton::clicked, m_startAction, &QAction::trigger);
    m_nextButton = new QPushButton(m_nextAction->text().remove(QLatin1Char('&')));
    m_nextButton->setToolTip(tr("%1 (%2)").arg(m_nextAction->statusTip(), m_nextAction->shortcut().toString()));
    connect(m_nextButton, &QPushButton::clicked, m_nextAction, &QAction::trigger);
    auto *play = new QToolButton;
    play->setDefaultAction(m_live->runAction()); // Run / Pause, as in the Run menu
    play->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto *top = new QHBoxLayout;
    top->addWidget(m_scenarios, 1);
    top->addWidget(m_startButton);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_nextButton);
    controls->addWidget(play);
    controls->addStretch(1);

    m_description = new QLabel(tr("Pick a scenario and start the drill."));
    m_description->setWordWrap(true);
    m_summary = new QLabel;
    m_summary->setAccessibleName(tr("Drill progress"));

    m_steps = new QTreeWidget;
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->setAccessibleName(tr("Drill steps"));
    m_steps->setHeaderLabels({tr("Time"), tr("Step"), tr("Predicted"), tr("Observed")});
    m_steps->header()->setStretchLastSection(false);
    m_steps->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(Step, QHeaderView::Stretch);
    connect(m_steps, &QTreeWidget::currentItemChanged, this, &DrillPanel::showDetail);

    m_detail = new QTextBrowser;
    m_detail->setAccessibleName(tr("Step explanation"));
    m_detail->setMaximumHeight(150);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_description);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_detail);

    connect(m_live->engine(), &EngineBridge::updated, this,
            [this](const LiveState &state, const QVector<LiveEvent> &) { onUpdated(state); });
    updateActions();
}

bool DrillPanel::startDrill(const QString &path, QString *error)
{
    const Bundle bundle = readBundle(path);
    if (!bundle.error.isEmpty()) {
        if (error)
            *error = bundle.error;
        return false;
    }
    DesignDocument *document = m_document.data();
    if (!document)
        return false;
    // The drill runs its own design; open it unless it is the one open already.
    const model::LoadResult design = model::parseTopology(bundle.topologyYaml.toStdString(), bundle.topologyPath.toStdString());
    if (!design.ok() || !design.topology->sameDesign(document->topology())) {
        const bool replaceable = document->isFromTemplate() || document->topology().nodes.empty();
        if (!replaceable &&
            !m_confirm(tr("The drill runs the design %1. Open it in place of %2? Save your design first if you "
                          "want to keep its changes.")
                           .arg(QFileInfo(bundle.topologyPath).fileName(), document->fileName()))) {
            if (error)
                error->clear(); // the user said no: nothing to report
            return false;
        }
        std::vector<model::Diagnostic> errors;
        if (!document->load(bundle.topologyPath, errors)) {
            QStringList lines;
            for (const model::Diagnostic &d : errors)
                lines << QString::fromStdString(d.toString());
            if (error)
                *error = lines.join(QLatin1Char('\n'));
            return false;
        }
    }
    if (!m_live->startScenario(bundle.yaml, path, bundle.files)) {
        if (error)
            error->clear(); // LiveController reported it
        return false;
    }
    m_live->engine()->refresh();
    return true;
}

bool DrillPanel::nextStep()
{
    if (!m_drill.active) {
        emit refused(tr("No drill is running: pick a scenario and start it."));
        return false;
    }
    qint64 target = -1;
    for (const LiveDrillStep &s : m_drill.steps)
        if (!s.ran) {
            target = s.atMicros;
            break;
        }
    if (target < 0) {
        if (m_now >= m_drill.durationMicros) {
            emit refused(tr("The drill is over; every step has run."));
            return false;
        }
        target = m_drill.durationMicros;
    }
    target = std::max(target, m_now + 1); // due now: run just past it
    return m_live->engine()->run(m_live->speed(), target);
}

QString DrillPanel::summaryText() const
{
    return m_summary->text();
}

QString DrillPanel::detailText() const
{
    return m_detail->toPlainText();
}

void DrillPanel::updateActions()
{
    const bool over = m_drill.active && m_drill.finished;
    m_nextAction->setEnabled(m_drill.active && !over);
    m_nextButton->setEnabled(m_nextAction->isEnabled());
}

void DrillPanel::onUpdated(const LiveState &state)
{
    m_now = state.virtualMicros;
    m_running = state.running;
    const bool wasActive = m_drill.active;
    const QString oldName = m_drill.name;
    m_drill = state.drill;
    if (!m_drill.active) {
        if (wasActive) {
            m_steps->clear();
            m_summary->setText(tr("The run plays no drill."));
        }
        updateActions();
        return;
    }
    m_description->setText(QStringLiteral("<b>%1</b> — %2").arg(m_drill.name.toHtmlEscaped(), m_drill.description.toHtmlEscaped()));
    if (!wasActive || oldName != m_drill.name || m_steps->topLevelItemCount() != m_drill.steps.size()) {
        m_steps->clear();
        for (const LiveDrillStep &s : m_drill.steps) {
            auto *row = new QTreeWidgetItem({seconds(s.atMicros), s.action, QString(), QString()});
            row->setToolTip(Step, s.explanation);
            m_steps->addTopLevelItem(row);
        }
    }
    int ran = 0, passed = 0, failed = 0, expectations = 0;
    qint64 lastRanAt = -1;
    for (const LiveDrillStep &s : m_drill.steps)
        if (s.ran)
            lastRanAt = s.atMicros;
    const QColor pending = palette().color(QPalette::Disabled, QPalette::Text);
    for (int i = 0; i < m_drill.steps.size(); ++i) {
        const LiveDrillStep &s = m_drill.steps[i];
        QTreeWidgetItem *row = m_steps->topLevelItem(i);
        ran += s.ran ? 1 : 0;
        QString predicted;
        if (s.predictedAfterMicros >= 0 && s.predictedWithinMicros >= 0)
            predicted = tr("%1 – %2").arg(observedSeconds(s.predictedAfterMicros), observedSeconds(s.predictedWithinMicros));
        else if (s.predictedWithinMicros == 0)
            predicted = tr("at once");
        else if (s.predictedWithinMicros > 0)
            predicted = tr("≤ %1").arg(observedSeconds(s.predictedWithinMicros));
        else if (s.expectation)
            predicted = tr("holds");
        row->setText(Predicted, predicted);
        row->setToolTip(Predicted, s.prediction);
        QString observed;
        QColor colour;
        if (s.expectation) {
            ++expectations;
            if (s.decided) {
                passed += s.passed ? 1 : 0;
                failed += s.passed ? 0 : 1;
                const QString mark = s.passed ? QStringLiteral("✓") : QStringLiteral("✗");
                observed = s.observedMicros >= 0 ? tr("%1 %2").arg(mark, observedSeconds(s.observedMicros))
                                                 : (s.passed ? tr("%1 held").arg(mark) : tr("%1 %2").arg(mark, s.detail));
                colour = s.passed ? QColor(0x2E, 0x7D, 0x32) : QColor(0xB0, 0x3A, 0x2E);
            } else if (s.ran) {
                observed = tr("watching…");
            }
        } else if (s.ran) {
            observed = tr("done");
        }
        row->setText(Observed, observed);
        row->setToolTip(Observed, s.detail);
        for (int c = Time; c <= Observed; ++c) {
            row->setForeground(c, s.ran ? palette().color(QPalette::Text) : pending);
            QFont font = row->font(c);
            font.setBold(s.ran && s.atMicros == lastRanAt);
            row->setFont(c, font);
        }
        if (colour.isValid())
            row->setForeground(Observed, colour);
    }
    QString summary = m_drill.finished
                          ? tr("Drill over · %1 of %2 expectations passed").arg(passed).arg(expectations)
                          : tr("Step %1 of %2 · %3 passed · %4 failed").arg(ran).arg(m_drill.steps.size()).arg(passed).arg(failed);
    if (!m_drill.stepErrors.isEmpty())
        summary += tr(" · steps that could not run: %1").arg(m_drill.stepErrors.size());
    m_summary->setText(summary);
    m_summary->setToolTip(m_drill.stepErrors.join(QLatin1Char('\n')));
    showDetail();
    updateActions();
}

void DrillPanel::showDetail()
{
    if (!m_drill.active) {
        m_detail->clear();
        m_detailHtml.clear();
        return;
    }
    int index = m_steps->currentItem() ? m_steps->indexOfTopLevelItem(m_steps->currentItem()) : -1;
    if (index < 0) {
        // The step to talk about: the first expectation still being watched, else the next one.
        for (int i = 0; i < m_drill.steps.size() && index < 0; ++i)
            if (m_drill.steps[i].expectation && m_drill.steps[i].ran && !m_drill.steps[i].decided)
                index = i;
        for (int i = 0; i < m_drill.steps.size() && index < 0; ++i)
            if (!m_drill.steps[i].ran)
                index = i;
        if (index < 0)
            index = static_cast<int>(m_drill.steps.size()) - 1;
    }
    if (index < 0)
        return;
    const LiveDrillStep &s = m_drill.steps[index];
    const QString title = QStringLiteral("%1 — %2").arg(seconds(s.atMicros), s.action.toHtmlEscaped());
    QString html = QStringLiteral("<p><b>%1</b></p><p>%2</p>")
                       .arg(s.ran ? title : tr("Next: %1").arg(title), s.explanation.toHtmlEscaped());
    if (!s.prediction.isEmpty())
        html += QStringLiteral("<p><i>%1</i> %2</p>").arg(tr("Prediction:"), s.prediction.toHtmlEscaped());
    if (s.decided)
        html += QStringLiteral("<p><i>%1</i> %2</p>")
                    .arg(tr("Observed:"),
                         (s.observedMicros >= 0 ? tr("held after %1").arg(observedSeconds(s.observedMicros))
                                                : (s.passed ? tr("held over the whole window") : tr("did not hold"))) +
                             (s.detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(s.detail.toHtmlEscaped())));
    if (html != m_detailHtml) {
        m_detailHtml = html;
        m_detail->setHtml(html);
    }
}

} // namespace quorum::ui
