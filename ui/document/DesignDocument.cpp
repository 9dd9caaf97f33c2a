#include "ui/document/DesignDocument.h"

#include "ui/document/DesignCommands.h"
#include "ui/document/ProjectIO.h"

#include <QFile>
#include <QFileInfo>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

#include <spdlog/spdlog.h>

#include <utility>

namespace quorum::ui {

namespace {

bool isResourcePath(const QString &path)
{
    return path.startsWith(QLatin1String(":/")) || path.startsWith(QLatin1String("qrc:"));
}

bool hasProjectSuffix(const QString &path)
{
    return path.endsWith(QLatin1String(".quorum"), Qt::CaseInsensitive);
}

void logErrors(const QString &what, const std::vector<model::Diagnostic> &errors)
{
    spdlog::error("Loading {} failed with {} error(s)", what.toStdString(), errors.size());
    for (const model::Diagnostic &d : errors)
        spdlog::error("  {}", d.toString());
}

} // namespace

DesignDocument::DesignDocument(QObject *parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
    , m_findingsWatcher(new QFutureWatcher<std::vector<model::Finding>>(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this, [this] { emit modifiedChanged(isModified()); });
    connect(m_findingsWatcher, &QFutureWatcherBase::finished, this, [this] {
        if (m_recheckQueued) {  // edited while checking: the result is already stale
            m_recheckQueued = false;
            recheckFindings();
            return;
        }
        if (m_runningGeneration != m_generation)
            return;
        m_findings = m_findingsWatcher->result();
        m_findingsPending = false;
        emit findingsChanged();
    });
}

DesignDocument::~DesignDocument()
{
    m_findingsWatcher->waitForFinished();  // the check reads a copy, but its watcher is ours
}

bool DesignDocument::isFromTemplate() const
{
    return isResourcePath(m_sourcePath);
}

bool DesignDocument::isProjectFile() const
{
    return !isFromTemplate() && hasProjectSuffix(m_sourcePath);
}

QString DesignDocument::fileName() const
{
    return m_sourcePath.isEmpty() ? QString() : QFileInfo(m_sourcePath).fileName();
}

bool DesignDocument::isModified() const
{
    return hasUnsavedEdits() || m_unsavedRuns > 0;
}

bool DesignDocument::hasUnsavedEdits() const
{
    return !m_undo->isClean();
}

void DesignDocument::noteRunRecorded()
{
    ++m_runsRecorded;
    if (++m_unsavedRuns == 1 && !hasUnsavedEdits())
        emit modifiedChanged(true);
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

    if (hasProjectSuffix(path) || looksLikeProjectFile(path)) {
        std::optional<LoadedProject> project = loadProjectFile(path, errors);
        if (!project) {
            logErrors(path, errors);
            return false;
        }
        if (project->scenePositions && m_scenePositions)
            project->state.positions = m_scenePositions(project->state);
        spdlog::info("Opened project {} ({} nodes, {} placed cards)", path.toStdString(),
                     project->state.topology.nodes.size(), project->state.positions.size());
        replace(std::move(project->state), path, std::move(project->scenarios));
        return true;
    }

    const std::string nativePath = QFile::encodeName(path).toStdString();
    model::LoadResult result = model::loadTopologyFile(nativePath);
    if (!result.ok()) {
        errors = std::move(result.errors);
        logErrors(path, errors);
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
        logErrors(sourceName, errors);
        return false;
    }
    spdlog::info("Loaded {} ({} nodes)", sourceName.toStdString(), result.topology->nodes.size());
    setTopology(std::move(*result.topology), sourceName);
    return true;
}

std::optional<QString> DesignDocument::saveAs(const QString &path)
{
    const std::string nativePath = QFile::encodeName(path).toStdString();
    if (hasProjectSuffix(path)) {
        if (std::optional<QString> error = saveProjectFile(path, m_state, m_scenarios, existingRunsFile())) {
            spdlog::error("Saving {} failed: {}", nativePath, error->toStdString());
            return error;
        }
    } else if (std::optional<std::string> error = model::saveTopologyFile(m_state.topology, nativePath)) {
        spdlog::error("Saving {} failed: {}", nativePath, *error);
        return QString::fromStdString(*error);
    }
    spdlog::info("Saved {}", nativePath);
    // A YAML export of a project keeps the project as the document's file: the YAML lacks
    // the layout and the scenarios, so it is not what Save should write next time.
    if (hasProjectSuffix(path) || !isProjectFile()) {
        const bool wasModified = isModified();
        if (hasProjectSuffix(path))
            m_unsavedRuns = 0;  // the project keeps them; a YAML file does not
        m_sourcePath = path;
        const bool wasClean = m_undo->isClean();
        m_undo->setClean();
        if (wasClean && wasModified != isModified())
            emit modifiedChanged(isModified());
        emit sourcePathChanged();
    }
    return std::nullopt;
}

void DesignDocument::replace(DesignState state, const QString &sourcePath, std::vector<DesignScenario> scenarios)
{
    ++m_generation;  // a check still running belongs to the old design
    m_state = std::move(state);
    m_scenarios = std::move(scenarios);
    m_findings = model::checkTopology(m_state.topology);
    m_findingsPending = false;
    m_recheckQueued = false;
    m_sourcePath = sourcePath;
    m_unsavedRuns = 0;  // the runs of the old design go with it
    m_runsRecorded = 0;
    m_undo->clear();
    emit designReplaced();
    emit topologyChanged();
    emit layoutChanged();
    emit findingsChanged();
    emit sourcePathChanged();
    emit modifiedChanged(false);
}

QString DesignDocument::existingRunsFile() const
{
    return !m_runsFile.isEmpty() && QFile::exists(m_runsFile) ? m_runsFile : QString();
}

void DesignDocument::setTopology(model::Topology topology, const QString &sourcePath)
{
    replace(DesignState{std::move(topology), {}, {}}, sourcePath);
}

void DesignDocument::markRecovered(const QString &sourcePath)
{
    m_sourcePath = sourcePath;
    m_undo->resetClean();
    emit sourcePathChanged();
    emit modifiedChanged(true);
}

void DesignDocument::edit(const QString &text, DesignState after, const QString &mergeKey)
{
    if (after == m_state)
        return;
    m_undo->push(new DesignEditCommand(this, text, m_state, std::move(after), mergeKey));
}

void DesignDocument::editTopology(const QString &text, model::Topology after, const QString &mergeKey)
{
    edit(text, DesignState{std::move(after), m_state.positions, m_state.sizes, m_state.outsets}, mergeKey);
}

void DesignDocument::applyState(const DesignState &state)
{
    const bool topologyDiffers = !(state.topology == m_state.topology);
    const bool positionsDiffer =
        state.positions != m_state.positions || state.sizes != m_state.sizes || state.outsets != m_state.outsets;
    m_state = state;
    if (topologyDiffers) {
        recheckFindings();
        emit topologyChanged();
    }
    if (topologyDiffers || positionsDiffer)
        emit layoutChanged();
}

void DesignDocument::recheckFindings()
{
    ++m_generation;
    m_findingsPending = true;
    if (m_findingsWatcher->isRunning()) {
        m_recheckQueued = true;
        return;
    }
    m_runningGeneration = m_generation;
    m_findingsWatcher->setFuture(QtConcurrent::run([topology = m_state.topology] { return model::checkTopology(topology); }));
}

} // namespace quorum::ui
