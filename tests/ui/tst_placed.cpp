// GUI tests of cards placed by hand following the automatic layout, driving the real main
// window with mouse drags on the view: a placed card keeps its offset from where the automatic
// layout starts its lane or band when the layout around it grows or moves (nodes added, a lane
// resized from its left or top edge, the band above made taller), stays inside its lane, pushes
// what is in the way of the lane it makes larger, and
// comes back the same after save and reopen; undo puts everything back; a project of format 5
// (scene positions) opens with the cards where that version showed them.

#include "tests/ui/DesignerTest.h"
#include "tests/ui/DesignerWindow.h"
#include "ui/designer/DesignerController.h"
#include "ui/diagram/DiagramItems.h"
#include "ui/diagram/DiagramLayout.h"
#include "ui/diagram/DiagramScene.h"
#include "ui/diagram/DiagramView.h"
#include "ui/diagram/PlacedLayout.h"
#include "ui/document/DesignDocument.h"
#include "ui/mainwindow/MainWindow.h"

#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <cmath>
#include <memory>

#include <sqlite3.h>

using namespace quorum;
using namespace quorum::ui;

namespace {

const QString kZoneA = QStringLiteral("zone/zone-a");
const QString kZoneB = QStringLiteral("zone/zone-b");
const QString kPlaced = QStringLiteral("node/worker-1");  // in zone-a
const QString kApiLb = QStringLiteral("loadbalancer/api-lb");

} // namespace

class TestPlaced : public test::DesignerTest {
    Q_OBJECT

public:
    TestPlaced() : DesignerTest(QStringLiteral("tst_placed")) {}

private slots:

    void placedCardFollowsItsLane();
    void placedCardPushesWhatIsInTheWay_data();
    void placedCardPushesWhatIsInTheWay();
    void laneTakenOutByACardResizesFromWhereItShows();
    void placedLoadBalancerFollowsItsBand();
    void placedNodeTakesItsOffsetToANewZone();
    void placedCardsAreKeptInTheProject();
    void formatFivePositionsReadTheSame();

private:
    /// Where the automatic layout starts the lane of zone: its top-left corner inside the outsets.
    QPointF laneStart(const QString &zone) const
    {
        return rectOf(zone).topLeft() + document()->outsets().value(zone);
    }
    /// The placed card's offset from its lane's start.
    QPointF offsetInLane() const { return rectOf(kPlaced).topLeft() - laneStart(kZoneA); }
    QPoint viewportPoint(const QPointF &scenePos) const { return view()->mapFromScene(scenePos); }
    /// Every zone lane's and band's scene rectangle, by the lane's id or the band's key, and the banner's.
    QMap<QString, QRectF> containerRects() const
    {
        QMap<QString, QRectF> rects;
        for (const ElementItem *item : scene()->elementItems())
            if (qgraphicsitem_cast<const ZoneLaneItem *>(item) || item->elementId() == QStringLiteral("cluster"))
                rects.insert(item->elementId(), item->mapRectToScene(item->rect()));
        for (const BandItem *band : scene()->bandItems())
            rects.insert(bandIdString(band->kind()), band->mapRectToScene(band->rect()));
        return rects;
    }
    /// Drags with the left button on the view from one scene point to another.
    void drag(const QPointF &from, const QPointF &to);
    /// Drags the placed card down inside zone-a; returns its offset in the lane.
    QPointF placeCard();
    void shot(const QString &name) const;
};

void TestPlaced::drag(const QPointF &from, const QPointF &to)
{
    test::dragOnView(view(), from, to);
}

QPointF TestPlaced::placeCard()
{
    const QRectF before = rectOf(kPlaced);
    // Straight down, inside the lane's width: the lanes keep their automatic widths for the resize drags.
    drag(before.center(), before.center() + QPointF(3, 131));
    const QRectF after = rectOf(kPlaced);
    if (after == before || !document()->positions().contains(kPlaced))
        qFatal("the card did not move");
    return offsetInLane();
}

void TestPlaced::shot(const QString &name) const
{
    // QUORUM_TEST_SHOTS=DIR: a picture of the diagram at this point.
    if (const QString dir = qEnvironmentVariable("QUORUM_TEST_SHOTS"); !dir.isEmpty())
        view()->grab().save(dir + QStringLiteral("/placed-%1.png").arg(name));
}

void TestPlaced::placedCardFollowsItsLane()
{
    const QRectF automatic = rectOf(kPlaced);
    const int steps = document()->undoStack()->count();
    const QPointF offset = placeCard();
    QVERIFY(rectOf(kZoneA).contains(rectOf(kPlaced)));
    const QPointF placedAt = rectOf(kPlaced).topLeft();

    // Nodes added: a fourth control-plane node in zone-b gives every lane a second
    // control-plane row, and a new zone adds a lane.
    designer()->addFromPalette(QStringLiteral("control-plane-node"), rectOf(kZoneB).center());
    designer()->addFromPalette(QStringLiteral("zone"));
    QCOMPARE(offsetInLane(), offset);
    QVERIFY(rectOf(kZoneA).contains(rectOf(kPlaced)));

    // zone-b dragged out to the left: zone-a moves left, the placed card with it.
    const QRectF b = rectOf(kZoneB);
    const QRectF laneBefore = rectOf(kZoneA);
    drag(QPointF(b.left() + 1, b.top() + 20), QPointF(b.left() - 97, b.top() + 20));  // the header: no card
    QVERIFY(rectOf(kZoneA).left() < laneBefore.left() - 80);
    QCOMPARE(offsetInLane(), offset);
    QVERIFY(rectOf(kZoneA).contains(rectOf(kPlaced)));

    // zone-a's own top edge dragged up: the lane reaches higher, its cards stay in it.
    const QRectF a = rectOf(kZoneA);
    drag(QPointF(a.center().x(), a.top() + 1), QPointF(a.center().x(), a.top() - 75));
    QVERIFY(document()->outsets().value(kZoneA).y() > 60);
    QCOMPARE(offsetInLane(), offset);
    QVERIFY(rectOf(kZoneA).contains(rectOf(kPlaced)));

    // The load-balancer band above the lanes made taller by its bottom edge: the lanes move down.
    const QRectF balancers = bandRect(BandKind::LoadBalancers);
    const qreal laneTop = rectOf(kZoneA).top();
    drag(QPointF(balancers.center().x() + 150, balancers.bottom() - 1),
         QPointF(balancers.center().x() + 150, balancers.bottom() + 123));
    QVERIFY(rectOf(kZoneA).top() > laneTop + 100);
    QCOMPARE(offsetInLane(), offset);
    QVERIFY(rectOf(kZoneA).contains(rectOf(kPlaced)));
    shot(QStringLiteral("grown"));

    // Undo puts every step back: the card where it was placed, then where the layout put it.
    QCOMPARE(document()->undoStack()->count(), steps + 6);
    for (int i = 0; i < 5; ++i)
        document()->undoStack()->undo();
    QCOMPARE(rectOf(kPlaced).topLeft(), placedAt);
    QCOMPARE(offsetInLane(), offset);
    document()->undoStack()->undo();
    QCOMPARE(rectOf(kPlaced), automatic);
    QVERIFY(!document()->positions().contains(kPlaced));
    for (int i = 0; i < 6; ++i)
        document()->undoStack()->redo();
    QCOMPARE(offsetInLane(), offset);
    QVERIFY(rectOf(kZoneA).contains(rectOf(kPlaced)));

    // Auto Layout forgets the placement; the card goes where the layout puts it in the grown design.
    designer()->autoLayoutAction()->trigger();
    QVERIFY(document()->positions().isEmpty());
    QVERIFY(offsetInLane() != offset);
}

void TestPlaced::placedCardPushesWhatIsInTheWay_data()
{
    QTest::addColumn<QString>("card");
    QTest::addColumn<QString>("container");  // its lane's id or its band's key
    QTest::addColumn<QPointF>("by");
    // Each node's centre stays in its own lane (or leaves every lane), so it keeps its zone.
    QTest::newRow("right: zone-b pushed right") << QStringLiteral("node/worker-1") << kZoneA << QPointF(101, 3);
    QTest::newRow("left: zone-a pushed left") << QStringLiteral("node/worker-2") << kZoneB << QPointF(-99, 3);
    QTest::newRow("down: the bands pushed down") << QStringLiteral("node/worker-1") << kZoneA << QPointF(3, 149);
    QTest::newRow("up: the load balancers lifted") << QStringLiteral("node/cp-3") << QStringLiteral("zone/zone-c")
                                                   << QPointF(3, -181);
    QTest::newRow("workload left: the storage band pushed left")
        << QStringLiteral("workload/web") << bandIdString(BandKind::Workloads) << QPointF(-83, 3);
    QTest::newRow("storage up: the lanes lifted") << QStringLiteral("storage/ceph") << bandIdString(BandKind::Storage)
                                                  << QPointF(3, -67);
}

void TestPlaced::placedCardPushesWhatIsInTheWay()
{
    QFETCH(QString, card);
    QFETCH(QString, container);
    QFETCH(QPointF, by);
    const QMap<QString, QRectF> before = containerRects();
    QVERIFY(before.size() >= 7);  // three lanes, three bands, the banner
    const QRectF from = rectOf(card);
    drag(from.center(), from.center() + by);
    QVERIFY(document()->positions().contains(card));
    // Where it was dropped (on the grid, maybe on a guide), and out past its lane's automatic edge.
    QVERIFY(QLineF(rectOf(card).topLeft(), from.topLeft() + by).length() < 12);
    QVERIFY(!before.value(container).contains(rectOf(card)));
    const QMap<QString, QRectF> after = containerRects();
    QVERIFY(after.value(container).contains(rectOf(card)));
    QCOMPARE(after.keys(), before.keys());
    QVERIFY(after != before);
    for (auto a = after.cbegin(); a != after.cend(); ++a)
        for (auto b = std::next(a); b != after.cend(); ++b)
            QVERIFY2(!a.value().intersects(b.value()), qPrintable(a.key() + QStringLiteral(" overlaps ") + b.key()));
    shot(QStringLiteral("pushed-%1").arg(QString::fromLatin1(QTest::currentDataTag()).section(QLatin1Char(':'), 0, 0)));

    document()->undoStack()->undo();
    QCOMPARE(containerRects(), before);
    QCOMPARE(rectOf(card), from);
    document()->undoStack()->redo();
    QCOMPARE(containerRects(), after);
}

void TestPlaced::laneTakenOutByACardResizesFromWhereItShows()
{
    // worker-2 placed past zone-b's left edge takes the edge out (not an outset of the user's) ...
    const QString worker2 = QStringLiteral("node/worker-2");
    const QRectF card = rectOf(worker2);
    drag(card.center(), card.center() + QPointF(-99, 3));
    const QRectF grown = rectOf(kZoneB);
    QVERIFY(grown.left() < card.left() - 90);
    QVERIFY(document()->outsets().isEmpty());
    // ... and the edge dragged further out goes from where it shows, on the grid, pushing zone-a.
    drag(QPointF(grown.left() + 1, grown.top() + 20), QPointF(grown.left() - 47, grown.top() + 20));
    const QRectF wider = rectOf(kZoneB);
    QCOMPARE(std::fmod(wider.left(), kGridSize), 0.0);
    QVERIFY2(std::abs(wider.left() - (grown.left() - 47)) <= kGridSize, qPrintable(QString::number(wider.left())));
    QCOMPARE(wider.right(), grown.right());
    QVERIFY(!rectOf(kZoneA).intersects(wider));
    QVERIFY(wider.contains(rectOf(worker2)));
    document()->undoStack()->undo();
    QCOMPARE(rectOf(kZoneB), grown);
}

void TestPlaced::placedLoadBalancerFollowsItsBand()
{
    // A load balancer placed inside its band follows the band when a lane reaching higher lifts it.
    const QRectF lb = rectOf(kApiLb);
    drag(lb.center(), lb.center() + QPointF(163, 5));
    QVERIFY(document()->positions().contains(kApiLb));
    const QPointF placed = rectOf(kApiLb).topLeft();
    const QPointF offset = rectOf(kApiLb).topLeft() - bandRect(BandKind::LoadBalancers).topLeft();
    const QRectF a = rectOf(kZoneA);
    drag(QPointF(a.center().x(), a.top() + 1), QPointF(a.center().x(), a.top() - 91));
    const qreal raised = document()->outsets().value(kZoneA).y();
    QVERIFY(raised > 80);
    QCOMPARE(rectOf(kApiLb).topLeft() - bandRect(BandKind::LoadBalancers).topLeft(), offset);
    QCOMPARE(rectOf(kApiLb).topLeft(), placed - QPointF(0, raised));
    QVERIFY(bandRect(BandKind::LoadBalancers).contains(rectOf(kApiLb)));
    QVERIFY(!rectOf(kApiLb).intersects(rectOf(kZoneA)));
}

void TestPlaced::placedNodeTakesItsOffsetToANewZone()
{
    // A zone changed as the inspector changes it (an edit of the topology alone): the placed
    // card goes to the new zone's lane at the offset it had in the old one.
    const QPointF offset = placeCard();
    DesignState state = document()->state();
    for (model::Node &node : state.topology.nodes)
        if (node.name == "worker-1")
            node.zone = "zone-c";
    document()->edit(QStringLiteral("Zone of worker-1"), std::move(state));
    const QString zoneC = QStringLiteral("zone/zone-c");
    QCOMPARE(rectOf(kPlaced).topLeft() - laneStart(zoneC), offset);
    QVERIFY(rectOf(zoneC).contains(rectOf(kPlaced)));
}

void TestPlaced::placedCardsAreKeptInTheProject()
{
    const QPointF offset = placeCard();
    designer()->addFromPalette(QStringLiteral("control-plane-node"), rectOf(kZoneB).center());
    const QRectF b = rectOf(kZoneB);
    drag(QPointF(b.left() + 1, b.top() + 20), QPointF(b.left() - 65, b.top() + 20));
    const QRectF placed = rectOf(kPlaced);
    const Positions positions = document()->positions();

    const QString path = m_dir.filePath(QStringLiteral("placed.quorum"));
    QVERIFY2(m_window->saveAs(path), qPrintable(m_window->lastError()));
    QVERIFY(m_window->newDesign());
    QVERIFY2(m_window->openFile(path), qPrintable(m_window->lastError()));
    QCOMPARE(document()->positions(), positions);
    QCOMPARE(rectOf(kPlaced), placed);
    QCOMPARE(offsetInLane(), offset);
    QVERIFY(!document()->isModified());
}

void TestPlaced::formatFivePositionsReadTheSame()
{
    // Format 5 kept the card's scene position; such a file opens with the card there, and the
    // card then follows its lane like one placed in this version.
    placeCard();
    const QPointF scenePos = rectOf(kPlaced).topLeft();
    const QString path = m_dir.filePath(QStringLiteral("format5.quorum"));
    QVERIFY2(m_window->saveAs(path), qPrintable(m_window->lastError()));
    QVERIFY(m_window->newDesign());

    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    const QByteArray sql = QStringLiteral("UPDATE positions SET x = %1, y = %2 WHERE element_id = '%3'; "
                                          "PRAGMA user_version = 5")
                               .arg(scenePos.x())
                               .arg(scenePos.y())
                               .arg(kPlaced)
                               .toUtf8();
    const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    QCOMPARE(rc, SQLITE_OK);

    QVERIFY2(m_window->openFile(path), qPrintable(m_window->lastError()));
    QCOMPARE(rectOf(kPlaced).topLeft(), scenePos);
    const QPointF offset = offsetInLane();
    designer()->addFromPalette(QStringLiteral("control-plane-node"), rectOf(kZoneB).center());
    const QRectF b = rectOf(kZoneB);
    drag(QPointF(b.left() + 1, b.top() + 20), QPointF(b.left() - 65, b.top() + 20));
    QCOMPARE(offsetInLane(), offset);
}

QTEST_MAIN(TestPlaced)
#include "tst_placed.moc"
