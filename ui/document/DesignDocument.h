#pragma once

// The open design: the QObject adapter around the Qt-free model. It owns the Topology and the
// diagram positions the user placed, knows where they came from, keeps the HA findings in
// step (recomputed off the UI thread after each edit), and records every edit on an undo
// stack. Views (diagram, findings panel, inspector, status bar) read from it and listen to
// its signals. Main (GUI) thread only.

#include "engine/model/Findings.h"
#include "engine/model/Topology.h"
#include "engine/model/TopologyYaml.h"

#include <QFutureWatcher>
#include <QMap>
#include <QObject>
#include <QPointF>
#include <QSizeF>
#include <QString>

#include <functional>
#include <optional>
#include <string>
#include <vector>

class QUndoStack;

namespace quorum::ui {

/// Element id string ("node/cp-1") -> where the user placed its card: the offset of its top-left
/// corner from where the automatic layout starts the card's container (a node's zone lane, the
/// band of the other cards; ui/diagram/PlacedLayout.h, PlacementOrigins), so that a placed card
/// follows its lane or band when the layout grows. Elements without an entry are placed by the
/// automatic layout.
using Positions = QMap<QString, QPointF>;


/// Element id string ("zone/zone-a") -> the lane size the user dragged; 0 in a dimension (or no
/// entry) is the automatic size there. The lane never gets smaller than what holds its cards.
/// Bands' sizes are kept here too, by bandIdString() ("band/storage"), on the same terms.
using Sizes = QMap<QString, QSizeF>;

/// Element id string ("zone/zone-a") -> how far the user dragged the lane's left and top edges
/// out past where the automatic layout starts it (x: further left, y: higher; both 0 or more, no
/// entry: 0). Part of the lane's size in Sizes when it has one.
using Outsets = QMap<QString, QPointF>;

/// A scenario kept with the design: file name and YAML text.
struct DesignScenario {
    QString name;
    QByteArray yaml;
    bool operator==(const DesignScenario &) const = default;
};

/// Everything an edit can change, as one value (undo commands keep two of them).
struct DesignState {
    model::Topology topology;
    Positions positions;
    Sizes sizes = {};  // an initializer: states built from a topology and positions alone get none
    Outsets outsets = {};
    bool operator==(const DesignState &) const = default;
};

/// Turns the positions of a state read from an older project (format 5 or older: top-left corners
/// in scene units) into Positions. The diagram knows the layout and the document does not, so the
/// designer installs it (DesignDocument::setScenePositionsConverter).
using ScenePositionsConverter = std::function<Positions(const DesignState &)>;

class DesignDocument : public QObject {
    Q_OBJECT

public:
    /// Starts with an empty, unnamed design.
    explicit DesignDocument(QObject *parent = nullptr);
    ~DesignDocument() override;

    const model::Topology &topology() const { return m_state.topology; }
    const Positions &positions() const { return m_state.positions; }
    const Sizes &sizes() const { return m_state.sizes; }
    const Outsets &outsets() const { return m_state.outsets; }
    const DesignState &state() const { return m_state; }
    /// How positions of projects of format 5 and older are read (without one: as they are).
    void setScenePositionsConverter(ScenePositionsConverter converter) { m_scenePositions = std::move(converter); }
    const std::vector<DesignScenario> &scenarios() const { return m_scenarios; }
    /// The findings of checkTopology(), in the engine's order (errors first). After an edit
    /// they are those of the previous design until findingsChanged() is emitted; after a
    /// load they are current at once.
    const std::vector<model::Finding> &findings() const { return m_findings; }
    /// True while findings are being recomputed for the latest edit.
    bool findingsPending() const { return m_findingsPending; }

    /// Where the design was read from: a file path (.quorum project or topology YAML), a
    /// resource path (":/templates/..."), or empty for a new design.
    QString sourcePath() const { return m_sourcePath; }
    /// True when the design came from a bundled template (a resource, not a file on disk).
    bool isFromTemplate() const;
    /// True when sourcePath() is a .quorum project file (Save writes there without asking).
    bool isProjectFile() const;
    /// The file name part of sourcePath() ("production-ha.yaml"), or empty.
    QString fileName() const;

    /// The edits; clean when the design equals what was last loaded or saved.
    QUndoStack *undoStack() const { return m_undo; }
    /// True when there are edits, or runs recorded since the design was opened or saved as a
    /// project (unsavedRuns()), that are not saved.
    bool isModified() const;
    /// True when the design itself (not only its runs) has edits that are not saved.
    bool hasUnsavedEdits() const;

    /// Reads a .quorum project or a topology YAML from a file or a resource path. On success
    /// the design is replaced (see replace()); on failure the current design stays as it was
    /// and errors holds the diagnostics (file, line, column, field). Runs synchronously.
    bool load(const QString &path, std::vector<model::Diagnostic> &errors);

    /// Parses topology YAML text; sourceName is only used for diagnostics and sourcePath().
    /// Same contract as load().
    bool loadText(const QByteArray &text, const QString &sourceName,
                  std::vector<model::Diagnostic> &errors);

    /// Saves atomically: a path ending in ".quorum" gets a project (topology, positions, zone
    /// sizes, scenarios), any other path the topology YAML. A project becomes the sourcePath() and
    /// marks the design clean; a YAML export of a project leaves both as they were.
    /// Returns std::nullopt on success or the reason (naming the file); nothing changes then.
    std::optional<QString> saveAs(const QString &path);

    /// Replaces the design (a load, New, a template): clears the undo history, marks the
    /// design clean, computes findings at once. Emits designReplaced(), topologyChanged(),
    /// layoutChanged() and sourcePathChanged().
    void replace(DesignState state, const QString &sourcePath, std::vector<DesignScenario> scenarios = {});
    /// replace() without positions or scenarios.
    void setTopology(model::Topology topology, const QString &sourcePath);

    /// The recording file the open design's runs are kept in (RunStore); Save and autosave copy
    /// its runs into the project when it exists. Empty: projects are saved without runs.
    void setRunsFile(const QString &path) { m_runsFile = path; }
    QString runsFile() const { return m_runsFile; }
    /// runsFile() when it exists (a run was recorded, or runs were read from a project), else "".
    QString existingRunsFile() const;
    /// A run is being recorded into runsFile(): until the design is saved as a project it is
    /// unsaved work (isModified(), the question before the design is closed, autosave).
    void noteRunRecorded();
    /// Runs recorded since the design was opened or last saved as a project.
    int unsavedRuns() const { return m_unsavedRuns; }
    /// Runs recorded since the design was opened (Autosave compares it with what it saved).
    quint64 runsRecorded() const { return m_runsRecorded; }

    /// After loading an autosave: the design belongs to sourcePath (where it came from; empty
    /// for a new design) and has unsaved changes.
    void markRecovered(const QString &sourcePath);

    /// Records an edit: pushes an undo command that turns the current state into `after`.
    /// Edits with the same non-empty mergeKey in a row merge into one step (drags, typing
    /// in one field). No-op when `after` equals the current state.
    void edit(const QString &text, DesignState after, const QString &mergeKey = {});
    /// edit() keeping the positions, sizes and outsets.
    void editTopology(const QString &text, model::Topology after, const QString &mergeKey = {});

    /// Applies a state without recording it (the undo commands use it).
    void applyState(const DesignState &state);

signals:
    /// The topology changed (load, edit, undo); findings() may still be the previous ones.
    void topologyChanged();
    /// positions() or sizes() changed (or the topology, which moves cards too).
    void layoutChanged();
    /// A different design was loaded or created (views fit it into the window).
    void designReplaced();
    /// findings() were recomputed.
    void findingsChanged();
    /// sourcePath() changed (after a load or a Save As).
    void sourcePathChanged();
    /// isModified() changed.
    void modifiedChanged(bool modified);

private:
    void recheckFindings();

    DesignState m_state;
    ScenePositionsConverter m_scenePositions;
    std::vector<DesignScenario> m_scenarios;
    std::vector<model::Finding> m_findings;
    QString m_sourcePath;
    QString m_runsFile;
    int m_unsavedRuns = 0;
    quint64 m_runsRecorded = 0;
    QUndoStack *m_undo;
    QFutureWatcher<std::vector<model::Finding>> *m_findingsWatcher;
    /// Generation of the design whose findings are being computed; older results are dropped.
    quint64 m_generation = 0;
    quint64 m_runningGeneration = 0;
    bool m_findingsPending = false;
    bool m_recheckQueued = false;
};

} // namespace quorum::ui
