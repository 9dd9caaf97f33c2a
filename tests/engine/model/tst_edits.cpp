// Design edits: every palette entry adds a valid element, removal and renaming keep the
// references consistent, copy and paste give fresh names, and the YAML round trip holds.

#include "engine/model/Edits.h"
#include "engine/model/Findings.h"
#include "engine/model/TopologyYaml.h"

#include <QtTest>

#include <algorithm>

using namespace quorum::model;

Q_DECLARE_METATYPE(quorum::model::NewElement)

namespace {

Topology productionHa()
{
    LoadResult r = loadTopologyFile(QUORUM_SOURCE_DIR "/resources/templates/production-ha.yaml");
    if (!r.ok())
        qFatal("cannot load the production-ha template");
    return *r.topology;
}

bool contains(const std::vector<std::string> &v, const std::string &s)
{
    return std::find(v.begin(), v.end(), s) != v.end();
}

bool hasRule(const Topology &t, const std::string &rule, Severity atLeast)
{
    for (const Finding &f : checkTopology(t))
        if (f.rule == rule && static_cast<int>(f.severity) <= static_cast<int>(atLeast))
            return true;
    return false;
}

} // namespace

class TestEdits : public QObject {
    Q_OBJECT

private slots:
    void dnsLabels_data();
    void dnsLabels();
    void paletteNamesRoundTrip();
    void addEveryElement_data();
    void addEveryElement();
    void addedControlPlaneJoinsApiLoadBalancer();
    void uniqueNamesFillGaps();
    void zonesGetLetters();
    void removeNodeDropsReferences();
    void removeZoneUnzonesNodes();
    void removeThirdEtcdMemberIsAFinding();
    void removeUnknownChangesNothing();
    void renameUpdatesReferences_data();
    void renameUpdatesReferences();
    void renameRefusesBadOrTakenNames_data();
    void renameRefusesBadOrTakenNames();
    void connect_data();
    void connect();
    void connectRefusals_data();
    void connectRefusals();
    void copyAndPaste();
    void pasteIntoAnotherDesignKeepsNames();
};

void TestEdits::dnsLabels_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("simple") << "cp-1" << true;
    QTest::newRow("digits") << "10" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("upper") << "Cp-1" << false;
    QTest::newRow("leading dash") << "-cp" << false;
    QTest::newRow("trailing dash") << "cp-" << false;
    QTest::newRow("dot") << "cp.1" << false;
    QTest::newRow("63") << QString(63, 'a') << true;
    QTest::newRow("64") << QString(64, 'a') << false;
}

void TestEdits::dnsLabels()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(isDnsLabel(name.toStdString()), valid);
}

void TestEdits::paletteNamesRoundTrip()
{
    QCOMPARE(allNewElements().size(), std::size_t(20));
    for (NewElement e : allNewElements())
        QCOMPARE(parseNewElement(toString(e)), std::optional<NewElement>(e));
    QCOMPARE(parseNewElement("nonsense"), std::optional<NewElement>());
}

void TestEdits::addEveryElement_data()
{
    QTest::addColumn<NewElement>("what");
    for (NewElement e : allNewElements())
        QTest::newRow(toString(e)) << e;
}

void TestEdits::addEveryElement()
{
    QFETCH(NewElement, what);
    Topology t = productionHa();
    const Topology before = t;
    const ElementId id = addElement(t, what, "zone-b");
    QCOMPARE(id.kind, kindOf(what));
    QVERIFY2(isDnsLabel(id.name), id.name.c_str());
    QVERIFY(t.contains(id));
    QVERIFY(!before.contains(id));
    if (id.kind == ElementKind::Node)
        QCOMPARE(t.findNode(id.name)->zone, std::string("zone-b"));
    // The design still round-trips through its YAML (every default is writable and readable).
    const LoadResult again = parseTopology(topologyToYaml(t), "edited.yaml");
    QVERIFY2(again.ok(), again.errors.empty() ? "" : again.errors.front().toString().c_str());
    QVERIFY(again.topology->sameDesign(t));
    // Adding twice gives two elements with different names.
    const ElementId second = addElement(t, what, "zone-b");
    QVERIFY(!(second == id));
    QVERIFY(t.contains(second));
}

void TestEdits::addedControlPlaneJoinsApiLoadBalancer()
{
    Topology t = productionHa();
    const ElementId id = addElement(t, NewElement::ControlPlaneNode, "zone-a");
    QCOMPARE(id.name, std::string("cp-4"));
    QVERIFY(contains(t.findLoadBalancer("api-lb")->targets, "cp-4"));
    QVERIFY(!contains(t.findLoadBalancer("ingress")->targets, "cp-4"));
    QVERIFY(t.findNode("cp-4")->runs(Component::Etcd));  // stacked design: the new node is an etcd member
    // Four etcd members: the quorum rule warns about the even count.
    QVERIFY(hasRule(t, "etcd-quorum", Severity::Warning));
}

void TestEdits::uniqueNamesFillGaps()
{
    Topology t = productionHa();
    QVERIFY(removeElement(t, {ElementKind::Node, "worker-2"}));
    QCOMPARE(uniqueName(t, ElementKind::Node, "worker"), std::string("worker-2"));
    QCOMPARE(uniqueName(t, ElementKind::Workload, "web"), std::string("web-1"));
}

void TestEdits::zonesGetLetters()
{
    Topology t = productionHa();
    QCOMPARE(addElement(t, NewElement::Zone).name, std::string("zone-d"));
    QCOMPARE(t.findZone("zone-d")->region, std::string("eu-central"));
    Topology empty;
    QCOMPARE(addElement(empty, NewElement::Zone).name, std::string("zone-a"));
}

void TestEdits::removeNodeDropsReferences()
{
    Topology t = productionHa();
    t.storageBackends.front().nodes = {"worker-1", "worker-2"};
    QVERIFY(removeElement(t, {ElementKind::Node, "cp-2"}));
    QVERIFY(!t.findNode("cp-2"));
    QCOMPARE(t.findLoadBalancer("api-lb")->targets, (std::vector<std::string>{"cp-1", "cp-3"}));
    QVERIFY(removeElement(t, {ElementKind::Node, "lb-1"}));
    QCOMPARE(t.findLoadBalancer("api-lb")->hosts, std::vector<std::string>{"lb-2"});
    QVERIFY(removeElement(t, {ElementKind::Node, "worker-1"}));
    QCOMPARE(t.storageBackends.front().nodes, std::vector<std::string>{"worker-2"});
    QCOMPARE(t.findLoadBalancer("ingress")->hosts, (std::vector<std::string>{"worker-2", "worker-3"}));
    // A removed workload leaves the load balancers that served it.
    QVERIFY(removeElement(t, {ElementKind::Workload, "web"}));
    QVERIFY(t.findLoadBalancer("ingress")->targets.empty());
}

void TestEdits::removeZoneUnzonesNodes()
{
    Topology t = productionHa();
    QVERIFY(removeElement(t, {ElementKind::Zone, "zone-c"}));
    QVERIFY(!t.findZone("zone-c"));
    QCOMPARE(t.findNode("cp-3")->zone, std::string());
    QCOMPARE(t.findNode("worker-3")->zone, std::string());
    QCOMPARE(t.findNode("cp-1")->zone, std::string("zone-a"));
}

void TestEdits::removeThirdEtcdMemberIsAFinding()
{
    Topology t = productionHa();
    QVERIFY(!hasRule(t, "etcd-quorum", Severity::Warning));
    QVERIFY(removeElement(t, {ElementKind::Node, "cp-3"}));
    QVERIFY(hasRule(t, "etcd-quorum", Severity::Error));  // 2 members tolerate no failure
}

void TestEdits::removeUnknownChangesNothing()
{
    Topology t = productionHa();
    const Topology before = t;
    QVERIFY(!removeElement(t, {ElementKind::Node, "nope"}));
    QVERIFY(!removeElement(t, {ElementKind::Cluster, ""}));
    QVERIFY(t == before);
}

void TestEdits::renameUpdatesReferences_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("newName");
    QTest::newRow("zone") << "zone/zone-a" << "west";
    QTest::newRow("node") << "node/cp-1" << "master-1";
    QTest::newRow("host node") << "node/lb-2" << "edge-2";
    QTest::newRow("workload") << "workload/web" << "shop";
    QTest::newRow("backend") << "storage/ceph" << "rook";
    QTest::newRow("class") << "storageclass/ceph-rbd" << "fast";
    QTest::newRow("secret") << "secret/postgres-credentials" << "db-creds";
    QTest::newRow("load balancer") << "loadbalancer/api-lb" << "front";
}

void TestEdits::renameUpdatesReferences()
{
    QFETCH(QString, id);
    QFETCH(QString, newName);
    Topology t = productionHa();
    const ElementId element = *ElementId::parse(id.toStdString());
    const std::string oldName = element.name;
    QCOMPARE(renameElement(t, element, newName.toStdString()), std::optional<std::string>());
    QVERIFY(!t.contains(element));
    QVERIFY(t.contains({element.kind, newName.toStdString()}));
    // No reference to the old name is left: the reference rule would report each one. The
    // design also still round-trips through its YAML.
    const LoadResult again = parseTopology(topologyToYaml(t), "renamed.yaml");
    QVERIFY(again.ok() && again.topology->sameDesign(t));
    for (const Finding &f : checkTopology(t))
        QVERIFY2(f.rule != "reference", f.toLine().c_str());
}

void TestEdits::renameRefusesBadOrTakenNames_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("newName");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("taken") << "node/cp-1" << "cp-2" << "already called 'cp-2'";
    QTest::newRow("upper case") << "node/cp-1" << "CP1" << "not a valid name";
    QTest::newRow("empty") << "workload/web" << "" << "not a valid name";
    QTest::newRow("missing") << "node/nope" << "x" << "no such element";
    QTest::newRow("cluster empty") << "cluster" << "" << "needs a name";
}

void TestEdits::renameRefusesBadOrTakenNames()
{
    QFETCH(QString, id);
    QFETCH(QString, newName);
    QFETCH(QString, messagePart);
    Topology t = productionHa();
    const Topology before = t;
    const std::optional<std::string> error = renameElement(t, *ElementId::parse(id.toStdString()), newName.toStdString());
    QVERIFY(error);
    QVERIFY2(QString::fromStdString(*error).contains(messagePart), error->c_str());
    QVERIFY(t == before);
}

void TestEdits::connect_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("what");
    QTest::newRow("lb to new api server") << "loadbalancer/api-lb" << "node/cp-4" << "api-lb balances cp-4";
    QTest::newRow("api server to lb (reversed)") << "node/cp-4" << "loadbalancer/api-lb" << "api-lb balances cp-4";
    QTest::newRow("lb host") << "loadbalancer/api-lb" << "node/lb-3" << "api-lb runs on lb-3";
    QTest::newRow("ingress host") << "loadbalancer/ingress" << "node/worker-4" << "ingress runs on worker-4";
    QTest::newRow("expose workload") << "loadbalancer/ingress" << "workload/postgres" << "ingress exposes postgres";
    QTest::newRow("workload storage") << "workload/web" << "storageclass/ceph-rbd" << "web stores its volumes in ceph-rbd";
    QTest::newRow("class backend") << "storageclass/class-1" << "storage/nfs-1" << "class-1 provisions from nfs-1";
    QTest::newRow("backend node") << "storage/ceph" << "node/worker-1" << "worker-1 serves ceph";
}

void TestEdits::connect()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, what);
    Topology t = productionHa();
    addElement(t, NewElement::WorkerNode, "zone-a");         // worker-4
    t.nodes.push_back(Node{});  // cp-4, an API server no load balancer balances yet
    t.nodes.back().name = "cp-4";
    t.nodes.back().role = NodeRole::ControlPlane;
    t.nodes.back().components = defaultComponents(NodeRole::ControlPlane, t.etcdMode);
    addElement(t, NewElement::LoadBalancerNode, "zone-c");   // lb-3
    addElement(t, NewElement::StorageClass);                 // class-1, provisioning from ceph
    addElement(t, NewElement::NfsStorage);                   // nfs-1
    const Topology before = t;
    std::string done;
    const std::optional<std::string> error =
        connectElements(t, *ElementId::parse(a.toStdString()), *ElementId::parse(b.toStdString()), &done);
    QVERIFY2(!error, error ? error->c_str() : "");
    QCOMPARE(QString::fromStdString(done), what);
    // Connecting again is refused: they already are.
    const std::optional<std::string> again = connectElements(t, *ElementId::parse(a.toStdString()), *ElementId::parse(b.toStdString()));
    QVERIFY(again && again->find("already connected") != std::string::npos);
    for (const Finding &f : checkTopology(t))
        QVERIFY2(f.rule != "reference", f.toLine().c_str());

    // Disconnecting (from the other end) takes the connection away again.
    std::string undone;
    const std::optional<std::string> cut =
        disconnectElements(t, *ElementId::parse(b.toStdString()), *ElementId::parse(a.toStdString()), &undone);
    QVERIFY2(!cut, cut ? cut->c_str() : "");
    QVERIFY2(undone.find("no longer") != std::string::npos, undone.c_str());
    if (QByteArray(QTest::currentDataTag()) == "workload storage") {
        // web's claims moved to ceph-rbd when connected; disconnecting removes them.
        const Workload *web = t.findWorkload("web");
        const Workload *webBefore = before.findWorkload("web");
        QVERIFY(web && webBefore);
        QVERIFY(web->volumeClaims.empty());
        const std::size_t claims = std::max<std::size_t>(1, webBefore->volumeClaims.size());
        QCOMPARE(QString::fromStdString(undone),
                 QStringLiteral("web no longer stores volumes in ceph-rbd (%1 removed)")
                     .arg(claims == 1 ? QStringLiteral("1 volume claim") : QStringLiteral("%1 volume claims").arg(claims)));
    } else if (QByteArray(QTest::currentDataTag()) == "class backend") {
        // class-1 provisioned from ceph before; connecting replaced that, disconnecting leaves none.
        Topology expected = before;
        for (StorageClass &c : expected.storageClasses)
            if (c.name == "class-1")
                c.backend.clear();
        QVERIFY(t == expected);
    } else {
        QVERIFY(t == before);
    }
    const Topology disconnected = t;
    const std::optional<std::string> twice = disconnectElements(t, *ElementId::parse(a.toStdString()), *ElementId::parse(b.toStdString()));
    QVERIFY(twice && twice->find("not connected") != std::string::npos);
    QVERIFY(t == disconnected);
}

void TestEdits::connectRefusals_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("lb to worker") << "loadbalancer/api-lb" << "node/worker-1" << "is neither";
    QTest::newRow("managed lb host") << "loadbalancer/metallb" << "node/lb-1" << "is managed";
    QTest::newRow("node to node") << "node/cp-1" << "node/cp-2" << "cannot be connected";
    QTest::newRow("zone to workload") << "zone/zone-a" << "workload/web" << "cannot be connected";
    QTest::newRow("itself") << "node/cp-1" << "node/cp-1" << "itself";
    QTest::newRow("missing") << "node/cp-1" << "node/nope" << "must be elements";
}

void TestEdits::connectRefusals()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, messagePart);
    Topology t = productionHa();
    const Topology before = t;
    const std::optional<std::string> error = connectElements(t, *ElementId::parse(a.toStdString()), *ElementId::parse(b.toStdString()));
    QVERIFY(error);
    QVERIFY2(QString::fromStdString(*error).contains(messagePart), error->c_str());
    QVERIFY(t == before);
}

void TestEdits::copyAndPaste()
{
    Topology t = productionHa();
    const Topology fragment = extractElements(t, {{ElementKind::Node, "lb-1"}, {ElementKind::Node, "lb-2"},
                                                  {ElementKind::LoadBalancer, "api-lb"}, {ElementKind::Node, "nope"}});
    QCOMPARE(fragment.nodes.size(), std::size_t(2));
    QCOMPARE(fragment.zones.size(), std::size_t(2));  // zone-a and zone-b, which the nodes are in
    const std::vector<ElementId> added = pasteElements(t, fragment);
    // Zones exist already and are reused; the rest get fresh names, and the pasted balancer
    // is hosted by the pasted nodes.
    QCOMPARE(added.size(), std::size_t(3));
    QCOMPARE(added[0].toString(), std::string("node/lb-1-copy"));
    QCOMPARE(added[1].toString(), std::string("node/lb-2-copy"));
    QCOMPARE(added[2].toString(), std::string("loadbalancer/api-lb-copy"));
    QCOMPARE(t.findLoadBalancer("api-lb-copy")->hosts, (std::vector<std::string>{"lb-1-copy", "lb-2-copy"}));
    QCOMPARE(t.findLoadBalancer("api-lb-copy")->targets, (std::vector<std::string>{"cp-1", "cp-2", "cp-3"}));
    QCOMPARE(t.findNode("lb-2-copy")->zone, std::string("zone-b"));
    // Pasting again numbers the copies.
    const std::vector<ElementId> again = pasteElements(t, fragment);
    QCOMPARE(again[0].toString(), std::string("node/lb-1-copy-2"));
    QCOMPARE(t.zones.size(), std::size_t(3));
}

void TestEdits::pasteIntoAnotherDesignKeepsNames()
{
    const Topology source = productionHa();
    Topology empty;
    const std::vector<ElementId> added = pasteElements(empty, extractElements(source, {{ElementKind::Workload, "postgres"},
                                                                                        {ElementKind::StorageClass, "ceph-rbd"}}));
    QCOMPARE(added.size(), std::size_t(2));
    QVERIFY(empty.findWorkload("postgres"));
    QCOMPARE(empty.findWorkload("postgres")->volumeClaims.front().storageClass, std::string("ceph-rbd"));
    QVERIFY(empty.findStorageClass("ceph-rbd")->isDefault);
}

QTEST_GUILESS_MAIN(TestEdits)
#include "tst_edits.moc"
