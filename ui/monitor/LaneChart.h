#pragma once

// Internal to ui/monitor: a chart of lanes over virtual time — one row per lane (an etcd
// member, a lease), and per (lane, kind) its periods (leading, down, held by a node) drawn as
// thick bars. Consecutive samples of a kind extend the open bar, so a long run costs a few
// two-point series, not a marker per second (Qt Charts makes every scatter marker an item).
// The leadership timeline and the lease holders chart are both drawn with it.
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
class QLineSeries;
class QValueAxis;

namespace quorum::ui {

class LaneChart {
public:
    /// Draws into `chart` against `time` (both owned by the caller's chart view).
    LaneChart(QChart *chart, QValueAxis *time);

    /// The rows, bottom to top; changing them clears every bar.
    void setLanes(const QStringList &lanes);
    const QStringList &lanes() const { return m_lanes; }
    /// Marks lane `lane` as `kind` at the sample times `xs` (virtual seconds, ascending, one
    /// sample per `step` seconds): a sample within 1.5 steps of the kind's open bar extends it,
    /// otherwise a new bar starts. At most `maxBars` bars are kept (the oldest go first).
    void append(int lane, const QString &kind, const QList<qreal> &xs, const QColor &color, qreal width, int maxBars,
                qreal step = 1.0);
    /// The bars of lane `lane`'s kind as (start, end) points at the lane's height, oldest first.
    QList<QPointF> points(int lane, const QString &kind) const;
    void clear();

private:
    struct Bars {
        QList<QLineSeries *> series; // one per period, oldest first
        qreal lastX = -1e300;
    };

    QChart *m_chart;
    QValueAxis *m_time;
    QCategoryAxis *m_axis;
    QStringList m_lanes;
    QHash<QString, Bars> m_bars; // "<lane>\n<kind>"
    QStringList m_legendKinds;   // kinds with a legend entry already
    int m_total = 0;
};

} // namespace quorum::ui
