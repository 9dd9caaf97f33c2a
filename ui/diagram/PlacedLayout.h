#pragma once

// The user's placements on top of the automatic layout: cards the user moved go where they
// were put (snapped to the grid), zone lanes and bands grow to hold their cards, and links
// with a moved end are re-routed as elbows between the cards. Pure geometry, like DiagramLayout.

#include "ui/diagram/DiagramLayout.h"

#include <QMap>
#include <QPointF>

namespace quorum::ui {

/// Spacing of the designer's grid, in scene units.
inline constexpr qreal kGridSize = 8;

/// The point on the grid nearest to p.
QPointF snapToGrid(const QPointF &p);

/// Where the automatic layout starts the container of each card. A placed card's position is
/// kept as its offset from this origin, so that the card follows its container when the layout
/// around it grows or moves (a lane further right or lower, a band above taller, lanes pushed
/// along by a resize): a node's origin is the point of its zone lane where the automatic layout
/// starts the lane (the lane's top-left corner inside the outsets the user dragged), a load
/// balancer's the same point of the Load balancers band, a storage back end's or class's the
/// Storage band's, a workload's the Workloads band's. Built from a layout before
/// applyPositions(); main (GUI) thread or any, it holds no Qt objects.
class PlacementOrigins {
public:
    PlacementOrigins() = default;
    /// outsets: the lanes' and bands' (laneIdString(), bandIdString() keys).
    PlacementOrigins(const DiagramLayout &automatic, const QMap<QString, QPointF> &outsets);
    /// The origin of the card with this id string ("node/cp-1"); (0, 0) for an id that is not a
    /// card of the layout's design (the offset then is a scene position).
    QPointF of(const model::Topology &topology, const QString &id) const;

private:
    QMap<QString, QPointF> m_lanes;  ///< zone name (empty: the lane of nodes without a zone) -> origin
    QMap<int, QPointF> m_bands;      ///< BandKind -> origin
};

/// Moves the cards named in positions (id string -> offset from its PlacementOrigins origin in
/// this layout), then grows each zone lane to contain its nodes and each band its cards, re-routes
/// the links whose ends moved, and recomputes the bounds. Ids that are not cards of the layout are
/// ignored. layout is the automatic layout of topology with laneOutsets (layoutTopology()).
void applyPositions(DiagramLayout &layout, const model::Topology &topology, const QMap<QString, QPointF> &positions,
                    const QMap<QString, QPointF> &laneOutsets = {});

/// The diagram of a design as the designer shows it (layoutDesign()).
struct PlacedDesignLayout {
    DiagramLayout layout;
    /// The lanes' and bands' outsets in it (laneIdString() and bandIdString() keys): the user's,
    /// plus how far placed cards took a left or top edge out. Where the automatic layout starts each.
    QMap<QString, QPointF> outsets;
    /// Where each placed card's offset starts in it.
    PlacementOrigins origins;
};

/// Lays out a design with the user's lane and band sizes and outsets (layoutTopology()) and
/// its placed cards (positions: id string -> offset, applyPositions()). A lane or band that its
/// placed cards make larger pushes what is beside, above and below it exactly as if the user had
/// resized it that far (a wider lane the lanes right of it, one reaching further left the lanes
/// left of it, a taller one the bands below, one reaching higher what is above the lanes; a wider
/// storage band the workloads band, a workloads band reaching further left the storage band, a
/// taller load-balancer band the lanes, a band reaching higher what is above it), so no two lanes
/// or bands overlap; the placed cards stay at their offsets from their (moved) lanes and bands.
PlacedDesignLayout layoutDesign(const model::Topology &topology, const QMap<QString, QPointF> &positions,
                                const QMap<QString, QSizeF> &sizes, const QMap<QString, QPointF> &outsets);

/// The offsets applyPositions() takes for cards at these scene positions (id string -> top-left)
/// in the design laid out with laneSizes and laneOutsets and no cards placed: how positions of
/// project files of format 5 and older (scene positions, from versions where placed cards pushed
/// nothing) are read. (The designer keeps a card the user put somewhere at its offset from
/// DiagramScene::placementOrigins().)
QMap<QString, QPointF> placementsFromScene(const QMap<QString, QPointF> &scenePositions,
                                           const model::Topology &topology, const QMap<QString, QSizeF> &laneSizes,
                                           const QMap<QString, QPointF> &laneOutsets);

/// An orthogonal route from one card to another: it leaves `from` through the side facing
/// `to` and enters `to` from the opposite side.
QPolygonF routeBetween(const QRectF &from, const QRectF &to);

} // namespace quorum::ui
