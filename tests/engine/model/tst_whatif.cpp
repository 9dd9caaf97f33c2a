// "What if": the failure budgets of the control plane, for the shipped templates and for
// designs bent to lose them.

#include "engine/model/Edits.h"
#include "engine/model/TopologyYaml.h"
#include "engine/model/WhatIf.h"

#include <QtTest>

using namespace quorum::model;

namespace {

Topology load(const QString &name)
{
    LoadResult r = loadTopologyFile((QStringLiteral(QUORUM_SOURCE_DIR "/resources/templates/") + name + ".yaml").toStdString());
    if (!r.ok())
        qFatal("cannot load %s", qPrintable(name));
    return *r.topology;
}

int toleratedOf(const WhatIf &w, const std::string &kind)
{
    for (const FailureBudget &b : w.byKind)
        if (b.kind == kind)
            return b.tolerated;
    return -1;
}

} // namespace

class TestWhatIf : public QObject {
    Q_OBJECT

private slots:
    void templates_data();
    void templates();
    void byKind();
    void controlPlaneInOneZoneSurvivesNoZone();
    void twoEtcdMembersSurviveNoNodeFailure();
    void nothingRunsWithoutEtcd();
};

void TestWhatIf::templates_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("nodes");
    QTest::addColumn<int>("zones");
    QTest::newRow("production-ha") << "production-ha" << 1 << 1;
    QTest::newRow("five-control-plane") << "five-control-plane" << 2 << 1;  // zone-a holds 2 of 5 members
    QTest::newRow("external-etcd") << "external-etcd" << 1 << 1;
    QTest::newRow("dev-single-node") << "dev-single-node" << 0 << 0;
}

void TestWhatIf::templates()
{
    QFETCH(QString, name);
    QFETCH(int, nodes);
    QFETCH(int, zones);
    const WhatIf w = whatIf(load(name));
    QVERIFY(w.runs);
    QCOMPARE(w.nodeFailures, nodes);
    QCOMPARE(w.zoneFailures, zones);
}

void TestWhatIf::byKind()
{
    const WhatIf w = whatIf(load("production-ha"));
    QCOMPARE(toleratedOf(w, "etcd members"), 1);
    QCOMPARE(toleratedOf(w, "API servers"), 2);
    QCOMPARE(toleratedOf(w, "controller-managers"), 2);
    QCOMPARE(toleratedOf(w, "schedulers"), 2);
    QCOMPARE(toleratedOf(w, "API load-balancer hosts"), 1);
    QCOMPARE(w.zones, 3);
}

void TestWhatIf::controlPlaneInOneZoneSurvivesNoZone()
{
    Topology t = load("production-ha");
    for (Node &n : t.nodes)
        if (n.role == NodeRole::ControlPlane)
            n.zone = "zone-a";
    const WhatIf w = whatIf(t);
    QCOMPARE(w.nodeFailures, 1);  // still 3 members
    QCOMPARE(w.zoneFailures, 0);  // but losing zone-a loses them all
}

void TestWhatIf::twoEtcdMembersSurviveNoNodeFailure()
{
    Topology t = load("production-ha");
    QVERIFY(removeElement(t, {ElementKind::Node, "cp-3"}));
    const WhatIf w = whatIf(t);
    QCOMPARE(toleratedOf(w, "etcd members"), 0);
    QCOMPARE(w.nodeFailures, 0);
    QCOMPARE(w.zoneFailures, 0);
    // A third member in the empty zone brings both back.
    addElement(t, NewElement::ControlPlaneNode, "zone-c");
    QCOMPARE(whatIf(t).nodeFailures, 1);
    QCOMPARE(whatIf(t).zoneFailures, 1);
}

void TestWhatIf::nothingRunsWithoutEtcd()
{
    Topology t;
    addElement(t, NewElement::WorkerNode);
    const WhatIf w = whatIf(t);
    QVERIFY(!w.runs);
    QCOMPARE(w.nodeFailures, 0);
    QCOMPARE(w.zoneFailures, 0);
}

QTEST_GUILESS_MAIN(TestWhatIf)
#include "tst_whatif.moc"
