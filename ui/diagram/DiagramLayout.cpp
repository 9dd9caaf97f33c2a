#include "ui/diagram/DiagramLayout.h"

#include "ui/common/DisplayNames.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>

namespace quorum::ui {

using namespace metrics;
using model::ElementKind;
using model::NodeRole;
using model::Topology;

namespace {

/// Rows of a lane, top to bottom: load balancer hosts nearest the load balancers above.
constexpr std::array<NodeRole, 5> kRoleRows = {NodeRole::LoadBalancer, NodeRole::ControlPlane,
                                               NodeRole::Etcd, NodeRole::Worker, NodeRole::Storage};
constexpr qreal kLaneWidth = kLanePadding + kCardWidth + kLaneChannel;
constexpr qreal kEmptyLaneBody = 40;
constexpr qreal kLoadBalancerSpacing = 24;
constexpr qreal kBusMargin = 12;      ///< between the lowest bus line and the lanes
constexpr qreal kChannelInset = 10;   ///< first link channel, from the card's right edge
constexpr qreal kChannelStep = 6;     ///< between parallel link channels in a lane
constexpr int kChannelCount = 4;
// Links into the workloads band turn above the cards, below the band's caption: claims
// (leaving leftwards, under the caption) nearest the cards, load balancer targets above them.
constexpr qreal kClaimLevel = 6;      ///< claim links turn this far above a workload card
constexpr qreal kClaimStep = 5;       ///< between the claims of one workload
constexpr qreal kTargetLevel = 20;    ///< load balancer links turn this far above a workload card
constexpr qreal kGutter = 16;         ///< right of everything, where links to workloads run down
constexpr int kMinWorkloadsPerRow = 3;

/// The height of bus line `level` above the lanes; level 0 is the lowest.
qreal busY(qreal lanesTop, int level)
{
    return lanesTop - kBusMargin - level * kBusSpacing;
}

QString idOf(ElementKind kind, const std::string &name)
{
    return elementIdString({kind, name});
}

std::size_t roleRow(NodeRole role)
{
    return static_cast<std::size_t>(std::find(kRoleRows.begin(), kRoleRows.end(), role) - kRoleRows.begin());
}

/// Drops repeated points and points in the middle of a straight run, so corners can be rounded.
QPolygonF simplified(const QPolygonF &points)
{
    QPolygonF out;
    for (const QPointF &p : points) {
        if (!out.isEmpty() && out.last() == p)
            continue;
        if (out.size() >= 2) {
            const QPointF a = out[out.size() - 2];
            const QPointF b = out.last();
            const bool collinear = (qFuzzyCompare(a.x(), b.x()) && qFuzzyCompare(b.x(), p.x()))
                || (qFuzzyCompare(a.y(), b.y()) && qFuzzyCompare(b.y(), p.y()));
            if (collinear)
                out.removeLast();
        }
        out.append(p);
    }
    return out;
}

struct Lane {
    QString zoneName;
    std::vector<const model::Node *> nodes;
    QRectF rect;
};

class Builder {
public:
    Builder(const Topology &topology, const QMap<QString, QSizeF> &laneSizes, const QMap<QString, QPointF> &laneOutsets)
        : m_topology(topology)
        , m_laneSizes(laneSizes)
        , m_laneOutsets(laneOutsets)
    {
    }

    DiagramLayout build()
    {
        collectLanes();
        // A lane that reaches above the others lifts what is above the lanes (banner, load
        // balancers, bus lines) by as much, so that its top edge stays where it was dragged.
        for (const Lane &lane : m_lanes)
            m_raise = std::max(m_raise, userOutset(lane).y());
        // A storage or workloads band that reaches higher lifts everything above it (the lanes
        // too), so that its top edge stays where it was dragged and its cards where they were.
        if (hasStorageBand())
            m_bottomRaise = bandOutset(BandKind::Storage).y();
        if (!m_topology.workloads.empty())
            m_bottomRaise = std::max(m_bottomRaise, bandOutset(BandKind::Workloads).y());
        m_top -= m_raise + m_bottomRaise;
        const qreal lanesTop = placeLoadBalancerBand();
        placeLanes(lanesTop);
        placeLoadBalancers();
        placeBottomBands();
        linkLoadBalancers(lanesTop);
        linkStorage();
        finish();
        return std::move(m_layout);
    }

private:
    void collectLanes()
    {
        for (const model::Zone &zone : m_topology.zones)
            m_lanes.push_back({QString::fromStdString(zone.name), {}, {}});
        std::vector<const model::Node *> unzoned;
        for (const model::Node &node : m_topology.nodes) {
            const QString zone = QString::fromStdString(node.zone);
            auto lane = std::find_if(m_lanes.begin(), m_lanes.end(),
                                     [&](const Lane &l) { return !zone.isEmpty() && l.zoneName == zone; });
            if (lane == m_lanes.end())
                unzoned.push_back(&node);
            else
                lane->nodes.push_back(&node);
        }
        if (!unzoned.empty())
            m_lanes.push_back({QString(), std::move(unzoned), {}});
    }

    /// The size the user gave the lane (0 in a dimension: automatic).
    QSizeF userSize(const Lane &lane) const { return m_laneSizes.value(laneIdString(lane.zoneName), QSizeF()); }

    /// The size the user gave a band (0 in a dimension: automatic).
    QSizeF bandSize(BandKind kind) const { return m_laneSizes.value(bandIdString(kind), QSizeF()); }

    /// How far the user dragged the lane's left and top edges out (never in past the automatic start).
    QPointF userOutset(const Lane &lane) const { return outsetOf(laneIdString(lane.zoneName)); }

    /// How far the user dragged a band's left and top edges out (never in past the automatic start).
    QPointF bandOutset(BandKind kind) const { return outsetOf(bandIdString(kind)); }

    QPointF outsetOf(const QString &key) const
    {
        const QPointF outset = m_laneOutsets.value(key);
        return {std::max<qreal>(outset.x(), 0), std::max<qreal>(outset.y(), 0)};
    }

    bool hasStorageBand() const { return !m_topology.storageBackends.empty() || !m_topology.storageClasses.empty(); }

    /// Reserves the load balancer band and the bus area below it; returns the lanes' top.
    qreal placeLoadBalancerBand()
    {
        qreal y = m_top;
        if (m_topology.loadBalancers.empty())
            return y;
        m_loadBalancerTop = y + kBandCaption;
        // The band's height includes how far its top edge was dragged out above its caption.
        y = std::max(y + kBandCaption + kLoadBalancerHeight + kBandPadding,
                     y - bandOutset(BandKind::LoadBalancers).y() + bandSize(BandKind::LoadBalancers).height());
        m_loadBalancerBandBottom = y;
        const auto levels = static_cast<qreal>(2 * m_topology.loadBalancers.size());  // targets + hosts each
        return y + 2 * kBusMargin + levels * kBusSpacing;
    }

    /// lanesTop: the top of the highest lane; lanes start their rows m_raise below it.
    void placeLanes(qreal lanesTop)
    {
        const qreal rowsTop = lanesTop + m_raise;
        std::array<int, kRoleRows.size()> rows{};
        for (const Lane &lane : m_lanes) {
            std::array<int, kRoleRows.size()> count{};
            for (const model::Node *node : lane.nodes)
                ++count[roleRow(node->role)];
            for (std::size_t r = 0; r < rows.size(); ++r)
                rows[r] = std::max(rows[r], count[r]);
        }
        std::array<qreal, kRoleRows.size()> rowTop{};
        qreal y = rowsTop + kLaneHeader;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            rowTop[r] = y;
            y += rows[r] * (kNodeHeight + kRowGap);
        }
        const int totalRows = std::accumulate(rows.begin(), rows.end(), 0);
        const qreal laneHeight = totalRows > 0 ? y - kRowGap + kLanePadding - rowsTop
                                               : kLaneHeader + kEmptyLaneBody;

        // A lane that reaches further left pushes the lanes left of it along: the row starts
        // that much further left, so that its left edge stays where it was dragged.
        qreal x = kMargin;
        for (const Lane &lane : m_lanes)
            x -= userOutset(lane).x();
        qreal lanesBottom = lanesTop;
        for (Lane &lane : m_lanes) {
            const QSizeF wanted = userSize(lane);
            const QPointF outset = userOutset(lane);
            const QPointF topLeft(x, rowsTop - outset.y());
            std::vector<QRectF> cards;
            std::array<int, kRoleRows.size()> used{};
            for (const model::Node *node : lane.nodes) {
                const std::size_t r = roleRow(node->role);
                cards.emplace_back(x + outset.x() + kLanePadding, rowTop[r] + used[r]++ * (kNodeHeight + kRowGap),
                                   kCardWidth, kNodeHeight);
            }
            const QSizeF minimum = minimumLaneSize(topLeft, cards);
            const qreal width = std::max(wanted.width() > 0 ? wanted.width() : kLaneWidth + outset.x(), minimum.width());
            const qreal height = wanted.height() > 0 ? std::max(wanted.height(), minimum.height()) : laneHeight + outset.y();
            lane.rect = QRectF(topLeft, QSizeF(width, height));
            m_layout.lanes.push_back({lane.zoneName, lane.rect});
            for (std::size_t k = 0; k < lane.nodes.size(); ++k) {
                const std::string &name = lane.nodes[k]->name;
                m_layout.nodes.push_back({idOf(ElementKind::Node, name), cards[k]});
                m_nodeRects[name] = cards[k];
            }
            m_lanesRight = lane.rect.right();
            lanesBottom = std::max(lanesBottom, lane.rect.bottom());
            x += width + kLaneGap;
        }
        m_bottomTop = (m_lanes.empty() ? lanesTop : lanesBottom + kSectionGap) + m_bottomRaise;
    }

    void placeLoadBalancers()
    {
        const auto &lbs = m_topology.loadBalancers;
        if (lbs.empty())
            return;
        const qreal lanesCenter = m_lanes.empty() ? kMargin + kLoadBalancerWidth / 2
                                                  : (kMargin + m_lanesRight) / 2;
        std::vector<std::pair<qreal, std::size_t>> desired;
        for (std::size_t i = 0; i < lbs.size(); ++i) {
            // Centre each load balancer over what it balances (or else over its hosts).
            auto meanOver = [&](const std::vector<std::string> &names) {
                qreal sum = 0;
                int count = 0;
                for (const std::string &name : names)
                    if (auto it = m_nodeRects.find(name); it != m_nodeRects.end()) {
                        sum += it->second.center().x();
                        ++count;
                    }
                return count > 0 ? std::optional<qreal>(sum / count) : std::nullopt;
            };
            const qreal center = meanOver(lbs[i].targets).value_or(meanOver(lbs[i].hosts).value_or(lanesCenter));
            desired.emplace_back(center, i);
        }
        std::stable_sort(desired.begin(), desired.end());
        m_loadBalancerRects.resize(lbs.size());
        qreal nextFree = kMargin + kBandPadding;
        for (const auto &[center, index] : desired) {
            const qreal x = std::max(center - kLoadBalancerWidth / 2, nextFree);
            m_loadBalancerRects[index] = QRectF(x, m_loadBalancerTop, kLoadBalancerWidth, kLoadBalancerHeight);
            nextFree = x + kLoadBalancerWidth + kLoadBalancerSpacing;
        }
        // Keep the band within the lanes' width when the cards fit: slide them left together.
        const qreal overflow = nextFree - kLoadBalancerSpacing - (m_lanesRight - kBandPadding);
        const qreal slack = m_loadBalancerRects[desired.front().second].left() - (kMargin + kBandPadding);
        if (const qreal shift = std::min(overflow, slack); shift > 0) {
            for (QRectF &rect : m_loadBalancerRects)
                rect.translate(-shift, 0);
            nextFree -= shift;
        }
        for (std::size_t i = 0; i < lbs.size(); ++i)
            m_layout.loadBalancers.push_back({idOf(ElementKind::LoadBalancer, lbs[i].name), m_loadBalancerRects[i]});
        // Dragged out to the left or up, the band reaches past its cards' start on that side.
        const QPointF outset = bandOutset(BandKind::LoadBalancers);
        const QPointF topLeft(kMargin - outset.x(), m_top - outset.y());
        const qreal right = std::max({m_lanesRight, nextFree - kLoadBalancerSpacing + kBandPadding,
                                      topLeft.x() + bandSize(BandKind::LoadBalancers).width()});
        m_layout.bands.push_back({BandKind::LoadBalancers,
                                  QRectF(topLeft, QPointF(right, m_loadBalancerBandBottom))});
        m_loadBalancerBandRight = right;
    }

    void placeBottomBands()
    {
        const qreal contentTop = m_bottomTop + kBandCaption;
        // A band dragged out to the left reaches past its cards' start and pushes the band left
        // of it along: the row starts that much further left, as a row of lanes does.
        const QPointF storageOutset = hasStorageBand() ? bandOutset(BandKind::Storage) : QPointF();
        const QPointF workloadsOutset = m_topology.workloads.empty() ? QPointF() : bandOutset(BandKind::Workloads);
        qreal x = kMargin - storageOutset.x() - workloadsOutset.x();
        qreal storageBottom = 0;  // of its cards and padding; 0: no storage band
        std::size_t storageBand = 0;
        if (hasStorageBand()) {
            const qreal left = x + storageOutset.x() + kBandPadding;
            qreal backendsBottom = contentTop;
            for (std::size_t i = 0; i < m_topology.storageBackends.size(); ++i) {
                const auto &backend = m_topology.storageBackends[i];
                const QRectF rect(left, contentTop + static_cast<qreal>(i) * (kBackendHeight + kRowGap),
                                  kCardWidth, kBackendHeight);
                m_layout.storageBackends.push_back({idOf(ElementKind::StorageBackend, backend.name), rect});
                m_backendRects[backend.name] = rect;
                backendsBottom = rect.bottom();
            }
            const qreal classLeft = m_topology.storageBackends.empty() ? left : left + kCardWidth + kStorageColumnGap;
            qreal classesBottom = contentTop;
            qreal classTop = contentTop;
            for (const model::StorageClass *sc : classesInBackendOrder()) {
                const QRectF rect(classLeft, classTop, kCardWidth, kClassHeight);
                classTop += kClassHeight + kRowGap;
                m_layout.storageClasses.push_back({idOf(ElementKind::StorageClass, sc->name), rect});
                m_classRects[sc->name] = rect;
                classesBottom = rect.bottom();
            }
            const qreal right = std::max((m_topology.storageClasses.empty() ? left + kCardWidth : classLeft + kCardWidth)
                                             + kBandPadding,
                                         x + bandSize(BandKind::Storage).width());
            storageBottom = std::max(backendsBottom, classesBottom) + kBandPadding;
            storageBand = m_layout.bands.size();
            m_layout.bands.push_back({BandKind::Storage, QRectF(QPointF(x, m_bottomTop - storageOutset.y()),
                                                                QPointF(right, storageBottom))});
            m_storageRight = right;
            x = right + kSectionGap;
        }

        const auto &workloads = m_topology.workloads;
        // Side by side bands share one bottom, unless the user gave one its own height (which
        // includes how far its top edge was dragged out).
        const auto setBottom = [&](std::size_t band, qreal shared, qreal content) {
            QRectF &rect = m_layout.bands[band].rect;
            const qreal wanted = bandSize(m_layout.bands[band].kind).height();
            rect.setBottom(wanted > 0 ? std::max(rect.top() + wanted, content) : shared);
        };
        if (workloads.empty()) {
            if (storageBottom > 0)
                setBottom(storageBand, storageBottom, storageBottom);
            return;
        }
        const qreal left = x + workloadsOutset.x() + kBandPadding;
        // As many per row as fit under the lanes and load balancers, but at least a few: the
        // window is wider than tall, so a wide bottom row reads better than a tall one.
        const qreal wantedRight = std::max(m_lanesRight, m_loadBalancerBandRight);
        const auto fit = static_cast<int>(std::floor((wantedRight - left - kBandPadding + kWorkloadGap)
                                                     / (kWorkloadWidth + kWorkloadGap)));
        const int perRow = std::clamp(std::max(fit, kMinWorkloadsPerRow), 1, static_cast<int>(workloads.size()));
        qreal bottom = contentTop;
        for (std::size_t i = 0; i < workloads.size(); ++i) {
            const int row = static_cast<int>(i) / perRow;
            const int column = static_cast<int>(i) % perRow;
            const QRectF rect(left + column * (kWorkloadWidth + kWorkloadGap),
                              contentTop + row * (kWorkloadHeight + kWorkloadGap), kWorkloadWidth, kWorkloadHeight);
            m_layout.workloads.push_back({idOf(ElementKind::Workload, workloads[i].name), rect});
            m_workloadRects[workloads[i].name] = rect;
            bottom = std::max(bottom, rect.bottom());
        }
        const qreal width = std::max(workloadsOutset.x() + 2 * kBandPadding + perRow * kWorkloadWidth
                                         + (perRow - 1) * kWorkloadGap,
                                     bandSize(BandKind::Workloads).width());
        const qreal workloadsBottom = bottom + kBandPadding;
        const qreal shared = std::max(workloadsBottom, storageBottom);
        m_layout.bands.push_back({BandKind::Workloads, QRectF(x, m_bottomTop - workloadsOutset.y(), width, 0)});
        setBottom(m_layout.bands.size() - 1, shared, workloadsBottom);
        if (storageBottom > 0)
            setBottom(storageBand, shared, storageBottom);
    }

    std::vector<const model::StorageClass *> classesInBackendOrder() const
    {
        std::vector<const model::StorageClass *> ordered;
        for (const auto &backend : m_topology.storageBackends)
            for (const auto &sc : m_topology.storageClasses)
                if (sc.backend == backend.name)
                    ordered.push_back(&sc);
        for (const auto &sc : m_topology.storageClasses)
            if (std::find(ordered.begin(), ordered.end(), &sc) == ordered.end())
                ordered.push_back(&sc);
        return ordered;
    }

    void linkLoadBalancers(qreal lanesTop)
    {
        const auto &lbs = m_topology.loadBalancers;
        for (std::size_t k = 0; k < lbs.size(); ++k) {
            const QRectF lb = m_loadBalancerRects[k];
            const QString from = idOf(ElementKind::LoadBalancer, lbs[k].name);
            auto linkToNode = [&](const std::string &name, LinkKind kind, int level, qreal startOffset) {
                const auto node = m_nodeRects.find(name);
                if (node == m_nodeRects.end())
                    return false;
                // The channel right of the lane's column of cards.
                const qreal bus = busY(lanesTop, level);
                const qreal channelX = node->second.right() + kChannelInset + (level % kChannelCount) * kChannelStep;
                const qreal startX = lb.center().x() + startOffset;
                const qreal endY = node->second.center().y() + (kind == LinkKind::LoadBalancerHost ? 10 : 0);
                m_layout.links.push_back({kind, from, idOf(ElementKind::Node, name),
                                          simplified({QPointF(startX, lb.bottom()), QPointF(startX, bus),
                                                      QPointF(channelX, bus), QPointF(channelX, endY),
                                                      QPointF(node->second.right(), endY)})});
                return true;
            };
            const int targetLevel = static_cast<int>(2 * k);
            for (const std::string &target : lbs[k].targets) {
                if (linkToNode(target, LinkKind::LoadBalancerTarget, targetLevel, -12))
                    continue;
                if (auto wl = m_workloadRects.find(target); wl != m_workloadRects.end()) {
                    // Along the bus, down the gutter right of everything, then into the workload from above.
                    const QRectF w = wl->second;
                    const qreal bus = busY(lanesTop, targetLevel);
                    const qreal gutterX = rightEdge() + kGutter + static_cast<qreal>(k % kChannelCount) * kChannelStep;
                    const qreal turnY = w.top() - kTargetLevel - static_cast<qreal>(k % 3) * 3;
                    const qreal entryX = w.right() - 36 - static_cast<qreal>(k % 4) * 10;
                    const qreal startX = lb.center().x() - 12;
                    m_layout.links.push_back({LinkKind::LoadBalancerTarget, from, idOf(ElementKind::Workload, target),
                                              simplified({QPointF(startX, lb.bottom()), QPointF(startX, bus),
                                                          QPointF(gutterX, bus), QPointF(gutterX, turnY),
                                                          QPointF(entryX, turnY), QPointF(entryX, w.top())})});
                }
            }
            for (const std::string &host : lbs[k].hosts)
                linkToNode(host, LinkKind::LoadBalancerHost, targetLevel + 1, 12);
        }
    }

    void linkStorage()
    {
        for (const auto &sc : m_topology.storageClasses) {
            const auto backend = m_backendRects.find(sc.backend);
            if (backend == m_backendRects.end())
                continue;
            const QRectF c = m_classRects[sc.name];
            const QRectF b = backend->second;
            const qreal midX = b.right() + kStorageColumnGap / 2;
            m_layout.links.push_back({LinkKind::StorageClassBackend, idOf(ElementKind::StorageClass, sc.name),
                                      idOf(ElementKind::StorageBackend, sc.backend),
                                      simplified({QPointF(c.left(), c.center().y()), QPointF(midX, c.center().y()),
                                                  QPointF(midX, b.center().y()), QPointF(b.right(), b.center().y())})});
        }

        const model::StorageClass *defaultClass = m_topology.defaultStorageClass();
        for (const auto &workload : m_topology.workloads) {
            const QRectF w = m_workloadRects[workload.name];
            const auto &claims = workload.volumeClaims;
            for (std::size_t j = 0; j < claims.size(); ++j) {
                const std::string className = claims[j].storageClass.empty() && defaultClass
                    ? defaultClass->name : claims[j].storageClass;
                const auto sc = m_classRects.find(className);
                if (sc == m_classRects.end())
                    continue;
                const qreal spread = (static_cast<qreal>(j) - static_cast<qreal>(claims.size() - 1) / 2) * 12;
                const qreal startX = w.center().x() + spread;
                const qreal turnY = w.top() - kClaimLevel - static_cast<qreal>(j % 3) * kClaimStep;
                const qreal gapX = m_storageRight + kSectionGap / 2;
                m_layout.links.push_back({LinkKind::VolumeClaim, idOf(ElementKind::Workload, workload.name),
                                          idOf(ElementKind::StorageClass, className),
                                          simplified({QPointF(startX, w.top()), QPointF(startX, turnY),
                                                      QPointF(gapX, turnY), QPointF(gapX, sc->second.center().y()),
                                                      QPointF(sc->second.right(), sc->second.center().y())})});
            }
        }
    }

    /// The right edge of the lanes and bands placed so far.
    qreal rightEdge() const
    {
        qreal right = m_lanesRight;
        for (const auto &band : m_layout.bands)
            right = std::max(right, band.rect.right());
        return right;
    }

    void finish()
    {
        // A load-balancer band reaching higher lifts the banner above it.
        const qreal bannerRaise = m_topology.loadBalancers.empty() ? 0 : bandOutset(BandKind::LoadBalancers).y();
        QRectF content;
        auto unite = [&](const QRectF &r) { content = content.isNull() ? r : content.united(r); };
        for (const auto &band : m_layout.bands)
            unite(band.rect);
        for (const auto &lane : m_layout.lanes)
            unite(lane.rect);
        for (const auto &link : m_layout.links)
            unite(link.points.boundingRect());
        const qreal right = std::max(content.isNull() ? 0 : content.right(), kMargin + 2 * kCardWidth);
        m_layout.cluster = {idOf(ElementKind::Cluster, {}), QRectF(kMargin, kMargin - m_raise - m_bottomRaise - bannerRaise, right - kMargin, kBannerHeight)};
        unite(m_layout.cluster.rect);
        m_layout.bounds = content.adjusted(-kMargin, -kMargin, kMargin, kMargin);
    }

    const Topology &m_topology;
    const QMap<QString, QSizeF> &m_laneSizes;
    const QMap<QString, QPointF> &m_laneOutsets;
    DiagramLayout m_layout;
    std::vector<Lane> m_lanes;
    std::map<std::string, QRectF> m_nodeRects;
    std::vector<QRectF> m_loadBalancerRects;
    std::map<std::string, QRectF> m_backendRects;
    std::map<std::string, QRectF> m_classRects;
    std::map<std::string, QRectF> m_workloadRects;
    /// How far the highest lane reaches above the others' top (what is above the lanes moves up).
    qreal m_raise = 0;
    /// How far the storage or workloads band reaching highest reaches above its cards' caption
    /// (everything above the bottom bands moves up).
    qreal m_bottomRaise = 0;
    qreal m_top = kMargin + kBannerHeight + kSectionGap * 0.75;
    qreal m_lanesRight = kMargin;
    qreal m_loadBalancerBandRight = kMargin;
    qreal m_loadBalancerTop = kMargin;
    qreal m_loadBalancerBandBottom = kMargin;
    qreal m_bottomTop = kMargin;
    qreal m_storageRight = kMargin;
};

} // namespace

ContainerFrame laneFrame()
{
    return {QMarginsF(kLanePadding, kLaneHeader, kLaneChannel, kLanePadding), QSizeF(kLaneWidth, kLaneHeader + kEmptyLaneBody)};
}

ContainerFrame bandFrame()
{
    return {QMarginsF(kBandPadding, kBandCaption, kBandPadding, kBandPadding),
            QSizeF(kCardWidth + 2 * kBandPadding, kBandCaption + kBandPadding)};
}

QSizeF minimumSizeAround(const ContainerFrame &frame, const QPointF &topLeft, const std::vector<QRectF> &cards)
{
    qreal right = topLeft.x() + frame.empty.width();
    qreal bottom = topLeft.y() + frame.empty.height();
    for (const QRectF &card : cards) {
        right = std::max(right, card.right() + frame.margins.right());
        bottom = std::max(bottom, card.bottom() + frame.margins.bottom());
    }
    return {right - topLeft.x(), bottom - topLeft.y()};
}

QPointF maximumTopLeftAround(const ContainerFrame &frame, const QPointF &bottomRight, const std::vector<QRectF> &cards)
{
    qreal left = bottomRight.x() - frame.empty.width();
    qreal top = bottomRight.y() - frame.empty.height();
    for (const QRectF &card : cards) {
        left = std::min(left, card.left() - frame.margins.left());
        top = std::min(top, card.top() - frame.margins.top());
    }
    return {left, top};
}

QString laneIdString(const QString &zoneName)
{
    return zoneName.isEmpty() ? QStringLiteral("lane/unzoned") : idOf(ElementKind::Zone, zoneName.toStdString());
}

QString bandIdString(BandKind kind)
{
    switch (kind) {
    case BandKind::LoadBalancers: return QStringLiteral("band/loadbalancers");
    case BandKind::Storage: return QStringLiteral("band/storage");
    case BandKind::Workloads: return QStringLiteral("band/workloads");
    }
    return {};
}

DiagramLayout layoutTopology(const Topology &topology, const QMap<QString, QSizeF> &laneSizes,
                             const QMap<QString, QPointF> &laneOutsets)
{
    return Builder(topology, laneSizes, laneOutsets).build();
}

} // namespace quorum::ui
