#include "ui/document/RunStore.h"

#include "engine/project/Project.h"
#include "ui/document/DesignDocument.h"
#include "ui/document/ProjectIO.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <spdlog/spdlog.h>

#include <cerrno>
#include <csignal>

namespace quorum::ui {

namespace {

/// A recording and the files SQLite keeps beside it.
void removeRecording(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

/// Files are named "<pid>-<n>.sqlite": n counts the stores' files within the process.
int g_files = 0;

} // namespace

RunStore::RunStore(DesignDocument *document, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_directory(directory)
{
    QDir().mkpath(m_directory);
    removeLeftovers();
    startFile();
    connect(document, &DesignDocument::designReplaced, this, &RunStore::startFile);
}

RunStore::~RunStore()
{
    removeRecording(m_path);
}

QString RunStore::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("runs"));
}

void RunStore::startFile()
{
    // The engine may still hold the previous file open (its run goes on until the next
    // deploy); on this platform a deleted file stays usable to whoever has it open.
    if (!m_path.isEmpty())
        removeRecording(m_path);
    m_path = QDir(m_directory).filePath(
        QStringLiteral("%1-%2.sqlite").arg(QCoreApplication::applicationPid()).arg(++g_files));
    removeRecording(m_path);
    m_problem.clear();
    const QString source = m_document->sourcePath();
    if (!source.isEmpty() && !source.startsWith(QLatin1Char(':')) && looksLikeProjectFile(source)) {
        if (std::optional<std::string> error =
                project::extractRuns(QFile::encodeName(source).toStdString(), QFile::encodeName(m_path).toStdString())) {
            m_problem = QString::fromStdString(*error);
            removeRecording(m_path);
            spdlog::warn("The recorded runs of {} were not read: {}", source.toStdString(), *error);
        }
    }
    m_document->setRunsFile(m_path);
    emit pathChanged(m_path);
    if (!m_problem.isEmpty())
        emit runsUnreadable(m_problem);
}

void RunStore::removeLeftovers() const
{
    const QDir dir(m_directory);
    for (const QString &name : dir.entryList({QStringLiteral("*-*.sqlite")}, QDir::Files)) {
        bool ok = false;
        const qint64 pid = name.section(QLatin1Char('-'), 0, 0).toLongLong(&ok);
        if (!ok || pid <= 0 || pid == QCoreApplication::applicationPid())
            continue;
        // kill(pid, 0) probes without signalling: ESRCH means no such process.
        if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
            spdlog::info("Removing the recorded runs left by process {}: {}", pid, name.toStdString());
            removeRecording(dir.filePath(name));
        }
    }
}

} // namespace quorum::ui
