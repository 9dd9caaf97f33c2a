// Self-hosted load balancers in front of nodes (the API servers): an HAProxy config (TCP mode,
// `option httpchk GET /healthz`, check inter/fall/rise from the design), the nginx `stream`
// config as the alternative, and for a VIP a keepalived VRRP config per host with a health-check
// script. Managed (cloud, MetalLB) and ingress-controller load balancers need none of these.

#include "engine/generate/Context.h"

#include "engine/model/TopologyYaml.h"

#include <algorithm>

namespace quorum::generate {

using namespace quorum::model;

namespace {

struct Backend {
    std::string name;
    std::string address;
};

std::vector<Backend> nodeBackends(const Context &ctx, const LoadBalancer &lb)
{
    std::vector<Backend> out;
    for (const std::string &target : lb.targets)
        if (const Node *n = ctx.topology().findNode(target))
            out.push_back(Backend{n->name, Context::addressOf(*n)});
    return out;
}

bool targetsApiServers(const Context &ctx, const LoadBalancer &lb)
{
    return std::any_of(lb.targets.begin(), lb.targets.end(), [&](const std::string &target) {
        const Node *n = ctx.topology().findNode(target);
        return n && n->runs(Component::ApiServer);
    });
}

std::string hostPort(const std::string &address, int port)
{
    return (address.find(':') != std::string::npos ? "[" + address + "]" : address) + ":" + std::to_string(port);
}

std::string commentBlock(const std::string &header)
{
    std::string out;
    std::size_t start = 0;
    while (start < header.size()) {
        std::size_t end = header.find('\n', start);
        if (end == std::string::npos)
            end = header.size();
        out += "# " + header.substr(start, end - start) + "\n";
        start = end + 1;
    }
    return out;
}

std::string haproxyConfig(const Context &ctx, const LoadBalancer &lb, bool tls)
{
    const std::vector<Backend> backends = nodeBackends(ctx, lb);
    const HealthCheck &hc = lb.healthCheck;
    std::string out = commentBlock(ctx.header("HAProxy for load balancer '" + lb.name + "' (haproxy -c -f haproxy.cfg)."));
    out += "global\n"
           "    log stdout format raw local0\n"
           "    maxconn 20000\n"
           "\n"
           "defaults\n"
           "    mode tcp\n"
           "    log global\n"
           "    option tcplog\n"
           "    option dontlognull\n"
           "    retries 1\n"
           "    timeout connect 5s\n"
           "    timeout client 1h\n"
           "    timeout server 1h\n"
           "    timeout check 5s\n"
           "\n";
    out += "frontend " + lb.name + "\n";
    out += "    bind *:" + std::to_string(lb.port) + "\n";
    out += "    default_backend " + lb.name + "-backends\n\n";
    out += "backend " + lb.name + "-backends\n";
    out += "    balance " + lb.algorithm + "\n";
    std::string check = "check";
    if (!hc.path.empty()) {
        out += "    option httpchk GET " + hc.path + "\n";
        out += "    http-check expect status 200\n";
        if (tls)
            check += " check-ssl verify none";
    }
    out += "    default-server " + check + " inter " + formatDurationMs(hc.intervalMs) + " fall " +
           std::to_string(hc.fall) + " rise " + std::to_string(hc.rise) + " init-addr last,libc,none\n";
    for (const Backend &b : backends)
        out += "    server " + b.name + " " + hostPort(b.address, lb.targetPort) + "\n";
    return out;
}

std::string nginxConfig(const Context &ctx, const LoadBalancer &lb)
{
    const std::vector<Backend> backends = nodeBackends(ctx, lb);
    const HealthCheck &hc = lb.healthCheck;
    std::string balance;
    if (lb.algorithm == "leastconn")
        balance = "        least_conn;\n";
    else if (lb.algorithm == "source")
        balance = "        hash $remote_addr consistent;\n";
    else if (lb.algorithm == "random")
        balance = "        random two least_conn;\n";
    std::string upstream;
    for (char c : lb.name)
        upstream += c == '-' ? '_' : c;
    std::string out = commentBlock(
        ctx.header("nginx (stream module) for load balancer '" + lb.name + "': the alternative to HAProxy.\n"
                   "Open-source nginx checks passively: a server is skipped for fail_timeout after max_fails errors."));
    out += "worker_processes auto;\n"
           "# Debian loads the stream module from here (libnginx-mod-stream); elsewhere it is built in.\n"
           "include /etc/nginx/modules-enabled/*.conf;\n"
           "\n"
           "events {\n"
           "    worker_connections 4096;\n"
           "}\n"
           "\n"
           "stream {\n";
    out += "    upstream " + upstream + " {\n" + balance;
    for (const Backend &b : backends)
        out += "        server " + hostPort(b.address, lb.targetPort) + " max_fails=" + std::to_string(hc.fall) +
               " fail_timeout=" + formatDurationMs(hc.intervalMs) + ";\n";
    out += "    }\n\n";
    out += "    server {\n";
    out += "        listen " + std::to_string(lb.port) + ";\n";
    out += "        proxy_pass " + upstream + ";\n";
    out += "        proxy_connect_timeout 5s;\n";
    out += "        proxy_timeout 1h;\n";
    out += "    }\n";
    out += "}\n";
    return out;
}

/// A VRRP router id in 1..255 that stays the same for the same load balancer name.
int virtualRouterId(const std::string &name)
{
    std::uint32_t hash = 2166136261u;
    for (unsigned char c : name)
        hash = (hash ^ c) * 16777619u;
    return static_cast<int>(hash % 255) + 1;
}

std::string keepalivedConfig(const Context &ctx, const LoadBalancer &lb, std::size_t hostIndex)
{
    const Node *self = ctx.topology().findNode(lb.hosts[hostIndex]);
    const std::string selfName = lb.hosts[hostIndex];
    std::string instance;
    for (char c : lb.name)
        instance += c == '-' ? '_' : c;
    const int priority = std::max(1, 150 - 10 * static_cast<int>(hostIndex));
    std::string out = commentBlock(ctx.header(
        "keepalived on " + selfName + " for the VIP " + lb.vip + " of load balancer '" + lb.name +
        "' (keepalived --config-test -f FILE).\nSet `interface` to the host's network interface that carries the VIP."));
    out += "global_defs {\n";
    out += "    router_id " + selfName + "\n";
    out += "    enable_script_security\n";
    out += "    script_user root\n";
    out += "}\n\n";
    out += "vrrp_script check_apiserver {\n";
    out += "    script \"/etc/keepalived/check_apiserver.sh\"\n";
    out += "    interval 3\n";
    out += "    timeout 5\n";
    out += "    fall 3\n";
    out += "    rise 2\n";
    out += "    weight -20\n";
    out += "}\n\n";
    out += "vrrp_instance " + instance + " {\n";
    out += std::string("    state ") + (hostIndex == 0 ? "MASTER" : "BACKUP") + "\n";
    out += "    interface " + lb.vipInterface + "\n";
    out += "    virtual_router_id " + std::to_string(virtualRouterId(lb.name)) + "\n";
    out += "    priority " + std::to_string(priority) + "\n";
    out += "    advert_int 1\n";
    if (self && !self->address.empty()) {
        out += "    unicast_src_ip " + self->address + "\n";
        out += "    unicast_peer {\n";
        for (std::size_t i = 0; i < lb.hosts.size(); ++i)
            if (const Node *peer = ctx.topology().findNode(lb.hosts[i]); i != hostIndex && peer && !peer->address.empty())
                out += "        " + peer->address + "\n";
        out += "    }\n";
    }
    out += "    virtual_ipaddress {\n";
    out += "        " + lb.vip + "\n";
    out += "    }\n";
    out += "    track_script {\n";
    out += "        check_apiserver\n";
    out += "    }\n";
    out += "}\n";
    return out;
}

std::string checkScript(const Context &ctx, const LoadBalancer &lb, int port)
{
    const std::string path = lb.healthCheck.path.empty() ? "/healthz" : lb.healthCheck.path;
    const std::string local = "https://localhost:" + std::to_string(port) + path;
    std::string out = "#!/bin/sh\n";
    out += commentBlock(ctx.header("keepalived health check for load balancer '" + lb.name +
                                   "': install as /etc/keepalived/check_apiserver.sh (mode 0755, owned by root).\n"
                                   "Fails when the API is not served through this host, so the VIP moves away."));
    out += "errorExit() {\n";
    out += "    echo \"*** $*\" 1>&2\n";
    out += "    exit 1\n";
    out += "}\n\n";
    out += "curl -sfk --max-time 2 -o /dev/null \"" + local + "\" || errorExit \"Error GET " + local + "\"\n";
    return out;
}

} // namespace

void generateLoadBalancers(Context &ctx)
{
    for (const LoadBalancer &lb : ctx.topology().loadBalancers) {
        const std::string element = "loadbalancer/" + lb.name;
        if (lb.isManaged() || lb.type == LoadBalancerType::IngressController)
            continue;
        if (nodeBackends(ctx, lb).empty()) {
            ctx.note(element, "targets no node, so no proxy configuration was generated (workload targets are "
                              "reached through Services)");
            continue;
        }
        const bool api = targetsApiServers(ctx, lb);
        const std::string dir = "loadbalancer/" + lb.name + "/";
        int checkPort = lb.targetPort;
        if (lb.type == LoadBalancerType::HAProxy || lb.type == LoadBalancerType::Nginx) {
            ctx.addFile(dir + "haproxy.cfg", haproxyConfig(ctx, lb, api));
            ctx.addFile(dir + "nginx.conf", nginxConfig(ctx, lb));
            checkPort = lb.port;
        }
        if (!lb.vip.empty() && !lb.hosts.empty()) {
            for (std::size_t i = 0; i < lb.hosts.size(); ++i)
                ctx.addFile(dir + "keepalived-" + lb.hosts[i] + ".conf", keepalivedConfig(ctx, lb, i));
            ctx.addFile(dir + "check_apiserver.sh", checkScript(ctx, lb, checkPort));
        } else if (lb.vip.empty() && lb.hosts.size() > 1) {
            ctx.note(element, "has several hosts but no VIP: clients must list every host, no keepalived config generated");
        }
    }
}

} // namespace quorum::generate
