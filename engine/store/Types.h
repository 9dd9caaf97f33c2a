#pragma once

// Value types shared by the store's commands, results, watches and snapshots.
// Semantics follow etcd's v3 API (mvccpb.KeyValue, mvccpb.Event, RangeRequest).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::store {

/// Expected failures of the store. They are results, never exceptions or aborts.
enum class Error {
    None,
    Compacted,       ///< the revision asked for has been compacted away (etcd ErrCompacted)
    FutureRevision,  ///< the revision asked for is newer than the store's (etcd ErrFutureRev)
    EmptyKey,        ///< a request without a key (etcd ErrEmptyKey)
    DuplicateKey,    ///< one txn branch writes the same key twice (etcd ErrDuplicateKey)
    TooManyOps,      ///< a txn branch has more than kMaxTxnOps operations
    LeaseNotFound,   ///< the lease does not exist (etcd ErrLeaseNotFound)
    LeaseExists,     ///< LeaseGrant of an id already in use
    InvalidTtl,      ///< lease TTL out of range (1 ms .. kMaxLeaseTtlMs)
    InvalidLeaseId,  ///< negative lease id
    CorruptCommand,  ///< the entry's bytes are not a valid command
    AlreadyApplied,  ///< apply() of an index at or below the applied index; nothing changed
};

/// Stable short name, e.g. "compacted"; used in messages and test output.
const char *toString(Error error);

/// Most operations a txn branch may hold (etcd's --max-txn-ops default).
inline constexpr std::size_t kMaxTxnOps = 128;
/// Longest lease TTL accepted (etcd's MaxLeaseTTL, 9,000,000,000 s, in milliseconds).
inline constexpr std::int64_t kMaxLeaseTtlMs = 9'000'000'000'000;

/// One version of one key, as etcd's mvccpb.KeyValue.
struct KeyValue {
    std::string key;
    std::int64_t createRevision = 0;  ///< revision of the put that (re)created the key
    std::int64_t modRevision = 0;     ///< revision of the last change of the key
    std::int64_t version = 0;         ///< 1 at creation, +1 per put; a delete resets it
    std::string value;
    std::int64_t lease = 0;           ///< attached lease id, 0 for none
    bool operator==(const KeyValue &) const = default;
};

enum class EventType { Put, Delete };
const char *toString(EventType type);

/// One change, as etcd's mvccpb.Event. For a Delete, kv holds only the key and
/// modRevision (the revision of the delete), like etcd.
struct Event {
    EventType type = EventType::Put;
    KeyValue kv;
    std::optional<KeyValue> prevKv;  ///< the key before the change, when asked for and still in history
    bool operator==(const Event &) const = default;
};

/// A read of a key or a range (etcd RangeRequest without sorting and min/max filters).
/// rangeEnd: empty = just `key`; "\0" = every key >= key; otherwise [key, rangeEnd).
struct Range {
    std::string key;
    std::string rangeEnd;
    std::int64_t revision = 0;  ///< <= 0: the latest revision; otherwise a historic one
    std::int64_t limit = 0;     ///< <= 0: no limit
    bool countOnly = false;     ///< return only the count
    bool keysOnly = false;      ///< return kvs without values
    bool operator==(const Range &) const = default;
};

/// What a Range returns. count is the number of keys in the range (before limit);
/// more says the limit cut the result short.
struct RangeResult {
    Error error = Error::None;
    std::string message;
    std::int64_t revision = 0;  ///< the store's revision when the read was served
    std::vector<KeyValue> kvs;
    std::int64_t count = 0;
    bool more = false;
    bool operator==(const RangeResult &) const = default;
};

/// Identifies a watcher on one member. Watchers are local to a member, not replicated.
using WatchId = std::int64_t;

/// What a watcher wants (etcd WatchCreateRequest filters and prev_kv).
struct WatchFilter {
    bool noPut = false;     ///< drop PUT events
    bool noDelete = false;  ///< drop DELETE events
    bool prevKv = false;    ///< include the key-value before each change
    bool operator==(const WatchFilter &) const = default;
};

/// Answer to KvStore::watch. On Error::Compacted no watcher was created and compactRevision
/// says the oldest revision one may start from.
struct WatchCreateResult {
    WatchId id = 0;
    Error error = Error::None;
    std::string message;
    std::int64_t compactRevision = 0;
};

/// Events taken from a watcher, oldest first. `exists` is false for an unknown or cancelled
/// id. Error::Compacted means the watcher fell behind a compaction (after restoring a newer
/// snapshot) and was cancelled; start a new one from compactRevision or later.
struct WatchBatch {
    bool exists = false;
    std::vector<Event> events;
    Error error = Error::None;
    std::int64_t compactRevision = 0;
};

/// A lease as seen on this member. remainingMs comes from this member's deadline, which only
/// the leader's is meant to be acted on (see KvStore::expiredLeases).
struct LeaseInfo {
    std::int64_t id = 0;
    std::int64_t ttlMs = 0;        ///< granted TTL
    std::int64_t remainingMs = 0;  ///< deadline - now, at least 0
    std::uint64_t keepAlives = 0;  ///< keep-alives applied since the grant
    std::vector<std::string> keys; ///< attached keys, sorted
    bool operator==(const LeaseInfo &) const = default;
};

/// The smallest key after every key that starts with `prefix` (etcd clientv3.GetPrefixRangeEnd):
/// "abc" -> "abd", "a\xff" -> "b"; a prefix of only 0xff bytes (or empty) gives "\0", all keys.
std::string prefixEnd(std::string_view prefix);

/// True when `key` lies in the etcd-style range [begin, rangeEnd) (see Range::rangeEnd).
bool inRange(std::string_view key, std::string_view begin, std::string_view rangeEnd);

} // namespace quorum::store
