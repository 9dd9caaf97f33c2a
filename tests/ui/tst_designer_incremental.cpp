// GUI tests of the diagram's incremental updates, driving the real main window: an edit of one
// element (a mouse drag, a property edit, an add, a delete, a connection, their undo and redo)
// keeps the items of every other element the same objects, and the scene after a series of such
// edits equals the design projected into an empty scene (same items, geometry, texts, marks).

#include "tests/ui/DesignerTest.h"
#include "tests/ui/DesignerWindow.h"
#include "ui/designer/DesignerController.h"
#include "ui/diagram/DiagramItems.h"
#include "ui/diagram/DiagramScene.h"
#include "ui/diagram/DiagramView.h"
#include "ui/diagram/PlacedLayout.h"
#include "ui/document/DesignDocument.h"
#include "ui/mainwindow/MainWindow.h"

#include <QHash>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using namespace quorum;
using namespace quorum::ui;

namespace {

const QString kWorker1 = QStringLiteral("node/worker-1");
const QString kWorker2 = QStringLiteral("node/worker-2");
const QString kWeb = QStringLiteral("workload/web");
const QString kPostgres = QStringLiteral("workload/postgres");
const QString kClass = QStringLiteral("storageclass/ceph-rbd");

QString number(qreal v)
{
    return QString::number(v, 'f', 2);
}

QString rectText(const QRectF &r)
{
    return QStringLiteral("%1,%2 %3x%4").arg(number(r.x()), number(r.y()), number(r.width()), number(r.height()));
}

QString contentText(const CardContent &c)
{
    QStringList badges;
    for (const CardBadge &b : c.badges)
        badges << b.text + QLatin1Char('/') + b.color.name();
    return QStringList{c.icon, c.accent.name(), c.title, c.corner, c.lines.join(QLatin1Char('|')), badges.join(QLatin1Char('|')),
                       c.description}
        .join(QStringLiteral(" ; "));
}

/// One line per item of the projection, in the scene's order: what a person sees of it (kind,
/// geometry, stacking, texts, marks, tooltip) and whether it can be moved or selected.
QStringList describe(const DiagramScene &scene)
{
    QStringList lines{QStringLiteral("scene %1").arg(rectText(scene.sceneRect()))};
    for (const BandItem *band : scene.bandItems())
        lines << QStringLiteral("band %1 at %2 z %3: %4")
                     .arg(static_cast<int>(band->kind()))
                     .arg(rectText(band->mapRectToScene(band->rect())), number(band->zValue()), band->caption());
    for (const ElementItem *item : scene.elementItems()) {
        QString line = QStringLiteral("%1 %2 at %3 z %4 flags %5 marks %6 tip %7")
                           .arg(item->type())
                           .arg(item->elementId(), rectText(item->mapRectToScene(item->rect())), number(item->zValue()))
                           .arg(static_cast<int>(item->flags()))
                           .arg(item->findingSeverity() ? static_cast<int>(*item->findingSeverity()) : -1)
                           .arg(item->toolTip());
        if (const auto *card = dynamic_cast<const CardItem *>(item))
            line += QStringLiteral(" card ") + contentText(card->content());
        else if (const auto *cluster = qgraphicsitem_cast<const ClusterItem *>(item))
            line += QStringLiteral(" banner ") + contentText(cluster->content());
        else if (const auto *lane = qgraphicsitem_cast<const ZoneLaneItem *>(item))
            line += QStringLiteral(" lane %1 / %2 resizable %3").arg(lane->title(), lane->subtitle()).arg(lane->isResizable());
        lines << line;
    }
    for (const LinkItem *link : scene.linkItems()) {
        QStringList points;
        for (const QPointF &p : link->points())
            points << number(p.x()) + QLatin1Char(',') + number(p.y());
        lines << QStringLiteral("link %1 %2 -> %3 z %4 flags %5: %6")
                     .arg(static_cast<int>(link->kind()))
                     .arg(link->fromId(), link->toId(), number(link->zValue()))
                     .arg(static_cast<int>(link->flags()))
                     .arg(points.join(QLatin1Char(' ')));
    }
    return lines;
}

/// Every item of the scene by what it stands for: element items by id ("" is the unzoned lane),
/// links by kind and ends (and their order among equals), bands by kind.
QHash<QString, const QGraphicsItem *> itemsByKey(const DiagramScene &scene)
{
    QHash<QString, const QGraphicsItem *> items;
    for (const ElementItem *item : scene.elementItems())
        items.insert(QStringLiteral("element ") + item->elementId(), item);
    QHash<QString, int> seen;
    for (const LinkItem *link : scene.linkItems()) {
        const QString key = QStringLiteral("link %1 %2 %3").arg(static_cast<int>(link->kind())).arg(link->fromId(), link->toId());
        items.insert(key + QLatin1Char('#') + QString::number(seen[key]++), link);
    }
    for (const BandItem *band : scene.bandItems())
        items.insert(QStringLiteral("band %1").arg(static_cast<int>(band->kind())), band);
    return items;
}

} // namespace

class TestDesignerIncremental : public test::DesignerTest {
    Q_OBJECT

public:
    TestDesignerIncremental() : DesignerTest(QStringLiteral("tst_designer_incremental")) {}

private slots:

    void editsKeepTheOtherItems();
    void undoAndRedoKeepTheOtherItems();
    void selectionAndHoverSurviveAnEdit();
    void incrementalEditsEqualAFullProjection();

private:
    QPoint viewportPoint(const QPointF &scenePos) const { return view()->mapFromScene(scenePos); }
    /// Drags the card `id` with the left button on the view by `offset` (scene units).
    void dragCard(const QString &id, const QPointF &offset);
    /// Checks that every item of `before` whose key is not in `changed` is still the same object
    /// in the scene, and returns the keys of items that are new or gone.
    QStringList compareWithScene(const QHash<QString, const QGraphicsItem *> &before, const QStringList &changed);
    void waitForFindings();
};

void TestDesignerIncremental::dragCard(const QString &id, const QPointF &offset)
{
    const ElementItem *card = scene()->elementItem(id);
    QVERIFY(card);
    const QPointF from = card->mapToScene(card->rect().center());
    const QPoint a = viewportPoint(from);
    const QPoint b = viewportPoint(from + offset);
    QTest::mouseMove(view()->viewport(), a);
    QTest::mousePress(view()->viewport(), Qt::LeftButton, Qt::NoModifier, a);
    QTest::mouseMove(view()->viewport(), (a + b) / 2);
    QTest::mouseMove(view()->viewport(), b);
    QTest::mouseRelease(view()->viewport(), Qt::LeftButton, Qt::NoModifier, b);
    QCoreApplication::processEvents();  // the move is reported after the mouse event
}

QStringList TestDesignerIncremental::compareWithScene(const QHash<QString, const QGraphicsItem *> &before,
                                                      const QStringList &changed)
{
    const QHash<QString, const QGraphicsItem *> after = itemsByKey(*scene());
    QStringList different;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            different << QStringLiteral("gone: ") + it.key();
        else if (after.value(it.key()) != it.value() && !changed.contains(it.key()))
            different << QStringLiteral("replaced: ") + it.key();
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        if (!before.contains(it.key()))
            different << QStringLiteral("new: ") + it.key();
    different.sort();
    return different;
}

void TestDesignerIncremental::waitForFindings()
{
    QTRY_VERIFY_WITH_TIMEOUT(!document()->findingsPending(), 10000);
}

void TestDesignerIncremental::editsKeepTheOtherItems()
{
    QHash<QString, const QGraphicsItem *> before = itemsByKey(*scene());
    QVERIFY(before.size() > 20);

    // A mouse drag of a card: it moves, its lane grows around it, its links are re-routed;
    // every item stays the object it was.
    const QPointF cardBefore = scene()->elementItem(kWorker1)->pos();
    const QRectF laneBefore = scene()->elementItem(QStringLiteral("zone/zone-a"))->sceneBoundingRect();
    dragCard(kWorker1, QPointF(0, 3 * kGridSize * 10));
    QCOMPARE(document()->undoStack()->undoText(), QStringLiteral("Move worker-1"));
    QVERIFY(scene()->elementItem(kWorker1)->pos() != cardBefore);
    QVERIFY(scene()->elementItem(QStringLiteral("zone/zone-a"))->sceneBoundingRect() != laneBefore);
    QCOMPARE(compareWithScene(before, {}), QStringList());

    // A property edit: the node's card shows it, the same object.
    const auto *card = static_cast<const CardItem *>(scene()->elementItem(kWorker2));
    model::Topology edited = document()->topology();
    for (model::Node &node : edited.nodes)
        if (node.name == "worker-2")
            node.cpuMillis = 24000;
    document()->editTopology(QStringLiteral("Edit worker-2"), edited);
    QCOMPARE(scene()->elementItem(kWorker2), card);
    QVERIFY(card->content().lines.join(QLatin1Char(' ')).contains(QStringLiteral("24")));
    QCOMPARE(compareWithScene(before, {}), QStringList());

    // An add: one new card (and the links a new control-plane node gets), the rest unchanged.
    const std::optional<QString> added = designer()->addFromPalette(QStringLiteral("worker-node"));
    QVERIFY(added);
    QCOMPARE(compareWithScene(before, {}), QStringList{QStringLiteral("new: element ") + *added});
    before = itemsByKey(*scene());

    // A delete: the card and its links go, nothing else.
    QVERIFY(scene()->selectElement(kPostgres));
    designer()->deleteAction()->trigger();
    QVERIFY(!scene()->elementItem(kPostgres));
    const QStringList deleted = compareWithScene(before, {});
    QVERIFY2(deleted.contains(QStringLiteral("gone: element ") + kPostgres), qPrintable(deleted.join(QLatin1Char('\n'))));
    for (const QString &change : deleted)
        QVERIFY2(change.startsWith(QStringLiteral("gone: ")) && change.contains(kPostgres), qPrintable(change));
    before = itemsByKey(*scene());

    // A connection: web claims storage from ceph-rbd, a new link; web's card gets the claim's badge.
    const auto *web = static_cast<const CardItem *>(scene()->elementItem(kWeb));
    const auto webBadges = web->content().badges.size();
    QVERIFY(designer()->connectElements(kWeb, kClass));
    QCOMPARE(scene()->elementItem(kWeb), web);
    QCOMPARE(web->content().badges.size(), webBadges + 1);
    QCOMPARE(compareWithScene(before, {}),
             QStringList{QStringLiteral("new: link %1 %2 %3#0").arg(static_cast<int>(LinkKind::VolumeClaim)).arg(kWeb, kClass)});
}

void TestDesignerIncremental::undoAndRedoKeepTheOtherItems()
{
    const QHash<QString, const QGraphicsItem *> before = itemsByKey(*scene());
    const QStringList projection = describe(*scene());
    QVERIFY(scene()->selectElement(kPostgres));
    designer()->deleteAction()->trigger();
    designer()->moveElements({{kWorker2, scene()->elementItem(kWorker2)->pos() + QPointF(0, 160)}});
    QVERIFY(designer()->resizeZone(QStringLiteral("zone/zone-b"), Qt::RightEdge, QSizeF(480, 400)));

    QUndoStack *undo = document()->undoStack();
    undo->undo();
    undo->undo();
    undo->undo();
    // Only the deleted workload and its links come back, as new items.
    const QStringList changes = compareWithScene(before, {});
    QVERIFY(changes.contains(QStringLiteral("replaced: element ") + kPostgres));
    for (const QString &change : changes)
        QVERIFY2(change.startsWith(QStringLiteral("replaced: ")) && change.contains(kPostgres), qPrintable(change));
    waitForFindings();
    scene()->clearSelection();
    QCOMPARE(describe(*scene()), projection);

    const QHash<QString, const QGraphicsItem *> restored = itemsByKey(*scene());
    undo->redo();
    undo->redo();
    undo->redo();
    for (const QString &change : compareWithScene(restored, {}))
        QVERIFY2(change.startsWith(QStringLiteral("gone: ")) && change.contains(kPostgres), qPrintable(change));
}

void TestDesignerIncremental::selectionAndHoverSurviveAnEdit()
{
    // Two selected cards stay selected through an edit of a third element, and the inspector is
    // told once.
    ElementItem *a = scene()->elementItem(kWorker1);
    ElementItem *b = scene()->elementItem(kWorker2);
    a->setSelected(true);
    b->setSelected(true);
    QSignalSpy selection(scene(), &DiagramScene::selectedElementsChanged);
    model::Topology edited = document()->topology();
    edited.name = "renamed";
    document()->editTopology(QStringLiteral("Rename"), edited);
    QCOMPARE(selection.count(), 1);
    QCOMPARE(scene()->selectedElementIds(), (QStringList{kWorker1, kWorker2}));
    QVERIFY(a->isSelected() && b->isSelected());

    // The card under the pointer keeps its hover look through an edit (its frame is drawn
    // darker), and hovering goes on working: the pointer moved to another card hovers that one.
    scene()->clearSelection();
    QTest::mouseMove(view()->viewport(), viewportPoint(a->mapToScene(a->rect().topLeft() - QPointF(8, 8))));
    QTest::mouseMove(view()->viewport(), viewportPoint(a->mapToScene(a->rect().center())));
    QTRY_VERIFY(a->isHovered());
    edited.name = "renamed again";
    document()->editTopology(QStringLiteral("Rename"), edited);
    QCOMPARE(scene()->elementItem(kWorker1), a);
    QVERIFY(a->isHovered());
    QTest::mouseMove(view()->viewport(), viewportPoint(b->mapToScene(b->rect().center())));
    QTRY_VERIFY(b->isHovered());
    QVERIFY(!a->isHovered());
}

void TestDesignerIncremental::incrementalEditsEqualAFullProjection()
{
    // A series of edits of every kind, each an incremental update of the window's scene.
    dragCard(kWorker1, QPointF(0, kGridSize * 20));
    designer()->moveElements({{kWeb, QPointF(400, 1200)}});
    QVERIFY(designer()->resizeZone(QStringLiteral("zone/zone-c"), Qt::RightEdge | Qt::BottomEdge, QSizeF(520, 640)));
    QVERIFY(designer()->resizeZone(QStringLiteral("zone/zone-b"), Qt::LeftEdge | Qt::TopEdge,
                                   scene()->elementItem(QStringLiteral("zone/zone-b"))->sceneBoundingRect().adjusted(-40, -64, 0, 0)));
    QVERIFY(designer()->resizeBand(BandKind::Storage, Qt::RightEdge | Qt::BottomEdge, QSizeF(900, 400)));
    model::Topology edited = document()->topology();
    edited.nodes.front().address = "10.9.9.9";
    edited.zones.back().region = "eu-north";
    document()->editTopology(QStringLiteral("Edit"), edited);
    QVERIFY(designer()->addFromPalette(QStringLiteral("control-plane-node")));
    QVERIFY(designer()->addFromPalette(QStringLiteral("zone")));
    QVERIFY(designer()->addFromPalette(QStringLiteral("worker-node"), scene()->elementItem(QStringLiteral("zone/zone-b"))->sceneBoundingRect().center()));
    QVERIFY(scene()->selectElement(kPostgres));
    designer()->deleteAction()->trigger();
    QVERIFY(designer()->connectElements(kWeb, kClass));
    QVERIFY(scene()->selectElement(QStringLiteral("zone/zone-a")));
    designer()->deleteAction()->trigger();  // its nodes go to the lane of unzoned nodes
    document()->undoStack()->undo();
    document()->undoStack()->redo();
    designer()->autoLayoutAction()->trigger();
    document()->undoStack()->undo();
    waitForFindings();

    // The same design projected into an empty scene.
    DiagramScene fresh;
    fresh.setEditable(true);
    fresh.setDesign(document()->topology(), document()->positions(), document()->sizes(), document()->outsets(),
                    document()->findings());
    scene()->clearSelection();
    const QStringList incremental = describe(*scene());
    const QStringList full = describe(fresh);
    for (qsizetype i = 0; i < std::min(incremental.size(), full.size()); ++i)
        QCOMPARE(incremental[i], full[i]);
    QCOMPARE(incremental.size(), full.size());
}

QTEST_MAIN(TestDesignerIncremental)
#include "tst_designer_incremental.moc"
