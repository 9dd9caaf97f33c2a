// Reading topology YAML into the model: the schema lives here, field by field.

#include "engine/model/Edits.h"
#include "engine/model/TopologyYaml.h"
#include "engine/model/YamlReader.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <map>
#include <sstream>

namespace quorum::model {

namespace {

using yaml::MapReader;
using yaml::Need;
using yaml::Reporter;

constexpr const char *kApiVersion = "quorum.studio/v1alpha1";
constexpr const char *kKind = "Topology";

class TopologyReader {
public:
    explicit TopologyReader(Reporter &reporter) : m_r(reporter) {}

    void readDocument(const YAML::Node &root, Topology &t);

private:
    void readName(MapReader &m, std::string &out, const char *what);
    void checkUnique(const std::string &kind, const std::string &name, const YAML::Node &at, const std::string &path);
    SourceLocation locationOf(const YAML::Node &node) const;

    void readSpec(const YAML::Node &node, const std::string &path, Topology &t);
    void readTimings(MapReader &spec, Topology &t);
    Zone readZone(const YAML::Node &node, const std::string &path);
    Node readNode(const YAML::Node &node, const std::string &path, EtcdMode mode);
    LoadBalancer readLoadBalancer(const YAML::Node &node, const std::string &path);
    void readStorage(const YAML::Node &node, const std::string &path, Topology &t);
    Secret readSecret(const YAML::Node &node, const std::string &path);
    Workload readWorkload(const YAML::Node &node, const std::string &path);
    void readResources(const YAML::Node &node, const std::string &path, Resources &out);
    Probe readProbe(const YAML::Node &node, const std::string &path);
    EnvVar readEnv(const YAML::Node &node, const std::string &path);
    void readPlacement(const YAML::Node &node, const std::string &path, Placement &out);
    VolumeClaim readClaim(const YAML::Node &node, const std::string &path);
    Autoscaling readAutoscaling(const YAML::Node &node, const std::string &path);

    Reporter &m_r;
    // kind -> name -> line of first definition, for duplicate detection.
    std::map<std::string, std::map<std::string, int>> m_names;
};

SourceLocation TopologyReader::locationOf(const YAML::Node &node) const
{
    const YAML::Mark mark = node.Mark();
    return SourceLocation{mark.line + 1, mark.column + 1};
}

void TopologyReader::readName(MapReader &m, std::string &out, const char *what)
{
    if (!m.readString("name", out, Need::Required))
        return;
    if (!isDnsLabel(out)) {
        m_r.error(m.get("name"), m.fieldPath("name"),
                  std::string("'") + out + "' is not a valid " + what +
                      " name: use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit");
        return;
    }
    checkUnique(what, out, m.get("name"), m.fieldPath("name"));
}

void TopologyReader::checkUnique(const std::string &kind, const std::string &name, const YAML::Node &at,
                                 const std::string &path)
{
    auto &seen = m_names[kind];
    const int line = at.Mark().line + 1;
    auto [it, inserted] = seen.emplace(name, line);
    if (!inserted)
        m_r.error(at, path,
                  "duplicate " + kind + " name '" + name + "' (first defined at line " + std::to_string(it->second) + ")");
}

void TopologyReader::readDocument(const YAML::Node &root, Topology &t)
{
    MapReader doc(m_r, root, "", {"apiVersion", "kind", "metadata", "spec"});
    if (!doc.valid())
        return;
    std::string apiVersion;
    if (doc.readString("apiVersion", apiVersion, Need::Required) && apiVersion != kApiVersion)
        m_r.error(doc.get("apiVersion"), "apiVersion",
                  "unsupported apiVersion '" + apiVersion + "'; this version of Quorum Studio reads '" + kApiVersion + "'");
    std::string kind;
    if (doc.readString("kind", kind, Need::Required) && kind != kKind)
        m_r.error(doc.get("kind"), "kind", "unsupported kind '" + kind + "'; expected '" + kKind + "'");

    if (doc.has("metadata")) {
        MapReader meta(m_r, doc.get("metadata"), "metadata", {"name", "description"});
        readName(meta, t.name, "topology");
        meta.readString("description", t.description);
    } else {
        doc.reportMissing("metadata");
    }
    if (doc.has("spec"))
        readSpec(doc.get("spec"), "spec", t);
    else
        doc.reportMissing("spec");
}

void TopologyReader::readSpec(const YAML::Node &node, const std::string &path, Topology &t)
{
    MapReader spec(m_r, node, path,
                   {"profile", "kubernetesVersion", "etcd", "controlPlane", "nodeLifecycle", "networking", "zones",
                    "nodes", "loadBalancers", "storage", "secrets", "workloads"});
    if (!spec.valid())
        return;
    spec.readEnum("profile", t.profile);
    spec.readString("kubernetesVersion", t.kubernetesVersion);
    readTimings(spec, t);
    if (spec.has("networking")) {
        MapReader net(m_r, spec.get("networking"), spec.fieldPath("networking"), {"podSubnet", "serviceSubnet", "dnsDomain"});
        net.readString("podSubnet", t.networking.podSubnet);
        net.readString("serviceSubnet", t.networking.serviceSubnet);
        net.readString("dnsDomain", t.networking.dnsDomain);
    }
    spec.forEach("zones", [&](const YAML::Node &n, const std::string &p) { t.zones.push_back(readZone(n, p)); });
    spec.forEach("nodes", [&](const YAML::Node &n, const std::string &p) { t.nodes.push_back(readNode(n, p, t.etcdMode)); },
                 Need::Required);
    spec.forEach("loadBalancers",
                 [&](const YAML::Node &n, const std::string &p) { t.loadBalancers.push_back(readLoadBalancer(n, p)); });
    if (spec.has("storage"))
        readStorage(spec.get("storage"), spec.fieldPath("storage"), t);
    spec.forEach("secrets", [&](const YAML::Node &n, const std::string &p) { t.secrets.push_back(readSecret(n, p)); });
    spec.forEach("workloads", [&](const YAML::Node &n, const std::string &p) { t.workloads.push_back(readWorkload(n, p)); });
}

void TopologyReader::readTimings(MapReader &spec, Topology &t)
{
    Timings &tm = t.timings;
    if (spec.has("etcd")) {
        MapReader etcd(m_r, spec.get("etcd"), spec.fieldPath("etcd"), {"mode", "heartbeatInterval", "electionTimeout"});
        etcd.readEnum("mode", t.etcdMode);
        etcd.readDuration("heartbeatInterval", tm.etcdHeartbeatMs);
        etcd.readDuration("electionTimeout", tm.etcdElectionTimeoutMs);
    }
    if (spec.has("controlPlane")) {
        MapReader cp(m_r, spec.get("controlPlane"), spec.fieldPath("controlPlane"),
                     {"leaseDuration", "renewDeadline", "retryPeriod"});
        cp.readDuration("leaseDuration", tm.leaseDurationMs);
        cp.readDuration("renewDeadline", tm.renewDeadlineMs);
        cp.readDuration("retryPeriod", tm.retryPeriodMs);
    }
    if (spec.has("nodeLifecycle")) {
        MapReader nl(m_r, spec.get("nodeLifecycle"), spec.fieldPath("nodeLifecycle"),
                     {"statusUpdateFrequency", "monitorPeriod", "monitorGracePeriod", "startupGracePeriod",
                      "evictionTimeout"});
        nl.readDuration("statusUpdateFrequency", tm.nodeStatusUpdateMs);
        nl.readDuration("monitorPeriod", tm.nodeMonitorPeriodMs);
        nl.readDuration("monitorGracePeriod", tm.nodeMonitorGracePeriodMs);
        nl.readDuration("startupGracePeriod", tm.nodeStartupGracePeriodMs);
        nl.readDuration("evictionTimeout", tm.evictionTolerationMs);
    }
}

Zone TopologyReader::readZone(const YAML::Node &node, const std::string &path)
{
    Zone z;
    MapReader m(m_r, node, path, {"name", "region"});
    if (!m.valid())
        return z;
    z.location = locationOf(node);
    readName(m, z.name, "zone");
    m.readString("region", z.region);
    return z;
}

Node TopologyReader::readNode(const YAML::Node &node, const std::string &path, EtcdMode mode)
{
    Node n;
    MapReader m(m_r, node, path,
                {"name", "role", "zone", "address", "cpu", "memory", "maxPods", "labels", "taints", "components"});
    if (!m.valid())
        return n;
    n.location = locationOf(node);
    readName(m, n.name, "node");
    m.readEnum("role", n.role, Need::Required);
    m.readString("zone", n.zone);
    m.readString("address", n.address);
    m.readCpu("cpu", n.cpuMillis);
    m.readBytes("memory", n.memoryBytes);
    int maxPods = static_cast<int>(n.maxPods);
    if (m.readInt("maxPods", maxPods, 1, 1000))
        n.maxPods = maxPods;
    m.readStringMap("labels", n.labels);
    m.forEach("taints", [&](const YAML::Node &tn, const std::string &tp) {
        MapReader tm(m_r, tn, tp, {"key", "value", "effect"});
        Taint taint;
        tm.readString("key", taint.key, Need::Required);
        tm.readString("value", taint.value);
        tm.readEnum("effect", taint.effect, Need::Required);
        n.taints.push_back(taint);
    });
    n.components = defaultComponents(n.role, mode);
    m.forEach("components", [&, first = true](const YAML::Node &cn, const std::string &cp) mutable {
        if (first) {
            n.components.clear();  // an explicit list replaces the role's defaults
            first = false;
        }
        if (!cn.IsScalar()) {
            m_r.error(cn, cp, std::string("expected a component name, found ") + yaml::describe(cn));
            return;
        }
        if (auto c = parseEnum<Component>(cn.Scalar())) {
            n.components.push_back(*c);
            return;
        }
        std::vector<std::string> names;
        for (Component c : allValues<Component>())
            names.emplace_back(toString(c));
        std::string message = "unknown component '" + cn.Scalar() + "'";
        if (auto near = yaml::nearestName(cn.Scalar(), names); !near.empty())
            message += " (did you mean '" + near + "'?)";
        m_r.error(cn, cp, message);
    });
    return n;
}

LoadBalancer TopologyReader::readLoadBalancer(const YAML::Node &node, const std::string &path)
{
    LoadBalancer lb;
    MapReader m(m_r, node, path,
                {"name", "type", "hosts", "vip", "vipInterface", "port", "targets", "targetPort", "algorithm", "healthCheck"});
    if (!m.valid())
        return lb;
    lb.location = locationOf(node);
    readName(m, lb.name, "load balancer");
    m.readEnum("type", lb.type, Need::Required);
    m.readStringList("hosts", lb.hosts);
    m.readString("vip", lb.vip);
    if (std::string name; m.readString("vipInterface", name)) {
        if (isInterfaceName(name))
            lb.vipInterface = name;
        else
            m_r.error(m.get("vipInterface"), m.fieldPath("vipInterface"),
                      "'" + name + "' is not a network interface name (1 to 15 characters, no '/', ':' or spaces)");
    }
    m.readInt("port", lb.port, 1, 65535);
    m.readStringList("targets", lb.targets);
    m.readInt("targetPort", lb.targetPort, 1, 65535);
    m.readString("algorithm", lb.algorithm);
    if (m.has("healthCheck")) {
        MapReader hc(m_r, m.get("healthCheck"), m.fieldPath("healthCheck"), {"path", "interval", "fall", "rise"});
        hc.readString("path", lb.healthCheck.path);
        hc.readDuration("interval", lb.healthCheck.intervalMs);
        hc.readInt("fall", lb.healthCheck.fall, 1, 100);
        hc.readInt("rise", lb.healthCheck.rise, 1, 100);
    }
    return lb;
}

void TopologyReader::readStorage(const YAML::Node &node, const std::string &path, Topology &t)
{
    MapReader m(m_r, node, path, {"backends", "classes"});
    m.forEach("backends", [&](const YAML::Node &bn, const std::string &bp) {
        StorageBackend b;
        MapReader bm(m_r, bn, bp, {"name", "type", "nodes", "endpoint"});
        if (!bm.valid())
            return;
        b.location = locationOf(bn);
        readName(bm, b.name, "storage backend");
        bm.readEnum("type", b.type, Need::Required);
        bm.readStringList("nodes", b.nodes);
        bm.readString("endpoint", b.endpoint);
        t.storageBackends.push_back(b);
    });
    m.forEach("classes", [&](const YAML::Node &cn, const std::string &cp) {
        StorageClass c;
        MapReader cm(m_r, cn, cp,
                     {"name", "backend", "default", "reclaimPolicy", "volumeBindingMode", "allowVolumeExpansion"});
        if (!cm.valid())
            return;
        c.location = locationOf(cn);
        readName(cm, c.name, "storage class");
        cm.readString("backend", c.backend, Need::Required);
        cm.readBool("default", c.isDefault);
        cm.readEnum("reclaimPolicy", c.reclaimPolicy);
        cm.readEnum("volumeBindingMode", c.bindingMode);
        cm.readBool("allowVolumeExpansion", c.allowExpansion);
        t.storageClasses.push_back(c);
    });
}

Secret TopologyReader::readSecret(const YAML::Node &node, const std::string &path)
{
    Secret s;
    // Values are deliberately not a field: a design never carries secret material.
    MapReader m(m_r, node, path, {"name", "keys"});
    if (!m.valid())
        return s;
    s.location = locationOf(node);
    readName(m, s.name, "secret");
    m.readStringList("keys", s.keys, Need::Required);
    return s;
}

Workload TopologyReader::readWorkload(const YAML::Node &node, const std::string &path)
{
    Workload w;
    MapReader m(m_r, node, path,
                {"name", "kind", "namespace", "replicas", "image", "resources", "ports", "readinessProbe",
                 "livenessProbe", "env", "service", "ingress", "placement", "volumeClaims", "minAvailable",
                 "autoscaling"});
    if (!m.valid())
        return w;
    w.location = locationOf(node);
    readName(m, w.name, "workload");
    m.readEnum("kind", w.kind, Need::Required);
    m.readString("namespace", w.namespaceName);
    m.readInt("replicas", w.replicas, 0, 100000);
    m.readString("image", w.image, Need::Required);
    if (m.has("resources"))
        readResources(m.get("resources"), m.fieldPath("resources"), w.resources);
    m.forEach("ports", [&](const YAML::Node &pn, const std::string &pp) {
        ContainerPort port;
        MapReader pm(m_r, pn, pp, {"name", "containerPort", "protocol"});
        pm.readString("name", port.name);
        pm.readInt("containerPort", port.containerPort, 1, 65535, Need::Required);
        pm.readString("protocol", port.protocol);
        w.ports.push_back(port);
    });
    if (m.has("readinessProbe"))
        w.readiness = readProbe(m.get("readinessProbe"), m.fieldPath("readinessProbe"));
    if (m.has("livenessProbe"))
        w.liveness = readProbe(m.get("livenessProbe"), m.fieldPath("livenessProbe"));
    m.forEach("env", [&](const YAML::Node &en, const std::string &ep) { w.env.push_back(readEnv(en, ep)); });
    if (m.has("service")) {
        MapReader sm(m_r, m.get("service"), m.fieldPath("service"), {"type", "port", "targetPort"});
        w.service.type = ServiceType::ClusterIP;
        sm.readEnum("type", w.service.type);
        sm.readInt("port", w.service.port, 1, 65535, Need::Required);
        w.service.targetPort = w.service.port;
        sm.readInt("targetPort", w.service.targetPort, 1, 65535);
    }
    if (m.has("ingress")) {
        MapReader im(m_r, m.get("ingress"), m.fieldPath("ingress"), {"host", "path", "tlsSecret"});
        w.ingress.enabled = true;
        im.readString("host", w.ingress.host);
        im.readString("path", w.ingress.path);
        im.readString("tlsSecret", w.ingress.tlsSecret);
    }
    if (m.has("placement"))
        readPlacement(m.get("placement"), m.fieldPath("placement"), w.placement);
    m.forEach("volumeClaims", [&](const YAML::Node &vn, const std::string &vp) { w.volumeClaims.push_back(readClaim(vn, vp)); });
    int minAvailable = 0;
    if (m.readInt("minAvailable", minAvailable, 0, 100000))
        w.minAvailable = minAvailable;
    if (m.has("autoscaling"))
        w.autoscaling = readAutoscaling(m.get("autoscaling"), m.fieldPath("autoscaling"));
    return w;
}

Autoscaling TopologyReader::readAutoscaling(const YAML::Node &node, const std::string &path)
{
    // The ranges are what the fields can hold; whether they make sense together (min >= 1,
    // max >= min, a target, a CPU request) is for the rules, so such a design still opens.
    Autoscaling a;
    MapReader m(m_r, node, path,
                {"minReplicas", "maxReplicas", "targetCPUUtilizationPercentage", "targetMemoryUtilizationPercentage"});
    if (!m.valid())
        return a;
    m.readInt("minReplicas", a.minReplicas, 0, 100000);
    m.readInt("maxReplicas", a.maxReplicas, 0, 100000, Need::Required);
    int percent = 0;
    if (m.readInt("targetCPUUtilizationPercentage", percent, 1, 1000))
        a.targetCpuUtilization = percent;
    if (m.readInt("targetMemoryUtilizationPercentage", percent, 1, 1000))
        a.targetMemoryUtilization = percent;
    return a;
}

void TopologyReader::readResources(const YAML::Node &node, const std::string &path, Resources &out)
{
    MapReader m(m_r, node, path, {"requests", "limits"});
    if (m.has("requests")) {
        MapReader rq(m_r, m.get("requests"), m.fieldPath("requests"), {"cpu", "memory"});
        rq.readCpu("cpu", out.cpuRequestMillis);
        rq.readBytes("memory", out.memoryRequestBytes);
    }
    if (m.has("limits")) {
        MapReader lm(m_r, m.get("limits"), m.fieldPath("limits"), {"cpu", "memory"});
        lm.readCpu("cpu", out.cpuLimitMillis);
        lm.readBytes("memory", out.memoryLimitBytes);
    }
}

Probe TopologyReader::readProbe(const YAML::Node &node, const std::string &path)
{
    Probe p;
    MapReader m(m_r, node, path,
                {"httpGet", "tcpSocket", "exec", "initialDelaySeconds", "periodSeconds", "failureThreshold"});
    if (!m.valid())
        return p;
    int handlers = 0;
    if (m.has("httpGet")) {
        ++handlers;
        p.type = ProbeType::HttpGet;
        MapReader h(m_r, m.get("httpGet"), m.fieldPath("httpGet"), {"path", "port"});
        h.readString("path", p.path);
        h.readInt("port", p.port, 1, 65535, Need::Required);
    }
    if (m.has("tcpSocket")) {
        ++handlers;
        p.type = ProbeType::TcpSocket;
        MapReader s(m_r, m.get("tcpSocket"), m.fieldPath("tcpSocket"), {"port"});
        s.readInt("port", p.port, 1, 65535, Need::Required);
    }
    if (m.has("exec")) {
        ++handlers;
        p.type = ProbeType::Exec;
        MapReader e(m_r, m.get("exec"), m.fieldPath("exec"), {"command"});
        e.readStringList("command", p.command, Need::Required);
    }
    if (handlers != 1)
        m_r.error(node, path, "a probe needs exactly one of 'httpGet', 'tcpSocket' or 'exec'");
    m.readInt("initialDelaySeconds", p.initialDelaySeconds, 0, 86400);
    m.readInt("periodSeconds", p.periodSeconds, 1, 86400);
    m.readInt("failureThreshold", p.failureThreshold, 1, 1000);
    return p;
}

EnvVar TopologyReader::readEnv(const YAML::Node &node, const std::string &path)
{
    EnvVar e;
    MapReader m(m_r, node, path, {"name", "value", "secretKeyRef"});
    if (!m.valid())
        return e;
    m.readString("name", e.name, Need::Required);
    m.readString("value", e.value);
    if (m.has("secretKeyRef")) {
        MapReader s(m_r, m.get("secretKeyRef"), m.fieldPath("secretKeyRef"), {"name", "key"});
        s.readString("name", e.secretName, Need::Required);
        s.readString("key", e.secretKey, Need::Required);
        if (m.has("value"))
            m_r.error(m.get("value"), m.fieldPath("value"), "give either 'value' or 'secretKeyRef', not both");
    }
    return e;
}

void TopologyReader::readPlacement(const YAML::Node &node, const std::string &path, Placement &out)
{
    MapReader m(m_r, node, path, {"antiAffinity", "spreadZones", "maxSkew", "nodeSelector", "tolerations"});
    m.readEnum("antiAffinity", out.antiAffinity);
    m.readBool("spreadZones", out.spreadZones);
    m.readInt("maxSkew", out.maxSkew, 1, 1000);
    m.readStringMap("nodeSelector", out.nodeSelector);
    m.forEach("tolerations", [&](const YAML::Node &tn, const std::string &tp) {
        Toleration t;
        MapReader tm(m_r, tn, tp, {"key", "operator", "value", "effect", "tolerationSeconds"});
        tm.readString("key", t.key);
        if (tm.readString("operator", t.op) && t.op != "Equal" && t.op != "Exists")
            tm.reportBadChoice("operator", t.op, {"Equal", "Exists"});
        tm.readString("value", t.value);
        TaintEffect effect{};
        if (tm.readEnum("effect", effect))
            t.effect = effect;
        int seconds = 0;
        if (tm.readInt("tolerationSeconds", seconds, 0, 1000000000))
            t.tolerationSeconds = seconds;
        out.tolerations.push_back(t);
    });
}

VolumeClaim TopologyReader::readClaim(const YAML::Node &node, const std::string &path)
{
    VolumeClaim c;
    MapReader m(m_r, node, path, {"name", "size", "storageClass", "accessMode", "mountPath"});
    m.readString("name", c.name, Need::Required);
    m.readBytes("size", c.sizeBytes, Need::Required);
    m.readString("storageClass", c.storageClass);
    m.readEnum("accessMode", c.accessMode);
    m.readString("mountPath", c.mountPath);
    return c;
}

/// Turns a yaml-cpp message ("end of map not found") into a sentence.
std::string syntaxMessage(const YAML::ParserException &e)
{
    std::string msg = e.msg.empty() ? "invalid YAML" : e.msg;
    return "YAML syntax error: " + msg;
}

} // namespace

LoadResult parseTopology(std::string_view text, const std::string &fileName)
{
    LoadResult result;
    Reporter reporter(fileName);
    const bool blank = text.find_first_not_of(" \t\r\n") == std::string_view::npos;
    if (blank) {
        reporter.error(1, 1, "", "the file is empty; expected a topology (apiVersion: quorum.studio/v1alpha1, kind: Topology)");
        result.errors = reporter.take();
        return result;
    }
    std::vector<YAML::Node> documents;
    try {
        documents = YAML::LoadAll(std::string(text));
    } catch (const YAML::ParserException &e) {
        reporter.error(e.mark.line + 1, e.mark.column + 1, "", syntaxMessage(e));
        result.errors = reporter.take();
        return result;
    } catch (const YAML::Exception &e) {
        reporter.error(e.mark.line + 1, e.mark.column + 1, "", std::string("cannot read YAML: ") + e.msg);
        result.errors = reporter.take();
        return result;
    }
    if (documents.empty() || documents.front().IsNull()) {
        reporter.error(1, 1, "", "the file holds no document; expected a topology (apiVersion: quorum.studio/v1alpha1, kind: Topology)");
        result.errors = reporter.take();
        return result;
    }
    if (documents.size() > 1)
        reporter.error(documents[1], "", "expected one topology document, found " + std::to_string(documents.size()));

    Topology topology;
    try {
        TopologyReader reader(reporter);
        reader.readDocument(documents.front(), topology);
    } catch (const YAML::Exception &e) {
        // yaml-cpp throws only on internal misuse here; report it rather than crash.
        reporter.error(e.mark.line + 1, e.mark.column + 1, "", std::string("cannot read YAML: ") + e.msg);
    }
    if (reporter.empty())
        result.topology = std::move(topology);
    result.errors = reporter.take();
    return result;
}

LoadResult loadTopologyFile(const std::string &path)
{
    LoadResult result;
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
        result.errors.push_back(Diagnostic{path, 0, 0, "", "cannot open the file (missing, or no permission to read it)"});
        return result;
    }
    const std::streamoff size = in.tellg();
    if (size > kMaxTopologyFileBytes) {
        result.errors.push_back(Diagnostic{path, 0, 0, "",
                                           "the file is " + std::to_string(size / (1024 * 1024)) +
                                               " MiB; topology files are limited to " +
                                               std::to_string(kMaxTopologyFileBytes / (1024 * 1024)) + " MiB"});
        return result;
    }
    in.seekg(0);
    std::string text(static_cast<std::size_t>(size), '\0');
    if (!in.read(text.data(), size)) {
        result.errors.push_back(Diagnostic{path, 0, 0, "", "reading the file failed"});
        return result;
    }
    if (text.find('\0') != std::string::npos) {
        result.errors.push_back(Diagnostic{path, 0, 0, "", "the file is binary, not YAML text"});
        return result;
    }
    return parseTopology(text, path);
}

std::string Diagnostic::toString() const
{
    std::ostringstream out;
    if (!file.empty())
        out << file << ":";
    if (line > 0) {
        out << line << ":";
        if (column > 0)
            out << column << ":";
    }
    if (out.tellp() > 0)
        out << " ";
    if (!field.empty())
        out << field << ": ";
    out << message;
    return out.str();
}

} // namespace quorum::model
