#include "ui/diagram/PlacedLayout.h"

#include "ui/common/DisplayNames.h"

#include <QMarginsF>
#include <QSet>

#include <cmath>

namespace quorum::ui {

using namespace metrics;

namespace {

std::vector<LaidOutElement *> cardsOf(DiagramLayout &layout)
{
    std::vector<LaidOutElement *> cards;
    for (auto *list : {&layout.nodes, &layout.loadBalancers, &layout.storageBackends, &layout.storageClasses,
                       &layout.workloads})
        for (LaidOutElement &e : *list)
            cards.push_back(&e);
    return cards;
}

/// Grows rect to contain every card of the list, keeping the margins a lane or band has
/// around its cards.
void enclose(QRectF &rect, const std::vector<LaidOutElement> &cards, const QMarginsF &margins)
{
    for (const LaidOutElement &card : cards)
        rect = rect.united(card.rect.marginsAdded(margins));
}

/// The cards a band holds.
std::vector<LaidOutElement> cardsOfBand(const DiagramLayout &layout, BandKind kind)
{
    switch (kind) {
    case BandKind::LoadBalancers: return layout.loadBalancers;
    case BandKind::Workloads: return layout.workloads;
    case BandKind::Storage: {
        std::vector<LaidOutElement> storage = layout.storageBackends;
        storage.insert(storage.end(), layout.storageClasses.begin(), layout.storageClasses.end());
        return storage;
    }
    }
    return {};
}

} // namespace

QPointF snapToGrid(const QPointF &p)
{
    return {std::round(p.x() / kGridSize) * kGridSize, std::round(p.y() / kGridSize) * kGridSize};
}

QPolygonF routeBetween(const QRectF &from, const QRectF &to)
{
    const QPointF a = from.center();
    const QPointF b = to.center();
    QPolygonF points;
    const bool sideBySide = to.left() > from.right() || to.right() < from.left();
    const bool stacked = to.top() > from.bottom() || to.bottom() < from.top();
    if (stacked || !sideBySide) {
        // Leave through the top or bottom, turn halfway, enter through the other.
        const bool down = b.y() >= a.y();
        const QPointF start(a.x(), down ? from.bottom() : from.top());
        const QPointF end(b.x(), down ? to.top() : to.bottom());
        const qreal midY = (start.y() + end.y()) / 2;
        points << start << QPointF(start.x(), midY) << QPointF(end.x(), midY) << end;
    } else {
        const bool right = b.x() >= a.x();
        const QPointF start(right ? from.right() : from.left(), a.y());
        const QPointF end(right ? to.left() : to.right(), b.y());
        const qreal midX = (start.x() + end.x()) / 2;
        points << start << QPointF(midX, start.y()) << QPointF(midX, end.y()) << end;
    }
    // Drop the zero-length legs of a straight line.
    QPolygonF out;
    for (const QPointF &p : points)
        if (out.isEmpty() || out.last() != p)
            out << p;
    return out;
}

PlacementOrigins::PlacementOrigins(const DiagramLayout &automatic, const QMap<QString, QPointF> &outsets)
{
    const auto start = [&](const QRectF &rect, const QString &key) {
        const QPointF outset = outsets.value(key);
        return rect.topLeft() + QPointF(std::max(0.0, outset.x()), std::max(0.0, outset.y()));
    };
    for (const LaidOutLane &lane : automatic.lanes)
        m_lanes.insert(lane.zoneName, start(lane.rect, laneIdString(lane.zoneName)));
    for (const LaidOutBand &band : automatic.bands)
        m_bands.insert(static_cast<int>(band.kind), start(band.rect, bandIdString(band.kind)));
}

QPointF PlacementOrigins::of(const model::Topology &topology, const QString &id) const
{
    const std::optional<model::ElementId> element = parseElementId(id);
    if (!element)
        return {};
    switch (element->kind) {
    case model::ElementKind::Node: {
        const model::Node *node = topology.findNode(element->name);
        if (!node)
            return {};
        const bool zoned = topology.findZone(node->zone) != nullptr;
        return m_lanes.value(zoned ? QString::fromStdString(node->zone) : QString());
    }
    case model::ElementKind::LoadBalancer: return m_bands.value(static_cast<int>(BandKind::LoadBalancers));
    case model::ElementKind::StorageBackend:
    case model::ElementKind::StorageClass: return m_bands.value(static_cast<int>(BandKind::Storage));
    case model::ElementKind::Workload: return m_bands.value(static_cast<int>(BandKind::Workloads));
    case model::ElementKind::Cluster:
    case model::ElementKind::Zone:
    case model::ElementKind::Secret: return {};
    }
    return {};
}

PlacedDesignLayout layoutDesign(const model::Topology &topology, const QMap<QString, QPointF> &positions,
                                const QMap<QString, QSizeF> &sizes, const QMap<QString, QPointF> &outsets)
{
    PlacedDesignLayout placed{layoutTopology(topology, sizes, outsets), outsets, {}};
    placed.origins = PlacementOrigins(placed.layout, outsets);
    if (positions.isEmpty())
        return placed;
    // What placed cards add to a lane or band becomes part of its size and outsets, and the
    // design is laid out again with them, so that the layout moves what is in the way. Once is
    // enough (the cards keep their offsets, and their containers hold them at the sizes found);
    // the second round is there for what moved into a card's way, and no more rounds than that.
    QMap<QString, QSizeF> grownSizes = sizes;
    constexpr int kRounds = 3;
    for (int round = 0;; ++round) {
        const std::vector<LaidOutLane> lanes = placed.layout.lanes;
        const std::vector<LaidOutBand> bands = placed.layout.bands;
        applyPositions(placed.layout, topology, positions, placed.outsets);
        if (round + 1 == kRounds)
            return placed;
        bool grew = false;
        const auto grow = [&](const QString &key, const QRectF &before, const QRectF &after) {
            if (after == before)
                return;
            grew = true;
            QSizeF size = grownSizes.value(key, QSizeF(0, 0));
            if (after.width() > before.width())
                size.setWidth(after.width());
            if (after.height() > before.height())
                size.setHeight(after.height());
            grownSizes.insert(key, size);
            const QPointF outset = placed.outsets.value(key);
            placed.outsets.insert(key, QPointF(std::max(0.0, outset.x()) + before.left() - after.left(),
                                               std::max(0.0, outset.y()) + before.top() - after.top()));
        };
        for (std::size_t i = 0; i < lanes.size(); ++i)
            grow(laneIdString(lanes[i].zoneName), lanes[i].rect, placed.layout.lanes[i].rect);
        for (std::size_t i = 0; i < bands.size(); ++i)
            grow(bandIdString(bands[i].kind), bands[i].rect, placed.layout.bands[i].rect);
        if (!grew)
            return placed;
        placed.layout = layoutTopology(topology, grownSizes, placed.outsets);
        placed.origins = PlacementOrigins(placed.layout, placed.outsets);
    }
}

QMap<QString, QPointF> placementsFromScene(const QMap<QString, QPointF> &scenePositions,
                                           const model::Topology &topology, const QMap<QString, QSizeF> &laneSizes,
                                           const QMap<QString, QPointF> &laneOutsets)
{
    if (scenePositions.isEmpty())
        return {};
    const PlacementOrigins origins(layoutTopology(topology, laneSizes, laneOutsets), laneOutsets);
    QMap<QString, QPointF> offsets;
    for (auto it = scenePositions.cbegin(); it != scenePositions.cend(); ++it)
        offsets.insert(it.key(), it.value() - origins.of(topology, it.key()));
    return offsets;
}

void applyPositions(DiagramLayout &layout, const model::Topology &topology, const QMap<QString, QPointF> &positions,
                    const QMap<QString, QPointF> &laneOutsets)
{
    if (positions.isEmpty())
        return;
    const PlacementOrigins origins(layout, laneOutsets);
    QSet<QString> moved;
    QMap<QString, QRectF> rects;
    for (LaidOutElement *card : cardsOf(layout)) {
        const auto it = positions.constFind(card->id);
        if (it != positions.constEnd()) {
            // Not snapped: the offset is the one of a card the user put on the grid, and the
            // card keeps it to its container, which the automatic layout may put between grid lines.
            card->rect.moveTopLeft(origins.of(topology, card->id) + *it);
            moved.insert(card->id);
        }
        rects.insert(card->id, card->rect);
    }
    if (moved.isEmpty())
        return;

    // Zone lanes hold their nodes, bands their cards, wherever the user put them.
    for (LaidOutLane &lane : layout.lanes) {
        std::vector<LaidOutElement> members;
        for (const LaidOutElement &node : layout.nodes) {
            if (!moved.contains(node.id))  // first: looking the node up is a walk through the design
                continue;
            const model::Node *n = topology.findNode(elementNameOf(node.id).toStdString());
            const bool inLane = n && (lane.isUnzoned() ? !topology.findZone(n->zone) : n->zone == lane.zoneName.toStdString());
            if (inLane)
                members.push_back(node);
        }
        enclose(lane.rect, members, laneFrame().margins);
    }
    for (LaidOutBand &band : layout.bands) {
        std::vector<LaidOutElement> members;
        for (const LaidOutElement &card : cardsOfBand(layout, band.kind))
            if (moved.contains(card.id))
                members.push_back(card);
        enclose(band.rect, members, bandFrame().margins);
    }
    for (LaidOutLink &link : layout.links)
        if ((moved.contains(link.from) || moved.contains(link.to)) && rects.contains(link.from) && rects.contains(link.to))
            link.points = routeBetween(rects.value(link.from), rects.value(link.to));

    QRectF bounds = layout.cluster.rect;
    for (const LaidOutBand &band : layout.bands)
        bounds = bounds.united(band.rect);
    for (const LaidOutLane &lane : layout.lanes)
        bounds = bounds.united(lane.rect);
    for (const LaidOutElement *card : cardsOf(layout))
        bounds = bounds.united(card->rect);
    layout.bounds = layout.bounds.united(bounds.adjusted(-kMargin, -kMargin, kMargin, kMargin));
}

} // namespace quorum::ui
