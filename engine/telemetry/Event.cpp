#include "engine/telemetry/Event.h"

#include <array>
#include <cctype>
#include <charconv>
#include <utility>

namespace quorum::telemetry {

namespace {

constexpr std::array<std::pair<EventKind, const char *>, 12> kKindNames{{
    {EventKind::RaftLeaderChange, "RaftLeaderChange"},
    {EventKind::RaftTerm, "RaftTerm"},
    {EventKind::Fault, "Fault"},
    {EventKind::Heal, "Heal"},
    {EventKind::LeaseHolderChange, "LeaseHolderChange"},
    {EventKind::NodeCondition, "NodeCondition"},
    {EventKind::PodPhase, "PodPhase"},
    {EventKind::Scheduling, "Scheduling"},
    {EventKind::Eviction, "Eviction"},
    {EventKind::Expectation, "Expectation"},
    {EventKind::Kubernetes, "Kubernetes"},
    {EventKind::Info, "Info"},
}};

void appendJsonString(std::string &out, std::string_view text)
{
    out += '"';
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            static const char *kHex = "0123456789abcdef";
            out += "\\u00";
            out += kHex[(c >> 4) & 0xf];
            out += kHex[c & 0xf];
        } else
            out += c;
    }
    out += '"';
}

/// A cursor over the flat JSON objects attrsToJson writes.
class JsonCursor {
public:
    explicit JsonCursor(std::string_view text) : m_text(text) {}

    void skipSpace()
    {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
    }
    bool consume(char c)
    {
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    bool atEnd()
    {
        skipSpace();
        return m_pos == m_text.size();
    }
    std::optional<std::string> string()
    {
        if (!consume('"'))
            return std::nullopt;
        std::string out;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '"')
                return out;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_text.size())
                return std::nullopt;
            const char e = m_text[m_pos++];
            if (e == 'u') {
                unsigned value = 0;
                if (m_pos + 4 > m_text.size())
                    return std::nullopt;
                auto [p, ec] = std::from_chars(m_text.data() + m_pos, m_text.data() + m_pos + 4, value, 16);
                if (ec != std::errc() || p != m_text.data() + m_pos + 4 || value > 0x7f)
                    return std::nullopt;
                m_pos += 4;
                out += static_cast<char>(value);
            } else if (e == '"' || e == '\\' || e == '/')
                out += e;
            else
                return std::nullopt;
        }
        return std::nullopt;
    }
    std::optional<std::int64_t> integer()
    {
        skipSpace();
        std::int64_t value = 0;
        auto [p, ec] = std::from_chars(m_text.data() + m_pos, m_text.data() + m_text.size(), value);
        if (ec != std::errc())
            return std::nullopt;
        m_pos = static_cast<std::size_t>(p - m_text.data());
        return value;
    }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
};

} // namespace

std::optional<std::int64_t> Event::attr(std::string_view name) const
{
    for (const Attribute &a : attrs)
        if (a.name == name)
            return a.value;
    return std::nullopt;
}

Event &Event::with(std::string name, std::int64_t value)
{
    for (Attribute &a : attrs) {
        if (a.name == name) {
            a.value = value;
            return *this;
        }
    }
    attrs.push_back(Attribute{std::move(name), value});
    return *this;
}

const char *toString(EventKind kind)
{
    for (const auto &[k, name] : kKindNames)
        if (k == kind)
            return name;
    return "Info";
}

const char *toString(Severity severity)
{
    return severity == Severity::Warning ? "Warning" : "Normal";
}

std::optional<EventKind> eventKindFromString(std::string_view text)
{
    for (const auto &[k, name] : kKindNames)
        if (text == name)
            return k;
    return std::nullopt;
}

std::optional<Severity> severityFromString(std::string_view text)
{
    if (text == "Normal")
        return Severity::Normal;
    if (text == "Warning")
        return Severity::Warning;
    return std::nullopt;
}

std::string attrsToJson(const std::vector<Attribute> &attrs)
{
    std::string out = "{";
    for (std::size_t i = 0; i < attrs.size(); ++i) {
        if (i)
            out += ',';
        appendJsonString(out, attrs[i].name);
        out += ':';
        out += std::to_string(attrs[i].value);
    }
    out += '}';
    return out;
}

std::optional<std::vector<Attribute>> attrsFromJson(std::string_view json)
{
    JsonCursor in(json);
    std::vector<Attribute> attrs;
    if (!in.consume('{'))
        return std::nullopt;
    if (in.consume('}'))
        return in.atEnd() ? std::optional(attrs) : std::nullopt;
    do {
        auto name = in.string();
        if (!name || !in.consume(':'))
            return std::nullopt;
        auto value = in.integer();
        if (!value)
            return std::nullopt;
        attrs.push_back(Attribute{std::move(*name), *value});
    } while (in.consume(','));
    if (!in.consume('}') || !in.atEnd())
        return std::nullopt;
    return attrs;
}

} // namespace quorum::telemetry
