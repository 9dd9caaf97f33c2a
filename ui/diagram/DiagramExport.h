#pragma once

// Export of the diagram as an image: PNG (at twice the scene's size, for high-DPI screens and
// slides), SVG or PDF, chosen by the file's suffix. Written atomically. Main (GUI) thread only.

#include <QString>

#include <optional>

namespace quorum::ui {

class DiagramScene;

/// Writes the whole diagram (without the selection) to path (.png, .svg or .pdf). Returns
/// std::nullopt, or the reason naming the file; an existing file is kept on failure.
std::optional<QString> exportDiagram(DiagramScene &scene, const QString &path);

} // namespace quorum::ui
