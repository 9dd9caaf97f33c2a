#include "ui/document/DesignDocument.h"

#include <QFile>
#include <QFileInfo>

#include <spdlog/spdlog.h>

#include <utility>

namespace quorum::ui {

namespace {

bool isResourcePath(const QString &path)
{
    return path.startsWith(QLatin1String(":/")) || path.startsWith(QLatin1String("qrc:"));
}

} // namespace

DesignDocument::DesignDocument(QObject *parent)
    : QObject(parent)
{
}

bool DesignDocument::isFromTemplate() const
{
    return isResourcePath(m_sourcePath);
}

QString DesignDocument::fileName() const
{
    return m_sourcePath.isEmpty() ? QString() : QFileInfo(m_sourcePath).fileName();
}

bool DesignDocument::load(const QString &path, std::vector<model::Diagnostic> &errors)
{
    errors.clear();
    if (isResourcePath(path)) {
        // loadTopologyFile() reads real files only; resources are read through QFile.
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            errors.push_back({path.toStdString(), 0, 0, {}, "cannot open the bundled template"});
            spdlog::error("Cannot open resource {}", path.toStdString());
            return false;
        }
        return loadText(file.readAll(), path, errors);
    }

    const std::string nativePath = QFile::encodeName(path).toStdString();
    model::LoadResult result = model::loadTopologyFile(nativePath);
    if (!result.ok()) {
        errors = std::move(result.errors);
        spdlog::error("Loading {} failed with {} error(s)", nativePath, errors.size());
        for (const model::Diagnostic &d : errors)
            spdlog::error("  {}", d.toString());
        return false;
    }
    spdlog::info("Loaded {} ({} nodes)", nativePath, result.topology->nodes.size());
    setTopology(std::move(*result.topology), path);
    return true;
}

bool DesignDocument::loadText(const QByteArray &text, const QString &sourceName,
                              std::vector<model::Diagnostic> &errors)
{
    errors.clear();
    model::LoadResult result = model::parseTopology(std::string_view(text.constData(), static_cast<std::size_t>(text.size())),
                                                    sourceName.toStdString());
    if (!result.ok()) {
        errors = std::move(result.errors);
        spdlog::error("Parsing {} failed with {} error(s)", sourceName.toStdString(), errors.size());
        for (const model::Diagnostic &d : errors)
            spdlog::error("  {}", d.toString());
        return false;
    }
    spdlog::info("Loaded {} ({} nodes)", sourceName.toStdString(), result.topology->nodes.size());
    setTopology(std::move(*result.topology), sourceName);
    return true;
}

std::optional<QString> DesignDocument::saveAs(const QString &path)
{
    const std::string nativePath = QFile::encodeName(path).toStdString();
    if (std::optional<std::string> error = model::saveTopologyFile(m_topology, nativePath)) {
        spdlog::error("Saving {} failed: {}", nativePath, *error);
        return QString::fromStdString(*error);
    }
    spdlog::info("Saved {}", nativePath);
    m_sourcePath = path;
    emit sourcePathChanged();
    return std::nullopt;
}

void DesignDocument::setTopology(model::Topology topology, const QString &sourcePath)
{
    m_topology = std::move(topology);
    m_findings = model::checkTopology(m_topology);
    m_sourcePath = sourcePath;
    emit topologyChanged();
    emit sourcePathChanged();
}

} // namespace quorum::ui
