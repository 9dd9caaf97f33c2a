// GUI tests of the designer, driving real widgets: palette drops, dragging cards with the
// mouse, the inspector's editors, delete / copy / paste, undo and redo back to the original
// model, .quorum project files (save, reopen, corrupt and truncated files) and asking before
// unsaved changes are lost.

#include "engine/model/Findings.h"
#include "engine/model/TopologyYaml.h"
#include "engine/project/Project.h"
#include "resources/QuorumResources.h"
#include "tests/ui/DesignerTest.h"
#include "tests/ui/DesignerWindow.h"
#include "ui/designer/DesignerController.h"
#include "ui/designer/Inspector.h"
#include "ui/designer/Palette.h"
#include "ui/diagram/DiagramItems.h"
#include "ui/diagram/DiagramScene.h"
#include "ui/diagram/DiagramView.h"
#include "ui/diagram/PlacedLayout.h"
#include "ui/document/Autosave.h"
#include "ui/document/DesignDocument.h"
#include "ui/mainwindow/MainWindow.h"

#include <optional>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using namespace quorum;
using namespace quorum::ui;

namespace {

bool hasFinding(const DesignDocument *document, const std::string &rule, model::Severity severity)
{
    for (const model::Finding &f : document->findings())
        if (f.rule == rule && f.severity == severity)
            return true;
    return false;
}

/// The "what if" line of the cluster banner.
QString whatIfLine(const DiagramScene *scene)
{
    const auto *banner = qgraphicsitem_cast<const ClusterItem *>(scene->elementItem(QStringLiteral("cluster")));
    return banner ? banner->content().lines.value(1) : QString();
}

} // namespace

class TestDesigner : public test::DesignerTest {
    Q_OBJECT

public:
    TestDesigner() : DesignerTest(QStringLiteral("tst_designer")) {}

private slots:
    void init();

    void buildProductionTopologyFromAnEmptyCanvas();
    void paletteDropAddsANodeInTheZoneUnderTheCursor();
    void paletteDoubleClickAddsToTheQuietestZone();
    void draggingACardMovesItAndMergesConsecutiveDrags();
    void arrowKeysNudgeTheSelection();
    void draggingANodeIntoAnotherLaneChangesItsZone();
    void shiftDragConnectsTwoCards();
    void clickingALinkAndDeleteDisconnects();
    void inspectorEditsAndRefusesBadValues();
    void inspectorEditsAutoscaling();
    void inspectorRenameFollowsReferencesAndSelection();
    void inspectorEditsTheVipInterface();
    void deleteThirdEtcdMemberRaisesFindingUndoClearsIt();
    void undoAndRedoReturnToTheOriginalModel();
    void copyAndPaste();
    void autoLayoutForgetsPlacedPositions();
    void saveAndReopenGiveTheSameModelAndLayout();
    void corruptAndTruncatedProjectsLeaveTheDesignUntouched_data();
    void corruptAndTruncatedProjectsLeaveTheDesignUntouched();
    void unsavedChangesAreNotLostUnasked();
    void droppedDesignFileOpens();
    void exportDiagram();
    void saveAsTemplateAndNewFromIt();
    void autosaveRecoversAfterACrash();
    void autosaveWritesInTheBackground();
    void recoveryCanBeDiscarded();

private:
    /// Where a scene point is in the view's viewport.
    QPoint viewportPoint(const QPointF &scenePos) const { return view()->mapFromScene(scenePos); }
    QString saveProject(const QString &name);
    /// Drops a palette entry on the diagram at a scene position, as a drag from the palette does.
    void dropEntry(const QString &entry, const QPointF &scenePos);
    /// Shift-drags from one card to another with the mouse.
    void shiftDrag(const QString &fromId, const QString &toId);
    QPointF laneCentre(const QString &zone) const;
};

void TestDesigner::init()
{
    DesignerTest::init();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!document()->isModified());
}

QString TestDesigner::saveProject(const QString &name)
{
    const QString path = m_dir.filePath(name);
    if (!m_window->saveAs(path))
        qWarning("saving %s failed: %s", qPrintable(path), qPrintable(m_window->lastError()));
    return path;
}

void TestDesigner::dropEntry(const QString &entry, const QPointF &scenePos)
{
    QMimeData mime;
    mime.setData(DiagramView::paletteMimeType(), entry.toUtf8());
    const QPoint at = viewportPoint(scenePos);
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view()->viewport(), &enter);
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view()->viewport(), &drop);
}

void TestDesigner::shiftDrag(const QString &fromId, const QString &toId)
{
    auto centre = [this](const QString &id) {
        ElementItem *item = scene()->elementItem(id);
        return viewportPoint(item->mapToScene(item->rect().center()));
    };
    const QPoint from = centre(fromId);
    const QPoint to = centre(toId);
    const int steps = document()->undoStack()->count();
    QTest::mousePress(view()->viewport(), Qt::LeftButton, Qt::ShiftModifier, from);
    QTest::mouseMove(view()->viewport(), to);
    QTest::mouseRelease(view()->viewport(), Qt::LeftButton, Qt::ShiftModifier, to);
    QTRY_COMPARE(document()->undoStack()->count(), steps + 1);
}

QPointF TestDesigner::laneCentre(const QString &zone) const
{
    ElementItem *lane = scene()->elementItem(QStringLiteral("zone/") + zone);
    return lane ? lane->mapRectToScene(lane->rect()).center() : QPointF();
}

void TestDesigner::buildProductionTopologyFromAnEmptyCanvas()
{
    // What a person does: New, three zones, a control-plane node and a worker dropped into each
    // lane, two load-balancer nodes, an HAProxy connected to them, Ceph with a class, two
    // workloads; the findings appear and clear on the way; then save, reopen, export a PNG.
    // With QUORUM_SCREENSHOT_DIR set, the window is saved at each step (designer-step-N-*.png).
    const QString shots = QString::fromLocal8Bit(qgetenv("QUORUM_SCREENSHOT_DIR"));
    int step = 0;
    auto shot = [&](const char *what) {
        if (shots.isEmpty())
            return;
        QTest::qWait(100); // a dock that just appeared narrows the view once laid out
        view()->fitToContents();
        m_window->grab().save(QStringLiteral("%1/designer-step-%2-%3.png").arg(shots).arg(++step).arg(QLatin1String(what)));
    };
    QVERIFY(m_window->newDesign());
    view()->fitToContents();
    shot("empty");
    Palette *palette = designer()->palette();
    for (int i = 0; i < 3; ++i)
        emit palette->itemActivated(palette->entryItem(QStringLiteral("zone")), 0);
    QCOMPARE(document()->topology().zones.size(), std::size_t(3));
    for (const char *zone : {"zone-a", "zone-b", "zone-c"}) {
        view()->fitToContents();
        dropEntry(QStringLiteral("control-plane-node"), laneCentre(QString::fromLatin1(zone)));
        if (std::string(zone) == "zone-a") {
            // One etcd member: quorum 1, no failure tolerated — an error finding.
            QTRY_VERIFY(hasFinding(document(), "etcd-quorum", model::Severity::Error));
            shot("one-etcd-member");
        }
    }
    QCOMPARE(document()->topology().nodesRunning(model::Component::Etcd).size(), std::size_t(3));
    QTRY_VERIFY(!hasFinding(document(), "etcd-quorum", model::Severity::Error));
    shot("three-etcd-members");
    for (const char *zone : {"zone-a", "zone-b", "zone-c"}) {
        view()->fitToContents();
        dropEntry(QStringLiteral("worker-node"), laneCentre(QString::fromLatin1(zone)));
    }
    for (const char *zone : {"zone-a", "zone-b"}) {
        view()->fitToContents();
        dropEntry(QStringLiteral("load-balancer-node"), laneCentre(QString::fromLatin1(zone)));
    }
    for (const char *zone : {"zone-a", "zone-b", "zone-c"})
        for (const model::Node &n : document()->topology().nodes)
            if (n.zone == zone)
                QVERIFY(n.role == model::NodeRole::ControlPlane || n.role == model::NodeRole::Worker || n.role == model::NodeRole::LoadBalancer);
    emit palette->itemActivated(palette->entryItem(QStringLiteral("haproxy")), 0);
    view()->fitToContents();
    shiftDrag(QStringLiteral("loadbalancer/api-lb-1"), QStringLiteral("node/lb-1"));
    shiftDrag(QStringLiteral("loadbalancer/api-lb-1"), QStringLiteral("node/lb-2"));
    QVERIFY(view()->showElement(QStringLiteral("loadbalancer/api-lb-1")));
    test::typeInto(qobject_cast<QLineEdit *>(designer()->inspector()->editor(QStringLiteral("vip"))), QStringLiteral("10.0.0.10"));
    emit palette->itemActivated(palette->entryItem(QStringLiteral("ceph")), 0);
    emit palette->itemActivated(palette->entryItem(QStringLiteral("storage-class")), 0);
    emit palette->itemActivated(palette->entryItem(QStringLiteral("deployment")), 0);
    emit palette->itemActivated(palette->entryItem(QStringLiteral("statefulset")), 0);
    view()->fitToContents();
    shiftDrag(QStringLiteral("workload/db-1"), QStringLiteral("storageclass/class-1"));
    QTRY_VERIFY(!document()->findingsPending());
    shot("built");

    const model::Topology &t = document()->topology();
    QCOMPARE(t.nodes.size(), std::size_t(8));
    const model::LoadBalancer *lb = t.findLoadBalancer("api-lb-1");
    QVERIFY(lb);
    QCOMPARE(lb->targets, (std::vector<std::string>{"cp-1", "cp-2", "cp-3"}));
    QCOMPARE(lb->hosts, (std::vector<std::string>{"lb-1", "lb-2"}));
    QCOMPARE(lb->vip, std::string("10.0.0.10"));
    QCOMPARE(t.findStorageClass("class-1")->backend, std::string("ceph-1"));
    QCOMPARE(t.findWorkload("db-1")->volumeClaims.front().storageClass, std::string("class-1"));
    QTRY_VERIFY(!document()->findingsPending());
    const model::FindingCounts counts = model::countFindings(document()->findings());
    QVERIFY2(counts.errors == 0, qPrintable(QString::number(counts.errors)));
    const QString what = whatIfLine(scene());
    QVERIFY2(what.contains(QStringLiteral("survives 1 node failure(s) and 1 of 3 zone outage(s)")), qPrintable(what));

    const QString path = saveProject(QStringLiteral("built.quorum"));
    QVERIFY(m_window->newDesign());
    QVERIFY(m_window->openFile(path));
    QCOMPARE(document()->topology().nodes.size(), std::size_t(8));
    const QString png = m_dir.filePath(QStringLiteral("built.png"));
    QVERIFY(m_window->exportDiagram(png));
    if (const QByteArray out = qgetenv("QUORUM_SCREENSHOT_DIR"); !out.isEmpty()) {
        QTest::qWait(100); // the reopened design's inspector is laid out
        view()->fitToContents();
        m_window->grab().save(QString::fromLocal8Bit(out) + QStringLiteral("/designer-built.png"));
        QFile::copy(png, QString::fromLocal8Bit(out) + QStringLiteral("/designer-built-export.png"));
    }
}

void TestDesigner::paletteDropAddsANodeInTheZoneUnderTheCursor()
{
    ElementItem *laneB = scene()->elementItem(QStringLiteral("zone/zone-b"));
    QVERIFY(laneB);
    const QPointF target = laneB->mapRectToScene(laneB->rect()).center();

    // A real drop on the view's viewport, with the palette's own MIME data.
    Palette *palette = designer()->palette();
    QTreeWidgetItem *entry = palette->entryItem(QStringLiteral("worker-node"));
    QVERIFY(entry);
    QMimeData mime;
    mime.setData(DiagramView::paletteMimeType(), Palette::entryOf(entry).toUtf8());
    const QPoint at = viewportPoint(target);
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view()->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view()->viewport(), &drop);
    QVERIFY(drop.isAccepted());

    const model::Node *added = document()->topology().findNode("worker-4");
    QVERIFY(added);
    QCOMPARE(added->zone, std::string("zone-b"));
    QCOMPARE(added->role, model::NodeRole::Worker);
    // The card takes its place in zone-b's lane (not piled where it was dropped) and is
    // selected for the inspector.
    ElementItem *card = scene()->elementItem(QStringLiteral("node/worker-4"));
    QVERIFY(card);
    QVERIFY(!document()->positions().contains(QStringLiteral("node/worker-4")));
    ElementItem *lane = scene()->elementItem(QStringLiteral("zone/zone-b"));
    QVERIFY(lane->mapRectToScene(lane->rect()).contains(card->mapRectToScene(card->rect())));
    QCOMPARE(scene()->selectedElementIds(), QStringList{QStringLiteral("node/worker-4")});
    QCOMPARE(designer()->inspector()->elementId(), QStringLiteral("node/worker-4"));
    QVERIFY(document()->isModified());
    QVERIFY(m_window->isWindowModified());
    QCOMPARE(document()->undoStack()->undoText(), QStringLiteral("Add worker-4"));
}

void TestDesigner::paletteDoubleClickAddsToTheQuietestZone()
{
    // Two control-plane nodes in zone-a and zone-b after removing cp-3: the new one goes to
    // zone-c, and takes the free name cp-3.
    model::Topology t = document()->topology();
    t.nodes.erase(std::remove_if(t.nodes.begin(), t.nodes.end(), [](const model::Node &n) { return n.name == "cp-3"; }),
                  t.nodes.end());
    document()->editTopology(QStringLiteral("test"), t);
    QTreeWidgetItem *entry = designer()->palette()->entryItem(QStringLiteral("control-plane-node"));
    QVERIFY(entry);
    emit designer()->palette()->itemActivated(entry, 0);
    const model::Node *added = document()->topology().findNode("cp-3");
    QVERIFY(added);
    QCOMPARE(added->zone, std::string("zone-c"));
    QVERIFY(!document()->positions().contains(QStringLiteral("node/cp-3")));  // the layout places it
    // The API load balancer balances the new API server too.
    const auto &targets = document()->topology().findLoadBalancer("api-lb")->targets;
    QVERIFY(std::find(targets.begin(), targets.end(), "cp-3") != targets.end());
}

void TestDesigner::draggingACardMovesItAndMergesConsecutiveDrags()
{
    const QString id = QStringLiteral("workload/web");
    ElementItem *card = scene()->elementItem(id);
    QVERIFY(card);
    QVERIFY(card->flags() & QGraphicsItem::ItemIsMovable);
    const QPointF start = card->pos();
    const int steps = document()->undoStack()->count();

    auto drag = [&](const QPointF &by) {
        ElementItem *item = scene()->elementItem(id);
        const QPoint from = viewportPoint(item->mapToScene(item->rect().center()));
        const QPoint to = from + (view()->mapFromScene(by) - view()->mapFromScene(QPointF(0, 0)));
        QTest::mousePress(view()->viewport(), Qt::LeftButton, Qt::NoModifier, from);
        QTest::mouseMove(view()->viewport(), from + QPoint(5, 5));
        QTest::mouseMove(view()->viewport(), to);
        QTest::mouseRelease(view()->viewport(), Qt::LeftButton, Qt::NoModifier, to);
    };
    drag(QPointF(160, 96));
    QTRY_VERIFY(document()->positions().contains(id));
    const QPointF placed = scene()->elementItem(id)->pos();
    QVERIFY2((placed - start).manhattanLength() > 100, qPrintable(QStringLiteral("%1,%2").arg(placed.x()).arg(placed.y())));
    QCOMPARE(placed, snapToGrid(placed));  // on the grid
    QCOMPARE(document()->undoStack()->count(), steps + 1);

    drag(QPointF(80, 0));
    QTRY_VERIFY(scene()->elementItem(id)->pos() != placed);
    QCOMPARE(document()->undoStack()->count(), steps + 1);  // the second drag merged into the first
    document()->undoStack()->undo();
    QVERIFY(!document()->positions().contains(id));
    QCOMPARE(scene()->elementItem(id)->pos(), start);
}

void TestDesigner::arrowKeysNudgeTheSelection()
{
    const QString id = QStringLiteral("workload/web");
    ElementItem *card = scene()->elementItem(id);
    QVERIFY(card);
    const QPointF start = card->pos();
    const int steps = document()->undoStack()->count();
    // Nothing selected: the arrows scroll the diagram and nothing moves.
    scene()->clearSelection();
    view()->setFocus();
    for (QAction *action : designer()->nudgeActions())
        QVERIFY(!action->isEnabled());
    QTest::keyClick(view(), Qt::Key_Right);
    QCOMPARE(document()->undoStack()->count(), steps);

    scene()->selectElement(id);
    QTest::keyClick(view(), Qt::Key_Right);
    QTest::keyClick(view(), Qt::Key_Right);
    QTest::keyClick(view(), Qt::Key_Down, Qt::ShiftModifier);
    // Cards land on the grid: an automatically placed card snaps on its first nudge.
    const QPointF nudged = snapToGrid(start + QPointF(2 * kGridSize, 5 * kGridSize));
    QTRY_COMPARE(scene()->elementItem(id)->pos(), nudged);
    QVERIFY(document()->positions().contains(id));
    QVERIFY(scene()->elementItem(id)->isSelected());
    QCOMPARE(document()->undoStack()->count(), steps + 1); // consecutive nudges are one step
    QTest::keyClick(view(), Qt::Key_Up);
    QTest::keyClick(view(), Qt::Key_Left);
    QTRY_COMPARE(scene()->elementItem(id)->pos(), nudged - QPointF(kGridSize, kGridSize));
    document()->undoStack()->undo();
    QCOMPARE(scene()->elementItem(id)->pos(), start);
}

void TestDesigner::draggingANodeIntoAnotherLaneChangesItsZone()
{
    ElementItem *laneC = scene()->elementItem(QStringLiteral("zone/zone-c"));
    ElementItem *worker = scene()->elementItem(QStringLiteral("node/worker-1"));
    QVERIFY(laneC && worker);
    const QRectF laneRect = laneC->mapRectToScene(laneC->rect());
    // Drop it in the lower part of zone-c's lane, below zone-c's own cards.
    const QPointF target(laneRect.center().x(), laneRect.bottom() - metrics::kNodeHeight / 2 - 4);
    designer()->moveElements({{QStringLiteral("node/worker-1"), target - QPointF(metrics::kCardWidth / 2, metrics::kNodeHeight / 2)}});
    QCOMPARE(document()->topology().findNode("worker-1")->zone, std::string("zone-c"));
    // The lane of zone-c still holds the card.
    ElementItem *lane = scene()->elementItem(QStringLiteral("zone/zone-c"));
    ElementItem *card = scene()->elementItem(QStringLiteral("node/worker-1"));
    QVERIFY(lane->mapRectToScene(lane->rect()).contains(card->mapRectToScene(card->rect())));
    document()->undoStack()->undo();
    QCOMPARE(document()->topology().findNode("worker-1")->zone, std::string("zone-a"));
}

void TestDesigner::shiftDragConnectsTwoCards()
{
    // A control-plane node no load balancer balances yet.
    model::Topology t = document()->topology();
    model::Node node;
    node.name = "cp-9";
    node.role = model::NodeRole::ControlPlane;
    node.zone = "zone-c";
    node.components = model::defaultComponents(node.role, t.etcdMode);
    t.nodes.push_back(node);
    document()->editTopology(QStringLiteral("test"), t);
    const int steps = document()->undoStack()->count();

    auto centre = [this](const QString &id) {
        ElementItem *item = scene()->elementItem(id);
        return viewportPoint(item->mapToScene(item->rect().center()));
    };
    const QPoint from = centre(QStringLiteral("loadbalancer/api-lb"));
    const QPoint to = centre(QStringLiteral("node/cp-9"));
    QTest::mousePress(view()->viewport(), Qt::LeftButton, Qt::ShiftModifier, from);
    QTest::mouseMove(view()->viewport(), (from + to) / 2);
    QTest::mouseMove(view()->viewport(), to);
    QTest::mouseRelease(view()->viewport(), Qt::LeftButton, Qt::ShiftModifier, to);
    QTRY_COMPARE(document()->undoStack()->count(), steps + 1);
    const auto &targets = document()->topology().findLoadBalancer("api-lb")->targets;
    QVERIFY(std::find(targets.begin(), targets.end(), "cp-9") != targets.end());
    QCOMPARE(document()->undoStack()->undoText(), QStringLiteral("Connect api-lb and cp-9"));
    // The api-lb card did not move: the Shift-drag connected instead.
    QVERIFY(!document()->positions().contains(QStringLiteral("loadbalancer/api-lb")));
    // A link is drawn now.
    bool linked = false;
    for (LinkItem *link : scene()->linkItems())
        linked = linked || (link->fromId() == QStringLiteral("loadbalancer/api-lb") && link->toId() == QStringLiteral("node/cp-9"));
    QVERIFY(linked);

    // What cannot be connected is refused and changes nothing.
    QVERIFY(!designer()->connectElements(QStringLiteral("node/cp-1"), QStringLiteral("node/cp-2")));
    QCOMPARE(document()->undoStack()->count(), steps + 1);
}

void TestDesigner::clickingALinkAndDeleteDisconnects()
{
    LinkItem *link = nullptr;
    for (LinkItem *candidate : scene()->linkItems())
        if (candidate->fromId() == QStringLiteral("loadbalancer/api-lb") && candidate->toId() == QStringLiteral("node/cp-1"))
            link = candidate;
    QVERIFY(link);
    const int steps = document()->undoStack()->count();
    const model::Topology before = document()->topology();

    // Click where the link shows: a point on it that no card covers.
    const QPolygonF points = link->points();
    QVERIFY(points.size() >= 2);
    std::optional<QPoint> onLink;
    for (int i = 1; i < points.size() && !onLink; ++i)
        for (qreal t = 0.1; t < 1.0 && !onLink; t += 0.1) {
            const QPoint at = viewportPoint(link->mapToScene(QLineF(points[i - 1], points[i]).pointAt(t)));
            if (view()->itemAt(at) == link)
                onLink = at;
        }
    QVERIFY(onLink);
    scene()->clearSelection();
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, *onLink);
    QTRY_VERIFY(link->isSelected());
    QCOMPARE(scene()->selectedLinks().size(), 1);
    QVERIFY(designer()->deleteAction()->isEnabled());

    designer()->deleteAction()->trigger();
    QCOMPARE(document()->undoStack()->count(), steps + 1);
    QCOMPARE(document()->undoStack()->undoText(), QStringLiteral("Disconnect api-lb and cp-1"));
    const auto &targets = document()->topology().findLoadBalancer("api-lb")->targets;
    QVERIFY(std::find(targets.begin(), targets.end(), "cp-1") == targets.end());
    // Both cards are still there; only the link is gone.
    QVERIFY(scene()->elementItem(QStringLiteral("node/cp-1")));
    for (LinkItem *candidate : scene()->linkItems())
        QVERIFY(!(candidate->fromId() == QStringLiteral("loadbalancer/api-lb") && candidate->toId() == QStringLiteral("node/cp-1")));

    document()->undoStack()->undo();
    QVERIFY(document()->topology() == before);
}

void TestDesigner::inspectorEditsAndRefusesBadValues()
{
    QVERIFY(view()->showElement(QStringLiteral("node/worker-2")));
    Inspector *inspector = designer()->inspector();
    QCOMPARE(inspector->elementId(), QStringLiteral("node/worker-2"));
    QVERIFY(inspector->fields().contains(QStringLiteral("cpu")));

    auto *cpu = qobject_cast<QLineEdit *>(inspector->editor(QStringLiteral("cpu")));
    QCOMPARE(cpu->text(), QStringLiteral("8"));
    test::typeInto(cpu, QStringLiteral("12"));
    QCOMPARE(document()->topology().findNode("worker-2")->cpuMillis, 12000);
    QVERIFY(inspector->lastError().isEmpty());

    const model::Topology before = document()->topology();
    test::typeInto(cpu, QStringLiteral("12x"));
    QVERIFY2(inspector->lastError().startsWith(QStringLiteral("CPU: '12x'")), qPrintable(inspector->lastError()));
    QVERIFY(document()->topology() == before);  // refused: the design is unchanged
    QCOMPARE(cpu->text(), QStringLiteral("12x"));  // and the typed text is still there to fix

    auto *memory = qobject_cast<QLineEdit *>(inspector->editor(QStringLiteral("memory")));
    test::typeInto(memory, QStringLiteral("64Gi"));
    QCOMPARE(document()->topology().findNode("worker-2")->memoryBytes, 64LL * 1024 * 1024 * 1024);

    auto *zone = qobject_cast<QComboBox *>(inspector->editor(QStringLiteral("zone")));
    zone->setCurrentIndex(zone->findData(QStringLiteral("zone-c")));
    QCOMPARE(document()->topology().findNode("worker-2")->zone, std::string("zone-c"));

    auto *taints = qobject_cast<QLineEdit *>(inspector->editor(QStringLiteral("taints")));
    test::typeInto(taints, QStringLiteral("dedicated=db:NoSchedule"));
    QCOMPARE(document()->topology().findNode("worker-2")->taints.size(), std::size_t(1));
    test::typeInto(taints, QStringLiteral("dedicated:Sometimes"));
    QVERIFY2(inspector->lastError().contains(QStringLiteral("NoSchedule|PreferNoSchedule|NoExecute")), qPrintable(inspector->lastError()));

    // Undo brings the values back into the editors.
    document()->undoStack()->undo();  // taints
    document()->undoStack()->undo();  // zone
    QCOMPARE(qobject_cast<QComboBox *>(inspector->editor(QStringLiteral("zone")))->currentData().toString(), QStringLiteral("zone-b"));

    // The cluster settings show when nothing is selected; a timing edit goes through.
    scene()->clearSelection();
    QCOMPARE(inspector->elementId(), QStringLiteral("cluster"));
    test::typeInto(qobject_cast<QLineEdit *>(inspector->editor(QStringLiteral("nodeMonitorGracePeriod"))), QStringLiteral("50s"));
    QCOMPARE(document()->topology().timings.nodeMonitorGracePeriodMs, 50000);
    test::typeInto(qobject_cast<QLineEdit *>(inspector->editor(QStringLiteral("leaseDuration"))), QStringLiteral("soon"));
    QVERIFY(inspector->lastError().startsWith(QStringLiteral("Lease duration:")));

    // A workload's replicas: a spin box, one edit per value.
    QVERIFY(view()->showElement(QStringLiteral("workload/web")));
    auto *replicas = qobject_cast<QSpinBox *>(inspector->editor(QStringLiteral("replicas")));
    QVERIFY(replicas);
    replicas->setValue(5);
    QCOMPARE(document()->topology().findWorkload("web")->replicas, 5);
}

void TestDesigner::inspectorEditsAutoscaling()
{
    QVERIFY(view()->showElement(QStringLiteral("workload/web")));
    Inspector *inspector = designer()->inspector();
    // The editors are looked up for every use: undo and redo may rebuild the form.
    auto spin = [inspector](const char *field) {
        auto *editor = qobject_cast<QSpinBox *>(inspector->editor(QString::fromLatin1(field)));
        if (!editor)
            qFatal("no spin box for %s in the form of %s", field, qPrintable(inspector->elementId()));
        return editor;
    };
    auto minReplicas = [&] { return spin("autoscaleMinReplicas"); };
    auto maxReplicas = [&] { return spin("autoscaleMaxReplicas"); };
    auto cpu = [&] { return spin("autoscaleCpuTarget"); };
    auto memory = [&] { return spin("autoscaleMemoryTarget"); };
    const model::Topology before = document()->topology();
    const model::Workload &web = *before.findWorkload("web");
    QVERIFY(!web.autoscaling);
    QCOMPARE(web.replicas, 3);
    QCOMPARE(minReplicas()->value(), -1);
    QCOMPARE(minReplicas()->text(), QStringLiteral("none"));
    const int steps = document()->undoStack()->count();
    auto autoscaling = [this] { return document()->topology().findWorkload("web")->autoscaling; };
    // The card of web on the diagram (the scene is rebuilt from the model after an edit).
    auto card = [this]() -> const CardContent & {
        const auto *item = qgraphicsitem_cast<const WorkloadItem *>(scene()->elementItem(QStringLiteral("workload/web")));
        if (!item)
            qFatal("no card for workload/web");
        return item->content();
    };
    auto autoscalingBadges = [&card] {
        QStringList texts;
        for (const CardBadge &badge : card().badges)
            if (badge.text.startsWith(QStringLiteral("HPA")))
                texts << badge.text;
        return texts;
    };
    QVERIFY(autoscalingBadges().isEmpty());

    // Setting the minimum turns autoscaling on: up to twice the replicas, by 80 % CPU.
    minReplicas()->setValue(2);
    QVERIFY(autoscaling());
    QCOMPARE(*autoscaling(), (model::Autoscaling{2, 6, 80, std::nullopt}));
    QCOMPARE(maxReplicas()->value(), 6);  // the other editors follow
    QCOMPARE(cpu()->value(), 80);
    QCOMPARE(memory()->text(), QStringLiteral("none"));

    // A maximum below the minimum is refused, named by its field; the design stays as it was.
    const model::Topology withMin = document()->topology();
    maxReplicas()->setValue(1);
    QVERIFY2(inspector->lastError().startsWith(QStringLiteral("Autoscale max replicas: 1 is fewer than the minimum of 2")),
             qPrintable(inspector->lastError()));
    QVERIFY(document()->topology() == withMin);
    maxReplicas()->setValue(10);
    QVERIFY(inspector->lastError().isEmpty());
    memory()->setValue(75);
    cpu()->setValue(-1);
    QCOMPARE(*autoscaling(), (model::Autoscaling{2, 10, std::nullopt, 75}));
    // The card shows the range as a badge and the targets in its tooltip.
    QCOMPARE(autoscalingBadges(), QStringList{QStringLiteral("HPA 2–10")});
    QVERIFY2(card().description.contains(QStringLiteral("Autoscaled between 2 and 10 replicas, targeting memory 75 %")),
             qPrintable(card().description));
    // More badges than fit: the ones left out are named in the tooltip.
    {
        const auto *webItem = qgraphicsitem_cast<const WorkloadItem *>(scene()->elementItem(QStringLiteral("workload/web")));
        QVERIFY(webItem);
        const qsizetype shown = webItem->shownBadges();
        QVERIFY2(shown > 0 && shown < card().badges.size(), qPrintable(QString::number(shown)));
        QStringList hidden;
        for (qsizetype i = shown; i < card().badges.size(); ++i)
            hidden << card().badges[i].text;
        QVERIFY2(webItem->toolTip().contains(QStringLiteral("Not shown on the card: ") + hidden.join(QStringLiteral(", "))),
                 qPrintable(webItem->toolTip()));
    }
    // Without its last target the autoscaler could not scale: refused.
    memory()->setValue(-1);
    QVERIFY2(inspector->lastError().startsWith(QStringLiteral("Autoscale memory target:")), qPrintable(inspector->lastError()));
    QCOMPARE(autoscaling()->targetMemoryUtilization, std::optional<int>(75));
    minReplicas()->setValue(0);
    QVERIFY(inspector->lastError().startsWith(QStringLiteral("Autoscale min replicas:")));
    QCOMPARE(autoscaling()->minReplicas, 2);

    // Saved with the design: the topology YAML carries it.
    QVERIFY(model::topologyToYaml(document()->topology()).find("targetMemoryUtilizationPercentage: 75") != std::string::npos);

    // Each accepted edit is one undo step (min, max, memory, cpu); undo brings back no autoscaling.
    QCOMPARE(document()->undoStack()->count() - steps, 4);
    document()->undoStack()->undo();
    QCOMPARE(*autoscaling(), (model::Autoscaling{2, 10, 80, 75}));
    QCOMPARE(cpu()->value(), 80);
    for (int i = 0; i < 3; ++i)
        document()->undoStack()->undo();
    QVERIFY(!autoscaling());
    QVERIFY(document()->topology() == before);
    QVERIFY(autoscalingBadges().isEmpty());
    QVERIFY(!card().description.contains(QStringLiteral("Autoscaled")));
    QCOMPARE(minReplicas()->value(), -1);
    QCOMPARE(maxReplicas()->value(), -1);

    // A DaemonSet cannot autoscale: once the kind changes its form offers no autoscaling.
    auto *kind = qobject_cast<QComboBox *>(inspector->editor(QStringLiteral("kind")));
    QVERIFY(kind);
    kind->setCurrentIndex(kind->findData(QStringLiteral("DaemonSet")));
    QCOMPARE(document()->topology().findWorkload("web")->kind, model::WorkloadKind::DaemonSet);
    QCOMPARE(inspector->elementId(), QStringLiteral("workload/web"));
    QVERIFY(inspector->editor(QStringLiteral("minAvailable")));
    QVERIFY(!inspector->editor(QStringLiteral("autoscaleMinReplicas")));
    QVERIFY(!inspector->editor(QStringLiteral("autoscaleCpuTarget")));
    QVERIFY(autoscalingBadges().isEmpty());
}

// The VIP's network interface: a name keepalived takes is kept (one undo step), one it cannot
// take is refused naming the field, and the design keeps its value.
void TestDesigner::inspectorEditsTheVipInterface()
{
    QVERIFY(view()->showElement(QStringLiteral("loadbalancer/api-lb")));
    Inspector *inspector = designer()->inspector();
    auto *field = qobject_cast<QLineEdit *>(inspector->editor(QStringLiteral("vipInterface")));
    QVERIFY(field);
    QCOMPARE(field->text(), QStringLiteral("eth0"));
    const int steps = document()->undoStack()->count();
    test::typeInto(field, QStringLiteral("bond0"));
    QCOMPARE(document()->topology().findLoadBalancer("api-lb")->vipInterface, std::string("bond0"));
    QCOMPARE(document()->undoStack()->count(), steps + 1);
    field = qobject_cast<QLineEdit *>(inspector->editor(QStringLiteral("vipInterface")));
    test::typeInto(field, QStringLiteral("eth 0"));
    QVERIFY2(inspector->lastError().contains(QStringLiteral("VIP interface")), qPrintable(inspector->lastError()));
    QCOMPARE(document()->topology().findLoadBalancer("api-lb")->vipInterface, std::string("bond0"));
    document()->undoStack()->undo();
    QCOMPARE(document()->topology().findLoadBalancer("api-lb")->vipInterface, std::string("eth0"));
}

void TestDesigner::inspectorRenameFollowsReferencesAndSelection()
{
    designer()->moveElements({{QStringLiteral("node/cp-2"), QPointF(400, 400)}});
    QVERIFY(view()->showElement(QStringLiteral("node/cp-2")));
    Inspector *inspector = designer()->inspector();
    test::typeInto(qobject_cast<QLineEdit *>(inspector->editor(QStringLiteral("name"))), QStringLiteral("master-b"));
    const model::Topology &t = document()->topology();
    QVERIFY(!t.findNode("cp-2"));
    QVERIFY(t.findNode("master-b"));
    const auto &targets = t.findLoadBalancer("api-lb")->targets;
    QVERIFY(std::find(targets.begin(), targets.end(), "master-b") != targets.end());
    QCOMPARE(inspector->elementId(), QStringLiteral("node/master-b"));
    QTRY_COMPARE(scene()->selectedElementIds(), QStringList{QStringLiteral("node/master-b")});
    // The placed position moved with the name.
    QVERIFY(document()->positions().contains(QStringLiteral("node/master-b")));
    QVERIFY(!document()->positions().contains(QStringLiteral("node/cp-2")));

    test::typeInto(qobject_cast<QLineEdit *>(inspector->editor(QStringLiteral("name"))), QStringLiteral("cp-1"));
    QVERIFY(inspector->lastError().contains(QStringLiteral("already called 'cp-1'")));
    QVERIFY(document()->topology().findNode("master-b"));
}

void TestDesigner::deleteThirdEtcdMemberRaisesFindingUndoClearsIt()
{
    QVERIFY(!hasFinding(document(), "etcd-quorum", model::Severity::Error));
    QVERIFY2(whatIfLine(scene()).contains(QStringLiteral("survives 1 node failure(s) and 1 of 3 zone outage(s)")), qPrintable(whatIfLine(scene())));
    QVERIFY(view()->showElement(QStringLiteral("node/cp-3")));
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Delete);
    QVERIFY(!document()->topology().findNode("cp-3"));
    QVERIFY2(whatIfLine(scene()).contains(QStringLiteral("survives 0 node failure(s) and 0 of 3 zone outage(s)")), qPrintable(whatIfLine(scene())));
    QVERIFY(whatIfLine(scene()).contains(QStringLiteral("etcd members 0 of 2")));
    // Findings are computed off the UI thread and arrive a moment later.
    QTRY_VERIFY(hasFinding(document(), "etcd-quorum", model::Severity::Error));
    QVERIFY(!document()->findingsPending());
    QTRY_VERIFY(scene()->elementItem(QStringLiteral("cluster"))->isMarked());

    designer()->undoAction()->trigger();
    QVERIFY(document()->topology().findNode("cp-3"));
    QVERIFY(whatIfLine(scene()).contains(QStringLiteral("survives 1 node failure(s)")));
    QTRY_VERIFY(!hasFinding(document(), "etcd-quorum", model::Severity::Error));
}

void TestDesigner::undoAndRedoReturnToTheOriginalModel()
{
    const DesignState original = document()->state();
    designer()->addFromPalette(QStringLiteral("control-plane-node"));
    designer()->addFromPalette(QStringLiteral("statefulset"));
    designer()->moveElements({{QStringLiteral("storage/ceph"), QPointF(40, 1200)}});
    QVERIFY(view()->showElement(QStringLiteral("node/lb-1")));
    designer()->deleteAction()->trigger();
    QVERIFY(view()->showElement(QStringLiteral("workload/postgres")));
    test::typeInto(qobject_cast<QLineEdit *>(designer()->inspector()->editor(QStringLiteral("image"))), QStringLiteral("postgres:17"));
    const DesignState edited = document()->state();
    QVERIFY(!(edited == original));
    QCOMPARE(document()->undoStack()->count(), 5);

    while (document()->undoStack()->canUndo())
        designer()->undoAction()->trigger();
    QVERIFY(document()->state() == original);
    QVERIFY(!document()->isModified());
    QVERIFY(!m_window->isWindowModified());
    while (document()->undoStack()->canRedo())
        designer()->redoAction()->trigger();
    QVERIFY(document()->state() == edited);
}

void TestDesigner::copyAndPaste()
{
    scene()->clearSelection();
    scene()->elementItem(QStringLiteral("node/worker-1"))->setSelected(true);
    scene()->elementItem(QStringLiteral("workload/web"))->setSelected(true);
    designer()->copyAction()->trigger();
    QVERIFY(designer()->pasteAction()->isEnabled());
    designer()->pasteAction()->trigger();
    QVERIFY(document()->topology().findNode("worker-1-copy"));
    QVERIFY(document()->topology().findWorkload("web-copy"));
    QCOMPARE(scene()->selectedElementIds(), QStringList({QStringLiteral("node/worker-1-copy"), QStringLiteral("workload/web-copy")}));
    designer()->cutAction()->trigger();
    QVERIFY(!document()->topology().findNode("worker-1-copy"));
    designer()->pasteAction()->trigger();
    QVERIFY(document()->topology().findNode("worker-1-copy"));  // the name is free again
}

void TestDesigner::autoLayoutForgetsPlacedPositions()
{
    const QPointF auto1 = scene()->elementItem(QStringLiteral("storage/ceph"))->pos();
    designer()->moveElements({{QStringLiteral("storage/ceph"), QPointF(48, 2000)}});
    QVERIFY(scene()->elementItem(QStringLiteral("storage/ceph"))->pos() != auto1);
    // The scene grows to hold the moved card.
    QVERIFY(scene()->sceneRect().bottom() > 2000);
    designer()->autoLayoutAction()->trigger();
    QVERIFY(document()->positions().isEmpty());
    QCOMPARE(scene()->elementItem(QStringLiteral("storage/ceph"))->pos(), auto1);
}

void TestDesigner::saveAndReopenGiveTheSameModelAndLayout()
{
    designer()->addFromPalette(QStringLiteral("worker-node"), scene()->elementItem(QStringLiteral("zone/zone-c"))->sceneBoundingRect().center());
    designer()->moveElements({{QStringLiteral("loadbalancer/api-lb"), QPointF(640, 96)}});
    const DesignState saved = document()->state();
    const QString path = saveProject(QStringLiteral("design.quorum"));
    QVERIFY2(m_window->lastError().isEmpty(), qPrintable(m_window->lastError()));
    QVERIFY(!document()->isModified());
    QVERIFY(document()->isProjectFile());
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("design.quorum")));

    // Another design, then the project again.
    QVERIFY(m_window->newDesign());
    QVERIFY(document()->topology().nodes.empty());
    QVERIFY(m_window->openFile(path));
    QVERIFY(document()->state().topology.sameDesign(saved.topology));
    QCOMPARE(document()->positions(), saved.positions);
    QCOMPARE(scene()->elementItem(QStringLiteral("loadbalancer/api-lb"))->pos(), QPointF(640, 96));
    QVERIFY(!document()->isModified());

    // Save (Ctrl+S) writes the open project without asking.
    designer()->addFromPalette(QStringLiteral("zone"));
    QVERIFY(document()->isModified());
    m_window->saveAction()->trigger();
    QVERIFY(!document()->isModified());
    QVERIFY(m_window->openFile(path));
    QVERIFY(document()->topology().findZone("zone-d"));
}

void TestDesigner::corruptAndTruncatedProjectsLeaveTheDesignUntouched_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("truncated to half") << "half";
    QTest::newRow("truncated to 100 bytes") << "100";
    QTest::newRow("not a database") << "garbage";
}

void TestDesigner::corruptAndTruncatedProjectsLeaveTheDesignUntouched()
{
    QFETCH(QString, damage);
    const QString good = saveProject(QStringLiteral("good.quorum"));
    QFile file(good);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    file.close();
    if (damage == QLatin1String("half"))
        bytes.truncate(bytes.size() / 2);
    else if (damage == QLatin1String("100"))
        bytes.truncate(100);
    else
        bytes = QByteArray("this is not a project\n").repeated(50);
    const QString bad = m_dir.filePath(QStringLiteral("bad-%1.quorum").arg(damage));
    QFile out(bad);
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(bytes);
    out.close();

    designer()->addFromPalette(QStringLiteral("worker-node"));
    m_window->setUnsavedChangesAnswer(QMessageBox::Discard);
    const DesignState before = document()->state();
    QVERIFY(!m_window->openFile(bad));
    QVERIFY2(m_window->lastError().contains(QStringLiteral("bad-%1.quorum").arg(damage)), qPrintable(m_window->lastError()));
    QVERIFY(document()->state() == before);  // the open design is untouched
    QVERIFY(document()->topology().findNode("worker-4"));
}

void TestDesigner::unsavedChangesAreNotLostUnasked()
{
    designer()->addFromPalette(QStringLiteral("worker-node"));
    QVERIFY(document()->isModified());
    // Cancel (the default without a person to ask): nothing is replaced.
    QVERIFY(!m_window->newDesign());
    QVERIFY(!m_window->openFile(resources::defaultTemplatePath()));
    QVERIFY(document()->topology().findNode("worker-4"));
    // Save: with no project file yet, saving needs a name; without one nothing is discarded.
    m_window->setUnsavedChangesAnswer(QMessageBox::Save);
    QVERIFY(!m_window->newDesign());
    QVERIFY(document()->topology().findNode("worker-4"));
    // Once the design has a project file, Save writes it and goes on.
    const QString path = saveProject(QStringLiteral("kept.quorum"));
    designer()->addFromPalette(QStringLiteral("worker-node"));
    QVERIFY(m_window->newDesign());
    QVERIFY(m_window->openFile(path));
    QVERIFY(document()->topology().findNode("worker-5"));
    // Closing the window with unsaved changes is refused when the answer is Cancel.
    designer()->addFromPalette(QStringLiteral("worker-node"));
    m_window->setUnsavedChangesAnswer(QMessageBox::Cancel);
    QVERIFY(!m_window->close());
    QVERIFY(m_window->isVisible());
}

void TestDesigner::droppedDesignFileOpens()
{
    const QString path = saveProject(QStringLiteral("dropped.quorum"));
    QVERIFY(m_window->newDesign());
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint at = view()->viewport()->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view()->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view()->viewport(), &drop);
    QCOMPARE(document()->sourcePath(), path);
    QCOMPARE(document()->topology().nodes.size(), std::size_t(8));
}

void TestDesigner::exportDiagram()
{
    scene()->elementItem(QStringLiteral("node/cp-1"))->setSelected(true);
    const QRectF bounds = scene()->sceneRect();
    const QString png = m_dir.filePath(QStringLiteral("diagram.png"));
    QVERIFY2(m_window->exportDiagram(png), qPrintable(m_window->lastError()));
    QImage image(png);
    QCOMPARE(image.size(), (bounds.size() * 2).toSize());
    // Something was drawn: the picture is not one colour.
    QVERIFY(image.pixel(10, 10) != image.pixel(image.width() / 2, image.height() / 3)
            || image.pixel(10, 10) != image.pixel(image.width() / 3, image.height() / 2));
    QCOMPARE(scene()->selectedElementIds(), QStringList{QStringLiteral("node/cp-1")});  // selection kept

    auto head = [](const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.read(400) : QByteArray();
    };
    const QString svg = m_dir.filePath(QStringLiteral("diagram.svg"));
    QVERIFY2(m_window->exportDiagram(svg), qPrintable(m_window->lastError()));
    QVERIFY(head(svg).contains("<svg"));
    const QString pdf = m_dir.filePath(QStringLiteral("diagram.pdf"));
    QVERIFY2(m_window->exportDiagram(pdf), qPrintable(m_window->lastError()));
    QVERIFY(head(pdf).startsWith("%PDF"));

    QVERIFY(!m_window->exportDiagram(m_dir.filePath(QStringLiteral("diagram.bmp"))));
    QVERIFY(m_window->lastError().contains(QStringLiteral(".png, .svg or .pdf")));
    QVERIFY(!m_window->exportDiagram(m_dir.filePath(QStringLiteral("no-such-dir/diagram.png"))));
    QVERIFY(m_window->lastError().contains(QStringLiteral("diagram.png")));
}

void TestDesigner::saveAsTemplateAndNewFromIt()
{
    QDir(MainWindow::userTemplateDirectory()).removeRecursively();
    designer()->addFromPalette(QStringLiteral("worker-node"));
    const model::Topology kept = document()->topology();
    QVERIFY2(m_window->saveAsTemplate(QStringLiteral("my-ha")), qPrintable(m_window->lastError()));
    QVERIFY(!m_window->saveAsTemplate(QStringLiteral("../escape")));
    QVERIFY(m_window->lastError().contains(QStringLiteral("not a usable template name")));

    QMenu *templates = nullptr;
    for (QMenu *menu : m_window->findChildren<QMenu *>())
        if (menu->title() == QStringLiteral("New from &Template"))
            templates = menu;
    QVERIFY(templates);
    QAction *mine = nullptr;
    for (QAction *action : templates->actions())
        if (action->text() == QStringLiteral("my-ha"))
            mine = action;
    QVERIFY(mine);
    m_window->setUnsavedChangesAnswer(QMessageBox::Discard);
    mine->trigger();
    QVERIFY(document()->topology().sameDesign(kept));
    QVERIFY(document()->sourcePath().isEmpty());  // a new design: Save asks for a name
    QVERIFY(!document()->isModified());
    QDir(MainWindow::userTemplateDirectory()).removeRecursively();
}

void TestDesigner::autosaveWritesInTheBackground()
{
    Autosave *autosave = m_window->autosave();
    QVERIFY(!autosave->saveInBackground()); // nothing unsaved yet
    const QString zoneA = QStringLiteral("zone/zone-a");
    designer()->addFromPalette(QStringLiteral("worker-node"), scene()->elementItem(zoneA)->sceneBoundingRect().center());
    const model::Topology edited = document()->topology();
    QVERIFY(autosave->saveInBackground());
    if (autosave->isSaving())
        QVERIFY(!autosave->saveInBackground()); // one at a time
    // The design changes while the pool thread writes: the file has the design as it was.
    designer()->addFromPalette(QStringLiteral("worker-node"), scene()->elementItem(zoneA)->sceneBoundingRect().center());
    QTRY_VERIFY(!autosave->isSaving());
    autosave->waitForSave();
    QVERIFY(QFile::exists(autosave->path()));
    const project::ProjectLoad kept = project::loadProject(autosave->path().toStdString());
    QVERIFY(kept.project);
    QCOMPARE(kept.project->topology.nodes.size(), edited.nodes.size());
    QVERIFY(kept.project->topology.nodes.size() < document()->topology().nodes.size());
    // The second edit is new: the next interval writes it, and then nothing is new.
    QVERIFY(autosave->saveInBackground());
    autosave->waitForSave();
    QCOMPARE(project::loadProject(autosave->path().toStdString()).project->topology.nodes.size(),
             document()->topology().nodes.size());
    QVERIFY(!autosave->saveInBackground());

    // Discarded (saved, say) while a background save runs: that save leaves no file behind.
    designer()->addFromPalette(QStringLiteral("worker-node"), scene()->elementItem(zoneA)->sceneBoundingRect().center());
    QVERIFY(autosave->saveInBackground());
    autosave->discard();
    autosave->waitForSave();
    QCoreApplication::processEvents();
    QVERIFY(!QFile::exists(autosave->path()));
}

void TestDesigner::autosaveRecoversAfterACrash()
{
    Autosave *autosave = m_window->autosave();
    QVERIFY(!autosave->saveNow());  // nothing unsaved yet
    designer()->addFromPalette(QStringLiteral("worker-node"), scene()->elementItem(QStringLiteral("zone/zone-a"))->sceneBoundingRect().center());
    QVERIFY(autosave->saveNow());
    QVERIFY(QFile::exists(autosave->path()));
    QVERIFY(!autosave->saveNow());  // nothing new since
    // The running session's autosave is not an orphan.
    QVERIFY(Autosave::orphans(autosave->directory()).isEmpty());
    const DesignState unsaved = document()->state();

    // A crash: the window goes without closing, so nothing cleans up its autosave.
    m_window.reset();
    m_window = std::make_unique<MainWindow>();
    m_window->setMessageBoxesEnabled(false);
    QCOMPARE(Autosave::orphans(m_window->autosave()->directory()).size(), 1);
    m_window->setRecoveryAnswer(QMessageBox::Yes);
    QVERIFY(m_window->offerRecovery());
    QVERIFY(document()->topology().sameDesign(unsaved.topology));
    QCOMPARE(document()->positions(), unsaved.positions);
    QVERIFY(document()->isModified());  // recovered, not saved
    QVERIFY(document()->sourcePath().isEmpty());  // it came from a template: Save asks for a name
    QVERIFY(Autosave::orphans(m_window->autosave()->directory()).isEmpty());
    QVERIFY(QFile::exists(m_window->autosave()->path()));  // this session keeps it safe again

    // A clean close leaves nothing behind.
    m_window->setUnsavedChangesAnswer(QMessageBox::Discard);
    const QString kept = m_window->autosave()->path();
    QVERIFY(m_window->close());
    QVERIFY(!QFile::exists(kept));
}

void TestDesigner::recoveryCanBeDiscarded()
{
    designer()->addFromPalette(QStringLiteral("zone"));
    QVERIFY(m_window->autosave()->saveNow());
    m_window.reset();
    m_window = std::make_unique<MainWindow>();
    m_window->setMessageBoxesEnabled(false);
    const QString dir = m_window->autosave()->directory();
    QCOMPARE(Autosave::orphans(dir).size(), 1);
    // Cancel keeps it for the next start; Discard deletes it.
    QVERIFY(!m_window->offerRecovery());
    QCOMPARE(Autosave::orphans(dir).size(), 1);
    m_window->setRecoveryAnswer(QMessageBox::Discard);
    QVERIFY(!m_window->offerRecovery());
    QVERIFY(Autosave::orphans(dir).isEmpty());
    QVERIFY(document()->topology().zones.empty());  // the empty design of a new window, untouched
}

QTEST_MAIN(TestDesigner)
#include "tst_designer.moc"
