#pragma once

// Graphics items of the diagram. Items are views: they hold what they draw (strings,
// colours, geometry) and the id of the element they stand for, never model data.
// Every element item stores its id string ("node/cp-1") in data(kElementIdKey) too.

#include "engine/model/Findings.h"
#include "ui/diagram/DiagramLayout.h"

#include <QColor>
#include <QGraphicsItem>
#include <QList>
#include <QPolygonF>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace quorum::ui {

/// QGraphicsItem::data() key holding an element item's id string.
constexpr int kElementIdKey = 0;

/// Item types, for qgraphicsitem_cast.
enum DiagramItemType : int {
    ZoneLaneItemType = QGraphicsItem::UserType + 1,
    NodeItemType,
    LoadBalancerItemType,
    StorageBackendItemType,
    StorageClassItemType,
    WorkloadItemType,
    LinkItemType,
    BandItemType,
    ClusterItemType,
};

/// Base of items that stand for a model element: id, finding marks, selection and hover look.
class ElementItem : public QGraphicsItem {
public:
    /// size: the item's rectangle; the item's origin is its top-left corner.
    ElementItem(const QString &elementId, const QSizeF &size);

    QString elementId() const { return m_elementId; }
    /// The item's rectangle in item coordinates (without outline and badge).
    QRectF rect() const { return m_rect; }

    /// Marks the item with the worst severity of its findings (nullopt: no findings) and
    /// lists their messages in the tooltip.
    void setFindings(std::optional<model::Severity> worst, const QStringList &messages);
    std::optional<model::Severity> findingSeverity() const { return m_worst; }
    /// True when an error or a warning points at this element (those get a coloured frame).
    bool isMarked() const;
    /// True while the pointer is over the item (its frame is drawn darker).
    bool isHovered() const { return m_hovered; }

    /// The tooltip shown above the finding messages.
    void setDescription(const QString &description);

    QRectF boundingRect() const override;

    /// Lets the user drag the item; positions snap to the designer's grid.
    void setMovable(bool movable);
    /// Puts the item where the layout places it, off the grid if need be (setPos() of a movable
    /// item snaps to the grid, as a drag does).
    void setLayoutPos(const QPointF &pos);

    /// Changes the item's rectangle (a zone lane being resized, a lane or band that grew); the
    /// top-left corner stays.
    virtual void setSize(const QSizeF &size);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

    /// Pen for the frame: severity colour when marked, darker on hover, else the normal border.
    QPen framePen(const QColor &normal) const;
    /// Paints the selection outline (when selected) and the finding badge (when marked).
    void paintOverlay(QPainter *painter, const QStyleOptionGraphicsItem *option, qreal radius) const;

private:
    void updateToolTip();

    QString m_elementId;
    QRectF m_rect;
    QString m_description;
    QStringList m_findingMessages;
    std::optional<model::Severity> m_worst;
    bool m_hovered = false;
    bool m_layoutPlacing = false;
};

/// A small coloured label drawn at the bottom of a card ("LoadBalancer :80", "Ingress").
struct CardBadge {
    QString text;
    QColor color;
    bool operator==(const CardBadge &) const = default;
};

/// What a card shows.
struct CardContent {
    QString icon;          ///< bundled icon name
    QColor accent;         ///< strip at the card's left edge
    QString title;
    QString corner;        ///< small text at the top right (address, type, replicas)
    QStringList lines;     ///< up to two lines under the title
    QList<CardBadge> badges;
    QString description;   ///< tooltip
    bool operator==(const CardContent &) const = default;
};

/// Below this view scale the cards of a large design are drawn without text (it is barely
/// readable there, and a thousand cards of text make zooming slow); small designs keep their
/// text down to kCoarseCardScaleSmall.
inline constexpr qreal kCoarseCardScale = 0.6;
inline constexpr qreal kCoarseCardScaleSmall = 0.3;
/// At and above this view scale cards are cached as pixmaps (panning blits them); between the
/// two, few enough cards are drawn at a time that caching them per zoom step costs more.
inline constexpr qreal kCachedCardScale = 0.9;

/// A white card with an icon, a title, detail lines and badges.
class CardItem : public ElementItem {
public:
    CardItem(const QString &elementId, const QSizeF &size, CardContent content);

    const CardContent &content() const { return m_content; }
    /// Shows other content (the element was edited); repaints only when it differs.
    void setContent(CardContent content);
    void setSize(const QSizeF &size) override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    /// The view scale below which the card is drawn without text.
    void setCoarseScale(qreal scale) { m_coarseScale = scale; }
    /// How many of the badges are drawn; the others are counted in a last "+N" pill and named
    /// in the tooltip.
    qsizetype shownBadges() const;

private:
    /// The tooltip: the content's description and the badges left out of the card.
    void updateDescription();

    CardContent m_content;
    qreal m_coarseScale = kCoarseCardScaleSmall;
};

/// What a running cluster shows on a node's card (the live monitor).
struct NodeLiveMarks {
    enum class Health { Ready, NotReady, Down };
    struct Pod {
        QString name;
        QString phase; ///< Pending, ContainerCreating, Running, Succeeded, Failed, Terminating
        bool ready = false;
        bool operator==(const Pod &) const = default;
    };
    Health health = Health::Ready;
    bool registered = true;   ///< the kubelet registered a Node object (false: not yet / none)
    bool partitioned = false;
    bool etcdLeader = false;
    QStringList leases;       ///< lease names held here
    bool vipHolder = false;
    QStringList stopped;      ///< components stopped on their own
    QVector<Pod> pods;
    bool operator==(const NodeLiveMarks &) const = default;
};

/// A node, drawn inside its zone lane; while the design runs, coloured by its state with the
/// etcd leader, lease and VIP holders marked and its pods as dots under the card.
class NodeItem final : public CardItem {
public:
    enum { Type = NodeItemType };
    using CardItem::CardItem;
    int type() const override { return Type; }

    /// The live state (nullopt: the design is not running).
    void setLive(std::optional<NodeLiveMarks> marks);
    const std::optional<NodeLiveMarks> &live() const { return m_live; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    std::optional<NodeLiveMarks> m_live;
};

/// A load balancer, drawn above the lanes.
class LoadBalancerItem final : public CardItem {
public:
    enum { Type = LoadBalancerItemType };
    using CardItem::CardItem;
    int type() const override { return Type; }
};

class StorageBackendItem final : public CardItem {
public:
    enum { Type = StorageBackendItemType };
    using CardItem::CardItem;
    int type() const override { return Type; }
};

class StorageClassItem final : public CardItem {
public:
    enum { Type = StorageClassItemType };
    using CardItem::CardItem;
    int type() const override { return Type; }
};

class WorkloadItem final : public CardItem {
public:
    enum { Type = WorkloadItemType };
    using CardItem::CardItem;
    int type() const override { return Type; }
};

/// The banner across the top that stands for the cluster as a whole ("cluster"): name,
/// description and chips (Kubernetes version, etcd mode, profile). Cluster-wide findings mark it.
class ClusterItem final : public ElementItem {
public:
    enum { Type = ClusterItemType };
    ClusterItem(const QSizeF &size, CardContent content);

    int type() const override { return Type; }
    const CardContent &content() const { return m_content; }
    /// Shows other content (the design was edited); repaints only when it differs.
    void setContent(CardContent content);
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    /// The view scale below which the card is drawn without text.
    void setCoarseScale(qreal scale) { m_coarseScale = scale; }

private:
    CardContent m_content;
    qreal m_coarseScale = kCoarseCardScaleSmall;
};

/// A zone lane (failure domain). The lane for nodes without a zone has an empty element id
/// and cannot be selected.
class ZoneLaneItem final : public ElementItem {
public:
    enum { Type = ZoneLaneItemType };
    /// elementId: "zone/<name>", or empty for the lane of nodes without a zone.
    ZoneLaneItem(const QString &elementId, const QSizeF &size, const QString &title, const QString &subtitle);

    int type() const override { return Type; }
    bool isUnzoned() const { return m_unzoned; }
    QString title() const { return m_title; }
    QString subtitle() const { return m_subtitle; }
    /// Shows another title and subtitle (the zone was edited); repaints only when they differ.
    void setTexts(const QString &title, const QString &subtitle);
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    /// Lets the user resize the lane by its edges and corners (never the unzoned lane): the
    /// handles show a resize cursor on hover. Off by default.
    void setResizable(bool resizable);
    bool isResizable() const { return m_resizable; }
    /// The edges whose handle is at scenePos (one edge, or two at a corner); none when not
    /// resizable or elsewhere.
    Qt::Edges resizeEdgesAt(const QPointF &scenePos) const;
    /// The resize cursor for dragging `edges` (the arrow for none).
    static Qt::CursorShape cursorFor(Qt::Edges edges);

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    QString m_title;
    QString m_subtitle;
    bool m_unzoned;
    bool m_resizable = false;
};

/// How far from a lane's or band's edge (either side) its resize handle reaches, in scene units.
inline constexpr qreal kLaneResizeHandle = 6;

/// The edges a lane or a band resizes by: all four, and the corners between them. (A left or top
/// edge dragged out is an outset, which project files keep for lanes from format 4 and for bands
/// from format 7, engine/project/Project.h.)
inline constexpr Qt::Edges kResizeEdges = Qt::LeftEdge | Qt::TopEdge | Qt::RightEdge | Qt::BottomEdge;

/// The edges of `rect` whose resize handle is at `p` (both in one coordinate system): one edge,
/// or two at a corner.
Qt::Edges resizeEdgesOf(const QRectF &rect, const QPointF &p);

/// A routed connection between two element items. Takes mouse input only in the designer,
/// where a click selects it (Delete then disconnects the two).
class LinkItem final : public QGraphicsItem {
public:
    enum { Type = LinkItemType };
    explicit LinkItem(const LaidOutLink &link);
    void setSelectable(bool selectable);

    int type() const override { return Type; }
    LinkKind kind() const { return m_kind; }
    QString fromId() const { return m_from; }
    QString toId() const { return m_to; }
    QPolygonF points() const { return m_points; }
    /// Re-routes the link (an end moved).
    void setPoints(const QPolygonF &points);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QPainterPath linePath() const;

    LinkKind m_kind;
    QString m_from;
    QString m_to;
    QPolygonF m_points;
};

/// A captioned background region ("Load balancers", "Storage", "Workloads").
class BandItem final : public QGraphicsItem {
public:
    enum { Type = BandItemType };
    BandItem(BandKind kind, const QSizeF &size, const QString &caption);

    /// Lets the user resize the band by its edges and corners, as a lane: the handles show a
    /// resize cursor on hover. Off by default.
    void setResizable(bool resizable);
    bool isResizable() const { return m_resizable; }
    /// The edges whose handle is at scenePos (one edge, or two at a corner); none when not
    /// resizable or elsewhere.
    Qt::Edges resizeEdgesAt(const QPointF &scenePos) const;

    int type() const override { return Type; }
    BandKind kind() const { return m_kind; }
    QString caption() const { return m_caption; }
    /// The band's rectangle in item coordinates; the item's origin is its top-left corner.
    QRectF rect() const { return m_rect; }
    /// Changes the band's size (it grew or shrank with its cards); the top-left corner stays.
    void setSize(const QSizeF &size);
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

    BandKind m_kind;
    QRectF m_rect;
    QString m_caption;
    bool m_resizable = false;
};

} // namespace quorum::ui
