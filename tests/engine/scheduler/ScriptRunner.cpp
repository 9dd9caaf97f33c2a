#include "tests/engine/scheduler/ScriptRunner.h"

#include "engine/scheduler/Matching.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <sstream>

namespace quorum::scheduler::testing {

namespace {

std::vector<std::string> split(const std::string &text, char separator)
{
    std::vector<std::string> parts;
    std::size_t begin = 0;
    while (true) {
        const std::size_t end = text.find(separator, begin);
        parts.push_back(text.substr(begin, end == std::string::npos ? std::string::npos : end - begin));
        if (end == std::string::npos)
            return parts;
        begin = end + 1;
    }
}

bool parseInt(const std::string &text, std::int64_t *out)
{
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

bool parseEffect(const std::string &text, TaintEffect *effect)
{
    for (TaintEffect e : {TaintEffect::NoSchedule, TaintEffect::PreferNoSchedule, TaintEffect::NoExecute}) {
        if (text == toString(e)) {
            *effect = e;
            return true;
        }
    }
    return false;
}

bool parseOperator(const std::string &text, Operator *op)
{
    for (Operator o : {Operator::In, Operator::NotIn, Operator::Exists, Operator::DoesNotExist, Operator::Gt, Operator::Lt}) {
        if (text == toString(o)) {
            *op = o;
            return true;
        }
    }
    return false;
}

/// key:Op[:v1/v2]
bool parseRequirement(const std::string &text, Requirement *out)
{
    const std::vector<std::string> parts = split(text, ':');
    if (parts.size() < 2 || parts.size() > 3 || !parseOperator(parts[1], &out->op))
        return false;
    out->key = parts[0];
    out->values.clear();
    if (parts.size() == 3)
        out->values = split(parts[2], '/');
    return true;
}

bool parseLabels(const std::string &text, Labels *labels)
{
    if (text.empty())
        return true;
    for (const std::string &item : split(text, ',')) {
        const std::size_t eq = item.find('=');
        if (eq == std::string::npos)
            return false;
        (*labels)[item.substr(0, eq)] = item.substr(eq + 1);
    }
    return true;
}

bool parseSelector(const std::string &text, LabelSelector *selector)
{
    if (text.empty())
        return true;
    for (const std::string &item : split(text, '&')) {
        if (item.find(':') != std::string::npos) {
            Requirement r;
            if (!parseRequirement(item, &r))
                return false;
            selector->matchExpressions.push_back(std::move(r));
        } else {
            const std::size_t eq = item.find('=');
            if (eq == std::string::npos)
                return false;
            selector->matchLabels[item.substr(0, eq)] = item.substr(eq + 1);
        }
    }
    return true;
}

bool parseTerm(const std::string &text, NodeSelectorTerm *term)
{
    for (const std::string &item : split(text, ';')) {
        Requirement r;
        if (!parseRequirement(item, &r))
            return false;
        term->matchExpressions.push_back(std::move(r));
    }
    return true;
}

/// W:REST -> weight and REST.
bool splitWeight(const std::string &text, std::int32_t *weight, std::string *rest)
{
    const std::size_t colon = text.find(':');
    std::int64_t w = 0;
    if (colon == std::string::npos || !parseInt(text.substr(0, colon), &w))
        return false;
    *weight = static_cast<std::int32_t>(w);
    *rest = text.substr(colon + 1);
    return true;
}

/// SEL@KEY[@ns1/ns2]
bool parsePodTerm(const std::string &text, PodAffinityTerm *term)
{
    const std::vector<std::string> parts = split(text, '@');
    if (parts.size() < 2 || parts.size() > 3 || !parseSelector(parts[0], &term->labelSelector))
        return false;
    term->topologyKey = parts[1];
    if (parts.size() == 3)
        term->namespaces = split(parts[2], '/');
    return true;
}

bool parseTaint(const std::string &text, Taint *taint)
{
    const std::size_t colon = text.rfind(':');
    if (colon == std::string::npos || !parseEffect(text.substr(colon + 1), &taint->effect))
        return false;
    const std::string keyValue = text.substr(0, colon);
    const std::size_t eq = keyValue.find('=');
    taint->key = keyValue.substr(0, eq);
    taint->value = eq == std::string::npos ? std::string() : keyValue.substr(eq + 1);
    return true;
}

bool parseToleration(std::string text, Toleration *t)
{
    if (const std::size_t at = text.find('@'); at != std::string::npos) {
        std::int64_t seconds = 0;
        if (!parseInt(text.substr(at + 1), &seconds))
            return false;
        t->tolerationSeconds = seconds;
        text = text.substr(0, at);
    }
    if (const std::size_t colon = text.rfind(':'); colon != std::string::npos) {
        TaintEffect effect;
        if (!parseEffect(text.substr(colon + 1), &effect))
            return false;
        t->effect = effect;
        text = text.substr(0, colon);
    }
    if (text == "*") {
        t->op = TolerationOperator::Exists;
        return true;
    }
    const std::size_t eq = text.find('=');
    t->key = text.substr(0, eq);
    t->op = eq == std::string::npos ? TolerationOperator::Exists : TolerationOperator::Equal;
    if (eq != std::string::npos)
        t->value = text.substr(eq + 1);
    return !t->key.empty();
}

template <typename T, typename F>
bool parseList(const std::string &text, char separator, std::vector<T> *out, F parse)
{
    if (text.empty())
        return true;
    for (const std::string &item : split(text, separator)) {
        T value{};
        if (!parse(item, &value))
            return false;
        out->push_back(std::move(value));
    }
    return true;
}

std::string mebibytes(std::int64_t bytes)
{
    return std::to_string(bytes / (1024 * 1024)) + "Mi";
}

} // namespace

bool parseCpu(const std::string &text, std::int64_t *milliCpu)
{
    if (!text.empty() && text.back() == 'm')
        return parseInt(text.substr(0, text.size() - 1), milliCpu);
    double cores = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), cores);
    if (ec != std::errc() || ptr != text.data() + text.size() || cores < 0)
        return false;
    *milliCpu = static_cast<std::int64_t>(std::llround(cores * 1000));
    return true;
}

bool parseMemory(const std::string &text, std::int64_t *bytes)
{
    static const std::pair<const char *, std::int64_t> suffixes[] = {
        {"Ki", 1LL << 10}, {"Mi", 1LL << 20}, {"Gi", 1LL << 30}, {"Ti", 1LL << 40},
        {"k", 1000LL},     {"M", 1000000LL},  {"G", 1000000000LL}, {"T", 1000000000000LL}};
    for (const auto &[suffix, factor] : suffixes) {
        const std::string s = suffix;
        if (text.size() > s.size() && text.compare(text.size() - s.size(), s.size(), s) == 0) {
            std::int64_t n = 0;
            if (!parseInt(text.substr(0, text.size() - s.size()), &n))
                return false;
            *bytes = n * factor;
            return true;
        }
    }
    return parseInt(text, bytes);
}

ScriptRunner::ScriptRunner() : m_scheduler(std::make_unique<Scheduler>(m_state, m_options))
{
    m_scheduler->setExplain(true);
}

void ScriptRunner::print(const std::string &line)
{
    m_out->append("  ").append(line).push_back('\n');
}

bool ScriptRunner::run(const std::string &script, std::string *trace, std::string *error)
{
    m_out = trace;
    std::istringstream in(script);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty() || line[0] == '#') {
            trace->append(line).push_back('\n');
            continue;
        }
        std::istringstream words(line);
        std::string command;
        words >> command;
        std::vector<std::string> positional;
        Args args;
        m_words.clear();
        for (std::string word; words >> word;) {
            m_words.push_back(word);
            const std::size_t eq = word.find('=');
            if (eq == std::string::npos)
                positional.push_back(word);
            else
                args[word.substr(0, eq)] = word.substr(eq + 1);
        }
        trace->append("> ").append(line).push_back('\n');
        m_error.clear();
        if (!execute(command, positional, args)) {
            *error = "line " + std::to_string(number) + ": " + (m_error.empty() ? "bad command: " + line : m_error);
            return false;
        }
    }
    return true;
}

bool ScriptRunner::parseNode(const Args &args, NodeInfo *node)
{
    auto get = [&](const char *key, const char *fallback) {
        const auto it = args.find(key);
        return it == args.end() ? std::string(fallback) : it->second;
    };
    node->name = get("name", "");
    if (node->name.empty()) {
        m_error = "node needs name=";
        return false;
    }
    node->labels[kLabelHostname] = node->name;
    if (args.count("zone"))
        node->labels[kLabelZone] = args.at("zone");
    if (!parseCpu(get("cpu", "4"), &node->allocatable.milliCpu) || !parseMemory(get("mem", "8Gi"), &node->allocatable.memory)
        || !parseInt(get("pods", "110"), &node->allocatable.pods) || !parseLabels(get("labels", ""), &node->labels)
        || !parseList(get("taints", ""), ',', &node->taints, parseTaint)) {
        m_error = "bad node arguments";
        return false;
    }
    return true;
}

bool ScriptRunner::parsePod(const Args &args, PodSpec *pod)
{
    auto get = [&](const char *key) {
        const auto it = args.find(key);
        return it == args.end() ? std::string() : it->second;
    };
    pod->name = get("name");
    if (args.count("ns"))
        pod->ns = args.at("ns");
    bool ok = !pod->name.empty() && parseLabels(get("labels"), &pod->labels)
        && parseLabels(get("node-selector"), &pod->nodeSelector)
        && (get("cpu").empty() || parseCpu(get("cpu"), &pod->requests.milliCpu))
        && (get("mem").empty() || parseMemory(get("mem"), &pod->requests.memory))
        && parseList(get("affinity"), '|', &pod->requiredNodeAffinity, parseTerm)
        && parseList(get("prefer"), '|', &pod->preferredNodeAffinity,
                     [](const std::string &text, PreferredSchedulingTerm *t) {
                         std::string rest;
                         return splitWeight(text, &t->weight, &rest) && parseTerm(rest, &t->preference);
                     })
        && parseList(get("tolerations"), ',', &pod->tolerations, parseToleration)
        && parseList(get("anti"), '|', &pod->requiredPodAntiAffinity, parsePodTerm)
        && parseList(get("affine"), '|', &pod->requiredPodAffinity, parsePodTerm);
    auto weighted = [](const std::string &text, WeightedPodAffinityTerm *t) {
        std::string rest;
        return splitWeight(text, &t->weight, &rest) && parsePodTerm(rest, &t->term);
    };
    ok = ok && parseList(get("prefer-anti"), '|', &pod->preferredPodAntiAffinity, weighted)
        && parseList(get("prefer-affine"), '|', &pod->preferredPodAffinity, weighted)
        && parseList(get("spread"), '|', &pod->topologySpreadConstraints,
                     [](const std::string &text, TopologySpreadConstraint *c) {
                         const std::vector<std::string> parts = split(text, '@');
                         std::int64_t skew = 0;
                         if (parts.size() < 4 || parts.size() > 5 || !parseInt(parts[0], &skew))
                             return false;
                         c->maxSkew = static_cast<std::int32_t>(skew);
                         c->topologyKey = parts[1];
                         if (parts[2] == "ScheduleAnyway")
                             c->whenUnsatisfiable = UnsatisfiableAction::ScheduleAnyway;
                         else if (parts[2] != "DoNotSchedule")
                             return false;
                         if (parts.size() == 5) {
                             std::int64_t minDomains = 0;
                             if (!parseInt(parts[4], &minDomains))
                                 return false;
                             c->minDomains = static_cast<std::int32_t>(minDomains);
                         }
                         return parseSelector(parts[3], &c->labelSelector);
                     });
    if (ok && args.count("owner")) {
        pod->ownerSelector.emplace();
        ok = parseSelector(args.at("owner"), &*pod->ownerSelector);
    }
    if (!ok)
        m_error = "bad pod arguments";
    return ok;
}

void ScriptRunner::schedulePod(const PodSpec &pod, bool quiet)
{
    const ScheduleResult result = m_scheduler->scheduleAndBind(pod);
    if (quiet) {
        print(pod.name + " -> " + (result.scheduled() ? result.nodeName : "unschedulable: " + result.error->message)
              + " (start=" + std::to_string(result.startIndex) + " evaluated=" + std::to_string(result.evaluatedNodes)
              + " feasible=" + std::to_string(result.feasibleNodes) + ")");
        return;
    }
    print("start=" + std::to_string(result.startIndex) + " evaluated=" + std::to_string(result.evaluatedNodes)
          + " feasible=" + std::to_string(result.feasibleNodes));
    for (const NodeStatus &status : result.filtered) {
        std::string line = "filtered " + status.nodeName + ": " + std::string(toString(status.plugin)) + ": ";
        for (std::size_t i = 0; i < status.reasons.size(); ++i)
            line += (i ? ", " : "") + status.reasons[i];
        if (status.code == StatusCode::UnschedulableAndUnresolvable)
            line += " (unresolvable)";
        print(line);
    }
    static const char *const shortNames[kScorePlugins] = {"taint", "nodeaffinity", "fit", "spread", "interpod", "balanced"};
    for (const NodeScores &scores : result.scores) {
        std::string line = "score " + scores.nodeName + " total=" + std::to_string(scores.total) + ":";
        for (std::size_t p = 0; p < kScorePlugins; ++p)
            line += std::string(" ") + shortNames[p] + "=" + std::to_string(scores.scores[p]);
        print(line);
    }
    print(result.scheduled() ? "-> " + result.nodeName : "-> unschedulable: " + result.error->message);
}

bool ScriptRunner::execute(const std::string &command, const std::vector<std::string> &positional, const Args &args)
{
    auto nodeArg = [&]() -> std::optional<NodeInfo> {
        if (positional.empty() || m_state.findNode(positional[0]) == kNoNode) {
            m_error = "unknown node";
            return std::nullopt;
        }
        return m_state.node(m_state.findNode(positional[0]));
    };
    if (command == "options") {
        std::int64_t value = 0;
        if (args.count("percentage") && parseInt(args.at("percentage"), &value))
            m_options.percentageOfNodesToScore = static_cast<int>(value);
        if (args.count("seed") && parseInt(args.at("seed"), &value))
            m_options.seed = static_cast<std::uint64_t>(value);
        m_options.explain = true;
        m_scheduler = std::make_unique<Scheduler>(m_state, m_options);
        print("ok");
        return true;
    }
    if (command == "node" || command == "update-node") {
        NodeInfo node;
        if (!parseNode(args, &node))
            return false;
        const bool ok = command == "node" ? m_state.addNode(std::move(node)) : m_state.updateNode(std::move(node));
        print(ok ? "ok" : "rejected");
        return true;
    }
    if (command == "nodes") {
        std::int64_t count = 0;
        if (!args.count("count") || !parseInt(args.at("count"), &count) || !args.count("prefix")) {
            m_error = "nodes needs count= and prefix=";
            return false;
        }
        const std::vector<std::string> zones = args.count("zones") ? split(args.at("zones"), ',') : std::vector<std::string>{};
        for (std::int64_t i = 1; i <= count; ++i) {
            Args one = args;
            one.erase("count");
            one.erase("prefix");
            one.erase("zones");
            one["name"] = args.at("prefix") + "-" + std::to_string(i);
            if (!zones.empty())
                one["zone"] = zones[static_cast<std::size_t>(i - 1) % zones.size()];
            NodeInfo node;
            if (!parseNode(one, &node) || !m_state.addNode(std::move(node)))
                return false;
        }
        print("ok");
        return true;
    }
    if (command == "remove-node") {
        print(!positional.empty() && m_state.removeNode(positional[0]) ? "ok" : "no such node");
        return true;
    }
    if (command == "cordon" || command == "uncordon" || command == "taint" || command == "untaint") {
        std::optional<NodeInfo> node = nodeArg();
        if (!node)
            return false;
        if (command == "cordon" || command == "uncordon") {
            node->unschedulable = command == "cordon";
        } else if (command == "taint") {
            Taint taint;
            if (m_words.size() < 2 || !parseTaint(m_words[1], &taint)) {
                m_error = "taint needs NODE key[=value]:Effect";
                return false;
            }
            node->taints.push_back(taint);
        } else {
            if (positional.size() < 2)
                return false;
            std::erase_if(node->taints, [&](const Taint &t) { return t.key == positional[1]; });
        }
        m_state.updateNode(std::move(*node));
        print("ok");
        return true;
    }
    if (command == "bind") {
        PodSpec pod;
        if (!parsePod(args, &pod) || !args.count("node"))
            return false;
        print(m_state.bindPod(std::move(pod), args.at("node")) ? "ok" : "rejected");
        return true;
    }
    if (command == "schedule") {
        PodSpec pod;
        if (!parsePod(args, &pod))
            return false;
        if (std::find(positional.begin(), positional.end(), "owned") != positional.end())
            pod.ownerSelector = LabelSelector{pod.labels, {}};
        std::int64_t count = 0;
        if (args.count("count") && parseInt(args.at("count"), &count)) {
            for (std::int64_t i = 1; i <= count; ++i) {
                PodSpec copy = pod;
                copy.name = pod.name + "-" + std::to_string(i);
                schedulePod(copy, true);
            }
            return true;
        }
        const bool quiet = std::find(positional.begin(), positional.end(), "quiet") != positional.end();
        schedulePod(pod, quiet);
        return true;
    }
    if (command == "remove-pod") {
        const std::string ns = args.count("ns") ? args.at("ns") : "default";
        print(!positional.empty() && m_state.removePod(ns, positional[0]) ? "ok" : "no such pod");
        return true;
    }
    if (command == "usage") {
        for (NodeId id : m_state.nodeOrder()) {
            const NodeInfo &node = m_state.node(id);
            const NodeUsage &usage = m_state.usage(id);
            print(node.name + ": cpu " + std::to_string(usage.requested.milliCpu) + "m/"
                  + std::to_string(node.allocatable.milliCpu) + "m mem " + mebibytes(usage.requested.memory) + "/"
                  + mebibytes(node.allocatable.memory) + " pods " + std::to_string(usage.pods) + "/"
                  + std::to_string(node.allocatable.pods));
        }
        return true;
    }
    m_error = "unknown command " + command;
    return false;
}

} // namespace quorum::scheduler::testing
