#include "engine/generate/Yaml.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <string_view>

namespace quorum::generate {

Yaml Yaml::strings(const std::vector<std::string> &items)
{
    Yaml s = seq();
    for (const std::string &item : items)
        s.add(item);
    return s;
}

Yaml &Yaml::set(const std::string &key, Yaml value)
{
    (*this)[key] = std::move(value);
    return *this;
}

bool Yaml::isEmptyValue() const
{
    switch (m_type) {
    case Type::Null: return true;
    case Type::String: return m_string.empty();
    case Type::Map: return m_entries.empty();
    case Type::Seq: return m_items.empty();
    case Type::Bool:
    case Type::Int: return false;
    }
    return false;
}

Yaml &Yaml::setIfNotEmpty(const std::string &key, Yaml value)
{
    if (!value.isEmptyValue())
        set(key, std::move(value));
    return *this;
}

Yaml &Yaml::operator[](const std::string &key)
{
    if (m_type == Type::Null)
        m_type = Type::Map;
    for (auto &entry : m_entries)
        if (entry.first == key)
            return entry.second;
    m_entries.emplace_back(key, Yaml());
    return m_entries.back().second;
}

Yaml &Yaml::add(Yaml value)
{
    if (m_type == Type::Null)
        m_type = Type::Seq;
    m_items.push_back(std::move(value));
    return *this;
}

std::string Yaml::scalarText() const
{
    switch (m_type) {
    case Type::Bool: return m_int ? "true" : "false";
    case Type::Int: return std::to_string(m_int);
    case Type::String: return m_string;
    case Type::Null:
    case Type::Map:
    case Type::Seq: break;
    }
    return {};
}

namespace {

constexpr std::size_t kCommentWidth = 80;

bool isReservedWord(std::string_view text)
{
    // YAML 1.1 booleans and nulls (what Go's yaml.v2 and PyYAML resolve), besides 1.2's.
    static constexpr std::array<std::string_view, 14> kWords{"true", "false", "yes", "no", "on", "off", "y", "n",
                                                             "null", "~", "nan", "inf", "=", "<<"};
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

/// "250m", "10Gi", "2s", "1.5Gi": quantities and durations that no YAML reader takes for a number.
bool isUnitQuantity(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
        ++i;
    if (i == 0)
        return false;
    if (i < text.size() && text[i] == '.') {
        const std::size_t start = ++i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
            ++i;
        if (i == start)
            return false;
    }
    static constexpr std::array<std::string_view, 16> kUnits{"m",  "k",  "M",  "G",  "T", "P", "E",  "Ki",
                                                             "Mi", "Gi", "Ti", "Pi", "Ei", "s", "ms", "h"};
    const std::string_view unit = text.substr(i);
    return std::find(kUnits.begin(), kUnits.end(), unit) != kUnits.end();
}

bool canBePlain(std::string_view text)
{
    if (text.empty() || isReservedWord(text))
        return false;
    const unsigned char first = static_cast<unsigned char>(text.front());
    if (std::isdigit(first))
        return isUnitQuantity(text);
    if (!(std::isalpha(first) || first == '/' || first == '_' || first == '$'))
        return false;
    if (text.back() == ' ' || text.back() == ':')
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (std::isalnum(c))
            continue;
        switch (c) {
        case '_': case '.': case '/': case '-': case '=': case '+': case '(': case ')': case '$': case '~': case '^':
            continue;
        case ':':
            if (i + 1 < text.size() && text[i + 1] == ' ')
                return false;
            continue;
        case ' ':
            if (i + 1 < text.size() && (text[i + 1] == '#' || text[i + 1] == ' '))
                return false;
            continue;
        default:
            return false;
        }
    }
    return true;
}

std::string doubleQuoted(std::string_view text)
{
    std::string out = "\"";
    for (char ch : text) {
        const unsigned char c = static_cast<unsigned char>(ch);
        switch (ch) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
                out += buf;
            } else {
                out += ch;
            }
        }
    }
    out += '"';
    return out;
}

class Writer {
public:
    explicit Writer(std::string &out) : m_out(out) {}

    void writeMap(const Yaml &map, int indent)
    {
        for (const auto &[key, value] : map.entries()) {
            m_out.append(static_cast<std::size_t>(indent), ' ');
            m_out += yamlScalar(key);
            m_out += ':';
            writeAfterIndicator(value, indent + 2, false);
        }
    }

    void writeSeq(const Yaml &seq, int indent)
    {
        for (const Yaml &item : seq.items()) {
            m_out.append(static_cast<std::size_t>(indent), ' ');
            m_out += '-';
            writeAfterIndicator(item, indent + 2, true);
        }
    }

private:
    /// Writes what follows "key:" or "-": a scalar on the same line, a collection below it
    /// (or, after "-", starting on the same line as the dash).
    void writeAfterIndicator(const Yaml &value, int childIndent, bool afterDash)
    {
        const bool collection = value.type() == Yaml::Type::Map || value.type() == Yaml::Type::Seq;
        if (value.type() == Yaml::Type::String && canBeLiteralBlock(value.scalarText())) {
            writeLiteralBlock(value.scalarText(), childIndent);
            return;
        }
        if (!collection || value.size() == 0) {
            m_out += ' ';
            m_out += scalarOrEmpty(value);
            m_out += '\n';
            return;
        }
        if (!afterDash) {
            m_out += '\n';
            if (value.type() == Yaml::Type::Map)
                writeMap(value, childIndent);
            else
                writeSeq(value, childIndent);
            return;
        }
        // "- key: v" / "- - v": write at childIndent, then pull the first line up beside the dash.
        std::string nested;
        Writer inner(nested);
        if (value.type() == Yaml::Type::Map)
            inner.writeMap(value, childIndent);
        else
            inner.writeSeq(value, childIndent);
        m_out += ' ';
        m_out += nested.substr(static_cast<std::size_t>(childIndent));
    }

    /// Multi-line text as a `|` block: each line printable, no trailing spaces, no leading
    /// space on the first line (that would need an indentation indicator).
    static bool canBeLiteralBlock(const std::string &text)
    {
        if (text.find('\n') == std::string::npos || text.front() == ' ' || text.front() == '\n')
            return false;
        char previous = '\0';
        for (char ch : text) {
            const unsigned char c = static_cast<unsigned char>(ch);
            if ((c < 0x20 && ch != '\n') || c == 0x7f)
                return false;
            if (ch == '\n' && previous == ' ')
                return false;
            previous = ch;
        }
        return previous != ' ' && text.find("\n\n\n") == std::string::npos && text.substr(text.size() - 2) != "\n\n";
    }

    void writeLiteralBlock(const std::string &text, int indent)
    {
        const bool endsWithNewline = text.back() == '\n';
        m_out += endsWithNewline ? " |\n" : " |-\n";
        std::size_t start = 0;
        const std::size_t end = endsWithNewline ? text.size() - 1 : text.size();
        while (start <= end) {
            std::size_t nl = text.find('\n', start);
            if (nl == std::string::npos || nl > end)
                nl = end;
            const std::string line = text.substr(start, nl - start);
            if (!line.empty())
                m_out.append(static_cast<std::size_t>(indent), ' ').append(line);
            m_out += '\n';
            start = nl + 1;
        }
    }

    static std::string scalarOrEmpty(const Yaml &value)
    {
        switch (value.type()) {
        case Yaml::Type::Null: return "null";
        case Yaml::Type::Map: return "{}";
        case Yaml::Type::Seq: return "[]";
        case Yaml::Type::String: return yamlScalar(value.scalarText());
        case Yaml::Type::Bool:
        case Yaml::Type::Int: return value.scalarText();
        }
        return {};
    }

    std::string &m_out;
};

} // namespace

std::string yamlScalar(const std::string &text)
{
    return canBePlain(text) ? text : doubleQuoted(text);
}

std::string toYaml(const Yaml &document)
{
    std::string out = "---\n";
    Writer w(out);
    switch (document.type()) {
    case Yaml::Type::Map:
        if (document.size() == 0)
            out += "{}\n";
        else
            w.writeMap(document, 0);
        break;
    case Yaml::Type::Seq:
        if (document.size() == 0)
            out += "[]\n";
        else
            w.writeSeq(document, 0);
        break;
    case Yaml::Type::String: out += yamlScalar(document.scalarText()) + "\n"; break;
    case Yaml::Type::Null: out += "null\n"; break;
    case Yaml::Type::Bool:
    case Yaml::Type::Int: out += document.scalarText() + "\n"; break;
    }
    return out;
}

std::string toYamlStream(const std::vector<Yaml> &documents, const std::string &header)
{
    std::string out;
    std::size_t start = 0;
    while (start < header.size()) {
        std::size_t end = header.find('\n', start);
        if (end == std::string::npos)
            end = header.size();
        // Wrap at word boundaries so comment lines stay within yamllint's 80 columns.
        std::string line;
        std::size_t pos = start;
        while (pos < end) {
            std::size_t space = header.find(' ', pos);
            if (space == std::string::npos || space > end)
                space = end;
            const std::string word = header.substr(pos, space - pos);
            if (!line.empty() && line.size() + 1 + word.size() > kCommentWidth - 2) {
                out += "# " + line + "\n";
                line.clear();
            }
            line += (line.empty() ? "" : " ") + word;
            pos = space + 1;
        }
        out += line.empty() ? "#\n" : "# " + line + "\n";
        start = end + 1;
    }
    for (const Yaml &doc : documents)
        out += toYaml(doc);
    return out;
}

} // namespace quorum::generate
