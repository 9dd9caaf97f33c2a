// GUI tests of resizing zone lanes by hand, driving the real main window: the lane layout with
// sizes (wider lanes push the next ones right, never smaller than the cards), a drag of a lane's
// right and bottom edges with the mouse on the view (resize cursor, grid, one undo step), the
// stop at the cards, the size kept in a saved project, and Auto Layout forgetting it.

#include "resources/QuorumResources.h"
#include "tests/ui/DesignerTest.h"
#include "tests/ui/DesignerWindow.h"
#include "ui/designer/DesignerController.h"
#include "ui/designer/Inspector.h"
#include "ui/diagram/DiagramItems.h"
#include "ui/diagram/DiagramLayout.h"
#include "ui/diagram/DiagramScene.h"
#include "ui/diagram/DiagramView.h"
#include "ui/diagram/PlacedLayout.h"
#include "ui/document/Autosave.h"
#include "ui/document/DesignDocument.h"
#include "ui/mainwindow/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace quorum;
using namespace quorum::ui;

namespace {

const QString kZoneA = QStringLiteral("zone/zone-a");
const QString kZoneB = QStringLiteral("zone/zone-b");
const QString kZoneC = QStringLiteral("zone/zone-c");
const QStringList kZoneBNodes = {QStringLiteral("node/lb-2"), QStringLiteral("node/cp-2"), QStringLiteral("node/worker-2")};
const QStringList kZoneANodes = {QStringLiteral("node/lb-1"), QStringLiteral("node/cp-1"), QStringLiteral("node/worker-1")};

const LaidOutLane &laneOf(const DiagramLayout &layout, const QString &zone)
{
    for (const LaidOutLane &lane : layout.lanes)
        if (lane.zoneName == zone)
            return lane;
    qFatal("no lane %s", qPrintable(zone));
}

qreal onGrid(qreal v)
{
    return std::round(v / kGridSize) * kGridSize;
}

} // namespace

class TestZones : public test::DesignerTest {
    Q_OBJECT

public:
    TestZones() : DesignerTest(QStringLiteral("tst_zones")) {}

private slots:

    void layoutTakesLaneSizes();
    void draggingTheRightEdgeWidensTheLaneOnTheGrid();
    void draggingTheLeftEdgeGrowsTheLaneLeftwards();
    void draggingTheTopEdgeLiftsWhatIsAbove();
    void cornersResizeBothWays_data();
    void cornersResizeBothWays();
    void draggingABandsEdgesResizesIt();
    void bandSizesAreKeptInTheProject();
    void shrinkingStopsAtTheCards();
    void sizeIsKeptInTheProject();
    void autoLayoutForgetsSizes();
    void inspectorEditsKeepSizes();

private:
    ZoneLaneItem *lane(const QString &id) const { return qgraphicsitem_cast<ZoneLaneItem *>(scene()->elementItem(id)); }
    QRectF laneRect(const QString &id) const { return sceneRect(lane(id), id); }
    QRectF cardRect(const QString &id) const { return sceneRect(scene()->elementItem(id), id); }
    static QRectF sceneRect(const ElementItem *item, const QString &id)
    {
        if (!item)
            qFatal("no item %s", qPrintable(id));
        return item->mapRectToScene(item->rect());
    }
    QPoint viewportPoint(const QPointF &scenePos) const { return view()->mapFromScene(scenePos); }
    BandItem *band(BandKind kind) const
    {
        for (BandItem *item : scene()->bandItems())
            if (item->kind() == kind)
                return item;
        qFatal("no band %d", static_cast<int>(kind));
    }
    QRectF bandRect(BandKind kind) const { return band(kind)->mapRectToScene(band(kind)->rect()); }
    /// Drags with the left button on the view from one scene point to another.
    void drag(const QPointF &from, const QPointF &to);
};

void TestZones::drag(const QPointF &from, const QPointF &to)
{
    test::dragOnView(view(), from, to);
}

void TestZones::layoutTakesLaneSizes()
{
    const model::Topology &topology = document()->topology();
    const DiagramLayout automatic = layoutTopology(topology);
    const QRectF a = laneOf(automatic, "zone-a").rect;
    const QRectF b = laneOf(automatic, "zone-b").rect;

    // A missing size, or 0 in a dimension, is the automatic size.
    QCOMPARE(laneOf(layoutTopology(topology, {{kZoneA, QSizeF(0, 0)}}), "zone-a").rect, a);

    // Wider: the lanes to the right move along, their cards with them.
    const DiagramLayout wider = layoutTopology(topology, {{kZoneA, QSizeF(a.width() + 100, 0)}});
    QCOMPARE(laneOf(wider, "zone-a").rect, QRectF(a.topLeft(), QSizeF(a.width() + 100, a.height())));
    QCOMPARE(laneOf(wider, "zone-b").rect, b.translated(100, 0));

    // Taller than the others: the bands below clear it.
    const DiagramLayout taller = layoutTopology(topology, {{kZoneA, QSizeF(0, a.height() + 200)}});
    QCOMPARE(laneOf(taller, "zone-a").rect.height(), a.height() + 200);
    QCOMPARE(laneOf(taller, "zone-b").rect, b);
    for (const LaidOutBand &band : taller.bands)
        if (band.kind != BandKind::LoadBalancers)
            QVERIFY(band.rect.top() > laneOf(taller, "zone-a").rect.bottom());

    // Smaller than its cards: the lane still holds them.
    const DiagramLayout tiny = layoutTopology(topology, {{kZoneA, QSizeF(10, 10)}});
    const QRectF small = laneOf(tiny, "zone-a").rect;
    QCOMPARE(small.width(), a.width());
    for (const LaidOutElement &node : tiny.nodes)
        if (kZoneANodes.contains(node.id))
            QVERIFY2(small.contains(node.rect), qPrintable(node.id));
    QVERIFY(small.height() < a.height() + 1);
}

void TestZones::draggingTheRightEdgeWidensTheLaneOnTheGrid()
{
    const QRectF before = laneRect(kZoneA);
    const QRectF nextBefore = laneRect(kZoneB);
    const int steps = document()->undoStack()->count();

    // Hovering the handle shows the resize cursor; inside the lane it is the ordinary one.
    const QPointF handle(before.right() - 1, before.center().y());
    QTest::mouseMove(view()->viewport(), viewportPoint(handle));
    QCOMPARE(lane(kZoneA)->cursor().shape(), Qt::SizeHorCursor);
    QTest::mouseMove(view()->viewport(), viewportPoint(QPointF(before.left() + 8, before.top() + 20)));
    QCOMPARE(lane(kZoneA)->cursor().shape(), Qt::ArrowCursor);
    QTest::mouseMove(view()->viewport(), viewportPoint(QPointF(before.center().x(), before.bottom() - 1)));
    QCOMPARE(lane(kZoneA)->cursor().shape(), Qt::SizeVerCursor);

    const QPointF target(before.right() + 101, before.center().y() + 30);
    drag(handle, target);

    // The right edge on the grid line nearest where the mouse let go; the height stays.
    const qreal expectedRight = onGrid(view()->mapToScene(viewportPoint(target)).x());
    const QRectF after = laneRect(kZoneA);
    QCOMPARE(after.left(), before.left());
    QCOMPARE(after.right(), expectedRight);
    QCOMPARE(after.height(), before.height());
    QCOMPARE(std::fmod(after.right(), kGridSize), 0.0);
    QCOMPARE(document()->sizes().value(kZoneA), QSizeF(after.width(), 0));
    // The next lane made room.
    QCOMPARE(laneRect(kZoneB), nextBefore.translated(after.width() - before.width(), 0));

    // One undo step, named after the zone; undo and redo.
    QCOMPARE(document()->undoStack()->count(), steps + 1);
    QCOMPARE(document()->undoStack()->undoText(), QStringLiteral("Resize zone-a"));
    document()->undoStack()->undo();
    QCOMPARE(laneRect(kZoneA), before);
    QCOMPARE(laneRect(kZoneB), nextBefore);
    QVERIFY(document()->sizes().isEmpty());
    document()->undoStack()->redo();
    QCOMPARE(laneRect(kZoneA), after);

    // The corner drags both edges; the stored width stays when only the bottom is dragged.
    drag(QPointF(after.right() - 1, after.bottom() - 1), QPointF(after.right() + 40, after.bottom() + 60));
    const QRectF corner = laneRect(kZoneA);
    QVERIFY(corner.width() > after.width());
    QVERIFY(corner.height() > after.height());
    QCOMPARE(std::fmod(corner.right(), kGridSize), 0.0);
    QCOMPARE(std::fmod(corner.bottom(), kGridSize), 0.0);
    drag(QPointF(corner.center().x(), corner.bottom() - 1), QPointF(corner.center().x(), corner.bottom() + 16));
    QCOMPARE(laneRect(kZoneA).width(), corner.width());
    QCOMPARE(laneRect(kZoneA).height(), corner.height() + 16);
    QCOMPARE(document()->undoStack()->count(), steps + 3);
}

// The left edge dragged out: the lane reaches further left and its cards stay where they were;
// the lanes left of it move along, those right of it stay. Dragged back in, it stops at where
// the automatic layout starts the lane.
void TestZones::draggingTheLeftEdgeGrowsTheLaneLeftwards()
{
    const QRectF before = laneRect(kZoneB);
    const QRectF leftBefore = laneRect(kZoneA);
    const QRectF rightBefore = laneRect(kZoneC);
    const QRectF cardBefore = cardRect(QStringLiteral("node/cp-2"));
    const QRectF leftCardBefore = cardRect(QStringLiteral("node/cp-1"));
    const int steps = document()->undoStack()->count();

    // The handle reaches 6 units either side of the edge (the corners' test hovers it).
    const QPointF handle(before.left() + 1, before.center().y());
    QCOMPARE(lane(kZoneB)->resizeEdgesAt(handle), Qt::Edges(Qt::LeftEdge));
    QCOMPARE(lane(kZoneB)->resizeEdgesAt(handle - QPointF(kLaneResizeHandle, 0)), Qt::Edges(Qt::LeftEdge));
    QCOMPARE(ZoneLaneItem::cursorFor(Qt::LeftEdge), Qt::SizeHorCursor);

    const QPointF target(before.left() - 99, before.center().y() + 20);
    drag(handle, target);
    const qreal expectedLeft = onGrid(view()->mapToScene(viewportPoint(target)).x());
    const QRectF after = laneRect(kZoneB);
    QCOMPARE(after.left(), expectedLeft);
    QCOMPARE(std::fmod(after.left(), kGridSize), 0.0);
    QCOMPARE(after.right(), before.right());
    QCOMPARE(after.top(), before.top());
    QCOMPARE(after.height(), before.height());
    QCOMPARE(cardRect(QStringLiteral("node/cp-2")), cardBefore);
    const qreal grown = before.left() - after.left();
    QCOMPARE(laneRect(kZoneA), leftBefore.translated(-grown, 0));
    QCOMPARE(cardRect(QStringLiteral("node/cp-1")), leftCardBefore.translated(-grown, 0));
    QCOMPARE(laneRect(kZoneC), rightBefore);
    QCOMPARE(document()->sizes().value(kZoneB), QSizeF(after.width(), 0));
    QCOMPARE(document()->outsets().value(kZoneB), QPointF(grown, 0));
    if (const QString dir = qEnvironmentVariable("QUORUM_TEST_SHOTS"); !dir.isEmpty())
        view()->grab().save(dir + QStringLiteral("/zones-%1.png").arg(QString::fromLatin1(QTest::currentTestFunction())));

    // One undo step; undo and redo.
    QCOMPARE(document()->undoStack()->count(), steps + 1);
    QCOMPARE(document()->undoStack()->undoText(), QStringLiteral("Resize zone-b"));
    document()->undoStack()->undo();
    QCOMPARE(laneRect(kZoneB), before);
    QCOMPARE(laneRect(kZoneA), leftBefore);
    QVERIFY(document()->outsets().isEmpty());
    document()->undoStack()->redo();
    QCOMPARE(laneRect(kZoneB), after);

    // Dragged in past the cards: it stops at the grid line at (or just left of) the lane's
    // automatic start, the cards still inside with their padding.
    drag(QPointF(after.left() + 1, after.center().y()), QPointF(after.right() - 20, after.center().y()));
    const QRectF in = laneRect(kZoneB);
    QCOMPARE(std::fmod(in.left(), kGridSize), 0.0);
    QVERIFY(in.left() <= before.left());
    QVERIFY(in.left() > before.left() - kGridSize);
    QCOMPARE(in.right(), before.right());
    for (const QString &node : kZoneBNodes)
        QVERIFY2(in.adjusted(metrics::kLanePadding - 1e-9, 0, 0, 0).contains(cardRect(node)), qPrintable(node));
    QCOMPARE(document()->undoStack()->count(), steps + 2);
}

// The top edge dragged up: the lane reaches higher, its cards stay, and the banner, the load
// balancers and the bus lines above the lanes move up by as much; the other lanes stay.
void TestZones::draggingTheTopEdgeLiftsWhatIsAbove()
{
    const QRectF before = laneRect(kZoneA);
    const QRectF otherBefore = laneRect(kZoneB);
    const QRectF banner = cardRect(QStringLiteral("cluster"));
    const QRectF balancer = cardRect(QStringLiteral("loadbalancer/api-lb"));
    const QRectF cardBefore = cardRect(QStringLiteral("node/lb-1"));

    const QPointF handle(before.center().x(), before.top() + 1);
    QTest::mouseMove(view()->viewport(), viewportPoint(handle));
    QCOMPARE(lane(kZoneA)->cursor().shape(), Qt::SizeVerCursor);
    const QPointF target(before.center().x() + 30, before.top() - 61);
    drag(handle, target);
    const QRectF after = laneRect(kZoneA);
    QCOMPARE(after.top(), onGrid(view()->mapToScene(viewportPoint(target)).y()));
    QCOMPARE(after.bottom(), before.bottom());
    QCOMPARE(after.left(), before.left());
    QCOMPARE(after.width(), before.width());
    const qreal raised = before.top() - after.top();
    QVERIFY(raised > 40);
    QCOMPARE(cardRect(QStringLiteral("node/lb-1")), cardBefore);
    QCOMPARE(laneRect(kZoneB), otherBefore);
    QCOMPARE(cardRect(QStringLiteral("cluster")), banner.translated(0, -raised));
    QCOMPARE(cardRect(QStringLiteral("loadbalancer/api-lb")), balancer.translated(0, -raised));
    QCOMPARE(document()->outsets().value(kZoneA), QPointF(0, raised));
    QCOMPARE(document()->undoStack()->undoText(), QStringLiteral("Resize zone-a"));
    // QUORUM_TEST_SHOTS=DIR: a picture of the diagram after the drag.
    if (const QString dir = qEnvironmentVariable("QUORUM_TEST_SHOTS"); !dir.isEmpty())
        view()->grab().save(dir + QStringLiteral("/zones-%1.png").arg(QString::fromLatin1(QTest::currentTestFunction())));

    // Dragged down past the first card: it stops at the grid line at (or just above) the
    // lane's automatic start.
    drag(QPointF(after.center().x(), after.top() + 1), QPointF(after.center().x(), after.bottom() - 10));
    const QRectF in = laneRect(kZoneA);
    QVERIFY(in.top() <= before.top());
    QVERIFY(in.top() > before.top() - kGridSize);
    QCOMPARE(std::fmod(in.top(), kGridSize), 0.0);
    QVERIFY(in.top() + metrics::kLaneHeader <= cardRect(QStringLiteral("node/lb-1")).top() + 1e-9);
    document()->undoStack()->undo();
    document()->undoStack()->undo();
    QCOMPARE(laneRect(kZoneA), before);
    QCOMPARE(cardRect(QStringLiteral("cluster")), banner);
}

void TestZones::cornersResizeBothWays_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<int>("corner");  // Qt::Edges
    QTest::addColumn<int>("cursor");  // Qt::CursorShape
    QTest::newRow("top-left") << kZoneC << int(Qt::TopEdge | Qt::LeftEdge) << int(Qt::SizeFDiagCursor);
    QTest::newRow("top-right") << kZoneA << int(Qt::TopEdge | Qt::RightEdge) << int(Qt::SizeBDiagCursor);
    QTest::newRow("bottom-left") << kZoneB << int(Qt::BottomEdge | Qt::LeftEdge) << int(Qt::SizeBDiagCursor);
    QTest::newRow("bottom-right") << kZoneA << int(Qt::BottomEdge | Qt::RightEdge) << int(Qt::SizeFDiagCursor);
}

// A corner drags its two edges at once, each onto the grid; the opposite edges stay.
void TestZones::cornersResizeBothWays()
{
    QFETCH(QString, zone);
    QFETCH(int, corner);
    QFETCH(int, cursor);
    const Qt::Edges edges(corner);
    const QRectF before = laneRect(zone);
    const int steps = document()->undoStack()->count();
    const QPointF inset(edges & Qt::LeftEdge ? 1 : -1, edges & Qt::TopEdge ? 1 : -1);
    const QPointF handle(edges & Qt::LeftEdge ? before.left() : before.right(), edges & Qt::TopEdge ? before.top() : before.bottom());
    QTest::mouseMove(view()->viewport(), viewportPoint(handle + inset));
    QCOMPARE(int(lane(zone)->cursor().shape()), cursor);

    const QPointF outwards(edges & Qt::LeftEdge ? -53 : 53, edges & Qt::TopEdge ? -45 : 45);
    drag(handle + inset, handle + outwards);
    const QPointF target = view()->mapToScene(viewportPoint(handle + outwards));
    const QRectF after = laneRect(zone);
    if (edges & Qt::LeftEdge) {
        QCOMPARE(after.left(), onGrid(target.x()));
        QCOMPARE(after.right(), before.right());
    } else {
        QCOMPARE(after.right(), onGrid(target.x()));
        QCOMPARE(after.left(), before.left());
    }
    if (edges & Qt::TopEdge) {
        QCOMPARE(after.top(), onGrid(target.y()));
        QCOMPARE(after.bottom(), before.bottom());
    } else {
        QCOMPARE(after.bottom(), onGrid(target.y()));
        QCOMPARE(after.top(), before.top());
    }
    QVERIFY(after.width() > before.width() && after.height() > before.height());
    QCOMPARE(document()->undoStack()->count(), steps + 1);
    QCOMPARE(document()->undoStack()->undoText(), QStringLiteral("Resize %1").arg(zone.mid(5)));
    document()->undoStack()->undo();
    QCOMPARE(laneRect(zone), before);
}

// A band's right and bottom edges: on the grid, one undo step, what is right of or below it moves
// along, never smaller than its cards.
void TestZones::draggingABandsEdgesResizesIt()
{
    const QRectF storage = bandRect(BandKind::Storage);
    const QRectF workloads = bandRect(BandKind::Workloads);
    const QRectF balancers = bandRect(BandKind::LoadBalancers);
    const QRectF laneBefore = laneRect(kZoneA);
    const int steps = document()->undoStack()->count();

    // The storage band's right edge: wider, the workloads band beside it moves right.
    const QPointF handle(storage.right() - 1, storage.center().y());
    QTest::mouseMove(view()->viewport(), viewportPoint(handle - QPointF(20, 0)));
    QTest::mouseMove(view()->viewport(), viewportPoint(handle));
    QCOMPARE(band(BandKind::Storage)->cursor().shape(), Qt::SizeHorCursor);
    const QPointF target(storage.right() + 101, storage.center().y() + 7);
    drag(handle, target);
    const QRectF wider = bandRect(BandKind::Storage);
    QCOMPARE(wider.right(), onGrid(view()->mapToScene(viewportPoint(target)).x()));
    QCOMPARE(wider.topLeft(), storage.topLeft());
    QCOMPARE(wider.height(), storage.height());
    QCOMPARE(bandRect(BandKind::Workloads), workloads.translated(wider.width() - storage.width(), 0));
    QCOMPARE(document()->sizes().value(bandIdString(BandKind::Storage)), QSizeF(wider.width(), 0));
    QCOMPARE(document()->undoStack()->count(), steps + 1);
    QCOMPARE(document()->undoStack()->undoText(), QStringLiteral("Resize Storage"));
    document()->undoStack()->undo();
    QCOMPARE(bandRect(BandKind::Storage), storage);
    QCOMPARE(bandRect(BandKind::Workloads), workloads);
    document()->undoStack()->redo();
    QCOMPARE(bandRect(BandKind::Storage), wider);

    // The workloads band's bottom edge: taller, the storage band beside it keeps its height.
    const QRectF moved = bandRect(BandKind::Workloads);
    drag(QPointF(moved.center().x(), moved.bottom() - 1), QPointF(moved.center().x(), moved.bottom() + 90));
    const QRectF taller = bandRect(BandKind::Workloads);
    QCOMPARE(std::fmod(taller.bottom(), kGridSize), 0.0);
    QVERIFY(taller.height() > moved.height() + 80);
    QCOMPARE(bandRect(BandKind::Storage).height(), storage.height());

    // Shrunk past its cards: it stops at the first grid line that holds them.
    drag(QPointF(taller.right() - 1, taller.bottom() - 1), QPointF(taller.left() + 10, taller.top() + 10));
    const QRectF shrunk = bandRect(BandKind::Workloads);
    for (const QString &id : {QStringLiteral("workload/web"), QStringLiteral("workload/postgres")})
        QVERIFY2(shrunk.contains(cardRect(id)), qPrintable(id));
    qreal right = 0;
    qreal bottom = 0;
    for (const QString &id : {QStringLiteral("workload/web"), QStringLiteral("workload/postgres")}) {
        right = std::max(right, cardRect(id).right());
        bottom = std::max(bottom, cardRect(id).bottom());
    }
    QCOMPARE(shrunk.bottom(), std::ceil((bottom + metrics::kBandPadding) / kGridSize) * kGridSize);
    QVERIFY(shrunk.right() >= right + metrics::kBandPadding);
    QCOMPARE(document()->undoStack()->count(), steps + 3);

    // The load balancers' band made taller moves the lanes (and what is below) down.
    drag(QPointF(balancers.left() + 40, balancers.bottom() - 1), QPointF(balancers.left() + 40, balancers.bottom() + 63));
    const qreal grown = bandRect(BandKind::LoadBalancers).height() - balancers.height();
    QVERIFY(grown > 50);
    QCOMPARE(std::fmod(bandRect(BandKind::LoadBalancers).bottom(), kGridSize), 0.0);
    QCOMPARE(laneRect(kZoneA), laneBefore.translated(0, grown));
}

void TestZones::bandSizesAreKeptInTheProject()
{
    const QRectF before = bandRect(BandKind::Workloads);
    QVERIFY(designer()->resizeBand(BandKind::Workloads, Qt::RightEdge | Qt::BottomEdge,
                                   QSizeF(before.width() + 160, before.height() + 80)));
    QVERIFY(!designer()->resizeBand(BandKind::Workloads, Qt::RightEdge | Qt::BottomEdge,
                                    QSizeF(before.width() + 160, before.height() + 80)));
    const QRectF resized = bandRect(BandKind::Workloads);
    QCOMPARE(resized.size(), QSizeF(before.width() + 160, before.height() + 80));

    const QString path = m_dir.filePath(QStringLiteral("bands.quorum"));
    QVERIFY2(m_window->saveAs(path), qPrintable(m_window->lastError()));
    QVERIFY(m_window->newDesign());
    QVERIFY2(m_window->openFile(path), qPrintable(m_window->lastError()));
    QCOMPARE(document()->sizes(), (Sizes{{bandIdString(BandKind::Workloads), resized.size()}}));
    QCOMPARE(bandRect(BandKind::Workloads), resized);
    QVERIFY(!document()->isModified());

    // Auto Layout forgets band sizes with the others.
    designer()->autoLayoutAction()->trigger();
    QCOMPARE(bandRect(BandKind::Workloads), before);
}

void TestZones::shrinkingStopsAtTheCards()
{
    const QRectF automatic = laneRect(kZoneA);
    QVERIFY(designer()->resizeZone(kZoneA, Qt::RightEdge | Qt::BottomEdge,
                                   automatic.size() + QSizeF(kGridSize * 20, kGridSize * 30)));
    const QRectF before = laneRect(kZoneA);
    QVERIFY(before.height() > automatic.height());
    // Up past every card and left past the lane itself.
    drag(QPointF(before.right() - 1, before.bottom() - 1), QPointF(before.left() + 20, before.top() + 20));
    const QRectF after = laneRect(kZoneA);
    for (const QString &node : kZoneANodes)
        QVERIFY2(after.contains(cardRect(node)), qPrintable(node));
    // At the first grid line below the lowest card's padding.
    qreal lowest = 0;
    for (const QString &node : kZoneANodes)
        lowest = std::max(lowest, cardRect(node).bottom());
    QCOMPARE(after.bottom(), std::ceil((lowest + metrics::kLanePadding) / kGridSize) * kGridSize);
    QVERIFY(after.height() < automatic.height() + kGridSize);
    QVERIFY(after.width() >= automatic.width());
    QVERIFY(after.width() < automatic.width() + kGridSize);
    QCOMPARE(document()->undoStack()->undoText(), QStringLiteral("Resize zone-a"));
    QCOMPARE(scene()->laneRectForDrag(kZoneA, Qt::BottomEdge, before.topLeft()).size(), after.size());

    // A card the user moved below the lane holds it open too.
    designer()->moveElements({{QStringLiteral("node/worker-1"), snapToGrid(before.bottomLeft() + QPointF(14, 100))}});
    const QRectF grown = laneRect(kZoneA);
    QVERIFY(grown.contains(cardRect(QStringLiteral("node/worker-1"))));
    QVERIFY(scene()->minimumLaneSize(kZoneA).height() > after.height());
    QCOMPARE(scene()->laneRectForDrag(kZoneA, Qt::BottomEdge, grown.topLeft()).height(),
             std::ceil((grown.top() + scene()->minimumLaneSize(kZoneA).height()) / kGridSize) * kGridSize - grown.top());
}

void TestZones::sizeIsKeptInTheProject()
{
    const QRectF before = laneRect(kZoneB);
    QVERIFY(designer()->resizeZone(kZoneB, Qt::RightEdge | Qt::BottomEdge, QSizeF(before.width() + 64, before.height() + 96)));
    const QRectF resized = laneRect(kZoneB);
    QCOMPARE(resized.size(), QSizeF(before.width() + 64, before.height() + 96));

    const QString path = m_dir.filePath(QStringLiteral("zones.quorum"));
    QVERIFY2(m_window->saveAs(path), qPrintable(m_window->lastError()));
    QVERIFY(m_window->newDesign());
    QVERIFY(document()->sizes().isEmpty());
    QVERIFY2(m_window->openFile(path), qPrintable(m_window->lastError()));
    QCOMPARE(document()->sizes(), (Sizes{{kZoneB, resized.size()}}));
    QCOMPARE(laneRect(kZoneB), resized);
    QVERIFY(!document()->isModified());
}

void TestZones::autoLayoutForgetsSizes()
{
    const QRectF before = laneRect(kZoneA);
    QVERIFY(designer()->resizeZone(kZoneA, Qt::RightEdge, QSizeF(before.width() + 160, before.height())));
    QVERIFY(!designer()->resizeZone(kZoneA, Qt::RightEdge, QSizeF(before.width() + 160, before.height())));
    QVERIFY(!designer()->resizeZone(QStringLiteral("node/cp-1"), Qt::RightEdge, QSizeF(400, 400)));
    QVERIFY(laneRect(kZoneA).width() > before.width());

    designer()->autoLayoutAction()->trigger();
    QVERIFY(document()->sizes().isEmpty());
    QCOMPARE(laneRect(kZoneA), before);
    document()->undoStack()->undo();
    QCOMPARE(laneRect(kZoneA).width(), before.width() + 160);
}

// An edit in the inspector keeps the resized lanes; renaming the zone there carries its size.
void TestZones::inspectorEditsKeepSizes()
{
    const QRectF before = laneRect(kZoneA);
    const QSizeF wider(before.width() + 96, before.height());
    QVERIFY(designer()->resizeZone(kZoneA, Qt::RightEdge, wider));
    const QSizeF stored = document()->sizes().value(kZoneA); // the width; the height stays automatic
    QCOMPARE(stored.width(), wider.width());
    QVERIFY(view()->showElement(kZoneA));
    Inspector *inspector = designer()->inspector();
    QCOMPARE(inspector->elementId(), kZoneA);
    test::typeInto(qobject_cast<QLineEdit *>(inspector->editor(QStringLiteral("name"))), QStringLiteral("zone-east"));
    const QString renamed = QStringLiteral("zone/zone-east");
    QVERIFY(document()->topology().findZone("zone-east"));
    QCOMPARE(document()->sizes(), (Sizes{{renamed, stored}}));
    QCOMPARE(laneRect(renamed).size(), wider);
    document()->undoStack()->undo();
    QCOMPARE(document()->sizes(), (Sizes{{kZoneA, stored}}));
}

QTEST_MAIN(TestZones)
#include "tst_zones.moc"
