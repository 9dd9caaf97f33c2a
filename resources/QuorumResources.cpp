#include "resources/QuorumResources.h"

#include <QDir>

namespace quorum::resources {

QString defaultTemplatePath()
{
    return QStringLiteral(":/templates/production-ha.yaml");
}

namespace {

QStringList yamlFilesIn(const QString &folder)
{
    const QDir dir(folder);
    QStringList paths;
    const QStringList names = dir.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")},
                                            QDir::Files, QDir::Name);
    for (const QString &name : names)
        paths.append(dir.filePath(name));
    return paths;
}

} // namespace

QStringList templatePaths()
{
    return yamlFilesIn(QStringLiteral(":/templates"));
}

QStringList scenarioPaths()
{
    return yamlFilesIn(QStringLiteral(":/scenarios"));
}

QString iconPath(const QString &name)
{
    return QStringLiteral(":/icons/%1.svg").arg(name);
}

QString appIconPath()
{
    return iconPath(QStringLiteral("quorum-studio"));
}

} // namespace quorum::resources
