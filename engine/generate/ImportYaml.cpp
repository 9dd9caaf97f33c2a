#include "engine/generate/ImportYaml.h"

#include <algorithm>
#include <cctype>

namespace quorum::generate::importing {

using model::Severity;

namespace {

const char *describe(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Sequence: return "a sequence";
    case YAML::NodeType::Scalar: return "a scalar";
    case YAML::NodeType::Null: return "null";
    case YAML::NodeType::Undefined: break;
    }
    return "nothing";
}

bool isPlain(const YAML::Node &node)
{
    return node.Tag() == "?";
}

} // namespace

void Reader::report(Severity severity, const YAML::Node &at, const std::string &field, const std::string &message)
{
    model::Diagnostic d;
    d.file = m_file;
    if (at.IsDefined()) {
        const YAML::Mark mark = at.Mark();
        if (mark.line >= 0) {
            d.line = mark.line + 1;
            d.column = mark.column + 1;
        }
    }
    d.field = field;
    d.message = message;
    m_out.push_back(ImportDiagnostic{severity, std::move(d)});
}

std::optional<std::vector<YAML::Node>> Reader::loadAll(std::string_view text)
{
    try {
        return YAML::LoadAll(std::string(text));
    } catch (const YAML::Exception &e) {
        model::Diagnostic d;
        d.file = m_file;
        d.line = e.mark.line >= 0 ? e.mark.line + 1 : 0;
        d.column = e.mark.column >= 0 ? e.mark.column + 1 : 0;
        d.message = "YAML syntax error: " + e.msg;
        m_out.push_back(ImportDiagnostic{Severity::Error, std::move(d)});
        return std::nullopt;
    }
}

std::vector<Object> Reader::objects(const std::vector<YAML::Node> &documents)
{
    std::vector<Object> out;
    auto take = [&](const YAML::Node &node, const std::string &where, auto &self) -> void {
        if (!node.IsMap()) {
            error(node, where, std::string("expected a Kubernetes object (a mapping), found ") + describe(node));
            return;
        }
        Object o;
        o.node = node;
        const auto apiVersion = string(node, "apiVersion", where);
        const auto kind = string(node, "kind", where);
        if (!apiVersion || !kind) {
            if (!apiVersion && !child(node, "apiVersion").IsDefined())
                error(node, join(where, "apiVersion"), "missing apiVersion");
            if (!kind && !child(node, "kind").IsDefined())
                error(node, join(where, "kind"), "missing kind");
            return;
        }
        o.apiVersion = *apiVersion;
        o.kind = *kind;
        const YAML::Node meta = mapping(node, "metadata", where);
        if (meta.IsDefined()) {
            o.name = string(meta, "name", join(where, "metadata")).value_or("");
            o.ns = string(meta, "namespace", join(where, "metadata")).value_or("");
        }
        if (o.kind == "List" || (o.kind.size() > 4 && o.kind.compare(o.kind.size() - 4, 4, "List") == 0 &&
                                 child(node, "items").IsDefined())) {
            const auto items = sequence(node, "items", where);
            for (std::size_t i = 0; i < items.size(); ++i)
                self(items[i], index(join(where, "items"), i), self);
            return;
        }
        out.push_back(std::move(o));
    };
    for (std::size_t i = 0; i < documents.size(); ++i) {
        if (documents[i].IsNull() || !documents[i].IsDefined())
            continue;  // an empty document between two "---"
        take(documents[i], documents.size() > 1 ? "document " + std::to_string(i + 1) : std::string(), take);
    }
    return out;
}

YAML::Node Reader::child(const YAML::Node &node, const char *key)
{
    if (!node.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    for (const auto &kv : node)
        if (kv.first.IsScalar() && kv.first.Scalar() == key)
            return kv.second.IsNull() ? YAML::Node(YAML::NodeType::Undefined) : kv.second;
    return YAML::Node(YAML::NodeType::Undefined);
}

std::optional<std::string> Reader::string(const YAML::Node &node, const char *key, const std::string &path)
{
    const YAML::Node v = child(node, key);
    if (!v.IsDefined())
        return std::nullopt;
    if (!v.IsScalar()) {
        error(v, join(path, key), std::string("expected a string, found ") + describe(v));
        return std::nullopt;
    }
    return v.Scalar();
}

std::optional<std::int64_t> Reader::integer(const YAML::Node &node, const char *key, const std::string &path,
                                            std::int64_t min, std::int64_t max)
{
    const YAML::Node v = child(node, key);
    if (!v.IsDefined())
        return std::nullopt;
    const std::string field = join(path, key);
    if (!v.IsScalar() || !isPlain(v)) {
        error(v, field, std::string("expected an integer, found ") + (v.IsScalar() ? "a quoted string" : describe(v)));
        return std::nullopt;
    }
    const std::string &s = v.Scalar();
    std::size_t used = 0;
    long long value = 0;
    try {
        value = std::stoll(s, &used, 10);
    } catch (const std::exception &) {
        used = 0;
    }
    if (used == 0 || used != s.size()) {
        error(v, field, "expected an integer, found '" + s + "'");
        return std::nullopt;
    }
    if (value < min || value > max) {
        error(v, field, s + " is out of range (" + std::to_string(min) + " to " + std::to_string(max) + ")");
        return std::nullopt;
    }
    return value;
}

std::optional<bool> Reader::boolean(const YAML::Node &node, const char *key, const std::string &path)
{
    const YAML::Node v = child(node, key);
    if (!v.IsDefined())
        return std::nullopt;
    std::string s = v.IsScalar() ? v.Scalar() : std::string();
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (v.IsScalar() && isPlain(v) && (s == "true" || s == "false"))
        return s == "true";
    error(v, join(path, key), std::string("expected true or false, found ") + (v.IsScalar() ? "'" + v.Scalar() + "'" : describe(v)));
    return std::nullopt;
}

std::optional<std::map<std::string, std::string>> Reader::stringMap(const YAML::Node &node, const char *key,
                                                                    const std::string &path)
{
    const YAML::Node v = child(node, key);
    if (!v.IsDefined())
        return std::nullopt;
    if (!v.IsMap()) {
        error(v, join(path, key), std::string("expected a mapping of strings, found ") + describe(v));
        return std::nullopt;
    }
    std::map<std::string, std::string> out;
    for (const auto &kv : v) {
        if (!kv.second.IsScalar()) {
            error(kv.second, join(join(path, key), kv.first.Scalar()), std::string("expected a string, found ") +
                                                                          describe(kv.second));
            continue;
        }
        out[kv.first.Scalar()] = kv.second.Scalar();
    }
    return out;
}

std::optional<std::vector<std::string>> Reader::stringList(const YAML::Node &node, const char *key,
                                                           const std::string &path)
{
    const YAML::Node v = child(node, key);
    if (!v.IsDefined())
        return std::nullopt;
    if (!v.IsSequence()) {
        error(v, join(path, key), std::string("expected a list of strings, found ") + describe(v));
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!v[i].IsScalar()) {
            error(v[i], index(join(path, key), i), std::string("expected a string, found ") + describe(v[i]));
            continue;
        }
        out.push_back(v[i].Scalar());
    }
    return out;
}

std::vector<YAML::Node> Reader::sequence(const YAML::Node &node, const char *key, const std::string &path)
{
    const YAML::Node v = child(node, key);
    std::vector<YAML::Node> out;
    if (!v.IsDefined())
        return out;
    if (!v.IsSequence()) {
        error(v, join(path, key), std::string("expected a list, found ") + describe(v));
        return out;
    }
    for (std::size_t i = 0; i < v.size(); ++i)
        out.push_back(v[i]);
    return out;
}

YAML::Node Reader::mapping(const YAML::Node &node, const char *key, const std::string &path)
{
    const YAML::Node v = child(node, key);
    if (v.IsDefined() && !v.IsMap()) {
        error(v, join(path, key), std::string("expected a mapping, found ") + describe(v));
        return YAML::Node(YAML::NodeType::Undefined);
    }
    return v;
}

void Reader::reportUnknown(const YAML::Node &node, const std::string &path, std::initializer_list<const char *> known,
                           Severity severity)
{
    if (!node.IsMap())
        return;
    for (const auto &kv : node) {
        const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string("?");
        const bool isKnown = std::any_of(known.begin(), known.end(), [&](const char *k) { return key == k; });
        if (!isKnown)
            report(severity, kv.first, join(path, key), "'" + key + "' has no counterpart in the design; not imported");
    }
}

void applyNodeLabels(const std::map<std::string, std::string> &labels, model::Node &node)
{
    for (const auto &[key, value] : labels) {
        if (key == "topology.kubernetes.io/zone")
            node.zone = value;
        else if (key != "topology.kubernetes.io/region" && key != "quorum.studio/node")
            node.labels[key] = value;
    }
}

void addZonesOfNodes(model::Topology &t)
{
    for (const model::Node &n : t.nodes)
        if (!n.zone.empty() && !t.findZone(n.zone))
            t.zones.push_back(model::Zone{n.zone, {}, {}});
}

} // namespace quorum::generate::importing
