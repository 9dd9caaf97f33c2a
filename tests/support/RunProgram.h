#pragma once

// Runs a program the way a user would and keeps what it printed. For tests of command-line
// tools (quorumctl); Qt, so header-only and outside the Qt-free quorum_test_support library.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace quorum::testing {

struct ProgramRun {
    int exitCode = -1;  ///< -1: did not finish in time, or crashed
    QString out;
    QString err;
};

/// Runs `program` with `args` and waits up to timeoutMs for it to finish.
inline ProgramRun runProgram(const QString &program, const QStringList &args, int timeoutMs = 60000)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace quorum::testing
