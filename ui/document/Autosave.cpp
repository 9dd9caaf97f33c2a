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
#include <QtConcurrent/QtConcurrentRun>

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
    connect(&m_timer, &QTimer::timeout, this, &Autosave::saveInBackground);
    connect(&m_saving, &QFutureWatcher<std::optional<QString>>::finished, this, [this] {
        if (m_inFlightGeneration != 0) // not yet taken by waitForSave()
            finished(m_saving.result(), m_inFlight);
    });
    m_timer.start();
    // Saved or undone to the saved state: nothing to recover any more.
    connect(m_document, &DesignDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            discard();
    });
}

Autosave::~Autosave()  // the autosave stays: only a clean end discards it
{
    m_saving.waitForFinished();
}

QString Autosave::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("autosave"));
}

std::optional<Autosave::Pending> Autosave::pending() const
{
    const Pending now{m_document->undoStack()->index(), m_document->runsRecorded()};
    if (!m_document->isModified() || (now.index == m_savedIndex && now.runs == m_savedRuns))
        return std::nullopt;
    return now;
}

void Autosave::finished(const std::optional<QString> &error, Pending what)
{
    const bool stale = m_inFlightGeneration != m_generation; // discarded while it was written
    m_inFlightGeneration = 0;
    if (error) {
        spdlog::warn("Autosave failed: {}", error->toStdString());
        return;
    }
    if (stale) {
        discard();
        return;
    }
    QFile note(sibling(m_path, QStringLiteral(".source")));
    if (note.open(QIODevice::WriteOnly | QIODevice::Truncate))
        note.write(m_document->isFromTemplate() ? QByteArray() : m_document->sourcePath().toUtf8());
    m_savedIndex = what.index;
    m_savedRuns = what.runs;
    spdlog::info("Autosaved to {}", m_path.toStdString());
}

void Autosave::waitForSave()
{
    if (!m_saving.isRunning() && m_inFlightGeneration == 0)
        return;
    m_saving.waitForFinished();
    if (m_inFlightGeneration != 0)
        finished(m_saving.result(), m_inFlight);
}

bool Autosave::saveInBackground()
{
    if (m_saving.isRunning())
        return false;
    const std::optional<Pending> what = pending();
    if (!what)
        return false;
    // Copies of what is written: the design may change while the pool thread writes.
    m_inFlight = *what;
    m_inFlightGeneration = ++m_generation;
    m_saving.setFuture(QtConcurrent::run([path = m_path, state = m_document->state(), scenarios = m_document->scenarios(),
                                          runs = m_document->existingRunsFile()] {
        return saveProjectFile(path, state, scenarios, runs);
    }));
    return true;
}

bool Autosave::saveNow()
{
    waitForSave();
    const std::optional<Pending> what = pending();
    if (!what)
        return false;
    m_inFlightGeneration = ++m_generation;
    const std::optional<QString> error =
        saveProjectFile(m_path, m_document->state(), m_document->scenarios(), m_document->existingRunsFile());
    finished(error, *what);
    return !error;
}

void Autosave::discard()
{
    ++m_generation; // a save being written now removes its file when it is done
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
