// GUI tests of resizing the diagram's bands by their left and top edges and the corner between
// them, with mouse drags on the view of the real main window: the resize cursor, the dragged
// edges on the grid, the opposite edges and the band's cards staying, what is in the way moving
// along (the band left of it, or everything above it) so that no two lanes or bands overlap, one
// undo step that brings back every rectangle exactly, the drag back in stopping at the band's
// automatic start, and the outsets kept in a saved project. (tst_zones drags the right and
// bottom edges.) QUORUM_SCREENSHOT_DIR=DIR saves a picture of the window after each drag out.

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

#include <QAction>
#include <QUndoStack>
#include <QtTest>

#include <cmath>
#include <iterator>

using namespace quorum;
using namespace quorum::ui;

Q_DECLARE_METATYPE(quorum::ui::BandKind)

class TestBands : public test::DesignerTest {
    Q_OBJECT

public:
    TestBands() : DesignerTest(QStringLiteral("tst_bands")) {}

private slots:
    void leftAndTopEdgesDragOutAndIn_data();
    void leftAndTopEdgesDragOutAndIn();
    void outsetsAreKeptInTheProject();

private:
    /// Every lane's, band's and card's scene rectangle by its id (bands by bandIdString()).
    QMap<QString, QRectF> rects() const;
    /// The ids of the cards in the band.
    QStringList cardsOf(BandKind kind) const;
    /// Where a drag released at `scenePos` puts an edge: the grid line nearest the point the
    /// view delivers (with the view's present scale and scroll).
    QPointF onGridAt(const QPointF &scenePos) const
    {
        return snapToGrid(view()->mapToScene(view()->mapFromScene(scenePos)));
    }
    /// Fails when two of the lanes, the bands and the banner overlap.
    void verifyNothingOverlaps() const;
};

QMap<QString, QRectF> TestBands::rects() const
{
    QMap<QString, QRectF> all;
    for (const ElementItem *item : scene()->elementItems())
        all.insert(item->elementId(), item->mapRectToScene(item->rect()));
    for (const BandItem *band : scene()->bandItems())
        all.insert(bandIdString(band->kind()), band->mapRectToScene(band->rect()));
    return all;
}

QStringList TestBands::cardsOf(BandKind kind) const
{
    const QStringList prefixes = kind == BandKind::LoadBalancers ? QStringList{QStringLiteral("loadbalancer/")}
        : kind == BandKind::Workloads ? QStringList{QStringLiteral("workload/")}
                                      : QStringList{QStringLiteral("storagebackend/"), QStringLiteral("storageclass/")};
    QStringList ids;
    for (const ElementItem *item : scene()->elementItems())
        for (const QString &prefix : prefixes)
            if (item->elementId().startsWith(prefix))
                ids << item->elementId();
    if (ids.isEmpty())
        qFatal("no cards in band %d", static_cast<int>(kind));
    return ids;
}

void TestBands::verifyNothingOverlaps() const
{
    QMap<QString, QRectF> containers;
    for (const ElementItem *item : scene()->elementItems())
        if (qgraphicsitem_cast<const ZoneLaneItem *>(item) || qgraphicsitem_cast<const ClusterItem *>(item))
            containers.insert(item->elementId(), item->mapRectToScene(item->rect()));
    for (const BandItem *band : scene()->bandItems())
        containers.insert(bandIdString(band->kind()), band->mapRectToScene(band->rect()));
    QVERIFY(containers.size() >= 7);  // three lanes, three bands, the banner
    for (auto a = containers.cbegin(); a != containers.cend(); ++a)
        for (auto b = std::next(a); b != containers.cend(); ++b)
            QVERIFY2(!a.value().intersects(b.value()), qPrintable(a.key() + QStringLiteral(" overlaps ") + b.key()));
}

void TestBands::leftAndTopEdgesDragOutAndIn_data()
{
    QTest::addColumn<BandKind>("kind");
    QTest::addColumn<int>("edges");
    QTest::addColumn<QString>("caption");
    const int left = Qt::LeftEdge;
    const int top = Qt::TopEdge;
    const int corner = Qt::LeftEdge | Qt::TopEdge;
    QTest::newRow("storage, left") << BandKind::Storage << left << QStringLiteral("Storage");
    QTest::newRow("storage, top") << BandKind::Storage << top << QStringLiteral("Storage");
    QTest::newRow("workloads, left") << BandKind::Workloads << left << QStringLiteral("Workloads");
    QTest::newRow("workloads, top-left") << BandKind::Workloads << corner << QStringLiteral("Workloads");
    QTest::newRow("load balancers, left") << BandKind::LoadBalancers << left << QStringLiteral("Load balancers");
    QTest::newRow("load balancers, top") << BandKind::LoadBalancers << top << QStringLiteral("Load balancers");
    QTest::newRow("load balancers, top-left") << BandKind::LoadBalancers << corner << QStringLiteral("Load balancers");
}

void TestBands::leftAndTopEdgesDragOutAndIn()
{
    QFETCH(BandKind, kind);
    QFETCH(int, edges);
    QFETCH(QString, caption);
    const bool leftEdge = edges & Qt::LeftEdge;
    const bool topEdge = edges & Qt::TopEdge;
    const QString key = bandIdString(kind);
    const QRectF before = bandRect(kind);
    const QMap<QString, QRectF> all = rects();
    QUndoStack *undo = document()->undoStack();
    const int steps = undo->count();
    verifyNothingOverlaps();

    // The handle: on the edge (or the corner), in the caption strip away from the band's cards.
    const auto handleOf = [&](const QRectF &r) {
        return QPointF(leftEdge ? r.left() + 1 : r.left() + 40, topEdge ? r.top() + 1 : r.top() + 20);
    };
    const QPointF handle = handleOf(before);
    QCOMPARE(scene()->bandItem(kind)->resizeEdgesAt(handle), Qt::Edges(edges));
    QTest::mouseMove(view()->viewport(), view()->mapFromScene(handle + QPointF(30, 30)));
    QTest::mouseMove(view()->viewport(), view()->mapFromScene(handle));
    QCOMPARE(scene()->bandItem(kind)->cursor().shape(), ZoneLaneItem::cursorFor(Qt::Edges(edges)));

    // Out: the dragged edges land on the grid, the far edges and the band's cards stay.
    const QPointF target = handle + QPointF(leftEdge ? -90 : 7, topEdge ? -61 : 5);
    const QPointF outOnGrid = onGridAt(target);  // before the drag: the view fits the new design after it
    test::dragOnView(view(), handle, target);
    const QRectF out = bandRect(kind);
    QCOMPARE(undo->count(), steps + 1);
    QCOMPARE(undo->undoText(), QStringLiteral("Resize %1").arg(caption));
    QCOMPARE(out.left(), leftEdge ? outOnGrid.x() : before.left());
    QCOMPARE(out.top(), topEdge ? outOnGrid.y() : before.top());
    QCOMPARE(out.right(), before.right());
    QCOMPARE(out.bottom(), before.bottom());
    QVERIFY(out.left() < before.left() - 80 || !leftEdge);
    QVERIFY(out.top() < before.top() - 50 || !topEdge);
    for (const QString &card : cardsOf(kind))
        QCOMPARE(rects().value(card), all.value(card));
    QCOMPARE(document()->outsets().value(key), QPointF(before.left() - out.left(), before.top() - out.top()));
    // What was in the way moved along: nothing overlaps. The workloads band pushes the storage band
    // left by as much as it reaches out.
    verifyNothingOverlaps();
    if (kind == BandKind::Workloads)
        QCOMPARE(bandRect(BandKind::Storage).left(),
                 all.value(bandIdString(BandKind::Storage)).left() - (before.left() - out.left()));
    if (const QString dir = qEnvironmentVariable("QUORUM_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QString tag = QString::fromLatin1(QTest::currentDataTag());
        tag.replace(QStringLiteral(", "), QStringLiteral("-")).replace(QLatin1Char(' '), QLatin1Char('-'));
        m_window->grab().save(dir + QStringLiteral("/bands-%1.png").arg(tag));
    }

    // One undo step brings back every rectangle exactly; redo the resized ones.
    const QMap<QString, QRectF> resized = rects();
    undo->undo();
    QCOMPARE(rects(), all);
    QVERIFY(document()->outsets().isEmpty());
    undo->redo();
    QCOMPARE(rects(), resized);

    // In a little: on the grid, still out past the band's automatic start.
    const QPointF partly = handleOf(out) + QPointF(leftEdge ? 37 : 0, topEdge ? 29 : 0);
    const QPointF partlyOnGrid = onGridAt(partly);
    test::dragOnView(view(), handleOf(out), partly);
    const QRectF in = bandRect(kind);
    QCOMPARE(undo->count(), steps + 2);
    QCOMPARE(in.left(), leftEdge ? partlyOnGrid.x() : before.left());
    QCOMPARE(in.top(), topEdge ? partlyOnGrid.y() : before.top());
    QCOMPARE(in.bottomRight(), before.bottomRight());
    verifyNothingOverlaps();

    // Back in, far past its cards: it stops at the grid line at (or just outside) where the
    // automatic layout starts the band, its cards still inside.
    test::dragOnView(view(), handleOf(in), handleOf(in) + QPointF(leftEdge ? 400 : 0, topEdge ? 300 : 0));
    const QRectF back = bandRect(kind);
    QCOMPARE(undo->count(), steps + 3);
    QVERIFY(back.left() <= before.left() && back.left() > before.left() - kGridSize);
    QVERIFY(back.top() <= before.top() && back.top() > before.top() - kGridSize);
    QCOMPARE(std::fmod(back.left(), kGridSize), leftEdge ? 0.0 : std::fmod(before.left(), kGridSize));
    QCOMPARE(std::fmod(back.top(), kGridSize), topEdge ? 0.0 : std::fmod(before.top(), kGridSize));
    for (const QString &card : cardsOf(kind))
        QVERIFY2(back.contains(rects().value(card)), qPrintable(card));
    verifyNothingOverlaps();

    // Undone three times, the design is as it was.
    for (int i = 0; i < 3; ++i)
        undo->undo();
    QCOMPARE(rects(), all);
    QVERIFY(document()->outsets().isEmpty());
}

void TestBands::outsetsAreKeptInTheProject()
{
    const QRectF workloads = bandRect(BandKind::Workloads);
    const QPointF corner(workloads.left() + 1, workloads.top() + 1);
    test::dragOnView(view(), corner, corner + QPointF(-77, -45));
    const QRectF balancers = bandRect(BandKind::LoadBalancers);
    const QPointF left(balancers.left() + 1, balancers.top() + 20);
    test::dragOnView(view(), left, left + QPointF(-50, 0));
    const QMap<QString, QRectF> shown = rects();
    const Outsets outsets = document()->outsets();
    QCOMPARE(outsets.keys(), (QStringList{bandIdString(BandKind::LoadBalancers), bandIdString(BandKind::Workloads)}));

    const QString path = m_dir.filePath(QStringLiteral("bands.quorum"));
    QVERIFY2(m_window->saveAs(path), qPrintable(m_window->lastError()));
    QVERIFY(m_window->newDesign());
    QVERIFY2(m_window->openFile(path), qPrintable(m_window->lastError()));
    QCOMPARE(document()->outsets(), outsets);
    QCOMPARE(rects(), shown);
    QVERIFY(!document()->isModified());
    verifyNothingOverlaps();

    // Auto Layout forgets them with the sizes; one undo brings them back.
    designer()->autoLayoutAction()->trigger();
    QVERIFY(document()->outsets().isEmpty());
    QCOMPARE(bandRect(BandKind::Workloads), workloads);
    document()->undoStack()->undo();
    QCOMPARE(rects(), shown);
}

QTEST_MAIN(TestBands)
#include "tst_bands.moc"
