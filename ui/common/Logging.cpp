#include "ui/common/Logging.h"

#include <QDir>
#include <QStandardPaths>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <vector>

namespace quorum::ui {

namespace {
constexpr std::size_t kMaxFileBytes = 5 * 1024 * 1024;
constexpr std::size_t kMaxFiles = 3;
} // namespace

QString setupLogging(const QString &logDirectory)
{
    // stderr, not stdout: --screenshot prints its result on stdout for scripts to read.
    std::vector<spdlog::sink_ptr> sinks{std::make_shared<spdlog::sinks::stderr_color_sink_mt>()};

    QString dir = logDirectory;
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/logs");
    QString filePath = QDir(dir).filePath(QStringLiteral("quorum-studio.log"));
    std::string fileError;
    if (!QDir().mkpath(dir)) {
        fileError = "cannot create directory " + dir.toStdString();
        filePath.clear();
    } else {
        try {
            sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                filePath.toStdString(), kMaxFileBytes, kMaxFiles));
        } catch (const spdlog::spdlog_ex &e) {
            fileError = e.what();
            filePath.clear();
        }
    }

    auto logger = std::make_shared<spdlog::logger>("quorum", sinks.begin(), sinks.end());
    logger->set_pattern("%Y-%m-%d %H:%M:%S.%e [%^%l%$] %v");
    logger->set_level(spdlog::level::info);
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);

    if (!fileError.empty())
        spdlog::warn("Logging to stderr only: {}", fileError);
    else
        spdlog::info("Logging to {}", filePath.toStdString());
    return filePath;
}

} // namespace quorum::ui
