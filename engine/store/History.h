#pragma once

// Internal to engine/store: the multi-version key index (the role of etcd's treeIndex plus
// its backend). Every key keeps the list of its versions, puts and deletes (tombstones), in
// revision order; reads at a revision pick the last version at or before it.

#include "engine/store/Codec.h"
#include "engine/store/Types.h"
#include "engine/store/ValuePool.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace quorum::store {

/// One version of one key: a put, or a delete when version == 0 (a tombstone).
struct KeyRevision {
    std::int64_t main = 0;            ///< revision of the write txn
    std::int64_t sub = 0;             ///< position of the change inside that txn
    std::int64_t createRevision = 0;  ///< 0 for a tombstone
    std::int64_t version = 0;         ///< 0 for a tombstone
    std::int64_t lease = 0;
    ValuePtr bytes;  ///< the value (immutable, maybe shared, maybe compressed); null when empty
    bool tombstone() const { return version == 0; }
};

/// A change found in history, with its position for ordering (main, sub).
struct HistoryEvent {
    std::int64_t main = 0;
    std::int64_t sub = 0;
    Event event;
};

/// The key history of the store. Single-threaded; all mutation goes through a write
/// (beginWrite / put / remove / endWrite) or compact().
class History {
public:
    using Versions = std::vector<KeyRevision>;
    using KeyMap = std::map<std::string, Versions, std::less<>>;

    /// Revision of the last write txn that changed something; 1 for an empty store (as etcd).
    std::int64_t currentRevision() const { return m_current; }
    /// Reads and watches below this revision are refused; 0 before the first compaction.
    std::int64_t compactRevision() const { return m_compact; }
    /// Keys with any history, live or deleted (for tests and statistics).
    std::size_t keyCount() const { return m_keys.size(); }

    /// The latest live version of `key`, pending writes of the open write included;
    /// nullptr when the key does not exist.
    const KeyRevision *latest(std::string_view key) const;

    /// Calls fn(key, version) for every key in [key, rangeEnd) live at `revision`, in key
    /// order, until fn returns false. revision <= 0 means the latest (pending writes included).
    /// Precondition: compactRevision() <= revision <= currentRevision() when revision > 0.
    template <class Fn>
    void forEachLive(std::string_view key, std::string_view rangeEnd, std::int64_t revision, Fn &&fn) const
    {
        auto [it, end] = span(key, rangeEnd);
        for (; it != end; ++it) {
            const KeyRevision *v = revision <= 0 ? &it->second.back() : versionAt(it->second, revision);
            if (v && !v->tombstone() && !fn(it->first, *v))
                return;
        }
    }

    /// Every change to keys in [key, rangeEnd) at revisions >= fromRevision, each with its
    /// prevKv when that is still in history, in revision order.
    std::vector<Event> eventsSince(std::string_view key, std::string_view rangeEnd, std::int64_t fromRevision) const;

    /// Opens a write txn at revision currentRevision() + 1. Precondition: none open.
    void beginWrite();
    /// Records a put of `key` in the open write; returns the new version. `prev` is the key's
    /// latest live version (latest(key)) or nullptr.
    const KeyRevision &put(std::string_view key, std::string_view value, std::int64_t lease, const KeyRevision *prev);
    /// Records a delete of a live key in the open write.
    void remove(std::string_view key);
    /// Closes the write; the revision moves on only if something changed. Returns it.
    std::int64_t endWrite();
    bool writing() const { return m_writing; }

    /// Drops history before `revision`, keeping what reads and watches at >= revision need.
    /// Precondition: compactRevision() < revision <= currentRevision().
    void compact(std::int64_t revision);

    /// The key-value of a version (a delete gives only key and modRevision, like etcd events).
    KeyValue toKeyValue(const std::string &key, const KeyRevision &version) const;
    /// The value of a version as written: a view of the stored bytes, or of `scratch` when
    /// the version was kept compressed (superseded versions, see ValuePool).
    std::string_view value(const KeyRevision &version, std::string &scratch) const;
    /// The same, as a string of its own.
    std::string valueCopy(const KeyRevision &version) const;

    /// Snapshot encoding of revisions and every key's versions.
    void encode(codec::ByteWriter &w) const;
    /// Strict decoding; checks the invariants the rest of the store relies on.
    bool decode(codec::ByteReader &r);

    const KeyMap &keys() const { return m_keys; }
    /// Values are interned in `pool` from now on, and superseded versions kept compressed
    /// (nullptr: each version owns its bytes, uncompressed). The pool must outlive this
    /// history. Precondition: no value stored yet.
    void setValuePool(ValuePool *pool);

    /// Order-independent digest of every version of every key (a sum of per-version hashes),
    /// kept up to date by put / remove / compact / decode, so hashing the state is O(1).
    /// Equal histories give equal digests.
    std::uint64_t digest() const { return m_digest; }

private:
    static std::uint64_t versionHash(std::string_view key, const KeyRevision &version);
    ValuePtr store(std::string_view value);
    // The version `v` of a key has just been superseded by a later put or delete.
    void supersede(KeyRevision &v);
    static const KeyRevision *versionAt(const Versions &versions, std::int64_t revision);
    /// The entry of `key` in m_keys, or nullptr. The last one found is remembered: a write txn
    /// looks its key up for its compare, for the previous version and for the put.
    KeyMap::value_type *findKey(std::string_view key) const;
    /// The remembered entry when it is `key`'s, else nullptr (no lookup).
    KeyMap::value_type *remembered(std::string_view key) const;
    std::pair<KeyMap::const_iterator, KeyMap::const_iterator> span(std::string_view key,
                                                                    std::string_view rangeEnd) const;

    KeyMap m_keys;
    // The entry findKey() found last, or null. Forgotten whenever an entry leaves m_keys, and
    // not copied with the history (it points into this one's map).
    struct LastKey {
        KeyMap::value_type *entry = nullptr;
        LastKey() = default;
        LastKey(const LastKey &) {}
        LastKey &operator=(const LastKey &)
        {
            entry = nullptr;
            return *this;
        }
    };
    mutable LastKey m_lastKey;
    // The entries of m_keys by hash, for findKey: a walk of the map compares the long shared
    // prefixes of the keys ("/registry/pods/default/...") at every level. Entries of a std::map
    // never move, so the index holds their addresses. Kept in step by put and compact; empty
    // after a copy, a move or decode (it points into one map), and then rebuilt on the next
    // lookup, which finds its size differs from the map's.
    struct KeyIndex {
        std::unordered_map<std::string_view, KeyMap::value_type *> entries;
        KeyIndex() = default;
        KeyIndex(const KeyIndex &) {}
        KeyIndex &operator=(const KeyIndex &)
        {
            entries.clear();
            return *this;
        }
    };
    mutable KeyIndex m_index;
    void rebuildIndex() const;
    std::int64_t m_current = 1;
    std::int64_t m_compact = 0;
    bool m_writing = false;
    std::int64_t m_sub = 0;  // changes recorded in the open write
    std::uint64_t m_digest = 0;
    ValuePool *m_pool = nullptr;
};

} // namespace quorum::store
