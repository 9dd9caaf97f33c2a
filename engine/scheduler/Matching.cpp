#include "engine/scheduler/Matching.h"

#include <algorithm>
#include <charconv>

namespace quorum::scheduler {

namespace {

bool parseInt64(std::string_view text, std::int64_t *out)
{
    if (text.empty())
        return false;
    const char *begin = text.data();
    if (*begin == '+')
        ++begin;
    auto [ptr, ec] = std::from_chars(begin, text.data() + text.size(), *out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

bool contains(const std::vector<std::string> &values, std::string_view value)
{
    return std::find(values.begin(), values.end(), value) != values.end();
}

} // namespace

bool matchesRequirement(const Requirement &requirement, const Labels &labels)
{
    const auto it = labels.find(requirement.key);
    const bool present = it != labels.end();
    switch (requirement.op) {
    case Operator::In:
        return present && contains(requirement.values, it->second);
    case Operator::NotIn:
        return !present || !contains(requirement.values, it->second);
    case Operator::Exists:
        return present;
    case Operator::DoesNotExist:
        return !present;
    case Operator::Gt:
    case Operator::Lt: {
        if (!present || requirement.values.size() != 1)
            return false;
        std::int64_t have = 0;
        std::int64_t want = 0;
        if (!parseInt64(it->second, &have) || !parseInt64(requirement.values.front(), &want))
            return false;
        return requirement.op == Operator::Gt ? have > want : have < want;
    }
    }
    return false;
}

bool matchesSelector(const LabelSelector &selector, const Labels &labels)
{
    for (const auto &[key, value] : selector.matchLabels) {
        const auto it = labels.find(key);
        if (it == labels.end() || it->second != value)
            return false;
    }
    for (const Requirement &requirement : selector.matchExpressions) {
        if (requirement.op == Operator::Gt || requirement.op == Operator::Lt)
            return false;
        if (!matchesRequirement(requirement, labels))
            return false;
    }
    return true;
}

bool matchesTerm(const NodeSelectorTerm &term, const Labels &labels)
{
    return !term.matchExpressions.empty()
        && std::all_of(term.matchExpressions.begin(), term.matchExpressions.end(),
                       [&](const Requirement &r) { return matchesRequirement(r, labels); });
}

bool matchesAnyTerm(const std::vector<NodeSelectorTerm> &terms, const Labels &labels)
{
    return std::any_of(terms.begin(), terms.end(), [&](const NodeSelectorTerm &t) { return matchesTerm(t, labels); });
}

bool matchesRequiredNodeAffinity(const PodSpec &pod, const Labels &labels)
{
    for (const auto &[key, value] : pod.nodeSelector) {
        const auto it = labels.find(key);
        if (it == labels.end() || it->second != value)
            return false;
    }
    return pod.requiredNodeAffinity.empty() || matchesAnyTerm(pod.requiredNodeAffinity, labels);
}

bool tolerates(const Toleration &toleration, const Taint &taint)
{
    if (toleration.effect && *toleration.effect != taint.effect)
        return false;
    if (!toleration.key.empty() && toleration.key != taint.key)
        return false;
    return toleration.op == TolerationOperator::Exists || toleration.value == taint.value;
}

bool toleratedByAny(const std::vector<Toleration> &tolerations, const Taint &taint)
{
    return std::any_of(tolerations.begin(), tolerations.end(), [&](const Toleration &t) { return tolerates(t, taint); });
}

int firstUntoleratedHardTaint(const std::vector<Taint> &taints, const std::vector<Toleration> &tolerations)
{
    for (std::size_t i = 0; i < taints.size(); ++i) {
        if (taints[i].effect == TaintEffect::PreferNoSchedule)
            continue;
        if (!toleratedByAny(tolerations, taints[i]))
            return static_cast<int>(i);
    }
    return -1;
}

bool termMatchesPod(const std::vector<std::string> &namespaces, const LabelSelector &selector,
                    std::string_view podNamespace, const Labels &podLabels)
{
    return contains(namespaces, podNamespace) && matchesSelector(selector, podLabels);
}

void appendCanonical(const LabelSelector &selector, std::string *out)
{
    for (const auto &[key, value] : selector.matchLabels) {
        out->append(key).push_back('=');
        out->append(value).push_back('\x1f');
    }
    out->push_back('\x1e');
    for (const Requirement &requirement : selector.matchExpressions) {
        out->append(requirement.key).push_back(' ');
        out->append(toString(requirement.op));
        for (const std::string &value : requirement.values)
            out->append(" ").append(value);
        out->push_back('\x1f');
    }
}

std::string_view toString(TaintEffect effect)
{
    switch (effect) {
    case TaintEffect::NoSchedule:
        return "NoSchedule";
    case TaintEffect::PreferNoSchedule:
        return "PreferNoSchedule";
    case TaintEffect::NoExecute:
        return "NoExecute";
    }
    return "?";
}

std::string_view toString(Operator op)
{
    switch (op) {
    case Operator::In:
        return "In";
    case Operator::NotIn:
        return "NotIn";
    case Operator::Exists:
        return "Exists";
    case Operator::DoesNotExist:
        return "DoesNotExist";
    case Operator::Gt:
        return "Gt";
    case Operator::Lt:
        return "Lt";
    }
    return "?";
}

} // namespace quorum::scheduler
