#include "engine/cluster/ObjectCache.h"

#include "engine/cluster/Kubelet.h"
#include "engine/cluster/Workloads.h"

#include <algorithm>
#include <iterator>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace quorum::cluster {

namespace {
const ObjectCache::Objects kEmpty;
const ObjectCache::Members kNoMembers;
const ObjectCache::OwnedPodCounts kNoPods;
}

std::string podNodeName(const Json &pod)
{
    return std::string(podNodeNameView(pod));
}

std::string_view podNodeNameView(const Json &pod)
{
    auto spec = pod.find("spec");
    if (spec == pod.end() || !spec->is_object())
        return {};
    auto n = spec->find("nodeName");
    return n != spec->end() && n->is_string() ? std::string_view(n->get_ref<const std::string &>()) : std::string_view();
}

ObjectCache::Facts ObjectCache::factsOf(const Json &object, const ResourceInfo *resource)
{
    Facts f;
    f.owner = controllerUidView(object);
    if (resource == &res::pods()) {
        f.node = podNodeNameView(object);
        f.active = isActivePod(object);
        f.ready = f.active && podReady(object);
    }
    return f;
}

void ObjectCache::reindex(HashMap<Members> &index, std::string_view oldKey, std::string_view newKey, bool before,
                          bool after, const Objects::value_type &entry)
{
    if (before && after && oldKey == newKey)
        return;
    const std::string_view key(entry.first);
    if (before && !oldKey.empty()) {
        auto it = index.find(oldKey);
        if (it != index.end()) {
            it->second.m_map.erase(key);
            if (it->second.m_map.empty())
                index.erase(it);
        }
    }
    if (!after || newKey.empty())
        return;
    auto it = index.find(newKey);
    if (it == index.end())
        it = index.emplace(std::string(newKey), Members{}).first;
    it->second.m_map.insert_or_assign(key, &entry);
}

void ObjectCache::index(const Facts &was, const Facts &is, bool before, bool after, const Objects::value_type &entry,
                        const ResourceInfo *resource)
{
    reindex(m_byOwner, was.owner, is.owner, before, after, entry);
    if (resource != &res::pods())
        return;
    reindex(m_podsByNode, was.node, is.node, before, after, entry);
    if (before && after && was.owner == is.owner && was.active == is.active && was.ready == is.ready)
        return; // the counts stay
    auto count = [&](const Facts &f, int sign) {
        if (f.owner.empty())
            return;
        auto it = m_podCounts.find(f.owner);
        if (it == m_podCounts.end())
            it = m_podCounts.emplace(std::string(f.owner), OwnedPodCounts{}).first;
        OwnedPodCounts &c = it->second;
        c.pods += sign;
        c.active += f.active ? sign : 0;
        c.activeReady += f.ready ? sign : 0;
        if (c == OwnedPodCounts{})
            m_podCounts.erase(it);
    };
    if (before)
        count(was, -1);
    if (after)
        count(is, +1);
}

void ObjectCache::put(const std::string &key, ObjectPtr object, std::int64_t revision)
{
    const Facts facts = object ? factsOf(*object, resourceForKey(key)) : Facts{};
    put(key, std::move(object), revision, facts);
}

void ObjectCache::put(const std::string &key, ObjectPtr object, std::int64_t revision, const Facts &facts)
{
    auto slot = m_slots.find(std::string_view(key));
    ObjectPtr before;
    Facts was;
    if (slot == m_slots.end()) {
        const ResourceInfo *resource = resourceForKey(key);
        if (!resource) {
            std::fprintf(stderr, "ObjectCache: key outside every served resource: %s\n", key.c_str());
            std::abort();
        }
        auto entry = m_objects[resource].emplace(key, object).first;
        slot = m_slots.emplace(std::string_view(entry->first), Slot{resource, entry, {}}).first;
    } else {
        before = std::exchange(slot->second.entry->second, object);
        was = slot->second.facts; // views into `before`, alive until the end of this call
    }
    const ResourceInfo *resource = slot->second.resource;
    slot->second.facts = facts;
    index(was, facts, before != nullptr, true, *slot->second.entry, resource);
    m_revision = std::max(m_revision, revision);
    Change change{resource, key, std::move(before), std::move(object), revision};
    notify(change, was.node, facts.node);
    release(std::move(change.before)); // `was` views into it: last
}

void ObjectCache::erase(const std::string &key, std::int64_t revision)
{
    auto slot = m_slots.find(std::string_view(key));
    if (slot == m_slots.end())
        return;
    const ResourceInfo *resource = slot->second.resource;
    const Facts was = slot->second.facts;
    auto entry = slot->second.entry;
    index(was, Facts{}, true, false, *entry, resource); // while the indexes' views of the key are valid
    ObjectPtr before = std::move(entry->second); // keeps `was` valid
    m_slots.erase(slot);
    m_objects[resource].erase(entry);
    m_revision = std::max(m_revision, revision);
    Change change{resource, key, std::move(before), nullptr, revision};
    notify(change, was.node, {});
    release(std::move(change.before));
}

void ObjectCache::release(ObjectPtr object)
{
    // Only a last reference is worth handing over; a shared one is just a count to decrement.
    if (m_reclaimer && object && object.use_count() == 1)
        m_reclaimer->drop(std::move(object));
}

void ObjectCache::clear()
{
    m_slots.clear();
    m_objects.clear();
    m_podsByNode.clear();
    m_byOwner.clear();
    m_podCounts.clear();
    m_revision = 0;
}

ObjectPtr ObjectCache::get(const std::string &key) const
{
    auto slot = m_slots.find(std::string_view(key));
    return slot == m_slots.end() ? nullptr : slot->second.entry->second;
}

ObjectPtr ObjectCache::get(const ResourceInfo &resource, std::string_view ns, std::string_view name) const
{
    return get(registryKey(resource, ns, name));
}

const ObjectCache::Objects &ObjectCache::list(const ResourceInfo &resource) const
{
    auto it = m_objects.find(&resource);
    return it == m_objects.end() ? kEmpty : it->second;
}

const ObjectCache::Members &ObjectCache::podsOnNode(const std::string &node) const
{
    auto it = m_podsByNode.find(node);
    return it == m_podsByNode.end() ? kNoMembers : it->second;
}

const ObjectCache::Members &ObjectCache::ownedBy(const std::string &uid) const
{
    auto it = m_byOwner.find(uid);
    return it == m_byOwner.end() ? kNoMembers : it->second;
}

const ObjectCache::OwnedPodCounts &ObjectCache::ownedPodCounts(const std::string &uid) const
{
    auto it = m_podCounts.find(uid);
    return it == m_podCounts.end() ? kNoPods : it->second;
}

std::size_t ObjectCache::size() const
{
    return m_slots.size();
}

void ObjectCache::notify(const Change &change, std::string_view nodeBefore, std::string_view nodeAfter)
{
    // Listeners may unsubscribe others; iterate over ids (node-filtered subscriptions are
    // looked up by node, so a change does not visit every kubelet's subscription).
    std::vector<int> ids;
    {
        static const std::vector<int> kNone;
        auto every = m_resourceListeners.find(nullptr);
        auto mine = m_resourceListeners.find(change.resource);
        const std::vector<int> &a = every == m_resourceListeners.end() ? kNone : every->second;
        const std::vector<int> &b = mine == m_resourceListeners.end() ? kNone : mine->second;
        ids.reserve(a.size() + b.size());
        std::merge(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(ids)); // in subscription order
    }
    if (change.resource == &res::pods()) {
        const std::string_view a = nodeBefore;
        const std::string_view b = nodeAfter;
        auto add = [&](std::string_view node) {
            auto it = m_nodeListeners.find(node);
            if (it != m_nodeListeners.end())
                ids.insert(ids.end(), it->second.begin(), it->second.end());
        };
        if (!a.empty())
            add(a);
        if (!b.empty() && b != a)
            add(b);
    }
    for (int id : ids) {
        auto it = m_listeners.find(id);
        if (it != m_listeners.end())
            it->second.listener(change);
    }
}

int ObjectCache::subscribe(Listener listener, const ResourceInfo *resource, std::string node)
{
    const int id = m_nextListener++;
    if (!node.empty())
        m_nodeListeners[node].push_back(id);
    else
        m_resourceListeners[resource].push_back(id); // ids grow, so each list stays ascending
    m_listeners.emplace(id, Subscription{std::move(listener), resource, std::move(node)});
    return id;
}

void ObjectCache::unsubscribe(int id)
{
    auto it = m_listeners.find(id);
    if (it == m_listeners.end())
        return;
    if (!it->second.node.empty()) {
        auto &ids = m_nodeListeners[it->second.node];
        std::erase(ids, id);
        if (ids.empty())
            m_nodeListeners.erase(it->second.node);
    } else {
        auto list = m_resourceListeners.find(it->second.resource);
        if (list != m_resourceListeners.end()) {
            std::erase(list->second, id);
            if (list->second.empty())
                m_resourceListeners.erase(list);
        }
    }
    m_listeners.erase(it);
}

} // namespace quorum::cluster
