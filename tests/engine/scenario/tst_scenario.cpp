// Scenario files: a full file into the expected structs, every malformed case refused with its
// exact message and place, durations, paths and the one-line descriptions.

#include "engine/scenario/Duration.h"
#include "engine/scenario/ScenarioYaml.h"

#include <QtTest>

#include <filesystem>

using namespace quorum::scenario;

Q_DECLARE_METATYPE(std::string)

namespace {

const std::string kTestData = QUORUM_SOURCE_DIR "/tests/engine/scenario/testdata";

constexpr Micros s(double seconds)
{
    return static_cast<Micros>(seconds * 1e6);
}

std::string errorsOf(const ScenarioLoadResult &r)
{
    std::string out;
    for (const Diagnostic &d : r.errors)
        out += d.toString() + "\n";
    return out;
}

Step step(Micros at, Action action, int line)
{
    return Step{at, std::move(action), line, {}};
}

const char *kHeader = "apiVersion: quorum.studio/v1alpha1\n"   // line 1
                      "kind: Scenario\n"                       // 2
                      "metadata: {name: t}\n"                  // 3
                      "spec:\n"                                // 4
                      "  duration: 3m\n"                       // 5
                      "  steps:\n";                            // 6 (steps start on line 7)

} // namespace

class TestScenario : public QObject {
    Q_OBJECT

private slots:
    void fullFileRoundTrips();
    void describeLines();
    void malformed_data();
    void malformed();
    void severalErrorsAreAllListed();
    void durations_data();
    void durations();
    void formatDurations();
    void pathsResolveAgainstTheFile();
    void fileErrors();
};

void TestScenario::fullFileRoundTrips()
{
    const std::string file = kTestData + "/kill-etcd-leader.yaml";
    const ScenarioLoadResult r = loadScenarioFile(file);
    QVERIFY2(r.ok(), errorsOf(r).c_str());

    const std::string dir = kTestData;
    const std::string parent = std::filesystem::path(kTestData).parent_path().string();
    Scenario expected;
    expected.file = file;
    expected.name = "kill-etcd-leader";
    expected.description = "Kill the node that hosts the etcd leader; a new leader is elected and writes resume.";
    expected.topology = FilePath{"../templates/production-ha.yaml", parent + "/templates/production-ha.yaml"};
    expected.seed = 1;
    expected.duration = s(180);
    expected.load = Load{"web", 50};
    const Target etcdLeader{Target::Kind::EtcdLeader, ""};
    const auto node = [](const char *name) { return Target{Target::Kind::Node, name}; };
    const auto member = [](GroupMember::Kind kind, const char *name) { return GroupMember{kind, name}; };
    expected.steps = {
        step(s(30), Apply{FilePath{"manifests/web.yaml", dir + "/manifests/web.yaml"}}, 14),
        step(s(40), Scale{"web", 5}, 16),
        step(s(60), Fault{KillNode{etcdLeader}}, 18),
        step(s(60), Expectation{EtcdLeaderElected{s(3)}}, 20),
        step(s(60), Expectation{WritesAvailable{true, s(5)}}, 22),
        step(s(60), Expectation{ClientSuccessRate{99.5, s(60)}}, 24),
        step(s(61), Heal{Heal::Scope::All, {}}, 26),
        step(s(62),
             Fault{StopComponent{Target{Target::Kind::LeaseHolder, "kube-controller-manager"},
                                 Component::KubeControllerManager}},
             28),
        step(s(62), Expectation{LeaseHolderChanged{"kube-controller-manager", s(20)}}, 30),
        step(s(70),
             Fault{Partition{{{member(GroupMember::Kind::Node, "cp-1")},
                              {member(GroupMember::Kind::Node, "cp-2"), member(GroupMember::Kind::Zone, "b")}},
                             true}},
             32),
        step(s(70), Expectation{NodeReady{"cp-1", false, s(30), s(60)}}, 37),
        step(s(80), Heal{Heal::Scope::Partition, {}}, 39),
        step(s(90), Fault{ZoneOutage{"c"}}, 41),
        step(s(90), Expectation{NoPodsScheduled{s(30)}}, 43),
        step(s(120), Heal{Heal::Scope::Node, node("worker-3")}, 45),
        step(s(120), Fault{SlowDisk{node("cp-2"), s(0.2)}}, 47),
        step(s(120.5), Fault{RestartNode{node("cp-1")}}, 49),
        step(s(150), Expectation{PodsRunning{"web", 5, false, s(60)}}, 51),
    };
    expected.steps.back().explain = "The Deployment is back at five replicas.";
    QCOMPARE(r.scenario->steps.size(), expected.steps.size());
    for (std::size_t i = 0; i < expected.steps.size(); ++i)
        QVERIFY2(r.scenario->steps[i] == expected.steps[i], (std::to_string(i) + ": " + describe(r.scenario->steps[i])).c_str());
    QVERIFY(*r.scenario == expected);
}

void TestScenario::describeLines()
{
    const ScenarioLoadResult r = loadScenarioFile(kTestData + "/kill-etcd-leader.yaml");
    QVERIFY(r.ok());
    const std::vector<std::string> expected{
        " 30.000s  apply manifests/web.yaml",
        " 40.000s  scale web replicas=5",
        " 60.000s  fault kill-node etcd-leader",
        " 60.000s  expect etcdLeaderElected within 3s",
        " 60.000s  expect writesAvailable=true within 5s",
        " 60.000s  expect clientSuccessRate >= 99.5% over 1m",
        " 61.000s  heal all",
        " 62.000s  fault stop-component lease-holder:kube-controller-manager kube-controller-manager",
        " 62.000s  expect leaseHolderChanged kube-controller-manager within 20s",
        " 70.000s  fault partition [cp-1] | [cp-2, zone:b] one-way",
        " 70.000s  expect nodeReady cp-1=false after 30s within 1m",
        " 80.000s  heal partition",
        " 90.000s  fault zone-outage c",
        " 90.000s  expect noPodsScheduled over 30s",
        "120.000s  heal worker-3",
        "120.000s  fault slow-disk cp-2 fsync=200ms",
        "120.500s  fault restart-node cp-1",
        "150.000s  expect podsRunning web count=5 (readiness not required) within 1m",
    };
    const std::vector<std::string> lines = describe(*r.scenario);
    QCOMPARE(lines.size(), expected.size());
    for (std::size_t i = 0; i < lines.size(); ++i)
        QCOMPARE(lines[i], expected[i]);
    QCOMPARE(describe(r.scenario->steps[2]), std::string("60.000s  fault kill-node etcd-leader"));
}

void TestScenario::malformed_data()
{
    QTest::addColumn<std::string>("yaml");
    QTest::addColumn<std::string>("message");  // the first diagnostic, exactly

    const std::string h = kHeader;
    const auto row = [](const char *name, std::string yaml, std::string message) {
        QTest::newRow(name) << std::move(yaml) << std::move(message);
    };
    row("syntax error", h + "    - at: 1s\n      apply: [a\n",
        "f.yaml:9:1: YAML syntax error: end of sequence flow not found");
    row("empty file", "\n  \n", "f.yaml:1:1: the file is empty; expected a scenario (apiVersion: quorum.studio/v1alpha1, kind: Scenario)");
    row("wrong kind", "apiVersion: quorum.studio/v1alpha1\nkind: Topology\nmetadata: {name: t}\nspec: {duration: 1m}\n",
        "f.yaml:2:7: kind: unsupported kind 'Topology'; expected 'Scenario'");
    row("unknown top-level field", "apiVersion: quorum.studio/v1alpha1\nkind: Scenario\nmetadata: {name: t}\nspecs: {}\n",
        "f.yaml:4:1: specs: unknown field 'specs' (did you mean 'spec'?)");
    row("missing duration", "apiVersion: quorum.studio/v1alpha1\nkind: Scenario\nmetadata: {name: t}\nspec:\n  seed: 2\n",
        "f.yaml:5:3: spec.duration: missing required field 'duration'");
    row("unknown spec field", h + "  sead: 3\n", "f.yaml:7:3: spec.sead: unknown field 'sead' (did you mean 'seed'?)");
    row("unknown step field", h + "    - at: 1s\n      heal: all\n      note: x\n",
        "f.yaml:9:7: spec.steps[0].note: unknown field 'note' (valid fields: 'at', 'explain', 'apply', 'scale', 'fault', "
        "'heal' or 'expect')");
    row("misspelt action", h + "    - at: 1s\n      faults: {kind: kill-node, target: cp-1}\n",
        "f.yaml:8:7: spec.steps[0].faults: unknown field 'faults' (did you mean 'fault'?)");
    row("explain is text", h + "    - at: 1s\n      heal: all\n      explain: [a]\n",
        "f.yaml:9:16: spec.steps[0].explain: expected a string, found a sequence");
    row("step without action", h + "    - at: 1s\n",
        "f.yaml:7:7: spec.steps[0]: a step needs one of 'apply', 'scale', 'fault', 'heal' or 'expect'");
    row("two actions", h + "    - at: 1s\n      heal: all\n      apply: a.yaml\n",
        "f.yaml:9:7: spec.steps[0].apply: a step does one thing; 'apply' follows 'heal' (give it a step of its own, "
        "with the same 'at')");
    row("missing at", h + "    - heal: all\n", "f.yaml:7:7: spec.steps[0].at: missing required field 'at'");
    row("at goes back", h + "    - at: 1m\n      heal: all\n    - at: 30s\n      heal: all\n",
        "f.yaml:9:11: spec.steps[1].at: at 30s is earlier than the previous step's (1m); steps must be in time order");
    row("at after the end", h + "    - at: 4m\n      heal: all\n",
        "f.yaml:7:11: spec.steps[0].at: at 4m is after the end of the scenario (spec.duration 3m)");
    row("negative duration", h + "    - at: -5s\n      heal: all\n",
        "f.yaml:7:11: spec.steps[0].at: '-5s' is negative; a duration must be 0 or more");
    row("duration without unit", h + "    - at: 30\n      heal: all\n",
        "f.yaml:7:11: spec.steps[0].at: '30' needs a unit (for example 30s or 30m)");
    row("duration wrong type", h + "    - at: [1s]\n      heal: all\n",
        "f.yaml:7:11: spec.steps[0].at: expected a duration, found a sequence");
    row("zero duration", "apiVersion: quorum.studio/v1alpha1\nkind: Scenario\nmetadata: {name: t}\nspec: {duration: 0s}\n",
        "f.yaml:4:18: spec.duration: must be longer than 0");
    row("unknown fault kind", h + "    - at: 1s\n      fault: {kind: kill-nod, target: cp-1}\n",
        "f.yaml:8:21: spec.steps[0].fault.kind: 'kill-nod' is not valid here; expected 'kill-node', 'restart-node', "
        "'stop-component', 'partition', 'zone-outage' or 'slow-disk' (did you mean 'kill-node'?)");
    row("field of another fault kind", h + "    - at: 1s\n      fault: {kind: kill-node, target: cp-1, fsync: 1s}\n",
        "f.yaml:8:46: spec.steps[0].fault.fsync: unknown field 'fsync' (valid fields: 'kind' or 'target')");
    row("fault without target", h + "    - at: 1s\n      fault: {kind: restart-node}\n",
        "f.yaml:8:14: spec.steps[0].fault.target: missing required field 'target'");
    row("bad component", h + "    - at: 1s\n      fault: {kind: stop-component, target: cp-1, component: kubelett}\n",
        "f.yaml:8:62: spec.steps[0].fault.component: 'kubelett' is not valid here; expected 'kube-apiserver', 'etcd', "
        "'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy' or 'load-balancer' (did you mean "
        "'kubelet'?)");
    row("bad lease selector", h + "    - at: 1s\n      fault: {kind: kill-node, target: lease-holder:kube-sched}\n",
        "f.yaml:8:40: spec.steps[0].fault.target: 'kube-sched' is not a lease the control plane elects; expected "
        "'lease-holder:kube-controller-manager' or 'lease-holder:kube-scheduler'");
    row("partition with one group", h + "    - at: 1s\n      fault: {kind: partition, groups: [[cp-1, cp-2]]}\n",
        "f.yaml:8:40: spec.steps[0].fault.groups: a partition needs at least two groups, found 1");
    row("partition overlap", h + "    - at: 1s\n      fault: {kind: partition, groups: [[cp-1], [cp-2, cp-1]]}\n",
        "f.yaml:8:56: spec.steps[0].fault.groups[1][1]: 'cp-1' is in more than one group");
    row("partition empty zone", h + "    - at: 1s\n      fault: {kind: partition, groups: [[cp-1], ['zone:']]}\n",
        "f.yaml:8:50: spec.steps[0].fault.groups[1][0]: 'zone:' names no zone; write zone:<zone>, for example zone:b");
    row("oneWay not a bool", h + "    - at: 1s\n      fault: {kind: partition, groups: [[a], [b]], oneWay: yes}\n",
        "f.yaml:8:60: spec.steps[0].fault.oneWay: expected true or false, found 'yes'");
    row("slow disk zero", h + "    - at: 1s\n      fault: {kind: slow-disk, target: cp-1, fsync: 0ms}\n",
        "f.yaml:8:53: spec.steps[0].fault.fsync: must be longer than 0");
    row("heal scalar", h + "    - at: 1s\n      heal: everything\n",
        "f.yaml:8:13: spec.steps[0].heal: 'everything' is not valid here; expected 'all', {target: <node>} or "
        "{partition: true}");
    row("heal both", h + "    - at: 1s\n      heal: {target: cp-1, partition: true}\n",
        "f.yaml:8:13: spec.steps[0].heal: heal takes one of 'target' or 'partition'; expected 'all', {target: "
        "<node>} or {partition: true}");
    row("unknown expectation", h + "    - at: 1s\n      expect: {etcdLeaderElcted: {within: 3s}}\n",
        "f.yaml:8:16: spec.steps[0].expect.etcdLeaderElcted: unknown field 'etcdLeaderElcted' (did you mean "
        "'etcdLeaderElected'?)");
    row("two expectations", h + "    - at: 1s\n      expect: {etcdLeaderElected: {within: 3s}, noPodsScheduled: {over: 1s}}\n",
        "f.yaml:8:49: spec.steps[0].expect.noPodsScheduled: one expectation per step; put 'noPodsScheduled' in a "
        "step of its own (with the same 'at')");
    row("expectation without within", h + "    - at: 1s\n      expect: {etcdLeaderElected: {}}\n",
        "f.yaml:8:35: spec.steps[0].expect.etcdLeaderElected.within: missing required field 'within'");
    row("expectation wrong field", h + "    - at: 1s\n      expect: {writesAvailable: {value: true, witin: 3s}}\n",
        "f.yaml:8:47: spec.steps[0].expect.writesAvailable.witin: unknown field 'witin' (did you mean 'within'?)");
    row("expectation bad bool", h + "    - at: 1s\n      expect: {writesAvailable: {value: maybe, within: 3s}}\n",
        "f.yaml:8:41: spec.steps[0].expect.writesAvailable.value: expected true or false, found 'maybe'");
    row("bad lease", h + "    - at: 1s\n      expect: {leaseHolderChanged: {lease: kube-proxy, within: 3s}}\n",
        "f.yaml:8:44: spec.steps[0].expect.leaseHolderChanged.lease: 'kube-proxy' is not valid here; expected "
        "'kube-controller-manager' or 'kube-scheduler'");
    row("after later than within",
        h + "    - at: 1s\n      expect: {nodeReady: {node: a, value: true, after: 50s, within: 40s}}\n",
        "f.yaml:8:57: spec.steps[0].expect.nodeReady.after: after (50s) is later than within (40s); the window would "
        "be empty");
    row("success rate out of range", h + "    - at: 1s\n      expect: {clientSuccessRate: {atLeast: 150, over: 1m}}\n",
        "f.yaml:8:45: spec.steps[0].expect.clientSuccessRate.atLeast: 150 is out of range; expected 0 to 100");
    row("count not a number", h + "    - at: 1s\n      expect: {podsRunning: {workload: web, count: three, within: 1m}}\n",
        "f.yaml:8:52: spec.steps[0].expect.podsRunning.count: expected a whole number, found 'three'");
    row("scale missing replicas", h + "    - at: 1s\n      scale: {workload: web}\n",
        "f.yaml:8:14: spec.steps[0].scale.replicas: missing required field 'replicas'");
    row("load rate zero", "apiVersion: quorum.studio/v1alpha1\nkind: Scenario\nmetadata: {name: t}\n"
                          "spec:\n  duration: 1m\n  load: {service: web, rate: 0}\n",
        "f.yaml:6:30: spec.load.rate: must be more than 0");
    row("load rate out of range", "apiVersion: quorum.studio/v1alpha1\nkind: Scenario\nmetadata: {name: t}\n"
                                  "spec:\n  duration: 1m\n  load: {service: web, rate: -1}\n",
        "f.yaml:6:30: spec.load.rate: -1 is out of range; expected 0 to 1000000");
    row("seed negative", "apiVersion: quorum.studio/v1alpha1\nkind: Scenario\nmetadata: {name: t}\n"
                         "spec:\n  duration: 1m\n  seed: -1\n",
        "f.yaml:6:9: spec.seed: expected a whole number from 0 to 18446744073709551615, found '-1'");
    row("action without value", h + "    - at: 1s\n      apply:\n",
        "f.yaml:7:7: spec.steps[0].apply: 'apply' has no value");
    row("apply empty path", h + "    - at: 1s\n      apply: \"\"\n", "f.yaml:8:14: spec.steps[0].apply: must not be empty");
}

void TestScenario::malformed()
{
    QFETCH(std::string, yaml);
    QFETCH(std::string, message);
    const ScenarioLoadResult r = parseScenario(yaml, "f.yaml");
    QVERIFY(!r.ok());
    QVERIFY(!r.errors.empty());
    QCOMPARE(QString::fromStdString(r.errors.front().toString()), QString::fromStdString(message));
}

void TestScenario::severalErrorsAreAllListed()
{
    const ScenarioLoadResult r = parseScenario(std::string(kHeader) + "    - at: 1s\n      fault: {kind: kill-node}\n"
                                                                      "    - at: 2s\n      heal: nothing\n",
                                               "f.yaml");
    QCOMPARE(errorsOf(r), std::string("f.yaml:8:14: spec.steps[0].fault.target: missing required field 'target'\n"
                                      "f.yaml:10:13: spec.steps[1].heal: 'nothing' is not valid here; expected 'all', "
                                      "{target: <node>} or {partition: true}\n"));
}

void TestScenario::durations_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<qint64>("micros");  // -1: refused
    QTest::addColumn<std::string>("problem");

    const auto ok = [](const char *text, qint64 micros) { QTest::newRow(text) << std::string(text) << micros << std::string(); };
    const auto bad = [](const char *text, const char *problem) {
        QTest::newRow(text) << std::string(text) << qint64(-1) << std::string(problem);
    };
    ok("0", 0);
    ok("0s", 0);
    ok("500ms", 500000);
    ok("30s", 30000000);
    ok("5m", 300000000);
    ok("1h", 3600000000LL);
    ok("1m30s", 90000000);
    ok("1h2m3s4ms5us", 3723004005LL);
    ok("1.5s", 1500000);
    ok("2.25m", 135000000);
    ok("0.1ms", 100);
    ok("250us", 250);
    ok("7\xC2\xB5s", 7);
    ok("1.0000005s", 1000000);  // finer than a microsecond: dropped
    ok("+3s", 3000000);
    bad("", "a duration cannot be empty (for example 500ms, 30s, 5m or 1m30s)");
    bad("-5s", "'-5s' is negative; a duration must be 0 or more");
    bad("30", "'30' needs a unit (for example 30s or 30m)");
    bad("5d", "'5d' has an unknown unit 'd'; use h, m, s, ms or us");
    bad("5 s", "'5 s' has an unknown unit ' s'; use h, m, s, ms or us");
    bad("s", "'s' is not a duration (for example 500ms, 30s, 5m or 1m30s)");
    bad("1m30", "'1m30' is not a duration (for example 500ms, 30s, 5m or 1m30s)");
    bad(".s", "'.s' is not a duration (for example 500ms, 30s, 5m or 1m30s)");
    bad("-x", "'-x' is not a duration (for example 500ms, 30s, 5m or 1m30s)");
    bad("99999999999999h", "'99999999999999h' is too large");
}

void TestScenario::durations()
{
    QFETCH(std::string, text);
    QFETCH(qint64, micros);
    QFETCH(std::string, problem);
    const DurationParse parsed = parseDuration(text);
    if (micros < 0) {
        QVERIFY(!parsed.value);
        QCOMPARE(parsed.problem, problem);
    } else {
        QVERIFY2(parsed.value, parsed.problem.c_str());
        QCOMPARE(*parsed.value, Micros(micros));
    }
}

void TestScenario::formatDurations()
{
    QCOMPARE(formatDuration(0), std::string("0s"));
    QCOMPARE(formatDuration(7), std::string("7us"));
    QCOMPARE(formatDuration(1500), std::string("1.5ms"));
    QCOMPARE(formatDuration(200000), std::string("200ms"));
    QCOMPARE(formatDuration(3000000), std::string("3s"));
    QCOMPARE(formatDuration(90000000), std::string("1m30s"));
    QCOMPARE(formatDuration(3600000000LL + 500000), std::string("1h0.5s"));
    for (Micros d : {Micros(1), Micros(999), Micros(1001), Micros(61000001), Micros(7200000000LL)})
        QCOMPARE(parseDuration(formatDuration(d)).value, std::optional<Micros>(d));
}

void TestScenario::pathsResolveAgainstTheFile()
{
    const std::string yaml = "apiVersion: quorum.studio/v1alpha1\nkind: Scenario\nmetadata: {name: t}\n"
                             "spec:\n  topology: ../t.yaml\n  duration: 1m\n  steps:\n"
                             "    - {at: 1s, apply: /abs/m.yaml}\n    - {at: 2s, apply: ./a/../m.yaml}\n";
    const ScenarioLoadResult r = parseScenario(yaml, "/work/s/x.yaml");
    QVERIFY2(r.ok(), errorsOf(r).c_str());
    QCOMPARE(*r.scenario->topology, (FilePath{"../t.yaml", "/work/t.yaml"}));
    QCOMPARE(std::get<Apply>(r.scenario->steps[0].action).manifest, (FilePath{"/abs/m.yaml", "/abs/m.yaml"}));
    QCOMPARE(std::get<Apply>(r.scenario->steps[1].action).manifest, (FilePath{"./a/../m.yaml", "/work/s/m.yaml"}));
    const ScenarioLoadResult anonymous = parseScenario(yaml);
    QCOMPARE(anonymous.scenario->topology->resolved, std::string("../t.yaml"));
}

void TestScenario::fileErrors()
{
    QCOMPARE(loadScenarioFile("/nonexistent/s.yaml").errors.front().toString(),
             std::string("/nonexistent/s.yaml: cannot open the file (missing, or no permission to read it)"));
    const ScenarioLoadResult multi = parseScenario(std::string(kHeader) + "    - {at: 1s, heal: all}\n---\na: 1\n", "f.yaml");
    QCOMPARE(multi.errors.front().toString(), std::string("f.yaml:9:1: expected one scenario document, found 2"));
}

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
