#pragma once

// Strict, position-aware reading of YAML mappings on top of yaml-cpp: every field is checked
// against the set the schema allows, every value against its type, and each problem becomes a
// Diagnostic with file, line, column and the field's path. Internal to engine/model.

#include "engine/model/TopologyYaml.h"

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::model::yaml {

/// Collects diagnostics for one file. Not thread-safe; one per parse.
class Reporter {
public:
    explicit Reporter(std::string file) : m_file(std::move(file)) {}

    /// Records a problem at the node's position (or at `fallback` when the node has none).
    void error(const YAML::Node &at, const std::string &field, const std::string &message);
    void error(int line, int column, const std::string &field, const std::string &message);

    const std::string &file() const { return m_file; }
    std::vector<Diagnostic> take() { return std::move(m_errors); }
    bool empty() const { return m_errors.empty(); }
    /// Parsing stops adding diagnostics past this many, so a broken huge file stays readable.
    static constexpr std::size_t kMaxErrors = 50;

private:
    std::string m_file;
    std::vector<Diagnostic> m_errors;
};

/// The closest of `candidates` to `word` when it is plausibly a typo, else empty.
std::string nearestName(std::string_view word, const std::vector<std::string> &candidates);

enum class Need { Optional, Required };

/// A view of one YAML mapping at a known path ("spec.nodes[2]"). Construction checks that the
/// node is a mapping, that no key repeats and that every key is allowed (an unknown key is
/// reported with the nearest allowed name). The read functions leave `out` untouched when the
/// field is absent or invalid, and report what is wrong.
class MapReader {
public:
    MapReader(Reporter &reporter, const YAML::Node &node, std::string path, std::vector<std::string> allowed);

    /// False when the node was not a mapping (already reported).
    bool valid() const { return m_valid; }
    const YAML::Node &node() const { return m_node; }
    const std::string &path() const { return m_path; }
    std::string fieldPath(std::string_view key) const;
    /// The value of key, or an undefined node. A YAML null counts as absent.
    YAML::Node get(const char *key) const;
    bool has(const char *key) const { return get(key).IsDefined(); }

    bool readString(const char *key, std::string &out, Need need = Need::Optional);
    bool readInt(const char *key, int &out, int min, int max, Need need = Need::Optional);
    bool readBool(const char *key, bool &out, Need need = Need::Optional);
    bool readCpu(const char *key, std::int64_t &out, Need need = Need::Optional);
    bool readBytes(const char *key, std::int64_t &out, Need need = Need::Optional);
    bool readDuration(const char *key, std::int64_t &out, Need need = Need::Optional);
    bool readStringList(const char *key, std::vector<std::string> &out, Need need = Need::Optional);
    bool readStringMap(const char *key, std::map<std::string, std::string> &out, Need need = Need::Optional);

    /// Reads an enum by its YAML spelling (see Topology.h); lists the valid spellings on error.
    template <typename E> bool readEnum(const char *key, E &out, Need need = Need::Optional)
    {
        std::string text;
        if (!readString(key, text, need))
            return false;
        if (auto value = parseEnum<E>(text)) {
            out = *value;
            return true;
        }
        std::vector<std::string> names;
        for (E v : allValues<E>())
            names.emplace_back(toString(v));
        reportBadChoice(key, text, names);
        return false;
    }

    /// Calls f(itemNode, itemPath) for each element of the sequence at key.
    void forEach(const char *key, const std::function<void(const YAML::Node &, const std::string &)> &f,
                 Need need = Need::Optional);

    /// Reports a missing required field at this mapping's position.
    void reportMissing(const char *key);
    void reportBadChoice(const char *key, const std::string &value, const std::vector<std::string> &choices);

private:
    /// The scalar text at key; reports non-scalars. std::nullopt when absent or not a scalar.
    std::optional<std::string> scalar(const char *key, Need need, const char *expected);

    Reporter &m_reporter;
    YAML::Node m_node;
    std::string m_path;
    std::vector<std::string> m_suggested;  ///< names offered for unknown keys
    std::map<std::string, YAML::Node, std::less<>> m_fields;  ///< key -> value, nulls left out
    bool m_valid = false;
};

/// "a mapping", "a sequence", "a scalar", "nothing" — for "expected X, found Y" messages.
const char *describe(const YAML::Node &node);

} // namespace quorum::model::yaml
