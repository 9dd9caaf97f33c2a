#pragma once

// The most recently opened design files, most recent first, kept in QSettings
// (organization and application names must be set). Main (GUI) thread only.

#include <QString>
#include <QStringList>

namespace quorum::ui {

class RecentFiles {
public:
    static constexpr int kMaxFiles = 8;

    /// settingsKey: where the list lives in QSettings.
    explicit RecentFiles(QString settingsKey = QStringLiteral("RecentFiles/files"));

    /// Absolute paths, most recent first, at most kMaxFiles.
    QStringList files() const;
    /// Puts path (made absolute) first, dropping an older entry for it and the oldest beyond kMaxFiles.
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

private:
    void store(const QStringList &files) const;

    QString m_key;
};

} // namespace quorum::ui
