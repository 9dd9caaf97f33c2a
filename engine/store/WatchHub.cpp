#include "engine/store/WatchHub.h"

namespace quorum::store {

WatchId WatchHub::add(std::string key, std::string rangeEnd, WatchFilter filter, std::int64_t startRevision)
{
    const WatchId id = ++m_lastId;
    Watcher &w = m_watchers[id];
    w.key = std::move(key);
    w.rangeEnd = std::move(rangeEnd);
    w.filter = filter;
    w.nextRevision = startRevision;
    return id;
}

WatchHub::Watcher *WatchHub::find(WatchId id)
{
    auto it = m_watchers.find(id);
    return it == m_watchers.end() ? nullptr : &it->second;
}

bool WatchHub::cancel(WatchId id)
{
    return m_watchers.erase(id) > 0;
}

void WatchHub::deliver(Watcher &w, const std::vector<Event> &events, std::int64_t upTo)
{
    for (const Event &e : events) {
        if (e.kv.modRevision < w.nextRevision || !inRange(e.kv.key, w.key, w.rangeEnd))
            continue;
        if ((e.type == EventType::Put && w.filter.noPut) || (e.type == EventType::Delete && w.filter.noDelete))
            continue;
        Event &queued = w.pending.emplace_back(e);
        if (!w.filter.prevKv)
            queued.prevKv.reset();
    }
    if (upTo >= w.nextRevision)
        w.nextRevision = upTo + 1;
}

bool WatchHub::anyWantsPrevKv() const
{
    for (const auto &entry : m_watchers)
        if (entry.second.filter.prevKv && !entry.second.compacted)
            return true;
    return false;
}

void WatchHub::notify(const std::vector<Event> &events, std::int64_t revision)
{
    for (auto &entry : m_watchers) {
        if (!entry.second.compacted)
            deliver(entry.second, events, revision);
    }
}

WatchBatch WatchHub::take(WatchId id, std::int64_t upTo)
{
    WatchBatch batch;
    auto it = m_watchers.find(id);
    if (it == m_watchers.end())
        return batch;
    batch.exists = true;
    Watcher &w = it->second;
    // Pending events are in revision order.
    auto end = w.pending.begin();
    while (end != w.pending.end() && end->kv.modRevision <= upTo)
        ++end;
    batch.events.assign(std::make_move_iterator(w.pending.begin()), std::make_move_iterator(end));
    w.pending.erase(w.pending.begin(), end);
    if (w.compacted) {
        batch.error = Error::Compacted;
        batch.compactRevision = w.compactRevision;
        m_watchers.erase(it);
    }
    return batch;
}

std::vector<WatchId> WatchHub::ready() const
{
    std::vector<WatchId> out;
    for (const auto &[id, w] : m_watchers) {
        if (!w.pending.empty() || w.compacted)
            out.push_back(id);
    }
    return out;
}

} // namespace quorum::store
