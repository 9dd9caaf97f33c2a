// GUI tests of the alignment guides while dragging cards on the real main window's view: a card
// dragged near another card's edge snaps onto it and a guide shows the shared line; Alt held
// snaps to the grid only; out of reach nothing snaps but the grid; the guides go on release.

#include "tests/ui/DesignerTest.h"
#include "tests/ui/DesignerWindow.h"
#include "ui/designer/DesignerController.h"
#include "ui/diagram/DiagramItems.h"
#include "ui/diagram/DiagramScene.h"
#include "ui/diagram/DiagramView.h"
#include "ui/diagram/PlacedLayout.h"
#include "ui/document/DesignDocument.h"
#include "ui/mainwindow/MainWindow.h"

#include <QApplication>
#include <QMouseEvent>
#include <QImage>
#include <QPainter>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace quorum;
using namespace quorum::ui;

namespace {

const QString kMoved = QStringLiteral("workload/web");
const QString kTarget = QStringLiteral("workload/postgres");

qreal onGrid(qreal v)
{
    return std::round(v / kGridSize) * kGridSize;
}

} // namespace

class TestGuides : public test::DesignerTest {
    Q_OBJECT

public:
    TestGuides() : DesignerTest(QStringLiteral("tst_guides")) {}

private slots:
    void init();

    void snapsToAnotherCardsEdgeWithAGuide();
    void altSnapsToTheGridOnly();
    void statusBarNamesAltWhileDragging();
    void outOfReachOnlyTheGridApplies();
    void horizontalGuideForTops();

private:
    /// Puts the target card on the grid far right of everything else (nothing else to line up
    /// with there), as a card the user placed.
    QRectF placeTarget();
    /// A y below every card (nothing to line up with in y there).
    qreal belowAll() const { return scene()->itemsBoundingRect().bottom() + 300; }
    /// What a drag shows and leaves: the guides before the release, where the moved card's
    /// top-left ends up (scene), and the pointer's offset in scene units.
    struct Drag {
        QList<QLineF> guides;
        QPointF offset;
        QPointF end;
        QString statusMidDrag; ///< the status bar before the release
        QString statusAfter;   ///< and after it
    };
    /// Drags kMoved with the mouse so that its top-left would go to `wanted` (scene), with
    /// `modifiers` held on the moves and the release.
    Drag drag(const QPointF &wanted, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
};

void TestGuides::init()
{
    DesignerTest::init();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(scene()->isEditable());
}

QRectF TestGuides::placeTarget()
{
    const QRectF bounds = scene()->itemsBoundingRect();
    const QPointF at = snapToGrid(QPointF(bounds.right() + 600, bounds.top() + 200));
    m_window->designer()->moveElements({{kTarget, at}});
    const QRectF target = rectOf(kTarget);
    if (target.topLeft() != at)
        qWarning("target at %g,%g, wanted %g,%g", target.left(), target.top(), at.x(), at.y());
    return target;
}

TestGuides::Drag TestGuides::drag(const QPointF &wanted, Qt::KeyboardModifiers modifiers)
{
    // Zoomed in to 100 % or more, as one would to place a card exactly: a pixel of the pointer is
    // then at most a unit of the scene (the view zooms out to keep the design fitted as the
    // target placed far away makes it larger).
    while (view()->zoom() < 1)
        view()->zoomInAction()->trigger();
    view()->centerOn(rectOf(kMoved).center());
    const QRectF start = rectOf(kMoved);
    QWidget *viewport = view()->viewport();
    const QPoint from = view()->mapFromScene(start.center());
    const QPoint to = from + (view()->mapFromScene(wanted) - view()->mapFromScene(start.topLeft()));
    auto move = [&](const QPoint &at) {
        QMouseEvent event(QEvent::MouseMove, QPointF(at), QPointF(viewport->mapToGlobal(at)), Qt::NoButton, Qt::LeftButton,
                          modifiers);
        QApplication::sendEvent(viewport, &event);
    };
    QTest::mouseMove(viewport, from);
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, from);
    move((from + to) / 2);
    move(to);
    Drag result;
    result.guides = scene()->guideLines();
    result.statusMidDrag = m_window->statusBar()->currentMessage();
    // QUORUM_TEST_SHOTS=DIR: a picture of the view mid-drag, to look at the guides.
    if (const QString dir = qEnvironmentVariable("QUORUM_TEST_SHOTS"); !dir.isEmpty()) {
        const QRectF around = rectOf(kMoved).united(rectOf(kTarget)).adjusted(-120, -120, 120, 120);
        QImage shot(around.size().toSize(), QImage::Format_ARGB32);
        shot.fill(Qt::white);
        QPainter painter(&shot);
        scene()->render(&painter, QRectF(QPointF(0, 0), around.size()), around);
        painter.end();
        shot.save(dir + QStringLiteral("/guides-%1.png").arg(QString::fromLatin1(QTest::currentTestFunction())));
    }
    result.offset = view()->mapToScene(to) - view()->mapToScene(from);
    QTest::mouseRelease(viewport, Qt::LeftButton, modifiers, to);
    QCoreApplication::processEvents(); // the move is reported after the mouse event
    result.end = rectOf(kMoved).topLeft();
    result.statusAfter = m_window->statusBar()->currentMessage();
    return result;
}

void TestGuides::snapsToAnotherCardsEdgeWithAGuide()
{
    const QRectF target = placeTarget();
    const QRectF moved = rectOf(kMoved);
    // Five units right of the target's left edge (in reach at any zoom up to 1.6), well below it.
    QVERIFY(view()->zoom() <= 1.5);
    const Drag d = drag(QPointF(target.left() + 5, belowAll()));
    QVERIFY2(std::abs(moved.left() + d.offset.x() - (target.left() + 5)) < 1.5, "the pointer went where asked");

    QCOMPARE(d.end.x(), target.left()); // lined up exactly (both on the grid)
    QCOMPARE(d.end.y(), onGrid(moved.top() + d.offset.y())); // nothing to line up with in y: the grid
    QCOMPARE(d.guides.size(), 1);
    const QLineF guide = d.guides.first();
    QCOMPARE(guide.x1(), target.left()); // vertical, on the shared edge
    QCOMPARE(guide.x2(), target.left());
    QVERIFY(std::min(guide.y1(), guide.y2()) <= target.top());                  // from the target...
    QVERIFY(std::max(guide.y1(), guide.y2()) >= d.end.y() + moved.height() - 1); // ...to the moved card
    QVERIFY(scene()->guideLines().isEmpty());                                    // gone on release
    // Kept in the design, as the offset from its container.
    const QPointF kept = scene()->elementItem(kMoved)->pos();
    QTRY_COMPARE(document()->positions().value(kMoved),
                 placementsFromScene({{kMoved, kept}}, document()->topology(), document()->sizes(), document()->outsets())
                     .value(kMoved));
}

void TestGuides::altSnapsToTheGridOnly()
{
    const QRectF target = placeTarget();
    const QRectF moved = rectOf(kMoved);
    const Drag d = drag(QPointF(target.left() + 5, belowAll()), Qt::AltModifier);
    QVERIFY(d.guides.isEmpty());
    const qreal raw = moved.left() + d.offset.x(); // about target.left() + 5
    QVERIFY(std::abs(raw - (target.left() + 5)) < 1.5);
    QCOMPARE(d.end.x(), onGrid(raw)); // the grid line past the edge, not the edge
    QVERIFY(d.end.x() != target.left());
}

void TestGuides::statusBarNamesAltWhileDragging()
{
    placeTarget();
    const Drag d = drag(QPointF(rectOf(kMoved).left() + 3 * kGridSize, belowAll()));
    QVERIFY2(d.statusMidDrag.contains(QStringLiteral("Moving:")), qPrintable(d.statusMidDrag));
    QVERIFY2(d.statusMidDrag.contains(QStringLiteral("Alt")), qPrintable(d.statusMidDrag));
    QVERIFY2(!d.statusAfter.contains(QStringLiteral("Alt")), qPrintable(d.statusAfter)); // gone with the drag
}

void TestGuides::outOfReachOnlyTheGridApplies()
{
    const QRectF target = placeTarget();
    const QRectF moved = rectOf(kMoved);
    const qreal reach = DiagramScene::kGuideSnapPixels / view()->zoom();
    const Drag d = drag(QPointF(target.left() + reach + 6, belowAll()));
    QVERIFY(d.guides.isEmpty());
    QCOMPARE(d.end.x(), onGrid(moved.left() + d.offset.x()));
}

void TestGuides::horizontalGuideForTops()
{
    const QRectF target = placeTarget();
    // Far to the right of the target (no shared x), three units below its top edge.
    const Drag d = drag(QPointF(target.right() + 400, target.top() + 3));
    QCOMPARE(d.end.y(), target.top());
    QCOMPARE(d.guides.size(), 1);
    const QLineF guide = d.guides.first();
    QCOMPARE(guide.y1(), target.top());
    QCOMPARE(guide.y2(), target.top());
    QVERIFY(std::min(guide.x1(), guide.x2()) <= target.left());
    QVERIFY(std::max(guide.x1(), guide.x2()) >= d.end.x());
}

QTEST_MAIN(TestGuides)
#include "tst_guides.moc"
