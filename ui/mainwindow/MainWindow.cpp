#include "ui/mainwindow/MainWindow.h"

#include "engine/generate/Import.h"
#include "engine/model/TopologyYaml.h"
#include "resources/QuorumResources.h"
#include "ui/artifacts/ArtifactsPanel.h"
#include "ui/common/Appearance.h"
#include "ui/common/DisplayNames.h"
#include "ui/designer/DesignerController.h"
#include "ui/diagram/DiagramItems.h"
#include "ui/document/Autosave.h"
#include "ui/designer/Inspector.h"
#include "ui/designer/Palette.h"
#include "ui/diagram/DiagramScene.h"
#include "ui/diagram/DiagramView.h"
#include "ui/document/DesignDocument.h"
#include "ui/document/RunStore.h"
#include "ui/findings/FindingsPanel.h"
#include "ui/mainwindow/SettingsKeys.h"
#include "ui/monitor/DrillPanel.h"
#include "ui/monitor/LiveController.h"
#include "ui/monitor/ReplayController.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QUndoStack>
#include <QUndoView>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace quorum::ui {

namespace {

using namespace settings;
constexpr int kMaxListedDiagnostics = 12;
constexpr int kDefaultDockHeight = 160;
constexpr int kDefaultArtifactsDockWidth = 560;
constexpr int kDefaultPaletteDockWidth = 210;
constexpr int kDrillDockWidth = 480;

/// The description in a bundled template's metadata, for its menu entry's tooltip.
QString templateDescription(const QString &resourcePath)
{
    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = file.readAll();
    const model::LoadResult result = model::parseTopology(
        std::string_view(text.constData(), static_cast<std::size_t>(text.size())), resourcePath.toStdString());
    return result.ok() ? QString::fromStdString(result.topology->description) : QString();
}

/// Adds actions to a menu, nullptr as a separator.
void addMenuActions(QMenu *menu, const QList<QAction *> &actions)
{
    for (QAction *action : actions) {
        if (action)
            menu->addAction(action);
        else
            menu->addSeparator();
    }
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new DesignDocument(this))
    , m_scene(new DiagramScene(this))
    , m_view(new DiagramView(m_scene, this))
    , m_findingsPanel(new FindingsPanel(this))
    , m_findingsDock(new QDockWidget(tr("Findings"), this))
    , m_artifactsPanel(new ArtifactsPanel(this))
    , m_artifactsDock(new QDockWidget(tr("Artifacts"), this))
    , m_statusLabel(new QLabel(this))
{
    setWindowIcon(QIcon(resources::appIconPath()));
    setCentralWidget(m_view);

    m_findingsDock->setObjectName(QStringLiteral("findingsDock"));  // saveState() needs it
    m_findingsDock->setWidget(m_findingsPanel);
    m_findingsDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea | Qt::LeftDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, m_findingsDock);

    m_artifactsDock->setObjectName(QStringLiteral("artifactsDock"));
    m_artifactsDock->setWidget(m_artifactsPanel);
    m_artifactsDock->setAllowedAreas(Qt::AllDockWidgetAreas);
    addDockWidget(Qt::RightDockWidgetArea, m_artifactsDock);

    statusBar()->addPermanentWidget(m_statusLabel);  // permanent: temporary messages use the left side

    m_designer = new DesignerController(m_document, m_scene, m_view, this);
    m_autosave = new Autosave(m_document, Autosave::defaultDirectory(), this);
    createDesignerDocks();
    createActions();
    createMenus();

    connect(m_document, &DesignDocument::topologyChanged, this, &MainWindow::onTopologyChanged);
    connect(m_document, &DesignDocument::layoutChanged, this, &MainWindow::onLayoutChanged);
    connect(m_document, &DesignDocument::findingsChanged, this, &MainWindow::onFindingsChanged);
    connect(m_document, &DesignDocument::designReplaced, m_view, &DiagramView::fitToContents);
    connect(m_document, &DesignDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_designer, &DesignerController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusMessageMs); });
    connect(m_view, &DiagramView::filesDropped, this, &MainWindow::openDroppedFiles);
    connect(m_scene, &DiagramScene::dragHint, this, [this](const QString &text) {
        if (text.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(text); // until the drag ends
    });
    connect(m_document, &DesignDocument::sourcePathChanged, this, &MainWindow::updateTitle);
    connect(m_findingsPanel, &FindingsPanel::findingActivated, this, &MainWindow::showFinding);
    connect(m_scene, &DiagramScene::selectedElementsChanged, m_findingsPanel, &FindingsPanel::highlightElements);

    onTopologyChanged();
    onLayoutChanged();
    onFindingsChanged();
    updateTitle();
    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::createDesignerDocks()
{
    m_paletteDock = new QDockWidget(tr("Palette"), this);
    m_paletteDock->setObjectName(QStringLiteral("paletteDock"));
    m_paletteDock->setWidget(m_designer->palette());
    addDockWidget(Qt::LeftDockWidgetArea, m_paletteDock);

    // The inspector shares the right side with the artifacts and the charts (tabs), so the
    // diagram keeps its width.
    m_inspectorDock = new QDockWidget(tr("Inspector"), this);
    m_inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    m_inspectorDock->setWidget(m_designer->inspector());
    addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);
    tabifyDockWidget(m_artifactsDock, m_inspectorDock);

    m_historyDock = new QDockWidget(tr("History"), this);
    m_historyDock->setObjectName(QStringLiteral("historyDock"));
    m_historyDock->setWidget(m_designer->historyView());
    addDockWidget(Qt::BottomDockWidgetArea, m_historyDock);
    tabifyDockWidget(m_findingsDock, m_historyDock);
    m_findingsDock->raise();
}

void MainWindow::createActions()
{
    m_newAction = new QAction(QIcon::fromTheme(QStringLiteral("document-new")), tr("&New"), this);
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setStatusTip(tr("Start an empty design"));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newDesign);

    m_saveAction = new QAction(QIcon::fromTheme(QStringLiteral("document-save")), tr("&Save"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setStatusTip(tr("Save the design to its project file"));
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::save);

    m_exportYamlAction = new QAction(tr("&Export Topology YAML…"), this);
    m_exportYamlAction->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    m_exportYamlAction->setStatusTip(tr("Write the topology as YAML, for git-friendly diffs (without the diagram layout)"));
    connect(m_exportYamlAction, &QAction::triggered, this, &MainWindow::exportYamlInteractively);

    m_exportDiagramAction = new QAction(tr("Export &Diagram…"), this);
    m_exportDiagramAction->setShortcut(QKeySequence(tr("Ctrl+Shift+X")));
    m_exportDiagramAction->setStatusTip(tr("Save the diagram as a PNG, SVG or PDF picture"));
    connect(m_exportDiagramAction, &QAction::triggered, this, &MainWindow::exportDiagramInteractively);

    m_saveTemplateAction = new QAction(tr("Save as &Template…"), this);
    m_saveTemplateAction->setStatusTip(tr("Keep the design as a template of your own, listed under New from Template"));
    connect(m_saveTemplateAction, &QAction::triggered, this, &MainWindow::saveAsTemplateInteractively);

    m_openAction = new QAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open a Quorum Studio project or a topology YAML file"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openInteractively);

    m_saveAsAction = new QAction(tr("Save &As…"), this);
    m_saveAsAction->setShortcut(QKeySequence(tr("Ctrl+Shift+S")));
    m_saveAsAction->setStatusTip(tr("Save the design to a new project file"));
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveAsInteractively);

    m_importAction = new QAction(tr("&Import…"), this);
    m_importAction->setShortcut(QKeySequence(tr("Ctrl+I")));
    m_importAction->setStatusTip(tr("Add Kubernetes manifests, a kind config or a kubeadm config to the design"));
    connect(m_importAction, &QAction::triggered, this, &MainWindow::importInteractively);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence(tr("Ctrl+Q")));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_aboutAction = new QAction(tr("&About Quorum Studio"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    m_templateMenu = file->addMenu(tr("New from &Template"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addAction(m_exportYamlAction);
    file->addAction(m_exportDiagramAction);
    file->addAction(m_saveTemplateAction);
    file->addSeparator();
    file->addAction(m_importAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    rebuildTemplateMenu();
    rebuildRecentMenu();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    addMenuActions(edit, m_designer->editActions());
    addMenuActions(edit->addMenu(tr("Arra&nge")), m_designer->arrangeActions());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_view->zoomInAction());
    view->addAction(m_view->zoomOutAction());
    view->addAction(m_view->fitAction());
    view->addSeparator();
    QAction *toggleFindings = m_findingsDock->toggleViewAction();
    toggleFindings->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
    toggleFindings->setStatusTip(tr("Show or hide the findings panel"));
    view->addAction(toggleFindings);
    QAction *toggleArtifacts = m_artifactsDock->toggleViewAction();
    toggleArtifacts->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    toggleArtifacts->setStatusTip(tr("Show or hide the generated artifacts"));
    view->addAction(toggleArtifacts);
    QAction *togglePalette = m_paletteDock->toggleViewAction();
    togglePalette->setShortcut(QKeySequence(tr("Ctrl+Shift+T")));
    togglePalette->setStatusTip(tr("Show or hide the palette of elements"));
    view->addAction(togglePalette);
    QAction *toggleInspector = m_inspectorDock->toggleViewAction();
    toggleInspector->setShortcut(QKeySequence(tr("Ctrl+Shift+I")));
    toggleInspector->setStatusTip(tr("Show or hide the inspector"));
    view->addAction(toggleInspector);
    QAction *toggleHistory = m_historyDock->toggleViewAction();
    toggleHistory->setShortcut(QKeySequence(tr("Ctrl+Shift+U")));
    toggleHistory->setStatusTip(tr("Show or hide the undo history"));
    view->addAction(toggleHistory);
    view->addSeparator();
    createAppearanceMenu(view);

    // Run menu, run toolbar, events dock and live status (ui/monitor).
    m_live = new LiveController(m_document, m_scene, this);
    // Runs are recorded per design and saved in its project (RunStore).
    m_runs = new RunStore(m_document, RunStore::defaultDirectory(), this);
    m_live->engine()->setRecordPath(m_runs->path());
    connect(m_runs, &RunStore::pathChanged, m_live->engine(), &EngineBridge::setRecordPath);
    connect(m_runs, &RunStore::runsUnreadable, this, [this](const QString &message) {
        statusBar()->showMessage(tr("The recorded runs of this project could not be read: %1").arg(message), kStatusMessageMs);
    });
    connect(m_live, &LiveController::actionRefused, this, [this](const QString &message) {
        statusBar()->showMessage(message, kStatusMessageMs);
    });
    connect(m_view, &DiagramView::elementContextMenuRequested, this, &MainWindow::showElementMenu);
    tabifyDockWidget(m_artifactsDock, m_live->monitorDock()); // the charts get the full height
    tabifyDockWidget(m_findingsDock, m_live->eventsDock());
    m_inspectorDock->raise();
    m_findingsDock->raise();
    view->addAction(m_live->eventsDock()->toggleViewAction());
    QAction *toggleMonitor = m_live->monitorDock()->toggleViewAction();
    toggleMonitor->setShortcut(QKeySequence(tr("Ctrl+Shift+M")));
    toggleMonitor->setStatusTip(tr("Show or hide the live charts"));
    view->addAction(toggleMonitor);

    // Drills (trainer mode): a scenario step by step, with predictions and observed times.
    m_drill = new DrillPanel(m_live, m_document);
    m_drillDock = new QDockWidget(tr("Drill"), this);
    m_drillDock->setObjectName(QStringLiteral("drillDock"));
    m_drillDock->setWidget(m_drill);
    addDockWidget(Qt::LeftDockWidgetArea, m_drillDock);
    m_drillDock->hide(); // until a drill is wanted
    connect(m_drill, &DrillPanel::refused, this, [this](const QString &message) {
        statusBar()->showMessage(message, kStatusMessageMs);
    });
    connect(m_drill->startAction(), &QAction::triggered, this, &MainWindow::showDrillPanel);
    QAction *toggleDrill = m_drillDock->toggleViewAction();
    toggleDrill->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    toggleDrill->setStatusTip(tr("Show or hide the drill panel (trainer mode)"));
    view->addAction(toggleDrill);
    QMenu *run = m_live->runMenu();
    run->addSeparator();
    run->addAction(m_drill->startAction());
    run->addAction(m_drill->nextAction());

    // Replay of recorded runs, with a timeline scrubber.
    m_replay = new ReplayController(m_live, this);
    connect(m_replay, &ReplayController::refused, this, [this](const QString &message) {
        statusBar()->showMessage(message, kStatusMessageMs);
    });
    connect(m_replay, &ReplayController::progress, this, [this](const QString &message) { statusBar()->showMessage(message); });
    connect(m_replay, &ReplayController::opened, statusBar(), &QStatusBar::clearMessage);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::showDrillPanel()
{
    m_drillDock->show();
    m_drillDock->raise();
    // The steps table needs room for its four columns.
    if (m_drillDock->width() < kDrillDockWidth)
        resizeDocks({m_drillDock}, {std::min(kDrillDockWidth, width() / 3)}, Qt::Horizontal);
}

QMenu *MainWindow::elementMenu(const QString &elementId)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    int entries = m_live->addElementActions(menu, elementId);
    // A right-click on one of the selected cards offers to arrange them.
    const ElementItem *item = m_scene->elementItem(elementId);
    if (item && item->isSelected() && (item->flags() & QGraphicsItem::ItemIsMovable)) {
        if (entries > 0)
            menu->addSeparator();
        addMenuActions(menu->addMenu(tr("Arra&nge")), m_designer->arrangeActions());
        ++entries;
    }
    // And the card's links, which a click cannot reach where they run behind another card.
    if (item && item->type() != ZoneLaneItem::Type) {
        QAction *separator = entries > 0 ? menu->addSeparator() : nullptr;
        if (m_designer->addLinkActions(menu, elementId) > 0)
            ++entries;
        else if (separator)
            menu->removeAction(separator);
    }
    if (entries == 0) {
        delete menu;
        return nullptr;
    }
    return menu;
}

void MainWindow::createAppearanceMenu(QMenu *view)
{
    QMenu *menu = view->addMenu(tr("&Appearance"));
    auto *group = new QActionGroup(this);
    const struct {
        AppearanceMode mode;
        const char *text;
        const char *tip;
    } entries[] = {
        {AppearanceMode::System, QT_TR_NOOP("&System"), QT_TR_NOOP("Follow the system's light or dark appearance")},
        {AppearanceMode::Light, QT_TR_NOOP("&Light"), QT_TR_NOOP("Light windows and diagram, whatever the system uses")},
        {AppearanceMode::Dark, QT_TR_NOOP("&Dark"), QT_TR_NOOP("Dark windows and diagram, whatever the system uses")},
    };
    for (const auto &e : entries) {
        QAction *action = menu->addAction(tr(e.text));
        action->setCheckable(true);
        action->setStatusTip(tr(e.tip));
        action->setToolTip(tr(e.tip));
        action->setData(appearanceModeName(e.mode));
        group->addAction(action);
        const AppearanceMode mode = e.mode;
        connect(action, &QAction::triggered, this, [this, mode] { setAppearance(mode); });
        m_appearanceActions << action;
    }
    m_appearanceActions.front()->setChecked(true);
}

QAction *MainWindow::appearanceAction(AppearanceMode mode) const
{
    return m_appearanceActions.value(static_cast<int>(mode));
}

void MainWindow::setAppearance(AppearanceMode mode, bool remember)
{
    m_appearance = mode;
    applyAppearanceMode(mode);
    if (QAction *action = appearanceAction(mode))
        action->setChecked(true);
    if (remember)
        QSettings().setValue(kAppearanceKey, appearanceModeName(mode));
}

void MainWindow::showElementMenu(const QString &elementId, const QPoint &globalPos)
{
    if (QMenu *menu = elementMenu(elementId))
        menu->popup(globalPos);
}

void MainWindow::rebuildTemplateMenu()
{
    m_templateMenu->clear();
    auto add = [this](const QString &path, const QString &description) {
        QAction *action = m_templateMenu->addAction(QFileInfo(path).completeBaseName());
        action->setData(path);
        action->setStatusTip(description);
        action->setToolTip(description);
        connect(action, &QAction::triggered, this, [this, path] {
            // The bundled ones keep their resource path (the title says "template"); the user's
            // become a new, untitled design.
            if (path.startsWith(QLatin1String(":/")))
                openFile(path);
            else
                newFromTemplate(path);
        });
    };
    for (const QString &path : resources::templatePaths())
        add(path, templateDescription(path));
    const QFileInfoList own = QDir(userTemplateDirectory()).entryInfoList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    if (!own.isEmpty())
        m_templateMenu->addSection(tr("Your templates"));
    for (const QFileInfo &file : own)
        add(file.filePath(), templateDescription(file.filePath()));
    m_templateMenu->setToolTipsVisible(true);
    m_templateMenu->setEnabled(!m_templateMenu->isEmpty());
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recentFiles.files();
    for (int i = 0; i < files.size(); ++i) {
        const QString &path = files[i];
        QAction *action = m_recentMenu->addAction(tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No Recent Files"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    connect(m_recentMenu->addAction(tr("&Clear Menu")), &QAction::triggered, this, [this] {
        m_recentFiles.clear();
        rebuildRecentMenu();
    });
}

bool MainWindow::openFile(const QString &path)
{
    if (!maybeSave())
        return false;
    std::vector<model::Diagnostic> errors;
    if (!m_document->load(path, errors)) {
        QStringList details = diagnosticLines(errors);
        if (details.isEmpty())
            details << tr("%1: unknown error").arg(path);
        reportError(tr("Open Design"),
                    tr("%1 could not be opened. The current design is unchanged.").arg(QFileInfo(path).fileName()),
                    details);
        return false;
    }
    m_lastError.clear();
    if (!m_document->isFromTemplate()) {
        m_recentFiles.add(path);
        QSettings().setValue(kDirectoryKey, QFileInfo(path).absolutePath());
        rebuildRecentMenu();
    }
    statusBar()->showMessage(m_document->isFromTemplate()
                                 ? tr("Opened the template %1.").arg(QFileInfo(path).completeBaseName())
                                 : tr("Opened %1.").arg(QDir::toNativeSeparators(path)),
                             kStatusMessageMs);
    return true;
}

bool MainWindow::saveAs(const QString &path)
{
    // A project keeps the runs recorded so far, including what the engine has not committed yet.
    m_live->engine()->commitRecording();
    if (const std::optional<QString> error = m_document->saveAs(path)) {
        reportError(tr("Save Design"), tr("The design could not be saved. Nothing was written to %1.")
                                           .arg(QDir::toNativeSeparators(path)),
                    {*error});
        return false;
    }
    m_lastError.clear();
    m_recentFiles.add(path);
    QSettings().setValue(kDirectoryKey, QFileInfo(path).absolutePath());
    rebuildRecentMenu();
    statusBar()->showMessage(tr("Saved %1.").arg(QDir::toNativeSeparators(path)), kStatusMessageMs);
    return true;
}

bool MainWindow::importFile(const QString &path)
{
    const generate::ImportResult result = generate::importFile(path.toStdString());
    m_lastImportDiagnostics.clear();
    for (const generate::ImportDiagnostic &d : result.diagnostics)
        m_lastImportDiagnostics << QString::fromStdString(d.toString());
    const QString name = QFileInfo(path).fileName();
    if (result.hasErrors()) {
        QStringList errors;
        for (const generate::ImportDiagnostic &d : result.atLeast(model::Severity::Error))
            errors << QString::fromStdString(d.where.toString());
        reportError(tr("Import"), tr("%1 could not be imported. The current design is unchanged.").arg(name), errors);
        return false;
    }
    m_lastError.clear();
    QSettings().setValue(kImportDirectoryKey, QFileInfo(path).absolutePath());
    m_document->editTopology(tr("Import %1").arg(name), generate::mergeImport(m_document->topology(), result));
    statusBar()->showMessage(tr("Imported %1 (workloads: %2, nodes: %3).")
                                 .arg(name)
                                 .arg(result.topology.workloads.size())
                                 .arg(result.topology.nodes.size()),
                             kStatusMessageMs);
    if (!m_lastImportDiagnostics.isEmpty()) {
        const auto skipped = static_cast<int>(result.atLeast(model::Severity::Warning).size());
        showDetails(skipped > 0 ? QMessageBox::Warning : QMessageBox::Information, tr("Import"),
                    skipped > 0 ? tr("%1 was imported, but not all of it (%2 warnings):").arg(name).arg(skipped)
                                : tr("%1 was imported. Some fields have no counterpart in the design:").arg(name),
                    m_lastImportDiagnostics);
    }
    return true;
}

QStringList MainWindow::diagnosticLines(const std::vector<model::Diagnostic> &diagnostics)
{
    QStringList lines;
    for (const model::Diagnostic &d : diagnostics)
        lines << QString::fromStdString(d.toString());
    return lines;
}

void MainWindow::reportError(const QString &title, const QString &text, const QStringList &details)
{
    m_lastError = details.join(QLatin1Char('\n'));
    spdlog::error("{} {}", text.toStdString(), m_lastError.toStdString());
    showDetails(QMessageBox::Warning, title, text, details);
}

void MainWindow::showDetails(QMessageBox::Icon icon, const QString &title, const QString &text,
                             const QStringList &details)
{
    if (!m_messageBoxes)
        return;
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QStringList shown = details.mid(0, kMaxListedDiagnostics);
    if (details.size() > kMaxListedDiagnostics) {
        shown << tr("… and %1 more (see Show Details).").arg(details.size() - kMaxListedDiagnostics);
        box->setDetailedText(details.join(QLatin1Char('\n')));
    }
    box->setInformativeText(shown.join(QLatin1Char('\n')));
    box->open();  // window-modal but not blocking: the caller returns at once
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Quorum Studio"),
                       tr("<h3>Quorum Studio %1</h3>"
                          "<p>Design, generate, run and watch highly available Kubernetes-style clusters.</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::showFinding(const QString &elementId)
{
    if (m_view->showElement(elementId))
        return;
    const std::optional<model::ElementId> id = model::ElementId::parse(elementId.toStdString());
    statusBar()->showMessage(id && id->kind == model::ElementKind::Cluster
                                 ? tr("This finding is about the cluster as a whole.")
                                 : tr("%1 is not drawn in the diagram.").arg(elementId),
                             kStatusMessageMs);
}

void MainWindow::onTopologyChanged()
{
    m_artifactsPanel->setTopology(m_document->topology());
    m_statusLabel->setText(designSummary());
    updateTitle();
}

void MainWindow::onLayoutChanged()
{
    m_scene->setDesign(m_document->topology(), m_document->positions(), m_document->sizes(), m_document->outsets(),
                       m_document->findings());
}

void MainWindow::onFindingsChanged()
{
    m_scene->setFindings(m_document->findings());
    m_findingsPanel->setFindings(m_document->findings());
}

QString MainWindow::designSummary() const
{
    const model::Topology &topology = m_document->topology();
    const auto nodes = static_cast<int>(topology.nodes.size());
    const auto zones = static_cast<int>(topology.zones.size());
    const auto members = static_cast<int>(topology.nodesRunning(model::Component::Etcd).size());
    if (members == 0)
        return tr("Nodes: %1 · Zones: %2 · No etcd members").arg(nodes).arg(zones);
    return tr("Nodes: %1 · Zones: %2 · etcd members: %3 · Quorum: %4 · Failures tolerated: %5")
        .arg(nodes)
        .arg(zones)
        .arg(members)
        .arg(model::quorumOf(members))
        .arg(model::failuresTolerated(members));
}

void MainWindow::updateTitle()
{
    const QString name = m_document->topology().name.empty() ? tr("Untitled design")
                                                              : QString::fromStdString(m_document->topology().name);
    const QString file = m_document->fileName();
    // "[*]" shows the modified marker where the platform puts it.
    if (file.isEmpty())
        setWindowTitle(name + QStringLiteral("[*]"));
    else if (m_document->isFromTemplate())
        setWindowTitle(tr("%1 (template %2)").arg(name, file) + QStringLiteral("[*]"));
    else
        setWindowTitle(tr("%1 (%2)").arg(name, file) + QStringLiteral("[*]"));
    setWindowModified(m_document->isModified());
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    const QString appearance = settings.value(kAppearanceKey).toString();
    setAppearance(parseAppearanceMode(appearance).value_or(AppearanceMode::System), false);
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
        const QSize available = screen() ? screen()->availableGeometry().size() : QSize(1600, 1000);
        resize(std::min(1440, available.width() * 9 / 10), std::min(900, available.height() * 9 / 10));
    }
    if (!restoreState(settings.value(kStateKey).toByteArray())) {
        resizeDocks({m_findingsDock}, {kDefaultDockHeight}, Qt::Vertical);
        resizeDocks({m_artifactsDock}, {std::min(kDefaultArtifactsDockWidth, width() / 2)}, Qt::Horizontal);
        resizeDocks({m_paletteDock}, {std::min(kDefaultPaletteDockWidth, width() / 6)}, Qt::Horizontal);
    }
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_autosave->discard();  // a clean end: nothing to recover
    saveSettings();
    spdlog::info("Main window closed");
    QMainWindow::closeEvent(event);
}

} // namespace quorum::ui
