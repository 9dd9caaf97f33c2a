#pragma once

// How model elements look: icon names, accent colours, diagram fonts and the diagram's light and
// dark colour sets. One place, so the diagram, the findings panel and the status bar agree.
// Main (GUI) thread only.

#include "engine/model/Findings.h"
#include "engine/model/Topology.h"

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QObject>
#include <QString>

class QPainter;
class QPalette;
class QRectF;

namespace quorum::ui {

/// Base name of the bundled SVG icon ("control-plane", "worker", ...; see resources/icons).
QString iconName(model::NodeRole role);
QString iconName(model::WorkloadKind kind);
QString iconName(model::Severity severity);

/// Accent colour of a node role, a workload kind or a severity.
QColor accentColor(model::NodeRole role);
QColor accentColor(model::WorkloadKind kind);
QColor severityColor(model::Severity severity);

/// A QIcon of a bundled SVG icon (cached).
QIcon bundledIcon(const QString &name);

/// Paints a bundled SVG icon into target (scene or widget coordinates), crisp at any zoom.
/// Unknown names paint nothing and log once.
void paintBundledIcon(QPainter *painter, const QString &name, const QRectF &target);

/// The application font at a pixel size, for text drawn inside the diagram. Pixel sizes keep
/// the diagram's proportions independent of the screen's DPI.
QFont diagramFont(int pixelSize, bool bold = false);

/// Colours of the diagram chrome, one set for a light and one for a dark appearance. Accent
/// colours (roles, kinds, severities, badges) are the same in both; readable() and line() adapt
/// them to the set's background so they keep their meaning and their contrast.
struct DiagramColors {
    bool dark;
    QColor sceneBackground;
    QColor containerFill;    ///< zone lanes and bands
    QColor containerBorder;
    QColor cardFill;
    QColor cardBorder;
    QColor cardShadow;
    QColor textPrimary;
    QColor textSecondary;
    QColor textMuted;
    QColor selection;        ///< selection outline, link halo, connection rubber line
    QColor downShade;        ///< laid over the card of a node that is down (live)
    QColor guide;            ///< alignment guides while cards are dragged

    /// An accent as text on a card or a tinted badge: darker on light, lighter on dark.
    QColor readable(const QColor &accent) const;
    /// An accent as a line or a strip (links, arrows): as it is on light, lifted on dark.
    QColor line(const QColor &accent) const;
};

/// The colour set of the dark (true) or the light appearance.
const DiagramColors &diagramColors(bool dark);

/// True when a palette reads as dark: the lightness of its window colour is below the middle
/// (Qt 6.4 has no QStyleHints::colorScheme).
bool isDarkPalette(const QPalette &palette);

/// True when the application's palette is dark — the user chose View → Appearance → Dark, or
/// the system's theme is dark and the choice is System. Views that paint their own colours (the
/// diagram, the monitor's charts) read it when they are built and again whenever
/// AppearanceNotifier::changed() is emitted (or in changeEvent(QEvent::PaletteChange)).
bool isDarkAppearance();

/// Emits changed() when the application's palette changes (View → Appearance, or the system's
/// theme while the choice is System), before widgets receive their QEvent::PaletteChange.
/// One instance for the application; main (GUI) thread only.
class AppearanceNotifier : public QObject {
    Q_OBJECT

public:
    /// The application's notifier (created on first use, owned by the application object).
    /// Precondition: a QGuiApplication exists.
    static AppearanceNotifier *instance();

signals:
    /// The application palette changed; dark is isDarkAppearance() now.
    void changed(bool dark);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit AppearanceNotifier(QObject *application);
};

} // namespace quorum::ui
