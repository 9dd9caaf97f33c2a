#pragma once

// An API server's watch cache: the objects of every served resource at the revision of the etcd
// member it reads, decoded once and shared (ObjectPtr) with the components connected to it —
// kube-apiserver's cacher and client-go's informers in one. Changes are announced to listeners
// synchronously, in revision order; a listener must not change the cache.
//
// Thread rules: none inside; one thread (the simulation's).

#include "engine/cluster/Object.h"

#include <functional>
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
    /// Counts over the pods one controller owns, kept up to date on every change, so a
    /// controller's status needs no scan of its pods.
    struct OwnedPodCounts {
        int pods = 0;        ///< every pod with this controller
        int active = 0;      ///< not terminating and not Succeeded/Failed (isActivePod)
        int activeReady = 0; ///< active and Ready (podReady)
        bool operator==(const OwnedPodCounts &) const = default;
    };

    /// Stores the object at `key` (whose resource is known) as of `revision`; its
    /// metadata.resourceVersion must already say `modRevision`.
    void put(const std::string &key, ObjectPtr object, std::int64_t revision);
    void erase(const std::string &key, std::int64_t revision);
    /// Forgets everything (before a relist); listeners are told nothing and must resync.
    void clear();

    ObjectPtr get(const std::string &key) const;
    ObjectPtr get(const ResourceInfo &resource, std::string_view ns, std::string_view name) const;
    /// Every object of a resource, by key (so: by namespace, then name).
    const Objects &list(const ResourceInfo &resource) const;
    /// Pods whose spec.nodeName is `node`, by key.
    const Objects &podsOnNode(const std::string &node) const;
    /// Objects whose controller ownerReference has this uid (any resource), by key.
    const Objects &ownedBy(const std::string &uid) const;
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
    // What the indexes need from one object, read once when it enters the cache and kept
    // beside it, so a change reads only the new object. Views into the held object.
    struct Facts {
        std::string_view owner; // controller uid
        std::string_view node;  // pods: spec.nodeName
        bool active = false;    // pods: isActivePod
        bool ready = false;     // pods: podReady
    };
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

    static Facts factsOf(const Json *object, bool pod);
    void index(const Facts &was, const Facts &is, bool before, bool after, const std::string &key,
               const ObjectPtr &object, const ResourceInfo *resource);
    void notify(const Change &change, std::string_view nodeBefore, std::string_view nodeAfter);
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
    HashMap<Objects> m_podsByNode;
    HashMap<Objects> m_byOwner; // controller uid -> objects
    HashMap<OwnedPodCounts> m_podCounts; // controller uid -> counts of its pods
    std::map<int, Subscription> m_listeners;
    // Ids of subscriptions without a node filter, ascending: by resource, and those for every
    // resource (key nullptr), so a change visits only the listeners it concerns.
    std::map<const ResourceInfo *, std::vector<int>> m_resourceListeners;
    HashMap<std::vector<int>> m_nodeListeners; // node -> subscription ids
    int m_nextListener = 1;
    std::int64_t m_revision = 0;
};

/// spec.nodeName of a pod, or "".
std::string podNodeName(const Json &pod);
/// The same without a copy: a view into `pod` (valid while it lives).
std::string_view podNodeNameView(const Json &pod);

} // namespace quorum::cluster
