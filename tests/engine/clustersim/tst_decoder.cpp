// clustersim::ObjectDecoder: one decode per (key, revision, bytes) shared by the API servers, and
// the objects an API server wrote taken as they are when their bytes come back (no parse).

#include "engine/clustersim/ObjectDecoder.h"

#include <QtTest>

using namespace quorum;
using cluster::Json;

namespace {

store::KeyValue kvOf(const std::string &key, std::int64_t revision, std::string value)
{
    store::KeyValue kv;
    kv.key = key;
    kv.createRevision = revision;
    kv.modRevision = revision;
    kv.version = 1;
    kv.value = std::move(value);
    return kv;
}

Json pod(const std::string &phase)
{
    return Json{{"apiVersion", "v1"},
                {"kind", "Pod"},
                {"metadata", {{"name", "web-1"}, {"namespace", "default"}}},
                {"spec", {{"tolerations", Json::array({Json{{"key", "k"}, {"tolerationSeconds", 300}}})}}},
                {"status", {{"phase", phase}, {"ratio", 0.5}}}};
}

} // namespace

class TestDecoder : public QObject {
    Q_OBJECT
private slots:
    void expectedWriteIsTakenAsItIs()
    {
        clustersim::ObjectDecoder decoder;
        const std::string key = "/registry/pods/default/web-1";
        const Json object = pod("Running");
        const std::string bytes = object.dump();
        decoder.expect(key, bytes, object);
        QCOMPARE(decoder.expected(), std::size_t(1));
        const cluster::ObjectPtr a = decoder.decode(kvOf(key, 7, bytes), "cp-1");
        QVERIFY(a);
        QCOMPARE(decoder.expected(), std::size_t(0));
        // The same document a parse gives, resourceVersion included, and the same dump.
        Json parsed = Json::parse(bytes);
        parsed["metadata"]["resourceVersion"] = "7";
        QVERIFY(*a == parsed);
        QCOMPARE(a->dump(), parsed.dump());
        // The other API servers share it.
        QCOMPARE(decoder.decode(kvOf(key, 7, bytes), "cp-2").get(), a.get());
    }

    void otherBytesAreParsedAndKeepTheExpectation()
    {
        clustersim::ObjectDecoder decoder;
        const std::string key = "/registry/pods/default/web-1";
        const std::string newer = pod("Running").dump();
        const std::uint64_t hash = decoder.expect(key, newer, pod("Running"));
        // A lagging member's older revision comes first: parsed, the expectation stays.
        const cluster::ObjectPtr old = decoder.decode(kvOf(key, 5, pod("Pending").dump()), "cp-3");
        QVERIFY(old);
        QVERIFY((*old)["status"]["phase"] == "Pending");
        QCOMPARE(decoder.expected(), std::size_t(1));
        // A failed write drops it; a hash of other bytes does not.
        decoder.unexpect(key, hash + 1);
        QCOMPARE(decoder.expected(), std::size_t(1));
        decoder.unexpect(key, hash);
        QCOMPARE(decoder.expected(), std::size_t(0));
        // Deleting the key forgets an expectation too.
        decoder.expect(key, newer, pod("Running"));
        decoder.forget(key);
        QCOMPARE(decoder.expected(), std::size_t(0));
    }

    void factsAreReadOncePerObject()
    {
        // The watch-cache facts come with the object: the same for every API server sharing
        // it, and those of its own object for a diverging member.
        clustersim::ObjectDecoder decoder;
        const std::string key = "/registry/pods/default/web-1";
        Json running = pod("Running");
        running["metadata"]["ownerReferences"] = Json::array({Json{{"controller", true}, {"uid", "rs-1"}}});
        running["spec"]["nodeName"] = "n1";
        const std::string bytes = running.dump();
        cluster::ObjectCache::Facts a, b, c;
        const cluster::ObjectPtr first = decoder.decode(kvOf(key, 7, bytes), "cp-1", &a);
        const cluster::ObjectPtr second = decoder.decode(kvOf(key, 7, bytes), "cp-2", &b);
        QCOMPARE(first.get(), second.get());
        QCOMPARE(a.owner, std::string_view("rs-1"));
        QCOMPARE(a.node, std::string_view("n1"));
        QVERIFY(a.active && !a.ready);
        QCOMPARE(b.owner.data(), a.owner.data()); // views into the shared object
        QVERIFY(b.active == a.active && b.ready == a.ready && b.node == a.node);
        const cluster::ObjectPtr other = decoder.decode(kvOf(key, 7, pod("Failed").dump()), "cp-3", &c);
        QVERIFY(other.get() != first.get());
        QVERIFY(c.owner.empty() && c.node.empty() && !c.active);
    }
};

QTEST_APPLESS_MAIN(TestDecoder)
#include "tst_decoder.moc"
