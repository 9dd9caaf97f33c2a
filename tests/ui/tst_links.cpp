// GUI tests of selecting links that run behind cards, driving the real main window: a click where
// a card covers the link selects the card; the card's context menu (a real right-click on the
// view) lists its links under Select Link, choosing one selects it, draws it above the cards and
// says in the status bar that Delete disconnects it; Delete and undo; the hint shown when a card
// with links is clicked.

#include "tests/ui/DesignerTest.h"
#include "tests/ui/DesignerWindow.h"
#include "ui/designer/DesignerController.h"
#include "ui/diagram/DiagramItems.h"
#include "ui/diagram/DiagramScene.h"
#include "ui/diagram/DiagramView.h"
#include "ui/document/DesignDocument.h"
#include "ui/mainwindow/MainWindow.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <memory>
#include <optional>

using namespace quorum;
using namespace quorum::ui;

class TestLinks : public test::DesignerTest {
    Q_OBJECT

public:
    TestLinks() : DesignerTest(QStringLiteral("tst_links")) {}

private slots:

    void linkBehindACardIsSelectedFromTheCardsMenu();
    void clickingACardWithLinksShowsTheHint();

private:
    QPoint viewportPoint(const QPointF &scenePos) const { return view()->mapFromScene(scenePos); }
    /// A link and a point on its line that a card other than its ends covers.
    struct Hidden {
        LinkItem *link = nullptr;
        QPointF point;
        QString coveredBy;
    };
    std::optional<Hidden> hiddenLink() const;
    /// Right-clicks the view at a scene point; returns the context menu that opened.
    QMenu *contextMenuAt(const QPointF &scenePos);
};

std::optional<TestLinks::Hidden> TestLinks::hiddenLink() const
{
    for (LinkItem *link : scene()->linkItems()) {
        const QPolygonF points = link->points();
        for (int i = 0; i + 1 < points.size(); ++i) {
            for (int step = 1; step < 20; ++step) {
                const QPointF p = points[i] + (points[i + 1] - points[i]) * (step / 20.0);
                for (ElementItem *card : scene()->elementItems()) {
                    const QString id = card->elementId();
                    if (id == link->fromId() || id == link->toId() || card->type() == ZoneLaneItem::Type
                        || id == QStringLiteral("cluster"))
                        continue;
                    if (card->mapRectToScene(card->rect()).adjusted(8, 8, -8, -8).contains(p))
                        return Hidden{link, p, id};
                }
            }
        }
    }
    return std::nullopt;
}

QMenu *TestLinks::contextMenuAt(const QPointF &scenePos)
{
    const QPoint pos = viewportPoint(scenePos);
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, view()->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view()->viewport(), &event);
    for (QMenu *menu : m_window->findChildren<QMenu *>())
        if (menu->isVisible() && menu->testAttribute(Qt::WA_DeleteOnClose))
            return menu;
    return nullptr;
}

void TestLinks::linkBehindACardIsSelectedFromTheCardsMenu()
{
    // The automatic layout routes links around cards; a card placed by hand can cover one. Drag
    // metallb onto the middle of the longest leg of a link from api-lb.
    const QString metallb = QStringLiteral("loadbalancer/metallb");
    LinkItem *covered = nullptr;
    for (LinkItem *link : scene()->linksAt(QStringLiteral("loadbalancer/api-lb")))
        if (link->toId() != metallb && link->points().size() >= 2)
            covered = link;
    QVERIFY(covered);
    const QPolygonF points = covered->points();
    QPointF target;
    qreal longest = -1;
    for (int i = 0; i + 1 < points.size(); ++i)
        if (const qreal length = QLineF(points[i], points[i + 1]).length(); length > longest) {
            longest = length;
            target = (points[i] + points[i + 1]) / 2;
        }
    const ElementItem *card = scene()->elementItem(metallb);
    QVERIFY(card);
    const QPoint a = viewportPoint(card->mapRectToScene(card->rect()).center());
    const QPoint b = viewportPoint(target);
    QTest::mousePress(view()->viewport(), Qt::LeftButton, Qt::NoModifier, a);
    QTest::mouseMove(view()->viewport(), (a + b) / 2);
    QTest::mouseMove(view()->viewport(), b);
    QTest::mouseRelease(view()->viewport(), Qt::LeftButton, Qt::NoModifier, b);
    QCoreApplication::processEvents();
    QVERIFY(document()->positions().contains(metallb));

    const std::optional<Hidden> hidden = hiddenLink();
    QVERIFY2(hidden, "the default design has no link running behind a card");
    const QString from = hidden->link->fromId();
    const QString to = hidden->link->toId();
    const LinkKind kind = hidden->link->kind();  // the item goes when the link is disconnected
    const QString text = DesignerController::describeLink(*hidden->link);

    // A click where the card covers the link selects the card.
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, Qt::NoModifier, viewportPoint(hidden->point));
    QCOMPARE(scene()->selectedElementIds(), QStringList{hidden->coveredBy});
    QVERIFY(scene()->selectedLinks().isEmpty());

    // The menu of the link's end lists it under Select Link.
    const ElementItem *end = scene()->elementItem(to);
    QVERIFY(end);
    QMenu *menu = contextMenuAt(end->mapRectToScene(end->rect()).center());
    QVERIFY(menu);
    QMenu *links = nullptr;
    for (QAction *action : menu->actions())
        if (action->menu() && action->text() == DesignerController::tr("Select &Link"))
            links = action->menu();
    QVERIFY(links);
    QAction *choice = nullptr;
    QStringList texts;
    for (QAction *action : links->actions()) {
        texts << action->text();
        if (action->text() == text)
            choice = action;
    }
    QVERIFY2(choice, qPrintable(texts.join(QStringLiteral(", "))));
    QCOMPARE(texts.size(), scene()->linksAt(to).size());
    if (const QString dir = qEnvironmentVariable("QUORUM_TEST_SHOTS"); !dir.isEmpty()) {
        links->popup(menu->geometry().topRight());
        menu->grab().save(dir + QStringLiteral("/links-menu.png"));
        links->grab().save(dir + QStringLiteral("/links-submenu.png"));
        links->close();
    }
    choice->trigger();
    menu->close();

    const QList<LinkItem *> selected = scene()->selectedLinks();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.front()->fromId(), from);
    QCOMPARE(selected.front()->toId(), to);
    QVERIFY(scene()->selectedElementIds().isEmpty());
    // Drawn above the card that hid it, and the status bar says what Delete does.
    QVERIFY(selected.front()->zValue() > scene()->elementItem(hidden->coveredBy)->zValue());
    QVERIFY2(m_window->statusBar()->currentMessage().contains(DesignerController::tr("Delete disconnects it")),
             qPrintable(m_window->statusBar()->currentMessage()));
    if (const QString dir = qEnvironmentVariable("QUORUM_TEST_SHOTS"); !dir.isEmpty())
        m_window->grab().save(dir + QStringLiteral("/links-selected.png"));

    // Delete disconnects it, one undo step; undo brings it back.
    const int steps = document()->undoStack()->count();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Delete);
    QCOMPARE(document()->undoStack()->count(), steps + 1);
    QVERIFY(document()->undoStack()->undoText().startsWith(QStringLiteral("Disconnect")));
    const auto linked = [&] {
        for (LinkItem *link : scene()->linksAt(to))
            if (link->fromId() == from && link->kind() == kind)
                return true;
        return false;
    };
    QVERIFY(!linked());
    document()->undoStack()->undo();
    QVERIFY(linked());
    // Unselected, links go back under the cards.
    scene()->clearSelection();
    for (LinkItem *link : scene()->linkItems())
        QVERIFY(link->zValue() < scene()->elementItem(hidden->coveredBy)->zValue());
}

void TestLinks::clickingACardWithLinksShowsTheHint()
{
    const QString cp = QStringLiteral("node/cp-1");
    const ElementItem *card = scene()->elementItem(cp);
    QVERIFY(card);
    QVERIFY(!scene()->linksAt(cp).isEmpty());
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, Qt::NoModifier,
                      viewportPoint(card->mapRectToScene(card->rect()).center()));
    QCOMPARE(scene()->selectedElementIds(), QStringList{cp});
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("right-click")),
             qPrintable(m_window->statusBar()->currentMessage()));
}

QTEST_MAIN(TestLinks)
#include "tst_links.moc"
