#include "engine/store/ValuePool.h"

namespace quorum::store {

std::shared_ptr<const std::string> ValuePool::intern(std::string_view bytes, std::uint64_t hash)
{
    auto [it, end] = m_values.equal_range(hash);
    for (; it != end; ++it)
        if (std::shared_ptr<const std::string> v = it->second.lock(); v && *v == bytes)
            return v;
    auto v = std::make_shared<const std::string>(bytes);
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

} // namespace quorum::store
