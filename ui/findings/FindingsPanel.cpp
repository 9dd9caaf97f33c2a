#include "ui/findings/FindingsPanel.h"

#include "ui/common/Appearance.h"
#include "ui/findings/FindingsModel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelection>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace quorum::ui {

namespace {

constexpr int kIconSize = 16;

/// An icon followed by a text label, as one row item of the summary.
QLabel *addCountLabel(QHBoxLayout *row, model::Severity severity)
{
    auto *icon = new QLabel;
    icon->setPixmap(bundledIcon(iconName(severity)).pixmap(kIconSize, kIconSize));
    auto *text = new QLabel;
    row->addWidget(icon);
    row->addWidget(text);
    row->addSpacing(14);
    return text;
}

} // namespace

FindingsPanel::FindingsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new FindingsModel(this))
    , m_table(new QTableView(this))
{
    auto *summary = new QHBoxLayout;
    summary->setContentsMargins(8, 6, 8, 2);
    summary->setSpacing(4);
    m_errors = addCountLabel(summary, model::Severity::Error);
    m_warnings = addCountLabel(summary, model::Severity::Warning);
    m_infos = addCountLabel(summary, model::Severity::Info);
    summary->addStretch(1);
    m_hint = new QLabel(this);
    m_hint->setEnabled(false);  // the disabled palette gives the muted colour of hints
    summary->addWidget(m_hint);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setIconSize(QSize(kIconSize, kIconSize));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(FindingsModel::SeverityColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(FindingsModel::ElementColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(FindingsModel::MessageColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(FindingsModel::RuleColumn, QHeaderView::ResizeToContents);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(summary);
    layout->addWidget(m_table, 1);

    connect(m_table, &QTableView::clicked, this, &FindingsPanel::activateRow);
    connect(m_table, &QTableView::activated, this, &FindingsPanel::activateRow);
    updateSummary();
}

void FindingsPanel::setFindings(const std::vector<model::Finding> &findings)
{
    m_counts = model::countFindings(findings);
    m_model->setFindings(findings);
    updateSummary();
}

QString FindingsPanel::summaryText() const
{
    return tr("Errors: %1, warnings: %2, infos: %3").arg(m_counts.errors).arg(m_counts.warnings).arg(m_counts.infos);
}

void FindingsPanel::highlightElements(const QStringList &elementIds)
{
    QItemSelection selection;
    for (const QString &id : elementIds)
        for (int row : m_model->rowsForElement(id))
            selection.select(m_model->index(row, 0), m_model->index(row, FindingsModel::ColumnCount - 1));
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!selection.isEmpty())
        m_table->scrollTo(selection.first().topLeft());
}

void FindingsPanel::activateRow(const QModelIndex &index)
{
    if (index.isValid())
        emit findingActivated(m_model->elementId(index.row()));
}

void FindingsPanel::updateSummary()
{
    m_errors->setText(tr("Errors: %1").arg(m_counts.errors));
    m_warnings->setText(tr("Warnings: %1").arg(m_counts.warnings));
    m_infos->setText(tr("Infos: %1").arg(m_counts.infos));
    m_hint->setText(m_model->rowCount() == 0 ? tr("The design passes every HA rule.")
                                             : tr("Click a finding to show its element in the diagram."));
    setAccessibleDescription(summaryText());
}

void FindingsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        updateSummary();
    QWidget::changeEvent(event);
}

} // namespace quorum::ui
