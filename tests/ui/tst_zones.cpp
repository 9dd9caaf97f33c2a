// GUI tests of resizing zone lanes by hand, driving the real main window: the lane layout with
// sizes (wider lanes push the next ones right, never smaller than the cards), a drag of a lane's
// right and bottom edges with the mouse on the view (resize cursor, grid, one undo step), the
// stop at the cards, the size kept in a saved project, and Auto Layout forgetting it.

#include "resources/QuorumResources.h"
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

class TestZones : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void layoutTakesLaneSizes();
    void draggingTheRightEdgeWidensTheLaneOnTheGrid();
    void shrinkingStopsAtTheCards();
    void sizeIsKeptInTheProject();
    void autoLayoutForgetsSizes();
    void inspectorEditsKeepSizes();

private:
    DesignerController *designer() const { return m_window->designer(); }
    DesignDocument *document() const { return m_window->document(); }
    DiagramScene *scene() const { return m_window->diagramScene(); }
    DiagramView *view() const { return m_window->diagramView(); }
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
    /// Drags with the left button on the view from one scene point to another.
    void drag(const QPointF &from, const QPointF &to);

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestZones::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateDesignerTest(m_dir, QStringLiteral("tst_zones"));
}

void TestZones::init()
{
    m_window = test::openDesignerWindow();
    QVERIFY(m_window);
}

void TestZones::cleanup()
{
    if (m_window)
        m_window->setUnsavedChangesAnswer(QMessageBox::Discard);
    m_window.reset();
}

void TestZones::drag(const QPointF &from, const QPointF &to)
{
    const QPoint a = viewportPoint(from);
    const QPoint b = viewportPoint(to);
    QTest::mouseMove(view()->viewport(), a);
    QTest::mousePress(view()->viewport(), Qt::LeftButton, Qt::NoModifier, a);
    QTest::mouseMove(view()->viewport(), (a + b) / 2);
    QTest::mouseMove(view()->viewport(), b);
    QTest::mouseRelease(view()->viewport(), Qt::LeftButton, Qt::NoModifier, b);
    QCoreApplication::processEvents();  // the resize is reported after the mouse event
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
    QCOMPARE(scene()->laneSizeForDrag(kZoneA, Qt::BottomEdge, before.topLeft()), after.size());

    // A card the user moved below the lane holds it open too.
    designer()->moveElements({{QStringLiteral("node/worker-1"), snapToGrid(before.bottomLeft() + QPointF(14, 100))}});
    const QRectF grown = laneRect(kZoneA);
    QVERIFY(grown.contains(cardRect(QStringLiteral("node/worker-1"))));
    QVERIFY(scene()->minimumLaneSize(kZoneA).height() > after.height());
    QCOMPARE(scene()->laneSizeForDrag(kZoneA, Qt::BottomEdge, grown.topLeft()).height(),
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
    auto *name = qobject_cast<QLineEdit *>(inspector->editor(QStringLiteral("name")));
    QVERIFY(name);
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("zone-east"));
    QTest::keyClick(name, Qt::Key_Return);
    const QString renamed = QStringLiteral("zone/zone-east");
    QVERIFY(document()->topology().findZone("zone-east"));
    QCOMPARE(document()->sizes(), (Sizes{{renamed, stored}}));
    QCOMPARE(laneRect(renamed).size(), wider);
    document()->undoStack()->undo();
    QCOMPARE(document()->sizes(), (Sizes{{kZoneA, stored}}));
}

QTEST_MAIN(TestZones)
#include "tst_zones.moc"
