// Writing the model as topology YAML. Fields equal to their defaults are left out, so a saved
// file says only what the designer chose; reading it back gives the same design.

#include "engine/model/TopologyYaml.h"

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

namespace quorum::model {

namespace {

class Writer {
public:
    std::string write(const Topology &t);

private:
    template <typename T> void field(const char *key, const T &value) { m_out << YAML::Key << key << YAML::Value << value; }
    void stringIfSet(const char *key, const std::string &value)
    {
        if (!value.empty())
            field(key, value);
    }
    void quoted(const char *key, const std::string &value)
    {
        m_out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted << value;
    }
    void flowList(const char *key, const std::vector<std::string> &items)
    {
        m_out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (const auto &item : items)
            m_out << item;
        m_out << YAML::EndSeq;
    }
    void stringMap(const char *key, const std::map<std::string, std::string> &items)
    {
        m_out << YAML::Key << key << YAML::Value << YAML::BeginMap;
        for (const auto &[k, v] : items)
            m_out << YAML::Key << k << YAML::Value << v;
        m_out << YAML::EndMap;
    }
    void durationIf(const char *key, std::int64_t value, std::int64_t defaultValue)
    {
        if (value != defaultValue)
            field(key, formatDurationMs(value));
    }

    void spec(const Topology &t);
    void node(const Node &n, EtcdMode mode);
    void loadBalancer(const LoadBalancer &lb);
    void storage(const Topology &t);
    void workload(const Workload &w);
    void probe(const char *key, const Probe &p);
    void cpuMemory(const char *key, std::int64_t cpuMillis, std::int64_t memoryBytes);

    YAML::Emitter m_out;
};

std::string Writer::write(const Topology &t)
{
    m_out.SetIndent(2);
    m_out << YAML::BeginMap;
    field("apiVersion", "quorum.studio/v1alpha1");
    field("kind", "Topology");
    m_out << YAML::Key << "metadata" << YAML::Value << YAML::BeginMap;
    field("name", t.name);
    stringIfSet("description", t.description);
    m_out << YAML::EndMap;
    m_out << YAML::Key << "spec" << YAML::Value << YAML::BeginMap;
    spec(t);
    m_out << YAML::EndMap;
    m_out << YAML::EndMap;
    return std::string(m_out.c_str()) + "\n";
}

void Writer::spec(const Topology &t)
{
    const Topology defaults;
    field("profile", toString(t.profile));
    quoted("kubernetesVersion", t.kubernetesVersion);

    m_out << YAML::Key << "etcd" << YAML::Value << YAML::BeginMap;
    field("mode", toString(t.etcdMode));
    durationIf("heartbeatInterval", t.timings.etcdHeartbeatMs, defaults.timings.etcdHeartbeatMs);
    durationIf("electionTimeout", t.timings.etcdElectionTimeoutMs, defaults.timings.etcdElectionTimeoutMs);
    m_out << YAML::EndMap;

    const Timings &tm = t.timings;
    const Timings &dt = defaults.timings;
    if (tm.leaseDurationMs != dt.leaseDurationMs || tm.renewDeadlineMs != dt.renewDeadlineMs ||
        tm.retryPeriodMs != dt.retryPeriodMs) {
        m_out << YAML::Key << "controlPlane" << YAML::Value << YAML::BeginMap;
        durationIf("leaseDuration", tm.leaseDurationMs, dt.leaseDurationMs);
        durationIf("renewDeadline", tm.renewDeadlineMs, dt.renewDeadlineMs);
        durationIf("retryPeriod", tm.retryPeriodMs, dt.retryPeriodMs);
        m_out << YAML::EndMap;
    }
    if (tm.nodeStatusUpdateMs != dt.nodeStatusUpdateMs || tm.nodeMonitorPeriodMs != dt.nodeMonitorPeriodMs ||
        tm.nodeMonitorGracePeriodMs != dt.nodeMonitorGracePeriodMs ||
        tm.nodeStartupGracePeriodMs != dt.nodeStartupGracePeriodMs || tm.evictionTolerationMs != dt.evictionTolerationMs) {
        m_out << YAML::Key << "nodeLifecycle" << YAML::Value << YAML::BeginMap;
        durationIf("statusUpdateFrequency", tm.nodeStatusUpdateMs, dt.nodeStatusUpdateMs);
        durationIf("monitorPeriod", tm.nodeMonitorPeriodMs, dt.nodeMonitorPeriodMs);
        durationIf("monitorGracePeriod", tm.nodeMonitorGracePeriodMs, dt.nodeMonitorGracePeriodMs);
        durationIf("startupGracePeriod", tm.nodeStartupGracePeriodMs, dt.nodeStartupGracePeriodMs);
        durationIf("evictionTimeout", tm.evictionTolerationMs, dt.evictionTolerationMs);
        m_out << YAML::EndMap;
    }
    if (t.networking != defaults.networking) {
        m_out << YAML::Key << "networking" << YAML::Value << YAML::BeginMap;
        field("podSubnet", t.networking.podSubnet);
        field("serviceSubnet", t.networking.serviceSubnet);
        field("dnsDomain", t.networking.dnsDomain);
        m_out << YAML::EndMap;
    }

    if (!t.zones.empty()) {
        m_out << YAML::Key << "zones" << YAML::Value << YAML::BeginSeq;
        for (const Zone &z : t.zones) {
            m_out << YAML::BeginMap;
            field("name", z.name);
            stringIfSet("region", z.region);
            m_out << YAML::EndMap;
        }
        m_out << YAML::EndSeq;
    }
    m_out << YAML::Key << "nodes" << YAML::Value << YAML::BeginSeq;
    for (const Node &n : t.nodes)
        node(n, t.etcdMode);
    m_out << YAML::EndSeq;
    if (!t.loadBalancers.empty()) {
        m_out << YAML::Key << "loadBalancers" << YAML::Value << YAML::BeginSeq;
        for (const LoadBalancer &lb : t.loadBalancers)
            loadBalancer(lb);
        m_out << YAML::EndSeq;
    }
    storage(t);
    if (!t.secrets.empty()) {
        m_out << YAML::Key << "secrets" << YAML::Value << YAML::BeginSeq;
        for (const Secret &s : t.secrets) {
            m_out << YAML::BeginMap;
            field("name", s.name);
            flowList("keys", s.keys);
            m_out << YAML::EndMap;
        }
        m_out << YAML::EndSeq;
    }
    if (!t.workloads.empty()) {
        m_out << YAML::Key << "workloads" << YAML::Value << YAML::BeginSeq;
        for (const Workload &w : t.workloads)
            workload(w);
        m_out << YAML::EndSeq;
    }
}

void Writer::node(const Node &n, EtcdMode mode)
{
    const Node defaults;
    m_out << YAML::BeginMap;
    field("name", n.name);
    field("role", toString(n.role));
    stringIfSet("zone", n.zone);
    stringIfSet("address", n.address);
    if (n.cpuMillis)
        quoted("cpu", formatCpuMillis(n.cpuMillis));
    if (n.memoryBytes)
        field("memory", formatBytes(n.memoryBytes));
    if (n.maxPods != defaults.maxPods)
        field("maxPods", n.maxPods);
    if (!n.labels.empty())
        stringMap("labels", n.labels);
    if (!n.taints.empty()) {
        m_out << YAML::Key << "taints" << YAML::Value << YAML::BeginSeq;
        for (const Taint &t : n.taints) {
            m_out << YAML::Flow << YAML::BeginMap;
            field("key", t.key);
            stringIfSet("value", t.value);
            field("effect", toString(t.effect));
            m_out << YAML::EndMap;
        }
        m_out << YAML::EndSeq;
    }
    if (n.components != defaultComponents(n.role, mode)) {
        std::vector<std::string> names;
        for (Component c : n.components)
            names.emplace_back(toString(c));
        flowList("components", names);
    }
    m_out << YAML::EndMap;
}

void Writer::loadBalancer(const LoadBalancer &lb)
{
    const LoadBalancer defaults;
    m_out << YAML::BeginMap;
    field("name", lb.name);
    field("type", toString(lb.type));
    if (!lb.hosts.empty())
        flowList("hosts", lb.hosts);
    stringIfSet("vip", lb.vip);
    if (lb.vipInterface != defaults.vipInterface)
        field("vipInterface", lb.vipInterface);
    field("port", lb.port);
    if (!lb.targets.empty())
        flowList("targets", lb.targets);
    field("targetPort", lb.targetPort);
    if (lb.algorithm != defaults.algorithm)
        field("algorithm", lb.algorithm);
    if (lb.healthCheck != defaults.healthCheck) {
        m_out << YAML::Key << "healthCheck" << YAML::Value << YAML::BeginMap;
        quoted("path", lb.healthCheck.path);
        field("interval", formatDurationMs(lb.healthCheck.intervalMs));
        field("fall", lb.healthCheck.fall);
        field("rise", lb.healthCheck.rise);
        m_out << YAML::EndMap;
    }
    m_out << YAML::EndMap;
}

void Writer::storage(const Topology &t)
{
    if (t.storageBackends.empty() && t.storageClasses.empty())
        return;
    const StorageClass defaults;
    m_out << YAML::Key << "storage" << YAML::Value << YAML::BeginMap;
    if (!t.storageBackends.empty()) {
        m_out << YAML::Key << "backends" << YAML::Value << YAML::BeginSeq;
        for (const StorageBackend &b : t.storageBackends) {
            m_out << YAML::BeginMap;
            field("name", b.name);
            field("type", toString(b.type));
            if (!b.nodes.empty())
                flowList("nodes", b.nodes);
            stringIfSet("endpoint", b.endpoint);
            m_out << YAML::EndMap;
        }
        m_out << YAML::EndSeq;
    }
    if (!t.storageClasses.empty()) {
        m_out << YAML::Key << "classes" << YAML::Value << YAML::BeginSeq;
        for (const StorageClass &c : t.storageClasses) {
            m_out << YAML::BeginMap;
            field("name", c.name);
            field("backend", c.backend);
            if (c.isDefault)
                field("default", true);
            field("reclaimPolicy", toString(c.reclaimPolicy));
            field("volumeBindingMode", toString(c.bindingMode));
            if (c.allowExpansion != defaults.allowExpansion)
                field("allowVolumeExpansion", c.allowExpansion);
            m_out << YAML::EndMap;
        }
        m_out << YAML::EndSeq;
    }
    m_out << YAML::EndMap;
}

void Writer::cpuMemory(const char *key, std::int64_t cpuMillis, std::int64_t memoryBytes)
{
    if (!cpuMillis && !memoryBytes)
        return;
    m_out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginMap;
    if (cpuMillis)
        quoted("cpu", formatCpuMillis(cpuMillis));
    if (memoryBytes)
        field("memory", formatBytes(memoryBytes));
    m_out << YAML::EndMap;
}

void Writer::probe(const char *key, const Probe &p)
{
    if (p.type == ProbeType::None)
        return;
    const Probe defaults;
    m_out << YAML::Key << key << YAML::Value << YAML::BeginMap;
    m_out << YAML::Key << toString(p.type) << YAML::Value << YAML::Flow << YAML::BeginMap;
    switch (p.type) {
    case ProbeType::HttpGet:
        stringIfSet("path", p.path);
        field("port", p.port);
        break;
    case ProbeType::TcpSocket:
        field("port", p.port);
        break;
    case ProbeType::Exec:
        flowList("command", p.command);
        break;
    case ProbeType::None:
        break;
    }
    m_out << YAML::EndMap;
    if (p.initialDelaySeconds != defaults.initialDelaySeconds)
        field("initialDelaySeconds", p.initialDelaySeconds);
    if (p.periodSeconds != defaults.periodSeconds)
        field("periodSeconds", p.periodSeconds);
    if (p.failureThreshold != defaults.failureThreshold)
        field("failureThreshold", p.failureThreshold);
    m_out << YAML::EndMap;
}

void Writer::workload(const Workload &w)
{
    const Workload defaults;
    m_out << YAML::BeginMap;
    field("name", w.name);
    field("kind", toString(w.kind));
    if (w.namespaceName != defaults.namespaceName)
        field("namespace", w.namespaceName);
    if (w.kind != WorkloadKind::DaemonSet || w.replicas != defaults.replicas)
        field("replicas", w.replicas);
    field("image", w.image);
    if (w.resources != Resources{}) {
        m_out << YAML::Key << "resources" << YAML::Value << YAML::BeginMap;
        cpuMemory("requests", w.resources.cpuRequestMillis, w.resources.memoryRequestBytes);
        cpuMemory("limits", w.resources.cpuLimitMillis, w.resources.memoryLimitBytes);
        m_out << YAML::EndMap;
    }
    if (!w.ports.empty()) {
        m_out << YAML::Key << "ports" << YAML::Value << YAML::BeginSeq;
        for (const ContainerPort &p : w.ports) {
            m_out << YAML::Flow << YAML::BeginMap;
            stringIfSet("name", p.name);
            field("containerPort", p.containerPort);
            if (p.protocol != ContainerPort{}.protocol)
                field("protocol", p.protocol);
            m_out << YAML::EndMap;
        }
        m_out << YAML::EndSeq;
    }
    if (!w.env.empty()) {
        m_out << YAML::Key << "env" << YAML::Value << YAML::BeginSeq;
        for (const EnvVar &e : w.env) {
            m_out << YAML::BeginMap;
            field("name", e.name);
            if (!e.secretName.empty()) {
                m_out << YAML::Key << "secretKeyRef" << YAML::Value << YAML::Flow << YAML::BeginMap;
                field("name", e.secretName);
                field("key", e.secretKey);
                m_out << YAML::EndMap;
            } else {
                quoted("value", e.value);
            }
            m_out << YAML::EndMap;
        }
        m_out << YAML::EndSeq;
    }
    probe("readinessProbe", w.readiness);
    probe("livenessProbe", w.liveness);
    if (w.service.type != ServiceType::None) {
        m_out << YAML::Key << "service" << YAML::Value << YAML::BeginMap;
        field("type", toString(w.service.type));
        field("port", w.service.port);
        field("targetPort", w.service.targetPort);
        m_out << YAML::EndMap;
    }
    if (w.ingress.enabled) {
        m_out << YAML::Key << "ingress" << YAML::Value << YAML::BeginMap;
        stringIfSet("host", w.ingress.host);
        field("path", w.ingress.path);
        stringIfSet("tlsSecret", w.ingress.tlsSecret);
        m_out << YAML::EndMap;
    }
    const Placement &pl = w.placement;
    if (pl != Placement{}) {
        m_out << YAML::Key << "placement" << YAML::Value << YAML::BeginMap;
        if (pl.antiAffinity != AntiAffinity::None)
            field("antiAffinity", toString(pl.antiAffinity));
        if (pl.spreadZones)
            field("spreadZones", true);
        if (pl.maxSkew != Placement{}.maxSkew)
            field("maxSkew", pl.maxSkew);
        if (!pl.nodeSelector.empty())
            stringMap("nodeSelector", pl.nodeSelector);
        if (!pl.tolerations.empty()) {
            m_out << YAML::Key << "tolerations" << YAML::Value << YAML::BeginSeq;
            for (const Toleration &t : pl.tolerations) {
                m_out << YAML::Flow << YAML::BeginMap;
                stringIfSet("key", t.key);
                if (t.op != Toleration{}.op)
                    field("operator", t.op);
                stringIfSet("value", t.value);
                if (t.effect)
                    field("effect", toString(*t.effect));
                if (t.tolerationSeconds)
                    field("tolerationSeconds", *t.tolerationSeconds);
                m_out << YAML::EndMap;
            }
            m_out << YAML::EndSeq;
        }
        m_out << YAML::EndMap;
    }
    if (!w.volumeClaims.empty()) {
        m_out << YAML::Key << "volumeClaims" << YAML::Value << YAML::BeginSeq;
        for (const VolumeClaim &c : w.volumeClaims) {
            m_out << YAML::BeginMap;
            field("name", c.name);
            field("size", formatBytes(c.sizeBytes));
            stringIfSet("storageClass", c.storageClass);
            field("accessMode", toString(c.accessMode));
            stringIfSet("mountPath", c.mountPath);
            m_out << YAML::EndMap;
        }
        m_out << YAML::EndSeq;
    }
    if (w.minAvailable)
        field("minAvailable", *w.minAvailable);
    if (const std::optional<Autoscaling> &a = w.autoscaling) {
        m_out << YAML::Key << "autoscaling" << YAML::Value << YAML::BeginMap;
        field("minReplicas", a->minReplicas);
        field("maxReplicas", a->maxReplicas);
        if (a->targetCpuUtilization)
            field("targetCPUUtilizationPercentage", *a->targetCpuUtilization);
        if (a->targetMemoryUtilization)
            field("targetMemoryUtilizationPercentage", *a->targetMemoryUtilization);
        m_out << YAML::EndMap;
    }
    m_out << YAML::EndMap;
}

} // namespace

std::string topologyToYaml(const Topology &topology)
{
    return Writer().write(topology);
}

std::optional<std::string> saveTopologyFile(const Topology &topology, const std::string &path)
{
    namespace fs = std::filesystem;
    const std::string text = topologyToYaml(topology);
    const fs::path target(path);
    // Appended piece by piece: GCC 12 -O3 reports a false -Wrestrict for "." + std::string (PR 105329).
    std::string tempName = ".";
    tempName += target.filename().string();
    tempName += ".saving";
    const fs::path temp = target.parent_path() / tempName;
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return path + ": cannot write beside the file (" + std::generic_category().message(errno) + ")";
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const std::string reason = std::generic_category().message(errno);
            ::close(fd);
            ::unlink(temp.c_str());
            return path + ": writing failed (" + reason + "); the previous file is unchanged";
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const std::string reason = std::generic_category().message(errno);
        ::unlink(temp.c_str());
        return path + ": flushing to disk failed (" + reason + "); the previous file is unchanged";
    }
    if (::rename(temp.c_str(), target.c_str()) != 0) {
        const std::string reason = std::generic_category().message(errno);
        ::unlink(temp.c_str());
        return path + ": replacing the file failed (" + reason + "); the previous file is unchanged";
    }
    // Make the rename itself durable.
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return std::nullopt;
}

} // namespace quorum::model
