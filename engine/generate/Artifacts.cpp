// generateArtifacts: derives the shared facts once, runs every family, sorts the output.

#include "engine/generate/Artifacts.h"
#include "engine/generate/Context.h"

#include "engine/model/TopologyYaml.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

namespace quorum::generate {

using namespace quorum::model;

// ---- Small public helpers ----------------------------------------------------------------

const std::vector<std::string> &artifactFamilies()
{
    static const std::vector<std::string> kFamilies{"loadbalancer", "etcd", "kubeadm", "kind",
                                                    "kubespray",    "metallb", "manifests", "secrets"};
    return kFamilies;
}

const GeneratedFile *GenerateResult::find(const std::string &path) const
{
    for (const GeneratedFile &f : files)
        if (f.path == path)
            return &f;
    return nullptr;
}

std::optional<KubernetesVersion> parseKubernetesVersion(const std::string &text)
{
    std::string s = text;
    if (!s.empty() && s.front() == 'v')
        s.erase(0, 1);
    int parts[3] = {0, 0, 0};
    int count = 0;
    std::size_t i = 0;
    while (count < 3) {
        const std::size_t start = i;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
            ++i;
        if (i == start || i - start > 4)
            return std::nullopt;
        parts[count++] = std::stoi(s.substr(start, i - start));
        if (i == s.size())
            break;
        if (s[i] != '.')
            return std::nullopt;
        ++i;
    }
    if (i != s.size() || count < 2)
        return std::nullopt;
    return KubernetesVersion{parts[0], parts[1]};
}

bool isSecretLikeName(const std::string &name)
{
    std::string upper = name;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    for (const char *word : {"PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "CREDENTIAL"})
        if (upper.find(word) != std::string::npos)
            return true;
    return false;
}

// ---- Context ------------------------------------------------------------------------------

Context::Context(const Topology &topology, KubernetesVersion version, const GenerateOptions &options)
    : m_t(topology), m_version(version), m_options(options)
{
    m_controlPlane = m_t.nodesRunning(Component::ApiServer);
    m_etcd = m_t.nodesRunning(Component::Etcd);
    for (const Node *n : m_t.nodesRunning(Component::Kubelet))
        if (!n->runs(Component::ApiServer))
            m_workers.push_back(n);

    // The API load balancer: the first one whose targets include an API server.
    for (const LoadBalancer &lb : m_t.loadBalancers) {
        const bool targetsApi = std::any_of(lb.targets.begin(), lb.targets.end(), [&](const std::string &target) {
            const Node *n = m_t.findNode(target);
            return n && n->runs(Component::ApiServer);
        });
        if (targetsApi && lb.type != LoadBalancerType::IngressController && lb.type != LoadBalancerType::MetalLB) {
            m_apiLb = &lb;
            break;
        }
    }
    if (m_apiLb) {
        m_endpointPort = m_apiLb->port;
        m_apiServerPort = m_apiLb->targetPort;
        if (!m_apiLb->vip.empty())
            m_endpointHost = m_apiLb->vip;
        else if (m_apiLb->hosts.size() == 1 && m_t.findNode(m_apiLb->hosts.front()))
            m_endpointHost = addressOf(*m_t.findNode(m_apiLb->hosts.front()));
        else
            m_endpointHost = m_apiLb->name;
    } else if (!m_controlPlane.empty()) {
        m_endpointHost = addressOf(*m_controlPlane.front());
    } else {
        m_endpointHost = "127.0.0.1";
    }
}

std::string Context::controlPlaneEndpoint() const
{
    const bool ipv6 = m_endpointHost.find(':') != std::string::npos;
    return (ipv6 ? "[" + m_endpointHost + "]" : m_endpointHost) + ":" + std::to_string(m_endpointPort);
}

std::string Context::addressOf(const Node &node)
{
    return node.address.empty() ? node.name : node.address;
}

std::vector<std::string> Context::apiServerCertSans() const
{
    std::vector<std::string> sans;
    auto add = [&](const std::string &s) {
        if (!s.empty() && std::find(sans.begin(), sans.end(), s) == sans.end())
            sans.push_back(s);
    };
    add(m_endpointHost);
    if (m_apiLb) {
        add(m_apiLb->vip);
        add(m_apiLb->name);
        for (const std::string &host : m_apiLb->hosts) {
            add(host);
            if (const Node *n = m_t.findNode(host))
                add(n->address);
        }
    }
    for (const Node *n : m_controlPlane) {
        add(n->name);
        add(n->address);
    }
    return sans;
}

std::string Context::nodeLabels(const Node &node) const
{
    std::vector<std::string> labels;
    if (!node.zone.empty()) {
        labels.push_back("topology.kubernetes.io/zone=" + node.zone);
        if (const Zone *z = m_t.findZone(node.zone); z && !z->region.empty())
            labels.push_back("topology.kubernetes.io/region=" + z->region);
    }
    for (const auto &[key, value] : node.labels)
        if (key != "topology.kubernetes.io/zone" && key != "topology.kubernetes.io/region")
            labels.push_back(key + "=" + value);
    std::string out;
    for (const std::string &l : labels)
        out += (out.empty() ? "" : ",") + l;
    return out;
}

Flags Context::apiServerFlags() const
{
    const std::string seconds = std::to_string(m_t.timings.evictionTolerationMs / 1000);
    return {{"default-not-ready-toleration-seconds", seconds}, {"default-unreachable-toleration-seconds", seconds}};
}

Flags Context::controllerManagerFlags() const
{
    const Timings &tm = m_t.timings;
    return {{"leader-elect-lease-duration", formatDurationMs(tm.leaseDurationMs)},
            {"leader-elect-renew-deadline", formatDurationMs(tm.renewDeadlineMs)},
            {"leader-elect-retry-period", formatDurationMs(tm.retryPeriodMs)},
            {"node-monitor-period", formatDurationMs(tm.nodeMonitorPeriodMs)},
            {"node-monitor-grace-period", formatDurationMs(tm.nodeMonitorGracePeriodMs)},
            {"node-startup-grace-period", formatDurationMs(tm.nodeStartupGracePeriodMs)}};
}

Flags Context::schedulerFlags() const
{
    const Timings &tm = m_t.timings;
    return {{"leader-elect-lease-duration", formatDurationMs(tm.leaseDurationMs)},
            {"leader-elect-renew-deadline", formatDurationMs(tm.renewDeadlineMs)},
            {"leader-elect-retry-period", formatDurationMs(tm.retryPeriodMs)}};
}

Flags Context::etcdTimingFlags() const
{
    return {{"heartbeat-interval", std::to_string(m_t.timings.etcdHeartbeatMs)},
            {"election-timeout", std::to_string(m_t.timings.etcdElectionTimeoutMs)}};
}

Yaml Context::commonLabels(const std::string &name) const
{
    Yaml labels = Yaml::map();
    labels.set("app.kubernetes.io/name", name);
    labels.set("app.kubernetes.io/part-of", m_t.name);
    labels.set("app.kubernetes.io/managed-by", "quorum-studio");
    return labels;
}

void Context::addFile(std::string path, std::string content)
{
    m_files.push_back(GeneratedFile{std::move(path), std::move(content)});
}

void Context::note(std::string element, std::string message)
{
    m_notes.push_back(GenerateNote{std::move(element), std::move(message)});
}

std::vector<GeneratedFile> Context::takeFiles()
{
    std::sort(m_files.begin(), m_files.end(),
              [](const GeneratedFile &a, const GeneratedFile &b) { return a.path < b.path; });
    return std::move(m_files);
}

std::string Context::header(const std::string &what) const
{
    return what + "\nGenerated by Quorum Studio from topology '" + m_t.name + "' (Kubernetes " + m_version.toString() +
           ").\nRegenerate with: quorumctl generate TOPOLOGY --out DIR";
}

Yaml objectMeta(const Context &ctx, const std::string &name, const std::string &ns)
{
    Yaml meta = Yaml::map();
    meta.set("name", name);
    if (!ns.empty())
        meta.set("namespace", ns);
    meta.set("labels", ctx.commonLabels(name));
    return meta;
}

// ---- Entry points -------------------------------------------------------------------------

GenerateResult generateArtifacts(const Topology &topology, const GenerateOptions &options)
{
    GenerateResult result;
    const std::string versionText = options.kubernetesVersion.empty() ? topology.kubernetesVersion : options.kubernetesVersion;
    const auto version = parseKubernetesVersion(versionText);
    if (!version) {
        result.error = "Kubernetes version '" + versionText + "' is not of the form X.Y (for example 1.30)";
        return result;
    }
    if (*version < kOldestSupportedVersion || *version > kNewestSupportedVersion) {
        result.error = "Kubernetes " + version->toString() + " is outside the versions the generators know (" +
                       kOldestSupportedVersion.toString() + " to " + kNewestSupportedVersion.toString() + ")";
        return result;
    }
    Context ctx(topology, *version, options);
    generateLoadBalancers(ctx);
    generateEtcd(ctx);
    generateKubeadm(ctx);
    generateKind(ctx);
    generateKubespray(ctx);
    generateMetalLb(ctx);
    generateManifests(ctx);
    generateReadme(ctx);
    result.files = ctx.takeFiles();
    result.notes = ctx.takeNotes();
    return result;
}

std::optional<std::string> writeArtifacts(const std::vector<GeneratedFile> &files, const std::string &dir)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    for (const GeneratedFile &file : files) {
        if (file.path.empty() || file.path.front() == '/' || file.path.find("..") != std::string::npos)
            return "refusing to write '" + file.path + "': not a relative path inside the output folder";
        const fs::path target = fs::path(dir) / file.path;
        fs::create_directories(target.parent_path(), ec);
        if (ec)
            return target.parent_path().string() + ": cannot create folder: " + ec.message();
        const fs::path temp = target.string() + ".tmp";
        {
            std::ofstream out(temp, std::ios::binary | std::ios::trunc);
            if (!out)
                return temp.string() + ": cannot open for writing: " + std::strerror(errno);
            out.write(file.content.data(), static_cast<std::streamsize>(file.content.size()));
            out.flush();
            if (!out)
                return temp.string() + ": write failed: " + std::strerror(errno);
        }
        if (file.path.size() > 3 && file.path.compare(file.path.size() - 3, 3, ".sh") == 0)
            fs::permissions(temp, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                            fs::perm_options::add, ec);
        fs::rename(temp, target, ec);
        if (ec) {
            fs::remove(temp);
            return target.string() + ": cannot replace: " + ec.message();
        }
    }
    return std::nullopt;
}

} // namespace quorum::generate
