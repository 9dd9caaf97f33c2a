// clustersim::ObjectDecoder: one decode per (key, revision, bytes) shared by the API servers, and
// the objects an API server wrote taken as they are when their bytes come back (no parse). And
// the API server's updates admitted and encoded ahead, on the second thread (prepareUpdate).

#include "engine/clustersim/ApiServer.h"
#include "engine/clustersim/ObjectDecoder.h"
#include "BootedCluster.h"

#include <QtTest>

#include <optional>

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
    void preparedUpdatesAreAdmittedAsUsual()
    {
        // An update admitted and encoded while it travels stores what the usual path stores;
        // one whose object changed meanwhile is admitted as usual (here: a conflict).
        const std::string key = cluster::registryKey(cluster::res::nodes(), "", "worker-1");
        std::string stored[2];
        for (int ahead = 0; ahead < 2; ++ahead) {
            clustersim::ClusterOptions options;
            options.applyThread = ahead == 1;
            clustersim::ClusterSim sim(test::productionHa(), options);
            sim.runUntil(20 * cluster::kSecond);
            clustersim::ApiServer *api = sim.apiServer("cp-1");
            QVERIFY(api);
            sim::ApplyWorker *worker = sim.etcd().applyThread();
            QCOMPARE(worker != nullptr, ahead == 1);
            auto update = [&](cluster::Json object, std::optional<cluster::ApiResult> &result) {
                auto done = [&result](const cluster::ApiResult &r) { result = r; };
                if (worker)
                    api->update(api->prepareUpdate(std::move(object), *worker), done);
                else
                    api->update(std::move(object), done);
            };
            // (The cluster's own components send prepared updates too: count from here.)
            const std::uint64_t used = api->preparedUsed();
            const std::uint64_t arrived = api->preparedUpdates();
            const cluster::ObjectPtr node = api->cache().get(key);
            QVERIFY(node);
            cluster::Json labelled = *node;
            labelled["metadata"]["labels"]["quorum.test/ahead"] = "1";
            labelled["spec"]["unschedulable"] = true; // a spec change: the generation moves
            std::optional<cluster::ApiResult> first;
            update(labelled, first);
            sim.runUntil(sim.now() + cluster::kSecond);
            QVERIFY(first && first->ok());
            stored[ahead] = api->cache().get(key)->dump();
            QVERIFY(api->preparedUsed() - used >= std::uint64_t(ahead));
            const std::uint64_t usedBefore = api->preparedUsed();
            const std::uint64_t arrivedBefore = api->preparedUpdates();

            // Prepared against this version, then another write lands before it arrives.
            const cluster::ObjectPtr before = api->cache().get(key);
            cluster::Json late = *before;
            late["metadata"]["labels"]["quorum.test/late"] = "1";
            std::shared_ptr<clustersim::ApiServer::PreparedUpdate> prepared;
            if (worker)
                prepared = api->prepareUpdate(late, *worker);
            cluster::Json other = *before;
            other["metadata"]["labels"]["quorum.test/other"] = "1";
            std::optional<cluster::ApiResult> second;
            api->update(other, [&second](const cluster::ApiResult &r) { second = r; });
            sim.runUntil(sim.now() + cluster::kSecond);
            QVERIFY(second && second->ok());
            std::optional<cluster::ApiResult> third;
            if (worker)
                api->update(prepared, [&third](const cluster::ApiResult &r) { third = r; });
            else
                api->update(late, [&third](const cluster::ApiResult &r) { third = r; });
            sim.runUntil(sim.now() + cluster::kSecond);
            QVERIFY(third);
            QCOMPARE(third->status, cluster::ApiStatus::Conflict);
            // The late one arrived prepared and was not used (the others are the components').
            QVERIFY(api->preparedUpdates() - arrivedBefore >= std::uint64_t(ahead));
            QVERIFY(api->preparedUpdates() - arrivedBefore - (api->preparedUsed() - usedBefore) >= std::uint64_t(ahead));
            QCOMPARE(arrived == 0 && used == 0, ahead == 0);
        }
        QVERIFY(QString::fromStdString(stored[0]).contains("quorum.test/ahead"));
        QVERIFY(QString::fromStdString(stored[0]).contains("\"generation\""));
        QCOMPARE(QString::fromStdString(stored[1]), QString::fromStdString(stored[0]));
    }

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
