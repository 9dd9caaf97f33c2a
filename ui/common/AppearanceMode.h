#pragma once

// The application's appearance: the system's (whatever style and palette the platform gives),
// or light or dark chosen by the user (the Fusion style with a light or a dark palette). The
// diagram and other self-painted views follow the resulting palette (see isDarkAppearance()).
// Main (GUI) thread only.

#include <QPalette>
#include <QString>

#include <optional>

namespace quorum::ui {

enum class AppearanceMode { System, Light, Dark };

/// "system", "light" or "dark": how a mode is kept in the settings and given on the command line.
QString appearanceModeName(AppearanceMode mode);
/// Reads appearanceModeName()'s spelling back (case-insensitive); std::nullopt for anything else.
std::optional<AppearanceMode> parseAppearanceMode(const QString &text);

/// The palettes Light and Dark set on the application.
QPalette lightPalette();
QPalette darkPalette();

/// Applies mode to the application. Light and Dark switch to the Fusion style and set its light
/// or dark palette; System puts back the style the application started with and resets the
/// palette to the platform's, so a change of the system's theme is followed again. Widgets get
/// QEvent::PaletteChange (posted) and AppearanceNotifier::changed() is emitted. Precondition:
/// a QApplication exists.
void applyAppearanceMode(AppearanceMode mode);

} // namespace quorum::ui
