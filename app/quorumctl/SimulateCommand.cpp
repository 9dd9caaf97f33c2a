#include "app/quorumctl/SimulateCommand.h"

#include "app/quorumctl/DesignFile.h"
#include "app/quorumctl/Text.h"

#include "engine/cluster/Manifest.h"
#include "engine/clustersim/ScenarioRunner.h"
#include "engine/clustersim/Telemetry.h"
#include "engine/model/Findings.h"
#include "engine/model/TopologyYaml.h"
#include "engine/scenario/Duration.h"
#include "engine/scenario/ScenarioYaml.h"
#include "engine/telemetry/CsvSink.h"
#include "engine/telemetry/SqliteRecorder.h"

#include <chrono>
#include <cstdio>
#include <memory>
#include <ostream>

namespace quorum::ctl {

namespace {

void usage(std::ostream &err)
{
    err << "usage: quorumctl simulate TOPOLOGY [--scenario FILE] [--seed N] [--until DURATION] [--csv FILE] [--record FILE] [--quiet]\n"
           "  TOPOLOGY         a topology YAML or a .quorum project (its design)\n"
           "  --scenario FILE  steps (apply, scale, fault, heal, expect) to run; see docs/scenarios.md\n"
           "  --seed N         seed of the run (default: the scenario's, else 1); same seed, same history\n"
           "  --until D        virtual time to run: 90s, 10m, 1h (default: the scenario's duration, else 60s)\n"
           "  --csv FILE       write per-second samples to FILE and events to FILE-events.csv\n"
           "  --record FILE    record events and samples into a SQLite run file (for replay)\n"
           "  --quiet          print expectation results and the summary only\n";
}

std::string eventsPathFor(const std::string &csv)
{
    const auto dot = csv.rfind('.');
    const auto slash = csv.rfind('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
        return csv + "-events.csv";
    return csv.substr(0, dot) + "-events" + csv.substr(dot);
}

} // namespace

int runSimulate(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    std::string topologyPath, scenarioPath, csvPath, recordPath;
    std::optional<std::uint64_t> seed;
    std::optional<cluster::Micros> until;
    bool quiet = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        auto value = [&](const char *name) -> std::optional<std::string> {
            if (i + 1 >= args.size()) {
                err << "quorumctl simulate: " << name << " needs a value\n";
                return std::nullopt;
            }
            return args[++i];
        };
        if (a == "--scenario") {
            auto v = value("--scenario");
            if (!v)
                return 2;
            scenarioPath = *v;
        } else if (a == "--seed") {
            auto v = value("--seed");
            if (!v)
                return 2;
            char *end = nullptr;
            const unsigned long long n = std::strtoull(v->c_str(), &end, 10);
            if (v->empty() || *end != '\0') {
                err << "quorumctl simulate: --seed: \"" << *v << "\" is not a number\n";
                return 2;
            }
            seed = n;
        } else if (a == "--until") {
            auto v = value("--until");
            if (!v)
                return 2;
            const scenario::DurationParse d = scenario::parseDuration(*v);
            if (!d.value || *d.value <= 0) {
                err << "quorumctl simulate: --until: \"" << *v << "\": " << (d.problem.empty() ? "must be positive" : d.problem) << "\n";
                return 2;
            }
            until = *d.value;
        } else if (a == "--csv") {
            auto v = value("--csv");
            if (!v)
                return 2;
            csvPath = *v;
        } else if (a == "--record") {
            auto v = value("--record");
            if (!v)
                return 2;
            recordPath = *v;
        } else if (a == "--quiet") {
            quiet = true;
        } else if (a == "--help" || a == "-h") {
            usage(out);
            return 0;
        } else if (!a.empty() && a[0] == '-') {
            err << "quorumctl simulate: unknown option " << a << "\n";
            usage(err);
            return 2;
        } else if (topologyPath.empty()) {
            topologyPath = a;
        } else {
            err << "quorumctl simulate: more than one topology given (" << topologyPath << ", " << a << ")\n";
            return 2;
        }
    }
    if (topologyPath.empty()) {
        usage(err);
        return 2;
    }

    // ---- inputs: everything is checked before anything runs ----
    model::LoadResult loaded = loadDesignFile(topologyPath);
    if (!loaded.ok()) {
        for (const model::Diagnostic &d : loaded.errors)
            err << d.toString() << "\n";
        return 2;
    }
    for (const model::Finding &f : model::checkTopology(*loaded.topology))
        if (f.severity == model::Severity::Error) {
            err << topologyPath << ": " << f.element.toString() << ": " << f.message() << "\n";
            return 2;
        }
    std::optional<scenario::Scenario> sc;
    if (!scenarioPath.empty()) {
        scenario::ScenarioLoadResult r = scenario::loadScenarioFile(scenarioPath);
        if (!r.ok()) {
            for (const model::Diagnostic &d : r.errors)
                err << d.toString() << "\n";
            return 2;
        }
        sc = std::move(r.scenario);
        bool bad = false;
        for (const scenario::Step &step : sc->steps)
            if (const auto *apply = std::get_if<scenario::Apply>(&step.action))
                for (const cluster::ManifestProblem &p : cluster::loadManifestFile(apply->manifest.resolved).problems) {
                    err << p.toString() << "\n";
                    bad = true;
                }
        if (bad)
            return 2;
    }
    const std::uint64_t runSeed = seed.value_or(sc && sc->seed ? *sc->seed : 1);
    const cluster::Micros runUntil = until.value_or(sc ? sc->duration : 60 * cluster::kSecond);

    std::unique_ptr<telemetry::CsvSink> csv;
    if (!csvPath.empty()) {
        auto opened = telemetry::CsvSink::open(eventsPathFor(csvPath), csvPath);
        if (!opened.ok()) {
            err << "quorumctl simulate: " << opened.error << "\n";
            return 2;
        }
        csv = std::move(opened.value);
    }

    std::unique_ptr<telemetry::SqliteRecorder> recorder;
    if (!recordPath.empty()) {
        telemetry::RunInfo info;
        info.topologyName = loaded.topology->name;
        info.seed = runSeed;
        info.scenario = sc ? sc->name : std::string();
        info.startedLabel = "quorumctl simulate";
        auto opened = telemetry::SqliteRecorder::open(recordPath, info);
        if (!opened.ok()) {
            err << "quorumctl simulate: " << opened.error << "\n";
            return 2;
        }
        recorder = std::move(opened.value);
    }

    // ---- run ----
    out << "simulating " << loaded.topology->name << " (" << topologyPath << "), seed " << runSeed << ", until "
        << scenario::formatDuration(runUntil) << (sc ? ", scenario " + sc->name : std::string()) << "\n";
    const auto wallStart = std::chrono::steady_clock::now();
    clustersim::ClusterOptions options;
    options.seed = runSeed;
    clustersim::ClusterSim sim(*loaded.topology, options);
    std::unique_ptr<clustersim::ScenarioRunner> runner;
    if (sc)
        runner = std::make_unique<clustersim::ScenarioRunner>(sim, *sc, [&](const std::string &line) { out << line << "\n"; });
    sim.setEventSink([&](const cluster::ClusterEvent &e) {
        if (runner)
            runner->onEvent(e);
        if (csv)
            csv->onEvent(clustersim::toTelemetryEvent(e));
        if (recorder)
            recorder->onEvent(clustersim::toTelemetryEvent(e));
        if (!quiet && e.kind != cluster::EventKind::Expectation)
            out << stamp(e.time) << "  " << (e.warning ? "Warning" : "Normal ") << "  " << e.reason << "  " << e.object
                << "  " << e.message << "\n";
    });
    if (runner)
        runner->schedule();
    clustersim::Sampler sampler(sim, runner ? runner->load() : nullptr);
    clustersim::ScenarioReport report;
    for (cluster::Micros t = cluster::kSecond; t <= runUntil; t += cluster::kSecond) {
        sim.runUntil(t);
        if (csv || recorder) {
            const telemetry::Sample sample = sampler.take();
            if (csv)
                csv->onSample(sample);
            if (recorder)
                recorder->onSample(sample);
        }
    }
    if (runner)
        report = runner->run(runUntil);
    else
        sim.runUntil(runUntil);
    if (csv)
        csv->flush();
    if (recorder)
        recorder->flush();
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();

    // ---- summary ----
    int passed = 0;
    for (const clustersim::ExpectationOutcome &e : report.expectations)
        passed += e.passed ? 1 : 0;
    const int failed = static_cast<int>(report.expectations.size()) - passed;
    for (const std::string &e : report.stepErrors)
        out << "step failed: " << e << "\n";
    const auto &violations = sim.etcd().safety().violations();
    const bool violated = !violations.empty();
    out << "summary: " << report.expectations.size() << " expectations, " << passed << " passed, " << failed
        << " failed; etcd leader " << (sim.etcdLeaderNode().empty() ? std::string("none") : sim.etcdLeaderNode())
        << " (term " << sim.etcdTerm() << "), " << sim.etcd().stats().leaderChanges << " leader elections; raft safety "
        << (violated ? "VIOLATED" : "held") << "\n";
    char wallText[64];
    std::snprintf(wallText, sizeof wallText, "%.3f", wall);
    err << "wall time " << wallText << " s for " << scenario::formatDuration(runUntil) << " of virtual time\n";
    if (violated) {
        out << "raft safety violation at " << stamp(violations.front().time) << ": " << violations.front().what << "\n";
        return 1;
    }
    return report.passed() ? 0 : 1;
}

} // namespace quorum::ctl
