#pragma once

// Table model of HA findings: severity, element, translated message, rule id.
// Main (GUI) thread only.

#include "engine/model/Findings.h"

#include <QAbstractTableModel>

#include <vector>

namespace quorum::ui {

class FindingsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { SeverityColumn, ElementColumn, MessageColumn, RuleColumn, ColumnCount };
    enum Role {
        ElementIdRole = Qt::UserRole + 1,  ///< QString "node/cp-1"
        SeverityRole,                      ///< int value of model::Severity
    };

    explicit FindingsModel(QObject *parent = nullptr);

    /// Replaces the findings (kept in the given order: the engine sorts errors first).
    void setFindings(std::vector<model::Finding> findings);
    const std::vector<model::Finding> &findings() const { return m_findings; }
    /// The element id string of a row ("node/cp-1"); precondition: 0 <= row < rowCount().
    QString elementId(int row) const;
    /// Rows whose finding points at elementId.
    QList<int> rowsForElement(const QString &elementId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<model::Finding> m_findings;
};

} // namespace quorum::ui
