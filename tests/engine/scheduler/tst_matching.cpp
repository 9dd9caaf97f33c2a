// Matching rules: label selectors, node selector operators (Gt/Lt), node affinity terms and
// taint tolerations, table-driven against the Kubernetes semantics.

#include "engine/scheduler/Matching.h"
#include "engine/scheduler/Scheduler.h"

#include <QtTest>

using namespace quorum::scheduler;

Q_DECLARE_METATYPE(quorum::scheduler::Operator)
Q_DECLARE_METATYPE(quorum::scheduler::TolerationOperator)

namespace {

Labels labels(std::initializer_list<std::pair<const std::string, std::string>> items)
{
    return Labels(items);
}

std::optional<TaintEffect> effectOf(const QString &name)
{
    if (name == "NoSchedule")
        return TaintEffect::NoSchedule;
    if (name == "PreferNoSchedule")
        return TaintEffect::PreferNoSchedule;
    if (name == "NoExecute")
        return TaintEffect::NoExecute;
    return std::nullopt;
}

} // namespace

class TestMatching : public QObject {
    Q_OBJECT

private slots:
    void selector_data();
    void selector();
    void nodeOperators_data();
    void nodeOperators();
    void nodeAffinityTerms();
    void toleration_data();
    void toleration();
    void untoleratedHardTaint();
    void fitErrorText();
};

void TestMatching::selector_data()
{
    QTest::addColumn<bool>("expected");
    QTest::addColumn<bool>("actual");
    const Labels pod = labels({{"app", "web"}, {"tier", "fe"}});
    auto sel = [](Labels match, std::vector<Requirement> exprs = {}) { return LabelSelector{std::move(match), std::move(exprs)}; };
    QTest::newRow("empty selector matches all") << true << matchesSelector(sel({}), pod);
    QTest::newRow("matchLabels equal") << true << matchesSelector(sel(labels({{"app", "web"}})), pod);
    QTest::newRow("matchLabels differ") << false << matchesSelector(sel(labels({{"app", "db"}})), pod);
    QTest::newRow("matchLabels ANDed") << false << matchesSelector(sel(labels({{"app", "web"}, {"tier", "be"}})), pod);
    QTest::newRow("In") << true << matchesSelector(sel({}, {{"tier", Operator::In, {"be", "fe"}}}), pod);
    QTest::newRow("In missing key") << false << matchesSelector(sel({}, {{"zone", Operator::In, {"a"}}}), pod);
    QTest::newRow("NotIn") << false << matchesSelector(sel({}, {{"tier", Operator::NotIn, {"fe"}}}), pod);
    QTest::newRow("NotIn missing key") << true << matchesSelector(sel({}, {{"zone", Operator::NotIn, {"a"}}}), pod);
    QTest::newRow("Exists") << true << matchesSelector(sel({}, {{"app", Operator::Exists, {}}}), pod);
    QTest::newRow("DoesNotExist") << false << matchesSelector(sel({}, {{"app", Operator::DoesNotExist, {}}}), pod);
    QTest::newRow("DoesNotExist missing") << true << matchesSelector(sel({}, {{"x", Operator::DoesNotExist, {}}}), pod);
    QTest::newRow("labels and expressions ANDed")
        << false << matchesSelector(sel(labels({{"app", "web"}}), {{"tier", Operator::In, {"be"}}}), pod);
    QTest::newRow("Gt is not a label selector operator")
        << false << matchesSelector(sel({}, {{"app", Operator::Gt, {"1"}}}), labels({{"app", "5"}}));
}

void TestMatching::selector()
{
    QFETCH(bool, expected);
    QFETCH(bool, actual);
    QCOMPARE(actual, expected);
}

void TestMatching::nodeOperators_data()
{
    QTest::addColumn<Operator>("op");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QString>("label"); // "-" = the node lacks the label
    QTest::addColumn<bool>("expected");
    QTest::newRow("Gt greater") << Operator::Gt << QStringList{"4"} << "8" << true;
    QTest::newRow("Gt equal") << Operator::Gt << QStringList{"4"} << "4" << false;
    QTest::newRow("Gt smaller") << Operator::Gt << QStringList{"4"} << "3" << false;
    QTest::newRow("Gt negative") << Operator::Gt << QStringList{"-2"} << "-1" << true;
    QTest::newRow("Gt non-integer label") << Operator::Gt << QStringList{"4"} << "8cores" << false;
    QTest::newRow("Gt non-integer value") << Operator::Gt << QStringList{"four"} << "8" << false;
    QTest::newRow("Gt missing label") << Operator::Gt << QStringList{"4"} << "-" << false;
    QTest::newRow("Gt two values") << Operator::Gt << QStringList{"1", "2"} << "8" << false;
    QTest::newRow("Lt smaller") << Operator::Lt << QStringList{"4"} << "3" << true;
    QTest::newRow("Lt equal") << Operator::Lt << QStringList{"4"} << "4" << false;
    QTest::newRow("Lt 64-bit") << Operator::Lt << QStringList{"9000000000"} << "8999999999" << true;
    QTest::newRow("In") << Operator::In << QStringList{"ssd", "nvme"} << "nvme" << true;
    QTest::newRow("NotIn missing label") << Operator::NotIn << QStringList{"ssd"} << "-" << true;
    QTest::newRow("Exists missing") << Operator::Exists << QStringList{} << "-" << false;
    QTest::newRow("DoesNotExist present") << Operator::DoesNotExist << QStringList{} << "x" << false;
}

void TestMatching::nodeOperators()
{
    QFETCH(Operator, op);
    QFETCH(QStringList, values);
    QFETCH(QString, label);
    QFETCH(bool, expected);
    Requirement r{"k", op, {}};
    for (const QString &v : values)
        r.values.push_back(v.toStdString());
    Labels node;
    if (label != "-")
        node["k"] = label.toStdString();
    QCOMPARE(matchesRequirement(r, node), expected);
}

void TestMatching::nodeAffinityTerms()
{
    const Labels node = labels({{"zone", "a"}, {"disk", "ssd"}});
    const NodeSelectorTerm zoneB{{{"zone", Operator::In, {"b"}}}};
    const NodeSelectorTerm ssdInA{{{"zone", Operator::In, {"a"}}, {"disk", Operator::In, {"ssd"}}}};
    QVERIFY(!matchesAnyTerm({NodeSelectorTerm{}}, node)); // an empty term matches nothing
    QVERIFY(!matchesAnyTerm({zoneB}, node));
    QVERIFY(matchesAnyTerm({zoneB, ssdInA}, node)); // terms are ORed

    PodSpec pod;
    QVERIFY(matchesRequiredNodeAffinity(pod, node)); // no requirement
    pod.nodeSelector = labels({{"disk", "ssd"}});
    QVERIFY(matchesRequiredNodeAffinity(pod, node));
    pod.requiredNodeAffinity = {zoneB};
    QVERIFY(!matchesRequiredNodeAffinity(pod, node)); // nodeSelector AND affinity
    pod.nodeSelector = labels({{"disk", "hdd"}});
    pod.requiredNodeAffinity = {ssdInA};
    QVERIFY(!matchesRequiredNodeAffinity(pod, node));
}

void TestMatching::toleration_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<TolerationOperator>("op");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("effect"); // "" = all effects
    QTest::addColumn<QString>("taintKey");
    QTest::addColumn<QString>("taintValue");
    QTest::addColumn<QString>("taintEffect");
    QTest::addColumn<bool>("expected");
    const auto E = TolerationOperator::Exists;
    const auto Q = TolerationOperator::Equal;
    QTest::newRow("Exists empty key tolerates NoSchedule") << "" << E << "" << "" << "a" << "1" << "NoSchedule" << true;
    QTest::newRow("Exists empty key tolerates NoExecute") << "" << E << "" << "" << "node.kubernetes.io/unreachable" << ""
                                                          << "NoExecute" << true;
    QTest::newRow("Exists empty key, effect restricts") << "" << E << "" << "NoSchedule" << "a" << "" << "NoExecute" << false;
    QTest::newRow("Exists ignores value") << "a" << E << "" << "" << "a" << "anything" << "NoSchedule" << true;
    QTest::newRow("Exists other key") << "a" << E << "" << "" << "b" << "" << "NoSchedule" << false;
    QTest::newRow("Equal same value, empty effect") << "a" << Q << "1" << "" << "a" << "1" << "PreferNoSchedule" << true;
    QTest::newRow("Equal other value") << "a" << Q << "1" << "" << "a" << "2" << "NoSchedule" << false;
    QTest::newRow("Equal effect mismatch") << "a" << Q << "1" << "NoSchedule" << "a" << "1" << "NoExecute" << false;
    QTest::newRow("Equal empty value") << "a" << Q << "" << "NoExecute" << "a" << "" << "NoExecute" << true;
    QTest::newRow("unreachable toleration") << "node.kubernetes.io/unreachable" << E << "" << "NoExecute"
                                            << "node.kubernetes.io/unreachable" << "" << "NoExecute" << true;
}

void TestMatching::toleration()
{
    QFETCH(QString, key);
    QFETCH(TolerationOperator, op);
    QFETCH(QString, value);
    QFETCH(QString, effect);
    QFETCH(QString, taintKey);
    QFETCH(QString, taintValue);
    QFETCH(QString, taintEffect);
    QFETCH(bool, expected);
    const Toleration t{key.toStdString(), op, value.toStdString(), effectOf(effect), std::nullopt};
    const Taint taint{taintKey.toStdString(), taintValue.toStdString(), *effectOf(taintEffect)};
    QCOMPARE(tolerates(t, taint), expected);
}

void TestMatching::untoleratedHardTaint()
{
    const std::vector<Taint> taints{{"soft", "", TaintEffect::PreferNoSchedule},
                                    {"dedicated", "gpu", TaintEffect::NoSchedule},
                                    {kTaintUnreachable, "", TaintEffect::NoExecute}};
    QCOMPARE(firstUntoleratedHardTaint(taints, {}), 1); // PreferNoSchedule never filters
    const Toleration gpu{"dedicated", TolerationOperator::Equal, "gpu", std::nullopt, std::nullopt};
    QCOMPARE(firstUntoleratedHardTaint(taints, {gpu}), 2);
    const Toleration unreachable{kTaintUnreachable, TolerationOperator::Exists, "", TaintEffect::NoExecute, 300};
    QCOMPARE(firstUntoleratedHardTaint(taints, {gpu, unreachable}), -1);
    const Toleration everything{"", TolerationOperator::Exists, "", std::nullopt, std::nullopt};
    QCOMPARE(firstUntoleratedHardTaint(taints, {everything}), -1);
}

void TestMatching::fitErrorText()
{
    auto status = [](StatusCode code, std::string reason) {
        NodeStatus s;
        s.code = code;
        s.reasons = {std::move(reason)};
        return s;
    };
    const std::string taint = "node(s) had untolerated taint {node.kubernetes.io/unreachable: }";
    std::vector<NodeStatus> statuses{status(StatusCode::Unschedulable, "Insufficient cpu"),
                                     status(StatusCode::Unschedulable, "Insufficient cpu")};
    for (int i = 0; i < 3; ++i)
        statuses.push_back(status(StatusCode::UnschedulableAndUnresolvable, taint));
    QCOMPARE(QString::fromStdString(fitErrorMessage(5, statuses)),
             QStringLiteral("0/5 nodes are available: 2 Insufficient cpu, 3 node(s) had untolerated taint "
                            "{node.kubernetes.io/unreachable: }. preemption: 0/5 nodes are available: 2 No preemption "
                            "victims found for incoming pod, 3 Preemption is not helpful for scheduling.."));
    // Reasons sort as strings, counts included: "10 ..." before "2 ...".
    std::vector<NodeStatus> many(10, status(StatusCode::Unschedulable, "Too many pods"));
    many.push_back(status(StatusCode::Unschedulable, "Insufficient memory"));
    many.push_back(status(StatusCode::Unschedulable, "Insufficient memory"));
    QCOMPARE(QString::fromStdString(fitErrorMessage(12, many)),
             QStringLiteral("0/12 nodes are available: 10 Too many pods, 2 Insufficient memory. preemption: 0/12 "
                            "nodes are available: 12 No preemption victims found for incoming pod.."));
    QCOMPARE(QString::fromStdString(fitErrorMessage(0, {})), QStringLiteral("no nodes available to schedule pods"));
}

QTEST_GUILESS_MAIN(TestMatching)
#include "tst_matching.moc"
