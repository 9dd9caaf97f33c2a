#include "ui/diagram/Arrange.h"

#include "ui/diagram/PlacedLayout.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace quorum::ui {

namespace {

struct Card {
    QString id;
    QRectF rect;
};

/// One axis of the scene, so that each arrangement is written once for both.
struct Axis {
    bool horizontal;
    qreal start(const QRectF &r) const { return horizontal ? r.left() : r.top(); }
    qreal end(const QRectF &r) const { return horizontal ? r.right() : r.bottom(); }
    qreal length(const QRectF &r) const { return horizontal ? r.width() : r.height(); }
    /// r's top-left corner with this axis' coordinate replaced.
    QPointF moved(const QRectF &r, qreal start) const
    {
        return horizontal ? QPointF(start, r.top()) : QPointF(r.left(), start);
    }
};

Axis axisOf(Arrangement a)
{
    switch (a) {
    case Arrangement::AlignLeft:
    case Arrangement::AlignRight:
    case Arrangement::AlignHorizontalCentres:
    case Arrangement::DistributeHorizontally: return {true};
    case Arrangement::AlignTop:
    case Arrangement::AlignBottom:
    case Arrangement::AlignVerticalCentres:
    case Arrangement::DistributeVertically: return {false};
    }
    return {true};
}

/// The new starts along the axis, in the order of cards.
std::vector<qreal> alignedStarts(Arrangement a, const Axis &axis, const std::vector<Card> &cards)
{
    qreal lowest = std::numeric_limits<qreal>::max();
    qreal highest = std::numeric_limits<qreal>::lowest();
    for (const Card &c : cards) {
        lowest = std::min(lowest, axis.start(c.rect));
        highest = std::max(highest, axis.end(c.rect));
    }
    std::vector<qreal> starts;
    for (const Card &c : cards) {
        switch (a) {
        case Arrangement::AlignLeft:
        case Arrangement::AlignTop: starts.push_back(lowest); break;
        case Arrangement::AlignRight:
        case Arrangement::AlignBottom: starts.push_back(highest - axis.length(c.rect)); break;
        default: starts.push_back((lowest + highest - axis.length(c.rect)) / 2); break;
        }
    }
    return starts;
}

std::vector<qreal> distributedStarts(const Axis &axis, std::vector<Card> &cards)
{
    // By centre, so that a wide card that starts first but reaches furthest stays in the middle.
    std::stable_sort(cards.begin(), cards.end(), [&](const Card &a, const Card &b) {
        return axis.start(a.rect) + axis.length(a.rect) / 2 < axis.start(b.rect) + axis.length(b.rect) / 2;
    });
    const qreal first = axis.start(cards.front().rect);
    const qreal span = axis.end(cards.back().rect) - first;
    qreal lengths = 0;
    for (const Card &c : cards)
        lengths += axis.length(c.rect);
    const qreal gap = (span - lengths) / static_cast<qreal>(cards.size() - 1);
    std::vector<qreal> starts;
    qreal at = first;
    for (const Card &c : cards) {
        starts.push_back(at);
        at += axis.length(c.rect) + gap;
    }
    starts.back() = axis.start(cards.back().rect);  // exactly, not through the sum of the gaps
    return starts;
}

} // namespace

int minimumCards(Arrangement arrangement)
{
    return arrangement == Arrangement::DistributeHorizontally || arrangement == Arrangement::DistributeVertically ? 3 : 2;
}

QMap<QString, QPointF> arrange(Arrangement arrangement, const QMap<QString, QRectF> &cards)
{
    QMap<QString, QPointF> moved;
    if (cards.size() < minimumCards(arrangement))
        return moved;
    std::vector<Card> list;
    for (auto it = cards.cbegin(); it != cards.cend(); ++it)
        list.push_back({it.key(), it.value()});
    const Axis axis = axisOf(arrangement);
    const bool distribute = minimumCards(arrangement) == 3;
    const std::vector<qreal> starts = distribute ? distributedStarts(axis, list) : alignedStarts(arrangement, axis, list);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const QPointF corner = snapToGrid(axis.moved(list[i].rect, starts[i]));
        if (corner != list[i].rect.topLeft())
            moved.insert(list[i].id, corner);
    }
    return moved;
}

} // namespace quorum::ui
