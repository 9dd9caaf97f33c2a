// quorum-studio: the desktop application. Parses the command line, installs translations and
// logging, and opens a design in the main window.

#include "app/quorum-studio/StartupTimer.h"
#include "resources/QuorumResources.h"
#include "ui/common/AppearanceMode.h"
#include "ui/common/Logging.h"
#include "ui/diagram/DiagramView.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/monitor/DrillPanel.h"
#include "ui/bridge/EngineBridge.h"
#include "ui/monitor/LiveController.h"
#include "ui/monitor/MonitorPanel.h"
#include "ui/monitor/ReplayController.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <spdlog/spdlog.h>

#include <cstdio>
#include <optional>

namespace {

constexpr int kScreenshotDelayMs = 300;

/// Installs the application's translation (":/i18n/quorumstudio_<lang>.qm", embedded by
/// qt_add_translations) and Qt's own for locale. Missing files are normal: English is built in.
void installTranslations(QApplication &app, const QLocale &locale)
{
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtTranslator);

    auto *appTranslator = new QTranslator(&app);
    if (appTranslator->load(locale, QStringLiteral("quorumstudio"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(appTranslator);
        spdlog::info("Translation {} loaded", appTranslator->filePath().toStdString());
    } else {
        spdlog::info("No translation for {}; using English", locale.name().toStdString());
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("QuorumStudio"));
    QApplication::setApplicationName(QStringLiteral("Quorum Studio"));
    QApplication::setApplicationVersion(QStringLiteral(QUORUM_VERSION));
    QApplication::setWindowIcon(QIcon(quorum::resources::appIconPath()));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Design, generate, run and watch highly available Kubernetes-style clusters."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("main", "Topology YAML file to open (default: the production-ha template)."),
                                 QStringLiteral("[FILE]"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a PNG of the main window to <path>, print its absolute path and quit."),
        QStringLiteral("path"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"), QApplication::translate("main", "Use the language <code> (e.g. de) instead of the system's."),
        QStringLiteral("code"));
    const QCommandLineOption selectOption(
        QStringLiteral("select"),
        QApplication::translate("main", "Select the element <id> (e.g. node/cp-1) and show it, as a click on one of its findings would."),
        QStringLiteral("id"));
    const QCommandLineOption startupOption(
        QStringLiteral("startup-time"),
        QApplication::translate("main", "Print the milliseconds from process start to the first painted diagram, then quit."));
    const QCommandLineOption runOption(
        QStringLiteral("run"), QApplication::translate("main", "Start the design running in the cluster engine at <speed> (e.g. 10)."),
        QStringLiteral("speed"));
    const QCommandLineOption delayOption(
        QStringLiteral("screenshot-delay"),
        QApplication::translate("main", "Wait <ms> before the screenshot (default 300; 3000 with --run)."), QStringLiteral("ms"));
    const QCommandLineOption faultOption(
        QStringLiteral("kill-etcd-leader-after"),
        QApplication::translate("main", "With --run: kill the node of the etcd leader after <ms> of wall time (a drill)."),
        QStringLiteral("ms"));
    const QCommandLineOption drillOption(
        QStringLiteral("drill"),
        QApplication::translate("main", "Start the drill of the shipped scenario <name> (e.g. kill-etcd-leader); with --run it plays."),
        QStringLiteral("name"));
    const QCommandLineOption replayOption(
        QStringLiteral("replay-after"),
        QApplication::translate("main", "With --run: after <ms> of wall time, replay the run just recorded, scrubbed to its middle."),
        QStringLiteral("ms"));
    const QCommandLineOption pageOption(
        QStringLiteral("monitor-page"),
        QApplication::translate("main", "Show the monitor's page <page>: control-plane (the default) or workloads."),
        QStringLiteral("page"));
    const QCommandLineOption appearanceOption(
        QStringLiteral("appearance"),
        QApplication::translate("main", "Use the appearance <mode>: system, light or dark, for this run only (View → Appearance keeps a choice)."),
        QStringLiteral("mode"));
    parser.addOption(appearanceOption);
    parser.addOption(pageOption);
    parser.addOption(drillOption);
    parser.addOption(replayOption);
    parser.addOption(runOption);
    parser.addOption(delayOption);
    parser.addOption(faultOption);
    parser.addOption(screenshotOption);
    parser.addOption(startupOption);
    parser.addOption(langOption);
    parser.addOption(selectOption);
    parser.process(app);

    quorum::ui::setupLogging();
    spdlog::info("Quorum Studio {} starting (Qt {})", QUORUM_VERSION, qVersion());

    const QLocale locale = parser.isSet(langOption) ? QLocale(parser.value(langOption)) : QLocale::system();
    QLocale::setDefault(locale);
    installTranslations(app, locale);
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Quorum Studio"));

    quorum::ui::MainWindow window;
    if (parser.isSet(appearanceOption)) {
        const std::optional<quorum::ui::AppearanceMode> mode = quorum::ui::parseAppearanceMode(parser.value(appearanceOption));
        if (!mode) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QApplication::translate("main", "--appearance: no appearance '%1' (system, light or dark)")
                                        .arg(parser.value(appearanceOption))));
            return 2;
        }
        window.setAppearance(*mode, false);
    }
    const QString screenshotPath = parser.value(screenshotOption);
    // A screenshot run must never wait for a click: errors are logged and printed instead.
    window.setMessageBoxesEnabled(screenshotPath.isEmpty());

    window.openFile(quorum::resources::defaultTemplatePath());
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty() && !window.openFile(files.first()) && !screenshotPath.isEmpty())
        std::fprintf(stderr, "%s\n", qPrintable(window.lastError()));
    if (parser.isSet(startupOption)) {
        new StartupTimer(window.diagramView()->viewport(), [](double ms) {
            std::printf("startup %.1f ms\n", ms);
            std::fflush(stdout);
            QApplication::exit(0);
        });
    }
    window.show();
    // After a crash, offer the design the last session did not save (never in a screenshot
    // run, which must not wait for a click).
    if (screenshotPath.isEmpty())
        QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });
    if (parser.isSet(selectOption) && !window.diagramView()->showElement(parser.value(selectOption)))
        spdlog::warn("No element {} in the diagram", parser.value(selectOption).toStdString());

    if (parser.isSet(drillOption)) {
        QString error;
        window.showDrillPanel();
        if (!window.drill()->startDrill(QStringLiteral(":/scenarios/%1.yaml").arg(parser.value(drillOption)), &error))
            spdlog::error("The drill cannot start: {}", error.toStdString());
    }
    if (parser.isSet(runOption)) {
        bool ok = false;
        const double speed = parser.value(runOption).toDouble(&ok);
        window.live()->setSpeed(ok ? speed : 10);
        if (!window.live()->start())
            spdlog::error("The design cannot run");
        if (parser.isSet(faultOption)) {
            QTimer::singleShot(parser.value(faultOption).toInt(), &window, [&window] {
                QString message;
                if (!window.live()->engine()->fault(QStringLiteral("kill-node"), QStringLiteral("etcd-leader"), {}, &message))
                    spdlog::error("Cannot kill the etcd leader: {}", message.toStdString());
            });
        }
    }
    if (parser.isSet(pageOption)) {
        const QString page = parser.value(pageOption);
        if (page == QLatin1String("workloads") || page == QLatin1String("control-plane")) {
            window.live()->monitorDock()->show();
            window.live()->monitorDock()->raise();
            window.live()->monitor()->showPage(page == QLatin1String("workloads") ? 1 : 0);
        } else {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QApplication::translate("main", "--monitor-page: no page '%1' (control-plane or workloads)").arg(page)));
            return 2;
        }
    }
    if (parser.isSet(replayOption)) {
        QTimer::singleShot(parser.value(replayOption).toInt(), &window, [&window] {
            const QVector<quorum::ui::RecordedRun> runs = window.live()->engine()->recordings();
            QString error;
            if (runs.isEmpty() || !window.replay()->open(runs.back().id, &error)) {
                spdlog::error("Cannot replay the run: {}", error.toStdString());
                return;
            }
            window.replay()->scrubTo(window.replay()->lastMicros() / 2);
        });
    }
    const int screenshotDelay = parser.isSet(delayOption) ? parser.value(delayOption).toInt()
                                : parser.isSet(runOption) ? 3000
                                                          : kScreenshotDelayMs;
    if (!screenshotPath.isEmpty()) {
        QTimer::singleShot(screenshotDelay, &window, [&window, screenshotPath] {
            const QString absolute = QFileInfo(screenshotPath).absoluteFilePath();
            if (!window.grab().save(absolute, "PNG")) {
                spdlog::error("Cannot write screenshot {}", absolute.toStdString());
                QApplication::exit(1);
                return;
            }
            std::printf("%s\n", qPrintable(QDir::toNativeSeparators(absolute)));
            std::fflush(stdout);
            QApplication::exit(0);
        });
    }

    const int status = QApplication::exec();
    spdlog::info("Quorum Studio exiting with status {}", status);
    return status;
}
