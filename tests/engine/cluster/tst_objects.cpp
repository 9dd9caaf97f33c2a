// API objects: etcd keys as kube-apiserver lays them out, Kubernetes timestamps, manifests
// (YAML -> JSON with the core schema's types, problems with file:line:column), the watch
// cache's listeners and pod-by-node index, and the Deployment controller's arithmetic.

#include "engine/cluster/Manifest.h"
#include "engine/cluster/ObjectCache.h"
#include "engine/cluster/Workloads.h"

#include <QtTest>

#include <mutex>
#include <thread>

using namespace quorum::cluster;

class TestObjects : public QObject {
    Q_OBJECT
private slots:
    void registryKeys()
    {
        QCOMPARE(QString::fromStdString(registryKey(res::pods(), "default", "web-1")), QStringLiteral("/registry/pods/default/web-1"));
        QCOMPARE(QString::fromStdString(registryKey(res::nodes(), "", "worker-1")), QStringLiteral("/registry/minions/worker-1"));
        QCOMPARE(QString::fromStdString(registryKey(res::services(), "default", "web")), QStringLiteral("/registry/services/specs/default/web"));
        QCOMPARE(QString::fromStdString(registryKey(res::endpoints(), "default", "web")), QStringLiteral("/registry/services/endpoints/default/web"));
        // Prefixes never shadow one another.
        QCOMPARE(resourceForKey("/registry/poddisruptionbudgets/default/web"), resourceForKind("PodDisruptionBudget"));
        QCOMPARE(resourceForKey("/registry/rolebindings/default/web"), resourceForKind("RoleBinding"));
        QCOMPARE(resourceForKey("/registry/services/endpoints/default/web"), &res::endpoints());
        QVERIFY(resourceForKey("/registry/unknown/x") == nullptr);
    }

    void times()
    {
        QCOMPARE(QString::fromStdString(formatTime(40 * kSecond)), QStringLiteral("2026-01-01T00:00:40Z"));
        QCOMPARE(QString::fromStdString(formatMicroTime(90 * kSecond + 250)), QStringLiteral("2026-01-01T00:01:30.000250Z"));
        QCOMPARE(parseTime("2026-01-01T00:01:30.000250Z").value(), 90 * kSecond + 250);
        QCOMPARE(parseTime("2026-01-01T01:00:00Z").value(), 3600 * kSecond);
        QVERIFY(!parseTime("2026-01-01 01:00:00").has_value());
        QVERIFY(!parseTime("2026-01-01T01:00:00+02:00").has_value());
    }

    void manifestTypes()
    {
        const ManifestResult r = parseManifests("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"
                                                "spec:\n  replicas: 3\n  paused: false\n  x: \"3\"\n  y: 1.5\n  z: ~\n"
                                                "---\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n",
                                                "web.yaml");
        QVERIFY(r.ok());
        QCOMPARE(r.objects.size(), std::size_t{2});
        const Json &d = r.objects[0];
        QVERIFY(d["spec"]["replicas"].is_number_integer());
        QCOMPARE(d["spec"]["replicas"].get<int>(), 3);
        QVERIFY(d["spec"]["paused"].is_boolean());
        QVERIFY(d["spec"]["x"].is_string()); // quoted: stays a string
        QVERIFY(d["spec"]["y"].is_number_float());
        QVERIFY(d["spec"]["z"].is_null());
        QCOMPARE(QString::fromStdString(namespaceOf(d)), QStringLiteral("default")); // defaulted
        QCOMPARE(QString::fromStdString(namespaceOf(r.objects[1])), QStringLiteral("shop"));
    }

    void manifestProblems_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown kind") << "apiVersion: v1\nkind: Gadget\nmetadata: {name: g}\n"
                                      << "m.yaml:2:7: kind: \"Gadget\" is not a kind the engine serves";
        QTest::newRow("wrong apiVersion") << "apiVersion: v2\nkind: Pod\nmetadata: {name: p}\n"
                                          << "m.yaml:1:13: apiVersion: \"v2\" for kind Pod (served: v1)";
        QTest::newRow("no name") << "apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {a: b}\n"
                                 << "m.yaml:4:3: metadata.name: missing";
        QTest::newRow("syntax") << "apiVersion: v1\nkind: [Pod\n" << "m.yaml:3:1: end of sequence flow not found";
        QTest::newRow("not a mapping") << "- a\n- b\n" << "m.yaml:1:1: a manifest document must be a mapping";
    }

    void manifestProblems()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const ManifestResult r = parseManifests(text.toStdString(), "m.yaml");
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.problems.front().toString()), message);
    }

    void cacheListenersAndIndex()
    {
        ObjectCache cache;
        std::vector<std::string> all, onA, podsOnly;
        cache.subscribe([&](const ObjectCache::Change &c) { all.push_back(c.key); });
        cache.subscribe([&](const ObjectCache::Change &c) { podsOnly.push_back(c.key); }, &res::pods());
        cache.subscribe([&](const ObjectCache::Change &c) { onA.push_back(c.key); }, &res::pods(), "a");
        auto pod = [](const char *name, const char *node) {
            return std::make_shared<const Json>(Json{{"kind", "Pod"},
                                                     {"metadata", {{"name", name}, {"namespace", "default"}}},
                                                     {"spec", {{"nodeName", node}}}});
        };
        const std::string k1 = "/registry/pods/default/p1";
        cache.put(k1, pod("p1", "a"), 5);
        cache.put("/registry/minions/a", std::make_shared<const Json>(Json{{"kind", "Node"}, {"metadata", {{"name", "a"}}}}), 6);
        cache.put(k1, pod("p1", "b"), 7); // moved: a listener on "a" hears it leave
        QCOMPARE(cache.podsOnNode("a").size(), std::size_t{0});
        QCOMPARE(cache.podsOnNode("b").size(), std::size_t{1});
        cache.erase(k1, 8);
        QCOMPARE(cache.podsOnNode("b").size(), std::size_t{0});
        QCOMPARE(all.size(), std::size_t{4});
        QCOMPARE(podsOnly.size(), std::size_t{3});
        QCOMPARE(onA.size(), std::size_t{2});
        QCOMPARE(cache.revision(), std::int64_t{8});
        QCOMPARE(cache.list(res::nodes()).size(), std::size_t{1});
    }

    void reclaimerFreesOnItsThread()
    {
        // Each tracked object notes the thread it dies on.
        struct Tracked {
            std::mutex *mutex;
            std::vector<std::thread::id> *diedOn;
            ~Tracked()
            {
                std::lock_guard lock(*mutex);
                diedOn->push_back(std::this_thread::get_id());
            }
        };
        std::mutex mutex;
        std::vector<std::thread::id> diedOn;
        auto died = [&] {
            std::lock_guard lock(mutex);
            return diedOn.size();
        };
        const std::size_t count = 3 * Reclaimer::kBatch + 7; // full batches and a partial one
        std::shared_ptr<Tracked> kept;
        {
            Reclaimer reclaimer;
            for (std::size_t i = 0; i < count; ++i) {
                auto object = std::make_shared<Tracked>(&mutex, &diedOn);
                if (i == 5)
                    kept = object; // still shared: handing a reference over does not free it
                reclaimer.drop(std::move(object));
            }
            reclaimer.drop(nullptr); // ignored
            reclaimer.flush();
            QCOMPARE(died(), count - 1);
            QCOMPARE(reclaimer.stats().released + reclaimer.stats().atOnce, std::uint64_t(count));
            for (const std::thread::id &id : diedOn)
                QVERIFY(id != std::this_thread::get_id());
            for (int i = 0; i < 3; ++i) // less than a batch, still held by the reclaimer
                reclaimer.drop(std::make_shared<Tracked>(&mutex, &diedOn));
            QCOMPARE(died(), count - 1);
        } // the destructor frees what it holds
        QCOMPARE(died(), count + 2);
        QVERIFY(kept != nullptr);
        kept.reset();
        QCOMPARE(died(), count + 3);
    }

    void cacheHandsOverWhatItLetsGo()
    {
        // Replaced and erased objects the cache held last go to the reclaimer; one still held
        // elsewhere is not freed; listeners see both versions either way.
        Reclaimer reclaimer;
        ObjectCache cache;
        cache.setReclaimer(&reclaimer);
        std::vector<std::pair<const Json *, const Json *>> seen; // not holding them
        std::vector<int> generations;
        cache.subscribe([&](const ObjectCache::Change &c) {
            seen.emplace_back(c.before.get(), c.after.get());
            if (c.before)
                generations.push_back((*c.before)["metadata"]["generation"].get<int>());
        });
        auto pod = [](int generation) {
            return std::make_shared<const Json>(Json{{"kind", "Pod"},
                                                     {"metadata", {{"name", "p"}, {"namespace", "default"}, {"generation", generation}}},
                                                     {"spec", {{"nodeName", "a"}}}});
        };
        const std::string key = "/registry/pods/default/p";
        cache.put(key, pod(1), 2);
        ObjectPtr second = pod(2);
        const std::weak_ptr<const Json> first = cache.get(key);
        cache.put(key, second, 3);
        QCOMPARE(seen.size(), std::size_t{2});
        QCOMPARE(seen[1].second, second.get());
        QCOMPARE(generations, std::vector<int>{1}); // the listener saw the old version alive
        reclaimer.flush();
        QVERIFY(first.expired());
        QCOMPARE(reclaimer.stats().released, std::uint64_t{1});
        cache.erase(key, 4); // `second` is still held here: nothing handed over
        reclaimer.flush();
        QCOMPARE(reclaimer.stats().released, std::uint64_t{1});
        QCOMPARE((*second)["metadata"]["generation"].get<int>(), 2);
        QCOMPARE(cache.size(), std::size_t{0});
    }

    void ownerIndex()
    {
        ObjectCache cache;
        auto owned = [](const char *name, const char *owner) {
            Json pod{{"kind", "Pod"}, {"metadata", {{"name", name}, {"namespace", "default"}}}};
            if (*owner)
                pod["metadata"]["ownerReferences"] = Json::array({Json{{"controller", true}, {"uid", owner}}});
            return std::make_shared<const Json>(pod);
        };
        cache.put("/registry/pods/default/a", owned("a", "rs-1"), 2);
        cache.put("/registry/pods/default/b", owned("b", "rs-1"), 3);
        cache.put("/registry/pods/default/c", owned("c", ""), 4);
        QCOMPARE(cache.ownedBy("rs-1").size(), std::size_t{2});
        cache.put("/registry/pods/default/b", owned("b", "rs-2"), 5); // adopted elsewhere
        QCOMPARE(cache.ownedBy("rs-1").size(), std::size_t{1});
        QCOMPARE(cache.ownedBy("rs-2").size(), std::size_t{1});
        cache.erase("/registry/pods/default/a", 6);
        QCOMPARE(cache.ownedBy("rs-1").size(), std::size_t{0});
        QCOMPARE(ownedPods(cache, "default", "rs-2").size(), std::size_t{1});
        QCOMPARE(ownedPods(cache, "other", "rs-2").size(), std::size_t{0});
        QCOMPARE(cache.ownedBy("").size(), std::size_t{0});
    }

    void indexesShowTheLatestObject()
    {
        // An update that keeps a pod's owner and node leaves the indexes' entries in place:
        // they must still hand out the object just put, in key order, with the counts right.
        ObjectCache cache;
        auto pod = [](const char *name, const char *phase, bool ready) {
            Json p{{"kind", "Pod"},
                   {"metadata",
                    {{"name", name},
                     {"namespace", "default"},
                     {"ownerReferences", Json::array({Json{{"controller", true}, {"uid", "rs-1"}}})}}},
                   {"spec", {{"nodeName", "n1"}}},
                   {"status", {{"phase", phase}}}};
            if (ready)
                p["status"]["conditions"] = Json::array({Json{{"type", "Ready"}, {"status", "True"}}});
            return std::make_shared<const Json>(p);
        };
        cache.put("/registry/pods/default/b", pod("b", "Pending", false), 2);
        cache.put("/registry/pods/default/a", pod("a", "Pending", false), 3);
        ObjectPtr running = pod("a", "Running", true);
        cache.put("/registry/pods/default/a", running, 4);
        QCOMPARE(cache.ownedPodCounts("rs-1"), (ObjectCache::OwnedPodCounts{2, 2, 1}));
        std::vector<std::string> keys;
        for (const auto &[key, object] : cache.ownedBy("rs-1")) {
            keys.push_back(key);
            QCOMPARE(object, cache.get(key));
        }
        QCOMPARE(keys, (std::vector<std::string>{"/registry/pods/default/a", "/registry/pods/default/b"}));
        QVERIFY(cache.podsOnNode("n1").begin()->second == running);
        QCOMPARE(cache.podsOnNode("n1").count("/registry/pods/default/b"), std::size_t{1});
        cache.put("/registry/pods/default/a", pod("a", "Succeeded", false), 5);
        QCOMPARE(cache.ownedPodCounts("rs-1"), (ObjectCache::OwnedPodCounts{2, 1, 0}));
        cache.erase("/registry/pods/default/a", 6);
        cache.erase("/registry/pods/default/b", 7);
        QVERIFY(cache.ownedBy("rs-1").empty());
        QVERIFY(cache.podsOnNode("n1").empty());
        QCOMPARE(cache.ownedPodCounts("rs-1"), ObjectCache::OwnedPodCounts{});
    }

    // Json keeps an object's members in a sorted vector (FlatObject); it must read, write,
    // order and compare exactly as nlohmann::json's std::map does.
    void flatObjectsMatchNlohmannMaps()
    {
        const char *docs[] = {
            R"({"kind":"Pod","metadata":{"name":"web-1","labels":{"b":"2","a":"1","":"empty"}},"spec":{"containers":[{"name":"c","image":"i"}]},"status":{}})",
            R"({"z":1,"y":[{"b":null,"a":true},[],{}],"x":{"\u00e9":"e","A":"upper","a":"lower","aa":"double"},"0":0.5})",
            R"({})",
        };
        for (const char *doc : docs) {
            const nlohmann::json reference = nlohmann::json::parse(doc);
            Json flat = Json::parse(doc);
            QCOMPARE(flat.dump(), reference.dump());
            QCOMPARE(Json::parse(reference.dump()), flat);
        }

        // Inserting out of order, overwriting, erasing: the dump stays in key order, like std::map.
        nlohmann::json reference = nlohmann::json::object();
        Json flat = Json::object();
        std::uint32_t x = 12345;
        for (int i = 0; i < 2000; ++i) {
            x = x * 1103515245u + 12345u;
            std::string key = "k";
            key += std::to_string((x >> 8) % 97); // not "k" + ...: GCC 12's -Wrestrict false positive
            switch ((x >> 20) % 4) {
            case 0:
            case 1:
                reference[key] = i;
                flat[key] = i;
                break;
            case 2:
                QCOMPARE(flat.erase(key), reference.erase(key));
                break;
            default:
                reference.emplace(key, -i); // keeps an existing member, like std::map::emplace
                flat.emplace(key, -i);
            }
            QCOMPARE(flat.size(), reference.size());
        }
        QCOMPARE(flat.dump(), reference.dump());

        // Lookups by string_view and const char *, const and not.
        const Json &cflat = flat;
        for (const auto &[key, value] : reference.items()) {
            QVERIFY(flat.contains(std::string_view(key)));
            QCOMPARE(cflat.find(key.c_str()).value().get<int>(), value.get<int>());
            QCOMPARE(cflat.at(key).get<int>(), value.get<int>());
        }
        QVERIFY(!flat.contains("absent"));
        QVERIFY(cflat.find(std::string_view("absent")) == cflat.end());
        QVERIFY_THROWS_EXCEPTION(nlohmann::json::out_of_range, cflat.at("absent"));

        // update() merges like std::map, erase by iterator returns the next member.
        Json merged = Json::parse(R"({"a":1,"c":3})");
        merged.update(Json::parse(R"({"b":2,"a":0})"));
        QCOMPARE(merged.dump(), std::string(R"({"a":0,"b":2,"c":3})"));
        auto next = merged.erase(merged.find("a"));
        QCOMPARE(next.key(), std::string("b"));
        QCOMPARE(merged.dump(), std::string(R"({"b":2,"c":3})"));

        // Copies are equal and independent; ordering between objects follows the members.
        Json copy = merged;
        QCOMPARE(copy, merged);
        copy["d"] = 4;
        QVERIFY(copy != merged);
        QCOMPARE(merged.size(), std::size_t(2));
        QCOMPARE(Json::parse(R"({"a":1})") < Json::parse(R"({"a":2})"),
                 nlohmann::json::parse(R"({"a":1})") < nlohmann::json::parse(R"({"a":2})"));
    }

    void rollingUpdateArithmetic()
    {
        // maxSurge rounds up, maxUnavailable rounds down (Deployment RollingUpdate defaults).
        QCOMPARE(scaledValue(Json("25%"), 3, true, 0), 1);
        QCOMPARE(scaledValue(Json("25%"), 3, false, 0), 0);
        QCOMPARE(scaledValue(Json("25%"), 10, true, 0), 3);
        QCOMPARE(scaledValue(Json("25%"), 10, false, 0), 2);
        QCOMPARE(scaledValue(Json(2), 10, false, 0), 2);
        QCOMPARE(scaledValue(Json(), 10, false, 7), 7);
        const Json tmpl{{"spec", {{"containers", Json::array({Json{{"image", "nginx:1.25"}}})}}}};
        Json other = tmpl;
        other["spec"]["containers"][0]["image"] = "nginx:1.27";
        QCOMPARE(podTemplateHash(tmpl), podTemplateHash(Json(tmpl)));
        QVERIFY(podTemplateHash(tmpl) != podTemplateHash(other));
        QCOMPARE(podTemplateHash(tmpl).size(), std::size_t{10});
    }
};

QTEST_APPLESS_MAIN(TestObjects)
#include "tst_objects.moc"
