#pragma once

// Decodes the JSON values of etcd key-values into API objects once for every API server. Each
// kube-apiserver decodes what its own etcd member applied; Raft makes those the same bytes at
// the same (key, modRevision) on every member, and decoded objects are immutable, so the
// first decode is shared by every watch cache (memory once, not once per API server). A value
// whose bytes differ from the shared one (compared by hash) is decoded on its own, so a
// diverging member still shows what it holds.
//
// An API server that writes an object hands it over beforehand (expect()): when the bytes it
// wrote come back through the watch, the decoder takes that document instead of parsing them
// (nlohmann's dump and parse round-trip a document; numbers compare by value), which saves a
// parse of every write.
//
// Thread rules: one thread (the simulation's).

#include "engine/cluster/Object.h"
#include "engine/cluster/ObjectCache.h"
#include "engine/store/Types.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace quorum::clustersim {

class ObjectDecoder {
public:
    /// The object stored at kv (metadata.resourceVersion set to its modRevision), or null with
    /// a line on stderr naming `who` and the key when the value is not JSON. With `facts`, also
    /// its watch-cache facts (ObjectCache::factsOf), read once per decoded object like the
    /// object itself; they are views into the object.
    cluster::ObjectPtr decode(const store::KeyValue &kv, const std::string &who,
                              cluster::ObjectCache::Facts *facts = nullptr);
    /// The key was deleted: drop what is remembered of it.
    void forget(const std::string &key);
    /// Keys remembered (for tests).
    std::size_t size() const { return m_entries.size(); }

    /// A write of `object` to `key` is proposed, storing `bytes` (object.dump(), without
    /// metadata.resourceVersion); returns their hash for unexpect(). Replaces an earlier
    /// expectation for the key.
    std::uint64_t expect(const std::string &key, std::string_view bytes, cluster::Json object);
    /// The same, with the bytes' hash (std::hash<std::string_view>) already computed.
    void expectHashed(const std::string &key, std::uint64_t valueHash, cluster::Json object);
    /// The write with this hash failed (or will never be answered): drop its object.
    void unexpect(const std::string &key, std::uint64_t valueHash);
    /// Expected writes not yet seen (for tests).
    std::size_t expected() const { return m_expected.size(); }

private:
    struct Entry {
        std::int64_t modRevision = 0;
        std::uint64_t valueHash = 0;
        std::weak_ptr<const cluster::Json> object;
        cluster::ObjectCache::Facts facts; // views into `object`, read only while it lives
    };
    struct Expected {
        std::uint64_t valueHash = 0;
        cluster::Json object;
    };
    std::unordered_map<std::string, Entry> m_entries;
    std::unordered_map<std::string, Expected> m_expected; // by key: the latest write proposed
};

} // namespace quorum::clustersim
