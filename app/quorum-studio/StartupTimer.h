#pragma once

#include <QObject>

#include <functional>

/// Measures the time from process start (as the kernel recorded it, so dynamic loading and
/// static initialisation count) to the first paint of a widget, then calls `done(ms)` once.
/// GUI thread only.
class StartupTimer : public QObject {
public:
    /// Watches `painted` for its first QEvent::Paint.
    StartupTimer(QObject *painted, std::function<void(double)> done);

    /// Milliseconds since this process started; negative when /proc cannot tell.
    static double msSinceProcessStart();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    std::function<void(double)> m_done;
    bool m_fired = false;
};
