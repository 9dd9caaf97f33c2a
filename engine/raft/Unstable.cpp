#include "engine/raft/Unstable.h"

#include "engine/raft/Check.h"

namespace quorum::raft {

std::optional<std::uint64_t> Unstable::maybeFirstIndex() const
{
    if (m_snapshot)
        return m_snapshot->metadata.index + 1;
    return std::nullopt;
}

std::optional<std::uint64_t> Unstable::maybeLastIndex() const
{
    if (!m_entries.empty())
        return m_offset + m_entries.size() - 1;
    if (m_snapshot)
        return m_snapshot->metadata.index;
    return std::nullopt;
}

std::optional<std::uint64_t> Unstable::maybeTerm(std::uint64_t i) const
{
    if (i < m_offset) {
        if (m_snapshot && m_snapshot->metadata.index == i)
            return m_snapshot->metadata.term;
        return std::nullopt;
    }
    const auto last = maybeLastIndex();
    if (!last || i > *last)
        return std::nullopt;
    return m_entries[i - m_offset].term;
}

void Unstable::stableTo(std::uint64_t i, std::uint64_t t)
{
    const auto term = maybeTerm(i);
    if (!term || *term != t || i < m_offset)
        return;
    m_entries.erase(m_entries.begin(), m_entries.begin() + static_cast<std::ptrdiff_t>(i + 1 - m_offset));
    m_offset = i + 1;
}

void Unstable::stableSnapTo(std::uint64_t i)
{
    if (m_snapshot && m_snapshot->metadata.index == i)
        m_snapshot.reset();
}

void Unstable::restore(const Snapshot &s)
{
    m_offset = s.metadata.index + 1;
    m_entries.clear();
    m_snapshot = s;
}

void Unstable::truncateAndAppend(const std::vector<Entry> &entries)
{
    RAFT_CHECK(!entries.empty(), "truncateAndAppend of nothing");
    const std::uint64_t after = entries.front().index;
    if (after == m_offset + m_entries.size()) {
        // The usual case: right after the last unstable entry.
        m_entries.insert(m_entries.end(), entries.begin(), entries.end());
    } else if (after <= m_offset) {
        // Replaces the whole unstable log (and part of the stable one, which the driver will
        // overwrite when it persists these entries).
        m_offset = after;
        m_entries = entries;
    } else {
        m_entries.resize(static_cast<std::size_t>(after - m_offset));
        m_entries.insert(m_entries.end(), entries.begin(), entries.end());
    }
}

std::vector<Entry> Unstable::slice(std::uint64_t lo, std::uint64_t hi) const
{
    RAFT_CHECK(lo <= hi && m_offset <= lo && hi <= m_offset + m_entries.size(),
               "unstable slice [" << lo << ", " << hi << ") out of [" << m_offset << ", "
                                  << m_offset + m_entries.size() << ")");
    return {m_entries.begin() + static_cast<std::ptrdiff_t>(lo - m_offset),
            m_entries.begin() + static_cast<std::ptrdiff_t>(hi - m_offset)};
}

} // namespace quorum::raft
