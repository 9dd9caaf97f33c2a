// bench_ui_latency: how the GUI copes while the engine runs the default design fast. Opens
// production-ha in the main window, runs it at --speed (100x), kills the etcd leader a third
// of the way and restarts it at two thirds, and measures for --seconds (60) of wall time:
// * the worst event-loop stall of the UI thread (a 5 ms precise timer; a stall is the gap
//   between two ticks minus 5 ms) and its 99th percentile — goal: never more than 50 ms;
// * the UI thread's CPU time (diagram, status, events and the charts fed at 10 Hz), as % of one
//   core — goal for the charts: under 10 %;
// * the process's CPU (engine thread included) and peak RSS.
//
//   QT_QPA_PLATFORM=offscreen bench_ui_latency [--seconds 60] [--speed 100] [--page 0|1] [--memory-every S]
//                                    [--topology FILE]
// (or under xvfb-run for a real X server). A benchmark, not a test.

#include "resources/QuorumResources.h"
#include "tests/support/Allocator.h"
#include "ui/bridge/EngineBridge.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/monitor/LiveController.h"
#include "ui/monitor/MonitorPanel.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QTabWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>
#include <QTimer>
#include <QWindow>

#include <malloc.h>
#include <sys/resource.h>
#include <ctime>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace {

/// CPU seconds (user + system) of the calling thread.
double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

/// An event the UI thread took long to handle: what it was, for whom, and how much of the wall
/// time was the UI thread's own CPU (the rest: waiting, or the machine running something else).
struct SlowEvent {
    double at = 0;     // wall seconds since the start, at the end
    double wallMs = 0;
    double cpuMs = 0;
    int depth = 0;     // 0: dispatched by the event loop; > 0: sent from inside another event
    QString what;
};

/// Times every event the UI thread handles and keeps those over kSlowMs.
class TimedApplication final : public QApplication {
public:
    using QApplication::QApplication;
    static constexpr double kSlowMs = 20;
    std::vector<SlowEvent> slow;
    QElapsedTimer clock;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!clock.isValid() || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        const qint64 t0 = clock.nsecsElapsed();
        const double cpu0 = threadCpuSeconds();
        const QEvent::Type type = event->type(); // the event may be gone afterwards
        const QString who = QString::fromLatin1(receiver->metaObject()->className()) +
                            (receiver->objectName().isEmpty() ? QString() : QLatin1Char(' ') + receiver->objectName());
        ++m_depth;
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        const double wallMs = static_cast<double>(clock.nsecsElapsed() - t0) / 1e6;
        if (wallMs >= kSlowMs)
            slow.push_back(SlowEvent{static_cast<double>(clock.elapsed()) / 1000.0, wallMs,
                                     (threadCpuSeconds() - cpu0) * 1000.0, m_depth,
                                     who + QStringLiteral(" / event type %1").arg(static_cast<int>(type))});
        return result;
    }

private:
    int m_depth = 0;
};

/// Resident memory now (not the peak), from /proc/self/statm.
double residentMiB()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.value(1).toDouble() * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

/// "anon A MiB, file F MiB, ... heap in use H of T MiB": what the resident memory is made of (the
/// allocator's heap in use against what it holds tells growth from fragmentation).
std::string memoryBreakdown()
{
    QFile f(QStringLiteral("/proc/self/status"));
    double anon = 0, file = 0;
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray &line : f.readAll().split('\n')) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            if (parts.size() >= 2 && parts[0] == "RssAnon:")
                anon = parts[1].toDouble() / 1024.0;
            else if (parts.size() >= 2 && parts[0] == "RssFile:")
                file = parts[1].toDouble() / 1024.0;
        }
    constexpr double kMiB = 1024.0 * 1024.0;
    char out[200];
    if (quorum::testing::jemallocAllocated() >= 0) {
        std::snprintf(out, sizeof out, "anon %.1f MiB, file %.1f MiB, jemalloc heap in use %.1f of %.1f MiB resident",
                      anon, file, static_cast<double>(quorum::testing::jemallocStat("stats.allocated")) / kMiB,
                      static_cast<double>(quorum::testing::jemallocStat("stats.resident")) / kMiB);
        return out;
    }
    const struct mallinfo2 m = mallinfo2();
    std::snprintf(out, sizeof out, "anon %.1f MiB, file %.1f MiB, glibc heap in use %.1f of %.1f MiB", anon, file,
                  static_cast<double>(m.uordblks) / kMiB, static_cast<double>(m.arena + m.hblkhd) / kMiB);
    return out;
}

double processCpuSeconds()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    TimedApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("QuorumStudioBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_ui_latency"));
    double seconds = 60;
    double speed = 100;
    int page = 0; // the monitor's tab on screen: 0 Control plane, 1 Workloads
    double memoryEvery = 0; // print resident memory every this many wall seconds (0: never)
    QString topology = quorum::resources::defaultTemplatePath();
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--seconds"))
            seconds = args[i + 1].toDouble();
        else if (args[i] == QLatin1String("--speed"))
            speed = args[i + 1].toDouble();
        else if (args[i] == QLatin1String("--page"))
            page = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--memory-every"))
            memoryEvery = args[i + 1].toDouble();
        else if (args[i] == QLatin1String("--topology"))
            topology = args[i + 1];
    }

    quorum::ui::MainWindow window;
    window.setMessageBoxesEnabled(false);
    window.setUnsavedChangesAnswer(QMessageBox::Discard); // the run it records is not kept
    if (!window.openFile(topology)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(topology));
        return 2;
    }
    window.resize(1600, 1000);
    // The window is on screen before Run, as when a person presses it: its first layout and
    // paint (tens of milliseconds, the same without a run) are reported apart, not as a stall.
    QElapsedTimer firstShow;
    firstShow.start();
    window.show();
    while (!(window.windowHandle() && window.windowHandle()->isExposed()) && firstShow.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    QCoreApplication::processEvents();
    const double firstShowMs = static_cast<double>(firstShow.nsecsElapsed()) / 1e6;
    quorum::ui::LiveController *live = window.live();
    live->setSpeed(speed);
    if (!live->start()) {
        std::fprintf(stderr, "the design cannot run\n");
        return 2;
    }

    if (auto *tabs = live->monitor()->findChild<QTabWidget *>())
        tabs->setCurrentIndex(page);

    std::vector<double> stalls;
    std::vector<double> stallAt; // wall seconds at the end of each stall
    std::vector<double> stallCpu; // the UI thread's CPU milliseconds over each gap
    QElapsedTimer wall;
    QElapsedTimer sinceTick;
    const double uiCpu0 = threadCpuSeconds();
    const double chartCpu0 = live->monitor()->chartCpuSeconds();
    const double cpu0 = processCpuSeconds();
    wall.start();
    sinceTick.start();
    app.clock.start();
    QString killed;
    int shown = 0, hidden = 0; // chart series at the end
    // Memory over the run (--memory-every S of wall time): to show it levels off.
    QTimer memory;
    if (memoryEvery > 0) {
        QObject::connect(&memory, &QTimer::timeout, [&] {
            std::printf("  memory at %.0f s wall: virtual %.1f h, %zu samples kept, resident %.1f MiB (%s)\n",
                        static_cast<double>(wall.elapsed()) / 1000.0,
                        static_cast<double>(live->engine()->state().virtualMicros) / 3.6e9,
                        static_cast<std::size_t>(live->monitor()->samples().size()), residentMiB(),
                        memoryBreakdown().c_str());
            std::fflush(stdout);
        });
        memory.start(static_cast<int>(memoryEvery * 1000));
    }
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    double tickCpu = threadCpuSeconds();
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const double gapMs = static_cast<double>(sinceTick.nsecsElapsed()) / 1e6;
        sinceTick.restart();
        const double cpuNow = threadCpuSeconds();
        stalls.push_back(std::max(0.0, gapMs - 5.0));
        stallCpu.push_back((cpuNow - tickCpu) * 1000.0);
        tickCpu = cpuNow;
        stallAt.push_back(static_cast<double>(wall.elapsed()) / 1000.0);
        const double t = static_cast<double>(wall.elapsed()) / 1000.0;
        const quorum::ui::LiveState &state = live->engine()->state();
        if (killed.isEmpty() && t >= seconds / 3 && !state.leader.isEmpty()) {
            killed = state.leader;
            live->engine()->faultAsync(QStringLiteral("kill-node"), killed); // as the node's menu does
        } else if (!killed.isEmpty() && t >= 2 * seconds / 3 && killed != QLatin1String("-")) {
            live->engine()->faultAsync(QStringLiteral("restart-node"), killed);
            killed = QStringLiteral("-");
        }
        if (t >= seconds) {
            for (const QChartView *view : live->monitor()->findChildren<QChartView *>())
                (view->isVisible() ? shown : hidden) += static_cast<int>(view->chart()->series().size());
            QApplication::quit();
        }
    });
    probe.start();
    QApplication::exec();

    const double elapsed = static_cast<double>(wall.elapsed()) / 1000.0;
    const double uiCpu = threadCpuSeconds() - uiCpu0;
    const double chartCpu = live->monitor()->chartCpuSeconds() - chartCpu0;
    const double cpu = processCpuSeconds() - cpu0;
    std::vector<double> sorted = stalls;
    std::sort(sorted.begin(), sorted.end());
    const double worst = sorted.empty() ? 0 : sorted.back();
    const double p99 = sorted.empty() ? 0 : sorted[static_cast<std::size_t>(0.99 * static_cast<double>(sorted.size() - 1))];
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    const quorum::ui::LiveState &state = live->engine()->state();
    std::printf("ui latency: %.0f s wall at %gx: virtual %.1f s, %zu samples charted\n", elapsed, speed,
                static_cast<double>(state.virtualMicros) / 1e6, static_cast<std::size_t>(live->monitor()->samples().size()));
    std::printf("  window shown before the run: first layout and paint %.1f ms\n", firstShowMs);
    std::printf("  event-loop stalls (5 ms probe, %zu ticks): worst %.1f ms, p99 %.1f ms; goal <= 50 ms: %s\n",
                stalls.size(), worst, p99, worst <= 50 ? "met" : "MISSED");
    // The five longest, with when they ended (to tell start-up, the kill and the restart apart).
    std::vector<std::size_t> order(stalls.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return stalls[a] > stalls[b]; });
    std::printf("  longest stalls (with the UI thread's own CPU in the gap):");
    for (std::size_t i = 0; i < std::min<std::size_t>(5, order.size()); ++i)
        std::printf(" %.1f ms at %.1f s (cpu %.1f ms)%s", stalls[order[i]], stallAt[order[i]], stallCpu[order[i]],
                    i + 1 < 5 ? ";" : "\n");
    // The slowest single events behind them.
    std::sort(app.slow.begin(), app.slow.end(), [](const SlowEvent &a, const SlowEvent &b) { return a.wallMs > b.wallMs; });
    std::printf("  events over %.0f ms: %zu; the slowest:\n", TimedApplication::kSlowMs, app.slow.size());
    for (std::size_t i = 0; i < std::min<std::size_t>(12, app.slow.size()); ++i)
        std::printf("    %.1f ms (cpu %.1f ms) at %.1f s, depth %d: %s\n", app.slow[i].wallMs, app.slow[i].cpuMs, app.slow[i].at,
                    app.slow[i].depth, qPrintable(app.slow[i].what));
    std::printf("  UI thread CPU: %.2f s = %.1f %% of one core (diagram, status, events, charts at 10 Hz)\n", uiCpu,
                100 * uiCpu / elapsed);
    std::printf("  series at the end: %d on the page shown (tab %d), %d on the hidden page\n", shown, page, hidden);
    std::printf("  of which the charts (feeding the series, repainting the views): %.2f s = %.1f %% of one core; "
                "goal < 10 %%: %s\n",
                chartCpu, 100 * chartCpu / elapsed, 100 * chartCpu / elapsed < 10 ? "met" : "MISSED");
    std::printf("  process CPU (engine thread included): %.2f s = %.1f %% of one core; peak RSS %.1f MiB\n", cpu,
                100 * cpu / elapsed, static_cast<double>(ru.ru_maxrss) / 1024.0);
    return 0;
}
