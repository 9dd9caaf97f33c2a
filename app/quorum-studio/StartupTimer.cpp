#include "app/quorum-studio/StartupTimer.h"

#include <QEvent>
#include <QFile>
#include <QTimer>

#include <ctime>
#include <unistd.h>

StartupTimer::StartupTimer(QObject *painted, std::function<void(double)> done)
    : QObject(painted), m_done(std::move(done))
{
    painted->installEventFilter(this);
}

double StartupTimer::msSinceProcessStart()
{
    // Field 22 of /proc/self/stat is the start time in clock ticks since boot; the comm field
    // (2) may hold spaces, so count fields after its closing parenthesis.
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const int close = text.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    constexpr int kStartTimeAfterComm = 22 - 3;  // fields 3.. follow the comm
    if (fields.size() <= kStartTimeAfterComm)
        return -1;
    const double startTicks = fields[kStartTimeAfterComm].toDouble();
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
    return nowMs - startTicks * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

bool StartupTimer::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_fired && event->type() == QEvent::Paint) {
        m_fired = true;
        // Report after this paint has finished, not before it starts.
        QTimer::singleShot(0, this, [this] { m_done(msSinceProcessStart()); });
    }
    return QObject::eventFilter(watched, event);
}
