// The bodies of fault, heal and expect steps. Which fields a fault or expectation allows
// depends on its kind, so each kind lists its fields and unknown ones get "did you mean".

#include "engine/scenario/ReaderSupport.h"

#include <array>
#include <set>

namespace quorum::scenario::detail {

namespace {

struct KindFields {
    const char *kind;
    std::vector<std::string> fields;
};

const std::vector<KindFields> &faultKinds()
{
    static const std::vector<KindFields> kinds{
        {"kill-node", {"kind", "target"}},
        {"restart-node", {"kind", "target"}},
        {"stop-component", {"kind", "target", "component"}},
        {"partition", {"kind", "groups", "oneWay"}},
        {"zone-outage", {"kind", "zone"}},
        {"slow-disk", {"kind", "target", "fsync"}},
    };
    return kinds;
}

const std::vector<KindFields> &expectationKinds()
{
    static const std::vector<KindFields> kinds{
        {"etcdLeaderElected", {"within"}},
        {"writesAvailable", {"value", "within"}},
        {"leaseHolderChanged", {"lease", "within"}},
        {"nodeReady", {"node", "value", "after", "within"}},
        {"podsRunning", {"workload", "count", "ready", "within"}},
        {"clientSuccessRate", {"atLeast", "over"}},
        {"noPodsScheduled", {"over"}},
    };
    return kinds;
}

std::vector<std::string> kindNames(const std::vector<KindFields> &kinds)
{
    std::vector<std::string> names;
    for (const KindFields &k : kinds)
        names.emplace_back(k.kind);
    return names;
}

const KindFields *findKind(const std::vector<KindFields> &kinds, const std::string &name)
{
    for (const KindFields &k : kinds)
        if (name == k.kind)
            return &k;
    return nullptr;
}

/// partition groups: a list of at least two non-empty, disjoint lists of nodes or zone:<zone>.
std::vector<std::vector<GroupMember>> readGroups(MapReader &map, Reporter &r)
{
    std::vector<std::vector<GroupMember>> groups;
    const YAML::Node node = map.get("groups");
    const std::string path = map.fieldPath("groups");
    if (!node.IsDefined()) {
        map.reportMissing("groups");
        return groups;
    }
    if (!node.IsSequence()) {
        r.error(node, path, std::string("expected a list of groups such as [[cp-1], [cp-2, cp-3]], found ") +
                                model::yaml::describe(node));
        return groups;
    }
    if (node.size() < 2) {
        r.error(node, path, "a partition needs at least two groups, found " + std::to_string(node.size()));
        return groups;
    }
    std::set<std::string> seen;
    for (std::size_t g = 0; g < node.size(); ++g) {
        const YAML::Node group = node[g];
        const std::string groupPath = path + "[" + std::to_string(g) + "]";
        if (!group.IsSequence() || group.size() == 0) {
            r.error(group, groupPath,
                    group.IsSequence() ? std::string("a group must name at least one node or zone")
                                       : std::string("expected a list of nodes, found ") + model::yaml::describe(group));
            continue;
        }
        std::vector<GroupMember> members;
        for (std::size_t i = 0; i < group.size(); ++i) {
            const YAML::Node item = group[i];
            const std::string itemPath = groupPath + "[" + std::to_string(i) + "]";
            if (!item.IsScalar() || item.Scalar().empty()) {
                r.error(item, itemPath, std::string("expected a node name or zone:<zone>, found ") +
                                            (item.IsScalar() ? "an empty string" : model::yaml::describe(item)));
                continue;
            }
            const std::string text = item.Scalar();
            GroupMember member{GroupMember::Kind::Node, text};
            if (text.starts_with("zone:")) {
                member = GroupMember{GroupMember::Kind::Zone, text.substr(5)};
                if (member.name.empty()) {
                    r.error(item, itemPath, "'zone:' names no zone; write zone:<zone>, for example zone:b");
                    continue;
                }
            } else if (text.find(':') != std::string::npos) {
                r.error(item, itemPath, "'" + text + "' is not a node name or zone:<zone>");
                continue;
            }
            if (!seen.insert(text).second) {
                r.error(item, itemPath, "'" + text + "' is in more than one group");
                continue;
            }
            members.push_back(std::move(member));
        }
        groups.push_back(std::move(members));
    }
    return groups;
}

} // namespace

Fault readFault(Reporter &r, const YAML::Node &node, const std::string &path)
{
    if (!node.IsMap()) {
        r.error(node, path,
                std::string("expected a mapping such as {kind: kill-node, target: cp-1}, found ") +
                    model::yaml::describe(node));
        return KillNode{};
    }
    const YAML::Node kindNode = node["kind"];
    const KindFields *kind = kindNode.IsScalar() ? findKind(faultKinds(), kindNode.Scalar()) : nullptr;
    // With an unknown kind, allow every field so that only the kind is reported.
    std::vector<std::string> allowed = kind ? kind->fields : std::vector<std::string>{};
    if (!kind)
        for (const KindFields &k : faultKinds())
            allowed.insert(allowed.end(), k.fields.begin(), k.fields.end());
    MapReader m(r, node, path, allowed);
    std::string kindText;
    if (!m.readString("kind", kindText, Need::Required))
        return KillNode{};
    if (!kind) {
        m.reportBadChoice("kind", kindText, kindNames(faultKinds()));
        return KillNode{};
    }
    const std::string name = kind->kind;
    if (name == "kill-node" || name == "restart-node") {
        Target target;
        readTarget(m, r, "target", target, Need::Required);
        if (name == "kill-node")
            return KillNode{target};
        return RestartNode{target};
    }
    if (name == "stop-component") {
        StopComponent f;
        readTarget(m, r, "target", f.target, Need::Required);
        std::string component;
        if (m.readString("component", component, Need::Required)) {
            if (auto c = componentFromString(component))
                f.component = *c;
            else {
                std::vector<std::string> names;
                for (int i = 0; i <= static_cast<int>(Component::LoadBalancer); ++i)
                    names.emplace_back(toString(static_cast<Component>(i)));
                m.reportBadChoice("component", component, names);
            }
        }
        return f;
    }
    if (name == "partition") {
        Partition f;
        f.groups = readGroups(m, r);
        m.readBool("oneWay", f.oneWay);
        return f;
    }
    if (name == "zone-outage") {
        ZoneOutage f;
        readName(m, r, "zone", f.zone, Need::Required);
        return f;
    }
    SlowDisk f;
    readTarget(m, r, "target", f.target, Need::Required);
    readDuration(m, r, "fsync", f.fsync, Need::Required, Sign::Positive);
    return f;
}

Heal readHeal(Reporter &r, const YAML::Node &node, const std::string &path)
{
    const char *shapes = "expected 'all', {target: <node>} or {partition: true}";
    if (node.IsScalar()) {
        if (node.Scalar() != "all")
            r.error(node, path, "'" + node.Scalar() + "' is not valid here; " + shapes);
        return Heal{};
    }
    if (!node.IsMap()) {
        r.error(node, path, std::string(shapes) + ", found " + model::yaml::describe(node));
        return Heal{};
    }
    MapReader m(r, node, path, {"target", "partition"});
    Heal heal;
    if (m.has("target") == m.has("partition")) {
        if (m.valid())
            r.error(node, path, std::string("heal takes one of 'target' or 'partition'; ") + shapes);
        return heal;
    }
    if (m.has("target")) {
        heal.scope = Heal::Scope::Node;
        readTarget(m, r, "target", heal.target, Need::Required);
        return heal;
    }
    bool partition = true;
    if (m.readBool("partition", partition) && !partition)
        r.error(m.get("partition"), m.fieldPath("partition"),
                "'partition: false' heals nothing; write 'partition: true', or 'heal: all'");
    heal.scope = Heal::Scope::Partition;
    return heal;
}

Expectation readExpectation(Reporter &r, const YAML::Node &node, const std::string &path)
{
    const std::vector<std::string> names = kindNames(expectationKinds());
    MapReader outer(r, node, path, names);
    if (!outer.valid())
        return EtcdLeaderElected{};
    // One expectation per step: the first known key is it; a second one is an error.
    const KindFields *kind = nullptr;
    YAML::Node body;
    for (const auto &entry : node) {
        const KindFields *k = entry.first.IsScalar() ? findKind(expectationKinds(), entry.first.Scalar()) : nullptr;
        if (!k)
            continue;
        if (kind) {
            r.error(entry.first, outer.fieldPath(k->kind),
                    std::string("one expectation per step; put '") + k->kind +
                        "' in a step of its own (with the same 'at')");
            continue;
        }
        kind = k;
        body = entry.second;
    }
    if (!kind) {
        if (node.size() == 0)  // otherwise the unknown keys are already reported
            r.error(node, path, "expected one expectation, for example {etcdLeaderElected: {within: 3s}}");
        return EtcdLeaderElected{};
    }
    const std::string bodyPath = outer.fieldPath(kind->kind);
    if (body.IsNull()) {
        r.error(body, bodyPath, std::string("expected the fields of '") + kind->kind + "', found nothing");
        return EtcdLeaderElected{};
    }
    MapReader m(r, body, bodyPath, kind->fields);
    const std::string name = kind->kind;
    if (name == "etcdLeaderElected") {
        EtcdLeaderElected e;
        readDuration(m, r, "within", e.within, Need::Required);
        return e;
    }
    if (name == "writesAvailable") {
        WritesAvailable e;
        m.readBool("value", e.value, Need::Required);
        readDuration(m, r, "within", e.within, Need::Required);
        return e;
    }
    if (name == "leaseHolderChanged") {
        LeaseHolderChanged e;
        if (readName(m, r, "lease", e.lease, Need::Required)) {
            const auto &leases = knownLeases();
            if (std::find(leases.begin(), leases.end(), e.lease) == leases.end())
                m.reportBadChoice("lease", e.lease, leases);
        }
        readDuration(m, r, "within", e.within, Need::Required);
        return e;
    }
    if (name == "nodeReady") {
        NodeReady e;
        readName(m, r, "node", e.node, Need::Required);
        m.readBool("value", e.value, Need::Required);
        Micros after = 0;
        if (readDuration(m, r, "after", after, Need::Optional))
            e.after = after;
        const bool haveWithin = readDuration(m, r, "within", e.within, Need::Required);
        if (e.after && haveWithin && *e.after > e.within)
            r.error(m.get("after"), m.fieldPath("after"),
                    "after (" + m.get("after").Scalar() + ") is later than within (" + m.get("within").Scalar() +
                        "); the window would be empty");
        return e;
    }
    if (name == "podsRunning") {
        PodsRunning e;
        readName(m, r, "workload", e.workload, Need::Required);
        m.readInt("count", e.count, 0, 1000000, Need::Required);
        m.readBool("ready", e.ready);
        readDuration(m, r, "within", e.within, Need::Required);
        return e;
    }
    if (name == "clientSuccessRate") {
        ClientSuccessRate e;
        readNumber(m, r, "atLeast", e.atLeast, 0, 100, Need::Required);
        readDuration(m, r, "over", e.over, Need::Required, Sign::Positive);
        return e;
    }
    NoPodsScheduled e;
    readDuration(m, r, "over", e.over, Need::Required, Sign::Positive);
    return e;
}

} // namespace quorum::scenario::detail
