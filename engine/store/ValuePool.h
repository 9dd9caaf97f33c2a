#pragma once

// Shares the bytes of identical values between stores, and keeps them small.
//
// The members of one simulated etcd cluster apply the same entries, so each holds the same
// value bytes at the same revisions; interning them keeps one buffer for all members (memory
// once, not once per member), with no change to what any store reads or encodes.
//
// Values are kept as zstd frames against dictionaries the pool trains on the values it has
// seen: the first after kTrainingSamples values, then again each time the count of values
// has grown eightfold (so that the objects of a running cluster, not only those of its boot,
// shape the latest one). A pod of about 1.3 KB becomes a frame of about 150 bytes. Values
// interned before the first dictionary are compressed when a later version supersedes them.
// What a store reads, hashes and encodes is unchanged: reads decompress to the same bytes.
//
// Thread rules: intern, superseded and read may be called from several threads (the stores of
// one pool may apply on different threads: engine/sim's apply thread); the counters (size,
// stats, ...) are for one thread once the others are done. Values stay alive while a store
// holds them; the pool only remembers them weakly. Every value compressed by a pool is read through that
// pool, which therefore must outlive the stores that hold its values.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct ZSTD_CCtx_s;
struct ZSTD_DCtx_s;
struct ZSTD_CDict_s;
struct ZSTD_DDict_s;

namespace quorum::store {

/// One immutable stored value: the bytes as written, or a zstd frame of them
/// (compressed()). hash() is std::hash<std::string_view> of the bytes as written.
class StoredValue {
public:
    StoredValue(std::string_view bytes, std::uint64_t hash);
    StoredValue(std::string frame, std::uint64_t hash, std::size_t size, std::uint8_t dictionary);

    bool compressed() const { return m_compressed; }
    std::uint64_t hash() const { return m_hash; }
    /// Length of the bytes as written.
    std::size_t size() const { return m_size; }
    /// The bytes as written when !compressed(), the zstd frame otherwise.
    std::string_view stored() const { return m_bytes; }

private:
    friend class ValuePool;

    std::string m_bytes;
    std::uint64_t m_hash = 0;
    std::uint32_t m_size = 0;
    bool m_compressed = false;
    std::uint8_t m_dictionary = 0;  // the pool's dictionary a frame was made with
    // The superseded form handed out for this value (itself when compressing does not pay),
    // so that every member that supersedes it shares one frame.
    mutable std::weak_ptr<const StoredValue> m_supersededForm;
};

using ValuePtr = std::shared_ptr<const StoredValue>;

class ValuePool {
public:
    ValuePool();
    ~ValuePool();
    ValuePool(const ValuePool &) = delete;
    ValuePool &operator=(const ValuePool &) = delete;

    /// A shared value holding `bytes` (`hash` is std::hash<std::string_view> of them): a
    /// zstd frame once a dictionary exists and the frame saves at least a quarter.
    ValuePtr intern(std::string_view bytes, std::uint64_t hash);
    /// The form to keep for `value` now that a later version has superseded it: a shared
    /// frame for a value interned before the first dictionary, `value` itself otherwise.
    ValuePtr superseded(const ValuePtr &value);
    /// The bytes as written of a value this pool made (or of any uncompressed value): a view
    /// of the value itself, or of `scratch`, which then holds the decompressed bytes.
    std::string_view read(const StoredValue &value, std::string &scratch) const;

    /// Values remembered, dead ones not yet swept included (for tests).
    std::size_t size() const { return m_values.size(); }
    /// Whether a dictionary has been made (after kTrainingSamples values).
    bool trained() const { return !m_dictionaries.empty(); }
    std::size_t dictionaryCount() const { return m_dictionaries.size(); }
    /// Frames made so far, their bytes, and the bytes as written of the values they hold.
    struct Stats {
        std::size_t frames = 0;
        std::uint64_t frameBytes = 0;
        std::uint64_t rawBytes = 0;
    };
    const Stats &stats() const { return m_stats; }

    /// Values sampled (the latest ones) to train each dictionary on.
    static constexpr std::size_t kTrainingSamples = 1024;
    /// At most this many dictionaries (the last after 1024 * 8^4 = 4 Mi values).
    static constexpr std::size_t kMaxDictionaries = 5;
    /// Values shorter than this are kept as they are.
    static constexpr std::size_t kMinCompressed = 64;
    /// Slots of the table of values interned lately (a power of two).
    static constexpr std::size_t kRecentSlots = 4096;
    /// Interns answered from that table (for tests and benchmarks).
    std::uint64_t recentHits() const { return m_recentHits; }

private:
    struct Dictionary;

    // read(), under m_mutex.
    std::string_view readLocked(const StoredValue &value, std::string &scratch) const;
    // A live value holding `bytes`, or null.
    ValuePtr find(std::string_view bytes, std::uint64_t hash) const;
    // A new value holding `bytes`, remembered in m_values.
    ValuePtr make(std::string_view bytes, std::uint64_t hash);
    void sweep();
    void sample(std::string_view bytes);
    void train();
    // A frame of `bytes` with the latest dictionary, or "" when it does not save a quarter.
    std::string compress(std::string_view bytes);

    mutable std::mutex m_mutex; // everything below
    std::unordered_multimap<std::uint64_t, std::weak_ptr<const StoredValue>> m_values;
    // The values interned lately, one per slot (picked by hash), with their bytes as written.
    // The members apply the same entries a little apart, so the second and third intern of a
    // value find it here: no lookup in m_values, and no decompressing to compare.
    struct Recent {
        std::uint64_t hash = 0;
        std::weak_ptr<const StoredValue> value;
        std::string bytes;
    };
    std::vector<Recent> m_recent;
    std::uint64_t m_recentHits = 0;
    std::size_t m_sweepAt = 4096;

    Stats m_stats;
    std::vector<std::string> m_samples;  // a ring of the latest values, while sampling
    std::uint64_t m_seen = 0;            // values long enough to compress, interned so far
    std::uint64_t m_trainAt = kTrainingSamples;
    std::vector<std::unique_ptr<Dictionary>> m_dictionaries;
    ZSTD_CCtx_s *m_cctx = nullptr;
    ZSTD_DCtx_s *m_dctx = nullptr;
};

} // namespace quorum::store
