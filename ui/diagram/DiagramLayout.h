#pragma once

// Where each element of a design goes in the diagram. Pure geometry, no items: the scene
// turns a DiagramLayout into graphics items, tests can check positions without a scene.
//
//   [ cluster banner: name, description, version, etcd mode, profile                ]
//   +-- Load balancers ------------------------------+
//   |            [api-lb  VIP 10.0.0.10:6443]        |
//   +------------------------------------------------+
//          bus lines to the lanes' link channels
//   +- zone-a -+ +- zone-b -+ +- zone-c -+ (+ unzoned)
//   | [lb-1]  || | [lb-2]  || |         ||   one row per role, aligned across lanes;
//   | [cp-1]  || | [cp-2]  || | [cp-3]  ||   links run down the channel at each lane's
//   | [wk-1]  || | [wk-2]  || | [wk-3]  ||   right edge and enter cards from the side
//   +---------+ +----------+ +----------+
//   +-- Storage --------------+ +-- Workloads ---------------+
//   | [backend] <-- [class]   | | [web] [postgres]           |
//   +-------------------------+ +----------------------------+

#include "engine/model/Topology.h"

#include <QMap>
#include <QMarginsF>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <vector>

namespace quorum::ui {

/// Sizes of the diagram, in scene units (pixels at 100 % zoom).
namespace metrics {
constexpr qreal kMargin = 24;
constexpr qreal kBannerHeight = 80;
constexpr qreal kCardWidth = 236;
constexpr qreal kNodeHeight = 74;
constexpr qreal kRowGap = 12;
constexpr qreal kLanePadding = 14;
constexpr qreal kLaneChannel = 36;  ///< strip at a lane's right edge where links run
constexpr qreal kLaneGap = 16;
constexpr qreal kLaneHeader = 54;
constexpr qreal kBandCaption = 40;  ///< caption strip at the top of a band (links run in its lower part)
constexpr qreal kBandPadding = 14;
constexpr qreal kSectionGap = 28;
constexpr qreal kLoadBalancerWidth = 260;
constexpr qreal kLoadBalancerHeight = 74;
constexpr qreal kBusSpacing = 8;    ///< between parallel bus lines above the lanes
constexpr qreal kBackendHeight = 74;
constexpr qreal kClassHeight = 74;
constexpr qreal kStorageColumnGap = 48;
constexpr qreal kWorkloadWidth = 256;
constexpr qreal kWorkloadHeight = 100;
constexpr qreal kWorkloadGap = 24;
} // namespace metrics

/// One card or lane: the element's id string ("node/cp-1") and its rectangle.
struct LaidOutElement {
    QString id;
    QRectF rect;
};

/// A zone lane. zoneName is empty for the lane of nodes without a (known) zone.
struct LaidOutLane {
    QString zoneName;
    QRectF rect;
    bool isUnzoned() const { return zoneName.isEmpty(); }
};

enum class BandKind { LoadBalancers, Storage, Workloads };

/// A captioned background region grouping cards of one kind.
struct LaidOutBand {
    BandKind kind;
    QRectF rect;
};

/// The key of a lane's size and outset among the lane sizes and outsets: the zone's id string
/// ("zone/zone-a"), or "lane/unzoned" for the lane of nodes without a zone (which only the layout
/// of placed cards gives one: the user cannot resize it).
QString laneIdString(const QString &zoneName);

/// The key of a band's size among the lane sizes ("band/loadbalancers", "band/storage",
/// "band/workloads"): bands are not elements of the design, their sizes are kept beside the lanes'.
QString bandIdString(BandKind kind);

enum class LinkKind {
    LoadBalancerTarget,   ///< load balancer -> node or workload it balances (arrow at the target)
    LoadBalancerHost,     ///< load balancer - node that hosts it (dashed)
    StorageClassBackend,  ///< storage class -> backend it provisions from
    VolumeClaim,          ///< workload -> storage class of one of its volume claims
};

/// A routed connection between two elements; points run from `from` to `to`.
struct LaidOutLink {
    LinkKind kind;
    QString from;
    QString to;
    QPolygonF points;
};

struct DiagramLayout {
    LaidOutElement cluster;  ///< the banner across the top ("cluster")
    std::vector<LaidOutBand> bands;
    std::vector<LaidOutLane> lanes;
    std::vector<LaidOutElement> nodes;
    std::vector<LaidOutElement> loadBalancers;
    std::vector<LaidOutElement> storageBackends;
    std::vector<LaidOutElement> storageClasses;
    std::vector<LaidOutElement> workloads;
    std::vector<LaidOutLink> links;
    /// Everything above, plus the margin.
    QRectF bounds;
};

/// What a zone lane or a band keeps around its cards, and its size when it holds none.
struct ContainerFrame {
    QMarginsF margins;
    QSizeF empty;
};

/// A zone lane's frame: its padding, header and link channel, at least one card wide (so the
/// link channel stays at its place).
ContainerFrame laneFrame();
/// A band's frame: its caption and padding, at least one card wide.
ContainerFrame bandFrame();

/// The smallest size of a lane or band with this frame whose top-left corner is at topLeft and
/// that holds the cards (scene rectangles).
QSizeF minimumSizeAround(const ContainerFrame &frame, const QPointF &topLeft, const std::vector<QRectF> &cards);

/// The largest left and top coordinates a lane or band with this frame whose bottom-right corner
/// is at bottomRight can have and still hold the cards (scene rectangles): how far its left and top
/// edges can be dragged in.
QPointF maximumTopLeftAround(const ContainerFrame &frame, const QPointF &bottomRight, const std::vector<QRectF> &cards);

/// minimumSizeAround() for a zone lane.
inline QSizeF minimumLaneSize(const QPointF &topLeft, const std::vector<QRectF> &cards)
{
    return minimumSizeAround(laneFrame(), topLeft, cards);
}

/// Lays out a design. Deterministic: the same design always gives the same layout.
/// References to elements that do not exist (a finding reports them) are left unlinked.
/// laneSizes ("zone/zone-a" -> size the user dragged; 0 in a dimension: automatic) make those
/// lanes wider (the lanes right of them move along) or taller or shorter than the tallest
/// lane, never smaller than minimumLaneSize() of their cards; the bands below move down to
/// clear the tallest lane. laneOutsets ("zone/zone-a" -> how far the user dragged its left and
/// top edges out past where the automatic layout starts the lane; negative counts as 0) make a
/// lane reach further left (the row of lanes starts that much further left: the lanes left of it
/// move along) or higher (the banner, the load balancers and the bus lines above the lanes move
/// up); the lane's cards keep their place in it, so the room is added on that side. The outset
/// is part of the size: a lane with a width keeps that width. Band sizes and outsets are in
/// laneSizes and laneOutsets too (bandIdString(); 0 in a dimension: automatic): a band is never
/// smaller than what holds its cards; a taller load-balancer band moves the lanes and everything
/// below them down, a wider storage band the workloads band right of it; side by side bands share
/// one height unless the user gave one its own. A band reaching further left pushes the band left
/// of it (the workloads band the storage band); one reaching higher lifts everything above it (the
/// load-balancer band the banner; the storage or workloads band the lanes and all above them); its
/// cards keep their place in it.
DiagramLayout layoutTopology(const model::Topology &topology, const QMap<QString, QSizeF> &laneSizes = {},
                             const QMap<QString, QPointF> &laneOutsets = {});

} // namespace quorum::ui
