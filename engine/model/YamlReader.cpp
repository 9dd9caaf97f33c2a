#include "engine/model/YamlReader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

namespace quorum::model::yaml {

void Reporter::error(const YAML::Node &at, const std::string &field, const std::string &message)
{
    const YAML::Mark mark = at.IsDefined() ? at.Mark() : YAML::Mark::null_mark();
    // yaml-cpp marks are 0-based; a null mark is -1.
    error(mark.line < 0 ? 0 : mark.line + 1, mark.column < 0 ? 0 : mark.column + 1, field, message);
}

void Reporter::error(int line, int column, const std::string &field, const std::string &message)
{
    if (m_errors.size() >= kMaxErrors)
        return;
    m_errors.push_back(Diagnostic{m_file, line, column, field, message});
}

namespace {

std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                              std::tolower(static_cast<unsigned char>(b[j - 1]));
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string joinQuoted(const std::vector<std::string> &names)
{
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i)
            out += i + 1 == names.size() ? " or " : ", ";
        out += "'" + names[i] + "'";
    }
    return out;
}

} // namespace

std::string nearestName(std::string_view word, const std::vector<std::string> &candidates)
{
    std::string best;
    std::size_t bestDistance = std::string::npos;
    for (const std::string &c : candidates) {
        const std::size_t d = editDistance(word, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    // A typo is at most a third of the word (and at least 2 edits are allowed for short words).
    const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
    return bestDistance <= limit ? best : std::string();
}

const char *describe(const YAML::Node &node)
{
    if (!node.IsDefined() || node.IsNull())
        return "nothing";
    if (node.IsMap())
        return "a mapping";
    if (node.IsSequence())
        return "a sequence";
    return "a scalar";
}

MapReader::MapReader(Reporter &reporter, const YAML::Node &node, std::string path, std::vector<std::string> allowed)
    : m_reporter(reporter), m_node(node), m_path(std::move(path))
{
    if (!node.IsMap()) {
        m_reporter.error(node, m_path, std::string("expected a mapping, found ") + describe(node));
        return;
    }
    m_valid = true;
    std::set<std::string> seen;
    // Range-for over yaml-cpp maps: its iterator's operator-> returns a proxy that GCC (rightly)
    // warns about at -O2.
    for (const auto &entry : node) {
        const YAML::Node &key = entry.first;
        if (!key.IsScalar()) {
            m_reporter.error(key, m_path, "a field name must be a plain string");
            continue;
        }
        const std::string name = key.Scalar();
        if (!seen.insert(name).second) {
            m_reporter.error(key, fieldPath(name), "field '" + name + "' appears twice");
            continue;
        }
        // A YAML null ("cpu:" with nothing after it) counts as absent.
        if (!entry.second.IsNull())
            m_fields.emplace(name, entry.second);
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            std::string message = "unknown field '" + name + "'";
            const std::string near = nearestName(name, allowed);
            if (!near.empty()) {
                message += " (did you mean '" + near + "'?)";
                m_suggested.push_back(near);
            } else
                message += " (valid fields: " + joinQuoted(allowed) + ")";
            m_reporter.error(key, fieldPath(name), message);
        }
    }
}

std::string MapReader::fieldPath(std::string_view key) const
{
    return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
}

YAML::Node MapReader::get(const char *key) const
{
    auto it = m_fields.find(key);
    return it == m_fields.end() ? YAML::Node(YAML::NodeType::Undefined) : it->second;
}

void MapReader::reportMissing(const char *key)
{
    // "unknown field 'rol' (did you mean 'role'?)" already says what is missing.
    if (std::find(m_suggested.begin(), m_suggested.end(), key) != m_suggested.end())
        return;
    m_reporter.error(m_node, fieldPath(key), std::string("missing required field '") + key + "'");
}

void MapReader::reportBadChoice(const char *key, const std::string &value, const std::vector<std::string> &choices)
{
    std::string message = "'" + value + "' is not valid here; expected " + joinQuoted(choices);
    const std::string near = nearestName(value, choices);
    if (!near.empty())
        message += " (did you mean '" + near + "'?)";
    m_reporter.error(get(key), fieldPath(key), message);
}

std::optional<std::string> MapReader::scalar(const char *key, Need need, const char *expected)
{
    const YAML::Node value = get(key);
    if (!value.IsDefined()) {
        if (need == Need::Required && m_valid)
            reportMissing(key);
        return std::nullopt;
    }
    if (!value.IsScalar()) {
        m_reporter.error(value, fieldPath(key), std::string("expected ") + expected + ", found " + describe(value));
        return std::nullopt;
    }
    return value.Scalar();
}

bool MapReader::readString(const char *key, std::string &out, Need need)
{
    auto text = scalar(key, need, "a string");
    if (!text)
        return false;
    out = *text;
    return true;
}

bool MapReader::readInt(const char *key, int &out, int min, int max, Need need)
{
    auto text = scalar(key, need, "a whole number");
    if (!text)
        return false;
    long long value = 0;
    const char *begin = text->data();
    const char *end = begin + text->size();
    auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || ptr != end) {
        m_reporter.error(get(key), fieldPath(key), "expected a whole number, found '" + *text + "'");
        return false;
    }
    if (value < min || value > max) {
        m_reporter.error(get(key), fieldPath(key),
                         *text + " is out of range; expected " + std::to_string(min) + " to " + std::to_string(max));
        return false;
    }
    out = static_cast<int>(value);
    return true;
}

bool MapReader::readBool(const char *key, bool &out, Need need)
{
    auto text = scalar(key, need, "true or false");
    if (!text)
        return false;
    if (*text == "true") {
        out = true;
        return true;
    }
    if (*text == "false") {
        out = false;
        return true;
    }
    m_reporter.error(get(key), fieldPath(key), "expected true or false, found '" + *text + "'");
    return false;
}

namespace {
// Shared shape of the quantity readers: scalar text -> parser -> value, or a message.
bool readQuantity(MapReader &map, Reporter &reporter, const char *key, std::int64_t &out,
                  std::optional<std::int64_t> (*parse)(const std::string &), const char *what, const std::string &text)
{
    if (auto value = parse(text)) {
        out = *value;
        return true;
    }
    reporter.error(map.get(key), map.fieldPath(key), "'" + text + "' is not " + what);
    return false;
}
} // namespace

bool MapReader::readCpu(const char *key, std::int64_t &out, Need need)
{
    auto text = scalar(key, need, "a CPU quantity");
    return text && readQuantity(*this, m_reporter, key, out, parseCpuMillis,
                                "a CPU quantity (for example \"2\", \"0.5\" or \"500m\")", *text);
}

bool MapReader::readBytes(const char *key, std::int64_t &out, Need need)
{
    auto text = scalar(key, need, "a size");
    return text && readQuantity(*this, m_reporter, key, out, parseBytes,
                                "a size (for example 512Mi, 16Gi or 1G)", *text);
}

bool MapReader::readDuration(const char *key, std::int64_t &out, Need need)
{
    auto text = scalar(key, need, "a duration");
    return text && readQuantity(*this, m_reporter, key, out, parseDurationMs,
                                "a duration (for example 100ms, 40s, 5m or 1h30m)", *text);
}

bool MapReader::readStringList(const char *key, std::vector<std::string> &out, Need need)
{
    const YAML::Node value = get(key);
    if (!value.IsDefined()) {
        if (need == Need::Required && m_valid)
            reportMissing(key);
        return false;
    }
    if (!value.IsSequence()) {
        m_reporter.error(value, fieldPath(key), std::string("expected a list of strings, found ") + describe(value));
        return false;
    }
    std::vector<std::string> items;
    bool ok = true;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const YAML::Node item = value[i];
        if (!item.IsScalar()) {
            m_reporter.error(item, fieldPath(key) + "[" + std::to_string(i) + "]",
                             std::string("expected a string, found ") + describe(item));
            ok = false;
            continue;
        }
        items.push_back(item.Scalar());
    }
    if (ok)
        out = std::move(items);
    return ok;
}

bool MapReader::readStringMap(const char *key, std::map<std::string, std::string> &out, Need need)
{
    const YAML::Node value = get(key);
    if (!value.IsDefined()) {
        if (need == Need::Required && m_valid)
            reportMissing(key);
        return false;
    }
    if (!value.IsMap()) {
        m_reporter.error(value, fieldPath(key), std::string("expected a mapping of strings, found ") + describe(value));
        return false;
    }
    std::map<std::string, std::string> items;
    bool ok = true;
    for (const auto &entry : value) {
        if (!entry.first.IsScalar() || !entry.second.IsScalar()) {
            m_reporter.error(entry.first, fieldPath(key), "expected string keys and string values");
            ok = false;
            continue;
        }
        if (!items.emplace(entry.first.Scalar(), entry.second.Scalar()).second) {
            m_reporter.error(entry.first, fieldPath(key) + "." + entry.first.Scalar(), "key appears twice");
            ok = false;
        }
    }
    if (ok)
        out = std::move(items);
    return ok;
}

void MapReader::forEach(const char *key, const std::function<void(const YAML::Node &, const std::string &)> &f,
                        Need need)
{
    const YAML::Node value = get(key);
    if (!value.IsDefined()) {
        if (need == Need::Required && m_valid)
            reportMissing(key);
        return;
    }
    if (!value.IsSequence()) {
        m_reporter.error(value, fieldPath(key), std::string("expected a list, found ") + describe(value));
        return;
    }
    for (std::size_t i = 0; i < value.size(); ++i)
        f(value[i], fieldPath(key) + "[" + std::to_string(i) + "]");
}

} // namespace quorum::model::yaml
