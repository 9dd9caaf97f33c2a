#include "ui/document/ProjectIO.h"

#include "engine/project/Project.h"

#include <QFile>

namespace quorum::ui {

namespace {

std::string nativePath(const QString &path)
{
    return QFile::encodeName(path).toStdString();
}

} // namespace

bool looksLikeProjectFile(const QString &path)
{
    return project::looksLikeProject(nativePath(path));
}

std::optional<LoadedProject> loadProjectFile(const QString &path, std::vector<model::Diagnostic> &errors)
{
    project::ProjectLoad loaded = project::loadProject(nativePath(path));
    if (!loaded.ok()) {
        errors = std::move(loaded.errors);
        return std::nullopt;
    }
    LoadedProject result;
    result.state.topology = std::move(loaded.project->topology);
    result.scenePositions = loaded.format < project::kPlacementsFormatVersion;
    for (const auto &[id, point] : loaded.project->positions)
        result.state.positions.insert(QString::fromStdString(id), QPointF(point.x, point.y));
    for (const auto &[id, size] : loaded.project->sizes) {
        const QString key = QString::fromStdString(id);
        if (size.width > 0 || size.height > 0)
            result.state.sizes.insert(key, QSizeF(size.width, size.height));
        if (size.left > 0 || size.top > 0)
            result.state.outsets.insert(key, QPointF(size.left, size.top));
    }
    for (const project::ScenarioEntry &scenario : loaded.project->scenarios)
        result.scenarios.push_back({QString::fromStdString(scenario.name), QByteArray::fromStdString(scenario.yaml)});
    return result;
}

std::optional<QString> saveProjectFile(const QString &path, const DesignState &state,
                                       const std::vector<DesignScenario> &scenarios, const QString &runsFrom)
{
    project::Project p;
    p.topology = state.topology;
    for (auto it = state.positions.cbegin(); it != state.positions.cend(); ++it)
        p.positions[it.key().toStdString()] = project::Point{it.value().x(), it.value().y()};
    for (auto it = state.sizes.cbegin(); it != state.sizes.cend(); ++it) {
        project::Size &size = p.sizes[it.key().toStdString()];
        size.width = it.value().width();
        size.height = it.value().height();
    }
    for (auto it = state.outsets.cbegin(); it != state.outsets.cend(); ++it) {
        project::Size &size = p.sizes[it.key().toStdString()];
        size.left = it.value().x();
        size.top = it.value().y();
    }
    for (const DesignScenario &scenario : scenarios)
        p.scenarios.push_back({scenario.name.toStdString(), scenario.yaml.toStdString()});
    if (std::optional<std::string> error =
            project::saveProject(p, nativePath(path), {}, runsFrom.isEmpty() ? std::string() : nativePath(runsFrom)))
        return QString::fromStdString(*error);
    return std::nullopt;
}

} // namespace quorum::ui
