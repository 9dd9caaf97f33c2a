#pragma once

// The document's side of .quorum project files (engine/project): converts between the
// engine's Project and the document's state. Main (GUI) thread; files are small.

#include "ui/document/DesignDocument.h"

#include <optional>
#include <vector>

namespace quorum::ui {

struct LoadedProject {
    DesignState state;
    /// The file is of format 5 or older: state.positions are scene positions, not yet offsets
    /// from the cards' lanes and bands (ScenePositionsConverter turns them into those).
    bool scenePositions = false;
    std::vector<DesignScenario> scenarios;
};

/// True when the file starts with SQLite's header: a project, whatever its name.
bool looksLikeProjectFile(const QString &path);
/// Reads a project; std::nullopt with errors (file, line, column, field) when it cannot.
std::optional<LoadedProject> loadProjectFile(const QString &path, std::vector<model::Diagnostic> &errors);
/// Saves atomically; std::nullopt or the reason, naming the file. With `runsFrom` (a recording
/// file that exists), its runs are saved in the project too.
std::optional<QString> saveProjectFile(const QString &path, const DesignState &state,
                                       const std::vector<DesignScenario> &scenarios, const QString &runsFrom = {});

} // namespace quorum::ui
