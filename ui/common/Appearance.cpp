#include "ui/common/Appearance.h"

#include "resources/QuorumResources.h"

#include <QGuiApplication>
#include <QHash>
#include <QPainter>
#include <QPalette>
#include <QPointer>
#include <QSvgRenderer>

#include <spdlog/spdlog.h>

#include <memory>

namespace quorum::ui {

using model::NodeRole;
using model::Severity;
using model::WorkloadKind;

namespace {

/// The accent of something without a kind of its own.
const QColor kNeutral{0x66, 0x70, 0x85};

/// color with its HSL lightness raised to at least `lightness` (0..1).
QColor lifted(const QColor &color, qreal lightness)
{
    const QColor hsl = color.toHsl();
    if (hsl.lightnessF() >= lightness)
        return color;
    return QColor::fromHslF(hsl.hslHueF(), hsl.hslSaturationF(), lightness, hsl.alphaF());
}

const DiagramColors kLight{
    false,
    {0xF2, 0xF4, 0xF7},  // scene background
    {0xE6, 0xEA, 0xF0},  // container fill
    {0xD0, 0xD5, 0xDD},  // container border
    {0xFF, 0xFF, 0xFF},  // card fill
    {0xC9, 0xCF, 0xD8},  // card border
    {16, 24, 40, 22},    // card shadow
    {0x1D, 0x29, 0x39},  // text primary
    {0x47, 0x54, 0x67},  // text secondary
    {0x66, 0x70, 0x85},  // text muted
    {0x15, 0x65, 0xC0},  // selection
    {0x1D, 0x29, 0x39, 70},
    {0xD0, 0x1C, 0x6B},  // guide
};

const DiagramColors kDark{
    true,
    {0x16, 0x19, 0x1D},
    {0x20, 0x25, 0x2C},
    {0x3A, 0x42, 0x4D},
    {0x2B, 0x31, 0x3A},
    {0x47, 0x50, 0x5C},
    {0, 0, 0, 90},
    {0xE8, 0xED, 0xF3},
    {0xC3, 0xCB, 0xD5},
    {0x9A, 0xA4, 0xB1},
    {0x58, 0xA6, 0xFF},
    {0x00, 0x00, 0x00, 110},
    {0xF4, 0x6E, 0xA8},
};

} // namespace

QColor DiagramColors::readable(const QColor &accent) const
{
    return dark ? lifted(accent, 0.72) : accent.darker(125);
}

QColor DiagramColors::line(const QColor &accent) const
{
    return dark ? lifted(accent, 0.62) : accent;
}

const DiagramColors &diagramColors(bool dark)
{
    return dark ? kDark : kLight;
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Active, QPalette::Window).lightness() < 128;
}

bool isDarkAppearance()
{
    return isDarkPalette(QGuiApplication::palette());
}

AppearanceNotifier::AppearanceNotifier(QObject *application)
    : QObject(application)
{
    // QEvent::ApplicationPaletteChange reaches the application object at once (widgets get
    // theirs later, as posted events); an event filter on it is how Qt 6 replaces the
    // deprecated QGuiApplication::paletteChanged signal.
    application->installEventFilter(this);
}

AppearanceNotifier *AppearanceNotifier::instance()
{
    static QPointer<AppearanceNotifier> notifier;
    if (!notifier)
        notifier = new AppearanceNotifier(QCoreApplication::instance());
    return notifier;
}

bool AppearanceNotifier::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::ApplicationPaletteChange)
        emit changed(isDarkAppearance());
    return QObject::eventFilter(watched, event);
}

QString iconName(NodeRole role)
{
    switch (role) {
    case NodeRole::ControlPlane: return QStringLiteral("control-plane");
    case NodeRole::Worker: return QStringLiteral("worker");
    case NodeRole::Etcd: return QStringLiteral("etcd");
    case NodeRole::LoadBalancer: return QStringLiteral("load-balancer");
    case NodeRole::Storage: return QStringLiteral("storage");
    }
    return QStringLiteral("worker");
}

QString iconName(WorkloadKind kind)
{
    switch (kind) {
    case WorkloadKind::Deployment: return QStringLiteral("deployment");
    case WorkloadKind::StatefulSet: return QStringLiteral("statefulset");
    case WorkloadKind::DaemonSet: return QStringLiteral("daemonset");
    }
    return QStringLiteral("deployment");
}

QString iconName(Severity severity)
{
    switch (severity) {
    case Severity::Error: return QStringLiteral("error");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Info: return QStringLiteral("info");
    }
    return QStringLiteral("info");
}

QColor accentColor(NodeRole role)
{
    switch (role) {
    case NodeRole::ControlPlane: return {0x39, 0x49, 0xAB};
    case NodeRole::Worker: return {0x2E, 0x7D, 0x32};
    case NodeRole::Etcd: return {0x00, 0x89, 0x7B};
    case NodeRole::LoadBalancer: return {0x8E, 0x24, 0xAA};
    case NodeRole::Storage: return {0x6D, 0x4C, 0x41};
    }
    return kNeutral;
}

QColor accentColor(WorkloadKind kind)
{
    switch (kind) {
    case WorkloadKind::Deployment: return {0x1E, 0x88, 0xE5};
    case WorkloadKind::StatefulSet: return {0x5E, 0x35, 0xB1};
    case WorkloadKind::DaemonSet: return {0x00, 0x83, 0x8F};
    }
    return kNeutral;
}

QColor severityColor(Severity severity)
{
    switch (severity) {
    case Severity::Error: return {0xD9, 0x2D, 0x20};
    case Severity::Warning: return {0xDC, 0x68, 0x03};
    case Severity::Info: return {0x2E, 0x90, 0xFA};
    }
    return kNeutral;
}

QIcon bundledIcon(const QString &name)
{
    static QHash<QString, QIcon> cache;
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.insert(name, QIcon(resources::iconPath(name)));
    return *it;
}

void paintBundledIcon(QPainter *painter, const QString &name, const QRectF &target)
{
    static QHash<QString, std::shared_ptr<QSvgRenderer>> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        auto renderer = std::make_shared<QSvgRenderer>(resources::iconPath(name));
        if (!renderer->isValid())
            spdlog::warn("Icon '{}' is missing from the resources", name.toStdString());
        it = cache.insert(name, renderer);
    }
    if ((*it)->isValid())
        (*it)->render(painter, target);
}

QFont diagramFont(int pixelSize, bool bold)
{
    QFont font = QGuiApplication::font();
    font.setPixelSize(pixelSize);
    font.setBold(bold);
    return font;
}

} // namespace quorum::ui
