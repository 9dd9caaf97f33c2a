#include "engine/raft/RaftLog.h"

#include "engine/raft/Check.h"

#include <algorithm>

namespace quorum::raft {

RaftLog::RaftLog(const Storage &storage, std::uint64_t maxCommittedSize)
    : m_storage(storage)
    , m_unstable(storage.lastIndex() + 1)
    , m_maxCommittedSize(maxCommittedSize)
{
    // Everything up to the snapshot is committed and applied by definition.
    m_committed = storage.firstIndex() - 1;
    m_applied = m_committed;
}

std::uint64_t RaftLog::firstIndex() const
{
    if (const auto i = m_unstable.maybeFirstIndex())
        return *i;
    return m_storage.firstIndex();
}

std::uint64_t RaftLog::lastIndex() const
{
    if (const auto i = m_unstable.maybeLastIndex())
        return *i;
    return m_storage.lastIndex();
}

std::uint64_t RaftLog::lastTerm() const
{
    const auto t = term(lastIndex());
    RAFT_CHECK(t.ok(), "term of the last index " << lastIndex() << " unavailable: " << toString(t.status));
    return t.value;
}

StorageResult<std::uint64_t> RaftLog::term(std::uint64_t i) const
{
    // The valid range is [dummy index, last index]: the entry before firstIndex() keeps its term.
    const std::uint64_t dummy = firstIndex() - 1;
    if (i < dummy)
        return {StorageStatus::Compacted, 0};
    if (i > lastIndex())
        return {StorageStatus::Unavailable, 0};
    if (const auto t = m_unstable.maybeTerm(i))
        return {StorageStatus::Ok, *t};
    const auto t = m_storage.term(i);
    RAFT_CHECK(t.ok() || t.status == StorageStatus::Compacted || t.status == StorageStatus::Unavailable,
               "storage term(" << i << "): " << toString(t.status));
    return t;
}

std::uint64_t RaftLog::termOrZero(std::uint64_t i) const
{
    const auto t = term(i);
    return t.ok() ? t.value : 0;
}

bool RaftLog::matchTerm(std::uint64_t i, std::uint64_t t) const
{
    const auto got = term(i);
    return got.ok() && got.value == t;
}

bool RaftLog::isUpToDate(std::uint64_t lastIdx, std::uint64_t lastTrm) const
{
    const std::uint64_t ourTerm = lastTerm();
    return lastTrm > ourTerm || (lastTrm == ourTerm && lastIdx >= lastIndex());
}

std::optional<std::uint64_t> RaftLog::maybeAppend(std::uint64_t index, std::uint64_t logTerm,
                                                  std::uint64_t commit, const std::vector<Entry> &entries)
{
    if (!matchTerm(index, logTerm))
        return std::nullopt;
    const std::uint64_t lastNew = index + entries.size();
    const std::uint64_t conflict = findConflict(entries);
    if (conflict != 0) {
        RAFT_CHECK(conflict > m_committed,
                   "entry " << conflict << " conflicts with a committed entry (committed " << m_committed << ")");
        const auto from = static_cast<std::ptrdiff_t>(conflict - (index + 1));
        append(std::vector<Entry>(entries.begin() + from, entries.end()));
    }
    // Only what this message proved matches the leader may be committed: entries after
    // lastNew could be a stale suffix from an older term.
    commitTo(std::min(commit, lastNew));
    return lastNew;
}

std::uint64_t RaftLog::append(const std::vector<Entry> &entries)
{
    if (entries.empty())
        return lastIndex();
    const std::uint64_t after = entries.front().index - 1;
    RAFT_CHECK(after >= m_committed, "append after " << after << " would truncate committed " << m_committed);
    m_unstable.truncateAndAppend(entries);
    return lastIndex();
}

std::uint64_t RaftLog::findConflict(const std::vector<Entry> &entries) const
{
    for (const Entry &e : entries) {
        if (!matchTerm(e.index, e.term))
            return e.index;
    }
    return 0;
}

std::pair<std::uint64_t, std::uint64_t> RaftLog::findConflictByTerm(std::uint64_t index, std::uint64_t t) const
{
    for (;;) {
        const auto ourTerm = term(index);
        if (!ourTerm.ok())
            return {index, 0};
        if (ourTerm.value <= t)
            return {index, ourTerm.value};
        --index;
    }
}

bool RaftLog::maybeCommit(std::uint64_t maxIndex, std::uint64_t t)
{
    if (maxIndex > m_committed && termOrZero(maxIndex) == t) {
        commitTo(maxIndex);
        return true;
    }
    return false;
}

void RaftLog::commitTo(std::uint64_t commit)
{
    if (commit <= m_committed)
        return;
    RAFT_CHECK(commit <= lastIndex(),
               "commit " << commit << " is out of range [last index " << lastIndex()
                         << "]: was the raft log corrupted, truncated or lost?");
    m_committed = commit;
}

void RaftLog::appliedTo(std::uint64_t i)
{
    if (i == 0)
        return;
    RAFT_CHECK(m_applied <= i && i <= m_committed,
               "applied " << i << " out of range [prev applied " << m_applied << ", committed " << m_committed << "]");
    m_applied = i;
}

void RaftLog::restore(const Snapshot &s)
{
    m_committed = s.metadata.index;
    m_unstable.restore(s);
}

std::vector<Entry> RaftLog::nextCommittedEntries() const
{
    const std::uint64_t lo = std::max(m_applied + 1, firstIndex());
    if (m_committed + 1 <= lo)
        return {};
    const std::uint64_t maxSize = m_maxCommittedSize == 0 ? kNoLimit : m_maxCommittedSize;
    auto r = slice(lo, m_committed + 1, maxSize);
    RAFT_CHECK(r.ok(), "unexpected error reading committed entries: " << toString(r.status));
    return std::move(r.value);
}

bool RaftLog::hasNextCommittedEntries() const
{
    return m_committed + 1 > std::max(m_applied + 1, firstIndex());
}

StorageResult<std::vector<Entry>> RaftLog::entries(std::uint64_t i, std::uint64_t maxSize) const
{
    if (i > lastIndex())
        return {StorageStatus::Ok, {}};
    return slice(i, lastIndex() + 1, maxSize);
}

StorageResult<std::vector<Entry>> RaftLog::slice(std::uint64_t lo, std::uint64_t hi, std::uint64_t maxSize) const
{
    RAFT_CHECK(lo <= hi, "invalid slice [" << lo << ", " << hi << ")");
    if (lo < firstIndex())
        return {StorageStatus::Compacted, {}};
    RAFT_CHECK(hi <= lastIndex() + 1, "slice [" << lo << ", " << hi << ") past last index " << lastIndex());
    if (lo == hi)
        return {StorageStatus::Ok, {}};
    std::vector<Entry> out;
    const std::uint64_t split = m_unstable.offset();
    if (lo < split) {
        auto stable = m_storage.entries(lo, std::min(hi, split), maxSize);
        if (stable.status == StorageStatus::Compacted)
            return {StorageStatus::Compacted, {}};
        RAFT_CHECK(stable.ok(), "storage entries [" << lo << ", " << std::min(hi, split)
                                                    << "): " << toString(stable.status));
        out = std::move(stable.value);
        // The storage stopped early because of the size limit: do not add unstable ones.
        if (out.size() < std::min(hi, split) - lo)
            return {StorageStatus::Ok, std::move(out)};
    }
    if (hi > split) {
        auto tail = m_unstable.slice(std::max(lo, split), hi);
        out.insert(out.end(), std::make_move_iterator(tail.begin()), std::make_move_iterator(tail.end()));
    }
    limitSize(out, maxSize);
    return {StorageStatus::Ok, std::move(out)};
}

StorageResult<Snapshot> RaftLog::snapshot() const
{
    if (m_unstable.snapshot())
        return {StorageStatus::Ok, *m_unstable.snapshot()};
    return m_storage.snapshot();
}

} // namespace quorum::raft
