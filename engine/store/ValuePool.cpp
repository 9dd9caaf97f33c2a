#include "engine/store/ValuePool.h"

#include "engine/store/Invariant.h"

#include <zdict.h>
#include <zstd.h>

#include <algorithm>

namespace quorum::store {

namespace {

constexpr std::size_t kDictionaryCapacity = 16 * 1024;
// zstd's fastest level: a pod of about 1.3 KB becomes a frame of about 150 bytes against the
// dictionary, in a few microseconds.
constexpr int kLevel = 1;
// Each dictionary after the first is trained when the count of values has grown this much.
constexpr std::uint64_t kTrainingGrowth = 8;

} // namespace

struct ValuePool::Dictionary {
    std::string bytes;
    ZSTD_CDict *compress = nullptr;
    ZSTD_DDict *decompress = nullptr;
    ~Dictionary()
    {
        ZSTD_freeCDict(compress);
        ZSTD_freeDDict(decompress);
    }
};

StoredValue::StoredValue(std::string_view bytes, std::uint64_t hash)
    : m_bytes(bytes), m_hash(hash), m_size(static_cast<std::uint32_t>(bytes.size()))
{
    QUORUM_STORE_CHECK(bytes.size() <= 0xffffffffu, "a value of 4 GiB or more");
}

StoredValue::StoredValue(std::string frame, std::uint64_t hash, std::size_t size, std::uint8_t dictionary)
    : m_bytes(std::move(frame)), m_hash(hash), m_size(static_cast<std::uint32_t>(size)), m_compressed(true),
      m_dictionary(dictionary)
{
}

ValuePool::~ValuePool()
{
    ZSTD_freeCCtx(m_cctx);
    ZSTD_freeDCtx(m_dctx);
}

ValuePool::ValuePool() : m_recent(kRecentSlots) {}

ValuePtr ValuePool::intern(std::string_view bytes, std::uint64_t hash)
{
    std::lock_guard lock(m_mutex);
    Recent &recent = m_recent[hash & (kRecentSlots - 1)];
    if (recent.hash == hash && recent.bytes == bytes) {
        if (ValuePtr v = recent.value.lock()) {
            ++m_recentHits;
            return v;
        }
    }
    ValuePtr v = find(bytes, hash);
    if (!v)
        v = make(bytes, hash);
    recent.hash = hash;
    recent.value = v;
    recent.bytes.assign(bytes);
    return v;
}

ValuePtr ValuePool::find(std::string_view bytes, std::uint64_t hash) const
{
    std::string scratch;
    auto [it, end] = m_values.equal_range(hash);
    for (; it != end; ++it) {
        ValuePtr v = it->second.lock();
        if (v && v->size() == bytes.size() && readLocked(*v, scratch) == bytes)
            return v;
    }
    return nullptr;
}

ValuePtr ValuePool::make(std::string_view bytes, std::uint64_t hash)
{
    ValuePtr v;
    if (bytes.size() >= kMinCompressed) {
        ++m_seen;
        sample(bytes);
        if (std::string frame = m_dictionaries.empty() ? std::string() : compress(bytes); !frame.empty())
            v = std::make_shared<const StoredValue>(std::move(frame), hash, bytes.size(),
                                                    static_cast<std::uint8_t>(m_dictionaries.size() - 1));
    }
    if (!v)
        v = std::make_shared<const StoredValue>(bytes, hash);
    m_values.emplace(hash, v);
    if (m_values.size() >= m_sweepAt)
        sweep();
    return v;
}

void ValuePool::sweep()
{
    // Amortized: the next sweep waits until the pool has doubled again.
    std::erase_if(m_values, [](const auto &entry) { return entry.second.expired(); });
    m_sweepAt = std::max<std::size_t>(4096, 2 * m_values.size());
}

void ValuePool::sample(std::string_view bytes)
{
    if (m_dictionaries.size() >= kMaxDictionaries || m_seen + kTrainingSamples <= m_trainAt)
        return;
    // The ring holds the latest kTrainingSamples values before the next training.
    if (m_samples.size() < kTrainingSamples)
        m_samples.emplace_back(bytes);
    else
        m_samples[m_seen % kTrainingSamples].assign(bytes);
    if (m_seen >= m_trainAt)
        train();
}

void ValuePool::train()
{
    std::string samples;
    std::vector<std::size_t> sizes;
    for (const std::string &s : m_samples) {
        samples += s;
        sizes.push_back(s.size());
    }
    auto dictionary = std::make_unique<Dictionary>();
    dictionary->bytes.resize(kDictionaryCapacity);
    const std::size_t n = ZDICT_trainFromBuffer(dictionary->bytes.data(), dictionary->bytes.size(), samples.data(),
                                                sizes.data(), static_cast<unsigned>(sizes.size()));
    if (ZDICT_isError(n)) {
        // Too few or too alike to train on: the latest samples serve as a raw-content dictionary.
        const std::size_t take = std::min(samples.size(), kDictionaryCapacity);
        dictionary->bytes.assign(samples, samples.size() - take, take);
    } else {
        dictionary->bytes.resize(n);
    }
    m_samples.clear();
    m_samples.shrink_to_fit();
    m_trainAt *= kTrainingGrowth;

    if (!m_cctx) {
        m_cctx = ZSTD_createCCtx();
        m_dctx = ZSTD_createDCtx();
        QUORUM_STORE_CHECK(m_cctx && m_dctx, "zstd: out of memory");
        // Sizes and integrity live beside the frame (StoredValue), so the frame carries neither.
        ZSTD_CCtx_setParameter(m_cctx, ZSTD_c_contentSizeFlag, 0);
        ZSTD_CCtx_setParameter(m_cctx, ZSTD_c_checksumFlag, 0);
        ZSTD_CCtx_setParameter(m_cctx, ZSTD_c_dictIDFlag, 0);
    }
    dictionary->compress = ZSTD_createCDict(dictionary->bytes.data(), dictionary->bytes.size(), kLevel);
    dictionary->decompress = ZSTD_createDDict(dictionary->bytes.data(), dictionary->bytes.size());
    QUORUM_STORE_CHECK(dictionary->compress && dictionary->decompress, "zstd: out of memory");
    ZSTD_CCtx_refCDict(m_cctx, dictionary->compress);
    m_dictionaries.push_back(std::move(dictionary));
}

std::string ValuePool::compress(std::string_view bytes)
{
    std::string frame(ZSTD_compressBound(bytes.size()), '\0');
    const std::size_t n = ZSTD_compress2(m_cctx, frame.data(), frame.size(), bytes.data(), bytes.size());
    QUORUM_STORE_CHECK(!ZSTD_isError(n), std::string("zstd: ") + ZSTD_getErrorName(n));
    // Keep the frame only when it saves at least a quarter.
    if (n * 4 > bytes.size() * 3)
        return {};
    frame.resize(n);
    frame.shrink_to_fit();
    ++m_stats.frames;
    m_stats.frameBytes += n;
    m_stats.rawBytes += bytes.size();
    return frame;
}

ValuePtr ValuePool::superseded(const ValuePtr &value)
{
    if (!value || value->compressed() || value->size() < kMinCompressed)
        return value;
    std::lock_guard lock(m_mutex);
    if (m_dictionaries.empty())
        return value;
    if (ValuePtr shared = value->m_supersededForm.lock())
        return shared;
    ValuePtr result = value;
    if (std::string frame = compress(value->stored()); !frame.empty())
        result = std::make_shared<const StoredValue>(std::move(frame), value->hash(), value->size(),
                                                     static_cast<std::uint8_t>(m_dictionaries.size() - 1));
    value->m_supersededForm = result;
    return result;
}

std::string_view ValuePool::read(const StoredValue &value, std::string &scratch) const
{
    if (!value.compressed())
        return value.stored();
    std::lock_guard lock(m_mutex);
    return readLocked(value, scratch);
}

std::string_view ValuePool::readLocked(const StoredValue &value, std::string &scratch) const
{
    if (!value.compressed())
        return value.stored();
    QUORUM_STORE_CHECK(value.m_dictionary < m_dictionaries.size(),
                       "a compressed value read through a pool without its dictionary");
    scratch.resize(value.size());
    const std::size_t n =
        ZSTD_decompress_usingDDict(m_dctx, scratch.data(), scratch.size(), value.stored().data(),
                                   value.stored().size(), m_dictionaries[value.m_dictionary]->decompress);
    QUORUM_STORE_CHECK(!ZSTD_isError(n) && n == value.size(),
                       std::string("zstd: a stored value does not decompress: ") +
                           (ZSTD_isError(n) ? ZSTD_getErrorName(n) : "wrong length"));
    return scratch;
}

} // namespace quorum::store
