#pragma once

// The main window: the diagram in the middle, the findings dock below, File / View / Help
// menus, and a status bar with the design's size and etcd fault tolerance.
// Main (GUI) thread only.

#include "ui/mainwindow/RecentFiles.h"

#include <QMainWindow>
#include <QString>
#include <QStringList>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;

namespace quorum::ui {

class DesignDocument;
class DiagramScene;
class DiagramView;
class FindingsPanel;

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

    /// Saves the design atomically to path. Same error reporting as openFile().
    bool saveAs(const QString &path);

    /// What the last failed openFile() / saveAs() reported; empty after a success.
    QString lastError() const { return m_lastError; }

    /// Message boxes for load and save errors are on by default; tests turn them off.
    void setMessageBoxesEnabled(bool enabled) { m_messageBoxes = enabled; }
    bool messageBoxesEnabled() const { return m_messageBoxes; }

    DesignDocument *document() const { return m_document; }
    DiagramScene *diagramScene() const { return m_scene; }
    DiagramView *diagramView() const { return m_view; }
    FindingsPanel *findingsPanel() const { return m_findingsPanel; }
    QDockWidget *findingsDock() const { return m_findingsDock; }
    /// The status bar text about the design ("Nodes: 8 · Zones: 3 · ...").
    QString designSummary() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void restoreSettings();
    void saveSettings() const;

    void openInteractively();
    void saveAsInteractively();
    void showAbout();
    void showFinding(const QString &elementId);
    void onTopologyChanged();
    void updateTitle();
    void rebuildRecentMenu();
    void rebuildTemplateMenu();
    /// Shows a non-blocking warning box (when enabled) and logs.
    void reportError(const QString &title, const QString &text, const QStringList &details);

    DesignDocument *m_document;
    DiagramScene *m_scene;
    DiagramView *m_view;
    FindingsPanel *m_findingsPanel;
    QDockWidget *m_findingsDock;
    QLabel *m_statusLabel;
    RecentFiles m_recentFiles;

    QAction *m_openAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_templateMenu = nullptr;

    QString m_lastError;
    bool m_messageBoxes = true;
};

} // namespace quorum::ui
