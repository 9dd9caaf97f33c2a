#include "engine/cluster/Kubelet.h"

#include "engine/cluster/AttachDetach.h"
#include "engine/cluster/StatefulSets.h"
#include "engine/model/TopologyYaml.h"

#include <algorithm>

namespace quorum::cluster {

namespace {

const char *const kExitAfterAnnotation = "sim.quorum.studio/exit-after";
const char *const kUnhealthyAfterAnnotation = "sim.quorum.studio/unhealthy-after";

const Json *firstContainer(const Json &pod)
{
    auto spec = pod.find("spec");
    if (spec == pod.end())
        return nullptr;
    auto containers = spec->find("containers");
    if (containers == spec->end() || !containers->is_array() || containers->empty())
        return nullptr;
    return &(*containers)[0];
}

std::string metadataField(const Json &object, const char *field)
{
    auto meta = object.find("metadata");
    if (meta == object.end())
        return {};
    return meta->value(field, std::string());
}

std::optional<Micros> annotationDuration(const Json &pod, const char *annotation);

std::optional<Micros> exitAfter(const Json &pod)
{
    return annotationDuration(pod, kExitAfterAnnotation);
}

/// A probe's schedule and threshold (Kubernetes defaults: period 10 s, failureThreshold 3).
struct ProbeSpec {
    Micros initialDelay = 0;
    Micros period = 10 * kSecond;
    int failureThreshold = 3;
};

std::optional<ProbeSpec> probeOf(const Json *container, const char *field)
{
    if (!container || !container->contains(field))
        return std::nullopt;
    const Json &p = (*container)[field];
    ProbeSpec s;
    s.initialDelay = std::max(0, p.value("initialDelaySeconds", 0)) * kSecond;
    s.period = std::max(1, p.value("periodSeconds", 10)) * kSecond;
    s.failureThreshold = std::max(1, p.value("failureThreshold", 3));
    return s;
}

/// When the probe fails for the failureThreshold-th time in a row, for a container started at
/// `started` whose probes run at started + initialDelay + phase + k * period and fail from
/// `unhealthyAt` on.
Micros failureTime(const ProbeSpec &probe, Micros started, Micros phase, Micros unhealthyAt)
{
    const Micros first = started + probe.initialDelay + phase;
    const Micros k = unhealthyAt <= first ? 0 : (unhealthyAt - first + probe.period - 1) / probe.period;
    return first + (k + probe.failureThreshold - 1) * probe.period;
}

std::optional<Micros> annotationDuration(const Json &pod, const char *annotation)
{
    auto meta = pod.find("metadata");
    if (meta == pod.end())
        return std::nullopt;
    auto annotations = meta->find("annotations");
    if (annotations == meta->end() || !annotations->is_object())
        return std::nullopt;
    auto it = annotations->find(annotation);
    if (it == annotations->end() || !it->is_string())
        return std::nullopt;
    const auto ms = model::parseDurationMs(it->get<std::string>());
    if (!ms || *ms <= 0)
        return std::nullopt;
    return *ms * kMs;
}

Json condition(const char *type, bool value)
{
    return Json{{"type", type}, {"status", value ? "True" : "False"}};
}

} // namespace

std::string nodeReadyStatus(const Json &node)
{
    auto status = node.find("status");
    if (status == node.end())
        return {};
    auto conditions = status->find("conditions");
    if (conditions == status->end() || !conditions->is_array())
        return {};
    for (const Json &c : *conditions)
        if (c.value("type", std::string()) == "Ready")
            return c.value("status", std::string());
    return {};
}

namespace {

/// The string at object[field], or an empty view (no copy: these run for every pod often).
std::string_view stringField(const Json &object, const char *field)
{
    if (!object.is_object())
        return {};
    auto it = object.find(field);
    return it != object.end() && it->is_string() ? std::string_view(it->get_ref<const std::string &>()) : std::string_view();
}

} // namespace

bool podReady(const Json &pod)
{
    auto status = pod.find("status");
    if (status == pod.end())
        return false;
    auto conditions = status->find("conditions");
    if (conditions == status->end() || !conditions->is_array())
        return false;
    for (const Json &c : *conditions)
        if (stringField(c, "type") == "Ready")
            return stringField(c, "status") == "True";
    return false;
}

std::string podPhase(const Json &pod)
{
    return std::string(podPhaseView(pod));
}

std::string_view podPhaseView(const Json &pod)
{
    auto status = pod.find("status");
    if (status == pod.end() || !status->is_object())
        return "Pending";
    auto phase = status->find("phase");
    if (phase == status->end() || !phase->is_string())
        return "Pending";
    return phase->get_ref<const std::string &>();
}

Kubelet::Kubelet(Runtime &runtime, ApiClient &api, KubeletConfig config)
    : Component(runtime, api, "kubelet/" + config.nodeName)
    , m_config(std::move(config))
{
}

std::size_t Kubelet::runningPods() const
{
    return static_cast<std::size_t>(std::count_if(m_pods.begin(), m_pods.end(), [](const auto &p) {
        return p.second.stage == Stage::Running;
    }));
}

bool Kubelet::serving(const std::string &podKey) const
{
    auto it = m_pods.find(podKey);
    return (running() || m_orphaned) && it != m_pods.end() && it->second.stage == Stage::Running &&
           it->second.ready && it->second.healthy;
}

void Kubelet::stopProcess()
{
    if (!running())
        return;
    m_orphaned = true;
    stop();
}

void Kubelet::onStart()
{
    // A kubelet started on a booted node has no containers: whatever ran before died with the
    // node. One whose process alone had stopped adopts the containers still running (probes
    // and exits pending while it was away are not replayed).
    if (!m_orphaned)
        m_pods.clear();
    m_orphaned = false;
    m_statusInFlight.clear();
    m_statusDirty.clear();
    // Adopted pods report their status again (the node controller may have marked them not
    // Ready meanwhile), as the kubelet's status manager does at start.
    for (const auto &[key, local] : m_pods)
        m_statusDirty.insert(key);
    m_leaseInFlight = false;
    m_nodeInFlight = false;
    m_lastReport = -1;
    m_subscription = m_api.subscribe(
        [this](const ObjectCache::Change &change) {
            if (!change.resource)
                later(0, [this] { syncAll(); });
            else
                later(0, [this, key = change.key] { syncPod(key); });
        },
        &res::pods(), m_config.nodeName);
    every(m_config.leaseRenew, 0, [this] { renewLease(); });
    every(m_config.statusUpdate, 0, [this] {
        updateStatus(false);
        syncAll();
    });
}

void Kubelet::onStop()
{
    m_api.unsubscribe(m_subscription);
    m_subscription = 0;
    if (!m_orphaned)
        m_pods.clear();
}

void Kubelet::registerNode()
{
    if (m_nodeInFlight)
        return;
    Json node = m_config.nodeTemplate;
    node["status"]["conditions"] = Json::array({Json{{"type", "Ready"},
                                                     {"status", "True"},
                                                     {"reason", "KubeletReady"},
                                                     {"message", "kubelet is posting ready status"},
                                                     {"lastHeartbeatTime", formatTime(m_runtime.now())},
                                                     {"lastTransitionTime", formatTime(m_runtime.now())}}});
    m_nodeInFlight = true;
    m_api.create(std::move(node), guarded([this](const ApiResult &r) {
        m_nodeInFlight = false;
        if (r.ok()) {
            m_lastReport = m_runtime.now();
            emit(EventKind::Kubernetes, false, "node/" + m_config.nodeName, "RegisteredNode",
                 "Node " + m_config.nodeName + " event: Registered Node " + m_config.nodeName);
        } else if (r.status != ApiStatus::AlreadyExists) {
            later(kSecond, [this] { updateStatus(false); }); // the kubelet retries registration
        }
    }));
}

void Kubelet::renewLease()
{
    const ObjectCache *cache = m_api.cache();
    if (!cache || m_leaseInFlight)
        return;
    ObjectPtr current = cache->get(res::leases(), "kube-node-lease", m_config.nodeName);
    Json lease = current ? *current
                         : Json{{"apiVersion", "coordination.k8s.io/v1"},
                                {"kind", "Lease"},
                                {"metadata", {{"name", m_config.nodeName}, {"namespace", "kube-node-lease"}}},
                                {"spec", {{"holderIdentity", m_config.nodeName}, {"leaseDurationSeconds", 40}}}};
    lease["spec"]["renewTime"] = formatMicroTime(m_runtime.now());
    m_leaseInFlight = true;
    auto done = guarded([this](const ApiResult &) { m_leaseInFlight = false; });
    if (current)
        m_api.update(std::move(lease), std::move(done));
    else
        m_api.create(std::move(lease), std::move(done));
}

void Kubelet::updateStatus(bool force)
{
    const ObjectCache *cache = m_api.cache();
    if (!cache && !m_nodeInFlight) {
        later(kSecond, [this] { updateStatus(false); });
        return;
    }
    if (!cache || m_nodeInFlight)
        return;
    ObjectPtr current = cache->get(res::nodes(), "", m_config.nodeName);
    if (!current) {
        registerNode();
        return;
    }
    const Micros now = m_runtime.now();
    const bool ready = nodeReadyStatus(*current) == "True";
    if (!force && ready && m_lastReport >= 0 && now - m_lastReport < m_config.statusReport)
        return;
    Json node = *current;
    Json &conditions = node["status"]["conditions"];
    if (!conditions.is_array())
        conditions = Json::array();
    bool found = false;
    for (Json &c : conditions) {
        if (c.value("type", std::string()) != "Ready")
            continue;
        found = true;
        if (c.value("status", std::string()) != "True")
            c["lastTransitionTime"] = formatTime(now);
        c["status"] = "True";
        c["reason"] = "KubeletReady";
        c["message"] = "kubelet is posting ready status";
        c["lastHeartbeatTime"] = formatTime(now);
    }
    if (!found)
        conditions.push_back(Json{{"type", "Ready"},
                                  {"status", "True"},
                                  {"reason", "KubeletReady"},
                                  {"message", "kubelet is posting ready status"},
                                  {"lastHeartbeatTime", formatTime(now)},
                                  {"lastTransitionTime", formatTime(now)}});
    m_nodeInFlight = true;
    m_api.update(std::move(node), guarded([this, ready, now](const ApiResult &r) {
        m_nodeInFlight = false;
        if (!r.ok())
            return;
        m_lastReport = now;
        if (!ready)
            emit(EventKind::NodeCondition, false, "node/" + m_config.nodeName, "NodeReady",
                 "Node " + m_config.nodeName + " status is now: NodeReady");
    }));
}

void Kubelet::syncAll()
{
    const ObjectCache *cache = m_api.cache();
    if (!cache)
        return;
    std::vector<std::string> keys;
    for (const auto &[key, pod] : cache->podsOnNode(m_config.nodeName))
        keys.push_back(key);
    for (const auto &[key, local] : m_pods)
        if (!cache->podsOnNode(m_config.nodeName).count(key))
            keys.push_back(key);
    for (const std::string &key : keys)
        syncPod(key);
}

void Kubelet::syncPod(const std::string &key)
{
    const ObjectCache *cache = m_api.cache();
    if (!cache)
        return;
    ObjectPtr pod = cache->get(key);
    auto local = m_pods.find(key);
    if (!pod || podNodeName(*pod) != m_config.nodeName) {
        if (local != m_pods.end())
            m_pods.erase(local); // deleted: its containers are gone
        return;
    }
    const std::string uid = metadataField(*pod, "uid");
    if (local != m_pods.end() && local->second.uid != uid) {
        m_pods.erase(local);
        local = m_pods.end();
    }
    if (isTerminating(*pod)) {
        stopPod(key, *pod);
        return;
    }
    const std::string phase = podPhase(*pod);
    if (phase == "Succeeded" || phase == "Failed")
        return;
    if (local == m_pods.end()) {
        // A pod the API says ran here before this kubelet started: its containers died with the
        // node, so they start again and count a restart.
        const bool restart = pod->contains("status") && (*pod)["status"].contains("containerStatuses");
        startContainer(key, *pod, restart);
        return;
    }
    if (m_statusDirty.count(key))
        writeStatus(key);
}

void Kubelet::startContainer(const std::string &key, const Json &pod, bool restart)
{
    LocalPod &local = m_pods[key];
    local.uid = metadataField(pod, "uid");
    local.ref = refOf(pod);
    local.stage = Stage::Creating;
    local.ready = false;
    if (restart) {
        int previous = 0;
        auto status = pod.find("status");
        if (status != pod.end() && status->contains("containerStatuses") && !(*status)["containerStatuses"].empty())
            previous = (*status)["containerStatuses"][0].value("restartCount", 0);
        local.restarts = previous + 1;
    }
    const std::uint64_t life = ++local.life;
    const Json *container = firstContainer(pod);
    const std::string image = container ? container->value("image", std::string()) : std::string();
    Micros delay = m_config.containerStart;
    if (!m_images.count(image)) {
        const Micros span = m_config.imagePullMax - m_config.imagePullMin;
        delay += m_config.imagePullMin +
                 (span > 0 ? static_cast<Micros>(m_runtime.random() % static_cast<std::uint64_t>(span + 1)) : 0);
        m_images.insert(image);
    }
    writeStatus(key);
    later(delay, [this, key, life] { containerStarted(key, life); });
}

void Kubelet::containerStarted(const std::string &key, std::uint64_t life)
{
    auto it = m_pods.find(key);
    if (it == m_pods.end() || it->second.life != life)
        return;
    LocalPod &local = it->second;
    if (const ObjectCache *c = m_api.cache())
        if (ObjectPtr p = c->get(key); p && local.stage == Stage::Creating)
            for (const std::string &claim : podClaims(*p)) {
                ObjectPtr pvc = c->get(res::persistentVolumeClaims(), namespaceOf(*p), claim);
                const std::string volume = pvc ? pvc->value("spec", Json::object()).value("volumeName", std::string()) : std::string();
                ObjectPtr pv = volume.empty() ? nullptr : c->get(res::persistentVolumes(), "", volume);
                // Bound, and attached here when the volume is attachable (a block device).
                const bool ready = pv && (!isAttachableProvisioner(volumeDriver(*pv)) || volumeAttached(*c, volume, m_config.nodeName));
                if (!ready) {
                    // The volume is not there yet: the container waits in ContainerCreating.
                    if (local.waitingSince < 0)
                        local.waitingSince = m_runtime.now();
                    if (!local.mountTimeoutReported && m_runtime.now() - local.waitingSince >= 2 * 60 * kSecond) {
                        local.mountTimeoutReported = true;
                        emit(EventKind::Kubernetes, true, local.ref, "FailedMount",
                             "Unable to attach or mount volumes: unmounted volumes=[" + claim + "], unattached volumes=[" + claim +
                                 "]: timed out waiting for the condition");
                    }
                    later(kSecond, [this, key, life] { containerStarted(key, life); });
                    return;
                }
            }
    local.stage = Stage::Running;
    local.startedAt = m_runtime.now();
    if (local.ip.empty())
        local.ip = "10.244." + std::to_string(m_config.podCidrIndex) + "." + std::to_string(m_nextIp++);
    const ObjectCache *cache = m_api.cache();
    ObjectPtr pod = cache ? cache->get(key) : nullptr;
    Micros readyAfter = 0;
    std::optional<Micros> exit;
    std::optional<Micros> unhealthy;
    local.healthy = true;
    if (pod) {
        const Json *container = firstContainer(*pod);
        if (const auto probe = probeOf(container, "readinessProbe")) {
            // The prober's first run comes after initialDelaySeconds plus a random phase within
            // one period, as the kubelet's probe workers start with jitter.
            local.readinessPhase = static_cast<Micros>(m_runtime.random() % static_cast<std::uint64_t>(probe->period));
            readyAfter = probe->initialDelay + local.readinessPhase;
        }
        exit = exitAfter(*pod);
        unhealthy = annotationDuration(*pod, kUnhealthyAfterAnnotation);
        if (const auto probe = probeOf(container, "livenessProbe"); probe && unhealthy)
            local.livenessPhase = static_cast<Micros>(m_runtime.random() % static_cast<std::uint64_t>(probe->period));
        emit(EventKind::PodPhase, false, refOf(*pod), "Started", "Started container " +
             (container ? container->value("name", std::string("main")) : std::string("main")));
    }
    if (readyAfter == 0)
        local.ready = true;
    else
        later(readyAfter, [this, key, life] { probeReady(key, life); });
    if (exit)
        later(*exit, [this, key, life] { containerExited(key, life); });
    if (unhealthy)
        later(*unhealthy, [this, key, life] { becameUnhealthy(key, life); });
    writeStatus(key);
}

void Kubelet::becameUnhealthy(const std::string &key, std::uint64_t life)
{
    auto it = m_pods.find(key);
    if (it == m_pods.end() || it->second.life != life || it->second.stage != Stage::Running)
        return;
    LocalPod &local = it->second;
    local.healthy = false; // requests to it fail from now on
    const ObjectCache *cache = m_api.cache();
    ObjectPtr pod = cache ? cache->get(key) : nullptr;
    const Json *container = pod ? firstContainer(*pod) : nullptr;
    const Micros now = m_runtime.now();
    // The failures follow from each prober's schedule (phases drawn at the container's start).
    if (const auto readiness = probeOf(container, "readinessProbe")) {
        const Micros at = failureTime(*readiness, local.startedAt, local.readinessPhase, now);
        later(at - now, [this, key, life] {
            auto p = m_pods.find(key);
            if (p == m_pods.end() || p->second.life != life || !p->second.ready)
                return;
            p->second.ready = false;
            emit(EventKind::PodPhase, true, p->second.ref, "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503");
            writeStatus(key);
        });
    }
    if (const auto liveness = probeOf(container, "livenessProbe")) {
        const Micros at = failureTime(*liveness, local.startedAt, local.livenessPhase, now);
        later(at - now, [this, key, life] { livenessKill(key, life); });
    }
}

void Kubelet::livenessKill(const std::string &key, std::uint64_t life)
{
    auto it = m_pods.find(key);
    if (it == m_pods.end() || it->second.life != life || it->second.stage != Stage::Running)
        return;
    emit(EventKind::PodPhase, true, it->second.ref, "Unhealthy", "Liveness probe failed: HTTP probe failed with statuscode: 503");
    emit(EventKind::PodPhase, false, it->second.ref, "Killing", "Container failed liveness probe, will be restarted");
    restartWithBackOff(key);
}

void Kubelet::probeReady(const std::string &key, std::uint64_t life)
{
    auto it = m_pods.find(key);
    if (it == m_pods.end() || it->second.life != life || it->second.stage != Stage::Running)
        return;
    it->second.ready = true;
    writeStatus(key);
}

void Kubelet::containerExited(const std::string &key, std::uint64_t life)
{
    auto it = m_pods.find(key);
    if (it == m_pods.end() || it->second.life != life || it->second.stage != Stage::Running)
        return;
    restartWithBackOff(key);
}

void Kubelet::restartWithBackOff(const std::string &key)
{
    LocalPod &local = m_pods.at(key);
    local.stage = Stage::BackOff;
    local.ready = false;
    ++local.restarts;
    const std::uint64_t newLife = ++local.life;
    // CrashLoopBackOff: 10 s, doubling, at most 5 minutes.
    const int shift = std::min(local.restarts - 1, 5);
    const Micros backoff = std::min<Micros>(300 * kSecond, (10 * kSecond) << shift);
    emit(EventKind::PodPhase, true, local.ref, "BackOff", "Back-off restarting failed container");
    writeStatus(key);
    later(backoff, [this, key, newLife] {
        auto p = m_pods.find(key);
        if (p == m_pods.end() || p->second.life != newLife)
            return;
        later(m_config.containerStart, [this, key, newLife] { containerStarted(key, newLife); });
    });
}

void Kubelet::stopPod(const std::string &key, const Json &pod)
{
    auto local = m_pods.find(key);
    if (local != m_pods.end() && local->second.stage == Stage::Stopping)
        return;
    Micros grace = 0;
    if (local != m_pods.end()) {
        local->second.stage = Stage::Stopping;
        local->second.ready = false;
        ++local->second.life;
        grace = m_config.stopGrace;
        emit(EventKind::PodPhase, false, refOf(pod), "Killing", "Stopping container");
    }
    const std::string ns = namespaceOf(pod);
    const std::string name = nameOf(pod);
    const std::int64_t rv = resourceVersionOf(pod);
    later(grace, [this, key, ns, name, rv] {
        m_api.remove(res::pods(), ns, name, rv, guarded([this, key](const ApiResult &r) {
            if (r.ok() || r.status == ApiStatus::NotFound)
                m_pods.erase(key);
            else
                later(kSecond, [this, key] {
                    m_pods.erase(key);
                    syncPod(key);
                });
        }), /*force=*/true);
    });
}

Json Kubelet::podStatus(const Json &pod, const LocalPod &local) const
{
    const Json *container = firstContainer(pod);
    const std::string containerName = container ? container->value("name", std::string("main")) : "main";
    const bool everStarted = local.startedAt > 0 || local.restarts > 0;
    Json state;
    if (local.stage == Stage::Running)
        state = Json{{"running", {{"startedAt", formatTime(local.startedAt)}}}};
    else if (local.stage == Stage::BackOff)
        state = Json{{"waiting", {{"reason", "CrashLoopBackOff"}, {"message", "back-off restarting failed container"}}}};
    else
        state = Json{{"waiting", {{"reason", "ContainerCreating"}}}};
    Json status = pod.value("status", Json::object());
    status["phase"] = everStarted ? "Running" : "Pending";
    status["hostIP"] = m_config.nodeTemplate["status"].value("addresses", Json::array()).empty()
                           ? Json("")
                           : m_config.nodeTemplate["status"]["addresses"][0].value("address", Json(""));
    if (!local.ip.empty())
        status["podIP"] = local.ip;
    if (!status.contains("startTime"))
        status["startTime"] = formatTime(m_runtime.now());
    status["conditions"] = Json::array({condition("PodScheduled", true), condition("Initialized", true),
                                        condition("ContainersReady", local.ready), condition("Ready", local.ready)});
    status["containerStatuses"] = Json::array({Json{{"name", containerName},
                                                    {"image", container ? container->value("image", std::string()) : ""},
                                                    {"ready", local.ready},
                                                    {"started", local.stage == Stage::Running},
                                                    {"restartCount", local.restarts},
                                                    {"state", state}}});
    return status;
}

void Kubelet::writeStatus(const std::string &key)
{
    if (m_statusInFlight.count(key)) {
        m_statusDirty.insert(key);
        return;
    }
    m_statusDirty.erase(key);
    auto local = m_pods.find(key);
    const ObjectCache *cache = m_api.cache();
    if (local == m_pods.end() || !cache)
        return;
    ObjectPtr pod = cache->get(key);
    if (!pod || isTerminating(*pod))
        return;
    Json status = podStatus(*pod, local->second);
    if (pod->contains("status") && (*pod)["status"] == status)
        return;
    const std::string before = podPhase(*pod);
    const bool wasReady = podReady(*pod);
    Json updated = *pod;
    updated["status"] = std::move(status);
    const std::string after = updated["status"]["phase"];
    const bool nowReady = local->second.ready;
    const std::string ref = refOf(*pod);
    m_statusInFlight.insert(key);
    m_api.update(std::move(updated), guarded([this, key, before, after, wasReady, nowReady, ref](const ApiResult &r) {
        m_statusInFlight.erase(key);
        if (r.ok() && (before != after || wasReady != nowReady))
            emit(EventKind::PodPhase, false, ref, after, ref + " " + after + (nowReady ? " ready" : " not ready"));
        if (!r.ok()) {
            later(500 * kMs, [this, key] { writeStatus(key); });
            return;
        }
        if (m_statusDirty.count(key))
            writeStatus(key);
    }));
}

} // namespace quorum::cluster
