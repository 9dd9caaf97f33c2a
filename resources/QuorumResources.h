#pragma once

// Names of the bundled resources (icons and templates), so no other file spells a qrc path.

#include <QString>
#include <QStringList>

namespace quorum::resources {

/// The design opened when the user gives no file: ":/templates/production-ha.yaml".
QString defaultTemplatePath();

/// Resource paths of every bundled template (":/templates/*.yaml"), sorted by file name.
/// Main thread or any thread: the resource is read-only.
QStringList templatePaths();

/// Resource paths of every shipped scenario (":/scenarios/*.yaml"), sorted by file name. The
/// files they name resolve inside the resource (":/templates/...", ":/scenarios/manifests/...").
QStringList scenarioPaths();

/// Resource path of an icon by its base name, e.g. iconPath("worker") -> ":/icons/worker.svg".
QString iconPath(const QString &name);

/// The application icon (":/icons/quorum-studio.svg"; packaging installs the same file).
QString appIconPath();

} // namespace quorum::resources
