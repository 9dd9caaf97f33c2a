#include "ui/mainwindow/RecentFiles.h"

#include <QFileInfo>
#include <QSettings>

#include <utility>

namespace quorum::ui {

RecentFiles::RecentFiles(QString settingsKey)
    : m_key(std::move(settingsKey))
{
}

QStringList RecentFiles::files() const
{
    QStringList files = QSettings().value(m_key).toStringList();
    files.removeAll(QString());
    return files.mid(0, kMaxFiles);
}

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    store(list.mid(0, kMaxFiles));
}

void RecentFiles::remove(const QString &path)
{
    QStringList list = files();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    store(list);
}

void RecentFiles::clear()
{
    store({});
}

void RecentFiles::store(const QStringList &files) const
{
    QSettings().setValue(m_key, files);
}

} // namespace quorum::ui
