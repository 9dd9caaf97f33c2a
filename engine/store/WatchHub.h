#pragma once

// Internal to engine/store: the watchers of one member and their queues of pending events.
// Watchers are not replicated: each member serves its own, pulled by the caller (no callbacks).

#include "engine/store/Types.h"

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

namespace quorum::store {

class WatchHub {
public:
    struct Watcher {
        std::string key;
        std::string rangeEnd;
        WatchFilter filter;
        /// Every event below this revision has been queued (or was before the watcher's start).
        std::int64_t nextRevision = 0;
        std::deque<Event> pending;
        bool compacted = false;  ///< fell behind a compaction; reported once, then removed
        std::int64_t compactRevision = 0;
    };

    bool empty() const { return m_watchers.empty(); }
    /// Whether any watcher asked for each event's previous key-value.
    bool anyWantsPrevKv() const;
    std::size_t size() const { return m_watchers.size(); }

    /// Registers a watcher that will receive events from `startRevision` on.
    WatchId add(std::string key, std::string rangeEnd, WatchFilter filter, std::int64_t startRevision);
    Watcher *find(WatchId id);
    bool cancel(WatchId id);

    /// Queues `events` (sorted by revision) on watcher `w`, keeping those in its range, at or
    /// after its nextRevision and passing its filter; then its nextRevision becomes `upTo` + 1.
    static void deliver(Watcher &w, const std::vector<Event> &events, std::int64_t upTo);
    /// Delivers one write txn's events (all at `revision`) to every watcher.
    void notify(const std::vector<Event> &events, std::int64_t revision);

    /// Takes a watcher's pending events at revisions up to `upTo` (and its compaction notice,
    /// which removes it).
    WatchBatch take(WatchId id, std::int64_t upTo);
    /// Watchers with something to take, by id.
    std::vector<WatchId> ready() const;

    std::map<WatchId, Watcher> &watchers() { return m_watchers; }

private:
    std::map<WatchId, Watcher> m_watchers;
    WatchId m_lastId = 0;
};

} // namespace quorum::store
