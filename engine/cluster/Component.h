#pragma once

// What a control-plane or node component sees of the world: a Runtime (virtual time, timers,
// randomness, the event stream) and an ApiClient (its connection to some API server: a cache to
// read, writes that complete later). The driver (engine/clustersim) implements both; components
// never see etcd, the network or other components directly.
//
// Thread rules: one thread (the simulation's). Callbacks run from the driver's event queue.

#include "engine/cluster/ObjectCache.h"
#include "engine/telemetry/Event.h"

#include <cstdint>
#include <functional>
#include <string>

namespace quorum::cluster {

/// Kinds of event the engine reports: engine/telemetry's list, one for both.
using EventKind = telemetry::EventKind;

/// One event, in the spirit of `kubectl get events`.
struct ClusterEvent {
    Micros time = 0;
    EventKind kind = EventKind::Info;
    bool warning = false;   ///< Kubernetes event type Warning (else Normal)
    std::string object;     ///< "pod/default/web-1", "node/worker-1", "lease/kube-system/kube-scheduler"
    std::string reason;     ///< "Scheduled", "NodeNotReady", ...
    std::string message;
};

class Runtime {
public:
    virtual ~Runtime() = default;
    virtual Micros now() const = 0;
    /// Runs `action` after `delay` of virtual time.
    virtual void after(Micros delay, std::function<void()> action) = 0;
    /// The run's seeded randomness.
    virtual std::uint64_t random() = 0;
    /// Reports an event (time is filled in by the runtime when 0).
    virtual void emit(ClusterEvent event) = 0;
};

/// Outcome of an API request, as kube-apiserver's status reasons.
enum class ApiStatus { Ok, NotFound, AlreadyExists, Conflict, Invalid, Unavailable, Timeout };

struct ApiResult {
    ApiStatus status = ApiStatus::Ok;
    std::string message;
    ObjectPtr object;  ///< the object as stored (create/update), the deleted one (delete)
    bool ok() const { return status == ApiStatus::Ok; }
};
using ApiCallback = std::function<void(const ApiResult &)>;

/// A component's connection to the API. Requests go to the API server the client is connected
/// to; when none can be reached they fail with Unavailable.
class ApiClient {
public:
    virtual ~ApiClient() = default;
    /// The watch cache of the connected API server; nullptr while disconnected.
    virtual const ObjectCache *cache() = 0;
    /// Calls `listener` for changes as ObjectCache::subscribe does, across reconnects: after
    /// connecting to another API server it is called once with a Change whose resource is null
    /// (resync everything). Returns an id for unsubscribe.
    virtual int subscribe(ObjectCache::Listener listener, const ResourceInfo *resource = nullptr,
                          std::string node = {}) = 0;
    virtual void unsubscribe(int id) = 0;
    /// Creates the object (metadata.name or generateName required).
    virtual void create(Json object, ApiCallback done) = 0;
    /// Replaces the object if its metadata.resourceVersion is still current (else Conflict).
    virtual void update(Json object, ApiCallback done) = 0;
    /// Deletes the object (resourceVersion 0: unconditionally). Pods and objects with a
    /// positive grace period are marked (deletionTimestamp) instead, as kube-apiserver does.
    virtual void remove(const ResourceInfo &resource, const std::string &ns, const std::string &name,
                        std::int64_t resourceVersion, ApiCallback done, bool force = false) = 0;
};

/// Base of every component: start/stop and timers that die with the component's current life,
/// so that a stopped (killed) component never acts again until restarted.
class Component {
public:
    Component(Runtime &runtime, ApiClient &api, std::string name);
    virtual ~Component() = default;
    Component(const Component &) = delete;
    Component &operator=(const Component &) = delete;

    void start();
    void stop();
    bool running() const { return m_running; }
    const std::string &name() const { return m_name; }

protected:
    virtual void onStart() {}
    virtual void onStop() {}
    /// Runs `action` after `delay`, unless the component stopped meanwhile.
    void later(Micros delay, std::function<void()> action);
    /// Runs `action` every `period` (first after `firstDelay`) while the component runs.
    void every(Micros period, Micros firstDelay, std::function<void()> action);
    /// Wraps an API callback so that it is dropped if the component stopped meanwhile.
    ApiCallback guarded(ApiCallback done);
    void emit(EventKind kind, bool warning, std::string object, std::string reason, std::string message);

    Runtime &m_runtime;
    ApiClient &m_api;

private:
    std::string m_name;
    std::uint64_t m_life = 0;
    bool m_running = false;
};

} // namespace quorum::cluster
