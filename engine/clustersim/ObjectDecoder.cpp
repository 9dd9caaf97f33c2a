#include "engine/clustersim/ObjectDecoder.h"

#include <cstdio>
#include <functional>

namespace quorum::clustersim {

cluster::ObjectPtr ObjectDecoder::decode(const store::KeyValue &kv, const std::string &who,
                                         cluster::ObjectCache::Facts *facts)
{
    const std::uint64_t hash = std::hash<std::string_view>{}(kv.value);
    auto it = m_entries.find(kv.key);
    if (it != m_entries.end() && it->second.modRevision == kv.modRevision && it->second.valueHash == hash)
        if (cluster::ObjectPtr shared = it->second.object.lock()) {
            if (facts)
                *facts = it->second.facts;
            return shared;
        }
    cluster::Json object;
    auto expected = m_expected.find(kv.key);
    if (expected != m_expected.end() && expected->second.valueHash == hash) {
        object = std::move(expected->second.object);
        m_expected.erase(expected);
    } else {
        // (A lagging member's older revision leaves the expectation for the newer bytes.)
        object = cluster::Json::parse(kv.value, nullptr, /*allow_exceptions=*/false);
        if (object.is_discarded()) {
            std::fprintf(stderr, "apiserver %s: undecodable object at %s\n", who.c_str(), kv.key.c_str());
            return nullptr;
        }
    }
    object["metadata"]["resourceVersion"] = std::to_string(kv.modRevision);
    auto decoded = std::make_shared<const cluster::Json>(std::move(object));
    const cluster::ObjectCache::Facts read = cluster::ObjectCache::factsOf(*decoded, cluster::resourceForKey(kv.key));
    if (facts)
        *facts = read;
    // A newer revision replaces the remembered one; an older one (a lagging member's) is not
    // remembered, so the newest stays shared.
    if (it == m_entries.end())
        m_entries.emplace(kv.key, Entry{kv.modRevision, hash, decoded, read});
    else if (kv.modRevision >= it->second.modRevision || it->second.object.expired())
        it->second = Entry{kv.modRevision, hash, decoded, read};
    return decoded;
}

void ObjectDecoder::forget(const std::string &key)
{
    m_entries.erase(key);
    m_expected.erase(key);
}

std::uint64_t ObjectDecoder::expect(const std::string &key, std::string_view bytes, cluster::Json object)
{
    const std::uint64_t hash = std::hash<std::string_view>{}(bytes);
    expectHashed(key, hash, std::move(object));
    return hash;
}

void ObjectDecoder::expectHashed(const std::string &key, std::uint64_t valueHash, cluster::Json object)
{
    m_expected.insert_or_assign(key, Expected{valueHash, std::move(object)});
}

void ObjectDecoder::unexpect(const std::string &key, std::uint64_t valueHash)
{
    auto it = m_expected.find(key);
    if (it != m_expected.end() && it->second.valueHash == valueHash)
        m_expected.erase(it);
}

} // namespace quorum::clustersim
