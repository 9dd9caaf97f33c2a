#pragma once

// The diagram: a QGraphicsScene that projects a Topology. The model is the truth; the scene
// brings its items in line with it (setDesign: the items of elements that did not change stay
// as they are) and marks the elements findings point at. Items are found by element id
// ("node/cp-1"). Main (GUI) thread only.

#include "engine/model/Findings.h"
#include "engine/model/Topology.h"
#include "ui/common/Appearance.h"
#include "ui/diagram/DiagramItems.h"
#include "ui/diagram/PlacedLayout.h"

#include <QGraphicsScene>
#include <QHash>
#include <QList>
#include <QMap>
#include <QPointF>
#include <QSizeF>
#include <QStringList>

#include <optional>
#include <vector>

class QGraphicsLineItem;

namespace quorum::ui {

class ContentChanges;

class DiagramScene : public QGraphicsScene {
    Q_OBJECT

public:
    explicit DiagramScene(QObject *parent = nullptr);
    ~DiagramScene() override;

    /// Projects topology, with the cards the user placed at their positions (id string -> offset
    /// of the top-left corner from the card's lane or band, applyPositions()), and marks the elements that findings point at; a lane or band that placed cards make larger
    /// pushes what is beside and below it (layoutDesign()). Zone lanes the user resized get
    /// their sizes (id string -> size; 0 in a dimension: automatic). Incremental: an element
    /// that is still there keeps its item (and its selection and hover), which moves, resizes
    /// or shows new content only where the design changed; items of elements that went away
    /// are deleted, new elements get new items. The result equals a projection into an empty
    /// scene (same items, geometry, texts and marks). Interactions in progress (a drag, a
    /// resize, a connection being drawn) end. laneOutsets: how far lanes reach left of and above
    /// where the layout starts them (layoutTopology()).
    void setDesign(const model::Topology &topology, const QMap<QString, QPointF> &positions,
                   const QMap<QString, QSizeF> &laneSizes, const QMap<QString, QPointF> &laneOutsets,
                   const std::vector<model::Finding> &findings);
    /// setDesign() with every card where the automatic layout puts it.
    void setTopology(const model::Topology &topology, const std::vector<model::Finding> &findings);

    /// When editable, cards can be dragged (snapped to the grid); a finished drag emits
    /// elementsMoved(). While dragging, the cards snap to the edges and centres of the other
    /// cards near them (within kGuideSnapPixels on screen, still on the grid) and guides show the
    /// line they share; Alt held while dragging snaps to the grid only. Zone lanes can be resized
    /// by their edges and corners; a finished resize emits zoneResized(). Off by default.
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }

    /// Tells the scene the view's scale: from kCachedCardScale up cards are cached as pixmaps
    /// (panning blits them); below it they are drawn directly (zooming a large design would
    /// otherwise re-render every cache at each step), and without text when zoomed out far.
    void setViewScale(qreal scale);

    /// The colours items are painted in: the dark or the light set. Starts with the application's
    /// appearance (isDarkAppearance()); the view calls setDarkAppearance() when its palette changes.
    const DiagramColors &colors() const { return *m_colors; }
    /// Switches the colour set: background brush, and every item repaints (pixmap caches too).
    void setDarkAppearance(bool dark);

    /// The zone whose lane is at scenePos: its name, "" for the lane of unzoned nodes, or
    /// std::nullopt outside every lane.
    std::optional<QString> zoneAt(const QPointF &scenePos) const;

    /// The smallest size of the zone lane `zoneId` ("zone/zone-a") that holds its cards where they
    /// are now (minimumLaneSize()); an empty size for an element without a lane.
    QSizeF minimumLaneSize(const QString &zoneId) const;
    /// How far the lane or band `key` (a zone's id "zone/zone-a", bandIdString()) reaches left of
    /// and above where the automatic layout starts it in the last projection: the outsets the
    /// user dragged, plus what cards placed past its left or top edge add (layoutDesign()).
    QPointF outsetOf(const QString &key) const { return m_outsets.value(key); }
    /// Where each placed card's offset starts in the last projection (layoutDesign()): a card put
    /// at a scene position p is kept as p - placementOrigins().of(topology, id), so that it
    /// lands where it was put, in the lane or band where it was put.
    const PlacementOrigins &placementOrigins() const { return m_origins; }
    /// The rectangle (scene coordinates) the lane `zoneId` gets when its `edges` are dragged to
    /// scenePos: each dragged edge on the grid line nearest the pointer, but never past the first
    /// grid line that still holds the cards (their padding, header and link channel, at least an
    /// empty lane's size: minimumLaneSize(), maximumTopLeftAround()), and the left and top edges
    /// never in past where the automatic layout starts the lane; the edges not dragged stay. An
    /// empty rectangle for an element without a lane.
    QRectF laneRectForDrag(const QString &zoneId, Qt::Edges edges, const QPointF &scenePos) const;
    /// The rectangle (scene coordinates) the band of `kind` gets when its `edges` are dragged to
    /// scenePos, as laneRectForDrag() for a lane: the dragged edges on the grid, never past the
    /// first grid line that holds its cards (caption and padding, at least one card wide:
    /// bandFrame()), the left and top edges never in past where the automatic layout starts the
    /// band. An empty rectangle without such a band.
    QRectF bandRectForDrag(BandKind kind, Qt::Edges edges, const QPointF &scenePos) const;

    /// How near (in screen pixels) an edge or centre of the dragged cards must come to another
    /// card's to snap to it.
    static constexpr qreal kGuideSnapPixels = 8;
    /// The alignment guides shown now (scene coordinates): at most one vertical and one
    /// horizontal line, each spanning the dragged cards and the cards they line up with.
    QList<QLineF> guideLines() const;

    /// Updates the finding marks (badge, frame colour, tooltip) without rebuilding.
    void setFindings(const std::vector<model::Finding> &findings);

    /// The item of an element id ("node/cp-1"), or nullptr when the diagram has none
    /// (e.g. "cluster", secrets, unknown ids).
    ElementItem *elementItem(const QString &elementId) const;
    /// Every element item (lanes, the banner, nodes, load balancers, storage, workloads), in
    /// layout order.
    QList<ElementItem *> elementItems() const { return m_elementItems; }
    /// Every link item, in layout order.
    QList<LinkItem *> linkItems() const { return m_linkItems; }
    /// Every band item (load balancers, storage, workloads), in layout order.
    QList<BandItem *> bandItems() const { return m_bandItems; }
    /// The band of `kind`, or nullptr when the design has none.
    BandItem *bandItem(BandKind kind) const;
    /// The selected connections (selectable while the scene is editable).
    QList<LinkItem *> selectedLinks() const;
    /// The links with either end at the element, in layout order.
    QList<LinkItem *> linksAt(const QString &elementId) const;
    /// Selects exactly this link (clearing other selection) and makes sure it is visible: a link
    /// that runs behind a card can be clicked only where it shows, so the card's context menu
    /// offers its links. A selected link is drawn above the cards.
    void selectLink(LinkItem *link);

    /// Selects exactly the element's item (clearing other selection). Returns false, with the
    /// selection cleared, when the element has no item.
    bool selectElement(const QString &elementId);
    /// Ids of the selected element items, in creation order.
    QStringList selectedElementIds() const;

signals:
    /// The selected elements changed (from a click or from selectElement()).
    void selectedElementsChanged(const QStringList &elementIds);
    /// The user dragged cards: their ids and new top-left corners (on the grid).
    void elementsMoved(const QMap<QString, QPointF> &positions);
    /// The user dragged the `edges` of a zone lane (id "zone/zone-a"); rect is its new rectangle
    /// (laneRectForDrag()). Not emitted when the rectangle did not change.
    void zoneResized(const QString &zoneId, Qt::Edges edges, const QRectF &rect);
    /// The user dragged the `edges` of the band of `kind`; rect is its new rectangle
    /// (bandRectForDrag()). Not emitted when the rectangle did not change.
    void bandResized(BandKind kind, Qt::Edges edges, const QRectF &rect);
    /// The user Shift-dragged from one card to another (ids): connect them.
    void connectRequested(const QString &fromId, const QString &toId);
    /// A hint for the status bar while cards are dragged (what the modifiers do); an empty
    /// text when the drag ends.
    void dragHint(const QString &text);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    /// Stacking: bands under lanes under links under cards (guides and the rubber line on top).
    static constexpr qreal kBandZ = -30;
    static constexpr qreal kLaneZ = -20;
    static constexpr qreal kLinkZ = -10;
    static constexpr qreal kCardZ = 0;
    static constexpr qreal kSelectedLinkZ = kCardZ + 5;  ///< a selected link shows over the cards it runs behind
    /// From this many cards on a design is drawn coarsely when zoomed out (see kCoarseCardScale).
    static constexpr qsizetype kLargeDesignItems = 200;

    /// Puts an element item of the projection at pos: adds it to the scene (with z and the
    /// editing flags) when it is new, and to the lists of items.
    void placeElement(ElementItem *item, const QPointF &pos, qreal z);
    /// The lanes, banner and cards of a new projection: the items of the last one reused where
    /// they stand for the same element, their content computed again where `changes` says so.
    void projectElements(const DiagramLayout &layout, const model::Topology &topology, const ContentChanges &changes);
    void projectLinks(const std::vector<LaidOutLink> &links);
    void projectBands(const std::vector<LaidOutBand> &bands);
    /// Ends a drag, resize or connection in progress (setDesign() changes what they act on).
    void endInteraction();
    /// Cards (not lanes or the banner) can be moved.
    static bool isCard(const ElementItem *item);
    /// The topmost card at scenePos, or nullptr.
    ElementItem *cardAt(const QPointF &scenePos) const;
    /// The resizable band whose resize handle is at scenePos (not under a card), or nullptr.
    BandItem *bandHandleAt(const QPointF &scenePos, Qt::Edges *edges) const;
    /// The scene rectangles of the nodes in the lane `zoneId`.
    std::vector<QRectF> laneCards(const QString &zoneId) const;
    /// The resizable lane whose resize handle is at scenePos (not under a card), or nullptr.
    ZoneLaneItem *laneHandleAt(const QPointF &scenePos, Qt::Edges *edges) const;
    /// Moves the dragged cards by the pointer's offset from the press: the card pressed onto the
    /// grid, then (unless `gridOnly`) onto the nearest edge or centre of another card; shows the guides.
    void dragCards(const QPointF &offset, bool gridOnly);
    void clearGuides();

    QList<ElementItem *> m_elementItems;
    QList<LinkItem *> m_linkItems;
    QList<BandItem *> m_bandItems;
    QHash<QString, ElementItem *> m_byId;
    /// The topology of the last projection: what the next one compares with.
    std::optional<model::Topology> m_projected;
    /// Where the cards being dragged started.
    QHash<QString, QPointF> m_dragStart;
    /// The card the drag started on (it goes onto the grid; the others keep their places to it),
    /// the dragged cards' bounds at the start, and the other cards (what guides line up with).
    QString m_dragAnchor;
    QRectF m_dragStartBounds;
    bool m_dragHinted = false;
    std::vector<QRectF> m_guideTargets;
    QList<QGraphicsLineItem *> m_guides;
    qreal m_viewScale = 1;
    bool m_editable = false;
    /// Node ids of each zone lane (by the lane's id), for the lane's minimum size.
    QHash<QString, QStringList> m_laneNodes;
    /// The lane being resized, the edges dragged and its size when the drag started.
    ZoneLaneItem *m_resizeLane = nullptr;
    Qt::Edges m_resizeEdges;
    QRectF m_resizeStartRect;
    /// The band being resized (m_resizeEdges and m_resizeStartRect say how), or nullptr.
    BandItem *m_resizeBand = nullptr;
    /// The lanes' and bands' outsets of the last projection, placed cards included (where their
    /// automatic start is).
    QMap<QString, QPointF> m_outsets;
    PlacementOrigins m_origins;
    /// The rubber line of a Shift-drag connection, and the card it started from.
    QGraphicsLineItem *m_connectLine = nullptr;
    QString m_connectFrom;
    bool m_cacheCards = true;
    const DiagramColors *m_colors;
};

} // namespace quorum::ui
