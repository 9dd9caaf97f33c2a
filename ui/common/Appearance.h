#pragma once

// How model elements look: icon names, accent colours and diagram fonts. One place, so the
// diagram, the findings panel and the status bar agree. Main (GUI) thread only.

#include "engine/model/Findings.h"
#include "engine/model/Topology.h"

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QString>

class QPainter;
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

/// Colours of the diagram chrome.
namespace colors {
inline const QColor kSceneBackground{0xF2, 0xF4, 0xF7};
inline const QColor kContainerFill{0xE6, 0xEA, 0xF0};
inline const QColor kContainerBorder{0xD0, 0xD5, 0xDD};
inline const QColor kCardFill{0xFF, 0xFF, 0xFF};
inline const QColor kCardBorder{0xC9, 0xCF, 0xD8};
inline const QColor kTextPrimary{0x1D, 0x29, 0x39};
inline const QColor kTextSecondary{0x47, 0x54, 0x67};
inline const QColor kTextMuted{0x66, 0x70, 0x85};
inline const QColor kSelection{0x15, 0x65, 0xC0};
} // namespace colors

} // namespace quorum::ui
