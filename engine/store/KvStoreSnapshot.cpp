// KvStore: watches, lease queries, snapshots and hashes (the member-local and the
// whole-state parts; applying commands is in KvStore.cpp).

#include "engine/checksum/Crc32c.h"
#include "engine/store/KvStore.h"

#include "engine/store/Codec.h"
#include "engine/store/Invariant.h"

namespace quorum::store {

namespace {

constexpr std::string_view kSnapshotMagic = "QSNP";
constexpr std::uint8_t kSnapshotFormatVersion = 1;
constexpr std::size_t kChecksumBytes = 4;

} // namespace

// ---- watches -----------------------------------------------------------------------------

WatchCreateResult KvStore::watch(std::string key, std::string rangeEnd, std::int64_t startRevision, WatchFilter filter)
{
    WatchCreateResult out;
    if (startRevision > 0 && startRevision < m_history.compactRevision()) {
        out.error = Error::Compacted;
        out.compactRevision = m_history.compactRevision();
        out.message = "watch: start revision " + std::to_string(startRevision) +
                      " has been compacted (compact revision " + std::to_string(out.compactRevision) + ")";
        return out;
    }
    const std::int64_t start = startRevision > 0 ? startRevision : m_history.currentRevision() + 1;
    out.id = m_watches.add(std::move(key), std::move(rangeEnd), filter, start);
    replay(*m_watches.find(out.id));
    return out;
}

void KvStore::replay(WatchHub::Watcher &watcher) const
{
    if (watcher.nextRevision > m_history.currentRevision())
        return;
    const std::vector<Event> events = m_history.eventsSince(watcher.key, watcher.rangeEnd, watcher.nextRevision);
    WatchHub::deliver(watcher, events, m_history.currentRevision());
}

bool KvStore::cancelWatch(WatchId id)
{
    return m_watches.cancel(id);
}

void KvStore::setValuePool(std::shared_ptr<ValuePool> pool)
{
    m_pool = std::move(pool);
    m_history.setValuePool(m_pool.get());
}

void KvStore::cancelAllWatches()
{
    m_watches.watchers().clear();
}

WatchBatch KvStore::takeEvents(WatchId id, std::int64_t upTo)
{
    return m_watches.take(id, upTo);
}

// ---- leases ------------------------------------------------------------------------------

std::vector<ExpiredLease> KvStore::expiredLeases(std::int64_t nowMs, std::size_t limit) const
{
    return m_lessor.expired(nowMs, limit);
}

void KvStore::promote(std::int64_t nowMs)
{
    m_lessor.resetDeadlines(nowMs);
}

std::optional<LeaseInfo> KvStore::leaseTimeToLive(std::int64_t id, std::int64_t nowMs) const
{
    return m_lessor.info(id, nowMs);
}

// ---- snapshots ---------------------------------------------------------------------------

void KvStore::encodeState(std::string &out) const
{
    codec::ByteWriter w(out);
    m_history.encode(w);
    m_lessor.encode(w);
}

std::string KvStore::snapshot() const
{
    std::string out(kSnapshotMagic);
    codec::ByteWriter w(out);
    w.u8(kSnapshotFormatVersion);
    w.varint(m_appliedIndex);
    encodeState(out);
    w.fixed32(checksum::crc32c(out));
    return out;
}

std::uint32_t KvStore::hash() const
{
    // O(1) in the history (History keeps its digest up to date); the lessor's state is small.
    std::string state;
    codec::ByteWriter w(state);
    w.svarint(m_history.currentRevision());
    w.svarint(m_history.compactRevision());
    w.varint(m_history.digest());
    m_lessor.encode(w);
    return checksum::crc32c(state);
}

RestoreResult KvStore::restore(const std::string &bytes, std::int64_t nowMs)
{
    const std::string_view all(bytes);
    if (all.size() < kSnapshotMagic.size() || all.substr(0, kSnapshotMagic.size()) != kSnapshotMagic)
        return {"snapshot: not a store snapshot (bad magic at byte 0)"};
    if (all.size() < kSnapshotMagic.size() + 1 + kChecksumBytes)
        return {"snapshot: truncated (" + std::to_string(all.size()) + " bytes)"};
    const auto version = static_cast<std::uint8_t>(all[kSnapshotMagic.size()]);
    if (version != kSnapshotFormatVersion)
        return {"snapshot: unsupported format version " + std::to_string(version) + " at byte 4 (expected " +
                std::to_string(kSnapshotFormatVersion) + ")"};

    const std::string_view payload = all.substr(0, all.size() - kChecksumBytes);
    codec::ByteReader tail(all.substr(payload.size()));
    std::uint32_t stored = 0;
    tail.fixed32(stored, "checksum");
    const std::uint32_t computed = checksum::crc32c(payload);
    if (stored != computed)
        return {"snapshot: checksum mismatch (stored " + std::to_string(stored) + ", computed " +
                std::to_string(computed) + "): the snapshot is truncated or corrupt"};

    codec::ByteReader r(payload);
    std::uint8_t skip = 0;
    for (std::size_t i = 0; i <= kSnapshotMagic.size(); ++i)
        r.u8(skip, "header");
    std::uint64_t appliedIndex = 0;
    History history;
    history.setValuePool(m_pool.get());
    Lessor lessor;
    bool ok = r.varint(appliedIndex, "appliedIndex");
    ok = ok && (history.decode(r) || r.within("history"));
    ok = ok && (lessor.decode(r, nowMs) || r.within("leases"));
    ok = ok && r.expectEnd("end");
    if (!ok)
        return {"snapshot: " + r.error()};

    // Re-attach keys to leases: every live key's lease must exist.
    for (const auto &[key, versions] : history.keys()) {
        const KeyRevision &latest = versions.back();
        if (latest.tombstone() || latest.lease == 0)
            continue;
        if (!lessor.contains(latest.lease))
            return {"snapshot: key '" + key + "' is attached to lease " + std::to_string(latest.lease) +
                    ", which does not exist"};
        lessor.attach(latest.lease, key);
    }

    m_history = std::move(history);
    m_lessor = std::move(lessor);
    m_appliedIndex = appliedIndex;
    for (auto &[id, watcher] : m_watches.watchers()) {
        if (watcher.compacted)
            continue;
        if (watcher.nextRevision < m_history.compactRevision()) {
            watcher.compacted = true;
            watcher.compactRevision = m_history.compactRevision();
        } else {
            replay(watcher);
        }
    }
    return {};
}

} // namespace quorum::store
