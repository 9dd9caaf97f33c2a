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
    void index(const ObjectPtr &before, const ObjectPtr &after, const std::string &key, const ResourceInfo *resource);
    void notify(const Change &change);
    struct Subscription {
        Listener listener;
        const ResourceInfo *resource = nullptr;
        std::string node;
    };

    std::map<const ResourceInfo *, Objects> m_objects;
    // Transparent comparators: looked up by views into the objects, without a copy.
    std::map<std::string, Objects, std::less<>> m_podsByNode;
    std::map<std::string, Objects, std::less<>> m_byOwner; // controller uid -> objects
    std::map<std::string, OwnedPodCounts, std::less<>> m_podCounts; // controller uid -> counts of its pods
    std::map<int, Subscription> m_listeners;
    // Ids of subscriptions without a node filter, ascending: by resource, and those for every
    // resource (key nullptr), so a change visits only the listeners it concerns.
    std::map<const ResourceInfo *, std::vector<int>> m_resourceListeners;
    std::map<std::string, std::vector<int>, std::less<>> m_nodeListeners; // node -> subscription ids
    int m_nextListener = 1;
    std::int64_t m_revision = 0;
};

/// spec.nodeName of a pod, or "".
std::string podNodeName(const Json &pod);
/// The same without a copy: a view into `pod` (valid while it lives).
std::string_view podNodeNameView(const Json &pod);

} // namespace quorum::cluster
