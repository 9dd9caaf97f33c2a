#pragma once

// The replicated key-value state machine: etcd's mvcc and lease layers, applied from Raft's
// committed entries. Every member applies the same commands in the same order and ends in
// byte-identical state (snapshot(), hash()) with identical ApplyResults.
//
// Revisions follow etcd: an empty store is at revision 1; each write txn that changes something
// takes the next revision, its changes numbered by sub-revision; a key records the revision of
// its creation, of its last change and its version (1 at creation, +1 per put, reset by a
// delete). Deletes stay in history as tombstones until compacted.
//
// Thread rules: none inside. A KvStore is used from one thread at a time.

#include "engine/store/Command.h"
#include "engine/store/History.h"
#include "engine/store/Lessor.h"
#include "engine/store/Types.h"
#include "engine/store/WatchHub.h"

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::store {

/// Result of one operation (of a Put, a DeleteRange, or one op of the txn branch that ran).
struct OpResult {
    enum class Kind { Range, Put, DeleteRange };
    Kind kind = Kind::Put;
    std::vector<KeyValue> kvs;       ///< Range: the kvs read; DeleteRange: the deleted kvs if prevKv asked
    std::optional<KeyValue> prevKv;  ///< Put with prevKv: the key before, if it existed
    std::int64_t count = 0;          ///< Range: keys in range (before limit); DeleteRange: keys deleted
    bool more = false;               ///< Range: the limit cut the result short
    bool operator==(const OpResult &) const = default;
};

/// What applying one entry gave. Identical on every member for the same entry.
struct ApplyResult {
    std::uint64_t requestId = 0;  ///< from the command; 0 when it could not be decoded
    std::uint64_t index = 0;      ///< the Raft index applied
    std::int64_t revision = 0;    ///< the store's revision after the command (etcd header revision)
    Error error = Error::None;    ///< on error nothing changed (but the index counts as applied)
    std::string message;
    bool succeeded = true;              ///< Txn: whether the compares held
    std::vector<OpResult> ops;          ///< Put / DeleteRange: one; Txn: one per op of the branch run
    std::int64_t leaseId = 0;           ///< LeaseGrant / LeaseKeepAlive / LeaseRevoke: the lease
    std::int64_t ttlMs = 0;             ///< LeaseGrant / LeaseKeepAlive: the granted TTL
    std::vector<std::int64_t> revoked;  ///< LeaseExpire: the leases actually revoked
    bool ok() const { return error == Error::None; }
    bool operator==(const ApplyResult &) const = default;
};

/// Answer to restore(): empty error on success.
struct RestoreResult {
    std::string error;
    bool ok() const { return error.empty(); }
};

class KvStore {
public:
    KvStore() = default;
    /// Shares value bytes with the other stores using `pool` (the members of one simulated
    /// cluster); changes nothing a reader or a snapshot sees.
    void setValuePool(std::shared_ptr<ValuePool> pool);

    // ---- applying ------------------------------------------------------------------------

    /// Applies the command in a committed entry. `index` is the entry's Raft index and must
    /// exceed appliedIndex() (lower ones return Error::AlreadyApplied and change nothing, so a
    /// restarted member can replay its log). Undecodable bytes return Error::CorruptCommand with
    /// a message, and still count as applied: every member sees the same bytes.
    /// `nowMs` is this member's virtual time; it only moves local lease deadlines and never
    /// reaches the replicated state or the result.
    ApplyResult apply(std::uint64_t index, std::string_view commandBytes, std::int64_t nowMs);
    /// The same for a decoded command (tests, benchmarks, an in-process proposer).
    ApplyResult apply(std::uint64_t index, const Command &command, std::int64_t nowMs);

    std::uint64_t appliedIndex() const { return m_appliedIndex; }
    std::int64_t revision() const { return m_history.currentRevision(); }
    std::int64_t compactRevision() const { return m_history.compactRevision(); }

    // ---- reading -------------------------------------------------------------------------

    /// Reads a key or range at the latest or a historic revision (Error::Compacted below
    /// compactRevision(), Error::FutureRevision above revision(), Error::EmptyKey without key).
    /// A read served from one member is as fresh as what that member applied.
    RangeResult range(const Range &request) const;
    /// Shorthand: the latest live value of one key.
    std::optional<KeyValue> get(std::string_view key) const;

    // ---- watching (local to this member) -------------------------------------------------

    /// Watches [key, rangeEnd) from startRevision (<= 0: from the next revision). Events already
    /// in history are queued at once, later ones as they are applied, in revision order.
    /// Error::Compacted (no watcher) when startRevision < compactRevision().
    WatchCreateResult watch(std::string key, std::string rangeEnd, std::int64_t startRevision,
                            WatchFilter filter = {});
    /// Removes a watcher; false when unknown.
    bool cancelWatch(WatchId id);
    /// Cancels every watch (the process that held them is gone).
    void cancelAllWatches();
    /// Takes the pending events of one watcher: those at revisions up to `upTo` (all by
    /// default; a driver that has applied entries ahead of what it shows passes the revision it
    /// shows, so the later events wait for the next take).
    WatchBatch takeEvents(WatchId id, std::int64_t upTo = std::numeric_limits<std::int64_t>::max());
    /// Watchers with pending events or a notice, by id.
    std::vector<WatchId> readyWatches() const { return m_watches.ready(); }
    std::size_t watchCount() const { return m_watches.size(); }

    // ---- leases --------------------------------------------------------------------------

    /// Leases whose deadline on this member is at or before nowMs, by id, at most `limit`.
    /// The leader proposes them in a LeaseExpire command; only that revokes anything.
    std::vector<ExpiredLease> expiredLeases(std::int64_t nowMs, std::size_t limit = std::numeric_limits<std::size_t>::max()) const;
    /// Restarts every lease's deadline at nowMs + TTL. Call when this member becomes leader,
    /// so a lease never expires early because of the leadership change (etcd's Promote).
    void promote(std::int64_t nowMs);
    /// A lease's TTL, remaining time on this member and keys (etcd LeaseTimeToLive).
    std::optional<LeaseInfo> leaseTimeToLive(std::int64_t id, std::int64_t nowMs) const;
    /// Ids of all leases, ascending.
    std::vector<std::int64_t> leases() const { return m_lessor.ids(); }

    // ---- snapshots -----------------------------------------------------------------------

    /// The replicated state (history, revisions, leases, applied index) in a deterministic,
    /// checksummed encoding. Watchers and lease deadlines are not in it.
    std::string snapshot() const;
    /// Replaces the state with a snapshot's. Strict: a truncated, corrupt or inconsistent
    /// snapshot is refused with a message and the store is left unchanged. Lease deadlines
    /// restart at nowMs + TTL. Watchers stay: each gets the events it has not seen from the
    /// snapshot's history, or a Compacted notice if that history is gone.
    RestoreResult restore(const std::string &bytes, std::int64_t nowMs);
    /// CRC-32C of the replicated state except the applied index (compare members, as etcd's
    /// HashKV). Equal hashes at equal revisions mean equal states.
    std::uint32_t hash() const;

private:
    ApplyResult execute(std::uint64_t index, const Command &command, std::int64_t nowMs);
    ApplyResult refused(std::uint64_t index, std::uint64_t requestId, Error error, std::string message) const;
    void applyBody(const Put &put, ApplyResult &result);
    void applyBody(const DeleteRange &del, ApplyResult &result);
    void applyBody(const Txn &txn, ApplyResult &result);
    void applyBody(const LeaseGrant &grant, ApplyResult &result);
    void applyBody(const LeaseRevoke &revoke, ApplyResult &result);
    void applyBody(const LeaseKeepAlive &keepAlive, ApplyResult &result);
    void applyBody(const Compact &compact, ApplyResult &result);
    void applyBody(const LeaseExpire &expire, ApplyResult &result);

    // One write txn: begin, changes, end (which moves the revision and notifies watchers).
    void beginWrite();
    void endWrite();
    void writePut(const Put &put, OpResult &result);
    void writeDelete(const DeleteRange &del, OpResult &result);
    void deleteKey(const std::string &key, OpResult *result, bool wantPrev);
    void revokeLease(std::int64_t id);

    bool checkStatic(const std::vector<TxnOp> &ops, ApplyResult &result) const;
    bool checkBranch(const std::vector<TxnOp> &ops, ApplyResult &result) const;
    bool compareHolds(const Compare &compare) const;
    void encodeState(std::string &out) const;
    void replay(WatchHub::Watcher &watcher) const;

    History m_history;
    Lessor m_lessor;
    WatchHub m_watches;
    std::uint64_t m_appliedIndex = 0;
    std::shared_ptr<ValuePool> m_pool;
    std::int64_t m_now = 0;          // nowMs of the entry being applied
    std::vector<Event> m_txnEvents;  // changes of the open write, for watchers
    bool m_collectEvents = false;    // whether the open write records events (any watcher)
    bool m_collectPrevKv = false;    // ... with their previous key-values (a watcher asked for them)
};

} // namespace quorum::store
