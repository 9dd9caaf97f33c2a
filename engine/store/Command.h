#pragma once

// The commands the store applies from Raft's committed entries, and their binary encoding.
//
// Encoding (version 1): a version byte, the request id, a kind byte, then the command's fields.
// Integers are LEB128 varints (signed ones zigzag-encoded), strings and lists are prefixed by
// their length, flags are one byte whose unknown bits must be zero. Decoding is strict: it
// refuses truncated input, trailing bytes, overlong varints, unknown kinds and flags, and says
// where (field path and byte offset). encodeCommand(decodeCommand(b)) == b for every accepted b.

#include "engine/store/Types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace quorum::store {

/// Write `value` at `key`, attached to `lease` (0 detaches). etcd PutRequest.
struct Put {
    std::string key;
    std::string value;
    std::int64_t lease = 0;
    bool prevKv = false;  ///< return the previous key-value
    bool operator==(const Put &) const = default;
};

/// Delete `key`, or every key in [key, rangeEnd) (rangeEnd as in Range). etcd DeleteRangeRequest.
struct DeleteRange {
    std::string key;
    std::string rangeEnd;
    bool prevKv = false;  ///< return the deleted key-values
    bool operator==(const DeleteRange &) const = default;
};

/// One operation of a txn branch.
using TxnOp = std::variant<Range, Put, DeleteRange>;

/// One condition of a txn, as etcd's Compare. Over a range, every key must satisfy it; a
/// missing key compares as zero (version, revisions, lease 0) and fails every Value compare.
struct Compare {
    enum class Target : std::uint8_t { Version, CreateRevision, ModRevision, Value, Lease };
    enum class Op : std::uint8_t { Equal, NotEqual, Less, Greater };
    Target target = Target::Version;
    Op op = Op::Equal;
    std::string key;
    std::string rangeEnd;
    std::int64_t number = 0;  ///< operand for every target but Value
    std::string value;        ///< operand for Target::Value (bytewise order)
    bool operator==(const Compare &) const = default;
};

/// If every compare holds, run `success`, else `failure`, all in one revision. etcd TxnRequest.
struct Txn {
    std::vector<Compare> compares;
    std::vector<TxnOp> success;
    std::vector<TxnOp> failure;
    bool operator==(const Txn &) const = default;
};

/// Create a lease. id 0 lets the store choose (deterministically: the next unused id after
/// the last one it chose).
struct LeaseGrant {
    std::int64_t id = 0;
    std::int64_t ttlMs = 0;
    bool operator==(const LeaseGrant &) const = default;
};

/// Delete a lease and, in one revision, every key attached to it.
struct LeaseRevoke {
    std::int64_t id = 0;
    bool operator==(const LeaseRevoke &) const = default;
};

/// Renew a lease: its deadline moves to now + TTL and its keep-alive count grows by one.
struct LeaseKeepAlive {
    std::int64_t id = 0;
    bool operator==(const LeaseKeepAlive &) const = default;
};

/// Drop history before `revision` (reads and watches at >= revision keep working).
struct Compact {
    std::int64_t revision = 0;
    bool operator==(const Compact &) const = default;
};

/// A lease the leader saw expire, with the keep-alive count it saw (KvStore::expiredLeases).
struct ExpiredLease {
    std::int64_t id = 0;
    std::uint64_t keepAlives = 0;
    bool operator==(const ExpiredLease &) const = default;
};

/// Revoke leases the leader saw expire. A lease is revoked only if it still exists and its
/// keep-alive count is unchanged, so a keep-alive committed after the leader looked wins.
/// All revoked leases' keys are deleted in one revision.
struct LeaseExpire {
    std::vector<ExpiredLease> leases;
    bool operator==(const LeaseExpire &) const = default;
};

/// One replicated command. requestId is echoed in ApplyResult so the proposer can match it.
struct Command {
    using Body = std::variant<Put, DeleteRange, Txn, LeaseGrant, LeaseRevoke, LeaseKeepAlive, Compact, LeaseExpire>;
    std::uint64_t requestId = 0;
    Body body;
    bool operator==(const Command &) const = default;
};

/// Name of the command's kind: "put", "delete-range", "txn", "lease-grant", ...
const char *kindName(const Command::Body &body);

/// The version byte encodeCommand writes and decodeCommand accepts.
inline constexpr std::uint8_t kCommandFormatVersion = 1;

/// Serializes a command. Pure; any thread.
std::string encodeCommand(const Command &command);

/// A decoded command, or a message naming the field and byte offset where decoding failed.
struct DecodedCommand {
    std::optional<Command> command;
    std::string error;
};

/// Strictly parses what encodeCommand produces. Never reads out of bounds, never allocates more
/// than the input can describe. Pure; any thread.
DecodedCommand decodeCommand(std::string_view bytes);

} // namespace quorum::store
