// ClusterState bookkeeping and indexes, and the scheduler's feasible-node count: checked
// against a brute-force recount after every change.

#include "engine/scheduler/ClusterState.h"
#include "engine/scheduler/Matching.h"
#include "engine/scheduler/Scheduler.h"

#include <QtTest>

using namespace quorum::scheduler;

namespace {

NodeInfo makeNode(const std::string &name, const std::string &zone)
{
    NodeInfo node;
    node.name = name;
    node.labels = {{kLabelHostname, name}};
    if (!zone.empty())
        node.labels[kLabelZone] = zone;
    node.allocatable = {4000, 8LL << 30, 110};
    return node;
}

PodSpec makePod(const std::string &name, const std::string &app, std::int64_t cpu)
{
    PodSpec pod;
    pod.name = name;
    pod.labels = {{"app", app}};
    pod.requests = {cpu, 0};
    return pod;
}

/// Recounts every counter-visible fact from scratch and compares.
void checkCounter(const ClusterState &state, int counter, const PodClause &clause, const std::vector<std::string> &podNames)
{
    std::vector<std::int32_t> expected(state.nodeSlots(), 0);
    for (const std::string &name : podNames) {
        NodeId node = kNoNode;
        const PodSpec *pod = state.findPod("default", name, &node);
        if (pod && termMatchesPod(clause.namespaces, clause.selector, pod->ns, pod->labels))
            ++expected[static_cast<std::size_t>(node)];
    }
    const auto &actual = state.counterPerNode(counter);
    for (std::size_t i = 0; i < expected.size(); ++i)
        QCOMPARE(i < actual.size() ? actual[i] : 0, expected[i]);
}

} // namespace

class TestCluster : public QObject {
    Q_OBJECT

private slots:
    void nodeOrderRoundRobinsZones();
    void usageAndCounters();
    void termGroupsFollowRelabel();
    void removeNodeForgetsPods();
    void boundPodsKeepWhatIsRead();
    void laterCountersSeeLabelledPods();
    void feasibleNodesToFind_data();
    void feasibleNodesToFind();
    void indexedPathsMatchNodeWalk_data();
    void indexedPathsMatchNodeWalk();
};

void TestCluster::nodeOrderRoundRobinsZones()
{
    ClusterState state;
    for (const auto &[name, zone] : std::vector<std::pair<std::string, std::string>>{
             {"a1", "a"}, {"a2", "a"}, {"a3", "a"}, {"b1", "b"}, {"c1", "c"}, {"c2", "c"}})
        QVERIFY(state.addNode(makeNode(name, zone)));
    QVERIFY(!state.addNode(makeNode("a1", "a")));
    auto names = [&] {
        QStringList out;
        for (NodeId id : state.nodeOrder())
            out << QString::fromStdString(state.node(id).name);
        return out.join(' ');
    };
    QCOMPARE(names(), QStringLiteral("a1 b1 c1 a2 c2 a3"));
    QVERIFY(state.removeNode("b1"));
    QCOMPARE(names(), QStringLiteral("a1 c1 a2 c2 a3"));
    QVERIFY(state.addNode(makeNode("b2", "b"))); // zone b comes back at the end
    QCOMPARE(names(), QStringLiteral("a1 c1 b2 a2 c2 a3"));
    NodeInfo relabelled = makeNode("a1", "a");
    relabelled.labels["disk"] = "ssd";
    QVERIFY(state.updateNode(relabelled)); // same zone: the node keeps its place
    QCOMPARE(names(), QStringLiteral("a1 c1 b2 a2 c2 a3"));
    QVERIFY(state.updateNode(makeNode("a1", "c"))); // new zone: the end of that zone
    QCOMPARE(names(), QStringLiteral("a2 c1 b2 a3 c2 a1"));
}

void TestCluster::usageAndCounters()
{
    ClusterState state;
    QVERIFY(state.addNode(makeNode("n1", "a")));
    QVERIFY(state.addNode(makeNode("n2", "b")));
    QVERIFY(state.bindPod(makePod("w1", "web", 500), "n1"));
    const PodClause web{{"default"}, LabelSelector{{{"app", "web"}}, {}}};
    const int counter = state.podCounter({web}); // registered after a pod exists
    QVERIFY(state.bindPod(makePod("w2", "web", 0), "n1"));
    QVERIFY(state.bindPod(makePod("d1", "db", 250), "n2"));
    QVERIFY(!state.bindPod(makePod("d1", "db", 250), "n2")); // same namespace/name
    QVERIFY(!state.bindPod(makePod("x", "db", 250), "missing"));
    std::vector<std::string> pods{"w1", "w2", "d1"};
    checkCounter(state, counter, web, pods);
    const NodeId n1 = state.findNode("n1");
    QCOMPARE(state.usage(n1).requested.milliCpu, 500);
    QCOMPARE(state.usage(n1).nonZeroRequested.milliCpu, 500 + kDefaultMilliCpuRequest);
    QCOMPARE(state.usage(n1).nonZeroRequested.memory, 2 * kDefaultMemoryRequest);
    QCOMPARE(state.usage(n1).pods, 2);
    QVERIFY(state.removePod("default", "w1"));
    QVERIFY(!state.removePod("default", "w1"));
    checkCounter(state, counter, web, pods);
    QCOMPARE(state.usage(n1).requested.milliCpu, 0);
    QCOMPARE(state.usage(n1).pods, 1);
    QCOMPARE(state.counterTotal(counter), 1);

    // Two containers without requests: the converter says so, and scoring counts both.
    PodSpec twoContainers = makePod("t1", "db", 0);
    twoContainers.nonZeroRequests = Resources{2 * kDefaultMilliCpuRequest, 2 * kDefaultMemoryRequest};
    QVERIFY(state.bindPod(twoContainers, "n1"));
    QCOMPARE(state.usage(n1).nonZeroRequested.milliCpu, 3 * kDefaultMilliCpuRequest);
    QCOMPARE(state.usage(n1).requested.milliCpu, 0);
}

void TestCluster::termGroupsFollowRelabel()
{
    ClusterState state;
    QVERIFY(state.addNode(makeNode("n1", "a")));
    PodSpec db = makePod("db1", "db", 100);
    db.requiredPodAntiAffinity.push_back({LabelSelector{{{"app", "db"}}, {}}, {}, kLabelZone});
    QVERIFY(state.bindPod(db, "n1"));
    const auto &groups = state.termGroups(TermKind::RequiredAntiAffinity);
    QCOMPARE(groups.size(), std::size_t(1));
    const TermGroup &group = state.termGroup(groups[0]);
    auto countIn = [&](const std::string &zone) -> std::int64_t {
        for (int d = 0; d < state.domainCount(group.topologyKey); ++d) {
            if (state.domainName(group.topologyKey, d) == zone)
                return static_cast<std::size_t>(d) < group.perDomain.size() ? group.perDomain[static_cast<std::size_t>(d)] : 0;
        }
        return 0;
    };
    QCOMPARE(countIn("a"), 1);
    QVERIFY(state.updateNode(makeNode("n1", "b")));
    QCOMPARE(countIn("a"), 0);
    QCOMPARE(countIn("b"), 1);
    QVERIFY(state.updateNode(makeNode("n1", ""))); // no zone label: the term counts nowhere
    QCOMPARE(state.termGroup(groups[0]).total, 0);
    QVERIFY(state.removePod("default", "db1"));
    QCOMPARE(state.termGroup(groups[0]).total, 0);
}

void TestCluster::removeNodeForgetsPods()
{
    ClusterState state;
    QVERIFY(state.addNode(makeNode("n1", "a")));
    QVERIFY(state.bindPod(makePod("w1", "web", 100), "n1"));
    const PodClause web{{"default"}, LabelSelector{{{"app", "web"}}, {}}};
    const int counter = state.podCounter({web});
    QVERIFY(state.removeNode("n1"));
    QCOMPARE(state.podCount(), std::size_t(0));
    QCOMPARE(state.counterTotal(counter), 0);
    QVERIFY(state.findPod("default", "w1") == nullptr);
    QVERIFY(state.addNode(makeNode("n2", "a"))); // reuses the slot, empty
    QCOMPARE(state.usage(state.findNode("n2")).pods, 0);
    QCOMPARE(state.nodeOrder().size(), std::size_t(1));
}

void TestCluster::boundPodsKeepWhatIsRead()
{
    // A bound pod keeps its name, labels, requests and pod (anti-)affinity terms (what counters,
    // term groups and removal read); its placement rules are dropped, and nothing the state
    // counts changes for it.
    ClusterState state;
    QVERIFY(state.addNode(makeNode("n1", "a")));
    QVERIFY(state.addNode(makeNode("n2", "b")));
    PodSpec pod = makePod("w1", "web", 250);
    pod.nodeSelector = {{"disk", "ssd"}};
    pod.tolerations.push_back(Toleration{kTaintNotReady, TolerationOperator::Exists, "", TaintEffect::NoExecute, 300});
    pod.topologySpreadConstraints.push_back(TopologySpreadConstraint{1, kLabelZone, UnsatisfiableAction::DoNotSchedule,
                                                                     LabelSelector{{{"app", "web"}}, {}}, {}});
    pod.ownerSelector = LabelSelector{{{"app", "web"}}, {}};
    const PodAffinityTerm apart{LabelSelector{{{"app", "web"}}, {}}, {}, kLabelHostname};
    pod.requiredPodAntiAffinity.push_back(apart);
    pod.preferredPodAffinity.push_back(WeightedPodAffinityTerm{7, apart});
    QVERIFY(state.bindPod(pod, "n1"));

    NodeId node = kNoNode;
    const PodSpec *bound = state.findPod("default", "w1", &node);
    QVERIFY(bound != nullptr);
    QCOMPARE(node, state.findNode("n1"));
    QCOMPARE(bound->name, pod.name);
    QCOMPARE(bound->ns, pod.ns);
    QVERIFY(bound->labels == pod.labels);
    QCOMPARE(bound->requests.milliCpu, 250);
    QCOMPARE(bound->requiredPodAntiAffinity.size(), std::size_t(1));
    QCOMPARE(bound->preferredPodAffinity.size(), std::size_t(1));
    QCOMPARE(bound->preferredPodAffinity.front().weight, 7);
    QVERIFY(bound->nodeSelector.empty());
    QVERIFY(bound->tolerations.empty());
    QVERIFY(bound->topologySpreadConstraints.empty());
    QVERIFY(!bound->ownerSelector.has_value());
    QCOMPARE(state.usage(node).requested.milliCpu, 250);
    QCOMPARE(state.usage(node).pods, 1);
    // The pod is still counted by a selector made after it was bound.
    const PodClause web{{"default"}, LabelSelector{{{"app", "web"}}, {}}};
    QCOMPARE(state.counterTotal(state.podCounter({web})), 1);
    // And removing it gives its requests back.
    QVERIFY(state.removePod("default", "w1"));
    QCOMPARE(state.usage(node).requested.milliCpu, 0);
    QCOMPARE(state.usage(node).pods, 0);
}

void TestCluster::laterCountersSeeLabelledPods()
{
    // A counter registered after pods are bound finds them through the pods-by-label index
    // (anchored selectors) or a walk over every pod (selectors without matchLabels): both must
    // agree with a recount, also after pods and nodes went away and labels were reused.
    ClusterState state;
    for (const char *name : {"n1", "n2", "n3"})
        QVERIFY(state.addNode(makeNode(name, std::string("z") + name)));
    std::vector<std::string> pods;
    for (int i = 0; i < 30; ++i) {
        PodSpec pod = makePod("p" + std::to_string(i), i % 3 == 0 ? "web" : (i % 3 == 1 ? "db" : "cache"), 10);
        pod.labels["tier"] = i % 2 ? "front" : "back";
        if (i % 5 == 0)
            pod.ns = "other"; // same labels, another namespace: not counted by "default" clauses
        else
            pods.push_back(pod.name);
        QVERIFY(state.bindPod(pod, "n" + std::to_string(1 + i % 3)));
    }
    for (int i = 1; i < 30; i += 4) // some pods go before the counters exist
        state.removePod("default", "p" + std::to_string(i));
    QVERIFY(state.removeNode("n3"));
    QVERIFY(state.addNode(makeNode("n4", "z4")));
    QVERIFY(state.bindPod(makePod("late", "web", 10), "n4")); // a label whose pods all went, reused
    pods.push_back("late");

    const std::vector<PodClause> clauses{
        PodClause{{"default"}, LabelSelector{{{"app", "web"}}, {}}},
        PodClause{{"default"}, LabelSelector{{{"app", "db"}, {"tier", "front"}}, {}}},
        PodClause{{"default", "other"}, LabelSelector{{{"tier", "back"}}, {}}},
        PodClause{{"default"}, LabelSelector{{{"app", "none"}}, {}}},
        PodClause{{"default"}, LabelSelector{{}, {Requirement{"app", Operator::In, {"cache", "web"}}}}},
    };
    std::vector<std::string> everyPod = pods;
    for (int i = 0; i < 30; i += 5)
        everyPod.push_back("p" + std::to_string(i));
    for (const PodClause &clause : clauses) {
        const int counter = state.podCounter({clause});
        int expected = 0;
        for (const std::string &name : everyPod) {
            for (const char *ns : {"default", "other"}) {
                const PodSpec *pod = state.findPod(ns, name);
                if (pod && termMatchesPod(clause.namespaces, clause.selector, pod->ns, pod->labels))
                    ++expected;
            }
        }
        QCOMPARE(state.counterTotal(counter), expected);
        if (clause.namespaces.size() == 1) // per node, over the "default" pods
            checkCounter(state, counter, clause, pods);
    }
    QVERIFY(state.counterTotal(state.podCounter({clauses[0]})) > 0);
    // Pods bound and removed after registration are followed by the counters as before.
    QVERIFY(state.removePod("default", "late"));
    QCOMPARE(state.counterTotal(state.podCounter({PodClause{{"default"}, LabelSelector{{{"app", "none"}}, {}}}})), 0);
}

void TestCluster::feasibleNodesToFind_data()
{
    QTest::addColumn<int>("percentage");
    QTest::addColumn<int>("nodes");
    QTest::addColumn<int>("expected");
    QTest::newRow("small cluster: all") << 0 << 99 << 99;
    QTest::newRow("100 nodes: 49% but at least 100") << 0 << 100 << 100;
    QTest::newRow("1000 nodes: 42%") << 0 << 1000 << 420;
    QTest::newRow("5000 nodes: 10%") << 0 << 5000 << 500;
    QTest::newRow("6000 nodes: 5% floor") << 0 << 6000 << 300;
    QTest::newRow("explicit 100%") << 100 << 5000 << 5000;
    QTest::newRow("explicit 1%: at least 100") << 1 << 5000 << 100;
}

void TestCluster::feasibleNodesToFind()
{
    QFETCH(int, percentage);
    QFETCH(int, nodes);
    QFETCH(int, expected);
    ClusterState state;
    SchedulerOptions options;
    options.percentageOfNodesToScore = percentage;
    Scheduler scheduler(state, options);
    QCOMPARE(scheduler.numFeasibleNodesToFind(nodes), expected);
}

void TestCluster::indexedPathsMatchNodeWalk_data()
{
    QTest::addColumn<quint64>("seed");
    for (quint64 seed = 1; seed <= 12; ++seed)
        QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
}

// The scheduler answers from per-domain totals when every node is eligible and walks the nodes
// when the pod has a required node affinity. A required affinity every node satisfies must
// therefore change nothing: same feasible nodes, statuses, scores and choice, through random
// binds, removals, relabels and node removals.
void TestCluster::indexedPathsMatchNodeWalk()
{
    QFETCH(quint64, seed);
    std::uint64_t rng = seed * 0x9E3779B97F4A7C15ULL;
    auto next = [&](std::uint64_t n) {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        return rng % n;
    };
    ClusterState state;
    static const char *const zones[] = {"a", "b", "c"};
    for (int i = 0; i < 24; ++i)
        QVERIFY(state.addNode(makeNode("n" + std::to_string(i), next(8) == 0 ? "" : zones[i % 3])));
    SchedulerOptions options;
    options.explain = true;
    options.seed = seed;
    Scheduler plain(state, options);
    Scheduler walking(state, options);

    std::vector<std::string> bound;
    for (int step = 0; step < 300; ++step) {
        const std::string app = "app" + std::to_string(next(4));
        PodSpec pod = makePod("p" + std::to_string(step), app, 50 + static_cast<std::int64_t>(next(4)) * 100);
        const LabelSelector sameApp{{{"app", app}}, {}};
        switch (next(6)) {
        case 0:
            pod.topologySpreadConstraints.push_back({1, kLabelZone, UnsatisfiableAction::DoNotSchedule, sameApp, std::nullopt});
            break;
        case 1:
            pod.topologySpreadConstraints.push_back({2, kLabelZone, UnsatisfiableAction::ScheduleAnyway, sameApp, std::nullopt});
            pod.topologySpreadConstraints.push_back({1, kLabelHostname, UnsatisfiableAction::ScheduleAnyway, sameApp, 2});
            break;
        case 2:
            pod.requiredPodAntiAffinity.push_back({sameApp, {}, next(2) ? kLabelHostname : kLabelZone});
            break;
        case 3:
            pod.preferredPodAffinity.push_back({10, {sameApp, {}, kLabelZone}});
            pod.preferredPodAntiAffinity.push_back({30, {sameApp, {}, kLabelHostname}});
            break;
        case 4:
            pod.requiredPodAffinity.push_back({sameApp, {}, kLabelZone});
            break;
        default:
            pod.ownerSelector = sameApp;
            break;
        }
        PodSpec walker = pod;
        walker.requiredNodeAffinity.push_back(NodeSelectorTerm{{{kLabelHostname, Operator::Exists, {}}}});

        const ScheduleResult a = plain.schedule(pod);
        const ScheduleResult b = walking.schedule(walker);
        QCOMPARE(a.nodeName, b.nodeName);
        QCOMPARE(a.filtered.size(), b.filtered.size());
        for (std::size_t i = 0; i < a.filtered.size(); ++i)
            QCOMPARE(a.filtered[i].reasons, b.filtered[i].reasons);
        QCOMPARE(a.scores.size(), b.scores.size());
        for (std::size_t i = 0; i < a.scores.size(); ++i) {
            QCOMPARE(a.scores[i].nodeName, b.scores[i].nodeName);
            QCOMPARE(a.scores[i].scores, b.scores[i].scores);
        }
        if (a.scheduled()) {
            QVERIFY(state.bindPod(pod, a.nodeName));
            bound.push_back(pod.name);
        }

        const std::uint64_t change = next(20);
        if (change < 3 && !bound.empty()) {
            const std::size_t victim = next(bound.size());
            state.removePod("default", bound[victim]);
            bound.erase(bound.begin() + static_cast<std::ptrdiff_t>(victim));
        } else if (change == 3) {
            const std::string name = "n" + std::to_string(next(24));
            if (state.findNode(name) != kNoNode)
                state.updateNode(makeNode(name, next(5) == 0 ? "" : zones[next(3)]));
        } else if (change == 4 && step % 50 == 0) {
            const std::string name = "n" + std::to_string(next(24));
            if (state.removeNode(name))
                QVERIFY(state.addNode(makeNode(name, zones[next(3)])));
        }
    }
}

QTEST_GUILESS_MAIN(TestCluster)
#include "tst_cluster.moc"
