#include "engine/store/History.h"

#include "engine/store/Invariant.h"

#include <algorithm>
#include <functional>

namespace quorum::store {

using codec::ByteReader;
using codec::ByteWriter;

namespace {

// splitmix64's finalizer: spreads every input bit over the output.
std::uint64_t mix(std::uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

std::uint64_t combine(std::uint64_t h, std::uint64_t v)
{
    return mix(h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)));
}

} // namespace

std::uint64_t History::versionHash(std::string_view key, const KeyRevision &v)
{
    std::uint64_t h = std::hash<std::string_view>{}(key);
    h = combine(h, static_cast<std::uint64_t>(v.main));
    h = combine(h, static_cast<std::uint64_t>(v.sub));
    h = combine(h, static_cast<std::uint64_t>(v.version));
    if (!v.tombstone()) {
        h = combine(h, static_cast<std::uint64_t>(v.createRevision));
        h = combine(h, static_cast<std::uint64_t>(v.lease));
        h = combine(h, v.bytes ? v.bytes->hash() : std::hash<std::string_view>{}(std::string_view()));
    }
    return h;
}

History::KeyMap::value_type *History::remembered(std::string_view key) const
{
    return m_lastKey.entry && m_lastKey.entry->first == key ? m_lastKey.entry : nullptr;
}

History::KeyMap::value_type *History::findKey(std::string_view key) const
{
    if (KeyMap::value_type *entry = remembered(key))
        return entry;
    if (m_index.entries.size() != m_keys.size())
        rebuildIndex();
    auto it = m_index.entries.find(key);
    if (it == m_index.entries.end())
        return nullptr;
    m_lastKey.entry = it->second;
    return m_lastKey.entry;
}

void History::rebuildIndex() const
{
    // The map is this history's own (not const): its entries are handed out for put / remove.
    auto &keys = const_cast<KeyMap &>(m_keys);
    m_index.entries.clear();
    m_index.entries.reserve(keys.size());
    for (auto &entry : keys)
        m_index.entries.emplace(entry.first, &entry);
}

const KeyRevision *History::latest(std::string_view key) const
{
    const KeyMap::value_type *entry = findKey(key);
    if (!entry || entry->second.back().tombstone())
        return nullptr;
    return &entry->second.back();
}

const KeyRevision *History::versionAt(const Versions &versions, std::int64_t revision)
{
    auto it = std::upper_bound(versions.begin(), versions.end(), revision,
                               [](std::int64_t rev, const KeyRevision &v) { return rev < v.main; });
    if (it == versions.begin())
        return nullptr;
    return &*std::prev(it);
}

std::pair<History::KeyMap::const_iterator, History::KeyMap::const_iterator>
History::span(std::string_view key, std::string_view rangeEnd) const
{
    if (rangeEnd.empty()) {
        auto it = m_keys.find(key);
        return {it, it == m_keys.end() ? it : std::next(it)};
    }
    auto first = m_keys.lower_bound(key);
    if (rangeEnd == std::string_view("\0", 1))
        return {first, m_keys.end()};
    if (rangeEnd <= key)
        return {first, first};
    return {first, m_keys.lower_bound(rangeEnd)};
}

std::vector<Event> History::eventsSince(std::string_view key, std::string_view rangeEnd,
                                       std::int64_t fromRevision) const
{
    std::vector<HistoryEvent> found;
    auto [it, end] = span(key, rangeEnd);
    for (; it != end; ++it) {
        const Versions &versions = it->second;
        auto v = std::lower_bound(versions.begin(), versions.end(), fromRevision,
                                  [](const KeyRevision &kv, std::int64_t rev) { return kv.main < rev; });
        for (; v != versions.end(); ++v) {
            HistoryEvent &h = found.emplace_back();
            h.main = v->main;
            h.sub = v->sub;
            Event &e = h.event;
            e.type = v->tombstone() ? EventType::Delete : EventType::Put;
            e.kv = toKeyValue(it->first, *v);
            if (v != versions.begin() && !std::prev(v)->tombstone())
                e.prevKv = toKeyValue(it->first, *std::prev(v));
        }
    }
    // Within a revision, sub-revisions are unique; the key breaks ties only in a snapshot
    // that (wrongly, yet passing its checks) repeats one, so the order stays deterministic.
    std::sort(found.begin(), found.end(), [](const HistoryEvent &a, const HistoryEvent &b) {
        if (a.main != b.main)
            return a.main < b.main;
        if (a.sub != b.sub)
            return a.sub < b.sub;
        return a.event.kv.key < b.event.kv.key;
    });
    std::vector<Event> out;
    out.reserve(found.size());
    for (HistoryEvent &h : found)
        out.push_back(std::move(h.event));
    return out;
}

void History::beginWrite()
{
    QUORUM_STORE_CHECK(!m_writing, "nested write txn");
    m_writing = true;
    m_sub = 0;
}

ValuePtr History::store(std::string_view value)
{
    if (value.empty())
        return nullptr;
    const std::uint64_t hash = std::hash<std::string_view>{}(value);
    if (m_pool)
        return m_pool->intern(value, hash);
    return std::make_shared<const StoredValue>(value, hash);
}

void History::supersede(KeyRevision &v)
{
    if (m_pool && !v.tombstone())
        v.bytes = m_pool->superseded(v.bytes);
}

void History::setValuePool(ValuePool *pool)
{
    QUORUM_STORE_CHECK(m_keys.empty(), "value pool set on a history that holds values");
    m_pool = pool;
}

std::string_view History::value(const KeyRevision &version, std::string &scratch) const
{
    if (!version.bytes)
        return {};
    if (!version.bytes->compressed())
        return version.bytes->stored();
    QUORUM_STORE_CHECK(m_pool, "a compressed value in a history without a value pool");
    return m_pool->read(*version.bytes, scratch);
}

const KeyRevision &History::put(std::string_view key, std::string_view value, std::int64_t lease,
                                const KeyRevision *prev)
{
    QUORUM_STORE_CHECK(m_writing, "put outside a write txn");
    const std::int64_t rev = m_current + 1;
    // Read `prev` first: it points into the vector that grows below.
    const std::int64_t createRevision = prev ? prev->createRevision : rev;
    const std::int64_t version = prev ? prev->version + 1 : 1;
    // The remembered key, or the indexed one; a new key takes one walk to place it.
    KeyMap::value_type *entry = findKey(key);
    if (!entry) {
        auto it = m_keys.emplace_hint(m_keys.lower_bound(key), std::string(key), Versions{});
        entry = m_lastKey.entry = &*it;
        m_index.entries.emplace(entry->first, entry); // findKey left the index in step
    }
    Versions &versions = entry->second;
    QUORUM_STORE_CHECK(versions.empty() || versions.back().main < rev,
                       "key '" + std::string(key) + "' written twice in revision " + std::to_string(rev));
    if (!versions.empty())
        supersede(versions.back());
    KeyRevision &v = versions.emplace_back();
    v.main = rev;
    v.sub = m_sub++;
    v.createRevision = createRevision;
    v.version = version;
    v.lease = lease;
    v.bytes = store(value);
    m_digest += versionHash(key, v);
    return v;
}

void History::remove(std::string_view key)
{
    QUORUM_STORE_CHECK(m_writing, "delete outside a write txn");
    const std::int64_t rev = m_current + 1;
    KeyMap::value_type *entry = findKey(key);
    QUORUM_STORE_CHECK(entry && !entry->second.back().tombstone() && entry->second.back().main < rev,
                       "delete of key '" + std::string(key) + "' that is not live or was written in this txn");
    supersede(entry->second.back());
    KeyRevision &v = entry->second.emplace_back();
    v.main = rev;
    v.sub = m_sub++;
    m_digest += versionHash(key, v);
}

std::int64_t History::endWrite()
{
    QUORUM_STORE_CHECK(m_writing, "endWrite without beginWrite");
    m_writing = false;
    if (m_sub > 0)
        ++m_current;
    m_sub = 0;
    return m_current;
}

void History::compact(std::int64_t revision)
{
    QUORUM_STORE_CHECK(!m_writing && revision > m_compact && revision <= m_current,
                       "compact to " + std::to_string(revision) + " outside (" + std::to_string(m_compact) + ", " +
                           std::to_string(m_current) + "]");
    m_lastKey.entry = nullptr; // keys may go
    for (auto it = m_keys.begin(); it != m_keys.end();) {
        Versions &versions = it->second;
        // Keep the last version at or before `revision` (what a read at `revision` sees, and the
        // prevKv of the next change) unless it is a delete older than `revision`.
        auto keep = std::upper_bound(versions.begin(), versions.end(), revision,
                                     [](std::int64_t rev, const KeyRevision &v) { return rev < v.main; });
        if (keep != versions.begin()) {
            --keep;
            if (keep->tombstone() && keep->main < revision)
                ++keep;
            for (auto v = versions.begin(); v != keep; ++v)
                m_digest -= versionHash(it->first, *v);
            versions.erase(versions.begin(), keep);
        }
        if (versions.empty()) {
            m_index.entries.erase(it->first);
            it = m_keys.erase(it);
        } else {
            ++it;
        }
    }
    m_compact = revision;
}

std::string History::valueCopy(const KeyRevision &version) const
{
    std::string scratch;
    const std::string_view bytes = value(version, scratch);
    if (!scratch.empty() && bytes.data() == scratch.data())
        return scratch;
    return std::string(bytes);
}

KeyValue History::toKeyValue(const std::string &key, const KeyRevision &version) const
{
    KeyValue kv;
    kv.key = key;
    kv.modRevision = version.main;
    if (!version.tombstone()) {
        kv.createRevision = version.createRevision;
        kv.version = version.version;
        kv.value = valueCopy(version);
        kv.lease = version.lease;
    }
    return kv;
}

// ---- snapshot encoding -------------------------------------------------------------------

void History::encode(ByteWriter &w) const
{
    QUORUM_STORE_CHECK(!m_writing, "snapshot during a write txn");
    w.svarint(m_current);
    w.svarint(m_compact);
    w.varint(m_keys.size());
    std::string scratch;
    for (const auto &[key, versions] : m_keys) {
        w.bytes(key);
        w.varint(versions.size());
        for (const KeyRevision &v : versions) {
            w.svarint(v.main);
            w.svarint(v.sub);
            w.svarint(v.version);
            if (!v.tombstone()) {
                w.svarint(v.createRevision);
                w.svarint(v.lease);
                w.bytes(value(v, scratch));
            }
        }
    }
}

namespace {

// Far beyond any real history, and far enough from INT64_MAX that revision arithmetic cannot overflow.
constexpr std::int64_t kMaxRevision = std::int64_t{1} << 62;

// Why `v` (the i-th version of a key) cannot follow `prev` (nullptr for the first), or "".
std::string checkVersion(const KeyRevision *prev, const KeyRevision &v, std::int64_t current, std::int64_t compact)
{
    if (v.main < 1 || v.main > current)
        return "revision " + std::to_string(v.main) + " outside [1, " + std::to_string(current) + "]";
    if (v.sub < 0)
        return "negative sub-revision";
    if (v.version < 0 || v.version > v.main)
        return "version " + std::to_string(v.version) + " impossible at revision " + std::to_string(v.main);
    if (!v.tombstone() && (v.createRevision < 1 || v.createRevision > v.main || v.lease < 0))
        return "bad create revision or lease";
    if (!prev) {
        if (v.tombstone() && v.main != compact)
            return "history starts with a delete that is not at the compact revision";
        if (!v.tombstone() && v.main > compact && (v.version != 1 || v.createRevision != v.main))
            return "history after the compact revision does not start with a creation";
        return {};
    }
    if (v.main <= prev->main)
        return "revisions not increasing";
    if (v.main <= compact)
        return "more than one version at or before the compact revision";
    if (prev->tombstone() && v.tombstone())
        return "two deletes in a row";
    if (prev->tombstone() && (v.version != 1 || v.createRevision != v.main))
        return "re-created key does not start at version 1";
    if (!prev->tombstone() && !v.tombstone() &&
        (v.version != prev->version + 1 || v.createRevision != prev->createRevision))
        return "version or create revision does not follow the previous version";
    return {};
}

} // namespace

bool History::decode(ByteReader &r)
{
    m_lastKey.entry = nullptr;
    m_keys.clear();
    m_index.entries.clear();
    m_digest = 0;
    m_writing = false;
    m_sub = 0;
    const std::size_t start = r.offset();
    if (!r.svarint(m_current, "revision") || !r.svarint(m_compact, "compactRevision"))
        return false;
    if (m_current < 1 || m_current > kMaxRevision || m_compact < 0 || m_compact > m_current)
        return r.failAt(start, "revision", "revision " + std::to_string(m_current) + " / compact revision " +
                                               std::to_string(m_compact) + " out of order");
    std::size_t keyCount = 0;
    if (!r.count(keyCount, "keyCount", 3))
        return false;
    for (std::size_t k = 0; k < keyCount; ++k) {
        std::string key;
        std::size_t versionCount = 0;
        const std::size_t keyAt = r.offset();
        bool ok = r.bytes(key, "key") && r.count(versionCount, "versionCount", 3);
        if (ok && key.empty())
            ok = r.failAt(keyAt, "key", "empty key");
        if (ok && !m_keys.empty() && key <= m_keys.rbegin()->first)
            ok = r.failAt(keyAt, "key", "keys not in increasing order");
        if (ok && versionCount == 0)
            ok = r.failAt(keyAt, "versionCount", "key without history");
        Versions versions;
        versions.reserve(ok ? versionCount : 0);
        for (std::size_t i = 0; ok && i < versionCount; ++i) {
            const std::size_t at = r.offset();
            KeyRevision &v = versions.emplace_back();
            ok = r.svarint(v.main, "revision") && r.svarint(v.sub, "subRevision") && r.svarint(v.version, "version");
            if (ok && !v.tombstone()) {
                std::string value;
                ok = r.svarint(v.createRevision, "createRevision") && r.svarint(v.lease, "lease") &&
                     r.bytes(value, "value");
                if (ok)
                    v.bytes = store(value);
            }
            if (ok) {
                const std::string why = checkVersion(i ? &versions[i - 1] : nullptr, v, m_current, m_compact);
                if (!why.empty())
                    ok = r.failAt(at, "", why);
            }
            if (!ok) {
                r.withinIndex(i);
                r.within("versions");
            }
        }
        if (!ok) {
            r.withinIndex(k);
            r.within("keys");
            m_keys.clear();
            m_digest = 0;
            return false;
        }
        for (const KeyRevision &v : versions)
            m_digest += versionHash(key, v);
        for (std::size_t i = 0; i + 1 < versions.size(); ++i)
            supersede(versions[i]);
        m_keys.emplace_hint(m_keys.end(), std::move(key), std::move(versions));
    }
    return true;
}

} // namespace quorum::store
