#include "engine/model/WhatIf.h"

#include "engine/model/Findings.h"

#include <algorithm>
#include <functional>

namespace quorum::model {

namespace {

constexpr std::size_t kMaxZonesTried = 16;

/// A kind of member: the nodes that are one, and how many must stay up.
struct Need {
    std::string kind;
    std::vector<const Node *> nodes;
    int needed = 1;
};

std::vector<Need> needsOf(const Topology &t)
{
    std::vector<Need> needs;
    const std::vector<const Node *> etcd = t.nodesRunning(Component::Etcd);
    needs.push_back({"etcd members", etcd, quorumOf(static_cast<int>(etcd.size()))});
    needs.push_back({"API servers", t.nodesRunning(Component::ApiServer), 1});
    needs.push_back({"controller-managers", t.nodesRunning(Component::ControllerManager), 1});
    needs.push_back({"schedulers", t.nodesRunning(Component::Scheduler), 1});
    // The load balancer in front of the API servers, when it runs on hosts of the design.
    for (const LoadBalancer &lb : t.loadBalancers) {
        const bool api = !lb.targets.empty() && std::all_of(lb.targets.begin(), lb.targets.end(), [&](const std::string &name) {
            const Node *n = t.findNode(name);
            return n && n->runs(Component::ApiServer);
        });
        if (!api || lb.isManaged() || lb.hosts.empty())
            continue;
        Need hosts{"API load-balancer hosts", {}, 1};
        for (const std::string &name : lb.hosts)
            if (const Node *n = t.findNode(name))
                hosts.nodes.push_back(n);
        needs.push_back(hosts);
        break;  // the first API load balancer is the one clients use
    }
    return needs;
}

/// True when, with the nodes of the zones in `down` gone, every need is still met.
bool survives(const std::vector<Need> &needs, const std::vector<std::string> &down)
{
    for (const Need &need : needs) {
        const auto up = std::count_if(need.nodes.begin(), need.nodes.end(), [&](const Node *n) {
            return std::find(down.begin(), down.end(), n->zone) == down.end();
        });
        if (up < need.needed)
            return false;
    }
    return true;
}

/// True when every choice of `count` zones out of `zones` can go down.
bool survivesAnyZones(const std::vector<Need> &needs, const std::vector<std::string> &zones, std::size_t count)
{
    std::vector<std::string> down;
    std::function<bool(std::size_t)> choose = [&](std::size_t from) {
        if (down.size() == count)
            return survives(needs, down);
        for (std::size_t i = from; i < zones.size(); ++i) {
            down.push_back(zones[i]);
            const bool ok = choose(i + 1);
            down.pop_back();
            if (!ok)
                return false;
        }
        return true;
    };
    return choose(0);
}

} // namespace

WhatIf whatIf(const Topology &t)
{
    WhatIf result;
    const std::vector<Need> needs = needsOf(t);
    result.runs = survives(needs, {});
    int budget = INT32_MAX;
    for (const Need &need : needs) {
        const int members = static_cast<int>(need.nodes.size());
        const int tolerated = std::max(0, members - need.needed);
        result.byKind.push_back({need.kind, members, tolerated});
        budget = std::min(budget, tolerated);
    }
    result.nodeFailures = result.runs ? budget : 0;

    std::vector<std::string> zones;
    for (const Zone &z : t.zones)
        zones.push_back(z.name);
    result.zones = static_cast<int>(zones.size());
    if (result.runs && zones.size() <= kMaxZonesTried)
        for (std::size_t count = 1; count < zones.size() && survivesAnyZones(needs, zones, count); ++count)
            result.zoneFailures = static_cast<int>(count);
    return result;
}

} // namespace quorum::model
