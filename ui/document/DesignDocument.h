#pragma once

// The open design: the QObject adapter around the Qt-free model. It owns the Topology,
// knows where it came from, and keeps the HA findings in step with it. Views (diagram,
// findings panel, status bar) read from it and listen to its signals. Main (GUI) thread only.

#include "engine/model/Findings.h"
#include "engine/model/Topology.h"
#include "engine/model/TopologyYaml.h"

#include <QObject>
#include <QString>

#include <optional>
#include <vector>

namespace quorum::ui {

class DesignDocument : public QObject {
    Q_OBJECT

public:
    /// Starts with an empty, unnamed design.
    explicit DesignDocument(QObject *parent = nullptr);

    const model::Topology &topology() const { return m_topology; }
    /// The findings of checkTopology(topology()), in the engine's order (errors first).
    const std::vector<model::Finding> &findings() const { return m_findings; }
    /// Where the design was read from: a file path, a resource path (":/templates/..."),
    /// or empty for a design that was never loaded or saved.
    QString sourcePath() const { return m_sourcePath; }
    /// True when the design came from a bundled template (a resource, not a file on disk).
    bool isFromTemplate() const;
    /// The file name part of sourcePath() ("production-ha.yaml"), or empty.
    QString fileName() const;

    /// Reads a topology from a file or a resource path. On success the design is replaced
    /// (see setTopology()); on failure the current design stays as it was and errors holds
    /// the diagnostics (file, line, column, field). Files are small: this runs synchronously.
    bool load(const QString &path, std::vector<model::Diagnostic> &errors);

    /// Parses topology YAML text; sourceName is only used for diagnostics and sourcePath().
    /// Same contract as load().
    bool loadText(const QByteArray &text, const QString &sourceName,
                  std::vector<model::Diagnostic> &errors);

    /// Saves atomically to path and makes it the sourcePath() (emits sourcePathChanged()).
    /// Returns std::nullopt on success or the reason (naming the file) on failure, in which
    /// case nothing changes.
    std::optional<QString> saveAs(const QString &path);

    /// Replaces the design (e.g. from an editor). Emits topologyChanged() and sourcePathChanged().
    void setTopology(model::Topology topology, const QString &sourcePath);

signals:
    /// The design was replaced; findings() are already up to date.
    void topologyChanged();
    /// sourcePath() changed (after a load or a Save As).
    void sourcePathChanged();

private:
    model::Topology m_topology;
    std::vector<model::Finding> m_findings;
    QString m_sourcePath;
};

} // namespace quorum::ui
