// Scenario YAML: the document, metadata, spec and the steps. Step bodies are in
// StepReaders.cpp, field readers in FieldReaders.cpp.

#include "engine/scenario/Duration.h"
#include "engine/scenario/ReaderSupport.h"
#include "engine/scenario/ScenarioYaml.h"

#include <filesystem>
#include <fstream>

namespace quorum::scenario {

using namespace detail;

namespace {

const std::vector<std::string> kActions{"apply", "scale", "fault", "heal", "expect"};
const std::vector<std::string> kStepFields{"at", "explain", "apply", "scale", "fault", "heal", "expect"};

class ScenarioReader {
public:
    ScenarioReader(Reporter &reporter, std::string folder) : m_r(reporter), m_folder(std::move(folder)) {}

    void readDocument(const YAML::Node &root, Scenario &out);

private:
    void readSpec(const YAML::Node &node, Scenario &out);
    std::optional<Load> readLoad(const YAML::Node &node, const std::string &path);
    std::optional<Step> readStep(const YAML::Node &node, const std::string &path, Micros duration);
    Action readAction(MapReader &step, const std::string &key);

    Reporter &m_r;
    std::string m_folder;
    std::optional<Micros> m_previousAt;  ///< `at` of the previous step that had a valid one
};

void ScenarioReader::readDocument(const YAML::Node &root, Scenario &out)
{
    MapReader doc(m_r, root, "", {"apiVersion", "kind", "metadata", "spec"});
    if (!doc.valid())
        return;
    std::string apiVersion;
    if (doc.readString("apiVersion", apiVersion, Need::Required) && apiVersion != kScenarioApiVersion)
        m_r.error(doc.get("apiVersion"), "apiVersion",
                  "unsupported apiVersion '" + apiVersion + "'; this version of Quorum Studio reads '" +
                      kScenarioApiVersion + "'");
    std::string kind;
    if (doc.readString("kind", kind, Need::Required) && kind != kScenarioKind)
        m_r.error(doc.get("kind"), "kind", "unsupported kind '" + kind + "'; expected '" + kScenarioKind + "'");

    if (doc.has("metadata")) {
        MapReader meta(m_r, doc.get("metadata"), "metadata", {"name", "description"});
        readName(meta, m_r, "name", out.name, Need::Required);
        meta.readString("description", out.description);
    } else
        doc.reportMissing("metadata");

    if (doc.has("spec"))
        readSpec(doc.get("spec"), out);
    else
        doc.reportMissing("spec");
}

void ScenarioReader::readSpec(const YAML::Node &node, Scenario &out)
{
    MapReader spec(m_r, node, "spec", {"topology", "seed", "duration", "load", "steps"});
    if (!spec.valid())
        return;
    FilePath topology;
    if (readPath(spec, m_r, "topology", m_folder, topology, Need::Optional))
        out.topology = topology;
    std::uint64_t seed = 0;
    if (readUnsigned(spec, m_r, "seed", seed, Need::Optional))
        out.seed = seed;
    const bool haveDuration = readDuration(spec, m_r, "duration", out.duration, Need::Required, Sign::Positive);
    if (spec.has("load"))
        out.load = readLoad(spec.get("load"), spec.fieldPath("load"));
    spec.forEach("steps", [&](const YAML::Node &item, const std::string &path) {
        if (auto step = readStep(item, path, haveDuration ? out.duration : -1))
            out.steps.push_back(std::move(*step));
    });
}

std::optional<Load> ScenarioReader::readLoad(const YAML::Node &node, const std::string &path)
{
    MapReader m(m_r, node, path, {"service", "rate"});
    if (!m.valid())
        return std::nullopt;
    Load load;
    readName(m, m_r, "service", load.service, Need::Required);
    readNumber(m, m_r, "rate", load.rate, 0, 1e6, Need::Required, Sign::Positive);
    return load;
}

std::optional<Step> ScenarioReader::readStep(const YAML::Node &node, const std::string &path, Micros duration)
{
    MapReader m(m_r, node, path, kStepFields);
    if (!m.valid())
        return std::nullopt;
    Step step;
    step.line = node.Mark().line + 1;
    if (readDuration(m, m_r, "at", step.at, Need::Required)) {
        const std::string atText = m.get("at").Scalar();
        if (m_previousAt && step.at < *m_previousAt)
            m_r.error(m.get("at"), m.fieldPath("at"),
                      "at " + atText + " is earlier than the previous step's (" + formatDuration(*m_previousAt) +
                          "); steps must be in time order");
        else if (duration >= 0 && step.at > duration)
            m_r.error(m.get("at"), m.fieldPath("at"),
                      "at " + atText + " is after the end of the scenario (spec.duration " + formatDuration(duration) +
                          ")");
        m_previousAt = std::max(step.at, m_previousAt.value_or(0));
    }
    m.readString("explain", step.explain);

    // Exactly one action per step, in the order the file writes them.
    std::string action;
    for (const auto &entry : node) {
        const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
        if (std::find(kActions.begin(), kActions.end(), key) == kActions.end())
            continue;
        if (action.empty())
            action = key;
        else
            m_r.error(entry.first, m.fieldPath(key),
                      "a step does one thing; '" + key + "' follows '" + action +
                          "' (give it a step of its own, with the same 'at')");
    }
    if (action.empty()) {
        m_r.error(node, path, "a step needs one of 'apply', 'scale', 'fault', 'heal' or 'expect'");
        return std::nullopt;
    }
    if (!m.has(action.c_str())) {
        m_r.error(node, m.fieldPath(action), "'" + action + "' has no value");
        return std::nullopt;
    }
    step.action = readAction(m, action);
    return step;
}

Action ScenarioReader::readAction(MapReader &step, const std::string &key)
{
    const YAML::Node node = step.get(key.c_str());
    const std::string path = step.fieldPath(key);
    if (key == "apply") {
        Apply apply;
        readPath(step, m_r, "apply", m_folder, apply.manifest, Need::Required);
        return apply;
    }
    if (key == "scale") {
        MapReader m(m_r, node, path, {"workload", "replicas"});
        Scale scale;
        readName(m, m_r, "workload", scale.workload, Need::Required);
        m.readInt("replicas", scale.replicas, 0, 100000, Need::Required);
        return scale;
    }
    if (key == "fault")
        return readFault(m_r, node, path);
    if (key == "heal")
        return readHeal(m_r, node, path);
    return readExpectation(m_r, node, path);
}

ScenarioLoadResult fail(const std::string &file, int line, int column, const std::string &message)
{
    ScenarioLoadResult result;
    result.errors.push_back(Diagnostic{file, line, column, "", message});
    return result;
}

} // namespace

ScenarioLoadResult parseScenario(std::string_view text, const std::string &fileName)
{
    const char *expected = "expected a scenario (apiVersion: quorum.studio/v1alpha1, kind: Scenario)";
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return fail(fileName, 1, 1, std::string("the file is empty; ") + expected);
    std::vector<YAML::Node> documents;
    try {
        documents = YAML::LoadAll(std::string(text));
    } catch (const YAML::ParserException &e) {
        return fail(fileName, e.mark.line + 1, e.mark.column + 1,
                    "YAML syntax error: " + (e.msg.empty() ? std::string("invalid YAML") : e.msg));
    } catch (const YAML::Exception &e) {
        return fail(fileName, e.mark.line + 1, e.mark.column + 1, std::string("cannot read YAML: ") + e.msg);
    }
    if (documents.empty() || documents.front().IsNull())
        return fail(fileName, 1, 1, std::string("the file holds no document; ") + expected);

    Reporter reporter(fileName);
    if (documents.size() > 1)
        reporter.error(documents[1], "", "expected one scenario document, found " + std::to_string(documents.size()));
    Scenario scenario;
    scenario.file = fileName;
    const std::string folder =
        fileName == "<input>" ? std::string() : std::filesystem::path(fileName).parent_path().string();
    try {
        ScenarioReader reader(reporter, folder);
        reader.readDocument(documents.front(), scenario);
    } catch (const YAML::Exception &e) {
        // yaml-cpp throws only on misuse here; report it rather than crash.
        reporter.error(e.mark.line + 1, e.mark.column + 1, "", std::string("cannot read YAML: ") + e.msg);
    }
    ScenarioLoadResult result;
    if (reporter.empty())
        result.scenario = std::move(scenario);
    result.errors = reporter.take();
    return result;
}

ScenarioLoadResult loadScenarioFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in)
        return fail(path, 0, 0, "cannot open the file (missing, or no permission to read it)");
    const std::streamoff size = in.tellg();
    if (size > kMaxScenarioFileBytes)
        return fail(path, 0, 0,
                    "the file is " + std::to_string(size / 1024) + " KiB; scenario files are limited to " +
                        std::to_string(kMaxScenarioFileBytes / (1024 * 1024)) + " MiB");
    in.seekg(0);
    std::string text(static_cast<std::size_t>(size), '\0');
    if (!in.read(text.data(), size))
        return fail(path, 0, 0, "reading the file failed");
    if (text.find('\0') != std::string::npos)
        return fail(path, 0, 0, "the file is binary, not YAML text");
    return parseScenario(text, path);
}

} // namespace quorum::scenario
