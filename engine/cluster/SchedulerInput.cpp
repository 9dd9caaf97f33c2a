#include "engine/cluster/SchedulerInput.h"

#include "engine/cluster/StatefulSets.h"
#include "engine/model/TopologyYaml.h"

namespace quorum::cluster {

namespace {

using namespace quorum::scheduler;

std::int64_t cpuOf(const Json &v)
{
    if (v.is_number())
        return static_cast<std::int64_t>(v.get<double>() * 1000);
    return v.is_string() ? model::parseCpuMillis(v.get<std::string>()).value_or(0) : 0;
}

std::int64_t bytesOf(const Json &v)
{
    if (v.is_number())
        return v.get<std::int64_t>();
    return v.is_string() ? model::parseBytes(v.get<std::string>()).value_or(0) : 0;
}

std::int64_t countOf(const Json &v)
{
    if (v.is_number_integer())
        return v.get<std::int64_t>();
    return v.is_string() ? std::atoll(v.get<std::string>().c_str()) : 0;
}

std::optional<scheduler::TaintEffect> effectOf(const std::string &text)
{
    if (text == "NoSchedule")
        return scheduler::TaintEffect::NoSchedule;
    if (text == "PreferNoSchedule")
        return scheduler::TaintEffect::PreferNoSchedule;
    if (text == "NoExecute")
        return scheduler::TaintEffect::NoExecute;
    return std::nullopt;
}

Labels labelsFrom(const Json &object)
{
    Labels out;
    if (object.is_object())
        for (const auto &[k, v] : object.items())
            if (v.is_string())
                out.emplace(k, v.get<std::string>());
    return out;
}

std::vector<Requirement> requirements(const Json &list)
{
    std::vector<Requirement> out;
    if (!list.is_array())
        return out;
    for (const Json &e : list) {
        Requirement r;
        r.key = e.value("key", std::string());
        const std::string op = e.value("operator", std::string("In"));
        r.op = op == "NotIn" ? Operator::NotIn
             : op == "Exists" ? Operator::Exists
             : op == "DoesNotExist" ? Operator::DoesNotExist
             : op == "Gt" ? Operator::Gt
             : op == "Lt" ? Operator::Lt
                          : Operator::In;
        for (const Json &v : e.value("values", Json::array()))
            if (v.is_string())
                r.values.push_back(v.get<std::string>());
        out.push_back(std::move(r));
    }
    return out;
}

NodeSelectorTerm nodeTerm(const Json &term)
{
    return NodeSelectorTerm{requirements(term.value("matchExpressions", Json::array()))};
}

PodAffinityTerm podTerm(const Json &term)
{
    PodAffinityTerm t;
    t.labelSelector = toLabelSelector(term.value("labelSelector", Json::object()));
    for (const Json &ns : term.value("namespaces", Json::array()))
        if (ns.is_string())
            t.namespaces.push_back(ns.get<std::string>());
    t.topologyKey = term.value("topologyKey", std::string());
    return t;
}

void podTerms(const Json &affinity, std::vector<PodAffinityTerm> &required, std::vector<WeightedPodAffinityTerm> &preferred)
{
    for (const Json &t : affinity.value("requiredDuringSchedulingIgnoredDuringExecution", Json::array()))
        required.push_back(podTerm(t));
    for (const Json &t : affinity.value("preferredDuringSchedulingIgnoredDuringExecution", Json::array()))
        preferred.push_back(WeightedPodAffinityTerm{t.value("weight", 1), podTerm(t.value("podAffinityTerm", Json::object()))});
}

} // namespace

LabelSelector toLabelSelector(const Json &selector)
{
    LabelSelector s;
    if (!selector.is_object())
        return s;
    s.matchLabels = labelsFrom(selector.value("matchLabels", Json::object()));
    s.matchExpressions = requirements(selector.value("matchExpressions", Json::array()));
    return s;
}

scheduler::NodeInfo toNodeInfo(const Json &node)
{
    NodeInfo n;
    n.name = nameOf(node);
    n.labels = labelsFrom(node.value("metadata", Json::object()).value("labels", Json::object()));
    const Json spec = node.value("spec", Json::object());
    n.unschedulable = spec.value("unschedulable", false);
    for (const Json &t : spec.value("taints", Json::array())) {
        const auto effect = effectOf(t.value("effect", std::string()));
        if (effect)
            n.taints.push_back(scheduler::Taint{t.value("key", std::string()), t.value("value", std::string()), *effect});
    }
    const Json alloc = node.value("status", Json::object()).value("allocatable", Json::object());
    n.allocatable.milliCpu = cpuOf(alloc.value("cpu", Json("0")));
    n.allocatable.memory = bytesOf(alloc.value("memory", Json("0")));
    n.allocatable.pods = countOf(alloc.value("pods", Json("110")));
    return n;
}

scheduler::PodSpec toPodSpec(const Json &pod, const ObjectCache *cache)
{
    PodSpec p;
    p.ns = namespaceOf(pod);
    p.name = nameOf(pod);
    p.labels = labelsFrom(objectAt(objectAt(pod, "metadata"), "labels"));
    const Json &spec = objectAt(pod, "spec");
    for (const Json &c : arrayAt(spec, "containers")) {
        const Json &requests = objectAt(objectAt(c, "resources"), "requests");
        p.requests.milliCpu += cpuOf(requests.value("cpu", Json("0")));
        p.requests.memory += bytesOf(requests.value("memory", Json("0")));
    }
    p.nodeSelector = labelsFrom(objectAt(spec, "nodeSelector"));
    const Json &affinity = objectAt(spec, "affinity");
    const Json &nodeAffinity = objectAt(affinity, "nodeAffinity");
    const Json required = nodeAffinity.value("requiredDuringSchedulingIgnoredDuringExecution", Json::object());
    for (const Json &t : required.value("nodeSelectorTerms", Json::array()))
        p.requiredNodeAffinity.push_back(nodeTerm(t));
    for (const Json &t : nodeAffinity.value("preferredDuringSchedulingIgnoredDuringExecution", Json::array()))
        p.preferredNodeAffinity.push_back(
            PreferredSchedulingTerm{t.value("weight", 1), nodeTerm(t.value("preference", Json::object()))});
    podTerms(affinity.value("podAffinity", Json::object()), p.requiredPodAffinity, p.preferredPodAffinity);
    podTerms(affinity.value("podAntiAffinity", Json::object()), p.requiredPodAntiAffinity, p.preferredPodAntiAffinity);
    for (const Json &t : arrayAt(spec, "tolerations")) {
        Toleration tol;
        tol.key = t.value("key", std::string());
        tol.op = t.value("operator", std::string("Equal")) == "Exists" ? TolerationOperator::Exists : TolerationOperator::Equal;
        tol.value = t.value("value", std::string());
        tol.effect = effectOf(t.value("effect", std::string()));
        if (t.contains("tolerationSeconds") && t["tolerationSeconds"].is_number_integer())
            tol.tolerationSeconds = t["tolerationSeconds"].get<std::int64_t>();
        p.tolerations.push_back(std::move(tol));
    }
    for (const Json &c : spec.value("topologySpreadConstraints", Json::array())) {
        TopologySpreadConstraint tsc;
        tsc.maxSkew = c.value("maxSkew", 1);
        tsc.topologyKey = c.value("topologyKey", std::string());
        tsc.whenUnsatisfiable = c.value("whenUnsatisfiable", std::string("DoNotSchedule")) == "ScheduleAnyway"
                                    ? UnsatisfiableAction::ScheduleAnyway
                                    : UnsatisfiableAction::DoNotSchedule;
        tsc.labelSelector = toLabelSelector(c.value("labelSelector", Json::object()));
        if (c.contains("minDomains") && c["minDomains"].is_number_integer())
            tsc.minDomains = c["minDomains"].get<std::int32_t>();
        p.topologySpreadConstraints.push_back(std::move(tsc));
    }
    if (cache) {
        // VolumeBinding: a bound volume with node affinity (node-local storage) pins the pod.
        for (const std::string &claim : podClaims(pod)) {
            ObjectPtr pvc = cache->get(res::persistentVolumeClaims(), p.ns, claim);
            const std::string volume = pvc ? pvc->value("spec", Json::object()).value("volumeName", std::string()) : std::string();
            ObjectPtr pv = volume.empty() ? nullptr : cache->get(res::persistentVolumes(), "", volume);
            if (!pv || !(*pv)["spec"].contains("nodeAffinity"))
                continue;
            std::vector<NodeSelectorTerm> terms;
            for (const Json &t : (*pv)["spec"]["nodeAffinity"].value("required", Json::object()).value("nodeSelectorTerms", Json::array()))
                terms.push_back(nodeTerm(t));
            if (terms.empty())
                continue;
            if (p.requiredNodeAffinity.empty()) {
                p.requiredNodeAffinity = terms;
                continue;
            }
            std::vector<NodeSelectorTerm> both; // (A or B) and (C or D) = AC or AD or BC or BD
            for (const NodeSelectorTerm &a : p.requiredNodeAffinity)
                for (const NodeSelectorTerm &b : terms) {
                    NodeSelectorTerm t = a;
                    t.matchExpressions.insert(t.matchExpressions.end(), b.matchExpressions.begin(), b.matchExpressions.end());
                    both.push_back(std::move(t));
                }
            p.requiredNodeAffinity = std::move(both);
        }
        const Json &meta = objectAt(pod, "metadata");
        for (const Json &ref : arrayAt(meta, "ownerReferences")) {
            if (!ref.value("controller", false))
                continue;
            const ResourceInfo *owner = resourceForKind(ref.value("kind", std::string()));
            if (!owner)
                continue;
            ObjectPtr o = cache->get(*owner, p.ns, ref.value("name", std::string()));
            if (o && o->contains("spec") && (*o)["spec"].contains("selector"))
                p.ownerSelector = toLabelSelector((*o)["spec"]["selector"]);
        }
    }
    return p;
}

} // namespace quorum::cluster
