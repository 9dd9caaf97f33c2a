#pragma once

// QSettings keys of the main window, and how long its status messages stay, shared by its
// source files.

#include <QString>

namespace quorum::ui::settings {

inline const QString kGeometryKey = QStringLiteral("MainWindow/geometry");
inline const QString kStateKey = QStringLiteral("MainWindow/state");
inline const QString kDirectoryKey = QStringLiteral("MainWindow/lastDirectory");
inline const QString kImportDirectoryKey = QStringLiteral("MainWindow/lastImportDirectory");
/// View → Appearance: "system", "light" or "dark" (appearanceModeName).
inline const QString kAppearanceKey = QStringLiteral("View/appearance");
inline constexpr int kStatusMessageMs = 5000;

} // namespace quorum::ui::settings
