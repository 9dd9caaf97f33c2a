#pragma once

// Autosave and crash recovery. While a session runs, unsaved changes are written every
// interval to a project file of its own in the autosave folder, next to a lock file that
// marks the session as alive and a note of the file the design came from. A clean end
// (saved, or changes discarded on purpose) removes them; what a crashed session leaves
// behind is offered for recovery at the next start. The interval's saves are written on a
// pool thread (a design with recorded runs copies them: tens of milliseconds the UI must not
// wait for); the object itself lives on the main (GUI) thread only.

#include <QDateTime>
#include <QFutureWatcher>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <optional>

namespace quorum::ui {

class DesignDocument;

class Autosave : public QObject {
    Q_OBJECT

public:
    /// directory: where autosaves go (created when needed). Starts the timer.
    Autosave(DesignDocument *document, const QString &directory, QObject *parent = nullptr);
    ~Autosave() override;

    /// The folder of the application's autosaves (in the application's data folder).
    static QString defaultDirectory();

    /// How often unsaved changes are written (default 30 s).
    void setInterval(int ms) { m_timer.setInterval(ms); }
    int interval() const { return m_timer.interval(); }

    /// Writes the design when it has unsaved changes not yet autosaved, and waits for it (after
    /// a background save still running). Returns true when a file was written; failures are
    /// logged, never shown (the next interval tries again).
    bool saveNow();
    /// What the timer does: saveNow() on a pool thread, with a copy of the design taken now.
    /// Returns false (and starts nothing) when there is nothing new to save or a save runs.
    bool saveInBackground();
    /// True while a background save runs.
    bool isSaving() const { return m_saving.isRunning(); }
    /// Waits for a background save (if any) and records its outcome.
    void waitForSave();
    /// Removes this session's autosave (the design was saved, or its changes discarded).
    void discard();
    /// This session's autosave file, and the folder it is in.
    QString path() const { return m_path; }
    QString directory() const { return m_directory; }

    /// A recoverable autosave of a session that did not end cleanly.
    struct Orphan {
        QString path;        ///< the autosaved project
        QString sourcePath;  ///< where that design came from; empty for a new design
        QDateTime savedAt;
    };
    /// Autosaves whose session is no longer running, newest first.
    static QList<Orphan> orphans(const QString &directory);
    /// Deletes an orphan's files.
    static void remove(const Orphan &orphan);

private:
    DesignDocument *m_document;
    QString m_directory;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_timer;
    /// What a save needs of the document; nullopt when nothing new is to be saved.
    struct Pending {
        int index = 0;
        quint64 runs = 0;
    };
    std::optional<Pending> pending() const;
    /// Records a finished save (error: nullopt on success) of the state at `what`.
    void finished(const std::optional<QString> &error, Pending what);

    QFutureWatcher<std::optional<QString>> m_saving;
    Pending m_inFlight;
    /// Bumped by discard(): a background save that started before must not leave its file.
    quint64 m_generation = 0;
    quint64 m_inFlightGeneration = 0;
    /// The undo index last autosaved; -1 when nothing is written.
    int m_savedIndex = -1;
    quint64 m_savedRuns = 0;  ///< DesignDocument::runsRecorded() at the last autosave
};

} // namespace quorum::ui
