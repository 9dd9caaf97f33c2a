#include "ui/diagram/DiagramScene.h"

#include "ui/common/Appearance.h"
#include "ui/common/DisplayNames.h"
#include "ui/diagram/DiagramLayout.h"
#include "ui/diagram/PlacedLayout.h"

#include <QGraphicsLineItem>
#include <QGraphicsView>
#include <QGraphicsSceneMouseEvent>

#include <QSignalBlocker>

#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace quorum::ui {

using namespace quorum::model;

namespace {

/// Severity order: a smaller value is worse.
int rank(Severity s)
{
    switch (s) {
    case Severity::Error: return 0;
    case Severity::Warning: return 1;
    case Severity::Info: return 2;
    }
    return 3;
}

} // namespace

DiagramScene::DiagramScene(QObject *parent)
    : QGraphicsScene(parent)
    , m_colors(&diagramColors(isDarkAppearance()))
{
    setBackgroundBrush(m_colors->sceneBackground);
    // A layout change moves many items at once (a wider lane shifts every lane right of it and
    // their cards), which would reindex them all; the few lookups by position do without.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        for (LinkItem *link : std::as_const(m_linkItems))
            link->setZValue(link->isSelected() ? kSelectedLinkZ : kLinkZ);
        emit selectedElementsChanged(selectedElementIds());
    });
}

DiagramScene::~DiagramScene()
{
    // QGraphicsScene's destructor deletes selected items, which emits selectionChanged while
    // m_elementItems would already dangle: delete them here, silently.
    const QSignalBlocker blocker(this);
    clear();
    m_elementItems.clear();
}

void DiagramScene::setTopology(const Topology &topology, const std::vector<Finding> &findings)
{
    setDesign(topology, {}, {}, {}, findings);
}

void DiagramScene::setFindings(const std::vector<Finding> &findings)
{
    struct Mark {
        Severity worst = Severity::Info;
        QStringList messages;
    };
    std::map<QString, Mark> marks;
    for (const Finding &finding : findings) {
        const QString id = elementIdString(finding.element);
        auto [it, inserted] = marks.try_emplace(id, Mark{finding.severity, {}});
        if (!inserted && rank(finding.severity) < rank(it->second.worst))
            it->second.worst = finding.severity;
        it->second.messages << DisplayNames::findingMessage(finding);
    }
    for (ElementItem *item : std::as_const(m_elementItems)) {
        const auto it = marks.find(item->elementId());
        if (it == marks.end())
            item->setFindings(std::nullopt, {});
        else
            item->setFindings(it->second.worst, it->second.messages);
    }
}

bool DiagramScene::isCard(const ElementItem *item)
{
    switch (item->type()) {
    case NodeItemType:
    case LoadBalancerItemType:
    case StorageBackendItemType:
    case StorageClassItemType:
    case WorkloadItemType: return true;
    default: return false;
    }
}

void DiagramScene::setEditable(bool editable)
{
    m_editable = editable;
    for (ElementItem *item : std::as_const(m_elementItems)) {
        item->setMovable(editable && isCard(item));
        if (auto *lane = qgraphicsitem_cast<ZoneLaneItem *>(item))
            lane->setResizable(editable);
    }
    for (LinkItem *link : std::as_const(m_linkItems))
        link->setSelectable(editable);
    for (BandItem *band : std::as_const(m_bandItems))
        band->setResizable(editable);
}

QList<LinkItem *> DiagramScene::selectedLinks() const
{
    QList<LinkItem *> links;
    for (LinkItem *link : m_linkItems)
        if (link->isSelected())
            links << link;
    return links;
}

void DiagramScene::setViewScale(qreal scale)
{
    if (scale > 0)
        m_viewScale = scale;
    const bool cache = scale >= kCachedCardScale;
    if (cache == m_cacheCards)
        return;
    m_cacheCards = cache;
    for (ElementItem *item : std::as_const(m_elementItems))
        if (isCard(item))
            item->setCacheMode(cache ? QGraphicsItem::DeviceCoordinateCache : QGraphicsItem::NoCache);
}

void DiagramScene::setDarkAppearance(bool dark)
{
    if (m_colors->dark == dark)
        return;
    m_colors = &diagramColors(dark);
    setBackgroundBrush(m_colors->sceneBackground);
    // Items read the colours when they paint; update() also drops their cached pixmaps.
    for (QGraphicsItem *item : items())
        item->update();
}

std::optional<QString> DiagramScene::zoneAt(const QPointF &scenePos) const
{
    for (ElementItem *item : m_elementItems)
        if (auto *lane = qgraphicsitem_cast<ZoneLaneItem *>(item))
            if (lane->mapRectToScene(lane->rect()).contains(scenePos))
                return lane->isUnzoned() ? QString() : elementNameOf(lane->elementId());
    return std::nullopt;
}

ElementItem *DiagramScene::cardAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos)) // topmost first
        if (auto *element = dynamic_cast<ElementItem *>(item); element && isCard(element))
            return element;
    return nullptr;
}

QSizeF DiagramScene::minimumLaneSize(const QString &zoneId) const
{
    const auto *lane = qgraphicsitem_cast<const ZoneLaneItem *>(elementItem(zoneId));
    if (!lane)
        return {};
    return ui::minimumLaneSize(lane->pos(), laneCards(zoneId));
}

std::vector<QRectF> DiagramScene::laneCards(const QString &zoneId) const
{
    std::vector<QRectF> cards;
    for (const QString &nodeId : m_laneNodes.value(zoneId))
        if (const ElementItem *node = elementItem(nodeId))
            cards.push_back(node->mapRectToScene(node->rect()));
    return cards;
}

namespace {

/// The rectangle a lane or band at `now` (with this frame around these cards) gets when its
/// `edges` are dragged to scenePos: a dragged edge goes to the grid line nearest the pointer, or to
/// the first one that still holds the cards; the left and top edges go in no further than where
/// the automatic layout starts it (`outset` inside now).
QRectF containerRectForDrag(const QRectF &now, Qt::Edges edges, const QPointF &scenePos, const ContainerFrame &frame,
                            const std::vector<QRectF> &cards, const QPointF &outset)
{
    const QSizeF minimum = minimumSizeAround(frame, now.topLeft(), cards);
    const QPointF most = maximumTopLeftAround(frame, now.bottomRight(), cards);
    const qreal mostLeft = std::min(most.x(), now.left() + std::max<qreal>(outset.x(), 0));
    const qreal mostTop = std::min(most.y(), now.top() + std::max<qreal>(outset.y(), 0));
    const auto trailingEdgeAt = [](qreal wanted, qreal least) {
        return std::max(std::round(wanted / kGridSize), std::ceil(least / kGridSize - 1e-9)) * kGridSize;
    };
    const auto leadingEdgeAt = [](qreal wanted, qreal limit) {
        return std::min(std::round(wanted / kGridSize), std::floor(limit / kGridSize + 1e-9)) * kGridSize;
    };
    QRectF rect = now;
    if (edges & Qt::RightEdge)
        rect.setRight(trailingEdgeAt(scenePos.x(), now.left() + minimum.width()));
    else if (edges & Qt::LeftEdge)
        rect.setLeft(leadingEdgeAt(scenePos.x(), mostLeft));
    if (edges & Qt::BottomEdge)
        rect.setBottom(trailingEdgeAt(scenePos.y(), now.top() + minimum.height()));
    else if (edges & Qt::TopEdge)
        rect.setTop(leadingEdgeAt(scenePos.y(), mostTop));
    return rect;
}

} // namespace

QRectF DiagramScene::laneRectForDrag(const QString &zoneId, Qt::Edges edges, const QPointF &scenePos) const
{
    const auto *lane = qgraphicsitem_cast<const ZoneLaneItem *>(elementItem(zoneId));
    if (!lane)
        return {};
    // While the lane is being resized, from the rectangle it had when the drag started.
    const QRectF now = lane == m_resizeLane ? m_resizeStartRect : lane->mapRectToScene(lane->rect());
    return containerRectForDrag(now, edges, scenePos, laneFrame(), laneCards(zoneId), m_outsets.value(zoneId));
}

BandItem *DiagramScene::bandItem(BandKind kind) const
{
    for (BandItem *band : m_bandItems)
        if (band->kind() == kind)
            return band;
    return nullptr;
}

QRectF DiagramScene::bandRectForDrag(BandKind kind, Qt::Edges edges, const QPointF &scenePos) const
{
    const BandItem *band = bandItem(kind);
    if (!band)
        return {};
    std::vector<QRectF> cards;
    for (const ElementItem *item : m_elementItems) {
        const int type = item->type();
        const bool inBand = kind == BandKind::LoadBalancers ? type == LoadBalancerItemType
            : kind == BandKind::Workloads                   ? type == WorkloadItemType
                                                            : type == StorageBackendItemType || type == StorageClassItemType;
        if (inBand)
            cards.push_back(item->mapRectToScene(item->rect()));
    }
    const QRectF now = band == m_resizeBand ? m_resizeStartRect : band->mapRectToScene(band->rect());
    return containerRectForDrag(now, edges, scenePos, bandFrame(), cards, m_outsets.value(bandIdString(kind)));
}

BandItem *DiagramScene::bandHandleAt(const QPointF &scenePos, Qt::Edges *edges) const
{
    if (cardAt(scenePos))
        return nullptr;
    for (BandItem *band : m_bandItems)
        if (const Qt::Edges found = band->resizeEdgesAt(scenePos); found) {
            *edges = found;
            return band;
        }
    return nullptr;
}

ZoneLaneItem *DiagramScene::laneHandleAt(const QPointF &scenePos, Qt::Edges *edges) const
{
    if (cardAt(scenePos))
        return nullptr;
    for (ElementItem *item : m_elementItems)
        if (auto *lane = qgraphicsitem_cast<ZoneLaneItem *>(item))
            if (const Qt::Edges found = lane->resizeEdgesAt(scenePos); found) {
                *edges = found;
                return lane;
            }
    return nullptr;
}

void DiagramScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    // A press on a lane's or band's edge or corner resizes it.
    if (m_editable && event->button() == Qt::LeftButton && !(event->modifiers() & Qt::ShiftModifier)) {
        Qt::Edges edges;
        if (ZoneLaneItem *lane = laneHandleAt(event->scenePos(), &edges)) {
            m_resizeLane = lane;
            m_resizeEdges = edges;
            m_resizeStartRect = lane->mapRectToScene(lane->rect());
            m_dragStart.clear();
            event->accept();
            return;
        }
        if (BandItem *band = bandHandleAt(event->scenePos(), &edges)) {
            m_resizeBand = band;
            m_resizeEdges = edges;
            m_resizeStartRect = band->mapRectToScene(band->rect());
            m_dragStart.clear();
            event->accept();
            return;
        }
    }
    // Shift-drag from a card draws a connection instead of moving or selecting.
    if (m_editable && event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier)) {
        if (ElementItem *from = cardAt(event->scenePos())) {
            m_connectFrom = from->elementId();
            const QPointF start = from->mapToScene(from->rect().center());
            m_connectLine = addLine(QLineF(start, event->scenePos()), QPen(m_colors->selection, 2, Qt::DashLine));
            m_connectLine->setZValue(kCardZ + 10);
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);  // selects first: the drag moves the selection
    m_dragStart.clear();
    m_dragAnchor.clear();
    m_guideTargets.clear();
    if (!m_editable || event->button() != Qt::LeftButton)
        return;
    m_dragStartBounds = QRectF();
    for (ElementItem *item : std::as_const(m_elementItems)) {
        if (!isCard(item))
            continue;
        const QRectF rect = item->mapRectToScene(item->rect());
        if (item->isSelected()) {
            m_dragStart.insert(item->elementId(), item->pos());
            m_dragStartBounds = m_dragStartBounds.united(rect);
        } else if (item->isVisible()) {
            m_guideTargets.push_back(rect);
        }
    }
    // The scene moves the cards itself (dragCards) when the press is on one of them; a press
    // elsewhere (Ctrl on empty space) leaves the selection where it is.
    if (const ElementItem *pressed = cardAt(event->scenePos()); pressed && m_dragStart.contains(pressed->elementId()))
        m_dragAnchor = pressed->elementId();
}

namespace {

/// The left edge, centre and right edge of r along x (vertical = false), or its top, middle
/// and bottom along y.
std::array<qreal, 3> features(const QRectF &r, bool vertical)
{
    return vertical ? std::array<qreal, 3>{r.top(), r.center().y(), r.bottom()}
                    : std::array<qreal, 3>{r.left(), r.center().x(), r.right()};
}

qreal onGrid(qreal v)
{
    return std::round(v / kGridSize) * kGridSize;
}

} // namespace

void DiagramScene::dragCards(const QPointF &offset, bool gridOnly)
{
    clearGuides();
    const QPointF anchorStart = m_dragStart.value(m_dragAnchor);
    // Per axis: the anchor card's corner on the grid; then, when an edge or centre of the moved
    // cards comes within reach of another card's, the grid position nearest to lining up with it.
    const qreal reach = kGuideSnapPixels / m_viewScale;
    qreal delta[2];
    std::optional<qreal> guideAt[2];
    for (int axis = 0; axis < 2; ++axis) {
        const bool vertical = axis == 1;
        const qreal start = vertical ? anchorStart.y() : anchorStart.x();
        const qreal moved = vertical ? offset.y() : offset.x();
        delta[axis] = onGrid(start + moved) - start;
        if (gridOnly)
            continue;
        const QRectF raw = m_dragStartBounds.translated(vertical ? QPointF(0, moved) : QPointF(moved, 0));
        std::optional<qreal> best; // target coordinate minus the moved cards' one
        qreal target = 0;
        for (const QRectF &other : m_guideTargets)
            for (qreal theirs : features(other, vertical))
                for (qreal mine : features(raw, vertical))
                    if (const qreal d = theirs - mine; std::abs(d) <= reach && (!best || std::abs(d) < std::abs(*best))) {
                        best = d;
                        target = theirs;
                    }
        if (!best)
            continue;
        delta[axis] = onGrid(start + moved + *best) - start;
        guideAt[axis] = target;
    }
    const QPointF by(delta[0], delta[1]);
    for (auto it = m_dragStart.cbegin(); it != m_dragStart.cend(); ++it)
        if (ElementItem *item = elementItem(it.key()))
            item->setPos(it.value() + by);

    // The guides: along each snapped line, from the moved cards to every card on it (within half
    // a grid step: cards whose sizes differ by part of a step line up to that).
    const QRectF now = m_dragStartBounds.translated(by);
    for (int axis = 0; axis < 2; ++axis) {
        if (!guideAt[axis])
            continue;
        const bool vertical = axis == 1; // a horizontal line: y is shared
        const qreal at = *guideAt[axis];
        qreal from = vertical ? now.left() : now.top();
        qreal to = vertical ? now.right() : now.bottom();
        for (const QRectF &other : m_guideTargets)
            for (qreal theirs : features(other, vertical))
                if (std::abs(theirs - at) < kGridSize / 2) {
                    from = std::min(from, vertical ? other.left() : other.top());
                    to = std::max(to, vertical ? other.right() : other.bottom());
                }
        const QLineF line = vertical ? QLineF(from, at, to, at) : QLineF(at, from, at, to);
        QPen pen(m_colors->guide, 1, Qt::DashLine);
        pen.setCosmetic(true);
        QGraphicsLineItem *guide = addLine(line, pen);
        guide->setZValue(kCardZ + 20);
        m_guides.append(guide);
    }
}

void DiagramScene::clearGuides()
{
    qDeleteAll(m_guides);
    m_guides.clear();
}

QList<QLineF> DiagramScene::guideLines() const
{
    QList<QLineF> lines;
    for (const QGraphicsLineItem *guide : m_guides)
        lines.append(guide->line());
    return lines;
}

void DiagramScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_resizeBand) {
        const QRectF rect = bandRectForDrag(m_resizeBand->kind(), m_resizeEdges, event->scenePos());
        m_resizeBand->setPos(rect.topLeft());
        m_resizeBand->setSize(rect.size());
        event->accept();
        return;
    }
    if (m_resizeLane) {
        const QRectF rect = laneRectForDrag(m_resizeLane->elementId(), m_resizeEdges, event->scenePos());
        m_resizeLane->setLayoutPos(rect.topLeft());
        m_resizeLane->setSize(rect.size());
        event->accept();
        return;
    }
    if (m_connectLine) {
        m_connectLine->setLine(QLineF(m_connectLine->line().p1(), event->scenePos()));
        event->accept();
        return;
    }
    if (!m_dragAnchor.isEmpty() && (event->buttons() & Qt::LeftButton)) {
        dragCards(event->scenePos() - event->buttonDownScenePos(Qt::LeftButton), event->modifiers() & Qt::AltModifier);
        if (!std::exchange(m_dragHinted, true))
            emit dragHint(tr("Moving: cards line up with other cards' edges and centres. Hold Alt to snap to the "
                             "grid only."));
        event->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void DiagramScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    // A resize: as with a move, the receiver edits the design and the scene follows it. The lane
    // or band is shown at its new rectangle until this event is done, and is back where the design
    // has it when the receiver looks (it reads the place), and stays there if the edit is refused.
    const auto finishResize = [this, event](const QRectF &rect, const auto &place, const auto &report) {
        place(rect);
        if (const QRectF start = m_resizeStartRect; rect != start)
            QMetaObject::invokeMethod(
                this,
                [place, report, rect, start] {
                    place(start);
                    report(rect);
                },
                Qt::QueuedConnection);
        event->accept();
    };
    const Qt::Edges edges = m_resizeEdges;
    if (m_resizeBand) {
        const BandKind kind = m_resizeBand->kind();
        const QRectF rect = bandRectForDrag(kind, edges, event->scenePos());
        m_resizeBand = nullptr;
        finishResize(
            rect,
            [this, kind](const QRectF &r) {
                if (BandItem *band = bandItem(kind)) {
                    band->setPos(r.topLeft());
                    band->setSize(r.size());
                }
            },
            [this, kind, edges](const QRectF &r) { emit bandResized(kind, edges, r); });
        return;
    }
    if (m_resizeLane) {
        const QString zoneId = m_resizeLane->elementId();
        const QRectF rect = laneRectForDrag(zoneId, edges, event->scenePos());
        m_resizeLane = nullptr;
        finishResize(
            rect,
            [this, zoneId](const QRectF &r) {
                if (ElementItem *lane = elementItem(zoneId)) {
                    lane->setLayoutPos(r.topLeft());
                    lane->setSize(r.size());
                }
            },
            [this, zoneId, edges](const QRectF &r) { emit zoneResized(zoneId, edges, r); });
        return;
    }
    if (m_connectLine) {
        delete m_connectLine;
        m_connectLine = nullptr;
        const ElementItem *to = cardAt(event->scenePos());
        const QString from = std::exchange(m_connectFrom, QString());
        if (to && to->elementId() != from) {
            const QString target = to->elementId();
            QMetaObject::invokeMethod(this, [this, from, target] { emit connectRequested(from, target); }, Qt::QueuedConnection);
        }
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    clearGuides();
    m_dragAnchor.clear();
    if (std::exchange(m_dragHinted, false))
        emit dragHint(QString());
    m_guideTargets.clear();
    if (m_dragStart.isEmpty())
        return;
    QMap<QString, QPointF> moved;
    for (auto it = m_dragStart.cbegin(); it != m_dragStart.cend(); ++it)
        if (ElementItem *item = elementItem(it.key()); item && item->pos() != it.value())
            moved.insert(it.key(), item->pos());
    m_dragStart.clear();
    // The receiver edits the design and the scene is rebuilt from it: after this event is done.
    if (!moved.isEmpty())
        QMetaObject::invokeMethod(this, [this, moved] { emit elementsMoved(moved); }, Qt::QueuedConnection);
}

ElementItem *DiagramScene::elementItem(const QString &elementId) const
{
    return m_byId.value(elementId, nullptr);
}

QList<LinkItem *> DiagramScene::linksAt(const QString &elementId) const
{
    QList<LinkItem *> links;
    for (LinkItem *link : m_linkItems)
        if (link->fromId() == elementId || link->toId() == elementId)
            links.append(link);
    return links;
}

void DiagramScene::selectLink(LinkItem *link)
{
    clearSelection();
    if (!link || !m_linkItems.contains(link))
        return;
    link->setSelected(true);
    for (QGraphicsView *view : views())
        view->ensureVisible(link, 24, 24);
}

bool DiagramScene::selectElement(const QString &elementId)
{
    ElementItem *item = elementItem(elementId);
    {
        const QSignalBlocker blocker(this);
        clearSelection();
        if (item)
            item->setSelected(true);
    }
    emit selectedElementsChanged(selectedElementIds());
    return item != nullptr;
}

QStringList DiagramScene::selectedElementIds() const
{
    QStringList ids;
    for (ElementItem *item : m_elementItems)
        if (item->isSelected())
            ids << item->elementId();
    return ids;
}

} // namespace quorum::ui
