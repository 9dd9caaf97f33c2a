// The engine API over real gRPC on loopback TCP: a design loaded through LoadTopology runs in
// virtual time; two watchers at once see the same telemetry stream, number for number; killing
// the etcd leader through InjectFault shows up as a new leader in both streams and in
// GetState; bad input comes back with its place; stepping is exact; the daemon refuses
// addresses that are not loopback.

#include "engine/rpc/EngineHost.h"
#include "engine/rpc/EngineService.h"
#include "engine/rpc/proto/engine.grpc.pb.h"

#include <google/protobuf/util/message_differencer.h>
#include <grpcpp/grpcpp.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <thread>

using namespace quorum;

namespace {

std::string readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll().toStdString();
}

std::string productionHa()
{
    return readFile(QStringLiteral(QUORUM_SOURCE_DIR "/resources/templates/production-ha.yaml"));
}

/// A watcher on its own TCP channel, collecting items on its own thread until told to stop or
/// until it has seen a sample at `until` (virtual micros).
class Watcher {
public:
    Watcher(const std::string &address, std::int64_t until)
        : m_stub(v1::Engine::NewStub(grpc::CreateChannel(address, grpc::InsecureChannelCredentials())))
        , m_until(until)
    {
        m_thread = std::thread([this] {
            v1::WatchRequest request;
            request.set_from_start(true);
            auto reader = m_stub->Watch(&m_context, request);
            v1::TelemetryItem item;
            while (reader->Read(&item)) {
                m_items.push_back(item);
                if (item.has_sample() && item.sample().time_micros() >= m_until)
                    break;
            }
            m_context.TryCancel();
            reader->Finish();
            m_done = true;
        });
    }
    ~Watcher()
    {
        m_context.TryCancel();
        if (m_thread.joinable())
            m_thread.join();
    }
    bool waitDone(int ms)
    {
        for (int i = 0; i < ms / 10 && !m_done; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        return m_done;
    }
    const std::vector<v1::TelemetryItem> &items() const { return m_items; }

private:
    std::unique_ptr<v1::Engine::Stub> m_stub;
    grpc::ClientContext m_context;
    std::int64_t m_until;
    std::vector<v1::TelemetryItem> m_items;
    std::atomic<bool> m_done{false};
    std::thread m_thread;
};

const v1::Event *findEvent(const std::vector<v1::TelemetryItem> &items, const std::string &reason, std::int64_t from)
{
    for (const v1::TelemetryItem &i : items)
        if (i.has_event() && i.event().reason() == reason && i.event().time_micros() >= from)
            return &i.event();
    return nullptr;
}

/// An engine served on loopback TCP (a free port), and a client of it.
struct Served {
    rpc::EngineHost host;
    rpc::EngineServer server{host};
    std::string address;
    std::unique_ptr<v1::Engine::Stub> stub;
    Served()
    {
        std::string error;
        const auto port = server.listen("127.0.0.1:0", error);
        if (!port)
            qFatal("cannot listen on loopback: %s", error.c_str());
        address = "127.0.0.1:" + std::to_string(*port);
        stub = v1::Engine::NewStub(grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));
    }
    /// GetState through the client (aborts the test when the call fails).
    v1::ClusterState state() const
    {
        grpc::ClientContext c;
        v1::ClusterState s;
        if (!stub->GetState(&c, v1::StateRequest(), &s).ok())
            qFatal("GetState failed");
        return s;
    }
};

} // namespace

class TestRpc : public QObject {
    Q_OBJECT
private slots:
    void loopbackOnly_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("ipv4 loopback") << "127.0.0.1:7443" << true;
        QTest::newRow("another 127 address") << "127.1.2.3:0" << true;
        QTest::newRow("ipv6 loopback") << "[::1]:7443" << true;
        QTest::newRow("localhost") << "localhost:7443" << true;
        QTest::newRow("any ipv4") << "0.0.0.0:7443" << false;
        QTest::newRow("any ipv6") << "[::]:7443" << false;
        QTest::newRow("lan") << "192.168.1.5:7443" << false;
        QTest::newRow("a name") << "example.com:7443" << false;
        QTest::newRow("no port") << "127.0.0.1" << false;
        QTest::newRow("bad port") << "127.0.0.1:99999" << false;
        QTest::newRow("bare ipv6") << "::1:7443" << false;
        QTest::newRow("lookalike") << "127.0.0.1.example.com:80" << false;
    }

    void loopbackOnly()
    {
        QFETCH(QString, address);
        QFETCH(bool, allowed);
        std::string why;
        QCOMPARE(rpc::isLoopbackAddress(address.toStdString(), why), allowed);
        QCOMPARE(why.empty(), allowed);
    }

    void twoWatchersSeeTheSameRunOverTcp()
    {
        Served served;
        const std::string &address = served.address;
        v1::Engine::Stub *stub = served.stub.get();

        grpc::ClientContext loadContext;
        v1::LoadTopologyRequest load;
        load.set_yaml(productionHa());
        load.set_source_name("production-ha.yaml");
        load.set_seed(1);
        v1::LoadTopologyReply loaded;
        QVERIFY(stub->LoadTopology(&loadContext, load, &loaded).ok());
        QVERIFY(loaded.ok());

        const std::int64_t until = 40'000'000;
        Watcher a(address, until);
        Watcher b(address, until);

        // Step exactly 20 s of virtual time (the watchers see it all), then kill the node of
        // the etcd leader, then let it run.
        grpc::ClientContext stepContext;
        v1::ControlRequest step;
        step.set_step_micros(20'000'000);
        v1::ClockState clock;
        QVERIFY(stub->Control(&stepContext, step, &clock).ok());
        QCOMPARE(clock.virtual_micros(), std::int64_t{20'000'000});
        QVERIFY(!clock.running());
        std::string oldLeader;
        {
            grpc::ClientContext c;
            v1::ClusterState state;
            QVERIFY(stub->GetState(&c, v1::StateRequest(), &state).ok());
            for (const v1::NodeState &n : state.nodes())
                if (n.etcd_leader())
                    oldLeader = n.name();
        }
        QVERIFY(!oldLeader.empty());
        grpc::ClientContext faultContext;
        v1::FaultRequest kill;
        kill.set_kind("kill-node");
        kill.set_target("etcd-leader");
        v1::FaultReply killed;
        QVERIFY(stub->InjectFault(&faultContext, kill, &killed).ok());
        QVERIFY2(killed.ok(), killed.message().c_str());
        grpc::ClientContext runContext;
        v1::ControlRequest run;
        run.set_run_speed(400);
        QVERIFY(stub->Control(&runContext, run, &clock).ok());
        QVERIFY(clock.running());
        grpc::ClientContext badFaultContext;
        v1::FaultRequest bad;
        bad.set_kind("explode");
        bad.set_target("cp-1");
        v1::FaultReply refused;
        QVERIFY(stub->InjectFault(&badFaultContext, bad, &refused).ok());
        QVERIFY(!refused.ok());
        QVERIFY(refused.message().find("unknown fault kind 'explode'") != std::string::npos);

        QVERIFY(a.waitDone(30000));
        QVERIFY(b.waitDone(30000));
        // The same stream, item for item.
        QCOMPARE(a.items().size(), b.items().size());
        QVERIFY(a.items().size() > 40);
        for (std::size_t i = 0; i < a.items().size(); ++i) {
            QCOMPARE(a.items()[i].seq(), static_cast<std::uint64_t>(i + 1));
            // (maps serialize in no fixed order: compare as messages)
            QVERIFY(google::protobuf::util::MessageDifferencer::Equals(a.items()[i], b.items()[i]));
        }
        // One sample per virtual second, and a new leader elected after the kill.
        int samples = 0;
        for (const v1::TelemetryItem &i : a.items())
            samples += i.has_sample() ? 1 : 0;
        QVERIFY(samples >= 40);
        const v1::Event *fault = findEvent(a.items(), "NodeKilled", 0);
        QVERIFY(fault);
        QCOMPARE(fault->object(), "node/" + oldLeader);
        QCOMPARE(fault->kind(), std::string("Fault"));
        QCOMPARE(fault->time_micros(), std::int64_t{20'000'000});
        const v1::Event *elected = nullptr;
        for (const v1::TelemetryItem &i : a.items())
            if (i.has_event() && i.event().reason() == "LeaderElected" && i.event().time_micros() >= 20'000'000)
                elected = &i.event();
        QVERIFY(elected);
        QVERIFY(elected->object() != "etcd/" + oldLeader);

        grpc::ClientContext stateContext;
        v1::ClusterState state;
        QVERIFY(stub->GetState(&stateContext, v1::StateRequest(), &state).ok());
        int leaders = 0;
        for (const v1::NodeState &n : state.nodes()) {
            if (n.name() == oldLeader)
                QVERIFY(!n.up());
            leaders += n.etcd_leader() ? 1 : 0;
        }
        QCOMPARE(leaders, 1);
        QCOMPARE(state.sample().quorum().voters_up(), 2);
        QCOMPARE(state.sample().quorum().needed(), 2);
    }

    void badInputComesBackWithItsPlace()
    {
        rpc::EngineHost host;
        rpc::EngineServer server(host);
        std::string error;
        QVERIFY(server.startInProcess(error));
        auto stub = v1::Engine::NewStub(server.inProcessChannel());
        grpc::ClientContext c1;
        v1::LoadTopologyRequest load;
        load.set_yaml("apiVersion: quorum.studio/v1alpha1\nkind: Topology\nmetadata: {name: x}\nspec:\n  nodes:\n    - name: a\n      roel: worker\n");
        load.set_source_name("typo.yaml");
        v1::LoadTopologyReply reply;
        QVERIFY(stub->LoadTopology(&c1, load, &reply).ok());
        QVERIFY(!reply.ok());
        QVERIFY(reply.diagnostics_size() > 0);
        QCOMPARE(reply.diagnostics(0).file(), std::string("typo.yaml"));
        QVERIFY(reply.diagnostics(0).line() > 0);
        // Nothing runs yet: controls say so instead of failing silently.
        grpc::ClientContext c2;
        v1::ControlRequest run;
        run.set_run_speed(10);
        v1::ClockState clock;
        QVERIFY(stub->Control(&c2, run, &clock).ok());
        QVERIFY(!clock.message().empty());
        // A good design, then manifests with a problem.
        grpc::ClientContext c3;
        load.set_yaml(productionHa());
        load.set_source_name("production-ha.yaml");
        QVERIFY(stub->LoadTopology(&c3, load, &reply).ok());
        QVERIFY(reply.ok());
        grpc::ClientContext c4;
        v1::ApplyRequest apply;
        apply.set_yaml("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicas: [1\n");
        apply.set_source_name("broken.yaml");
        v1::ApplyReply applied;
        QVERIFY(stub->Apply(&c4, apply, &applied).ok());
        QVERIFY(!applied.ok());
        QVERIFY(applied.diagnostics_size() > 0);
        QCOMPARE(applied.diagnostics(0).file(), std::string("broken.yaml"));
        // Out-of-range speed is refused with a reason.
        grpc::ClientContext c5;
        run.set_run_speed(5000);
        QVERIFY(stub->Control(&c5, run, &clock).ok());
        QVERIFY(clock.message().find("between 0.25 and 1000") != std::string::npos);
        QVERIFY(!clock.running());
    }

    void stepIsExact()
    {
        rpc::EngineHost host;
        QVERIFY(host.load(productionHa(), "production-ha.yaml", 1).ok);
        QCOMPARE(host.clock().virtualMicros, std::int64_t{0});
        const rpc::Clock c = host.step(5'000'000);
        QCOMPARE(c.virtualMicros, std::int64_t{5'000'000});
        QVERIFY(!c.running);
        // Five samples, one per second, and the same run id throughout.
        std::uint64_t cursor = 0;
        std::vector<rpc::Item> items;
        QVERIFY(host.waitItems(host.runId(), cursor, items, std::chrono::milliseconds(0)));
        int samples = 0;
        for (const rpc::Item &i : items)
            samples += std::holds_alternative<telemetry::Sample>(i.value) ? 1 : 0;
        QCOMPARE(samples, 5);
        // Replacing the run ends the old one's streams.
        const std::string old = host.runId();
        QVERIFY(host.load(productionHa(), "production-ha.yaml", 2).ok);
        QVERIFY(host.runId() != old);
        std::vector<rpc::Item> none;
        std::uint64_t c2 = 0;
        QVERIFY(!host.waitItems(old, c2, none, std::chrono::milliseconds(0)));
    }

    void drillPausesAtItsStepsAndReportsObservedTimes()
    {
        Served served;
        v1::Engine::Stub *stub = served.stub.get();
        auto state = [&] { return served.state(); };

        // The scenario's folder is not on the engine's disk: its design comes with the request.
        v1::ScenarioRequest request;
        request.set_yaml(readFile(QStringLiteral(QUORUM_SOURCE_DIR "/resources/scenarios/kill-etcd-leader.yaml")));
        request.set_source_name("kill-etcd-leader.yaml");
        (*request.mutable_files())["../templates/production-ha.yaml"] = productionHa();
        v1::LoadTopologyReply reply;
        {
            grpc::ClientContext c;
            QVERIFY(stub->RunScenario(&c, request, &reply).ok());
        }
        QVERIFY(reply.ok());

        v1::ClusterState s = state();
        QVERIFY(s.has_drill());
        const v1::Drill &plan = s.drill();
        QCOMPARE(plan.name(), std::string("kill-etcd-leader"));
        QCOMPARE(plan.steps_size(), 7);
        for (const v1::DrillStep &step : plan.steps()) {
            QVERIFY(!step.ran());
            QVERIFY(!step.explanation().empty());
        }
        const v1::DrillStep &fault = plan.steps(1);
        QCOMPARE(fault.action(), std::string("fault kill-node etcd-leader"));
        QVERIFY(!fault.expectation());
        QVERIFY(fault.prediction().empty());
        const v1::DrillStep &leader = plan.steps(2);
        QCOMPARE(leader.predicted_within_micros(), std::int64_t{2'100'000}); // 2 x 1000 ms + 100 ms
        const v1::DrillStep &lease = plan.steps(3);
        QCOMPARE(lease.predicted_within_micros(), std::int64_t{17'000'000});
        QCOMPARE(lease.prediction(), std::string("Taken over no later than 17 s: lease-duration 15 s + retry-period 2 s "
                                                 "after the holder's last renewal."));

        // Next step: run to the fault's time and pause there, with everything due at 40 s run.
        {
            grpc::ClientContext c;
            v1::ControlRequest run;
            run.set_run_speed(1000);
            run.set_pause_at_micros(40'000'000);
            v1::ClockState clock;
            QVERIFY(stub->Control(&c, run, &clock).ok());
            QVERIFY2(clock.message().empty(), clock.message().c_str());
        }
        for (int i = 0; i < 600 && state().clock().running(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        s = state();
        QVERIFY(!s.clock().running());
        QCOMPARE(s.clock().virtual_micros(), std::int64_t{40'000'000});
        for (int i = 0; i < 4; ++i)
            QVERIFY2(s.drill().steps(i).ran(), s.drill().steps(i).action().c_str());
        QVERIFY(!s.drill().steps(4).ran());
        QVERIFY(s.drill().steps(0).decided() && s.drill().steps(0).passed());
        QVERIFY(!s.drill().steps(2).decided()); // the new leader is not there yet
        QVERIFY(!s.drill().finished());

        // Play to the end: every expectation holds, within what the settings predict.
        {
            grpc::ClientContext c;
            v1::ControlRequest step;
            step.set_step_micros(140'000'000);
            v1::ClockState clock;
            QVERIFY(stub->Control(&c, step, &clock).ok());
        }
        s = state();
        QVERIFY(s.drill().finished());
        QCOMPARE(s.drill().step_errors_size(), 0);
        for (const v1::DrillStep &step : s.drill().steps()) {
            QVERIFY(step.ran());
            if (!step.expectation())
                continue;
            QVERIFY2(step.decided() && step.passed(), (step.action() + ": " + step.detail()).c_str());
            if (step.predicted_within_micros() > 0)
                QVERIFY2(step.observed_micros() >= 0 && step.observed_micros() <= step.predicted_within_micros(),
                         (step.action() + " observed " + std::to_string(step.observed_micros())).c_str());
        }
        QVERIFY(s.drill().steps(2).observed_micros() >= 1'000'000); // an election timeout at least
    }

    void drillPredictionsFollowTheDesignsSettings()
    {
        rpc::EngineHost host;
        rpc::ScenarioSpec spec;
        spec.yaml = readFile(QStringLiteral(QUORUM_SOURCE_DIR "/resources/scenarios/worker-down.yaml"));
        spec.sourceName = QUORUM_SOURCE_DIR "/resources/scenarios/worker-down.yaml";
        std::string design = productionHa();
        const std::string at = "spec:\n";
        design.insert(design.find(at) + at.size(),
                      "  controlPlane: {leaseDuration: 20s, retryPeriod: 3s}\n"
                      "  nodeLifecycle: {monitorGracePeriod: 50s, evictionTimeout: 2m}\n");
        spec.topologyYaml = design;
        const rpc::LoadOutcome loaded = host.loadScenario(spec);
        QVERIFY2(loaded.ok, loaded.diagnostics.empty() ? "" : loaded.diagnostics.front().toString().c_str());
        const rpc::DrillView drill = *host.state().drill;
        // worker-down: NotReady between grace - status interval and grace + monitor period.
        const rpc::DrillStepView &notReady = drill.steps.at(2);
        QCOMPARE(*notReady.plan.predictedAfter, std::int64_t{40'000'000});
        QCOMPARE(*notReady.plan.predictedWithin, std::int64_t{55'000'000});
        QVERIFY(notReady.plan.prediction.find("node-monitor-grace-period 50 s") != std::string::npos);
        // The replacement: lost at 60 s, NotReady after 50 + 5 s, eviction after 120 s, pull 4 s:
        // 179 s after the loss, 129 s after the step at 110 s.
        const rpc::DrillStepView &replaced = drill.steps.at(3);
        QCOMPARE(*replaced.plan.predictedWithin, std::int64_t{129'000'000});
        QVERIFY(replaced.plan.prediction.find("tolerationSeconds 2 min") == std::string::npos);
        QVERIFY(replaced.plan.prediction.find("tolerationSeconds 120 s") != std::string::npos);

        // A scenario with a mistake is refused with its place; the run stays as it was.
        const std::string runId = host.runId();
        spec.yaml.replace(spec.yaml.find("kill-node"), 9, "kill-nod");
        const rpc::LoadOutcome bad = host.loadScenario(spec);
        QVERIFY(!bad.ok);
        QCOMPARE(bad.diagnostics.size(), std::size_t{1});
        QVERIFY(bad.diagnostics[0].line > 0 && bad.diagnostics[0].column > 0);
        QVERIFY(bad.diagnostics[0].message.find("did you mean 'kill-node'") != std::string::npos);
        QCOMPARE(host.runId(), runId);
        // A manifest the engine cannot find is named before anything runs.
        rpc::ScenarioSpec missing;
        missing.yaml = readFile(QStringLiteral(QUORUM_SOURCE_DIR "/resources/scenarios/rolling-update.yaml"));
        missing.sourceName = "/nonexistent/rolling-update.yaml";
        missing.topologyYaml = productionHa();
        const rpc::LoadOutcome noFile = host.loadScenario(missing);
        QVERIFY(!noFile.ok);
        QVERIFY(!noFile.diagnostics.empty());
        QCOMPARE(noFile.diagnostics[0].field, std::string("apply"));
        QVERIFY(noFile.diagnostics[0].message.find("manifests/web-v2.yaml") != std::string::npos);
        QCOMPARE(host.runId(), runId);
    }

    void recordedRunReplaysTheStateAtEachSecond()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string file = dir.filePath(QStringLiteral("runs.sqlite")).toStdString();
        Served served;
        rpc::EngineHost &host = served.host;
        v1::Engine::Stub *stub = served.stub.get();
        auto control = [&](std::int64_t stepMicros) {
            grpc::ClientContext c;
            v1::ControlRequest step;
            step.set_step_micros(stepMicros);
            v1::ClockState clock;
            QVERIFY(stub->Control(&c, step, &clock).ok());
        };
        auto state = [&] { return served.state(); };

        for (int seed : {1, 2}) { // two runs in one file
            grpc::ClientContext c;
            v1::LoadTopologyRequest load;
            load.set_yaml(productionHa());
            load.set_source_name("production-ha.yaml");
            load.set_seed(seed);
            load.set_record_path(file);
            v1::LoadTopologyReply loaded;
            QVERIFY(stub->LoadTopology(&c, load, &loaded).ok());
            QVERIFY(loaded.ok());
        }
        control(20'000'000);
        {
            grpc::ClientContext c;
            v1::FaultRequest kill;
            kill.set_kind("kill-node");
            kill.set_target("etcd-leader");
            v1::FaultReply reply;
            QVERIFY(stub->InjectFault(&c, kill, &reply).ok());
            QVERIFY(reply.ok());
        }
        control(10'000'000);
        const v1::ClusterState at30 = state(); // the diagram at exactly 30 s
        QCOMPARE(at30.clock().virtual_micros(), std::int64_t{30'000'000});
        control(5'000'000);

        v1::RecordingsReply runs;
        {
            grpc::ClientContext c;
            v1::RecordingsRequest request;
            request.set_path(file);
            QVERIFY(stub->ListRecordings(&c, request, &runs).ok());
        }
        QVERIFY2(runs.ok(), runs.message().c_str());
        QCOMPARE(runs.runs_size(), 2);
        QCOMPARE(runs.runs(1).topology_name(), std::string("production-ha"));
        QCOMPARE(runs.runs(1).seed(), std::uint64_t{2});
        QVERIFY(!runs.runs(1).started_label().empty());

        grpc::ClientContext c;
        v1::ReadRecordingRequest read;
        read.set_path(file);
        read.set_run(runs.runs(1).id());
        auto reader = stub->ReadRecording(&c, read);
        std::vector<v1::TelemetryItem> items;
        v1::TelemetryItem item;
        while (reader->Read(&item))
            items.push_back(item);
        QVERIFY(reader->Finish().ok());
        int samples = 0;
        std::int64_t last = -1;
        const v1::Sample *sample30 = nullptr;
        bool killSeen = false;
        for (const v1::TelemetryItem &i : items) {
            const std::int64_t t = i.has_sample() ? i.sample().time_micros() : i.event().time_micros();
            QVERIFY(t >= last); // in time order
            last = t;
            if (i.has_event() && i.event().reason() == "NodeKilled")
                killSeen = true;
            if (!i.has_sample())
                continue;
            ++samples;
            QCOMPARE(i.sample().node_states_size(), at30.nodes_size());
            if (i.sample().time_micros() == 30'000'000)
                sample30 = &i.sample();
        }
        QCOMPARE(samples, 35);
        QVERIFY(killSeen);
        QVERIFY(sample30);
        // The recorded state at 30 s is the state the engine showed at 30 s, node by node.
        for (int n = 0; n < at30.nodes_size(); ++n) {
            v1::NodeState live = at30.nodes(n);
            live.clear_zone();
            live.clear_role();
            QVERIFY2(google::protobuf::util::MessageDifferencer::Equals(live, sample30->node_states(n)),
                     (live.DebugString() + " vs " + sample30->node_states(n).DebugString()).c_str());
        }
        QVERIFY(std::any_of(sample30->node_states().begin(), sample30->node_states().end(),
                            [](const v1::NodeState &s) { return !s.up(); }));
        // Live watchers do not carry the node states (the retained stream stays small).
        std::uint64_t cursor = 0;
        std::vector<rpc::Item> live;
        QVERIFY(host.waitItems(host.runId(), cursor, live, std::chrono::milliseconds(0)));
        for (const rpc::Item &i : live)
            if (const auto *s = std::get_if<telemetry::Sample>(&i.value))
                QVERIFY(s->nodeStates.empty());

        // A file that is not a recording is refused with its name.
        const std::string other = dir.filePath(QStringLiteral("other.txt")).toStdString();
        QFile junk(QString::fromStdString(other));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a database, just text that is long enough to be looked at by sqlite");
        junk.close();
        v1::RecordingsReply bad;
        grpc::ClientContext c2;
        v1::RecordingsRequest request;
        request.set_path(other);
        QVERIFY(stub->ListRecordings(&c2, request, &bad).ok());
        QVERIFY(!bad.ok());
        QVERIFY2(bad.message().find("other.txt") != std::string::npos, bad.message().c_str());
    }

    void daemonRefusesRemoteAddresses()
    {
        QProcess p;
        p.start(QStringLiteral(QUORUMD_PATH), {"--listen", "0.0.0.0:7443", QStringLiteral(QUORUM_SOURCE_DIR "/resources/templates/production-ha.yaml")});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 2);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains("refusing to listen on 0.0.0.0:7443") && err.contains("not a loopback address"), qPrintable(err));
    }
};

QTEST_APPLESS_MAIN(TestRpc)
#include "tst_rpc.moc"
