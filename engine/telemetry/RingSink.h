#pragma once

// The recent past in memory: the last N events and the last M samples, for the live monitor
// (charts show a sliding window) and for tests.

#include "engine/telemetry/Sink.h"

#include <cstddef>
#include <deque>
#include <vector>

namespace quorum::telemetry {

/// Bounded: when full, the oldest item is dropped. Not thread-safe (the caller serializes).
class RingSink final : public Sink {
public:
    /// Precondition: capacities > 0.
    RingSink(std::size_t eventCapacity, std::size_t sampleCapacity);

    void onEvent(const Event &event) override;
    void onSample(const Sample &sample) override;

    /// Events with time in [from, to), oldest first.
    std::vector<Event> events(Micros from, Micros to) const;
    /// Samples with time in [from, to), oldest first.
    std::vector<Sample> samples(Micros from, Micros to) const;

    const std::deque<Event> &allEvents() const { return m_events; }
    const std::deque<Sample> &allSamples() const { return m_samples; }
    /// The newest sample, or nullptr when there is none.
    const Sample *latestSample() const { return m_samples.empty() ? nullptr : &m_samples.back(); }
    std::size_t droppedEvents() const { return m_droppedEvents; }
    std::size_t droppedSamples() const { return m_droppedSamples; }
    void clear();

private:
    std::size_t m_eventCapacity;
    std::size_t m_sampleCapacity;
    std::deque<Event> m_events;
    std::deque<Sample> m_samples;
    std::size_t m_droppedEvents = 0;
    std::size_t m_droppedSamples = 0;
};

} // namespace quorum::telemetry
