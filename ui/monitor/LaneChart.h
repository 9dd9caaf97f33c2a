#pragma once

// Internal to ui/monitor: a chart of lanes over virtual time — one row per lane (an etcd
// member, a lease), and per (lane, kind) a series of small rectangles at the seconds where
// that kind applies (leading, down, held by a node). The leadership timeline and the lease
// holders chart are both drawn with it.
//
// Thread rules: UI thread only.

#include <QColor>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

class QCategoryAxis;
class QChart;
class QScatterSeries;
class QValueAxis;

namespace quorum::ui {

class LaneChart {
public:
    /// Draws into `chart` against `time` (both owned by the caller's chart view).
    LaneChart(QChart *chart, QValueAxis *time);

    /// The rows, bottom to top; changing them clears every series.
    void setLanes(const QStringList &lanes);
    const QStringList &lanes() const { return m_lanes; }
    /// Adds points at `xs` (virtual seconds) to lane `lane`'s series `kind`, created on first
    /// use with `color` and marker `size`; the series is thinned when it grows past `maxPoints`.
    void append(int lane, const QString &kind, const QList<qreal> &xs, const QColor &color, qreal size, int maxPoints);
    /// The points of lane `lane`'s series `kind` (empty when there is none).
    QList<QPointF> points(int lane, const QString &kind) const;
    void clear();

private:
    QChart *m_chart;
    QValueAxis *m_time;
    QCategoryAxis *m_axis;
    QStringList m_lanes;
    QHash<QString, QScatterSeries *> m_series; // "<lane>\n<kind>"
};

} // namespace quorum::ui
