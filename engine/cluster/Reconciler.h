#pragma once

// A controller's skeleton, after client-go's workqueue pattern: changes to watched resources
// enqueue keys, a key is reconciled at most once at a time, and everything is resynced
// periodically. Subclasses say what to watch, which keys a change dirties, and how to
// reconcile one key.

#include "engine/cluster/Component.h"

#include <set>
#include <vector>

namespace quorum::cluster {

class Reconciler : public Component {
public:
    Reconciler(Runtime &runtime, ApiClient &api, std::string name, const ResourceInfo &primary,
               std::vector<const ResourceInfo *> secondary, Micros resync = 30 * kSecond);

    /// Enqueues one key of the primary resource.
    void enqueue(const std::string &key);

protected:
    void onStart() override;
    void onStop() override;
    /// Keys of the primary resource affected by a change of a secondary resource.
    virtual std::vector<std::string> keysFor(const ObjectCache::Change &change);
    /// Brings one primary object's world in line with it. `cache` is never null. Calls
    /// done() when every write it started has completed (so the key may be reconciled again).
    virtual void reconcile(const ObjectCache &cache, const std::string &key, std::function<void()> done) = 0;

    const ResourceInfo &m_primary;

private:
    void enqueueAll();
    void process();

    std::vector<const ResourceInfo *> m_secondary;
    Micros m_resync;
    std::set<std::string> m_queue;
    std::set<std::string> m_busy;
    std::set<std::string> m_again; // changed while busy
    std::vector<int> m_subscriptions;
    bool m_scheduled = false;
};

} // namespace quorum::cluster
