#pragma once

// Internal to engine/store: the leases (the role of etcd's lessor).
//
// Replicated state: id, TTL, keep-alive count, attached keys. Local state: each lease's
// deadline on this member, from the nowMs given when a grant or keep-alive was applied (or at
// restore / promote). Deadlines are never part of snapshots or hashes, so members whose clocks
// differ still agree byte for byte; expiry becomes replicated through LeaseExpire commands.

#include "engine/store/Codec.h"
#include "engine/store/Command.h"
#include "engine/store/Types.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace quorum::store {

struct Lease {
    std::int64_t ttlMs = 0;
    std::uint64_t keepAlives = 0;
    std::set<std::string, std::less<>> keys;
    std::int64_t deadlineMs = 0;  ///< local to this member
};

class Lessor {
public:
    const Lease *find(std::int64_t id) const;
    bool contains(std::int64_t id) const { return find(id) != nullptr; }
    std::size_t size() const { return m_leases.size(); }

    /// The id a LeaseGrant with id 0 gets: the first unused id after the last one chosen so.
    std::int64_t nextAutoId() const;
    /// Creates a lease. Preconditions: id > 0 and unused, ttl in range.
    void grant(std::int64_t id, std::int64_t ttlMs, std::int64_t nowMs, bool autoId);
    /// Renews a lease. Precondition: it exists.
    void keepAlive(std::int64_t id, std::int64_t nowMs);
    /// Removes a lease and returns its keys (sorted). Precondition: it exists.
    std::set<std::string, std::less<>> revoke(std::int64_t id);

    /// Attaches `key` to lease `id`; id 0 does nothing. Precondition: the lease exists.
    void attach(std::int64_t id, const std::string &key);
    /// Detaches `key` from lease `id`; id 0 does nothing. Precondition: it is attached.
    void detach(std::int64_t id, std::string_view key);

    /// Leases whose local deadline is at or before nowMs, by id, at most `limit`.
    std::vector<ExpiredLease> expired(std::int64_t nowMs, std::size_t limit) const;
    /// Sets every deadline to nowMs + TTL (after a restore, or when this member becomes leader).
    void resetDeadlines(std::int64_t nowMs);
    std::optional<LeaseInfo> info(std::int64_t id, std::int64_t nowMs) const;
    std::vector<std::int64_t> ids() const;

    /// Snapshot encoding of the replicated part (keys are rebuilt from the history).
    void encode(codec::ByteWriter &w) const;
    bool decode(codec::ByteReader &r, std::int64_t nowMs);

private:
    std::map<std::int64_t, Lease> m_leases;
    std::int64_t m_lastAutoId = 0;
};

/// now + ttl, saturated so that no clock value can overflow.
std::int64_t deadlineAfter(std::int64_t nowMs, std::int64_t ttlMs);

} // namespace quorum::store
