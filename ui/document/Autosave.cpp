#include "ui/document/Autosave.h"

#include "ui/document/DesignDocument.h"
#include "ui/document/ProjectIO.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUndoStack>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace quorum::ui {

namespace {

constexpr int kDefaultIntervalMs = 30000;
const QString kPrefix = QStringLiteral("autosave-");

QString sibling(const QString &projectPath, const QString &suffix)
{
    return projectPath.left(projectPath.size() - QStringLiteral(".quorum").size()) + suffix;
}

} // namespace

Autosave::Autosave(DesignDocument *document, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_directory(directory)
    // Process and start time: a crashed session's files never clash with a new one's.
    , m_path(QDir(directory).filePath(kPrefix + QString::number(QCoreApplication::applicationPid()) + QLatin1Char('-') +
                                      QString::number(QDateTime::currentMSecsSinceEpoch()) + QStringLiteral(".quorum")))
{
    QDir().mkpath(directory);
    m_lock = std::make_unique<QLockFile>(sibling(m_path, QStringLiteral(".lock")));
    m_lock->setStaleLockTime(0);  // alive exactly while this process runs
    if (!m_lock->tryLock(0))
        spdlog::warn("Cannot lock the autosave {}; recovery may offer it while this session runs",
                     m_lock->error() == QLockFile::PermissionError ? "folder" : "file");
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Autosave::saveNow);
    m_timer.start();
    // Saved or undone to the saved state: nothing to recover any more.
    connect(m_document, &DesignDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            discard();
    });
}

Autosave::~Autosave() = default;  // the autosave stays: only a clean end discards it

QString Autosave::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("autosave"));
}

bool Autosave::saveNow()
{
    if (!m_document->isModified() ||
        (m_document->undoStack()->index() == m_savedIndex && m_document->runsRecorded() == m_savedRuns))
        return false;
    if (const std::optional<QString> error = saveProjectFile(m_path, m_document->state(), m_document->scenarios(),
                                                                       m_document->existingRunsFile())) {
        spdlog::warn("Autosave failed: {}", error->toStdString());
        return false;
    }
    QFile note(sibling(m_path, QStringLiteral(".source")));
    if (note.open(QIODevice::WriteOnly | QIODevice::Truncate))
        note.write(m_document->isFromTemplate() ? QByteArray() : m_document->sourcePath().toUtf8());
    m_savedIndex = m_document->undoStack()->index();
    m_savedRuns = m_document->runsRecorded();
    spdlog::info("Autosaved to {}", m_path.toStdString());
    return true;
}

void Autosave::discard()
{
    QFile::remove(m_path);
    QFile::remove(sibling(m_path, QStringLiteral(".source")));
    m_savedIndex = -1;
    m_savedRuns = 0;
}

QList<Autosave::Orphan> Autosave::orphans(const QString &directory)
{
    QList<Orphan> found;
    const QFileInfoList files = QDir(directory).entryInfoList({kPrefix + QStringLiteral("*.quorum")}, QDir::Files);
    for (const QFileInfo &file : files) {
        QLockFile lock(sibling(file.filePath(), QStringLiteral(".lock")));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue;  // its session still runs (this one, or another window)
        lock.unlock();
        QFile note(sibling(file.filePath(), QStringLiteral(".source")));
        const QString source = note.open(QIODevice::ReadOnly) ? QString::fromUtf8(note.readAll()) : QString();
        found.append({file.filePath(), source, file.lastModified()});
    }
    std::sort(found.begin(), found.end(), [](const Orphan &a, const Orphan &b) { return a.savedAt > b.savedAt; });
    return found;
}

void Autosave::remove(const Orphan &orphan)
{
    QFile::remove(orphan.path);
    QFile::remove(sibling(orphan.path, QStringLiteral(".source")));
}

} // namespace quorum::ui
