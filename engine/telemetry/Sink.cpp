#include "engine/telemetry/Sink.h"

#include <algorithm>

namespace quorum::telemetry {

void Bus::addSink(Sink *sink)
{
    if (sink && std::find(m_sinks.begin(), m_sinks.end(), sink) == m_sinks.end())
        m_sinks.push_back(sink);
}

void Bus::removeSink(Sink *sink)
{
    m_sinks.erase(std::remove(m_sinks.begin(), m_sinks.end(), sink), m_sinks.end());
}

void Bus::onEvent(const Event &event)
{
    for (Sink *s : m_sinks)
        s->onEvent(event);
}

void Bus::onSample(const Sample &sample)
{
    for (Sink *s : m_sinks)
        s->onSample(sample);
}

void Bus::flush()
{
    for (Sink *s : m_sinks)
        s->flush();
}

} // namespace quorum::telemetry
