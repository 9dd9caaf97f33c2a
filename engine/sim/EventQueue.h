#pragma once

// Discrete-event core: a virtual clock in microseconds and a queue of actions ordered by
// (time, insertion sequence). Ties are broken by insertion order, so a run depends only on the
// order in which the (deterministic) simulation schedules things.

#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

namespace quorum::sim {

/// Virtual time in microseconds since the start of a run.
using Micros = std::int64_t;
inline constexpr Micros kMs = 1000;
inline constexpr Micros kSecond = 1000 * kMs;

class EventQueue {
public:
    using Action = std::function<void()>;

    Micros now() const { return m_now; }
    /// Runs `action` at now() + delay (delay >= 0; negative counts as 0).
    void after(Micros delay, Action action);
    /// Runs the earliest event, moving the clock to its time. False if the queue is empty.
    bool runOne();
    /// Runs events up to and including time `until`, then sets the clock to `until`.
    /// Stops early (returning false) when `stop` returns true after an event.
    bool runUntil(Micros until, const std::function<bool()> &stop = {});
    std::size_t pending() const { return m_queue.size(); }
    std::uint64_t processed() const { return m_processed; }

private:
    struct Event {
        Micros time;
        std::uint64_t seq;
        Action action;
    };
    struct Later {
        bool operator()(const Event &a, const Event &b) const
        {
            return a.time != b.time ? a.time > b.time : a.seq > b.seq;
        }
    };

    Micros m_now = 0;
    std::uint64_t m_seq = 0;
    std::uint64_t m_processed = 0;
    std::priority_queue<Event, std::vector<Event>, Later> m_queue;
};

} // namespace quorum::sim
