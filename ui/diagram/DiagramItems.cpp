#include "ui/diagram/DiagramItems.h"

#include "ui/common/Appearance.h"
#include "ui/diagram/DiagramScene.h"
#include "ui/diagram/PlacedLayout.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>
#include <utility>

namespace quorum::ui {

using model::Severity;

namespace {

constexpr qreal kCardRadius = 8;
constexpr qreal kLaneRadius = 10;
constexpr qreal kBadgeRadius = 11;       ///< finding badge at the top-right corner
constexpr qreal kSelectionGap = 3.5;     ///< selection outline, outside the frame
constexpr qreal kArrowSize = 9;
constexpr qreal kCornerRadius = 7;       ///< rounding of link elbows
constexpr qreal kIconSize = 34;
constexpr qreal kTextLeft = 58;
constexpr qreal kTextRight = 12;


void drawElided(QPainter *painter, const QRectF &box, const QString &text, int flags = Qt::AlignLeft | Qt::AlignVCenter)
{
    const QFontMetricsF metrics(painter->font());
    painter->drawText(box, flags, metrics.elidedText(text, Qt::ElideRight, box.width()));
}

/// The colours of the scene the item is drawn in (the application's appearance outside a
/// DiagramScene). Read at paint time, so a change of appearance needs only a repaint.
const DiagramColors &colorsOf(const QGraphicsItem *item)
{
    if (const auto *scene = qobject_cast<const DiagramScene *>(item->scene()))
        return scene->colors();
    return diagramColors(isDarkAppearance());
}

} // namespace

// ---- ElementItem ---------------------------------------------------------------------------

ElementItem::ElementItem(const QString &elementId, const QSizeF &size)
    : m_elementId(elementId)
    , m_rect(QPointF(0, 0), size)
{
    setData(kElementIdKey, elementId);
    setFlag(ItemIsSelectable, !elementId.isEmpty());
    setAcceptHoverEvents(!elementId.isEmpty());
}

void ElementItem::setFindings(std::optional<Severity> worst, const QStringList &messages)
{
    if (m_worst == worst && m_findingMessages == messages)
        return;
    m_worst = worst;
    m_findingMessages = messages;
    updateToolTip();
    update();
}

bool ElementItem::isMarked() const
{
    return m_worst == Severity::Error || m_worst == Severity::Warning;
}

void ElementItem::setDescription(const QString &description)
{
    m_description = description;
    updateToolTip();
}

void ElementItem::updateToolTip()
{
    QString tip = m_description.toHtmlEscaped();
    for (const QString &message : m_findingMessages)
        tip += QStringLiteral("<br/>• ") + message.toHtmlEscaped();
    setToolTip(tip.isEmpty() ? QString() : QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(tip));
}

QRectF ElementItem::boundingRect() const
{
    const qreal out = std::max(kBadgeRadius + 1, kSelectionGap + 2);
    return m_rect.adjusted(-out, -out, out, out);
}

void ElementItem::setMovable(bool movable)
{
    setFlag(ItemIsMovable, movable);
    setFlag(ItemSendsGeometryChanges, movable);
    setCursor(movable ? Qt::OpenHandCursor : Qt::ArrowCursor);
}

void ElementItem::setSize(const QSizeF &size)
{
    if (m_rect.size() == size)
        return;
    prepareGeometryChange();
    m_rect.setSize(size);
}

void ElementItem::setLayoutPos(const QPointF &pos)
{
    if (pos == this->pos())
        return;
    m_layoutPlacing = true;
    setPos(pos);
    m_layoutPlacing = false;
}

QVariant ElementItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionChange && (flags() & ItemIsMovable) && !m_layoutPlacing)
        return snapToGrid(value.toPointF());
    return QGraphicsItem::itemChange(change, value);
}

void ElementItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void ElementItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

QPen ElementItem::framePen(const QColor &normal) const
{
    if (isMarked())
        return QPen(severityColor(*m_worst), 2);
    // Hovering brings the frame towards the text colour, on either background.
    const QColor hovered = colorsOf(this).dark ? normal.lighter(150) : normal.darker(135);
    return QPen(m_hovered ? hovered : normal, 1);
}

void ElementItem::paintOverlay(QPainter *painter, const QStyleOptionGraphicsItem *option, qreal radius) const
{
    const DiagramColors &c = colorsOf(this);
    if (option->state & QStyle::State_Selected) {
        painter->setPen(QPen(c.selection, 2.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(m_rect.adjusted(-kSelectionGap, -kSelectionGap, kSelectionGap, kSelectionGap),
                                 radius + kSelectionGap, radius + kSelectionGap);
    }
    if (m_worst) {
        // Infos get the badge only; errors and warnings also get a coloured frame.
        const QPointF center(m_rect.right() - 3, m_rect.top() + 3);
        painter->setPen(Qt::NoPen);
        painter->setBrush(c.cardFill);  // a ring of the card's colour around the icon
        painter->drawEllipse(center, kBadgeRadius, kBadgeRadius);
        const qreal r = kBadgeRadius - 2;
        paintBundledIcon(painter, iconName(*m_worst), QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r));
    }
}

// ---- CardItem ------------------------------------------------------------------------------

namespace {

qreal badgeWidth(const QFontMetricsF &metrics, const QString &text)
{
    return metrics.horizontalAdvance(text) + 14;
}

QString moreBadgesText(qsizetype count, qsizetype shown)
{
    return QStringLiteral("+%1").arg(count - shown);
}

} // namespace

CardItem::CardItem(const QString &elementId, const QSizeF &size, CardContent content)
    : ElementItem(elementId, size)
    , m_content(std::move(content))
{
    updateDescription();
}

void CardItem::setContent(CardContent content)
{
    if (content == m_content)
        return;
    m_content = std::move(content);
    updateDescription();
    update();
}

void CardItem::setSize(const QSizeF &size)
{
    if (size == rect().size())
        return;
    ElementItem::setSize(size);
    updateDescription(); // the badges that fit
}

void CardItem::updateDescription()
{
    QString description = m_content.description;
    if (const qsizetype shown = shownBadges(); shown < m_content.badges.size()) {
        QStringList hidden;
        for (qsizetype i = shown; i < m_content.badges.size(); ++i)
            hidden << m_content.badges[i].text;
        description += QLatin1Char('\n') +
                       QCoreApplication::translate("quorum::ui::DiagramContent", "Not shown on the card: %1").arg(hidden.join(QStringLiteral(", ")));
    }
    setDescription(description);
}

qsizetype CardItem::shownBadges() const
{
    // As many badges as fit; when some do not, the "+N" pill takes the place of the last ones
    // if it needs their room.
    const QFontMetricsF metrics(diagramFont(10, true));
    const qreal right = rect().right() - kTextRight;
    const qsizetype count = m_content.badges.size();
    qsizetype shown = 0;
    qreal end = 14; // where the next pill would start
    while (shown < count && end + badgeWidth(metrics, m_content.badges[shown].text) <= right)
        end += badgeWidth(metrics, m_content.badges[shown++].text) + 6;
    if (shown < count)
        while (shown > 0 && end + badgeWidth(metrics, moreBadgesText(count, shown)) > right)
            end -= badgeWidth(metrics, m_content.badges[--shown].text) + 6;
    return shown;
}

void CardItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QRectF r = rect();
    const DiagramColors &c = colorsOf(this);
    painter->setRenderHint(QPainter::Antialiasing);

    // Zoomed far out the text cannot be read: the card's shape, colour and marks are enough,
    // and a 1,000-element design stays smooth to zoom.
    if (QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform()) < m_coarseScale) {
        painter->setPen(framePen(c.cardBorder));
        painter->setBrush(c.cardFill);
        painter->drawRect(r);
        painter->fillRect(QRectF(r.left(), r.top(), r.width() * 0.08, r.height()), c.line(m_content.accent));
        painter->fillRect(QRectF(kTextLeft, 12, (r.width() - kTextLeft) * 0.7, 14), c.textMuted);
        paintOverlay(painter, option, kCardRadius);
        return;
    }

    painter->setPen(Qt::NoPen);
    painter->setBrush(c.cardShadow);
    painter->drawRoundedRect(r.translated(0, 2), kCardRadius, kCardRadius);

    QPainterPath body;
    body.addRoundedRect(r, kCardRadius, kCardRadius);
    painter->fillPath(body, c.cardFill);
    painter->save();
    painter->setClipPath(body);
    painter->fillRect(QRectF(r.left(), r.top(), 5, r.height()), c.line(m_content.accent));
    painter->restore();
    painter->setPen(framePen(c.cardBorder));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(body);

    paintBundledIcon(painter, m_content.icon, QRectF(14, 11, kIconSize, kIconSize));

    const qreal textWidth = r.width() - kTextLeft - kTextRight;
    const QFont titleFont = diagramFont(14, true);
    qreal cornerWidth = 0;
    if (!m_content.corner.isEmpty()) {
        // The corner text gets what the title leaves, but at least a third of the width.
        const qreal titleWidth = QFontMetricsF(titleFont).horizontalAdvance(m_content.title);
        painter->setFont(diagramFont(11));
        cornerWidth = std::min(QFontMetricsF(painter->font()).horizontalAdvance(m_content.corner),
                               std::max(textWidth / 3, textWidth - titleWidth - 8));
        painter->setPen(c.textMuted);
        drawElided(painter, QRectF(r.right() - kTextRight - cornerWidth, 10, cornerWidth, 18), m_content.corner,
                   Qt::AlignRight | Qt::AlignVCenter);
    }

    painter->setFont(titleFont);
    painter->setPen(c.textPrimary);
    drawElided(painter, QRectF(kTextLeft, 9, textWidth - cornerWidth - (cornerWidth > 0 ? 8 : 0), 20), m_content.title);

    painter->setFont(diagramFont(11));
    qreal y = 31;
    for (int i = 0; i < m_content.lines.size() && i < 2; ++i) {
        painter->setPen(i == 0 ? c.textSecondary : c.textMuted);
        drawElided(painter, QRectF(kTextLeft, y, textWidth, 16), m_content.lines[i]);
        y += 17;
    }

    if (!m_content.badges.isEmpty()) {
        painter->setFont(diagramFont(10, true));
        const QFontMetricsF metrics(painter->font());
        const qreal badgeY = r.bottom() - 26;
        const qreal right = r.right() - kTextRight;
        const auto widthOf = [&metrics](const QString &text) { return badgeWidth(metrics, text); };
        // The badges that fit (shownBadges()), then a "+N" pill for the rest (the tooltip names
        // them, the inspector shows them all).
        const qsizetype count = m_content.badges.size();
        const qsizetype shown = shownBadges();
        const QString more = shown < count ? moreBadgesText(count, shown) : QString();
        const auto drawPill = [&](qreal x, const QString &text, const QColor &color) {
            const QRectF pill(x, badgeY, widthOf(text), 18);
            QColor fill = c.line(color);
            fill.setAlpha(c.dark ? 40 : 28);
            QColor border = c.line(color);
            border.setAlpha(c.dark ? 150 : 110);
            painter->setPen(QPen(border, 1));
            painter->setBrush(fill);
            painter->drawRoundedRect(pill, 9, 9);
            painter->setPen(c.readable(color));
            painter->drawText(pill, Qt::AlignCenter, text);
            return x + pill.width() + 6;
        };
        qreal x = 14;
        for (qsizetype i = 0; i < shown; ++i)
            x = drawPill(x, m_content.badges[i].text, m_content.badges[i].color);
        if (!more.isEmpty() && x + widthOf(more) <= right)
            drawPill(x, more, c.textMuted);
    }

    paintOverlay(painter, option, kCardRadius);
}

// ---- NodeItem (live) -------------------------------------------------------------------------

namespace {

namespace live {
const QColor kReady{0x2F, 0x9E, 0x5B};
const QColor kNotReady{0xD6, 0x9E, 0x2E};
const QColor kDown{0xC5, 0x30, 0x30};
const QColor kPartitioned{0x80, 0x5A, 0xD5};
const QColor kLeader{0xB7, 0x79, 0x1F};
const QColor kLease{0x1F, 0x6F, 0xB2};
const QColor kVip{0x6B, 0x46, 0xC1};
const QColor kPending{0x94, 0xA3, 0xB8};
const QColor kTerminating{0xDD, 0x6B, 0x20};
} // namespace live

constexpr qreal kPillHeight = 16;
constexpr qreal kDotSize = 9;

QColor podColor(const NodeLiveMarks::Pod &p)
{
    if (p.phase == QLatin1String("Running"))
        return p.ready ? live::kReady : live::kNotReady;
    if (p.phase == QLatin1String("Terminating"))
        return live::kTerminating;
    if (p.phase == QLatin1String("Failed"))
        return live::kDown;
    return live::kPending;
}

void drawPill(QPainter *painter, const QRectF &pill, const QString &text, const QColor &color)
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(pill, kPillHeight / 2, kPillHeight / 2);
    painter->setPen(Qt::white);
    painter->drawText(pill, Qt::AlignCenter, text);
}

} // namespace

void NodeItem::setLive(std::optional<NodeLiveMarks> marks)
{
    if (marks == m_live)
        return;
    prepareGeometryChange();
    m_live = std::move(marks);
    update();
}

QRectF NodeItem::boundingRect() const
{
    QRectF r = CardItem::boundingRect();
    if (m_live)
        r.adjust(0, -kPillHeight / 2 - 2, 0, kDotSize + 8);
    return r;
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    CardItem::paint(painter, option, widget);
    if (!m_live)
        return;
    const NodeLiveMarks &m = *m_live;
    const QRectF r = rect();
    const DiagramColors &c = colorsOf(this);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // Health: the frame's colour; a node that is down is greyed out.
    const QColor health = m.health == NodeLiveMarks::Health::Down       ? live::kDown
                          : m.health == NodeLiveMarks::Health::NotReady ? live::kNotReady
                                                                        : live::kReady;
    if (m.health == NodeLiveMarks::Health::Down) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(c.downShade);
        painter->drawRoundedRect(r, kCardRadius, kCardRadius);
    }
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(health, 3));
    painter->drawRoundedRect(r.adjusted(1.5, 1.5, -1.5, -1.5), kCardRadius, kCardRadius);
    if (m.partitioned) {
        QPen dashed(live::kPartitioned, 2.5, Qt::DashLine);
        painter->setPen(dashed);
        painter->drawRoundedRect(r.adjusted(-4, -4, 4, 4), kCardRadius + 3, kCardRadius + 3);
    }
    // Roles now: pills straddling the top edge.
    painter->setFont(diagramFont(9, true));
    const QFontMetricsF metrics(painter->font());
    qreal x = r.left() + 12;
    auto pill = [&](const QString &text, const QColor &color) {
        const qreal width = metrics.horizontalAdvance(text) + 12;
        drawPill(painter, QRectF(x, r.top() - kPillHeight / 2, width, kPillHeight), text, color);
        x += width + 4;
    };
    if (m.health == NodeLiveMarks::Health::Down)
        pill(QCoreApplication::translate("quorum::ui::NodeItem", "DOWN"), live::kDown);
    else if (m.health == NodeLiveMarks::Health::NotReady)
        pill(QCoreApplication::translate("quorum::ui::NodeItem", "NotReady"), live::kNotReady);
    if (m.etcdLeader)
        pill(QCoreApplication::translate("quorum::ui::NodeItem", "etcd leader"), live::kLeader);
    for (const QString &lease : m.leases)
        pill(lease == QLatin1String("kube-controller-manager") ? QStringLiteral("KCM")
             : lease == QLatin1String("kube-scheduler")         ? QStringLiteral("SCHED")
                                                                : lease,
             live::kLease);
    if (m.vipHolder)
        pill(QStringLiteral("VIP"), live::kVip);
    if (m.partitioned)
        pill(QCoreApplication::translate("quorum::ui::NodeItem", "partitioned"), live::kPartitioned);
    if (!m.stopped.isEmpty())
        pill(QCoreApplication::translate("quorum::ui::NodeItem", "%1 stopped").arg(m.stopped.join(QStringLiteral(", "))),
             live::kDown);
    // Pods: a dot each under the card.
    qreal dx = r.left() + 6;
    const qreal dy = r.bottom() + 4;
    const int shown = static_cast<int>(std::min<qsizetype>(m.pods.size(), static_cast<qsizetype>((r.width() - 40) / (kDotSize + 3))));
    for (int i = 0; i < shown; ++i) {
        painter->setPen(QPen(podColor(m.pods[i]).darker(130), 1));
        painter->setBrush(podColor(m.pods[i]));
        painter->drawEllipse(QRectF(dx, dy, kDotSize, kDotSize));
        dx += kDotSize + 3;
    }
    if (shown < m.pods.size()) {
        painter->setPen(c.textMuted);
        painter->setFont(diagramFont(9));
        painter->drawText(QRectF(dx, dy - 2, 40, kDotSize + 4), Qt::AlignLeft | Qt::AlignVCenter,
                          QStringLiteral("+%1").arg(m.pods.size() - shown));
    }
    painter->restore();
}

// ---- ClusterItem ---------------------------------------------------------------------------

ClusterItem::ClusterItem(const QSizeF &size, CardContent content)
    : ElementItem(QStringLiteral("cluster"), size)
    , m_content(std::move(content))
{
    setDescription(m_content.description);
}

void ClusterItem::setContent(CardContent content)
{
    if (content == m_content)
        return;
    m_content = std::move(content);
    setDescription(m_content.description);
    update();
}

void ClusterItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QRectF r = rect();
    const DiagramColors &c = colorsOf(this);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(framePen(c.cardBorder));
    painter->setBrush(c.cardFill);
    painter->drawRoundedRect(r, kLaneRadius, kLaneRadius);
    const qreal iconSize = std::min<qreal>(r.height() - 20, 44);
    paintBundledIcon(painter, m_content.icon, QRectF(12, 10, iconSize, iconSize));

    // Chips right-aligned on the title line; title and description take what is left.
    painter->setFont(diagramFont(11, true));
    const QFontMetricsF chipMetrics(painter->font());
    qreal x = r.right() - 16;
    const qreal chipsLeftLimit = r.width() * 0.45;
    for (auto it = m_content.badges.crbegin(); it != m_content.badges.crend(); ++it) {
        const qreal width = chipMetrics.horizontalAdvance(it->text) + 18;
        if (x - width < chipsLeftLimit)
            break;
        x -= width;
        const QRectF chip(x, 10, width, 24);  // on the title line
        QColor fill = c.line(it->color);
        fill.setAlpha(c.dark ? 40 : 24);
        painter->setPen(QPen(c.dark ? c.line(it->color) : it->color.lighter(140), 1));
        painter->setBrush(fill);
        painter->drawRoundedRect(chip, 12, 12);
        painter->setPen(c.readable(it->color));
        painter->drawText(chip, Qt::AlignCenter, it->text);
        x -= 8;
    }
    const qreal textLeft = 12 + iconSize + 14;
    const qreal textWidth = x - textLeft - 16;
    painter->setFont(diagramFont(18, true));
    painter->setPen(c.textPrimary);
    drawElided(painter, QRectF(textLeft, 7, textWidth, 24), m_content.title);
    painter->setFont(diagramFont(12));
    painter->setPen(c.textMuted);
    drawElided(painter, QRectF(textLeft, 32, textWidth, 18), m_content.lines.value(0));
    if (m_content.lines.size() > 1) {
        // The "what if" line spans the banner below the chips.
        painter->setFont(diagramFont(12, true));
        painter->setPen(c.dark ? c.readable(m_content.accent) : m_content.accent.darker(115));
        drawElided(painter, QRectF(textLeft, 54, r.width() - textLeft - 16, 18), m_content.lines.value(1));
    }

    paintOverlay(painter, option, kLaneRadius);
}

// ---- ZoneLaneItem --------------------------------------------------------------------------

ZoneLaneItem::ZoneLaneItem(const QString &elementId, const QSizeF &size, const QString &title, const QString &subtitle)
    : ElementItem(elementId, size)
    , m_unzoned(elementId.isEmpty())
{
    setTexts(title, subtitle);
}

void ZoneLaneItem::setTexts(const QString &title, const QString &subtitle)
{
    if (title == m_title && subtitle == m_subtitle)
        return;
    m_title = title;
    m_subtitle = subtitle;
    setDescription(subtitle.isEmpty() ? title : title + QLatin1Char('\n') + subtitle);
    update();
}

void ZoneLaneItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QRectF r = rect();
    const DiagramColors &c = colorsOf(this);
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen = framePen(c.containerBorder);
    if (m_unzoned && !isMarked())
        pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(m_unzoned ? c.sceneBackground : c.containerFill);
    painter->drawRoundedRect(r, kLaneRadius, kLaneRadius);

    const qreal textLeft = 46;
    const qreal textWidth = metrics::kLanePadding + metrics::kCardWidth - textLeft;
    paintBundledIcon(painter, QStringLiteral("zone"), QRectF(14, 12, 24, 24));
    painter->setFont(diagramFont(14, true));
    painter->setPen(c.textPrimary);
    drawElided(painter, QRectF(textLeft, 8, textWidth, 20), m_title);
    painter->setFont(diagramFont(11));
    painter->setPen(c.textMuted);
    drawElided(painter, QRectF(textLeft, 27, textWidth, 16), m_subtitle);
    painter->setPen(QPen(c.containerBorder, 1));
    painter->drawLine(QPointF(10, metrics::kLaneHeader - 8), QPointF(r.right() - 10, metrics::kLaneHeader - 8));

    paintOverlay(painter, option, kLaneRadius);
}

void ZoneLaneItem::setResizable(bool resizable)
{
    m_resizable = resizable && !m_unzoned;
    if (!m_resizable)
        setCursor(Qt::ArrowCursor);
}

Qt::Edges ZoneLaneItem::resizeEdgesAt(const QPointF &scenePos) const
{
    if (!m_resizable)
        return {};
    return resizeEdgesOf(rect(), mapFromScene(scenePos));
}

Qt::Edges resizeEdgesOf(const QRectF &r, const QPointF &p)
{
    const bool withinX = p.x() >= r.left() - kLaneResizeHandle && p.x() <= r.right() + kLaneResizeHandle;
    const bool withinY = p.y() >= r.top() - kLaneResizeHandle && p.y() <= r.bottom() + kLaneResizeHandle;
    const auto near = [](qreal a, qreal b) { return std::abs(a - b) <= kLaneResizeHandle; };
    Qt::Edges edges;
    if (withinY && near(p.x(), r.right()))
        edges |= Qt::RightEdge;
    else if (withinY && near(p.x(), r.left()))
        edges |= Qt::LeftEdge;
    if (withinX && near(p.y(), r.bottom()))
        edges |= Qt::BottomEdge;
    else if (withinX && near(p.y(), r.top()))
        edges |= Qt::TopEdge;
    return edges;
}

Qt::CursorShape ZoneLaneItem::cursorFor(Qt::Edges edges)
{
    const bool horizontal = edges & (Qt::LeftEdge | Qt::RightEdge);
    const bool vertical = edges & (Qt::TopEdge | Qt::BottomEdge);
    if (horizontal && vertical) // top-left and bottom-right share a diagonal, the other two the other one
        return bool(edges & Qt::LeftEdge) == bool(edges & Qt::TopEdge) ? Qt::SizeFDiagCursor : Qt::SizeBDiagCursor;
    if (horizontal)
        return Qt::SizeHorCursor;
    if (vertical)
        return Qt::SizeVerCursor;
    return Qt::ArrowCursor;
}

void ZoneLaneItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    setCursor(cursorFor(resizeEdgesAt(event->scenePos()))); // the pointer may come in on a handle
    ElementItem::hoverEnterEvent(event);
}

void ZoneLaneItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    setCursor(cursorFor(resizeEdgesAt(event->scenePos())));
    ElementItem::hoverMoveEvent(event);
}

void ZoneLaneItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    setCursor(Qt::ArrowCursor);
    ElementItem::hoverLeaveEvent(event);
}

// ---- LinkItem ------------------------------------------------------------------------------

namespace {

struct LinkStyle {
    QColor color;
    Qt::PenStyle pen;
    bool arrow;
};

/// The style of a link kind, its colour as it is drawn on `c`'s background.
LinkStyle linkStyle(LinkKind kind, const DiagramColors &c)
{
    auto style = [&]() -> LinkStyle {
        switch (kind) {
        case LinkKind::LoadBalancerTarget: return {accentColor(model::NodeRole::LoadBalancer), Qt::SolidLine, true};
        case LinkKind::LoadBalancerHost: return {QColor(0x98, 0xA2, 0xB3), Qt::DashLine, false};
        case LinkKind::StorageClassBackend: return {accentColor(model::NodeRole::Storage), Qt::SolidLine, true};
        case LinkKind::VolumeClaim: return {QColor(0xA1, 0x88, 0x7F), Qt::SolidLine, true};
        }
        return {c.textMuted, Qt::SolidLine, false};
    }();
    style.color = c.line(style.color);
    return style;
}

QPointF unit(QPointF v)
{
    const qreal length = std::hypot(v.x(), v.y());
    return length > 0 ? v / length : QPointF();
}

/// A polyline whose elbows are rounded.
QPainterPath roundedPath(const QPolygonF &points)
{
    QPainterPath path;
    if (points.size() < 2)
        return path;
    path.moveTo(points.first());
    for (int i = 1; i + 1 < points.size(); ++i) {
        const QPointF in = points[i] - points[i - 1];
        const QPointF out = points[i + 1] - points[i];
        const qreal radius = std::min({kCornerRadius, std::hypot(in.x(), in.y()) / 2, std::hypot(out.x(), out.y()) / 2});
        path.lineTo(points[i] - unit(in) * radius);
        path.quadTo(points[i], points[i] + unit(out) * radius);
    }
    path.lineTo(points.last());
    return path;
}

} // namespace

LinkItem::LinkItem(const LaidOutLink &link)
    : m_kind(link.kind)
    , m_from(link.from)
    , m_to(link.to)
    , m_points(link.points)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
}

void LinkItem::setPoints(const QPolygonF &points)
{
    if (points == m_points)
        return;
    prepareGeometryChange();
    m_points = points;
}

void LinkItem::setSelectable(bool selectable)
{
    setFlag(QGraphicsItem::ItemIsSelectable, selectable);
    setAcceptedMouseButtons(selectable ? Qt::LeftButton : Qt::NoButton);
}

QPainterPath LinkItem::linePath() const
{
    return roundedPath(m_points);
}

QRectF LinkItem::boundingRect() const
{
    return m_points.boundingRect().adjusted(-kArrowSize, -kArrowSize, kArrowSize, kArrowSize);
}

QPainterPath LinkItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(6);
    return stroker.createStroke(linePath());
}

void LinkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_points.size() < 2)
        return;
    const DiagramColors &c = colorsOf(this);
    const LinkStyle style = linkStyle(m_kind, c);
    painter->setRenderHint(QPainter::Antialiasing);
    if (isSelected()) {
        // A halo under the line, in the selection colour of the cards.
        painter->setPen(QPen(c.selection, 6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(linePath());
    }
    QPen pen(style.color, 1.8, style.pen, Qt::RoundCap, Qt::RoundJoin);
    if (style.pen == Qt::DashLine)
        pen.setDashPattern({4, 3});
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);

    const QPointF tip = m_points.last();
    const QPointF direction = unit(tip - m_points[m_points.size() - 2]);
    if (!style.arrow) {
        painter->drawPath(linePath());
        painter->setPen(Qt::NoPen);
        painter->setBrush(style.color);
        painter->drawEllipse(tip, 3, 3);
        return;
    }
    // Stop the line at the arrow's base so the tip stays sharp.
    QPolygonF shortened = m_points;
    shortened.last() = tip - direction * (kArrowSize - 1);
    painter->drawPath(roundedPath(shortened));

    const QPointF normal(-direction.y(), direction.x());
    const QPointF base = tip - direction * kArrowSize;
    painter->setPen(Qt::NoPen);
    painter->setBrush(style.color);
    painter->drawPolygon(QPolygonF{tip, base + normal * (kArrowSize * 0.5), base - normal * (kArrowSize * 0.5)});
}

// ---- BandItem ------------------------------------------------------------------------------

BandItem::BandItem(BandKind kind, const QSizeF &size, const QString &caption)
    : m_kind(kind)
    , m_rect(QPointF(0, 0), size)
    , m_caption(caption)
{
    setAcceptedMouseButtons(Qt::NoButton);
}

void BandItem::setResizable(bool resizable)
{
    m_resizable = resizable;
    setAcceptHoverEvents(resizable);
    if (!resizable)
        setCursor(Qt::ArrowCursor);
}

Qt::Edges BandItem::resizeEdgesAt(const QPointF &scenePos) const
{
    return m_resizable ? resizeEdgesOf(m_rect, mapFromScene(scenePos)) : Qt::Edges();
}

void BandItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    setCursor(ZoneLaneItem::cursorFor(resizeEdgesAt(event->scenePos())));
    QGraphicsItem::hoverEnterEvent(event);
}

void BandItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    setCursor(ZoneLaneItem::cursorFor(resizeEdgesAt(event->scenePos())));
    QGraphicsItem::hoverMoveEvent(event);
}

void BandItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    setCursor(Qt::ArrowCursor);
    QGraphicsItem::hoverLeaveEvent(event);
}

void BandItem::setSize(const QSizeF &size)
{
    if (size == m_rect.size())
        return;
    prepareGeometryChange();
    m_rect.setSize(size);
}

QRectF BandItem::boundingRect() const
{
    // The resize handles reach outside the band: the hover cursor shows on both sides of the edge.
    return m_rect.adjusted(-kLaneResizeHandle, -kLaneResizeHandle, kLaneResizeHandle, kLaneResizeHandle);
}

void BandItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const DiagramColors &c = colorsOf(this);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(c.containerBorder, 1));
    painter->setBrush(c.containerFill);
    painter->drawRoundedRect(m_rect, kLaneRadius, kLaneRadius);
    QFont font = diagramFont(11, true);
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0.8);
    painter->setFont(font);
    painter->setPen(c.textMuted);
    drawElided(painter, QRectF(metrics::kBandPadding, 8, m_rect.width() - 2 * metrics::kBandPadding, 16),
               m_caption.toUpper());
}

} // namespace quorum::ui
