#include "engine/telemetry/RingSink.h"

#include <algorithm>
#include <cassert>

namespace quorum::telemetry {

namespace {

/// Items are in time order (Sink contract), so a range is found by binary search.
template <typename T> std::vector<T> slice(const std::deque<T> &items, Micros from, Micros to)
{
    const auto byTime = [](const T &item, Micros t) { return item.time < t; };
    auto first = std::lower_bound(items.begin(), items.end(), from, byTime);
    auto last = std::lower_bound(first, items.end(), to, byTime);
    return from < to ? std::vector<T>(first, last) : std::vector<T>();
}

} // namespace

RingSink::RingSink(std::size_t eventCapacity, std::size_t sampleCapacity)
    : m_eventCapacity(std::max<std::size_t>(1, eventCapacity)), m_sampleCapacity(std::max<std::size_t>(1, sampleCapacity))
{
    assert(eventCapacity > 0 && sampleCapacity > 0);
}

void RingSink::onEvent(const Event &event)
{
    if (m_events.size() == m_eventCapacity) {
        m_events.pop_front();
        ++m_droppedEvents;
    }
    m_events.push_back(event);
}

void RingSink::onSample(const Sample &sample)
{
    if (m_samples.size() == m_sampleCapacity) {
        m_samples.pop_front();
        ++m_droppedSamples;
    }
    m_samples.push_back(sample);
}

std::vector<Event> RingSink::events(Micros from, Micros to) const
{
    return slice(m_events, from, to);
}

std::vector<Sample> RingSink::samples(Micros from, Micros to) const
{
    return slice(m_samples, from, to);
}

void RingSink::clear()
{
    m_events.clear();
    m_samples.clear();
    m_droppedEvents = 0;
    m_droppedSamples = 0;
}

} // namespace quorum::telemetry
