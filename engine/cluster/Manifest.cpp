#include "engine/cluster/Manifest.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

namespace quorum::cluster {

namespace {

Json scalar(const YAML::Node &node)
{
    const std::string &text = node.Scalar();
    if (node.Tag() == "!")
        return text; // quoted
    if (text == "true" || text == "True" || text == "TRUE")
        return true;
    if (text == "false" || text == "False" || text == "FALSE")
        return false;
    if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
        return nullptr;
    // Integers (decimal, optional sign) and floats of the core schema.
    std::size_t i = (text[0] == '-' || text[0] == '+') ? 1 : 0;
    bool digits = i < text.size();
    for (std::size_t j = i; j < text.size(); ++j)
        digits = digits && std::isdigit(static_cast<unsigned char>(text[j]));
    if (digits && text.size() - i <= 18)
        return std::stoll(text);
    char *end = nullptr;
    const double d = std::strtod(text.c_str(), &end);
    if (end && *end == '\0' && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'))
        return d;
    return text;
}

Json convert(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        Json out = Json::object();
        for (const auto &kv : node)
            out[kv.first.Scalar()] = convert(kv.second);
        return out;
    }
    case YAML::NodeType::Sequence: {
        Json out = Json::array();
        for (const auto &item : node)
            out.push_back(convert(item));
        return out;
    }
    case YAML::NodeType::Scalar:
        return scalar(node);
    default:
        return nullptr;
    }
}

ManifestProblem problemAt(const std::string &file, const YAML::Mark &mark, std::string field, std::string message)
{
    return ManifestProblem{file, mark.line >= 0 ? mark.line + 1 : 0, mark.column >= 0 ? mark.column + 1 : 0,
                           std::move(field), std::move(message)};
}

} // namespace

std::string ManifestProblem::toString() const
{
    std::ostringstream out;
    out << file;
    if (line > 0)
        out << ':' << line << ':' << column;
    out << ": ";
    if (!field.empty())
        out << field << ": ";
    out << message;
    return out.str();
}

ManifestResult parseManifests(const std::string &text, const std::string &fileName)
{
    ManifestResult result;
    std::vector<YAML::Node> docs;
    try {
        docs = YAML::LoadAll(text);
    } catch (const YAML::Exception &e) {
        result.problems.push_back(problemAt(fileName, e.mark, {}, e.msg));
        return result;
    }
    for (const YAML::Node &doc : docs) {
        if (!doc || doc.IsNull())
            continue;
        if (!doc.IsMap()) {
            result.problems.push_back(problemAt(fileName, doc.Mark(), {}, "a manifest document must be a mapping"));
            continue;
        }
        const YAML::Node kind = doc["kind"];
        const YAML::Node apiVersion = doc["apiVersion"];
        if (!kind || !kind.IsScalar()) {
            result.problems.push_back(problemAt(fileName, doc.Mark(), "kind", "missing"));
            continue;
        }
        if (!apiVersion || !apiVersion.IsScalar()) {
            result.problems.push_back(problemAt(fileName, doc.Mark(), "apiVersion", "missing"));
            continue;
        }
        const ResourceInfo *r = resourceForKind(kind.Scalar());
        if (!r) {
            result.problems.push_back(problemAt(fileName, kind.Mark(), "kind",
                                                "\"" + kind.Scalar() + "\" is not a kind the engine serves"));
            continue;
        }
        if (apiVersion.Scalar() != r->apiVersion) {
            result.problems.push_back(problemAt(fileName, apiVersion.Mark(), "apiVersion",
                                                "\"" + apiVersion.Scalar() + "\" for kind " + r->kind + " (served: " +
                                                    r->apiVersion + ")"));
            continue;
        }
        const YAML::Node meta = doc["metadata"];
        if (!meta || !meta.IsMap() || !meta["name"] || !meta["name"].IsScalar() || meta["name"].Scalar().empty()) {
            if (!(meta && meta.IsMap() && meta["generateName"])) {
                result.problems.push_back(problemAt(fileName, meta ? meta.Mark() : doc.Mark(), "metadata.name", "missing"));
                continue;
            }
        }
        Json object = convert(doc);
        if (r->namespaced && namespaceOf(object).empty())
            object["metadata"]["namespace"] = "default";
        result.objects.push_back(std::move(object));
    }
    return result;
}

ManifestResult loadManifestFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ManifestResult r;
        r.problems.push_back(ManifestProblem{path, 0, 0, {}, "cannot read the file"});
        return r;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parseManifests(buffer.str(), path);
}

} // namespace quorum::cluster
