#include "ui/findings/FindingsModel.h"

#include "ui/common/Appearance.h"
#include "ui/common/DisplayNames.h"

#include <utility>

namespace quorum::ui {

namespace {

QString displayText(const model::Finding &finding, int column)
{
    switch (column) {
    case FindingsModel::SeverityColumn: return DisplayNames::severity(finding.severity);
    case FindingsModel::ElementColumn: return elementIdString(finding.element);
    case FindingsModel::MessageColumn: return DisplayNames::findingMessage(finding);
    case FindingsModel::RuleColumn: return QString::fromStdString(finding.rule);
    default: return {};
    }
}

} // namespace

FindingsModel::FindingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void FindingsModel::setFindings(std::vector<model::Finding> findings)
{
    beginResetModel();
    m_findings = std::move(findings);
    endResetModel();
}

QString FindingsModel::elementId(int row) const
{
    return elementIdString(m_findings.at(static_cast<std::size_t>(row)).element);
}

QList<int> FindingsModel::rowsForElement(const QString &elementId) const
{
    QList<int> rows;
    for (int row = 0; row < rowCount(); ++row)
        if (this->elementId(row) == elementId)
            rows << row;
    return rows;
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const model::Finding &finding = m_findings[static_cast<std::size_t>(index.row())];

    switch (role) {
    case ElementIdRole:
        return elementIdString(finding.element);
    case SeverityRole:
        return static_cast<int>(finding.severity);
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return displayText(finding, index.column());
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return bundledIcon(iconName(finding.severity));
        return {};
    default:
        return {};
    }
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn: return tr("Severity");
    case ElementColumn: return tr("Element");
    case MessageColumn: return tr("Message");
    case RuleColumn: return tr("Rule");
    default: return {};
    }
}

} // namespace quorum::ui
