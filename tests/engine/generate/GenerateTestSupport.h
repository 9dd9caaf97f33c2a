#pragma once

// Helpers shared by the generate tests: loading templates, writing generated files to a
// temporary folder, and running the real tools with a time limit.

#include "engine/generate/Artifacts.h"
#include "engine/model/TopologyYaml.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QtTest>

namespace quorum::generate::test {

inline QString templatePath(const QString &name)
{
    return QStringLiteral(QUORUM_SOURCE_DIR "/resources/templates/") + name + QStringLiteral(".yaml");
}

/// Every bundled template, by name.
inline QStringList templateNames()
{
    QStringList names;
    for (const QString &f : QDir(QStringLiteral(QUORUM_SOURCE_DIR "/resources/templates")).entryList({"*.yaml"}, QDir::Files, QDir::Name))
        names << QFileInfo(f).completeBaseName();
    return names;
}

/// A design kept for the tests only (testdata/NAME.yaml), not shipped as a template.
inline QString testDesignPath(const QString &name)
{
    return QStringLiteral(QUORUM_SOURCE_DIR "/tests/engine/generate/testdata/") + name + QStringLiteral(".yaml");
}

/// Loads a design file; fails the test (returns an empty design) when it does not load.
inline model::Topology loadDesign(const QString &path)
{
    const model::LoadResult r = model::loadTopologyFile(path.toStdString());
    if (!r.ok()) {
        for (const auto &d : r.errors)
            qWarning("%s", d.toString().c_str());
        return {};
    }
    return *r.topology;
}

/// Loads a template (see loadDesign).
inline model::Topology loadTemplate(const QString &name)
{
    return loadDesign(templatePath(name));
}

inline GenerateResult generateTemplate(const QString &name, const std::string &version = {})
{
    GenerateOptions options;
    options.kubernetesVersion = version;
    return generateArtifacts(loadTemplate(name), options);
}

/// Writes the files under dir; returns false (with a warning) on failure.
inline bool writeAll(const GenerateResult &result, const QString &dir)
{
    if (auto failure = writeArtifacts(result.files, dir.toStdString())) {
        qWarning("%s", failure->c_str());
        return false;
    }
    return true;
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

struct ToolRun {
    bool finished = false;
    int exitCode = -1;
    QString output;  ///< stdout and stderr together
};

/// Runs a program with a time limit (killed when it runs over).
inline ToolRun runTool(const QString &program, const QStringList &args, int timeoutMs = 30000,
                       const QString &workingDir = {})
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    p.start(program, args);
    ToolRun run;
    if (!p.waitForStarted(10000)) {
        run.output = QStringLiteral("cannot start ") + program + ": " + p.errorString();
        return run;
    }
    run.finished = p.waitForFinished(timeoutMs);
    if (!run.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.output = QString::fromUtf8(p.readAll());
    return run;
}

/// The path CMake found for a tool, or a failure message telling how to install it.
#define QUORUM_REQUIRE_TOOL(path, package)                                                                       \
    do {                                                                                                         \
        if (!QFileInfo(QStringLiteral(path)).isExecutable())                                                     \
            QFAIL(qPrintable(QStringLiteral("required tool not found (CMake found '%1'); install the Debian "    \
                                            "package '%2' with packaging/setup.sh and reconfigure")               \
                                 .arg(QStringLiteral(path), QStringLiteral(package))));                          \
    } while (false)

} // namespace quorum::generate::test
