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

/// Moves the cards named in positions (id string -> top-left), then grows each zone lane to
/// contain its nodes and each band its cards, re-routes the links whose ends moved, and
/// recomputes the bounds. Ids that are not cards of the layout are ignored.
void applyPositions(DiagramLayout &layout, const model::Topology &topology, const QMap<QString, QPointF> &positions);

/// An orthogonal route from one card to another: it leaves `from` through the side facing
/// `to` and enters `to` from the opposite side.
QPolygonF routeBetween(const QRectF &from, const QRectF &to);

} // namespace quorum::ui
