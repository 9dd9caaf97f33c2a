#pragma once

// The main window: the diagram in the middle, the findings dock below, the artifacts dock on
// the right, File / View / Help menus, and a status bar with the design's size and etcd fault tolerance.
// Main (GUI) thread only.

#include "engine/model/TopologyYaml.h"
#include "ui/common/AppearanceMode.h"
#include "ui/mainwindow/RecentFiles.h"

#include <QMainWindow>
#include <QMessageBox>
#include <QString>
#include <QStringList>

#include <vector>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;

namespace quorum::ui {

class ArtifactsPanel;
class DesignDocument;
class Autosave;
class RunStore;
class DesignerController;
class DiagramScene;
class DiagramView;
class FindingsPanel;
class DrillPanel;
class LiveController;
class ReplayController;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    /// Creates the window with an empty design and restores geometry and dock state from
    /// QSettings (organization and application names must be set).
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a topology file, or a resource path such as ":/templates/production-ha.yaml".
    /// On success the design is replaced and a real file joins the recent files. On failure
    /// the current design stays untouched, lastError() lists each diagnostic
    /// ("file:line:column: field: message", one per line) and, if message boxes are
    /// enabled, a non-blocking message box shows them. Never blocks on a dialog.
    bool openFile(const QString &path);

    /// Saves the design atomically to path: a .quorum project (topology, layout, scenarios),
    /// or, for any other name, the topology YAML. Same error reporting as openFile().
    bool saveAs(const QString &path);
    /// Writes the diagram as PNG, SVG or PDF (by the suffix). Same error reporting as openFile().
    bool exportDiagram(const QString &path);
    /// Saves to the open project file, or asks for a name (Save As) when there is none.
    bool save();
    /// Starts an empty design (after asking about unsaved changes).
    bool newDesign();
    /// Saves the topology as a template of the user's (listed under New from Template).
    /// name: the template's file name without ".yaml". Same error reporting as openFile().
    bool saveAsTemplate(const QString &name);
    /// Starts a new, unsaved design from a template file (bundled or the user's).
    bool newFromTemplate(const QString &path);
    /// Where the user's templates are kept (the application's data folder).
    static QString userTemplateDirectory();

    /// Offers to recover the design of a session that ended without saving (a crash): Recover
    /// opens the newest autosave as a modified design of the file it came from, Discard
    /// deletes the autosaves, Cancel keeps them for next time. Without message boxes the
    /// answer set by setRecoveryAnswer() is taken. Returns true when a design was recovered.
    bool offerRecovery();
    /// QMessageBox::Yes (recover), Discard or Cancel (the default).
    void setRecoveryAnswer(QMessageBox::StandardButton answer) { m_recoveryAnswer = answer; }
    Autosave *autosave() const { return m_autosave; }
    RunStore *runStore() const { return m_runs; }

    /// Asks whether to save unsaved changes before they would be lost: returns true when it
    /// is fine to go on (saved, discarded, or nothing to save), false when the user cancelled
    /// or saving failed. Without message boxes the answer set below is taken.
    bool maybeSave();
    /// The answer maybeSave() takes when message boxes are off (tests): Save, Discard or
    /// Cancel (the default, so that nothing is lost unasked).
    void setUnsavedChangesAnswer(QMessageBox::StandardButton answer) { m_unsavedAnswer = answer; }

    /// Imports Kubernetes manifests, a kind config or a kubeadm config (generate::importFile)
    /// and merges them into the design (generate::mergeImport); the diagram, findings and
    /// artifacts follow. With import errors the design stays unchanged and the call fails
    /// like openFile(). Warnings and remarks (unsupported kinds with their line, fields with no
    /// counterpart) are listed in a non-blocking message box when enabled. Either way
    /// lastImportDiagnostics() holds every diagnostic, "severity file:line:column: field: message".
    bool importFile(const QString &path);
    QStringList lastImportDiagnostics() const { return m_lastImportDiagnostics; }

    /// What the last failed openFile() / saveAs() / importFile() reported; empty after a success.
    QString lastError() const { return m_lastError; }

    /// Message boxes for load and save errors are on by default; tests turn them off.
    void setMessageBoxesEnabled(bool enabled) { m_messageBoxes = enabled; }
    bool messageBoxesEnabled() const { return m_messageBoxes; }

    DesignDocument *document() const { return m_document; }
    DiagramScene *diagramScene() const { return m_scene; }
    DiagramView *diagramView() const { return m_view; }
    FindingsPanel *findingsPanel() const { return m_findingsPanel; }
    QDockWidget *findingsDock() const { return m_findingsDock; }
    ArtifactsPanel *artifactsPanel() const { return m_artifactsPanel; }
    QDockWidget *artifactsDock() const { return m_artifactsDock; }
    QAction *importAction() const { return m_importAction; }
    QAction *saveAction() const { return m_saveAction; }
    QAction *newAction() const { return m_newAction; }
    /// The designer: palette, inspector, undo history and the Edit menu.
    DesignerController *designer() const { return m_designer; }
    QDockWidget *paletteDock() const { return m_paletteDock; }
    QDockWidget *inspectorDock() const { return m_inspectorDock; }
    /// Runs the design and shows it live (Run menu, events, fault actions).
    LiveController *live() const { return m_live; }
    DrillPanel *drill() const { return m_drill; }
    ReplayController *replay() const { return m_replay; }
    QDockWidget *drillDock() const { return m_drillDock; }
    /// Shows the drill panel (trainer mode), wide enough for its steps.
    void showDrillPanel();
    /// The context menu of a diagram element: its live fault actions (nullptr when it has
    /// none). The caller shows it; it deletes itself when closed.
    QMenu *elementMenu(const QString &elementId);
    /// View → Appearance: applies mode to the application (AppearanceMode.h), checks its menu
    /// entry and, when remember is true, keeps it in the settings for the next start.
    void setAppearance(AppearanceMode mode, bool remember = true);
    AppearanceMode appearance() const { return m_appearance; }
    QAction *appearanceAction(AppearanceMode mode) const;

    /// The status bar text about the design ("Nodes: 8 · Zones: 3 · ...").
    QString designSummary() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createAppearanceMenu(QMenu *view);
    void restoreSettings();
    void saveSettings() const;

    void openInteractively();
    void saveAsInteractively();
    void exportYamlInteractively();
    void exportDiagramInteractively();
    void saveAsTemplateInteractively();
    void importInteractively();
    void showAbout();
    void showFinding(const QString &elementId);
    void showElementMenu(const QString &elementId, const QPoint &globalPos);
    void onTopologyChanged();
    void onLayoutChanged();
    void onFindingsChanged();
    void createDesignerDocks();
    void openDroppedFiles(const QStringList &paths);
    void updateTitle();
    void rebuildRecentMenu();
    void rebuildTemplateMenu();
    /// Each diagnostic as "file:line:column: field: message", for reportError().
    static QStringList diagnosticLines(const std::vector<model::Diagnostic> &diagnostics);
    /// Shows a non-blocking warning box (when enabled) and logs.
    void reportError(const QString &title, const QString &text, const QStringList &details);
    /// A non-blocking information box (when enabled) listing details.
    void showDetails(QMessageBox::Icon icon, const QString &title, const QString &text, const QStringList &details);

    DesignDocument *m_document;
    DiagramScene *m_scene;
    DiagramView *m_view;
    FindingsPanel *m_findingsPanel;
    QDockWidget *m_findingsDock;
    ArtifactsPanel *m_artifactsPanel;
    QDockWidget *m_artifactsDock;
    QLabel *m_statusLabel;
    LiveController *m_live = nullptr;
    DrillPanel *m_drill = nullptr;
    ReplayController *m_replay = nullptr;
    QDockWidget *m_drillDock = nullptr;
    RecentFiles m_recentFiles;

    DesignerController *m_designer = nullptr;
    QDockWidget *m_paletteDock = nullptr;
    QDockWidget *m_inspectorDock = nullptr;
    QDockWidget *m_historyDock = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_exportYamlAction = nullptr;
    QAction *m_exportDiagramAction = nullptr;
    QAction *m_saveTemplateAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_templateMenu = nullptr;
    QList<QAction *> m_appearanceActions;  ///< System, Light, Dark
    AppearanceMode m_appearance = AppearanceMode::System;

    QString m_lastError;
    QStringList m_lastImportDiagnostics;
    bool m_messageBoxes = true;
    QMessageBox::StandardButton m_unsavedAnswer = QMessageBox::Cancel;
    QMessageBox::StandardButton m_recoveryAnswer = QMessageBox::Cancel;
    Autosave *m_autosave = nullptr;
    RunStore *m_runs = nullptr;
};

} // namespace quorum::ui
