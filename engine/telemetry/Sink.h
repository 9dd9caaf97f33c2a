#pragma once

// Where telemetry goes: a Sink receives events and samples; a Bus fans them out to several.
// Producers (the simulator, the engine daemon) publish on one thread; sinks are called on that
// thread, in the order they were added. Nothing here locks.

#include "engine/telemetry/Event.h"
#include "engine/telemetry/Sample.h"

#include <vector>

namespace quorum::telemetry {

/// Receives telemetry. Implementations are called from one thread at a time.
class Sink {
public:
    virtual ~Sink() = default;
    /// Events arrive in non-decreasing time order.
    virtual void onEvent(const Event &event) = 0;
    /// Samples arrive in non-decreasing time order.
    virtual void onSample(const Sample &sample) = 0;
    /// Pushes buffered data to its destination (file, database). Called at the end of a run and
    /// whenever the producer wants what was published so far to be durable or visible.
    virtual void flush() {}
};

/// Fans out to sinks. Does not own them: each sink must outlive the bus or be removed first.
class Bus final : public Sink {
public:
    /// Adds a sink (ignored if already present).
    void addSink(Sink *sink);
    void removeSink(Sink *sink);
    std::size_t sinkCount() const { return m_sinks.size(); }

    void onEvent(const Event &event) override;
    void onSample(const Sample &sample) override;
    void flush() override;

private:
    std::vector<Sink *> m_sinks;
};

} // namespace quorum::telemetry
