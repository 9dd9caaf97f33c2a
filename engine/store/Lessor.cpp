#include "engine/store/Lessor.h"

#include "engine/store/Invariant.h"

#include <algorithm>
#include <limits>

namespace quorum::store {

namespace {
// Bound on the last chosen id read from a snapshot, so that nextAutoId() cannot overflow.
constexpr std::int64_t kMaxLastAutoId = std::int64_t{1} << 62;
}

std::int64_t deadlineAfter(std::int64_t nowMs, std::int64_t ttlMs)
{
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
    if (ttlMs > 0 && nowMs > kMax - ttlMs)
        return kMax;
    if (ttlMs < 0 && nowMs < kMin - ttlMs)
        return kMin;
    return nowMs + ttlMs;
}

const Lease *Lessor::find(std::int64_t id) const
{
    auto it = m_leases.find(id);
    return it == m_leases.end() ? nullptr : &it->second;
}

std::int64_t Lessor::nextAutoId() const
{
    std::int64_t id = m_lastAutoId + 1;
    for (auto it = m_leases.lower_bound(id); it != m_leases.end() && it->first == id; ++it)
        ++id;
    return id;
}

void Lessor::grant(std::int64_t id, std::int64_t ttlMs, std::int64_t nowMs, bool autoId)
{
    QUORUM_STORE_CHECK(id > 0 && !contains(id), "grant of lease " + std::to_string(id));
    Lease &lease = m_leases[id];
    lease.ttlMs = ttlMs;
    lease.deadlineMs = deadlineAfter(nowMs, ttlMs);
    if (autoId)
        m_lastAutoId = id;
}

void Lessor::keepAlive(std::int64_t id, std::int64_t nowMs)
{
    auto it = m_leases.find(id);
    QUORUM_STORE_CHECK(it != m_leases.end(), "keep-alive of missing lease " + std::to_string(id));
    ++it->second.keepAlives;
    it->second.deadlineMs = deadlineAfter(nowMs, it->second.ttlMs);
}

std::set<std::string, std::less<>> Lessor::revoke(std::int64_t id)
{
    auto it = m_leases.find(id);
    QUORUM_STORE_CHECK(it != m_leases.end(), "revoke of missing lease " + std::to_string(id));
    auto keys = std::move(it->second.keys);
    m_leases.erase(it);
    return keys;
}

void Lessor::attach(std::int64_t id, const std::string &key)
{
    if (id == 0)
        return;
    auto it = m_leases.find(id);
    QUORUM_STORE_CHECK(it != m_leases.end(), "attach of '" + key + "' to missing lease " + std::to_string(id));
    it->second.keys.insert(key);
}

void Lessor::detach(std::int64_t id, std::string_view key)
{
    if (id == 0)
        return;
    auto it = m_leases.find(id);
    QUORUM_STORE_CHECK(it != m_leases.end(), "detach from missing lease " + std::to_string(id));
    auto k = it->second.keys.find(key);
    QUORUM_STORE_CHECK(k != it->second.keys.end(),
                       "key '" + std::string(key) + "' not attached to lease " + std::to_string(id));
    it->second.keys.erase(k);
}

std::vector<ExpiredLease> Lessor::expired(std::int64_t nowMs, std::size_t limit) const
{
    std::vector<ExpiredLease> out;
    for (const auto &[id, lease] : m_leases) {
        if (out.size() >= limit)
            break;
        if (lease.deadlineMs <= nowMs)
            out.push_back({id, lease.keepAlives});
    }
    return out;
}

void Lessor::resetDeadlines(std::int64_t nowMs)
{
    for (auto &[id, lease] : m_leases)
        lease.deadlineMs = deadlineAfter(nowMs, lease.ttlMs);
}

std::optional<LeaseInfo> Lessor::info(std::int64_t id, std::int64_t nowMs) const
{
    const Lease *lease = find(id);
    if (!lease)
        return std::nullopt;
    LeaseInfo out;
    out.id = id;
    out.ttlMs = lease->ttlMs;
    if (lease->deadlineMs > nowMs) {
        // Unsigned arithmetic: the difference of any two int64 values fits in uint64.
        const auto diff = static_cast<std::uint64_t>(lease->deadlineMs) - static_cast<std::uint64_t>(nowMs);
        out.remainingMs = static_cast<std::int64_t>(
            std::min<std::uint64_t>(diff, static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())));
    }
    out.keepAlives = lease->keepAlives;
    out.keys.assign(lease->keys.begin(), lease->keys.end());
    return out;
}

std::vector<std::int64_t> Lessor::ids() const
{
    std::vector<std::int64_t> out;
    out.reserve(m_leases.size());
    for (const auto &entry : m_leases)
        out.push_back(entry.first);
    return out;
}

void Lessor::encode(codec::ByteWriter &w) const
{
    w.svarint(m_lastAutoId);
    w.varint(m_leases.size());
    for (const auto &[id, lease] : m_leases) {
        w.svarint(id);
        w.svarint(lease.ttlMs);
        w.varint(lease.keepAlives);
    }
}

bool Lessor::decode(codec::ByteReader &r, std::int64_t nowMs)
{
    m_leases.clear();
    const std::size_t start = r.offset();
    if (!r.svarint(m_lastAutoId, "lastAutoLeaseId"))
        return false;
    if (m_lastAutoId < 0 || m_lastAutoId > kMaxLastAutoId)
        return r.failAt(start, "lastAutoLeaseId", "out of range");
    std::size_t n = 0;
    if (!r.count(n, "leaseCount", 3))
        return false;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t at = r.offset();
        std::int64_t id = 0;
        Lease lease;
        bool ok = r.svarint(id, "id") && r.svarint(lease.ttlMs, "ttlMs") && r.varint(lease.keepAlives, "keepAlives");
        if (ok && id <= 0)
            ok = r.failAt(at, "id", "lease id " + std::to_string(id) + " out of range");
        if (ok && !m_leases.empty() && id <= m_leases.rbegin()->first)
            ok = r.failAt(at, "id", "lease ids not in increasing order");
        if (ok && (lease.ttlMs < 1 || lease.ttlMs > kMaxLeaseTtlMs))
            ok = r.failAt(at, "ttlMs", "TTL " + std::to_string(lease.ttlMs) + " out of range");
        if (!ok) {
            r.withinIndex(i);
            r.within("leases");
            m_leases.clear();
            return false;
        }
        lease.deadlineMs = deadlineAfter(nowMs, lease.ttlMs);
        m_leases.emplace_hint(m_leases.end(), id, std::move(lease));
    }
    return true;
}

} // namespace quorum::store
