#include "engine/cluster/SchedulerService.h"

#include "engine/cluster/Kubelet.h"
#include "engine/cluster/SchedulerInput.h"
#include "engine/cluster/Workloads.h"

namespace quorum::cluster {

namespace {

bool isPending(const Json &pod)
{
    return podNodeName(pod).empty() && isActivePod(pod);
}

} // namespace

SchedulerService::SchedulerService(Runtime &runtime, ApiClient &api, SchedulerServiceConfig config)
    : Component(runtime, api, "kube-scheduler/" + config.identity)
    , m_config(config)
    , m_elector(runtime, api, "kube-scheduler", config.identity, config.election, [this] { startLeading(); },
                [this] { stopLeading(); })
{
}

void SchedulerService::onStart()
{
    m_elector.start();
    if (m_config.unschedulableFlush > 0)
        every(m_config.unschedulableFlush, m_config.unschedulableFlush, [this] {
            if (m_leading)
                flushUnschedulable();
        });
}

void SchedulerService::onStop()
{
    m_elector.stop();
    stopLeading();
}

void SchedulerService::startLeading()
{
    m_leading = true;
    m_subscriptions.push_back(m_api.subscribe([this](const ObjectCache::Change &c) { onChange(c); }, &res::pods()));
    m_subscriptions.push_back(m_api.subscribe([this](const ObjectCache::Change &c) { onChange(c); }, &res::nodes()));
    rebuild();
}

void SchedulerService::stopLeading()
{
    m_leading = false;
    for (int id : m_subscriptions)
        m_api.unsubscribe(id);
    m_subscriptions.clear();
    m_scheduler.reset();
    m_state.reset();
    m_queue.clear();
    m_queued.clear();
    m_unschedulable.clear();
    m_binding.clear();
}

void SchedulerService::rebuild()
{
    m_scheduler.reset();
    m_state = std::make_unique<scheduler::ClusterState>();
    scheduler::SchedulerOptions options;
    options.seed = m_config.seed;
    m_scheduler = std::make_unique<scheduler::Scheduler>(*m_state, options);
    m_scheduler->setRandomSource([this] { return m_runtime.random(); });
    m_queue.clear();
    m_queued.clear();
    m_unschedulable.clear();
    m_binding.clear();
    const ObjectCache *cache = m_api.cache();
    if (!cache)
        return;
    for (const auto &[key, node] : cache->list(res::nodes()))
        m_state->addNode(toNodeInfo(*node));
    for (const auto &[key, pod] : cache->list(res::pods())) {
        if (!isActivePod(*pod))
            continue;
        if (podNodeName(*pod).empty())
            enqueue(key);
        else
            m_state->bindPod(toPodSpec(*pod, cache), podNodeName(*pod));
    }
}

void SchedulerService::onChange(const ObjectCache::Change &change)
{
    if (!m_leading || !m_state)
        return;
    if (!change.resource) {
        rebuild(); // connected to another API server: start from its cache
        return;
    }
    const ObjectCache *cache = m_api.cache();
    if (change.resource == &res::nodes()) {
        if (!change.after)
            m_state->removeNode(nameOf(*change.before));
        else if (!m_state->updateNode(toNodeInfo(*change.after)))
            m_state->addNode(toNodeInfo(*change.after));
        flushUnschedulable();
        return;
    }
    // Pods.
    const Json *pod = change.after ? change.after.get() : change.before.get();
    const std::string ns = namespaceOf(*pod);
    const std::string name = nameOf(*pod);
    const bool boundBefore = change.before && !podNodeName(*change.before).empty() && isActivePod(*change.before);
    const bool boundAfter = change.after && !podNodeName(*change.after).empty() && isActivePod(*change.after);
    if (boundAfter) {
        m_binding.erase(change.key);
        if (!m_state->findPod(ns, name))
            m_state->bindPod(toPodSpec(*change.after, cache), podNodeName(*change.after));
    } else if (boundBefore || (!change.after && m_state->findPod(ns, name))) {
        m_state->removePod(ns, name);
        flushUnschedulable(); // room freed
    }
    if (change.after && isPending(*change.after) && !m_binding.count(change.key) && !m_unschedulable.count(change.key))
        enqueue(change.key);
    if (!change.after || !isActivePod(*change.after)) {
        m_unschedulable.erase(change.key);
        if (!change.after && m_state->findPod(ns, name))
            m_state->removePod(ns, name);
    }
}

void SchedulerService::enqueue(const std::string &key)
{
    if (!m_queued.insert(key).second)
        return;
    m_queue.push_back(key);
    if (!m_scheduled) {
        m_scheduled = true;
        later(0, [this] { process(); });
    }
}

void SchedulerService::flushUnschedulable()
{
    std::set<std::string> keys;
    keys.swap(m_unschedulable);
    for (const std::string &key : keys)
        enqueue(key);
}

void SchedulerService::process()
{
    m_scheduled = false;
    const ObjectCache *cache = m_api.cache();
    if (!m_leading || !cache || !m_scheduler)
        return;
    while (!m_queue.empty()) {
        const std::string key = m_queue.front();
        m_queue.pop_front();
        m_queued.erase(key);
        scheduleOne(*cache, key);
    }
}

void SchedulerService::scheduleOne(const ObjectCache &cache, const std::string &key)
{
    ObjectPtr pod = cache.get(key);
    if (!pod || !isPending(*pod) || m_binding.count(key))
        return;
    ++m_stats.attempts;
    scheduler::PodSpec spec = toPodSpec(*pod, &cache);
    scheduler::ScheduleResult result = m_scheduler->schedule(spec);
    const std::string ref = refOf(*pod);
    const std::string podName = namespaceOf(*pod) + "/" + nameOf(*pod);
    if (!result.scheduled()) {
        ++m_stats.unschedulable;
        m_unschedulable.insert(key);
        const std::string message = result.error ? result.error->message : "no nodes available to schedule pods";
        emit(EventKind::Scheduling, true, ref, "FailedScheduling", message);
        Json updated = *pod;
        Json conditions = Json::array({Json{{"type", "PodScheduled"},
                                            {"status", "False"},
                                            {"reason", "Unschedulable"},
                                            {"message", message}}});
        if (updated.value("status", Json::object()).value("conditions", Json::array()) != conditions) {
            updated["status"]["phase"] = "Pending";
            updated["status"]["conditions"] = conditions;
            m_api.update(std::move(updated), guarded([](const ApiResult &) {}));
        }
        return;
    }
    ++m_stats.scheduled;
    const std::string nodeName = result.nodeName;
    m_state->bindPod(spec, nodeName); // assume
    m_binding.insert(key);
    Json updated = *pod;
    updated["spec"]["nodeName"] = nodeName;
    updated["status"]["phase"] = "Pending";
    updated["status"]["conditions"] = Json::array({Json{{"type", "PodScheduled"}, {"status", "True"}}});
    m_api.update(std::move(updated), guarded([this, key, ref, podName, nodeName, ns = spec.ns, name = spec.name](const ApiResult &r) {
        if (r.ok()) {
            emit(EventKind::Scheduling, false, ref, "Scheduled",
                 "Successfully assigned " + podName + " to " + nodeName);
            return;
        }
        // Forget the assumption; the pod is retried.
        ++m_stats.bindFailures;
        m_binding.erase(key);
        if (m_state)
            m_state->removePod(ns, name);
        later(100 * kMs, [this, key] {
            if (m_leading)
                enqueue(key);
        });
    }));
}

} // namespace quorum::cluster
