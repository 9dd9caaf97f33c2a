#include "engine/store/ValuePool.h"

#include "engine/store/Invariant.h"

#include <zdict.h>
#include <zstd.h>

#include <algorithm>

namespace quorum::store {

namespace {

constexpr std::size_t kDictionaryCapacity = 16 * 1024;
// zstd's fastest level: a superseded pod of about 1 KB becomes a frame of about 100 bytes
// against the dictionary, in a few microseconds.
constexpr int kLevel = 1;

} // namespace

StoredValue::StoredValue(std::string_view bytes, std::uint64_t hash)
    : m_bytes(bytes), m_hash(hash), m_size(static_cast<std::uint32_t>(bytes.size()))
{
    QUORUM_STORE_CHECK(bytes.size() <= 0xffffffffu, "a value of 4 GiB or more");
}

StoredValue::StoredValue(std::string frame, std::uint64_t hash, std::size_t size)
    : m_bytes(std::move(frame)), m_hash(hash), m_size(static_cast<std::uint32_t>(size)), m_compressed(true)
{
}

ValuePool::ValuePool() = default;

ValuePool::~ValuePool()
{
    ZSTD_freeCDict(m_cdict);
    ZSTD_freeDDict(m_ddict);
    ZSTD_freeCCtx(m_cctx);
    ZSTD_freeDCtx(m_dctx);
}

ValuePtr ValuePool::intern(std::string_view bytes, std::uint64_t hash)
{
    auto [it, end] = m_values.equal_range(hash);
    for (; it != end; ++it)
        if (ValuePtr v = it->second.lock(); v && v->stored() == bytes)
            return v;
    auto v = std::make_shared<const StoredValue>(bytes, hash);
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

ValuePtr ValuePool::superseded(const ValuePtr &value)
{
    if (!value || value->compressed() || value->size() < kMinCompressed)
        return value;
    if (ValuePtr shared = value->m_supersededForm.lock())
        return shared;
    if (!m_cdict) {
        // Learn what the values look like first; these stay as they are.
        m_samples.append(value->stored());
        m_sampleSizes.push_back(value->size());
        if (m_sampleSizes.size() >= kTrainingSamples)
            train();
        return value;
    }
    std::string frame(ZSTD_compressBound(value->size()), '\0');
    const std::size_t n = ZSTD_compress2(m_cctx, frame.data(), frame.size(), value->stored().data(),
                                         value->stored().size());
    QUORUM_STORE_CHECK(!ZSTD_isError(n), std::string("zstd: ") + ZSTD_getErrorName(n));
    ValuePtr result = value;
    // Keep the frame only when it saves at least a quarter.
    if (n * 4 <= value->size() * 3) {
        frame.resize(n);
        frame.shrink_to_fit();
        result = std::make_shared<const StoredValue>(std::move(frame), value->hash(), value->size());
        ++m_stats.frames;
        m_stats.frameBytes += n;
        m_stats.rawBytes += value->size();
    }
    value->m_supersededForm = result;
    return result;
}

void ValuePool::train()
{
    m_dictionary.resize(kDictionaryCapacity);
    std::size_t n = ZDICT_trainFromBuffer(m_dictionary.data(), m_dictionary.size(), m_samples.data(),
                                          m_sampleSizes.data(), static_cast<unsigned>(m_sampleSizes.size()));
    if (ZDICT_isError(n)) {
        // Too few or too alike to train on: the latest samples serve as a raw-content dictionary.
        const std::size_t take = std::min(m_samples.size(), kDictionaryCapacity);
        m_dictionary.assign(m_samples, m_samples.size() - take, take);
    } else {
        m_dictionary.resize(n);
    }
    m_samples.clear();
    m_samples.shrink_to_fit();
    m_sampleSizes.clear();
    m_sampleSizes.shrink_to_fit();

    m_cctx = ZSTD_createCCtx();
    m_dctx = ZSTD_createDCtx();
    m_cdict = ZSTD_createCDict(m_dictionary.data(), m_dictionary.size(), kLevel);
    m_ddict = ZSTD_createDDict(m_dictionary.data(), m_dictionary.size());
    QUORUM_STORE_CHECK(m_cctx && m_dctx && m_cdict && m_ddict, "zstd: out of memory");
    // Sizes and integrity live beside the frame (StoredValue), so the frame carries neither.
    ZSTD_CCtx_setParameter(m_cctx, ZSTD_c_contentSizeFlag, 0);
    ZSTD_CCtx_setParameter(m_cctx, ZSTD_c_checksumFlag, 0);
    ZSTD_CCtx_setParameter(m_cctx, ZSTD_c_dictIDFlag, 0);
    ZSTD_CCtx_refCDict(m_cctx, m_cdict);
    ZSTD_DCtx_refDDict(m_dctx, m_ddict);
}

std::string_view ValuePool::read(const StoredValue &value, std::string &scratch) const
{
    if (!value.compressed())
        return value.stored();
    QUORUM_STORE_CHECK(m_ddict, "a compressed value read through a pool without a dictionary");
    scratch.resize(value.size());
    const std::size_t n = ZSTD_decompressDCtx(m_dctx, scratch.data(), scratch.size(), value.stored().data(),
                                              value.stored().size());
    QUORUM_STORE_CHECK(!ZSTD_isError(n) && n == value.size(),
                       std::string("zstd: a stored value does not decompress: ") +
                           (ZSTD_isError(n) ? ZSTD_getErrorName(n) : "wrong length"));
    return scratch;
}

} // namespace quorum::store
