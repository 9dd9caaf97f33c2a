// Spellings of the scenario vocabulary and the one-line step descriptions quorumctl prints.

#include "engine/scenario/Duration.h"
#include "engine/scenario/ReaderSupport.h"
#include "engine/scenario/Scenario.h"

#include <algorithm>
#include <array>
#include <type_traits>

namespace quorum::scenario {

namespace {

constexpr std::array<const char *, 7> kComponentNames{"kube-apiserver", "etcd",       "kube-controller-manager",
                                                      "kube-scheduler", "kubelet",    "kube-proxy",
                                                      "load-balancer"};

template <class... Ts> struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

const char *boolText(bool value)
{
    return value ? "true" : "false";
}

std::string describeFault(const Fault &fault)
{
    std::string out = std::string("fault ") + faultKindName(fault);
    out += std::visit(Overloaded{
                          [](const KillNode &f) { return " " + f.target.text(); },
                          [](const RestartNode &f) { return " " + f.target.text(); },
                          [](const StopComponent &f) {
                              return " " + f.target.text() + " " + toString(f.component);
                          },
                          [](const Partition &f) {
                              std::string groups;
                              for (std::size_t g = 0; g < f.groups.size(); ++g) {
                                  groups += g ? " | [" : " [";
                                  for (std::size_t i = 0; i < f.groups[g].size(); ++i)
                                      groups += (i ? ", " : "") + f.groups[g][i].text();
                                  groups += "]";
                              }
                              return groups + (f.oneWay ? " one-way" : "");
                          },
                          [](const ZoneOutage &f) { return " " + f.zone; },
                          [](const SlowDisk &f) { return " " + f.target.text() + " fsync=" + formatDuration(f.fsync); },
                      },
                      fault);
    return out;
}

std::string describeExpectation(const Expectation &expectation)
{
    const auto within = [](Micros d) { return " within " + formatDuration(d); };
    std::string out = std::string("expect ") + expectationKindName(expectation);
    out += std::visit(Overloaded{
                          [&](const EtcdLeaderElected &e) { return within(e.within); },
                          [&](const WritesAvailable &e) { return std::string("=") + boolText(e.value) + within(e.within); },
                          [&](const LeaseHolderChanged &e) { return " " + e.lease + within(e.within); },
                          [&](const NodeReady &e) {
                              return " " + e.node + "=" + boolText(e.value) +
                                     (e.after ? " after " + formatDuration(*e.after) : std::string()) + within(e.within);
                          },
                          [&](const PodsRunning &e) {
                              return " " + e.workload + " count=" + std::to_string(e.count) +
                                     (e.ready ? " ready" : " (readiness not required)") + within(e.within);
                          },
                          [](const ClientSuccessRate &e) {
                              return " >= " + detail::formatDecimal(e.atLeast) + "% over " + formatDuration(e.over);
                          },
                          [](const NoPodsScheduled &e) { return " over " + formatDuration(e.over); },
                      },
                      expectation);
    return out;
}

std::string formatTime(Micros at)
{
    std::string millis = std::to_string(at % kSecond / kMillisecond);
    millis.insert(0, 3 - millis.size(), '0');
    return std::to_string(at / kSecond) + "." + millis + "s";
}

} // namespace

Target Target::fromText(std::string_view text)
{
    constexpr std::string_view kLeasePrefix = "lease-holder:";
    if (text == "etcd-leader")
        return Target{Kind::EtcdLeader, ""};
    if (text.starts_with(kLeasePrefix))
        return Target{Kind::LeaseHolder, std::string(text.substr(kLeasePrefix.size()))};
    return Target{Kind::Node, std::string(text)};
}

std::string Target::text() const
{
    switch (kind) {
    case Kind::EtcdLeader:
        return "etcd-leader";
    case Kind::LeaseHolder:
        return "lease-holder:" + name;
    case Kind::Node:
        break;
    }
    return name;
}

std::string GroupMember::text() const
{
    return kind == Kind::Zone ? "zone:" + name : name;
}

const char *faultKindName(const Fault &fault)
{
    constexpr std::array<const char *, std::variant_size_v<Fault>> kNames{
        "kill-node", "restart-node", "stop-component", "partition", "zone-outage", "slow-disk"};
    return kNames[fault.index()];
}

const char *expectationKindName(const Expectation &expectation)
{
    constexpr std::array<const char *, std::variant_size_v<Expectation>> kNames{
        "etcdLeaderElected", "writesAvailable",   "leaseHolderChanged", "nodeReady",
        "podsRunning",       "clientSuccessRate", "noPodsScheduled"};
    return kNames[expectation.index()];
}

const char *toString(Component component)
{
    return kComponentNames[static_cast<std::size_t>(component)];
}

std::optional<Component> componentFromString(std::string_view text)
{
    for (std::size_t i = 0; i < kComponentNames.size(); ++i)
        if (text == kComponentNames[i])
            return static_cast<Component>(i);
    return std::nullopt;
}

std::string describeAction(const Action &action)
{
    return std::visit(Overloaded{
                          [](const Apply &a) { return "apply " + a.manifest.given; },
                          [](const Scale &s) { return "scale " + s.workload + " replicas=" + std::to_string(s.replicas); },
                          [](const Fault &f) { return describeFault(f); },
                          [](const Heal &h) {
                              switch (h.scope) {
                              case Heal::Scope::Node:
                                  return "heal " + h.target.text();
                              case Heal::Scope::Partition:
                                  return std::string("heal partition");
                              case Heal::Scope::All:
                                  break;
                              }
                              return std::string("heal all");
                          },
                          [](const Expectation &e) { return describeExpectation(e); },
                      },
                      action);
}

std::string describe(const Step &step)
{
    return formatTime(step.at) + "  " + describeAction(step.action);
}

std::vector<std::string> describe(const Scenario &scenario)
{
    std::size_t width = 0;
    for (const Step &step : scenario.steps)
        width = std::max(width, formatTime(step.at).size());
    std::vector<std::string> lines;
    for (const Step &step : scenario.steps) {
        const std::string time = formatTime(step.at);
        lines.push_back(std::string(width - time.size(), ' ') + time + "  " + describeAction(step.action));
    }
    return lines;
}

} // namespace quorum::scenario
