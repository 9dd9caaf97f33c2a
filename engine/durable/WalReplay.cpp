#include "engine/durable/WalReplay.h"

#include "engine/durable/Text.h"

#include <algorithm>

namespace quorum::durable {

std::optional<std::uint64_t> WalState::term(std::uint64_t i) const
{
    if (i == base)
        return baseTerm;
    if (i < base || i > lastIndex())
        return std::nullopt;
    return entries[static_cast<std::size_t>(i - base - 1)].term;
}

void WalReplayer::addSnapshotPoint(const wal::SnapshotPoint &p)
{
    auto &s = m_state.snapshots;
    const auto it = std::lower_bound(s.begin(), s.end(), p);
    if (it == s.end() || *it != p)
        s.insert(it, p);
}

Status WalReplayer::beginSegment(const wal::SegmentHeader &header)
{
    if (!m_started) {
        m_started = true;
        if (header.seq == 1) {
            m_state.base = 0;
            m_state.baseTerm = 0;
        } else {
            m_state.base = header.firstIndex == 0 ? 0 : header.firstIndex - 1;
            m_state.baseTerm.reset();
        }
    } else if (header.hardState != m_state.hardState) {
        return Status::failure(text::cat("the segment header restates hard state ", text::hardState(header.hardState),
                                         " but the segments before it end with ",
                                         text::hardState(m_state.hardState)));
    }
    m_state.hardState = header.hardState;
    for (const wal::SnapshotPoint &p : header.snapshots)
        addSnapshotPoint(p);
    return Status::success();
}

Status WalReplayer::apply(const wal::Record &record)
{
    RAFT_CHECK(m_started, "WAL record replayed before any segment header");
    WalState &s = m_state;
    if (const auto *e = std::get_if<raft::Entry>(&record)) {
        if (e->index > s.lastIndex() + 1) {
            return Status::failure(text::cat("entry ", std::to_string(e->index), " does not follow the last index ",
                                             std::to_string(s.lastIndex()), " (records are missing)"));
        }
        if (e->index <= s.base) {
            if (s.baseTerm) {
                return Status::failure(text::cat("entry ", std::to_string(e->index),
                                                 " is at or before the start of the log (index ",
                                                 std::to_string(s.base), ", a snapshot)"));
            }
            // The log before it was released: it now starts here.
            s.base = e->index - 1;
            s.entries.clear();
        } else {
            s.entries.resize(static_cast<std::size_t>(e->index - s.base - 1));
        }
        s.entries.push_back(*e);
        return Status::success();
    }
    if (const auto *hs = std::get_if<raft::HardState>(&record)) {
        s.hardState = *hs;
        return Status::success();
    }
    if (const auto *snap = std::get_if<wal::SnapshotRecord>(&record)) {
        s.hardState = snap->hardState;
        addSnapshotPoint(snap->point);
        const wal::SnapshotPoint p = snap->point;
        if (p.index < s.base)
            return Status::success(); // an older point, below the part of the log we hold
        if (p.index == s.base && (!s.baseTerm || *s.baseTerm == p.term)) {
            s.baseTerm = p.term;
            return Status::success();
        }
        if (p.index > s.base && p.index <= s.lastIndex() && s.term(p.index) == p.term)
            return Status::success(); // a local snapshot of entries we hold
        // Installed from the leader: the log restarts after the snapshot.
        s.base = p.index;
        s.baseTerm = p.term;
        s.entries.clear();
        return Status::success();
    }
    return Status::failure("a segment header in the middle of a segment");
}

} // namespace quorum::durable
