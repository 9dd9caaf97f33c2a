#include "engine/cluster/Reconciler.h"

namespace quorum::cluster {

Reconciler::Reconciler(Runtime &runtime, ApiClient &api, std::string name, const ResourceInfo &primary,
                       std::vector<const ResourceInfo *> secondary, Micros resync)
    : Component(runtime, api, std::move(name))
    , m_primary(primary)
    , m_secondary(std::move(secondary))
    , m_resync(resync)
{
}

void Reconciler::onStart()
{
    m_queue.clear();
    m_busy.clear();
    m_again.clear();
    m_scheduled = false;
    m_subscriptions.push_back(m_api.subscribe(
        [this](const ObjectCache::Change &change) {
            if (!change.resource)
                enqueueAll();
            else
                enqueue(change.key);
        },
        &m_primary));
    for (const ResourceInfo *r : m_secondary)
        m_subscriptions.push_back(m_api.subscribe(
            [this](const ObjectCache::Change &change) {
                if (!change.resource) {
                    enqueueAll();
                    return;
                }
                for (const std::string &key : keysFor(change))
                    enqueue(key);
            },
            r));
    every(m_resync, 0, [this] { enqueueAll(); });
}

void Reconciler::onStop()
{
    for (int id : m_subscriptions)
        m_api.unsubscribe(id);
    m_subscriptions.clear();
}

std::vector<std::string> Reconciler::keysFor(const ObjectCache::Change &)
{
    return {};
}

void Reconciler::enqueue(const std::string &key)
{
    if (!running())
        return;
    if (m_busy.count(key)) {
        m_again.insert(key);
        return;
    }
    m_queue.insert(key);
    if (!m_scheduled) {
        m_scheduled = true;
        later(0, [this] { process(); });
    }
}

void Reconciler::enqueueAll()
{
    const ObjectCache *cache = m_api.cache();
    if (!cache)
        return;
    for (const auto &[key, object] : cache->list(m_primary))
        enqueue(key);
}

void Reconciler::process()
{
    m_scheduled = false;
    const ObjectCache *cache = m_api.cache();
    if (!cache)
        return; // resync after reconnecting
    std::set<std::string> batch;
    batch.swap(m_queue);
    for (const std::string &key : batch) {
        m_busy.insert(key);
        reconcile(*cache, key, [this, key] {
            m_busy.erase(key);
            if (m_again.erase(key))
                enqueue(key);
        });
    }
}

} // namespace quorum::cluster
