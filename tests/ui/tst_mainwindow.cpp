// GUI tests of the main window: the diagram projects the design, the findings panel lists the
// engine's findings and leads to their elements, and bad input never replaces the design.

#include "engine/model/Findings.h"
#include "engine/model/TopologyYaml.h"
#include "resources/QuorumResources.h"
#include "ui/designer/DesignerController.h"
#include "ui/diagram/DiagramItems.h"
#include "ui/diagram/DiagramScene.h"
#include "ui/diagram/DiagramView.h"
#include "ui/document/DesignDocument.h"
#include "ui/findings/FindingsModel.h"
#include "ui/findings/FindingsPanel.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/mainwindow/RecentFiles.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QMessageBox>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace quorum;
using namespace quorum::ui;

namespace {

/// Every item of type T in the scene, sorted by element id (or creation order for links).
template <typename T> QList<T *> itemsOf(const DiagramScene *scene)
{
    QList<T *> out;
    for (QGraphicsItem *item : scene->items(Qt::AscendingOrder))
        if (T *typed = qgraphicsitem_cast<T *>(item))
            out << typed;
    return out;
}

template <typename T> QStringList idsOf(const DiagramScene *scene)
{
    QStringList ids;
    for (T *item : itemsOf<T>(scene))
        ids << item->elementId();
    ids.sort();
    return ids;
}

QStringList linkTargets(const DiagramScene *scene, LinkKind kind, const QString &from)
{
    QStringList targets;
    for (LinkItem *link : scene->linkItems())
        if (link->kind() == kind && link->fromId() == from)
            targets << link->toId();
    targets.sort();
    return targets;
}

/// The item's drawn rectangle in scene coordinates (without selection outline and badge).
QRectF sceneRectOf(const ElementItem *item)
{
    return item->mapRectToScene(item->rect());
}

model::Topology parseResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    const QByteArray text = file.readAll();
    model::LoadResult result = model::parseTopology(std::string_view(text.constData(), static_cast<std::size_t>(text.size())),
                                                    path.toStdString());
    if (!result.ok())
        qFatal("%s does not parse", qPrintable(path));
    return *result.topology;
}

/// A small production design; `extraNodes` and `extraSpec` bend it.
QByteArray design(const QByteArray &nodes, const QByteArray &extraSpec = {})
{
    return "apiVersion: quorum.studio/v1alpha1\n"
           "kind: Topology\n"
           "metadata:\n"
           "  name: bent\n"
           "spec:\n"
           "  profile: production\n"
           "  zones:\n"
           "    - name: zone-a\n"
           "    - name: zone-b\n"
           "  nodes:\n"
        + nodes + extraSpec;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void resourcesAreRegistered();
    void defaultDesignIsProjected();
    void cardsDoNotOverlap();
    void findingsPanelListsEngineFindings();
    void clickingFindingSelectsItsElement();
    void enterOnFindingSelectsItsElement();
    void selectingElementHighlightsItsFindings();
    void nodesWithoutZoneGoToUnzonedLane();
    void emptyDesignShowsOnlyTheCluster();
    void findingsMarkTheirElements_data();
    void findingsMarkTheirElements();
    void malformedFileKeepsDesign_data();
    void malformedFileKeepsDesign();
    void loadErrorShowsNonBlockingMessageBox();
    void templateMenuOpensBundledTemplates();
    void saveAsRoundTripsAndJoinsRecentFiles();
    void zoomActionsChangeScale();
    void fitShowsTheWholeDiagramBesideTheInspector_data();
    void fitShowsTheWholeDiagramBesideTheInspector();
    void closingSavesWindowState();

private:
    QString writeFile(const QString &name, const QByteArray &content);

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QuorumStudioTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    // Keep the user's settings out of it: every QSettings() of the run lives in the temp dir.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
}

void TestMainWindow::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->setMessageBoxesEnabled(false);
    QVERIFY(m_window->openFile(resources::defaultTemplatePath()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
}

QString TestMainWindow::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestMainWindow::resourcesAreRegistered()
{
    QVERIFY(QFile::exists(resources::defaultTemplatePath()));
    QVERIFY(QFile::exists(resources::appIconPath()));
    QVERIFY(resources::templatePaths().contains(resources::defaultTemplatePath()));
}

void TestMainWindow::defaultDesignIsProjected()
{
    const DiagramScene *scene = m_window->diagramScene();

    QCOMPARE(idsOf<NodeItem>(scene),
             QStringList({"node/cp-1", "node/cp-2", "node/cp-3", "node/lb-1", "node/lb-2", "node/worker-1",
                          "node/worker-2", "node/worker-3"}));
    QCOMPARE(idsOf<ZoneLaneItem>(scene), QStringList({"zone/zone-a", "zone/zone-b", "zone/zone-c"}));
    QCOMPARE(idsOf<ClusterItem>(scene), QStringList({"cluster"}));
    QCOMPARE(idsOf<LoadBalancerItem>(scene),
             QStringList({"loadbalancer/api-lb", "loadbalancer/ingress", "loadbalancer/metallb"}));
    QCOMPARE(linkTargets(scene, LinkKind::LoadBalancerTarget, "loadbalancer/api-lb"),
             QStringList({"node/cp-1", "node/cp-2", "node/cp-3"}));
    QCOMPARE(linkTargets(scene, LinkKind::LoadBalancerHost, "loadbalancer/api-lb"),
             QStringList({"node/lb-1", "node/lb-2"}));
    QCOMPARE(linkTargets(scene, LinkKind::LoadBalancerTarget, "loadbalancer/ingress"), QStringList({"workload/web"}));
    QCOMPARE(linkTargets(scene, LinkKind::LoadBalancerHost, "loadbalancer/ingress"),
             QStringList({"node/worker-1", "node/worker-2", "node/worker-3"}));
    QCOMPARE(linkTargets(scene, LinkKind::LoadBalancerTarget, "loadbalancer/metallb"), QStringList({"workload/web"}));
    QVERIFY(linkTargets(scene, LinkKind::LoadBalancerHost, "loadbalancer/metallb").isEmpty());
    QCOMPARE(idsOf<StorageBackendItem>(scene), QStringList({"storage/ceph"}));
    QCOMPARE(idsOf<StorageClassItem>(scene), QStringList({"storageclass/ceph-rbd"}));
    QCOMPARE(linkTargets(scene, LinkKind::StorageClassBackend, "storageclass/ceph-rbd"), QStringList({"storage/ceph"}));
    QCOMPARE(idsOf<WorkloadItem>(scene), QStringList({"workload/postgres", "workload/web"}));
    QCOMPARE(linkTargets(scene, LinkKind::VolumeClaim, "workload/postgres"), QStringList({"storageclass/ceph-rbd"}));
    QVERIFY(linkTargets(scene, LinkKind::VolumeClaim, "workload/web").isEmpty());

    // Ids are also in data(kElementIdKey), and each node sits inside its zone's lane.
    const model::Topology &topology = m_window->document()->topology();
    for (NodeItem *item : itemsOf<NodeItem>(scene)) {
        QCOMPARE(item->data(kElementIdKey).toString(), item->elementId());
        const model::Node *node = topology.findNode(item->elementId().section('/', 1).toStdString());
        QVERIFY(node);
        ElementItem *lane = scene->elementItem(QStringLiteral("zone/") + QString::fromStdString(node->zone));
        QVERIFY2(lane, qPrintable(item->elementId()));
        QVERIFY2(sceneRectOf(lane).contains(sceneRectOf(item)), qPrintable(item->elementId()));
        QVERIFY(item->flags() & QGraphicsItem::ItemIsSelectable);
        QVERIFY(item->flags() & QGraphicsItem::ItemIsMovable);  // the designer drags cards
    }
    // Lanes side by side with the same top and height; load balancers above them, storage
    // and workloads below.
    const QRectF laneA = sceneRectOf(scene->elementItem("zone/zone-a"));
    for (const QString zone : {"zone/zone-b", "zone/zone-c"}) {
        const QRectF lane = sceneRectOf(scene->elementItem(zone));
        QCOMPARE(lane.top(), laneA.top());
        QCOMPARE(lane.height(), laneA.height());
        QVERIFY(lane.left() > laneA.right());
    }
    const qreal lanesTop = laneA.top();
    const qreal lanesBottom = laneA.bottom();
    for (LoadBalancerItem *lb : itemsOf<LoadBalancerItem>(scene))
        QVERIFY(sceneRectOf(lb).bottom() < lanesTop);
    QVERIFY(sceneRectOf(scene->elementItem("storage/ceph")).top() > lanesBottom);
    QVERIFY(sceneRectOf(scene->elementItem("workload/web")).top() > lanesBottom);

    QVERIFY(m_window->windowTitle().contains("production-ha"));
    QCOMPARE(m_window->designSummary(),
             QStringLiteral("Nodes: 8 · Zones: 3 · etcd members: 3 · Quorum: 2 · Failures tolerated: 1"));
}

void TestMainWindow::cardsDoNotOverlap()
{
    QList<QRectF> cards;
    QStringList ids;
    for (ElementItem *item : m_window->diagramScene()->elementItems())
        if (item->type() != ZoneLaneItem::Type) {
            cards << sceneRectOf(item);
            ids << item->elementId();
        }
    QVERIFY(cards.size() >= 16);
    for (int i = 0; i < cards.size(); ++i)
        for (int j = i + 1; j < cards.size(); ++j)
            QVERIFY2(!cards[i].intersects(cards[j]), qPrintable(ids[i] + " overlaps " + ids[j]));
}

void TestMainWindow::findingsPanelListsEngineFindings()
{
    const std::vector<model::Finding> expected = model::checkTopology(parseResource(resources::defaultTemplatePath()));
    const FindingsModel *model = m_window->findingsPanel()->findingsModel();
    QCOMPARE(model->rowCount(), static_cast<int>(expected.size()));
    QVERIFY(model->rowCount() > 0);
    const model::FindingCounts counts = model::countFindings(expected);
    QCOMPARE(counts.errors, 0);
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, FindingsModel::MessageColumn);
        QVERIFY(model->data(index, FindingsModel::SeverityRole).toInt() != static_cast<int>(model::Severity::Error));
        QCOMPARE(model->elementId(row), QString::fromStdString(expected[static_cast<std::size_t>(row)].element.toString()));
        // No translation is installed: the message is the engine's English one.
        QCOMPARE(model->data(index).toString(), QString::fromStdString(expected[static_cast<std::size_t>(row)].message()));
    }
    QCOMPARE(m_window->findingsPanel()->summaryText(),
             QStringLiteral("Errors: 0, warnings: %1, infos: %2").arg(counts.warnings).arg(counts.infos));
    QVERIFY(m_window->findingsDock()->isVisible());
}

/// The first finding row whose element is drawn, or -1.
static int firstDrawnFindingRow(const MainWindow &window, int after = -1)
{
    const FindingsModel *model = window.findingsPanel()->findingsModel();
    for (int row = after + 1; row < model->rowCount(); ++row)
        if (window.diagramScene()->elementItem(model->elementId(row)))
            return row;
    return -1;
}

void TestMainWindow::clickingFindingSelectsItsElement()
{
    const int row = firstDrawnFindingRow(*m_window);
    QVERIFY2(row >= 0, "production-ha has a finding about a drawn element");
    const QString id = m_window->findingsPanel()->findingsModel()->elementId(row);
    QTableView *table = m_window->findingsPanel()->tableView();
    QVERIFY(m_window->diagramScene()->selectedElementIds().isEmpty());

    const QRect cell = table->visualRect(table->model()->index(row, FindingsModel::MessageColumn));
    QVERIFY(cell.isValid());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());

    QCOMPARE(m_window->diagramScene()->selectedElementIds(), QStringList{id});
    ElementItem *item = m_window->diagramScene()->elementItem(id);
    QVERIFY(item->isSelected());
    // Centred: the item's centre is inside the visible part of the view.
    const QPoint center = m_window->diagramView()->mapFromScene(item->sceneBoundingRect().center());
    QVERIFY(m_window->diagramView()->viewport()->rect().contains(center));
}

void TestMainWindow::enterOnFindingSelectsItsElement()
{
    const int row = firstDrawnFindingRow(*m_window);
    QVERIFY(row >= 0);
    const QString id = m_window->findingsPanel()->findingsModel()->elementId(row);
    QTableView *table = m_window->findingsPanel()->tableView();
    table->setFocus();
    table->setCurrentIndex(table->model()->index(row, 0));
    QVERIFY(m_window->diagramScene()->selectedElementIds().isEmpty());
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(m_window->diagramScene()->selectedElementIds(), QStringList{id});
}

void TestMainWindow::selectingElementHighlightsItsFindings()
{
    const int row = firstDrawnFindingRow(*m_window);
    QVERIFY(row >= 0);
    const FindingsModel *model = m_window->findingsPanel()->findingsModel();
    const QString id = model->elementId(row);
    QVERIFY(m_window->diagramScene()->selectElement(id));

    QList<int> selectedRows;
    for (const QModelIndex &index : m_window->findingsPanel()->tableView()->selectionModel()->selectedRows())
        selectedRows << index.row();
    std::sort(selectedRows.begin(), selectedRows.end());
    QCOMPARE(selectedRows, model->rowsForElement(id));

    QVERIFY(!m_window->diagramScene()->selectElement("secret/nothing-draws-me"));
    QVERIFY(m_window->diagramScene()->selectedElementIds().isEmpty());
    QVERIFY(m_window->findingsPanel()->tableView()->selectionModel()->selectedRows().isEmpty());
}

void TestMainWindow::nodesWithoutZoneGoToUnzonedLane()
{
    const QByteArray yaml = "apiVersion: quorum.studio/v1alpha1\nkind: Topology\nmetadata: {name: flat}\n"
                            "spec:\n  nodes:\n"
                            "    - {name: cp-1, role: control-plane}\n"
                            "    - {name: w-1, role: worker}\n";
    QVERIFY2(m_window->openFile(writeFile("flat.yaml", yaml)), qPrintable(m_window->lastError()));
    const QList<ZoneLaneItem *> lanes = itemsOf<ZoneLaneItem>(m_window->diagramScene());
    QCOMPARE(lanes.size(), 1);
    QVERIFY(lanes.first()->isUnzoned());
    QVERIFY(lanes.first()->elementId().isEmpty());
    QVERIFY(!(lanes.first()->flags() & QGraphicsItem::ItemIsSelectable));
    for (NodeItem *node : itemsOf<NodeItem>(m_window->diagramScene()))
        QVERIFY(sceneRectOf(lanes.first()).contains(sceneRectOf(node)));
    QCOMPARE(m_window->designSummary(),
             QStringLiteral("Nodes: 2 · Zones: 0 · etcd members: 1 · Quorum: 1 · Failures tolerated: 0"));
}

void TestMainWindow::emptyDesignShowsOnlyTheCluster()
{
    const QByteArray yaml = "apiVersion: quorum.studio/v1alpha1\nkind: Topology\nmetadata: {name: empty}\nspec: {nodes: []}\n";
    QVERIFY2(m_window->openFile(writeFile("empty.yaml", yaml)), qPrintable(m_window->lastError()));
    const QList<ElementItem *> items = m_window->diagramScene()->elementItems();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first()->elementId(), QStringLiteral("cluster"));
    QVERIFY(m_window->diagramScene()->linkItems().isEmpty());
    QCOMPARE(m_window->designSummary(), QStringLiteral("Nodes: 0 · Zones: 0 · No etcd members"));
}

void TestMainWindow::findingsMarkTheirElements_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("markedId");
    QTest::addColumn<int>("severity");
    QTest::addColumn<QString>("unmarkedId");

    QTest::newRow("single control plane")
        << design("    - {name: cp-1, role: control-plane, zone: zone-a}\n"
                  "    - {name: w-1, role: worker, zone: zone-b}\n")
        << "node/cp-1" << static_cast<int>(model::Severity::Error) << "node/w-1";
    QTest::newRow("node in an undefined zone")
        << design("    - {name: cp-1, role: control-plane, zone: zone-a}\n"
                  "    - {name: cp-2, role: control-plane, zone: zone-b}\n"
                  "    - {name: cp-3, role: control-plane, zone: zone-b}\n"
                  "    - {name: w-1, role: worker, zone: zone-x}\n")
        << "node/w-1" << static_cast<int>(model::Severity::Error) << "node/cp-1";
    QTest::newRow("load balancer on one host")
        << design("    - {name: cp-1, role: control-plane, zone: zone-a}\n"
                  "    - {name: cp-2, role: control-plane, zone: zone-b}\n"
                  "    - {name: cp-3, role: control-plane, zone: zone-a}\n"
                  "    - {name: lb-1, role: load-balancer, zone: zone-a}\n",
                  "  loadBalancers:\n"
                  "    - {name: api, type: haproxy, hosts: [lb-1], vip: 10.0.0.10, targets: [cp-1, cp-2, cp-3]}\n")
        << "loadbalancer/api" << static_cast<int>(model::Severity::Warning) << "node/lb-1";
}

void TestMainWindow::findingsMarkTheirElements()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, markedId);
    QFETCH(int, severity);
    QFETCH(QString, unmarkedId);

    QVERIFY2(m_window->openFile(writeFile("bent.yaml", yaml)), qPrintable(m_window->lastError()));
    const DiagramScene *scene = m_window->diagramScene();
    ElementItem *marked = scene->elementItem(markedId);
    QVERIFY(marked);
    QVERIFY(marked->isMarked());
    QCOMPARE(static_cast<int>(*marked->findingSeverity()), severity);
    QVERIFY(!marked->toolTip().isEmpty());
    ElementItem *unmarked = scene->elementItem(unmarkedId);
    QVERIFY(unmarked);
    QVERIFY(!unmarked->isMarked());

    // Clicking the marked element's finding selects it in the diagram.
    const QList<int> rows = m_window->findingsPanel()->findingsModel()->rowsForElement(markedId);
    QVERIFY(!rows.isEmpty());
    QTableView *table = m_window->findingsPanel()->tableView();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(table->model()->index(rows.first(), FindingsModel::ElementColumn)).center());
    QCOMPARE(scene->selectedElementIds(), QStringList{markedId});

    // Every item the engine's findings point at carries the worst of their severities.
    for (const model::Finding &f : m_window->document()->findings())
        if (ElementItem *item = scene->elementItem(QString::fromStdString(f.element.toString())))
            QVERIFY(item->findingSeverity() && *item->findingSeverity() <= f.severity);
}

void TestMainWindow::malformedFileKeepsDesign_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expectedInError");

    QTest::newRow("yaml syntax") << QByteArray("apiVersion: quorum.studio/v1alpha1\nkind: Topology\nspec: [unclosed\n")
                                 << "bad.yaml:";
    QTest::newRow("unknown field") << design("    - {name: cp-1, role: control-plane, colour: blue}\n")
                                   << "spec.nodes[0]";
    QTest::newRow("empty file") << QByteArray() << "bad.yaml";
}

void TestMainWindow::malformedFileKeepsDesign()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expectedInError);

    const model::Topology before = m_window->document()->topology();
    const QString title = m_window->windowTitle();
    const int itemsBefore = static_cast<int>(m_window->diagramScene()->items().size());

    QVERIFY(!m_window->openFile(writeFile("bad.yaml", content)));

    QVERIFY2(m_window->lastError().contains(expectedInError), qPrintable(m_window->lastError()));
    QVERIFY(m_window->document()->topology() == before);
    QCOMPARE(m_window->windowTitle(), title);
    QCOMPARE(static_cast<int>(m_window->diagramScene()->items().size()), itemsBefore);
    QCOMPARE(itemsOf<NodeItem>(m_window->diagramScene()).size(), 8);
    QVERIFY(RecentFiles().files().isEmpty());
}

void TestMainWindow::loadErrorShowsNonBlockingMessageBox()
{
    m_window->setMessageBoxesEnabled(true);
    const QString path = writeFile("broken.yaml", "apiVersion: quorum.studio/v1alpha1\nkind: Topology\nspec: {nodes: [}\n");
    QVERIFY(!m_window->openFile(path));  // returns at once: the box does not block

    auto *box = m_window->findChild<QMessageBox *>();
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QVERIFY(box->text().contains("broken.yaml"));
    QVERIFY2(box->informativeText().contains(path + ":3:"), qPrintable(box->informativeText()));
    QCOMPARE(box->informativeText(), m_window->lastError());
    box->accept();
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>());  // deleted on close
    QCOMPARE(QString::fromStdString(m_window->document()->topology().name), QStringLiteral("production-ha"));
}

void TestMainWindow::templateMenuOpensBundledTemplates()
{
    QMenu *templates = nullptr;
    for (QMenu *menu : m_window->findChildren<QMenu *>())
        if (menu->title() == QStringLiteral("New from &Template"))
            templates = menu;
    QVERIFY(templates);
    QStringList names;
    for (QAction *action : templates->actions())
        names << action->text();
    QCOMPARE(names.size(), resources::templatePaths().size());
    QVERIFY(names.contains("production-ha"));

    for (QAction *action : templates->actions()) {
        const QString path = action->data().toString();
        QVERIFY(resources::templatePaths().contains(path));
        action->trigger();
        QVERIFY2(m_window->lastError().isEmpty(), qPrintable(m_window->lastError()));
        QCOMPARE(m_window->document()->sourcePath(), path);
        QVERIFY(m_window->document()->topology().sameDesign(parseResource(path)));
        QCOMPARE(itemsOf<NodeItem>(m_window->diagramScene()).size(),
                 static_cast<qsizetype>(m_window->document()->topology().nodes.size()));
        QVERIFY(m_window->windowTitle().contains(QString::fromStdString(m_window->document()->topology().name)));
        QVERIFY(m_window->windowTitle().contains(QFileInfo(path).fileName()));
    }
    QVERIFY(RecentFiles().files().isEmpty());  // templates are not recent files
}

void TestMainWindow::saveAsRoundTripsAndJoinsRecentFiles()
{
    const QString path = m_dir.filePath("saved.yaml");
    QVERIFY2(m_window->saveAs(path), qPrintable(m_window->lastError()));
    QCOMPARE(m_window->document()->sourcePath(), path);
    QVERIFY(m_window->windowTitle().contains("saved.yaml"));
    QCOMPARE(RecentFiles().files(), QStringList{path});

    const model::LoadResult reloaded = model::loadTopologyFile(path.toStdString());
    QVERIFY(reloaded.ok());
    QVERIFY(reloaded.topology->sameDesign(m_window->document()->topology()));

    QVERIFY(!m_window->saveAs(m_dir.filePath("no-such-dir/saved.yaml")));
    QVERIFY(!m_window->lastError().isEmpty());
    QCOMPARE(m_window->document()->sourcePath(), path);

    RecentFiles recent;
    for (int i = 0; i < RecentFiles::kMaxFiles + 2; ++i)
        recent.add(m_dir.filePath(QStringLiteral("f%1.yaml").arg(i)));
    QCOMPARE(recent.files().size(), RecentFiles::kMaxFiles);
    QCOMPARE(recent.files().first(), m_dir.filePath(QStringLiteral("f%1.yaml").arg(RecentFiles::kMaxFiles + 1)));
    recent.clear();
    QVERIFY(recent.files().isEmpty());
}

void TestMainWindow::zoomActionsChangeScale()
{
    DiagramView *view = m_window->diagramView();
    m_window->resize(1440, 900);  // a desktop window, whatever the offscreen screen's size
    QTRY_VERIFY(view->viewport()->width() > 400);
    const qreal fitted = view->zoom();
    QVERIFY2(fitted > 0.2 && fitted <= 1.0, qPrintable(QString::number(fitted)));
    view->zoomInAction()->trigger();
    QVERIFY(view->zoom() > fitted);
    view->zoomOutAction()->trigger();
    view->zoomOutAction()->trigger();
    QVERIFY(view->zoom() < fitted);
    view->fitAction()->trigger();
    QVERIFY(qFuzzyCompare(view->zoom(), fitted));
}

void TestMainWindow::fitShowsTheWholeDiagramBesideTheInspector_data()
{
    QTest::addColumn<QString>("design");
    QTest::addColumn<QSize>("window");
    for (const QString &path : resources::templatePaths()) {
        const QString name = QFileInfo(path).baseName();
        QTest::newRow(qPrintable(name + QStringLiteral(" 1440x900"))) << path << QSize(1440, 900);
        QTest::newRow(qPrintable(name + QStringLiteral(" 1000x700"))) << path << QSize(1000, 700);
    }
    // A new design grown at 100 %: the scene gets larger while the zoom stays.
    QTest::newRow("new, three zones 1500x950") << QString() << QSize(1500, 950);
    QTest::newRow("new, three zones 1000x700") << QString() << QSize(1000, 700);
}

void TestMainWindow::fitShowsTheWholeDiagramBesideTheInspector()
{
    QFETCH(QString, design);
    QFETCH(QSize, window);
    m_window->resize(window);
    DiagramView *view = m_window->diagramView();
    if (design.isEmpty()) {
        QVERIFY(m_window->newDesign());
        view->fitAction()->trigger();
        for (int i = 0; i < 3; ++i)
            m_window->designer()->addFromPalette(QStringLiteral("zone"));
        m_window->designer()->addFromPalette(QStringLiteral("control-plane-node"));
    } else {
        QVERIFY2(m_window->openFile(design), qPrintable(m_window->lastError()));
        view->zoomInAction()->trigger();  // away from the fit, so that Fit has something to do
    }
    m_window->inspectorDock()->show();
    m_window->inspectorDock()->raise();
    QTest::qWait(50);  // the dock laid out
    view->fitAction()->trigger();
    QTest::qWait(20);  // scroll bars come and go in a queued call
    const QRect visible = view->viewport()->rect();
    int items = 0;
    for (const QGraphicsItem *item : view->scene()->items()) {
        if (!item->isVisible())
            continue;
        const QRect shown = view->mapFromScene(item->sceneBoundingRect()).boundingRect();
        QVERIFY2(visible.contains(shown), qPrintable(QStringLiteral("type %1 at (%2, %3) %4 x %5 outside %6 x %7")
                                                         .arg(item->type())
                                                         .arg(shown.x())
                                                         .arg(shown.y())
                                                         .arg(shown.width())
                                                         .arg(shown.height())
                                                         .arg(visible.width())
                                                         .arg(visible.height())));
        ++items;
    }
    QVERIFY(items >= 5);
    if (const QString dir = qEnvironmentVariable("QUORUM_TEST_SHOTS"); !dir.isEmpty())
        m_window->grab().save(dir + QStringLiteral("/fit-%1.png").arg(QString::fromLatin1(QTest::currentDataTag())));
}

void TestMainWindow::closingSavesWindowState()
{
    m_window->findingsDock()->hide();
    m_window->resize(900, 640);
    QVERIFY(m_window->close());
    QVERIFY(QSettings().contains(QStringLiteral("MainWindow/geometry")));

    MainWindow restored;
    restored.show();
    QVERIFY(QTest::qWaitForWindowExposed(&restored));
    QVERIFY(!restored.findingsDock()->isVisible());
    QCOMPARE(restored.size(), QSize(900, 640));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
