#pragma once

// kube-apiserver on one control-plane node, over the simulated etcd cluster: its watch cache
// follows one etcd member's store through an etcd watch on "/registry/", and every write is a
// compare-and-swap transaction proposed to that member (which forwards it to the Raft leader),
// answered once the member has applied it — or failed with etcd's own messages when the member
// has no leader ("etcdserver: no leader") or the write does not commit within the request
// timeout ("etcdserver: request timed out"). So an API server on the minority side of a
// partition cannot write, and says so. Admission as kube-apiserver does for what the engine
// models: names from generateName, uid, creationTimestamp, generation, the
// DefaultTolerationSeconds tolerations on pods, NamespaceLifecycle; deleting a scheduled pod
// marks it (graceful deletion) and the kubelet finishes it.

#include "engine/cluster/Component.h"
#include "engine/clustersim/ObjectDecoder.h"
#include "engine/sim/Simulation.h"

#include <deque>
#include <map>
#include <memory>
#include <vector>

namespace quorum::clustersim {

using cluster::ApiCallback;
using cluster::ApiResult;
using cluster::ApiStatus;
using cluster::Json;
using cluster::Micros;
using cluster::ObjectCache;
using cluster::ObjectPtr;
using cluster::ResourceInfo;

struct ApiServerOptions {
    Micros requestTimeout = 7 * cluster::kSecond; ///< etcd's: 5 s + 2 x election timeout
    Micros podDeletionGrace = 30 * cluster::kSecond;
};

class ApiServer {
public:
    /// Request ids are requestIdBase + n, so several API servers never share one. `decoder`
    /// (shared by the API servers of one cluster) must outlive this.
    ApiServer(std::string node, sim::Simulation &etcd, cluster::Runtime &runtime, ApiServerOptions options,
              std::uint64_t requestIdBase, ObjectDecoder &decoder);

    const std::string &node() const { return m_node; }
    bool up() const { return m_up; }
    /// Starts serving, reading and writing through etcd member `member`.
    void start(raft::NodeId member);
    /// The process dies: requests in flight are never answered.
    void stop();
    raft::NodeId member() const { return m_member; }
    /// /healthz: up, and its etcd member is up and knows a leader.
    bool healthy() const;

    ObjectCache &cache() { return m_cache; }
    /// Called by the driver after member `member` applied an entry with this result.
    void onApplied(raft::NodeId member, const store::ApplyResult &result);

    void create(Json object, ApiCallback done);
    void update(Json object, ApiCallback done);

    /// An update's admission and encoding, done on the simulation's second thread while the
    /// request travels (Connection::update): against the object this server's cache holds at
    /// sending, the fields the server sets, the bytes and their hash. On arrival, if the cache
    /// still holds that same object, they are what update() would compute and are used as
    /// they are; otherwise the request's object is admitted as usual.
    struct PreparedUpdate;
    /// Called when the request is sent; `worker` runs the preparation.
    std::shared_ptr<PreparedUpdate> prepareUpdate(Json object, sim::ApplyWorker &worker);
    /// Called when it arrives.
    void update(const std::shared_ptr<PreparedUpdate> &prepared, ApiCallback done);
    /// Updates that arrived prepared, and of those, how many were used as prepared.
    std::uint64_t preparedUpdates() const { return m_prepared; }
    std::uint64_t preparedUsed() const { return m_preparedUsed; }
    void remove(const ResourceInfo &resource, const std::string &ns, const std::string &name,
                std::int64_t resourceVersion, ApiCallback done, bool force);

    std::uint64_t requests() const { return m_requests; }
    std::uint64_t failures() const { return m_failures; }
    /// Appends to `outMs` the latency, in milliseconds, of each write this server proposed and
    /// its etcd member applied (committed, compare-and-swap won or lost) at a time in
    /// [from, to): proposal to apply, as kube-apiserver's etcd request duration counts it.
    /// Writes applied more than kWriteTimesKept before the last one are forgotten.
    void writeLatencies(Micros from, Micros to, std::vector<double> &outMs) const;
    static constexpr Micros kWriteTimesKept = 60 * cluster::kSecond;

private:
    struct Pending {
        ApiCallback done;
        std::string key;
        enum class Op { Create, Update, Delete } op = Op::Create;
        std::string name;
        const ResourceInfo *resource = nullptr;
        std::uint64_t life = 0;
        std::uint64_t valueHash = 0; // of the object put, handed to the decoder (0: none)
        Micros proposedAt = 0;
    };
    struct WriteTime {
        Micros appliedAt;
        Micros latency;
    };

    /// What update() sets on `object` (metadata from `current`, generation, no resourceVersion).
    static void admitUpdate(Json &object, const Json &current, const ResourceInfo &resource);
    void syncWatch();
    void rewatch();
    void propose(Pending pending, store::Command::Body body);
    /// The put of `object` at `key` (its bytes; the object goes to the decoder, see
    /// ObjectDecoder::expect); `valueHash` receives the bytes' hash for the Pending.
    store::Put putOf(const std::string &key, Json object, std::uint64_t &valueHash);
    /// The pending write will never be seen through the watch: the decoder drops its object.
    void dropExpected(const Pending &pending);
    void answer(const ApiCallback &done, ApiResult result);
    /// The decoded object at kv and, in `facts`, its watch-cache facts (both shared with the
    /// other API servers' caches through the decoder).
    ObjectPtr decode(const store::KeyValue &kv, ObjectCache::Facts &facts) const;
    std::string randomSuffix();
    std::string newUid();

    std::string m_node;
    sim::Simulation &m_etcd;
    cluster::Runtime &m_runtime;
    ApiServerOptions m_options;
    ObjectDecoder &m_decoder;
    ObjectCache m_cache;
    raft::NodeId m_member = raft::kNone;
    std::uint64_t m_memberIncarnation = 0;
    store::WatchId m_watch = 0;
    bool m_up = false;
    std::uint64_t m_life = 0;
    std::uint64_t m_nextRequest;
    std::map<std::uint64_t, Pending> m_pending; // by request id
    std::uint64_t m_requests = 0;
    std::uint64_t m_failures = 0;
    std::uint64_t m_prepared = 0;
    std::uint64_t m_preparedUsed = 0;
    std::deque<WriteTime> m_writeTimes; // by appliedAt
};

} // namespace quorum::clustersim
