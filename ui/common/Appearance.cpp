#include "ui/common/Appearance.h"

#include "resources/QuorumResources.h"

#include <QGuiApplication>
#include <QHash>
#include <QPainter>
#include <QSvgRenderer>

#include <spdlog/spdlog.h>

#include <memory>

namespace quorum::ui {

using model::NodeRole;
using model::Severity;
using model::WorkloadKind;

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
    return colors::kTextMuted;
}

QColor accentColor(WorkloadKind kind)
{
    switch (kind) {
    case WorkloadKind::Deployment: return {0x1E, 0x88, 0xE5};
    case WorkloadKind::StatefulSet: return {0x5E, 0x35, 0xB1};
    case WorkloadKind::DaemonSet: return {0x00, 0x83, 0x8F};
    }
    return colors::kTextMuted;
}

QColor severityColor(Severity severity)
{
    switch (severity) {
    case Severity::Error: return {0xD9, 0x2D, 0x20};
    case Severity::Warning: return {0xDC, 0x68, 0x03};
    case Severity::Info: return {0x2E, 0x90, 0xFA};
    }
    return colors::kTextMuted;
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
