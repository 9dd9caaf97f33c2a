#pragma once

// Logging setup for the GUI: spdlog with a console sink (stderr) and a rotating file sink.

#include <QString>

namespace quorum::ui {

/// Installs the default spdlog logger "quorum": stderr plus a rotating file
/// (5 MB x 3 files) named quorum-studio.log in logDirectory. An empty logDirectory means
/// QStandardPaths::AppDataLocation + "/logs" (needs the application and organization names
/// to be set first). When the file cannot be opened, logging continues on stderr only and
/// the failure is logged. Returns the log file path, or an empty string without a file.
/// Call once, from the main thread, before other threads log.
QString setupLogging(const QString &logDirectory = {});

} // namespace quorum::ui
