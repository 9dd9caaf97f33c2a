#include "ui/monitor/LaneChart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
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
    for (const Bars &bars : std::as_const(m_bars))
        for (QLineSeries *s : bars.series) {
            m_chart->removeSeries(s);
            delete s;
        }
    m_bars.clear();
    m_legendKinds.clear();
    m_total = 0;
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

void LaneChart::append(int lane, const QString &kind, const QList<qreal> &xs, const QColor &color, qreal width,
                       int maxBars, qreal step)
{
    if (lane < 0 || lane >= m_lanes.size() || xs.isEmpty())
        return;
    Bars &bars = m_bars[m_lanes[lane] + QLatin1Char('\n') + kind];
    const qreal y = lane + 1;
    const qreal half = step / 2;
    QLineSeries *open = bars.series.isEmpty() ? nullptr : bars.series.back();
    // The open bar's new end, applied once (each replace() redraws the series).
    bool extend = false;
    qreal extendTo = 0;
    auto extendOpen = [&] {
        if (open && extend)
            open->replace(1, QPointF(extendTo + half, y));
        extend = false;
    };
    for (qreal x : xs) {
        if (open && x - bars.lastX <= 1.5 * step) {
            extend = true; // extend the open bar
            extendTo = x;
        } else {
            extendOpen();
            open = new QLineSeries;
            open->setName(kind);
            QPen pen(color, width);
            pen.setCapStyle(Qt::FlatCap);
            open->setPen(pen);
            open->append(QPointF(x - half, y));
            open->append(QPointF(x + half, y));
            m_chart->addSeries(open);
            open->attachAxis(m_time);
            open->attachAxis(m_axis);
            // One legend entry per kind, however many bars and lanes it has.
            if (m_legendKinds.contains(kind))
                for (QLegendMarker *marker : m_chart->legend()->markers(open))
                    marker->setVisible(false);
            else
                m_legendKinds << kind;
            bars.series.append(open);
            ++m_total;
            if (bars.series.size() > maxBars) {
                QLineSeries *oldest = bars.series.takeFirst();
                m_chart->removeSeries(oldest);
                delete oldest;
                --m_total;
            }
        }
        bars.lastX = x;
    }
    extendOpen();
}

QList<QPointF> LaneChart::points(int lane, const QString &kind) const
{
    QList<QPointF> out;
    if (lane < 0 || lane >= m_lanes.size())
        return out;
    const auto it = m_bars.constFind(m_lanes[lane] + QLatin1Char('\n') + kind);
    if (it == m_bars.constEnd())
        return out;
    for (const QLineSeries *s : it->series)
        out << s->points();
    return out;
}

} // namespace quorum::ui
