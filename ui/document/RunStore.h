#pragma once

// The recorded runs of the open design. The engine records every run into one recording file
// (engine/telemetry) per open design, in the application's data folder; Replay lists and reads
// that file. Opening a .quorum project copies the runs it keeps into a new such file
// (project::extractRuns); saving a project, and autosave, copy them back into the project
// (saveProject's runsFrom). A design from a template or a YAML file starts without runs. The
// file of the previous design is deleted when another design replaces it; files left by a
// process that no longer runs are deleted when a store starts. Main (GUI) thread only.

#include <QObject>
#include <QString>

namespace quorum::ui {

class DesignDocument;

class RunStore : public QObject {
    Q_OBJECT

public:
    /// Follows `document` (each designReplaced() starts a new file) and tells it where its runs
    /// are (DesignDocument::setRunsFile). `directory` is created when needed.
    RunStore(DesignDocument *document, const QString &directory, QObject *parent = nullptr);
    ~RunStore() override; ///< deletes the current file

    /// The folder in the application's data folder ("runs").
    static QString defaultDirectory();
    QString directory() const { return m_directory; }
    /// The current design's recording file (it exists once a run was recorded or runs were
    /// copied in from a project).
    QString path() const { return m_path; }
    /// Why the runs of the last opened project could not be read ("" when they could).
    QString problem() const { return m_problem; }

signals:
    /// A new design has a new recording file: the engine records the next run there.
    void pathChanged(const QString &path);
    /// The runs kept in a project could not be copied out (the message names the file); the
    /// design is open without them.
    void runsUnreadable(const QString &message);

private:
    void startFile();
    void removeLeftovers() const;

    DesignDocument *m_document;
    QString m_directory;
    QString m_path;
    QString m_problem;
};

} // namespace quorum::ui
