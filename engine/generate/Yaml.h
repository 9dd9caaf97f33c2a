#pragma once

// A small ordered document tree and its block-style YAML writer. Every generator builds its
// Kubernetes objects and configs as Yaml values, so quoting, indentation and key order are
// decided in one place and the output is byte-identical for the same design.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace quorum::generate {

/// A YAML value: null, bool, integer, string, ordered mapping or sequence. Mappings keep keys
/// in insertion order (the writer never sorts), so callers decide the order: apiVersion, kind,
/// metadata, spec. Plain value type; not thread-safe to mutate from several threads.
class Yaml {
public:
    enum class Type { Null, Bool, Int, String, Map, Seq };

    Yaml() = default;
    Yaml(bool v) : m_type(Type::Bool), m_int(v ? 1 : 0) {}
    Yaml(int v) : m_type(Type::Int), m_int(v) {}
    Yaml(std::int64_t v) : m_type(Type::Int), m_int(v) {}
    Yaml(const char *v) : m_type(Type::String), m_string(v) {}
    Yaml(std::string v) : m_type(Type::String), m_string(std::move(v)) {}

    /// An empty mapping (written `{}` while empty).
    static Yaml map() { return Yaml(Type::Map); }
    /// An empty sequence (written `[]` while empty).
    static Yaml seq() { return Yaml(Type::Seq); }
    /// A sequence of strings.
    static Yaml strings(const std::vector<std::string> &items);

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    /// Entries of a mapping or items of a sequence; 0 for scalars.
    std::size_t size() const { return m_type == Type::Map ? m_entries.size() : m_items.size(); }

    /// Sets key to value in a mapping (replacing an existing key, keeping its position) and
    /// returns *this for chaining. Precondition: type() is Map (a Null value becomes a Map).
    Yaml &set(const std::string &key, Yaml value);
    /// Sets key only when value is not empty (a non-empty string, mapping or sequence).
    Yaml &setIfNotEmpty(const std::string &key, Yaml value);
    /// The value at key, created as Null when absent. Precondition: type() is Map or Null.
    Yaml &operator[](const std::string &key);
    /// Appends to a sequence and returns *this. Precondition: type() is Seq (Null becomes Seq).
    Yaml &add(Yaml value);

    /// Scalars as written (strings unquoted, bools "true"/"false", integers in decimal).
    std::string scalarText() const;
    const std::vector<std::pair<std::string, Yaml>> &entries() const { return m_entries; }
    const std::vector<Yaml> &items() const { return m_items; }

private:
    explicit Yaml(Type t) : m_type(t) {}
    bool isEmptyValue() const;

    Type m_type = Type::Null;
    std::int64_t m_int = 0;
    std::string m_string;
    std::vector<std::pair<std::string, Yaml>> m_entries;
    std::vector<Yaml> m_items;
};

/// Writes one document, starting with "---" and ending with a newline. Block style,
/// two-space indentation, sequences indented under their key (yamllint's defaults).
std::string toYaml(const Yaml &document);

/// Writes several documents into one stream, optionally after a `#` comment header
/// (each line of `header` becomes one comment line).
std::string toYamlStream(const std::vector<Yaml> &documents, const std::string &header = {});

/// The scalar as YAML writes it: plain when no YAML 1.1 or 1.2 reader could take it for
/// anything but this string, else double-quoted with escapes.
std::string yamlScalar(const std::string &text);

} // namespace quorum::generate
