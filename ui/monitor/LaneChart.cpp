#include "ui/monitor/LaneChart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QScatterSeries>
#include <QValueAxis>

namespace quorum::ui {

LaneChart::LaneChart(QChart *chart, QValueAxis *time)
    : m_chart(chart)
    , m_time(time)
    , m_axis(new QCategoryAxis)
{
    m_axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_axis->setRange(0, 1);
    m_chart->addAxis(m_axis, Qt::AlignLeft);
}

void LaneChart::clear()
{
    for (QScatterSeries *s : std::as_const(m_series)) {
        m_chart->removeSeries(s);
        delete s;
    }
    m_series.clear();
}

void LaneChart::setLanes(const QStringList &lanes)
{
    if (lanes == m_lanes)
        return;
    clear();
    for (const QString &label : m_axis->categoriesLabels())
        m_axis->remove(label);
    m_lanes = lanes;
    for (int i = 0; i < lanes.size(); ++i)
        m_axis->append(lanes[i], i + 1);
    m_axis->setRange(0.5, std::max<qsizetype>(1, lanes.size()) + 0.5);
}

void LaneChart::append(int lane, const QString &kind, const QList<qreal> &xs, const QColor &color, qreal size, int maxPoints)
{
    if (lane < 0 || lane >= m_lanes.size() || xs.isEmpty())
        return;
    const QString key = m_lanes[lane] + QLatin1Char('\n') + kind;
    QScatterSeries *series = m_series.value(key);
    if (!series) {
        series = new QScatterSeries;
        series->setName(kind);
        series->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
        series->setMarkerSize(size);
        series->setColor(color);
        series->setBorderColor(color.darker(115));
        // One legend entry per kind, however many lanes it appears in.
        bool shown = false;
        for (QScatterSeries *other : std::as_const(m_series))
            shown = shown || other->name() == kind;
        m_chart->addSeries(series);
        series->attachAxis(m_time);
        series->attachAxis(m_axis);
        if (shown)
            for (QLegendMarker *marker : m_chart->legend()->markers(series))
                marker->setVisible(false);
        m_series.insert(key, series);
    }
    QList<QPointF> points;
    points.reserve(xs.size());
    for (qreal x : xs)
        points.append(QPointF(x, lane + 1));
    series->append(points);
    if (series->count() > maxPoints) {
        // Thin to half: a lane of rectangles reads the same at a coarser step.
        const QList<QPointF> all = series->points();
        QList<QPointF> kept;
        for (qsizetype i = 0; i < all.size(); i += 2)
            kept.append(all[i]);
        series->replace(kept);
    }
}

QList<QPointF> LaneChart::points(int lane, const QString &kind) const
{
    if (lane < 0 || lane >= m_lanes.size())
        return {};
    const QScatterSeries *series = m_series.value(m_lanes[lane] + QLatin1Char('\n') + kind);
    return series ? series->points() : QList<QPointF>();
}

} // namespace quorum::ui
