#include "engine/raft/Progress.h"

#include "engine/raft/Check.h"

#include <algorithm>

namespace quorum::raft {

Inflights::Inflights(std::size_t maxCount, std::uint64_t maxBytes)
    : m_maxCount(maxCount)
    , m_maxBytes(maxBytes)
{
    RAFT_CHECK(maxCount > 0, "inflight window of size 0");
}

void Inflights::add(std::uint64_t index, std::uint64_t bytes)
{
    RAFT_CHECK(!full(), "cannot add into a full inflights window");
    if (m_count > 0) {
        const Item &last = m_ring[(m_start + m_count - 1) % m_ring.size()];
        RAFT_CHECK(index > last.index, "inflight index " << index << " not after " << last.index);
    }
    if (m_count == m_ring.size()) {
        // Grow lazily (most followers never fill the window); unroll the ring while at it.
        std::vector<Item> grown;
        grown.reserve(std::min(m_maxCount, std::max<std::size_t>(4, m_ring.size() * 2)));
        for (std::size_t i = 0; i < m_count; ++i)
            grown.push_back(m_ring[(m_start + i) % m_ring.size()]);
        grown.resize(grown.capacity());
        m_ring = std::move(grown);
        m_start = 0;
    }
    m_ring[(m_start + m_count) % m_ring.size()] = {index, bytes};
    ++m_count;
    m_bytes += bytes;
}

void Inflights::freeLE(std::uint64_t index)
{
    while (m_count > 0 && m_ring[m_start].index <= index) {
        m_bytes -= m_ring[m_start].bytes;
        m_start = (m_start + 1) % m_ring.size();
        --m_count;
    }
    if (m_count == 0)
        m_start = 0;
}

void Inflights::freeFirstOne()
{
    if (m_count > 0)
        freeLE(m_ring[m_start].index);
}

bool Inflights::full() const
{
    return m_count >= m_maxCount || (m_maxBytes != 0 && m_bytes >= m_maxBytes);
}

void Inflights::reset()
{
    m_start = 0;
    m_count = 0;
    m_bytes = 0;
}

const char *toString(ProgressState s)
{
    switch (s) {
    case ProgressState::Probe: return "StateProbe";
    case ProgressState::Replicate: return "StateReplicate";
    case ProgressState::Snapshot: return "StateSnapshot";
    }
    return "?";
}

void Progress::resetState(ProgressState s)
{
    msgAppFlowPaused = false;
    pendingSnapshot = 0;
    state = s;
    inflights.reset();
}

void Progress::becomeProbe()
{
    if (state == ProgressState::Snapshot) {
        // The snapshot may or may not have arrived; resume right after it either way and let
        // the follower's answer correct us.
        const std::uint64_t pending = pendingSnapshot;
        resetState(ProgressState::Probe);
        next = std::max(match + 1, pending + 1);
    } else {
        resetState(ProgressState::Probe);
        next = match + 1;
    }
}

void Progress::becomeReplicate()
{
    resetState(ProgressState::Replicate);
    next = match + 1;
}

void Progress::becomeSnapshot(std::uint64_t snapshotIndex)
{
    resetState(ProgressState::Snapshot);
    pendingSnapshot = snapshotIndex;
}

bool Progress::maybeUpdate(std::uint64_t n)
{
    bool updated = false;
    if (match < n) {
        match = n;
        updated = true;
        msgAppFlowPaused = false;
    }
    next = std::max(next, n + 1);
    return updated;
}

bool Progress::maybeDecrTo(std::uint64_t rejected, std::uint64_t matchHint)
{
    if (state == ProgressState::Replicate) {
        // A rejection at or below match is a late answer to an older message.
        if (rejected <= match)
            return false;
        next = match + 1;
        return true;
    }
    // Probe: only the answer to the probe we sent (at next - 1) counts.
    if (next - 1 != rejected)
        return false;
    next = std::max<std::uint64_t>(std::min(rejected, matchHint + 1), match + 1);
    msgAppFlowPaused = false;
    return true;
}

bool Progress::isPaused() const
{
    switch (state) {
    case ProgressState::Probe: return msgAppFlowPaused;
    case ProgressState::Replicate: return inflights.full();
    case ProgressState::Snapshot: return true;
    }
    return true;
}

} // namespace quorum::raft
