#include "engine/sim/EventQueue.h"

#include <utility>

namespace quorum::sim {

void EventQueue::after(Micros delay, Action action)
{
    m_queue.push(Event{m_now + (delay > 0 ? delay : 0), m_seq++, std::move(action)});
}

bool EventQueue::runOne()
{
    if (m_queue.empty())
        return false;
    // priority_queue::top is const; the action is moved out through a copy of the node.
    Event e = std::move(const_cast<Event &>(m_queue.top()));
    m_queue.pop();
    m_now = e.time;
    ++m_processed;
    e.action();
    return true;
}

bool EventQueue::runUntil(Micros until, const std::function<bool()> &stop)
{
    while (!m_queue.empty() && m_queue.top().time <= until) {
        runOne();
        if (stop && stop())
            return false;
    }
    if (m_now < until)
        m_now = until;
    return true;
}

} // namespace quorum::sim
