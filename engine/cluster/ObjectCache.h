#pragma once

// An API server's watch cache: the objects of every served resource at the revision of the etcd
// member it reads, decoded once and shared (ObjectPtr) with the components connected to it —
// kube-apiserver's cacher and client-go's informers in one. Changes are announced to listeners
// synchronously, in revision order; a listener must not change the cache.
//
// Thread rules: none inside; one thread (the simulation's). Replaced and erased objects that
// nothing else holds may be freed on a Reclaimer's thread (setReclaimer).

#include "engine/cluster/Object.h"
#include "engine/cluster/Reclaimer.h"

#include <cstddef>
#include <functional>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace quorum::cluster {

class ObjectCache {
public:
    /// One change: `before` is null for a creation, `after` is null for a deletion.
    struct Change {
        const ResourceInfo *resource = nullptr;
        std::string key;
        ObjectPtr before;
        ObjectPtr after;
        std::int64_t revision = 0;
    };
    using Listener = std::function<void(const Change &)>;
    using Objects = std::map<std::string, ObjectPtr>;
    /// Some of the held objects, by key: a view of the cache's own entries (podsOnNode(),
    /// ownedBy()), iterated as `const auto &[key, object]` like Objects. Valid until the next
    /// change of the cache.
    class Members {
    public:
        // Views into the keys of the held entries; the entries live in m_objects, so a put that
        // keeps an object's owner and node leaves this map alone.
        using Map = std::map<std::string_view, const Objects::value_type *>;
        class const_iterator {
        public:
            using iterator_category = std::bidirectional_iterator_tag;
            using value_type = Objects::value_type;
            using difference_type = std::ptrdiff_t;
            using pointer = const value_type *;
            using reference = const value_type &;
            const_iterator() = default;
            explicit const_iterator(Map::const_iterator it) : m_it(it) {}
            reference operator*() const { return *m_it->second; }
            pointer operator->() const { return m_it->second; }
            const_iterator &operator++() { ++m_it; return *this; }
            const_iterator operator++(int) { const_iterator was = *this; ++m_it; return was; }
            const_iterator &operator--() { --m_it; return *this; }
            const_iterator operator--(int) { const_iterator was = *this; --m_it; return was; }
            bool operator==(const const_iterator &) const = default;

        private:
            Map::const_iterator m_it;
        };
        const_iterator begin() const { return const_iterator(m_map.begin()); }
        const_iterator end() const { return const_iterator(m_map.end()); }
        std::size_t size() const { return m_map.size(); }
        bool empty() const { return m_map.empty(); }
        std::size_t count(std::string_view key) const { return m_map.count(key); }

    private:
        friend class ObjectCache;
        Map m_map;
    };
    /// Counts over the pods one controller owns, kept up to date on every change, so a
    /// controller's status needs no scan of its pods.
    struct OwnedPodCounts {
        int pods = 0;        ///< every pod with this controller
        int active = 0;      ///< not terminating and not Succeeded/Failed (isActivePod)
        int activeReady = 0; ///< active and Ready (podReady)
        bool operator==(const OwnedPodCounts &) const = default;
    };

    /// What the indexes need from one object: views into it (valid while it lives), read once
    /// and kept beside it, so a change reads only the new object.
    struct Facts {
        std::string_view owner; ///< controller uid
        std::string_view node;  ///< pods: spec.nodeName
        bool active = false;    ///< pods: isActivePod
        bool ready = false;     ///< pods: podReady
    };
    /// The facts of `object` held as a `resource` (pods have more of them).
    static Facts factsOf(const Json &object, const ResourceInfo *resource);

    /// Stores the object at `key` (whose resource is known) as of `revision`; its
    /// metadata.resourceVersion must already say `modRevision`.
    void put(const std::string &key, ObjectPtr object, std::int64_t revision);
    /// The same with the object's facts read already (factsOf(*object, resource of `key`)), as
    /// a decoder shared by several caches does once for all of them.
    void put(const std::string &key, ObjectPtr object, std::int64_t revision, const Facts &facts);
    void erase(const std::string &key, std::int64_t revision);
    /// Forgets everything (before a relist); listeners are told nothing and must resync.
    void clear();
    /// From now on, an object replaced or erased whose last reference the cache held is freed
    /// on `reclaimer`'s thread (nullptr: here, at once). The reclaimer must outlive the cache,
    /// and no weak reference may revive what it is handed.
    void setReclaimer(Reclaimer *reclaimer) { m_reclaimer = reclaimer; }

    ObjectPtr get(const std::string &key) const;
    ObjectPtr get(const ResourceInfo &resource, std::string_view ns, std::string_view name) const;
    /// Every object of a resource, by key (so: by namespace, then name).
    const Objects &list(const ResourceInfo &resource) const;
    /// Pods whose spec.nodeName is `node`, by key.
    const Members &podsOnNode(const std::string &node) const;
    /// Objects whose controller ownerReference has this uid (any resource), by key.
    const Members &ownedBy(const std::string &uid) const;
    /// Counts over the pods whose controller ownerReference has this uid (zeros when none).
    const OwnedPodCounts &ownedPodCounts(const std::string &uid) const;
    /// The revision of the last change applied (0 before any).
    std::int64_t revision() const { return m_revision; }
    std::size_t size() const;

    /// Calls `listener` for every change of `resource` (nullptr: every resource); with a
    /// non-empty `node`, only for pods bound (before or after the change) to that node.
    int subscribe(Listener listener, const ResourceInfo *resource = nullptr, std::string node = {});
    void unsubscribe(int id);

private:
    // One held object: where it sits in its resource's ordered map, and its facts.
    struct Slot {
        const ResourceInfo *resource = nullptr;
        Objects::iterator entry;
        Facts facts;
    };
    // Hashes of keys, looked up by views without a copy.
    struct KeyHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
    };
    template <class T>
    using HashMap = std::unordered_map<std::string, T, KeyHash, std::equal_to<>>;

    /// Moves the entry between the owner and node indexes and counts as its facts change from
    /// `was` (when `before`: it was held) to `is` (when `after`: it stays held).
    void index(const Facts &was, const Facts &is, bool before, bool after, const Objects::value_type &entry,
               const ResourceInfo *resource);
    /// Moves `entry` from the members of `oldKey` to those of `newKey` (empty: none); nothing to
    /// do when the key stays, as the members point at the entry, which holds the new object.
    static void reindex(HashMap<Members> &index, std::string_view oldKey, std::string_view newKey, bool before,
                        bool after, const Objects::value_type &entry);
    void notify(const Change &change, std::string_view nodeBefore, std::string_view nodeAfter);
    /// Lets go of an object the cache no longer holds.
    void release(ObjectPtr object);
    struct Subscription {
        Listener listener;
        const ResourceInfo *resource = nullptr;
        std::string node;
    };

    // Ordered by key, as list() / podsOnNode() / ownedBy() iterate them (event order depends
    // on it); the per-key lookups go through the hashed m_slots and indexes, whose order is
    // never observed.
    std::map<const ResourceInfo *, Objects> m_objects;
    std::unordered_map<std::string_view, Slot, KeyHash, std::equal_to<>> m_slots; // views into m_objects' keys
    HashMap<Members> m_podsByNode;
    HashMap<Members> m_byOwner; // controller uid -> objects
    HashMap<OwnedPodCounts> m_podCounts; // controller uid -> counts of its pods
    std::map<int, Subscription> m_listeners;
    // Ids of subscriptions without a node filter, ascending: by resource, and those for every
    // resource (key nullptr), so a change visits only the listeners it concerns.
    std::map<const ResourceInfo *, std::vector<int>> m_resourceListeners;
    HashMap<std::vector<int>> m_nodeListeners; // node -> subscription ids
    int m_nextListener = 1;
    std::int64_t m_revision = 0;
    Reclaimer *m_reclaimer = nullptr;
};

/// spec.nodeName of a pod, or "".
std::string podNodeName(const Json &pod);
/// The same without a copy: a view into `pod` (valid while it lives).
std::string_view podNodeNameView(const Json &pod);

} // namespace quorum::cluster
