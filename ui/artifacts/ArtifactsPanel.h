#pragma once

// The Artifacts panel: what `quorumctl generate` would write for the open design, as a tree of
// files by family folder, a highlighted read-only preview, the changes against the last export
// to the chosen folder, the generator notes, and an Export… button.
//
// Generation runs on the global thread pool (QtConcurrent) with a copy of the design; the
// result is applied on the GUI thread, and results of older designs are dropped. Everything
// else, and every public function, is GUI thread only.

#include "engine/generate/Artifacts.h"
#include "engine/model/Topology.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace quorum::ui {

class ArtifactHighlighter;

class ArtifactsPanel : public QWidget {
    Q_OBJECT

public:
    /// How a generated file compares with the last export.
    enum class FileState { Unchanged, New, Changed, Removed };
    Q_ENUM(FileState)

    /// Reads the last export folder from QSettings (organization and application names set).
    explicit ArtifactsPanel(QWidget *parent = nullptr);
    ~ArtifactsPanel() override;

    /// Regenerates for this design (asynchronously; artifactsUpdated() follows). The Kubernetes
    /// version follows the design's unless the user picked another for the same design version.
    void setTopology(const model::Topology &topology);

    /// True while a generation is running; the shown files are then those of an older design.
    bool isBusy() const { return m_pending > 0; }
    /// The last applied generation result.
    const generate::GenerateResult &result() const { return m_result; }
    /// Paths of the generated files in the list (removed files are not counted), sorted.
    QStringList filePaths() const;
    /// How path compares with the last export folder; Unchanged when there is no export folder.
    FileState fileState(const QString &path) const;

    /// Selects the file in the tree and shows it in the preview and the diff view.
    bool selectFile(const QString &path);

    /// Writes the current files to dir (see generate::writeArtifacts) and makes dir the folder
    /// the changes are compared with. Returns the error message on failure.
    std::optional<QString> exportTo(const QString &dir);
    /// The folder the changes are compared with ("" before the first export).
    QString exportDirectory() const { return m_exportDir; }
    /// Compares with dir from now on (re-reads it); remembered in QSettings.
    void setExportDirectory(const QString &dir);

    /// The Kubernetes version used for generation ("1.30").
    QString kubernetesVersion() const;
    /// Picks a version from the selector (regenerates); false when it is not offered.
    bool setKubernetesVersion(const QString &version);

    /// Message boxes for export errors are on by default; tests turn them off.
    void setMessageBoxesEnabled(bool enabled) { m_messageBoxes = enabled; }

    QTreeWidget *fileTree() const { return m_tree; }
    QPlainTextEdit *preview() const { return m_preview; }
    QPlainTextEdit *diffView() const { return m_diff; }
    QListWidget *notesList() const { return m_notes; }
    QComboBox *versionSelector() const { return m_version; }
    QTabWidget *tabs() const { return m_tabs; }

signals:
    /// A generation result was applied (files, notes, marks and views are up to date).
    void artifactsUpdated();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Job;
    void regenerate();
    void apply(Job job);
    void rebuildTree();
    void showSelection();
    void updateStatusLine();
    void exportInteractively();
    QTreeWidgetItem *folderItem(const QString &folderPath, QHash<QString, QTreeWidgetItem *> &folders);
    QString changesText(const QStringList &paths) const;
    QStringList allPaths() const;

    model::Topology m_topology;
    std::string m_designVersion;
    generate::GenerateResult m_result;
    /// What the export folder holds, by generated path (only files of the artifact families).
    QHash<QString, QByteArray> m_exported;
    QString m_exportDir;
    quint64 m_generation = 0;
    int m_pending = 0;
    bool m_messageBoxes = true;

    QComboBox *m_version;
    QPushButton *m_export;
    QLabel *m_status;
    QTreeWidget *m_tree;
    QListWidget *m_notes;
    QLabel *m_notesTitle;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_preview;
    QPlainTextEdit *m_diff;
    ArtifactHighlighter *m_previewHighlighter;
    ArtifactHighlighter *m_diffHighlighter;
};

} // namespace quorum::ui
