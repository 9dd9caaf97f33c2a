// DiagramScene's projection of a design: setDesign() and the reconciliation of the items with a
// new layout (DiagramScene.cpp has the rest of the scene: marks, selection, dragging, resizing).

#include "ui/diagram/DiagramScene.h"

#include "ui/common/DisplayNames.h"
#include "ui/diagram/ContentChanges.h"
#include "ui/diagram/DiagramContent.h"
#include "ui/diagram/DiagramLayout.h"
#include "ui/diagram/PlacedLayout.h"

#include <QGraphicsLineItem>
#include <QSignalBlocker>

#include <string>

namespace quorum::ui {

using namespace quorum::model;

namespace {

/// The name part of an element id string ("node/cp-1" -> "cp-1").
std::string nameOf(const QString &elementId)
{
    return elementNameOf(elementId).toStdString();
}

/// The item that stood for `id` in the last projection, if it is an `Item`; taken out of `stale`.
template <class Item>
Item *takeStale(QHash<QString, ElementItem *> &stale, const QString &id)
{
    const auto it = stale.find(id);
    if (it == stale.end() || it.value()->type() != Item::Type)
        return nullptr;
    auto *item = static_cast<Item *>(it.value());
    stale.erase(it);
    return item;
}

/// The key of a link among the links of a projection: kind, ends, and how many links with the
/// same kind and ends came before it (a workload with two claims on one class has two).
QString linkKey(LinkKind kind, const QString &from, const QString &to, QHash<QString, int> &seen)
{
    QString key = QString::number(static_cast<int>(kind)) + QLatin1Char('|') + from + QLatin1Char('|') + to;
    key += QLatin1Char('#') + QString::number(seen[key]++);
    return key;
}

} // namespace

void DiagramScene::setDesign(const Topology &topology, const QMap<QString, QPointF> &positions,
                             const QMap<QString, QSizeF> &laneSizes, const QMap<QString, QPointF> &laneOutsets,
                             const std::vector<Finding> &findings)
{
    QRectF sceneRect;
    {
        const QSignalBlocker blocker(this);  // one selection signal after the update, not one per item
        endInteraction();
        PlacedDesignLayout placed = layoutDesign(topology, positions, laneSizes, laneOutsets);
        const DiagramLayout &layout = placed.layout;
        m_outsets = std::move(placed.outsets);
        m_origins = std::move(placed.origins);
        const ContentChanges changes(m_projected ? &*m_projected : nullptr, topology);
        projectBands(layout.bands);
        projectElements(layout, topology, changes);
        projectLinks(layout.links);
        if (changes.any())
            m_projected = topology;
        sceneRect = layout.bounds;
        setFindings(findings);
    }
    // Not blocked: the views follow the scene's rectangle through sceneRectChanged (a view that
    // missed it keeps scrolling and centring in the old one, so Fit would centre the old design).
    setSceneRect(sceneRect);
    emit selectedElementsChanged(selectedElementIds());
}

void DiagramScene::endInteraction()
{
    if (QGraphicsItem *grabber = mouseGrabberItem())
        grabber->ungrabMouse();
    clearGuides();
    delete m_connectLine;
    m_connectLine = nullptr;
    m_connectFrom.clear();
    m_dragStart.clear();
    m_dragAnchor.clear();
    m_guideTargets.clear();
    m_resizeLane = nullptr;
    m_resizeBand = nullptr;
}

void DiagramScene::placeElement(ElementItem *item, const QPointF &pos, qreal z)
{
    if (item->scene() != this) {
        item->setPos(pos);  // before it can be moved: the layout's place, on the grid or not
        item->setZValue(z);
        addItem(item);
        item->setMovable(m_editable && isCard(item));
        if (auto *lane = qgraphicsitem_cast<ZoneLaneItem *>(item))
            lane->setResizable(m_editable);
        if (isCard(item))
            item->setCacheMode(m_cacheCards ? QGraphicsItem::DeviceCoordinateCache : QGraphicsItem::NoCache);
    } else {
        item->setLayoutPos(pos);
    }
    m_elementItems.append(item);
    if (!item->elementId().isEmpty())
        m_byId.insert(item->elementId(), item);
}

void DiagramScene::projectBands(const std::vector<LaidOutBand> &bands)
{
    QHash<int, BandItem *> stale;
    for (BandItem *band : std::as_const(m_bandItems))
        stale.insert(static_cast<int>(band->kind()), band);
    m_bandItems.clear();
    for (const LaidOutBand &band : bands) {
        BandItem *item = stale.take(static_cast<int>(band.kind));
        if (!item) {
            item = new BandItem(band.kind, band.rect.size(), DiagramContent::bandCaption(band.kind));
            item->setZValue(kBandZ);
            item->setResizable(m_editable);
            addItem(item);
        }
        item->setSize(band.rect.size());
        item->setPos(band.rect.topLeft());
        m_bandItems.append(item);
    }
    qDeleteAll(stale);
}

void DiagramScene::projectElements(const DiagramLayout &layout, const Topology &topology, const ContentChanges &changes)
{
    QHash<QString, ElementItem *> stale;
    stale.reserve(m_elementItems.size());
    for (ElementItem *item : std::as_const(m_elementItems))
        stale.insert(item->elementId(), item);  // the unzoned lane's id is empty, and unique too
    m_elementItems.clear();
    m_byId.clear();
    m_laneNodes.clear();

    const ElementsByName zones(topology.zones);
    for (const LaidOutLane &lane : layout.lanes) {
        const Zone *zone = lane.isUnzoned() ? nullptr : zones.find(lane.zoneName.toStdString());
        const QString id = zone ? elementIdString({ElementKind::Zone, zone->name}) : QString();
        auto *item = takeStale<ZoneLaneItem>(stale, id);
        if (!item)
            item = zone ? new ZoneLaneItem(id, lane.rect.size(), DiagramContent::zoneTitle(*zone),
                                           DiagramContent::zoneSubtitle(*zone))
                        : new ZoneLaneItem(QString(), lane.rect.size(), DiagramContent::unzonedTitle(),
                                           DiagramContent::unzonedSubtitle());
        else if (zone && changes.zone(*zone))
            item->setTexts(DiagramContent::zoneTitle(*zone), DiagramContent::zoneSubtitle(*zone));
        item->setSize(lane.rect.size());
        placeElement(item, lane.rect.topLeft(), kLaneZ);
    }

    auto *cluster = takeStale<ClusterItem>(stale, layout.cluster.id);
    if (!cluster)
        cluster = new ClusterItem(layout.cluster.rect.size(), DiagramContent::cluster(topology));
    else if (changes.cluster())
        cluster->setContent(DiagramContent::cluster(topology));
    cluster->setSize(layout.cluster.rect.size());
    placeElement(cluster, layout.cluster.rect.topLeft(), kCardZ);

    // Each card is looked up by the name in its id; the layout only knows geometry.
    const auto placeCards = [&]<class Item>(Item *, const std::vector<LaidOutElement> &cards, const auto &elements,
                                            const auto &changed, const auto &contentOf) {
        for (const LaidOutElement &e : cards) {
            const auto *element = elements.find(nameOf(e.id));
            if (!element)
                continue;
            auto *item = takeStale<Item>(stale, e.id);
            if (!item) {
                item = new Item(e.id, e.rect.size(), contentOf(*element));
            } else if (changed(*element) || item->rect().size() != e.rect.size()) {
                item->setSize(e.rect.size());
                item->setContent(contentOf(*element));
            }
            placeElement(item, e.rect.topLeft(), kCardZ);
        }
    };
    const ElementsByName nodes(topology.nodes);
    placeCards(static_cast<NodeItem *>(nullptr), layout.nodes, nodes, [&](const Node &n) { return changes.node(n); },
               [&](const Node &n) { return DiagramContent::node(n, topology); });
    for (const LaidOutElement &e : layout.nodes)
        if (const Node *node = nodes.find(nameOf(e.id)); node && zones.find(node->zone))
            m_laneNodes[elementIdString({ElementKind::Zone, node->zone})] << e.id;
    placeCards(static_cast<LoadBalancerItem *>(nullptr), layout.loadBalancers, ElementsByName(topology.loadBalancers),
               [&](const LoadBalancer &lb) { return changes.loadBalancer(lb); },
               [](const LoadBalancer &lb) { return DiagramContent::loadBalancer(lb); });
    placeCards(static_cast<StorageBackendItem *>(nullptr), layout.storageBackends, ElementsByName(topology.storageBackends),
               [&](const StorageBackend &b) { return changes.storageBackend(b); },
               [](const StorageBackend &b) { return DiagramContent::storageBackend(b); });
    placeCards(static_cast<StorageClassItem *>(nullptr), layout.storageClasses, ElementsByName(topology.storageClasses),
               [&](const StorageClass &sc) { return changes.storageClass(sc); },
               [](const StorageClass &sc) { return DiagramContent::storageClass(sc); });
    placeCards(static_cast<WorkloadItem *>(nullptr), layout.workloads, ElementsByName(topology.workloads),
               [&](const Workload &w) { return changes.workload(w); },
               [&](const Workload &w) { return DiagramContent::workload(w, topology); });

    // The elements that went away.
    qDeleteAll(stale);

    const qreal coarse = m_elementItems.size() > kLargeDesignItems ? kCoarseCardScale : kCoarseCardScaleSmall;
    for (ElementItem *item : std::as_const(m_elementItems))
        if (auto *card = dynamic_cast<CardItem *>(item))
            card->setCoarseScale(coarse);
}

void DiagramScene::projectLinks(const std::vector<LaidOutLink> &links)
{
    QHash<QString, LinkItem *> stale;
    QHash<QString, int> seen;
    for (LinkItem *link : std::as_const(m_linkItems))
        stale.insert(linkKey(link->kind(), link->fromId(), link->toId(), seen), link);
    seen.clear();
    m_linkItems.clear();
    for (const LaidOutLink &link : links) {
        LinkItem *item = stale.take(linkKey(link.kind, link.from, link.to, seen));
        if (item) {
            item->setPoints(link.points);
        } else {
            item = new LinkItem(link);
            item->setZValue(kLinkZ);
            item->setSelectable(m_editable);
            addItem(item);
        }
        m_linkItems.append(item);
    }
    qDeleteAll(stale);
}

} // namespace quorum::ui
