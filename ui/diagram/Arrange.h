#pragma once

// Align and distribute: where selected cards go so that an edge or a centre line is shared, or
// the gaps between them are equal. Pure geometry on the cards' scene rectangles, like
// PlacedLayout; the designer turns the result into one move of the design.

#include <QMap>
#include <QPointF>
#include <QRectF>
#include <QString>

namespace quorum::ui {

enum class Arrangement {
    AlignLeft,               ///< left edges on the leftmost one
    AlignRight,              ///< right edges on the rightmost one
    AlignTop,                ///< top edges on the topmost one
    AlignBottom,             ///< bottom edges on the lowest one
    AlignHorizontalCentres,  ///< centres on one vertical line, the middle of the cards' extent
    AlignVerticalCentres,    ///< centres on one horizontal line, the middle of the cards' extent
    DistributeHorizontally,  ///< equal horizontal gaps; the leftmost and rightmost cards stay
    DistributeVertically,    ///< equal vertical gaps; the topmost and lowest cards stay
};

/// Every arrangement, in menu order.
inline constexpr Arrangement kArrangements[] = {
    Arrangement::AlignLeft,    Arrangement::AlignHorizontalCentres, Arrangement::AlignRight,
    Arrangement::AlignTop,     Arrangement::AlignVerticalCentres,   Arrangement::AlignBottom,
    Arrangement::DistributeHorizontally, Arrangement::DistributeVertically,
};

/// How many cards an arrangement needs: 2 to align, 3 to distribute.
int minimumCards(Arrangement arrangement);

/// The new top-left corners of cards (id -> scene rectangle), each on the designer's grid
/// (snapToGrid): cards of one size get exactly equal edges, centres and gaps; where sizes differ
/// by a part of a grid step, the shared line is off by at most half a step. Distributing orders
/// the cards by their centres and keeps the first and the last where they are (snapped); the gap
/// may be negative when the cards are wider than the space between the outer ones. Only cards
/// whose corner changes are returned; none when there are fewer than minimumCards().
QMap<QString, QPointF> arrange(Arrangement arrangement, const QMap<QString, QRectF> &cards);

} // namespace quorum::ui
