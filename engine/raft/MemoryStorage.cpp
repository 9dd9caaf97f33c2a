#include "engine/raft/MemoryStorage.h"

#include "engine/raft/Check.h"

namespace quorum::raft {

const char *toString(StorageStatus s)
{
    switch (s) {
    case StorageStatus::Ok: return "ok";
    case StorageStatus::Compacted: return "compacted";
    case StorageStatus::Unavailable: return "unavailable";
    case StorageStatus::SnapshotTemporarilyUnavailable: return "snapshot temporarily unavailable";
    case StorageStatus::OutOfDate: return "out of date";
    }
    return "?";
}

void limitSize(std::vector<Entry> &entries, std::uint64_t maxSize)
{
    if (entries.empty())
        return;
    std::uint64_t size = entrySize(entries.front());
    std::size_t keep = 1;
    for (; keep < entries.size(); ++keep) {
        size += entrySize(entries[keep]);
        if (size > maxSize)
            break;
    }
    entries.resize(keep);
}

MemoryStorage::MemoryStorage()
    : m_entries(1)
{
}

InitialState MemoryStorage::initialState() const
{
    return {m_hardState, m_snapshot.metadata.confState};
}

StorageResult<std::vector<Entry>> MemoryStorage::entries(std::uint64_t lo, std::uint64_t hi,
                                                         std::uint64_t maxSize) const
{
    if (lo <= offset())
        return {StorageStatus::Compacted, {}};
    RAFT_CHECK(lo <= hi && hi <= lastIndex() + 1,
               "entries [" << lo << ", " << hi << ") out of bounds, last index " << lastIndex());
    if (m_entries.size() == 1) // only the dummy entry
        return {StorageStatus::Unavailable, {}};
    std::vector<Entry> out(m_entries.begin() + static_cast<std::ptrdiff_t>(lo - offset()),
                           m_entries.begin() + static_cast<std::ptrdiff_t>(hi - offset()));
    limitSize(out, maxSize);
    return {StorageStatus::Ok, std::move(out)};
}

StorageResult<std::uint64_t> MemoryStorage::term(std::uint64_t i) const
{
    if (i < offset())
        return {StorageStatus::Compacted, 0};
    if (i - offset() >= m_entries.size())
        return {StorageStatus::Unavailable, 0};
    return {StorageStatus::Ok, m_entries[i - offset()].term};
}

std::uint64_t MemoryStorage::firstIndex() const
{
    return offset() + 1;
}

std::uint64_t MemoryStorage::lastIndex() const
{
    return offset() + m_entries.size() - 1;
}

StorageResult<Snapshot> MemoryStorage::snapshot() const
{
    if (m_snapshotUnavailable)
        return {StorageStatus::SnapshotTemporarilyUnavailable, {}};
    return {StorageStatus::Ok, m_snapshot};
}

void MemoryStorage::setHardState(const HardState &hs)
{
    m_hardState = hs;
}

void MemoryStorage::append(const std::vector<Entry> &entries)
{
    if (entries.empty())
        return;
    const std::uint64_t first = firstIndex();
    const std::uint64_t last = entries.back().index;
    if (last < first)
        return; // everything is already in the snapshot
    // Skip the part the snapshot already covers.
    std::size_t skip = 0;
    if (entries.front().index < first)
        skip = static_cast<std::size_t>(first - entries.front().index);
    const std::uint64_t start = entries[skip].index;
    RAFT_CHECK(start <= lastIndex() + 1,
               "append would leave a gap: last index " << lastIndex() << ", appending at " << start);
    m_entries.resize(static_cast<std::size_t>(start - offset()));
    m_entries.insert(m_entries.end(), entries.begin() + static_cast<std::ptrdiff_t>(skip), entries.end());
}

StorageStatus MemoryStorage::applySnapshot(const Snapshot &snapshot)
{
    if (snapshot.metadata.index <= m_snapshot.metadata.index)
        return StorageStatus::OutOfDate;
    m_snapshot = snapshot;
    m_entries.assign(1, Entry{snapshot.metadata.term, snapshot.metadata.index, EntryType::Normal, {}});
    return StorageStatus::Ok;
}

StorageResult<Snapshot> MemoryStorage::createSnapshot(std::uint64_t i, const ConfState &confState,
                                                      std::string data)
{
    if (i <= m_snapshot.metadata.index)
        return {StorageStatus::OutOfDate, {}};
    RAFT_CHECK(i <= lastIndex(), "snapshot index " << i << " is past the last index " << lastIndex());
    if (i < offset())
        return {StorageStatus::Compacted, {}};
    m_snapshot.metadata.index = i;
    m_snapshot.metadata.term = m_entries[i - offset()].term;
    m_snapshot.metadata.confState = confState;
    m_snapshot.data = std::move(data);
    return {StorageStatus::Ok, m_snapshot};
}

StorageStatus MemoryStorage::compact(std::uint64_t compactIndex)
{
    if (compactIndex <= offset())
        return StorageStatus::Compacted;
    RAFT_CHECK(compactIndex <= lastIndex(),
               "compact " << compactIndex << " is past the last index " << lastIndex());
    const auto drop = static_cast<std::ptrdiff_t>(compactIndex - offset());
    m_entries.erase(m_entries.begin(), m_entries.begin() + drop);
    m_entries.front().data.clear();
    m_entries.front().type = EntryType::Normal;
    return StorageStatus::Ok;
}

void MemoryStorage::bootstrap(const ConfState &confState, std::uint64_t index, std::uint64_t term)
{
    RAFT_CHECK(lastIndex() == 0 && m_hardState.empty(), "bootstrap of a storage that is not empty");
    Snapshot snap;
    snap.metadata = {confState, index, term};
    applySnapshot(snap);
    m_hardState = {term, kNone, index};
}

} // namespace quorum::raft
