#include "engine/clustersim/ApiServer.h"

#include "engine/store/Command.h"

#include <algorithm>
#include <cstdio>

namespace quorum::clustersim {

using cluster::kSecond;
namespace res = cluster::res;

namespace {

const char *const kRegistry = "/registry/";
const char *const kRegistryEnd = "/registry0"; // '0' follows '/'

std::string notFound(const ResourceInfo &r, const std::string &name)
{
    return std::string(r.plural) + " \"" + name + "\" not found";
}

bool hasSpec(const ResourceInfo &r)
{
    const std::string kind = r.kind;
    return kind != "Event" && kind != "Endpoints" && kind != "ConfigMap" && kind != "Secret" &&
           kind != "ServiceAccount" && kind != "Role" && kind != "RoleBinding";
}

} // namespace

ApiServer::ApiServer(std::string node, sim::Simulation &etcd, cluster::Runtime &runtime, ApiServerOptions options,
                     std::uint64_t requestIdBase, ObjectDecoder &decoder)
    : m_node(std::move(node))
    , m_etcd(etcd)
    , m_runtime(runtime)
    , m_options(options)
    , m_decoder(decoder)
    , m_nextRequest(requestIdBase)
{
}

void ApiServer::start(raft::NodeId member)
{
    m_up = true;
    ++m_life;
    m_member = member;
    m_watch = 0;
    m_memberIncarnation = ~0ULL;
    syncWatch();
}

void ApiServer::stop()
{
    m_up = false;
    ++m_life;
    for (const auto &[id, pending] : m_pending)
        dropExpected(pending);
    m_pending.clear();
    if (m_watch && m_etcd.isUp(m_member) && m_etcd.incarnation(m_member) == m_memberIncarnation)
        m_etcd.kv(m_member).cancelWatch(m_watch);
    m_watch = 0;
}

bool ApiServer::healthy() const
{
    if (!m_up || !m_etcd.isUp(m_member))
        return false;
    return m_etcd.node(m_member).raft().lead() != raft::kNone;
}

ObjectPtr ApiServer::decode(const store::KeyValue &kv, ObjectCache::Facts &facts) const
{
    return m_decoder.decode(kv, m_node, &facts);
}

void ApiServer::rewatch()
{
    // The member restarted (a new store): watch again from where the cache is. If that history
    // is compacted away, relist.
    store::KvStore &kv = m_etcd.kv(m_member);
    m_memberIncarnation = m_etcd.incarnation(m_member);
    store::WatchCreateResult w = kv.watch(kRegistry, kRegistryEnd, m_cache.revision() + 1);
    if (w.error == store::Error::Compacted) {
        m_cache.clear();
        store::Range all;
        all.key = kRegistry;
        all.rangeEnd = kRegistryEnd;
        all.revision = m_etcd.storeRevision(m_member); // what the member shows (see syncWatch)
        store::RangeResult r = kv.range(all);
        if (r.error == store::Error::Compacted) { // by a compaction applied ahead: the latest
            all.revision = 0;
            r = kv.range(all);
        }
        // (A range's header revision is the store's; the list is as of all.revision.)
        const std::int64_t listedAt = all.revision > 0 ? all.revision : r.revision;
        ObjectCache::Facts facts;
        for (const store::KeyValue &item : r.kvs)
            if (ObjectPtr o = decode(item, facts))
                m_cache.put(item.key, std::move(o), listedAt, facts);
        w = kv.watch(kRegistry, kRegistryEnd, listedAt + 1);
    }
    m_watch = w.id;
}

void ApiServer::syncWatch()
{
    if (!m_up || !m_etcd.isUp(m_member))
        return;
    if (m_etcd.incarnation(m_member) != m_memberIncarnation || m_watch == 0)
        rewatch();
    // Up to what the member has finished applying (its store may hold entries applied ahead,
    // sim::SimOptions::applyThread).
    store::WatchBatch batch = m_etcd.kv(m_member).takeEvents(m_watch, m_etcd.storeRevision(m_member));
    if (!batch.exists || batch.error == store::Error::Compacted) {
        m_watch = 0;
        m_memberIncarnation = ~0ULL;
        return;
    }
    ObjectCache::Facts facts;
    for (const store::Event &e : batch.events) {
        if (!cluster::resourceForKey(e.kv.key))
            continue;
        if (e.type == store::EventType::Delete) {
            m_decoder.forget(e.kv.key);
            m_cache.erase(e.kv.key, e.kv.modRevision);
        }
        else if (ObjectPtr o = decode(e.kv, facts))
            m_cache.put(e.kv.key, std::move(o), e.kv.modRevision, facts);
    }
}

void ApiServer::onApplied(raft::NodeId member, const store::ApplyResult &result)
{
    if (!m_up || member != m_member)
        return;
    syncWatch();
    auto it = m_pending.find(result.requestId);
    if (it == m_pending.end())
        return;
    Pending p = std::move(it->second);
    m_pending.erase(it);
    if (result.ok()) {
        const Micros now = m_runtime.now();
        m_writeTimes.push_back(WriteTime{now, now - p.proposedAt});
        while (m_writeTimes.front().appliedAt < now - kWriteTimesKept)
            m_writeTimes.pop_front();
    }
    ApiResult answerResult;
    if (!result.ok() || !result.succeeded)
        dropExpected(p);
    if (!result.ok()) {
        answerResult.status = ApiStatus::Unavailable;
        answerResult.message = "etcdserver: " + result.message;
    } else if (!result.succeeded) {
        switch (p.op) {
        case Pending::Op::Create:
            answerResult.status = ApiStatus::AlreadyExists;
            answerResult.message = std::string(p.resource->plural) + " \"" + p.name + "\" already exists";
            break;
        case Pending::Op::Update:
            answerResult.status = ApiStatus::Conflict;
            answerResult.message = "Operation cannot be fulfilled on " + std::string(p.resource->plural) + " \"" + p.name +
                                   "\": the object has been modified; please apply your changes to the latest version and try again";
            break;
        case Pending::Op::Delete:
            answerResult.status = ApiStatus::Conflict;
            answerResult.message = "Precondition failed: the object changed; cannot delete " + std::string(p.resource->plural) +
                                   " \"" + p.name + "\"";
            break;
        }
    } else {
        answerResult.object = m_cache.get(p.key);
    }
    answer(p.done, std::move(answerResult));
}

void ApiServer::answer(const ApiCallback &done, ApiResult result)
{
    if (!result.ok())
        ++m_failures;
    if (!done)
        return;
    // The response travels back to the client.
    m_runtime.after(500, [done, result = std::move(result)] { done(result); });
}

store::Put ApiServer::putOf(const std::string &key, Json object, std::uint64_t &valueHash)
{
    store::Put put{key, object.dump(), 0, false};
    valueHash = m_decoder.expect(key, put.value, std::move(object));
    return put;
}

void ApiServer::dropExpected(const Pending &pending)
{
    if (pending.valueHash)
        m_decoder.unexpect(pending.key, pending.valueHash);
}

void ApiServer::propose(Pending pending, store::Command::Body body)
{
    ++m_requests;
    const std::uint64_t id = m_nextRequest++;
    store::Command command{id, std::move(body)};
    if (!m_etcd.isUp(m_member)) {
        dropExpected(pending);
        answer(pending.done, ApiResult{ApiStatus::Unavailable, "etcdserver: request timed out, possibly due to connection lost", nullptr});
        return;
    }
    const raft::ProposeResult r = m_etcd.propose(m_member, store::encodeCommand(command));
    if (r != raft::ProposeResult::Ok) {
        dropExpected(pending);
        answer(pending.done, ApiResult{ApiStatus::Unavailable, "etcdserver: no leader", nullptr});
        return;
    }
    pending.life = m_life;
    pending.proposedAt = m_runtime.now();
    m_pending.emplace(id, std::move(pending));
    const std::uint64_t life = m_life;
    m_runtime.after(m_options.requestTimeout, [this, id, life] {
        if (life != m_life)
            return;
        auto it = m_pending.find(id);
        if (it == m_pending.end())
            return;
        ApiCallback done = std::move(it->second.done);
        dropExpected(it->second); // if it commits after all, the decoder parses it
        m_pending.erase(it);
        answer(done, ApiResult{ApiStatus::Timeout, "etcdserver: request timed out", nullptr});
    });
}

void ApiServer::writeLatencies(Micros from, Micros to, std::vector<double> &outMs) const
{
    auto it = std::lower_bound(m_writeTimes.begin(), m_writeTimes.end(), from,
                               [](const WriteTime &w, Micros t) { return w.appliedAt < t; });
    for (; it != m_writeTimes.end() && it->appliedAt < to; ++it)
        outMs.push_back(static_cast<double>(it->latency) / 1000.0);
}

std::string ApiServer::randomSuffix()
{
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    std::string out;
    std::uint64_t r = m_runtime.random();
    for (int i = 0; i < 5; ++i) {
        out += alphabet[r % 27];
        r /= 27;
    }
    return out;
}

std::string ApiServer::newUid()
{
    const std::uint64_t a = m_runtime.random();
    const std::uint64_t b = m_runtime.random();
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08llx-%04llx-4%03llx-a%03llx-%012llx",
                  static_cast<unsigned long long>(a >> 32), static_cast<unsigned long long>((a >> 16) & 0xffff),
                  static_cast<unsigned long long>(a & 0xfff), static_cast<unsigned long long>(b >> 52),
                  static_cast<unsigned long long>(b & 0xffffffffffffULL));
    return buf;
}

void ApiServer::create(Json object, ApiCallback done)
{
    const ResourceInfo *r = cluster::resourceForKind(object.value("kind", std::string()));
    if (!r) {
        answer(done, ApiResult{ApiStatus::Invalid, "no kind \"" + object.value("kind", std::string()) + "\" is registered", nullptr});
        return;
    }
    Json &meta = object["metadata"];
    if (cluster::nameOf(object).empty()) {
        const std::string prefix = meta.value("generateName", std::string());
        if (prefix.empty()) {
            answer(done, ApiResult{ApiStatus::Invalid, std::string(r->kind) + ": metadata.name: Required value: name or generateName is required", nullptr});
            return;
        }
        meta["name"] = prefix + randomSuffix();
    }
    const std::string ns = cluster::namespaceOf(object);
    if (r->namespaced) {
        if (ns.empty()) {
            answer(done, ApiResult{ApiStatus::Invalid, "metadata.namespace: Required value", nullptr});
            return;
        }
        if (!m_cache.get(res::namespaces(), "", ns)) {
            answer(done, ApiResult{ApiStatus::NotFound, "namespaces \"" + ns + "\" not found", nullptr});
            return;
        }
    }
    meta.erase("resourceVersion");
    meta["uid"] = newUid();
    meta["creationTimestamp"] = cluster::formatTime(m_runtime.now());
    if (hasSpec(*r))
        meta["generation"] = 1;
    if (r == &res::pods()) {
        // DefaultTolerationSeconds admission.
        Json &tolerations = object["spec"]["tolerations"];
        if (!tolerations.is_array())
            tolerations = Json::array();
        for (const char *key : {"node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"}) {
            bool have = false;
            for (const Json &t : tolerations)
                have = have || (t.value("key", std::string()) == key && t.value("effect", std::string("NoExecute")) == "NoExecute") ||
                       (t.value("key", std::string()).empty() && t.value("operator", std::string()) == "Exists");
            if (!have)
                tolerations.push_back(Json{{"key", key}, {"operator", "Exists"}, {"effect", "NoExecute"}, {"tolerationSeconds", 300}});
        }
        if (!object.contains("status"))
            object["status"] = Json{{"phase", "Pending"}};
    }
    const std::string key = cluster::registryKey(*r, ns, cluster::nameOf(object));
    store::Txn txn;
    txn.compares.push_back(store::Compare{store::Compare::Target::CreateRevision, store::Compare::Op::Equal, key, {}, 0, {}});
    std::string name = cluster::nameOf(object);
    std::uint64_t hash = 0;
    txn.success.push_back(putOf(key, std::move(object), hash));
    propose(Pending{std::move(done), key, Pending::Op::Create, std::move(name), r, 0, hash}, std::move(txn));
}

void ApiServer::update(Json object, ApiCallback done)
{
    const std::string key = cluster::keyOf(object);
    const ResourceInfo *r = cluster::resourceForKey(key);
    if (!r) {
        answer(done, ApiResult{ApiStatus::Invalid, "unknown kind", nullptr});
        return;
    }
    const std::string name = cluster::nameOf(object);
    ObjectPtr current = m_cache.get(key);
    if (!current) {
        answer(done, ApiResult{ApiStatus::NotFound, notFound(*r, name), nullptr});
        return;
    }
    const std::int64_t rv = cluster::resourceVersionOf(object);
    const std::int64_t currentRv = cluster::resourceVersionOf(*current);
    if (rv != 0 && rv != currentRv) {
        answer(done, ApiResult{ApiStatus::Conflict,
                               "Operation cannot be fulfilled on " + std::string(r->plural) + " \"" + name +
                                   "\": the object has been modified; please apply your changes to the latest version and try again",
                               nullptr});
        return;
    }
    admitUpdate(object, *current, *r);
    store::Txn txn;
    txn.compares.push_back(store::Compare{store::Compare::Target::ModRevision, store::Compare::Op::Equal, key, {}, currentRv, {}});
    std::uint64_t hash = 0;
    txn.success.push_back(putOf(key, std::move(object), hash));
    propose(Pending{std::move(done), key, Pending::Op::Update, name, r, 0, hash}, std::move(txn));
}

void ApiServer::admitUpdate(Json &object, const Json &current, const ResourceInfo &resource)
{
    Json &meta = object["metadata"];
    const Json &cmeta = current["metadata"];
    meta["uid"] = cmeta.value("uid", std::string());
    meta["creationTimestamp"] = cmeta.value("creationTimestamp", std::string());
    if (cmeta.contains("deletionTimestamp"))
        meta["deletionTimestamp"] = cmeta["deletionTimestamp"];
    if (hasSpec(resource)) {
        const std::int64_t generation = cluster::generationOf(current);
        // Compare in place: value() would copy both specs.
        static const Json kNull;
        auto specOf = [](const Json &o) -> const Json & {
            auto it = o.find("spec");
            return it == o.end() ? kNull : *it;
        };
        const bool specChanged = specOf(object) != specOf(current);
        meta["generation"] = generation + (specChanged ? 1 : 0);
    }
    meta.erase("resourceVersion");
}

struct ApiServer::PreparedUpdate {
    Json object;                // the request's, untouched (the usual path takes it)
    std::string key;
    const ResourceInfo *resource = nullptr;
    ObjectPtr current;          // what the cache held at sending (null: nothing prepared)
    std::uint64_t job = 0;      // the worker's job filling in what follows (0: none)
    bool prepared = false;      // the resourceVersion matched `current`: admitted and encoded
    std::string name;
    Json admitted;
    std::string bytes;
    std::uint64_t hash = 0;
};

std::shared_ptr<ApiServer::PreparedUpdate> ApiServer::prepareUpdate(Json object, sim::ApplyWorker &worker)
{
    auto p = std::make_shared<PreparedUpdate>();
    p->object = std::move(object);
    p->key = cluster::keyOf(p->object);
    p->resource = cluster::resourceForKey(p->key);
    if (p->resource)
        p->current = m_cache.get(p->key);
    if (!p->current)
        return p;
    // Both objects are immutable or this job's alone until it has run.
    p->job = worker.submit([p] {
        const std::int64_t rv = cluster::resourceVersionOf(p->object);
        if (rv == 0 || rv == cluster::resourceVersionOf(*p->current)) {
            p->name = cluster::nameOf(p->object);
            p->admitted = p->object;
            admitUpdate(p->admitted, *p->current, *p->resource);
            p->bytes = p->admitted.dump();
            p->hash = std::hash<std::string_view>{}(p->bytes);
            p->prepared = true;
        }
    });
    return p;
}

void ApiServer::update(const std::shared_ptr<PreparedUpdate> &p, ApiCallback done)
{
    ++m_prepared;
    if (p->job)
        m_etcd.applyThread()->waitFor(p->job); // at once when it has run
    ObjectPtr current = p->prepared ? m_cache.get(p->key) : nullptr;
    if (!current || current != p->current) {
        update(std::move(p->object), std::move(done));
        return;
    }
    // What update(p->object) would do with this same `current`. The request's own object is
    // not needed: it dies on the worker's thread.
    ++m_preparedUsed;
    if (sim::ApplyWorker *worker = m_etcd.applyThread())
        worker->submit([object = std::move(p->object)] { (void)object; });
    const std::int64_t currentRv = cluster::resourceVersionOf(*current);
    store::Txn txn;
    txn.compares.push_back(store::Compare{store::Compare::Target::ModRevision, store::Compare::Op::Equal, p->key, {}, currentRv, {}});
    m_decoder.expectHashed(p->key, p->hash, std::move(p->admitted));
    txn.success.push_back(store::Put{p->key, std::move(p->bytes), 0, false});
    propose(Pending{std::move(done), p->key, Pending::Op::Update, p->name, p->resource, 0, p->hash}, std::move(txn));
}

void ApiServer::remove(const ResourceInfo &resource, const std::string &ns, const std::string &name,
                       std::int64_t resourceVersion, ApiCallback done, bool force)
{
    const std::string key = cluster::registryKey(resource, ns, name);
    ObjectPtr current = m_cache.get(key);
    if (!current) {
        answer(done, ApiResult{ApiStatus::NotFound, notFound(resource, name), nullptr});
        return;
    }
    const std::int64_t currentRv = cluster::resourceVersionOf(*current);
    if (resourceVersion != 0 && resourceVersion != currentRv) {
        answer(done, ApiResult{ApiStatus::Conflict, "Precondition failed: UID in precondition changed", nullptr});
        return;
    }
    // Graceful deletion of a pod that runs somewhere: mark it; its kubelet deletes it for good.
    if (&resource == &res::pods() && !force && !cluster::podNodeName(*current).empty()) {
        if (cluster::isTerminating(*current)) {
            answer(done, ApiResult{ApiStatus::Ok, {}, current});
            return;
        }
        Json marked = *current;
        marked["metadata"]["deletionTimestamp"] = cluster::formatTime(m_runtime.now() + m_options.podDeletionGrace);
        marked["metadata"]["deletionGracePeriodSeconds"] = m_options.podDeletionGrace / kSecond;
        marked["metadata"].erase("resourceVersion");
        store::Txn txn;
        txn.compares.push_back(store::Compare{store::Compare::Target::ModRevision, store::Compare::Op::Equal, key, {}, currentRv, {}});
        std::uint64_t hash = 0;
        txn.success.push_back(putOf(key, std::move(marked), hash));
        propose(Pending{std::move(done), key, Pending::Op::Update, name, &resource, 0, hash}, std::move(txn));
        return;
    }
    store::Txn txn;
    txn.compares.push_back(store::Compare{store::Compare::Target::ModRevision, store::Compare::Op::Equal, key, {}, currentRv, {}});
    txn.success.push_back(store::DeleteRange{key, {}, false});
    // The answer carries the object as it was.
    auto wrapped = [done = std::move(done), current](const ApiResult &r) {
        ApiResult out = r;
        if (out.ok())
            out.object = current;
        if (done)
            done(out);
    };
    propose(Pending{std::move(wrapped), key, Pending::Op::Delete, name, &resource, 0, 0}, std::move(txn));
}

} // namespace quorum::clustersim
