// GUI tests of align / distribute and of the light / dark appearance, driving the real main
// window: the Arrange actions (menu, shortcut, context menu), their undo steps and zone changes,
// when they are enabled, the diagram's colours following View → Appearance, and the choice kept
// in the settings. The geometry of arrange() is checked on its own, table-driven.

#include "resources/QuorumResources.h"
#include "tests/ui/DesignerTest.h"
#include "tests/ui/DesignerWindow.h"
#include "ui/common/Appearance.h"
#include "ui/common/AppearanceMode.h"
#include "ui/designer/DesignerController.h"
#include "ui/diagram/Arrange.h"
#include "ui/diagram/DiagramItems.h"
#include "ui/diagram/DiagramScene.h"
#include "ui/diagram/DiagramView.h"
#include "ui/diagram/PlacedLayout.h"
#include "ui/document/Autosave.h"
#include "ui/document/DesignDocument.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/mainwindow/SettingsKeys.h"
#include "ui/monitor/LiveController.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using namespace quorum;
using namespace quorum::ui;

Q_DECLARE_METATYPE(quorum::ui::Arrangement)

namespace {

const QString kApiLb = QStringLiteral("loadbalancer/api-lb");
const QString kIngress = QStringLiteral("loadbalancer/ingress");
const QString kMetalLb = QStringLiteral("loadbalancer/metallb");

QAction *findAction(const QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions())
        if (action->text() == text)
            return action;
    return nullptr;
}

} // namespace

class TestArrange : public test::DesignerTest {
    Q_OBJECT

public:
    TestArrange() : DesignerTest(QStringLiteral("tst_arrange")) {}

private slots:
    void cleanup();

    void arrangeGeometry_data();
    void arrangeGeometry();
    void alignLeftIsOneUndoStep();
    void distributeGivesEqualGaps();
    void distributeVerticallyKeepsTheZone();
    void alignIntoAnotherLaneChangesTheZoneLikeADrag();
    void actionsNeedEnoughSelectedCards();
    void contextMenuOfASelectedCardOffersArrange();
    void darkAppearanceRecoloursTheDiagram();
    void appearanceChoiceIsKept();

private:
    QPointF posOf(const QString &id) const { return scene()->elementItem(id)->pos(); }
    /// Places cards where a drag would (one undo step) and selects exactly them.
    void place(const QMap<QString, QPointF> &positions);
    void select(const QStringList &ids);
    /// The colour of the card's body, from the scene rendered as it is on screen.
    QColor cardBody(const QString &id) const;
};

void TestArrange::cleanup()
{
    if (m_window)
        m_window->setAppearance(AppearanceMode::System);  // the settings' choice, for the next test
    DesignerTest::cleanup();
}

void TestArrange::place(const QMap<QString, QPointF> &positions)
{
    designer()->moveElements(positions);
    for (auto it = positions.cbegin(); it != positions.cend(); ++it)
        QCOMPARE(posOf(it.key()), it.value());
    select(positions.keys());
}

void TestArrange::select(const QStringList &ids)
{
    scene()->clearSelection();
    for (const QString &id : ids)
        scene()->elementItem(id)->setSelected(true);
}

QColor TestArrange::cardBody(const QString &id) const
{
    const ElementItem *card = scene()->elementItem(id);
    const QRectF r = card->mapRectToScene(card->rect());
    QImage image(r.size().toSize(), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    scene()->render(&painter, QRectF(QPointF(0, 0), r.size()), r);
    painter.end();
    // Right of the text (which ends 12 units before the edge), halfway down, inside the frame.
    return image.pixelColor(image.width() - 6, image.height() / 2);
}

void TestArrange::arrangeGeometry_data()
{
    QTest::addColumn<Arrangement>("arrangement");
    QTest::addColumn<QList<QPointF>>("expected");
    // Cards a (0,0 100x40), b (48,96 100x80), c (400,16 60x40), all on the grid.
    QTest::newRow("left") << Arrangement::AlignLeft << QList<QPointF>{{0, 0}, {0, 96}, {0, 16}};
    QTest::newRow("right") << Arrangement::AlignRight << QList<QPointF>{{360, 0}, {360, 96}, {400, 16}};
    QTest::newRow("top") << Arrangement::AlignTop << QList<QPointF>{{0, 0}, {48, 0}, {400, 0}};
    QTest::newRow("bottom") << Arrangement::AlignBottom << QList<QPointF>{{0, 136}, {48, 96}, {400, 136}};
    // Extent 0..460, centre 230: a and b at 180, which snaps to 184 (half a grid step off the
    // line, their widths differ from c's by a part of a step), c at 200.
    QTest::newRow("horizontal centres") << Arrangement::AlignHorizontalCentres
                                        << QList<QPointF>{{184, 0}, {184, 96}, {200, 16}};
    // Extent 0..176: centre 88; 88-20 = 68 -> 72, 88-40 = 48.
    QTest::newRow("vertical centres") << Arrangement::AlignVerticalCentres
                                      << QList<QPointF>{{0, 72}, {48, 48}, {400, 72}};
    // Sorted by centre x: a (50), b (98), c (430); span 0..460, widths 260, gap 100: b at 200.
    QTest::newRow("distribute horizontally") << Arrangement::DistributeHorizontally
                                             << QList<QPointF>{{0, 0}, {200, 96}, {400, 16}};
    // Sorted by centre y: a (20), c (36), b (136); span 0..176, heights 160, gap 8: c at 48.
    QTest::newRow("distribute vertically") << Arrangement::DistributeVertically
                                           << QList<QPointF>{{0, 0}, {48, 96}, {400, 48}};
}

void TestArrange::arrangeGeometry()
{
    QFETCH(Arrangement, arrangement);
    QFETCH(QList<QPointF>, expected);
    const QMap<QString, QRectF> cards{{QStringLiteral("a"), QRectF(0, 0, 100, 40)},
                                      {QStringLiteral("b"), QRectF(48, 96, 100, 80)},
                                      {QStringLiteral("c"), QRectF(400, 16, 60, 40)}};
    const QMap<QString, QPointF> moved = arrange(arrangement, cards);
    const QStringList ids{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    for (int i = 0; i < ids.size(); ++i) {
        const QPointF corner = moved.value(ids[i], cards.value(ids[i]).topLeft());
        QCOMPARE(corner, expected[i]);
        QCOMPARE(corner, snapToGrid(corner));
        // Only what moves is returned.
        QCOMPARE(moved.contains(ids[i]), corner != cards.value(ids[i]).topLeft());
    }
    // Too few cards: nothing.
    QVERIFY(arrange(arrangement, {{QStringLiteral("a"), QRectF(0, 0, 10, 10)}}).isEmpty());
}

void TestArrange::alignLeftIsOneUndoStep()
{
    // Three load balancers placed in a staircase on the grid (as drags would), then aligned
    // with the keyboard shortcut.
    const QPointF base = snapToGrid(posOf(kApiLb));
    const QMap<QString, QPointF> placed{{kApiLb, base + QPointF(64, 0)},
                                        {kIngress, base + QPointF(344, 48)},
                                        {kMetalLb, base + QPointF(16, 96)}};
    place(placed);
    const int steps = document()->undoStack()->count();
    const DesignState before = document()->state();
    QAction *alignLeft = designer()->arrangeAction(Arrangement::AlignLeft);
    QVERIFY(alignLeft->isEnabled());
    QCOMPARE(alignLeft->shortcut(), QKeySequence(QStringLiteral("Alt+Shift+L")));
    m_window->diagramView()->setFocus();
    QTest::keyClick(m_window->diagramView(), Qt::Key_L, Qt::AltModifier | Qt::ShiftModifier);

    // Every left edge is where the leftmost one (metallb's) was; the tops stay.
    const qreal leftmost = base.x() + 16;
    QTRY_COMPARE(posOf(kApiLb).x(), leftmost);
    QCOMPARE(posOf(kIngress).x(), leftmost);
    QCOMPARE(posOf(kMetalLb).x(), leftmost);
    QCOMPARE(posOf(kApiLb).y(), base.y());
    QCOMPARE(posOf(kIngress).y(), base.y() + 48);
    QVERIFY(document()->positions().contains(kIngress));  // placed (kept relative to its band)
    QCOMPARE(document()->undoStack()->count(), steps + 1);
    QCOMPARE(document()->undoStack()->undoText(), QStringLiteral("Align Left (3 cards)"));
    // The three stay selected for the next arrangement.
    QCOMPARE(scene()->selectedElementIds().size(), 3);

    // A drag right after it is a step of its own, not merged into the alignment.
    designer()->moveElements({{kApiLb, QPointF(leftmost + 8, base.y())}});
    QCOMPARE(document()->undoStack()->count(), steps + 2);
    document()->undoStack()->undo();

    // One undo puts all three back.
    document()->undoStack()->undo();
    QCOMPARE(document()->state(), before);
    for (auto it = placed.cbegin(); it != placed.cend(); ++it)
        QCOMPARE(posOf(it.key()), it.value());
    document()->undoStack()->redo();
    QCOMPARE(posOf(kIngress).x(), leftmost);

    // Aligned already: nothing to do, no step.
    select({kApiLb, kIngress, kMetalLb});
    const int index = document()->undoStack()->index();
    QVERIFY(!designer()->arrangeSelection(Arrangement::AlignLeft));
    QCOMPARE(document()->undoStack()->index(), index);
    QCOMPARE(document()->undoStack()->undoText(), QStringLiteral("Align Left (3 cards)"));
}

void TestArrange::distributeGivesEqualGaps()
{
    const QPointF base = snapToGrid(posOf(kApiLb));
    place({{kApiLb, base}, {kIngress, base + QPointF(304, 40)}, {kMetalLb, base + QPointF(800, 0)}});
    const int steps = document()->undoStack()->count();
    designer()->arrangeAction(Arrangement::DistributeHorizontally)->trigger();

    // The outer cards stay; the gaps are equal: (800 + 260 - 3 * 260) / 2 = 140.
    QCOMPARE(posOf(kApiLb), base);
    QCOMPARE(posOf(kMetalLb), base + QPointF(800, 0));
    const qreal gap1 = rectOf(kIngress).left() - rectOf(kApiLb).right();
    const qreal gap2 = rectOf(kMetalLb).left() - rectOf(kIngress).right();
    QCOMPARE(gap1, 140.0);
    QCOMPARE(gap2, 140.0);
    QCOMPARE(posOf(kIngress).y(), base.y() + 40);  // only the horizontal position changes
    QCOMPARE(document()->undoStack()->count(), steps + 1);
    QCOMPARE(document()->undoStack()->undoText(), QStringLiteral("Distribute Horizontally (3 cards)"));
    document()->undoStack()->undo();
    QCOMPARE(posOf(kIngress), base + QPointF(304, 40));
}

void TestArrange::distributeVerticallyKeepsTheZone()
{
    // zone-a's three nodes, one above the other in their lane.
    const QString lb = QStringLiteral("node/lb-1");
    const QString cp = QStringLiteral("node/cp-1");
    const QString worker = QStringLiteral("node/worker-1");
    const QPointF top = snapToGrid(posOf(lb));
    place({{lb, top}, {cp, top + QPointF(0, 88)}, {worker, top + QPointF(0, 400)}});
    designer()->arrangeAction(Arrangement::DistributeVertically)->trigger();
    // Span 400 + 74, three 74-high cards: gaps of 126.
    QCOMPARE(posOf(lb), top);
    QCOMPARE(posOf(cp), top + QPointF(0, 200));
    QCOMPARE(posOf(worker), top + QPointF(0, 400));
    for (const char *name : {"lb-1", "cp-1", "worker-1"})
        QCOMPARE(document()->topology().findNode(name)->zone, std::string("zone-a"));
}

void TestArrange::alignIntoAnotherLaneChangesTheZoneLikeADrag()
{
    // worker-3 (zone-c) aligned left with worker-1 (zone-a) lands in zone-a's lane and joins
    // zone-a, as it would when dragged there; the undo step takes it back.
    const QString w1 = QStringLiteral("node/worker-1");
    const QString w3 = QStringLiteral("node/worker-3");
    select({w1, w3});
    const QPointF w1Pos = posOf(w1);
    QVERIFY(designer()->arrangeSelection(Arrangement::AlignLeft));
    QCOMPARE(posOf(w3).x(), snapToGrid(w1Pos).x());
    QCOMPARE(document()->topology().findNode("worker-3")->zone, std::string("zone-a"));
    QCOMPARE(document()->topology().findNode("worker-1")->zone, std::string("zone-a"));
    QCOMPARE(document()->undoStack()->undoText(), QStringLiteral("Align Left (2 cards)"));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("worker-3 is now in zone-a")));
    document()->undoStack()->undo();
    QCOMPARE(document()->topology().findNode("worker-3")->zone, std::string("zone-c"));
}

void TestArrange::actionsNeedEnoughSelectedCards()
{
    auto enabled = [this] {
        QStringList on;
        for (QAction *action : designer()->arrangeActions())
            if (action && action->isEnabled())
                on << action->text().remove(QLatin1Char('&'));
        return on;
    };
    const QStringList aligns{QStringLiteral("Align Left"), QStringLiteral("Align Horizontal Centres"),
                             QStringLiteral("Align Right"), QStringLiteral("Align Top"),
                             QStringLiteral("Align Vertical Centres"), QStringLiteral("Align Bottom")};
    QCOMPARE(designer()->arrangeActions().count(nullptr), 2);  // two separators
    scene()->clearSelection();
    QCOMPARE(enabled(), QStringList());
    select({kApiLb});
    QCOMPARE(enabled(), QStringList());
    // A lane and the banner are not cards: they do not count.
    select({kApiLb, QStringLiteral("zone/zone-a"), QStringLiteral("cluster")});
    QCOMPARE(enabled(), QStringList());
    select({kApiLb, kIngress});
    QCOMPARE(enabled(), aligns);
    select({kApiLb, kIngress, QStringLiteral("workload/web")});
    const QStringList all = aligns + QStringList{QStringLiteral("Distribute Horizontally"), QStringLiteral("Distribute Vertically")};
    QCOMPARE(enabled(), all);
    // A disabled action changes nothing when triggered anyway.
    select({kApiLb, kIngress});
    const int steps = document()->undoStack()->count();
    QVERIFY(!designer()->arrangeSelection(Arrangement::DistributeHorizontally));
    QCOMPARE(document()->undoStack()->count(), steps);

    // The Edit menu holds them in an Arrange submenu; each has a status tip and a tooltip.
    QMenu *edit = nullptr;
    for (QAction *top : m_window->menuBar()->actions())
        if (top->text() == QStringLiteral("&Edit"))
            edit = top->menu();
    QVERIFY(edit);
    QAction *arrangeEntry = findAction(edit, QStringLiteral("Arra&nge"));
    QVERIFY(arrangeEntry && arrangeEntry->menu());
    QCOMPARE(arrangeEntry->menu()->actions().size(), 10);
    for (QAction *action : designer()->arrangeActions()) {
        if (!action)
            continue;
        QVERIFY(arrangeEntry->menu()->actions().contains(action));
        QVERIFY(!action->statusTip().isEmpty());
        QCOMPARE(action->toolTip(), action->statusTip());
        QVERIFY(!action->shortcut().isEmpty());
    }
}

void TestArrange::contextMenuOfASelectedCardOffersArrange()
{
    select({kApiLb, kIngress});
    std::unique_ptr<QMenu> menu(m_window->elementMenu(kIngress));
    QVERIFY(menu);
    QAction *arrangeEntry = findAction(menu.get(), QStringLiteral("Arra&nge"));
    QVERIFY(arrangeEntry && arrangeEntry->menu());
    QAction *alignTop = designer()->arrangeAction(Arrangement::AlignTop);
    QVERIFY(arrangeEntry->menu()->actions().contains(alignTop));
    QVERIFY(alignTop->isEnabled());
    // A card outside the selection has no Arrange entry; while not running, only its links
    // (tst_links).
    std::unique_ptr<QMenu> other(m_window->elementMenu(QStringLiteral("workload/web")));
    QVERIFY(other);
    QVERIFY(!findAction(other.get(), QStringLiteral("Arra&nge")));
    QVERIFY(findAction(other.get(), QStringLiteral("Select &Link")));
    QCOMPARE(other->actions().size(), 1);
}

void TestArrange::darkAppearanceRecoloursTheDiagram()
{
    const DiagramColors &light = diagramColors(false);
    const DiagramColors &dark = diagramColors(true);
    const QString card = QStringLiteral("node/cp-1");
    scene()->clearSelection();
    QCOMPARE(scene()->backgroundBrush().color(), light.sceneBackground);
    QCOMPARE(cardBody(card), light.cardFill);
    QVERIFY(!isDarkAppearance());

    QSignalSpy notified(AppearanceNotifier::instance(), &AppearanceNotifier::changed);
    QAction *darkAction = m_window->appearanceAction(AppearanceMode::Dark);
    QVERIFY(darkAction && darkAction->isCheckable());
    darkAction->trigger();
    QVERIFY(darkAction->isChecked());
    QVERIFY(isDarkAppearance());
    QVERIFY(!notified.isEmpty());
    QCOMPARE(notified.last().at(0).toBool(), true);
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    QTRY_COMPARE(scene()->backgroundBrush().color(), dark.sceneBackground);
    QVERIFY(scene()->backgroundBrush().color().lightness() < 40);
    const QColor body = cardBody(card);
    QCOMPARE(body, dark.cardFill);
    QVERIFY(body.lightness() < 60);
    // Text keeps its contrast: light text on the dark card.
    QVERIFY(dark.textPrimary.lightness() - dark.cardFill.lightness() > 150);
    QVERIFY(dark.readable(accentColor(model::NodeRole::ControlPlane)).lightness() > 150);
    if (const QByteArray out = qgetenv("QUORUM_SCREENSHOT_DIR"); !out.isEmpty()) {
        // For a look at the docks in the dark palette: the artifacts, then the charts.
        m_window->artifactsDock()->raise();
        QTest::qWait(200);
        m_window->grab().save(QString::fromLocal8Bit(out) + QStringLiteral("/arrange-dark-artifacts.png"));
        m_window->live()->monitorDock()->raise();
        QTest::qWait(200);
        m_window->grab().save(QString::fromLocal8Bit(out) + QStringLiteral("/arrange-dark-monitor.png"));
    }

    m_window->appearanceAction(AppearanceMode::Light)->trigger();
    QVERIFY(!isDarkAppearance());
    QTRY_COMPARE(scene()->backgroundBrush().color(), light.sceneBackground);
    QCOMPARE(cardBody(card), light.cardFill);
    QCOMPARE(notified.last().at(0).toBool(), false);
}

void TestArrange::appearanceChoiceIsKept()
{
    QCOMPARE(m_window->appearance(), AppearanceMode::System);
    QVERIFY(m_window->appearanceAction(AppearanceMode::System)->isChecked());
    m_window->appearanceAction(AppearanceMode::Dark)->trigger();
    QCOMPARE(QSettings().value(settings::kAppearanceKey).toString(), QStringLiteral("dark"));

    // The next start takes the choice.
    m_window->setUnsavedChangesAnswer(QMessageBox::Discard);
    m_window.reset();
    applyAppearanceMode(AppearanceMode::System);
    QVERIFY(!isDarkAppearance());
    m_window = std::make_unique<MainWindow>();
    QCOMPARE(m_window->appearance(), AppearanceMode::Dark);
    QVERIFY(m_window->appearanceAction(AppearanceMode::Dark)->isChecked());
    QVERIFY(isDarkAppearance());
    m_window->show();
    QTRY_COMPARE(scene()->backgroundBrush().color(), diagramColors(true).sceneBackground);

    // A choice for one run only (--appearance) is not kept.
    m_window->setAppearance(AppearanceMode::Light, false);
    QCOMPARE(QSettings().value(settings::kAppearanceKey).toString(), QStringLiteral("dark"));
    // System is kept as such, and puts the platform's palette back.
    m_window->appearanceAction(AppearanceMode::System)->trigger();
    QCOMPARE(QSettings().value(settings::kAppearanceKey).toString(), QStringLiteral("system"));
    QVERIFY(!isDarkAppearance());
    QTRY_COMPARE(scene()->backgroundBrush().color(), diagramColors(false).sceneBackground);
}

QTEST_MAIN(TestArrange)
#include "tst_arrange.moc"
