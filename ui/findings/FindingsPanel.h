#pragma once

// The findings panel: a summary line and a table of HA findings. Clicking a finding (or
// pressing Enter on it) asks for its element to be shown; selecting elements elsewhere
// highlights their findings. Main (GUI) thread only.

#include "engine/model/Findings.h"

#include <QWidget>

#include <vector>

class QLabel;
class QTableView;

namespace quorum::ui {

class FindingsModel;

class FindingsPanel : public QWidget {
    Q_OBJECT

public:
    explicit FindingsPanel(QWidget *parent = nullptr);

    /// Shows these findings (in the given order) and updates the summary.
    void setFindings(const std::vector<model::Finding> &findings);

    /// "Errors: 0, warnings: 1, infos: 4" — the summary as one sentence (also the accessible
    /// description of the panel).
    QString summaryText() const;

    QTableView *tableView() const { return m_table; }
    FindingsModel *findingsModel() const { return m_model; }

public slots:
    /// Selects the rows of findings that point at any of elementIds (others are deselected).
    /// Does not emit findingActivated().
    void highlightElements(const QStringList &elementIds);

signals:
    /// The user clicked or activated a finding about elementId ("node/cp-1", "cluster", ...).
    void findingActivated(const QString &elementId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void activateRow(const QModelIndex &index);
    void updateSummary();

    FindingsModel *m_model;
    QTableView *m_table;
    QLabel *m_errors;
    QLabel *m_warnings;
    QLabel *m_infos;
    QLabel *m_hint;
    model::FindingCounts m_counts;
};

} // namespace quorum::ui
