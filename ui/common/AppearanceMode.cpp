#include "ui/common/AppearanceMode.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

#include <spdlog/spdlog.h>

namespace quorum::ui {

namespace {

const QString kFusion = QStringLiteral("Fusion");

/// The style the application started with, remembered before the first switch to Fusion;
/// empty while the application has its own appearance (nothing to put back).
QString &startupStyle()
{
    static QString name;
    return name;
}

void setStyle(const QString &name)
{
    if (QApplication::style()->name().compare(name, Qt::CaseInsensitive) == 0)
        return;
    if (QStyle *style = QStyleFactory::create(name))
        QApplication::setStyle(style);
    else
        spdlog::warn("The style '{}' is not available", name.toStdString());
}

} // namespace

QString appearanceModeName(AppearanceMode mode)
{
    switch (mode) {
    case AppearanceMode::System: return QStringLiteral("system");
    case AppearanceMode::Light: return QStringLiteral("light");
    case AppearanceMode::Dark: return QStringLiteral("dark");
    }
    return QStringLiteral("system");
}

std::optional<AppearanceMode> parseAppearanceMode(const QString &text)
{
    for (const AppearanceMode mode : {AppearanceMode::System, AppearanceMode::Light, AppearanceMode::Dark})
        if (text.compare(appearanceModeName(mode), Qt::CaseInsensitive) == 0)
            return mode;
    return std::nullopt;
}

QPalette lightPalette()
{
    QStyle *fusion = QStyleFactory::create(kFusion);
    const QPalette palette = fusion ? fusion->standardPalette() : QPalette(QColor(0xEF, 0xEF, 0xEF));
    delete fusion;
    return palette;
}

QPalette darkPalette()
{
    // The diagram's dark set (Appearance.cpp) sits on these: the window a step above the scene.
    const QColor window(0x23, 0x27, 0x2E);
    const QColor base(0x1B, 0x1F, 0x24);
    const QColor text(0xE6, 0xEB, 0xF1);
    const QColor disabledText(0x7A, 0x84, 0x90);
    const QColor button(0x2D, 0x33, 0x3B);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x25, 0x2A, 0x31));
    p.setColor(QPalette::ToolTipBase, button);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xFF, 0x6B, 0x6B));
    p.setColor(QPalette::Light, QColor(0x3D, 0x44, 0x4E));
    p.setColor(QPalette::Midlight, QColor(0x33, 0x39, 0x42));
    p.setColor(QPalette::Mid, QColor(0x1F, 0x23, 0x29));
    p.setColor(QPalette::Dark, QColor(0x15, 0x18, 0x1C));
    p.setColor(QPalette::Shadow, QColor(0x0A, 0x0C, 0x0E));
    p.setColor(QPalette::Highlight, QColor(0x2F, 0x6F, 0xB5));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x58, 0xA6, 0xFF));
    p.setColor(QPalette::LinkVisited, QColor(0xA3, 0x7B, 0xEF));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x3A, 0x42, 0x4D));
    p.setColor(QPalette::Disabled, QPalette::Light, window);
    return p;
}

void applyAppearanceMode(AppearanceMode mode)
{
    if (mode == AppearanceMode::System && startupStyle().isEmpty())
        return;  // still the system's appearance
    if (startupStyle().isEmpty())
        startupStyle() = QApplication::style()->name();
    switch (mode) {
    case AppearanceMode::System:
        setStyle(startupStyle());
        QApplication::setPalette(QPalette());  // an empty palette: the platform's, and it follows the theme
        startupStyle().clear();
        break;
    case AppearanceMode::Light:
        setStyle(kFusion);
        QApplication::setPalette(lightPalette());
        break;
    case AppearanceMode::Dark:
        setStyle(kFusion);
        QApplication::setPalette(darkPalette());
        break;
    }
}

} // namespace quorum::ui
