// Telemetry in memory and as CSV: the bus, the ring, the sample codec, and the exact CSV text.

#include "engine/telemetry/CsvSink.h"
#include "engine/telemetry/RingSink.h"
#include "tests/engine/telemetry/TelemetryData.h"

#include <QtTest>

#include <sstream>

using namespace quorum::telemetry;
using namespace quorum::telemetry::testdata;

class TestTelemetry : public QObject {
    Q_OBJECT

private slots:
    void kindNamesRoundTrip();
    void attrsJson();
    void sampleCodecRoundTrip();
    void sampleCodecRejectsDamage();
    void busFansOutToRing();
    void ringKeepsTheLastAndQueriesRanges();
    void csvExactText();
    void csvColumnsFixedByFirstSample();
};

void TestTelemetry::kindNamesRoundTrip()
{
    for (int k = 0; k <= static_cast<int>(EventKind::Info); ++k) {
        const auto kind = static_cast<EventKind>(k);
        QCOMPARE(eventKindFromString(toString(kind)), std::optional(kind));
    }
    QCOMPARE(std::string(toString(EventKind::LeaseHolderChange)), std::string("LeaseHolderChange"));
    QVERIFY(!eventKindFromString("raftleaderchange"));
    QCOMPARE(severityFromString("Warning"), std::optional(Severity::Warning));
    QCOMPARE(raftRoleFromString("PreCandidate"), std::optional(RaftRole::PreCandidate));
    QCOMPARE(podPhaseFromString("ContainerCreating"), std::optional(PodPhase::ContainerCreating));
}

void TestTelemetry::attrsJson()
{
    Event e = leaderElected(0, 3);
    e.with("weird \"name\"\\", -7);
    const std::string json = attrsToJson(e.attrs);
    QCOMPARE(json, std::string(R"({"term":3,"index":43,"weird \"name\"\\":-7})"));
    QCOMPARE(attrsFromJson(json), std::optional(e.attrs));
    QCOMPARE(attrsFromJson("{}"), std::optional(std::vector<Attribute>{}));
    QVERIFY(!attrsFromJson("{\"a\":}"));
    QVERIFY(!attrsFromJson("{\"a\":1"));
    QVERIFY(!attrsFromJson("[]"));
    QCOMPARE(e.attr("term"), std::optional<std::int64_t>(3));
    QVERIFY(!e.attr("missing"));
}

void TestTelemetry::sampleCodecRoundTrip()
{
    const Sample s = fullSample(61 * kSecond, 5);
    const std::string bytes = encodeSample(s);
    QCOMPARE(decodeSample(bytes), std::optional(s));
    QCOMPARE(decodeSample(encodeSample(Sample{})), std::optional(Sample{}));
    QVERIFY2(bytes.size() < 400, std::to_string(bytes.size()).c_str());

    // Node states (what a replay shows on the diagram) round-trip too.
    Sample withNodes = s;
    withNodes.nodeStates = {
        NodeStateSample{"cp-1", false, "Unknown", false, {}, false, {}, false, {}},
        NodeStateSample{"cp-2", true, "True", true, {"kube-scheduler"}, true, {"kube-controller-manager"}, true,
                        {PodMarkSample{"default/web-1", "web", PodPhase::Running, true},
                         PodMarkSample{"default/web-2", "web", PodPhase::Terminating, false}}},
    };
    QCOMPARE(decodeSample(encodeSample(withNodes)), std::optional(withNodes));
    // A recording made before node states were recorded (format 1: the same bytes up to the
    // node count) still reads, without them.
    std::string formatOne = bytes.substr(0, bytes.size() - 1); // drop the node count (0)
    formatOne[0] = 1;
    QCOMPARE(decodeSample(formatOne), std::optional(s));
}

void TestTelemetry::sampleCodecRejectsDamage()
{
    const std::string bytes = encodeSample(fullSample(kSecond, 1));
    for (std::size_t cut = 0; cut < bytes.size(); ++cut)
        QVERIFY(!decodeSample(bytes.substr(0, cut)));
    QVERIFY(!decodeSample(bytes + "x"));
    std::string newer = bytes;
    newer[0] = 3;
    QVERIFY(!decodeSample(newer));
}

void TestTelemetry::busFansOutToRing()
{
    RingSink a(10, 10), b(10, 10);
    Bus bus;
    bus.addSink(&a);
    bus.addSink(&b);
    bus.addSink(&a);
    QCOMPARE(bus.sinkCount(), std::size_t(2));
    bus.onEvent(leaderElected(kSecond, 2));
    bus.onSample(fullSample(kSecond, 0));
    bus.removeSink(&b);
    bus.onEvent(nodeNotReady(2 * kSecond));
    bus.flush();
    QCOMPARE(a.allEvents().size(), std::size_t(2));
    QCOMPARE(b.allEvents().size(), std::size_t(1));
    QCOMPARE(b.allEvents().front(), leaderElected(kSecond, 2));
    QCOMPARE(*a.latestSample(), fullSample(kSecond, 0));
}

void TestTelemetry::ringKeepsTheLastAndQueriesRanges()
{
    RingSink ring(3, 2);
    for (int i = 0; i < 5; ++i) {
        ring.onEvent(leaderElected(i * kSecond, i));
        ring.onSample(fullSample(i * kSecond, i));
    }
    QCOMPARE(ring.droppedEvents(), std::size_t(2));
    QCOMPARE(ring.droppedSamples(), std::size_t(3));
    const auto events = ring.events(0, 10 * kSecond);
    QCOMPARE(events.size(), std::size_t(3));
    QCOMPARE(events.front(), leaderElected(2 * kSecond, 2));
    // Half-open ranges: [3 s, 4 s) holds the event at 3 s only.
    QCOMPARE(ring.events(3 * kSecond, 4 * kSecond), std::vector<Event>{leaderElected(3 * kSecond, 3)});
    QVERIFY(ring.events(4 * kSecond, 4 * kSecond).empty());
    QVERIFY(ring.events(5 * kSecond, 3 * kSecond).empty());
    QCOMPARE(ring.samples(0, 4 * kSecond), std::vector<Sample>{fullSample(3 * kSecond, 3)});
    ring.clear();
    QVERIFY(ring.latestSample() == nullptr);
}

void TestTelemetry::csvExactText()
{
    std::ostringstream events, samples;
    {
        CsvSink csv(&events, &samples);
        csv.onEvent(leaderElected(1500 * kMillisecond, 2));
        csv.onEvent(nodeNotReady(61 * kSecond + 7));
        Sample s;
        s.time = 2 * kSecond;
        s.raft.push_back(RaftMemberSample{"cp-1", true, RaftRole::Leader, 2, 10, 9, "cp-1"});
        s.quorum = QuorumSample{1, 1, 1, true};
        s.writeLatency = LatencyMs{0.5, 1.75};
        s.leaseHolders = {{"kube-scheduler", "cp-1_a,b"}};
        s.nodes = NodeCounts{1, 0, 0, 1};
        s.pods[PodPhase::Running] = 2;
        s.workloads = {{"web", WorkloadSample{2, 2, 2}}};
        s.loadBalancers = {{"api", LoadBalancerSample{1, 1}}};
        s.clients = ClientSample{10, 10, 0, 100, LatencyMs{1, 2}};
        s.backendRequests = {{"web-1", 10}};
        csv.onSample(s);
        QVERIFY(csv.good());
    }
    QCOMPARE(events.str(), std::string("time_s,kind,type,object,reason,message\r\n"
                                       "1.500000,RaftLeaderChange,Normal,etcd/cp-2,LeaderElected,"
                                       "cp-2 became leader at term 2\r\n"
                                       "61.000007,NodeCondition,Warning,node/worker-1,NodeNotReady,"
                                       "\"Node worker-1 status is now: NodeNotReady, \"\"kubelet stopped\"\"\"\r\n"));
    QCOMPARE(samples.str(),
             std::string("time_s,quorum_voters_up,quorum_voters_total,quorum_needed,writes_available,write_p50_ms,"
                         "write_p99_ms,nodes_ready,nodes_not_ready,nodes_unknown,nodes_total,pods_Pending,"
                         "pods_ContainerCreating,pods_Running,pods_Succeeded,pods_Failed,pods_Terminating,"
                         "client_requests,client_successes,client_failures,client_success_rate,client_p50_ms,"
                         "client_p99_ms,raft.cp-1.up,raft.cp-1.role,raft.cp-1.term,raft.cp-1.commit,"
                         "raft.cp-1.applied,raft.cp-1.leader,lease.kube-scheduler,workload.web.running,"
                         "workload.web.ready,workload.web.desired,lb.api.healthy,lb.api.total,"
                         "backend.web-1.requests\r\n"
                         "2.000000,1,1,1,1,0.5,1.75,1,0,0,1,0,0,2,0,0,0,10,10,0,100,1,2,1,Leader,2,10,9,cp-1,"
                         "\"cp-1_a,b\",2,2,2,1,1,10\r\n"));
}

void TestTelemetry::csvColumnsFixedByFirstSample()
{
    std::ostringstream samples;
    CsvSink csv(nullptr, &samples);
    Sample first;
    first.workloads = {{"web", WorkloadSample{1, 1, 1}}};
    csv.onSample(first);
    Sample second;
    second.time = kSecond;
    second.workloads = {{"db", WorkloadSample{1, 1, 1}}};
    csv.onSample(second);
    QCOMPARE(csv.droppedCells(), std::size_t(3));
    const std::string text = samples.str();
    QVERIFY(text.find("workload.db") == std::string::npos);
    // The missing web columns are empty cells at the end of the second row.
    QVERIFY(text.ends_with("100,0,0,,,\r\n"));
}

QTEST_GUILESS_MAIN(TestTelemetry)
#include "tst_telemetry.moc"
