#include "engine/store/Command.h"

#include "engine/store/Codec.h"

#include <iterator>
#include <type_traits>

namespace quorum::store {

using codec::ByteReader;
using codec::ByteWriter;

namespace {

// Kind bytes of Command::Body alternatives, in variant order (index + 1).
enum Kind : std::uint8_t { kPut = 1, kDeleteRange, kTxn, kLeaseGrant, kLeaseRevoke, kLeaseKeepAlive, kCompact, kLeaseExpire };
// Tags of TxnOp alternatives (index + 1).
enum OpTag : std::uint8_t { kOpRange = 1, kOpPut, kOpDeleteRange };

constexpr std::uint8_t kPrevKvFlag = 0x01;
constexpr std::uint8_t kCountOnlyFlag = 0x01;
constexpr std::uint8_t kKeysOnlyFlag = 0x02;

// Smallest encodings, used to bound list lengths before allocating.
constexpr std::size_t kMinCompareBytes = 5;
constexpr std::size_t kMinOpBytes = 4;
constexpr std::size_t kMinExpiredLeaseBytes = 2;

void encode(ByteWriter &w, const Range &r)
{
    w.bytes(r.key);
    w.bytes(r.rangeEnd);
    w.svarint(r.revision);
    w.svarint(r.limit);
    w.u8(static_cast<std::uint8_t>((r.countOnly ? kCountOnlyFlag : 0) | (r.keysOnly ? kKeysOnlyFlag : 0)));
}

void encode(ByteWriter &w, const Put &p)
{
    w.bytes(p.key);
    w.bytes(p.value);
    w.svarint(p.lease);
    w.u8(p.prevKv ? kPrevKvFlag : 0);
}

void encode(ByteWriter &w, const DeleteRange &d)
{
    w.bytes(d.key);
    w.bytes(d.rangeEnd);
    w.u8(d.prevKv ? kPrevKvFlag : 0);
}

void encode(ByteWriter &w, const Compare &c)
{
    w.u8(static_cast<std::uint8_t>(c.target));
    w.u8(static_cast<std::uint8_t>(c.op));
    w.bytes(c.key);
    w.bytes(c.rangeEnd);
    if (c.target == Compare::Target::Value)
        w.bytes(c.value);
    else
        w.svarint(c.number);
}

void encodeOps(ByteWriter &w, const std::vector<TxnOp> &ops)
{
    w.varint(ops.size());
    for (const TxnOp &op : ops) {
        w.u8(static_cast<std::uint8_t>(op.index() + 1));
        std::visit([&](const auto &o) { encode(w, o); }, op);
    }
}

void encode(ByteWriter &w, const Txn &t)
{
    w.varint(t.compares.size());
    for (const Compare &c : t.compares)
        encode(w, c);
    encodeOps(w, t.success);
    encodeOps(w, t.failure);
}

void encode(ByteWriter &w, const LeaseGrant &g)
{
    w.svarint(g.id);
    w.svarint(g.ttlMs);
}

void encode(ByteWriter &w, const LeaseRevoke &r) { w.svarint(r.id); }
void encode(ByteWriter &w, const LeaseKeepAlive &k) { w.svarint(k.id); }
void encode(ByteWriter &w, const Compact &c) { w.svarint(c.revision); }

void encode(ByteWriter &w, const LeaseExpire &e)
{
    w.varint(e.leases.size());
    for (const ExpiredLease &l : e.leases) {
        w.svarint(l.id);
        w.varint(l.keepAlives);
    }
}

// ---- decoding ----------------------------------------------------------------------------

bool decode(ByteReader &r, Range &out)
{
    std::uint8_t flags = 0;
    if (!r.bytes(out.key, "key") || !r.bytes(out.rangeEnd, "rangeEnd") || !r.svarint(out.revision, "revision") ||
        !r.svarint(out.limit, "limit") || !r.flags(flags, kCountOnlyFlag | kKeysOnlyFlag, "flags"))
        return false;
    out.countOnly = (flags & kCountOnlyFlag) != 0;
    out.keysOnly = (flags & kKeysOnlyFlag) != 0;
    return true;
}

bool decode(ByteReader &r, Put &out)
{
    std::uint8_t flags = 0;
    if (!r.bytes(out.key, "key") || !r.bytes(out.value, "value") || !r.svarint(out.lease, "lease") ||
        !r.flags(flags, kPrevKvFlag, "flags"))
        return false;
    out.prevKv = (flags & kPrevKvFlag) != 0;
    return true;
}

bool decode(ByteReader &r, DeleteRange &out)
{
    std::uint8_t flags = 0;
    if (!r.bytes(out.key, "key") || !r.bytes(out.rangeEnd, "rangeEnd") || !r.flags(flags, kPrevKvFlag, "flags"))
        return false;
    out.prevKv = (flags & kPrevKvFlag) != 0;
    return true;
}

bool decode(ByteReader &r, Compare &out)
{
    std::uint8_t target = 0;
    std::uint8_t op = 0;
    if (!r.u8(target, "target"))
        return false;
    if (target > static_cast<std::uint8_t>(Compare::Target::Lease))
        return r.fail("target", "unknown compare target " + std::to_string(target));
    if (!r.u8(op, "op"))
        return false;
    if (op > static_cast<std::uint8_t>(Compare::Op::Greater))
        return r.fail("op", "unknown compare operator " + std::to_string(op));
    out.target = static_cast<Compare::Target>(target);
    out.op = static_cast<Compare::Op>(op);
    if (!r.bytes(out.key, "key") || !r.bytes(out.rangeEnd, "rangeEnd"))
        return false;
    if (out.target == Compare::Target::Value)
        return r.bytes(out.value, "value");
    return r.svarint(out.number, "number");
}

constexpr const char *kOpNames[] = {"range", "put", "deleteRange"};

bool decodeOps(ByteReader &r, std::vector<TxnOp> &out, const char *name)
{
    std::size_t n = 0;
    if (!r.count(n, "count", kMinOpBytes))
        return r.within(name);
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::uint8_t tag = 0;
        bool ok = r.u8(tag, "op");
        if (ok) {
            switch (tag) {
            case kOpRange: ok = decode(r, out.emplace_back().emplace<Range>()); break;
            case kOpPut: ok = decode(r, out.emplace_back().emplace<Put>()); break;
            case kOpDeleteRange: ok = decode(r, out.emplace_back().emplace<DeleteRange>()); break;
            default: ok = r.fail("op", "unknown operation tag " + std::to_string(tag)); break;
            }
        }
        if (!ok) {
            if (tag >= kOpRange && tag <= kOpDeleteRange)
                r.within(kOpNames[tag - 1]);
            r.withinIndex(i);
            return r.within(name);
        }
    }
    return true;
}

bool decode(ByteReader &r, Txn &out)
{
    std::size_t n = 0;
    if (!r.count(n, "count", kMinCompareBytes))
        return r.within("compares");
    out.compares.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (!decode(r, out.compares[i])) {
            r.withinIndex(i);
            return r.within("compares");
        }
    }
    return decodeOps(r, out.success, "success") && decodeOps(r, out.failure, "failure");
}

bool decode(ByteReader &r, LeaseGrant &out) { return r.svarint(out.id, "id") && r.svarint(out.ttlMs, "ttlMs"); }
bool decode(ByteReader &r, LeaseRevoke &out) { return r.svarint(out.id, "id"); }
bool decode(ByteReader &r, LeaseKeepAlive &out) { return r.svarint(out.id, "id"); }
bool decode(ByteReader &r, Compact &out) { return r.svarint(out.revision, "revision"); }

bool decode(ByteReader &r, LeaseExpire &out)
{
    std::size_t n = 0;
    if (!r.count(n, "count", kMinExpiredLeaseBytes))
        return r.within("leases");
    out.leases.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (!r.svarint(out.leases[i].id, "id") || !r.varint(out.leases[i].keepAlives, "keepAlives")) {
            r.withinIndex(i);
            return r.within("leases");
        }
    }
    return true;
}

template <class T>
bool decodeBody(ByteReader &r, Command::Body &body)
{
    if (!decode(r, body.emplace<T>()))
        return r.within(kindName(body));
    return true;
}

} // namespace

const char *kindName(const Command::Body &body)
{
    static constexpr const char *kNames[] = {"put",       "deleteRange",    "txn",     "leaseGrant",
                                             "leaseRevoke", "leaseKeepAlive", "compact", "leaseExpire"};
    static_assert(std::size(kNames) == std::variant_size_v<Command::Body>);
    return kNames[body.index()];
}

std::string encodeCommand(const Command &command)
{
    std::string out;
    ByteWriter w(out);
    w.u8(kCommandFormatVersion);
    w.varint(command.requestId);
    w.u8(static_cast<std::uint8_t>(command.body.index() + 1));
    std::visit([&](const auto &body) { encode(w, body); }, command.body);
    return out;
}

DecodedCommand decodeCommand(std::string_view bytes)
{
    ByteReader r(bytes);
    Command command;
    std::uint8_t version = 0;
    std::uint8_t kind = 0;
    bool ok = r.u8(version, "version");
    if (ok && version != kCommandFormatVersion)
        ok = r.fail("version", "unsupported format version " + std::to_string(version) + " (expected " +
                                   std::to_string(kCommandFormatVersion) + ")");
    ok = ok && r.varint(command.requestId, "requestId") && r.u8(kind, "kind");
    if (ok) {
        switch (kind) {
        case kPut: ok = decodeBody<Put>(r, command.body); break;
        case kDeleteRange: ok = decodeBody<DeleteRange>(r, command.body); break;
        case kTxn: ok = decodeBody<Txn>(r, command.body); break;
        case kLeaseGrant: ok = decodeBody<LeaseGrant>(r, command.body); break;
        case kLeaseRevoke: ok = decodeBody<LeaseRevoke>(r, command.body); break;
        case kLeaseKeepAlive: ok = decodeBody<LeaseKeepAlive>(r, command.body); break;
        case kCompact: ok = decodeBody<Compact>(r, command.body); break;
        case kLeaseExpire: ok = decodeBody<LeaseExpire>(r, command.body); break;
        default: ok = r.fail("kind", "unknown command kind " + std::to_string(kind)); break;
        }
    }
    ok = ok && r.expectEnd("end");
    if (!ok)
        return {std::nullopt, "command: " + r.error()};
    return {std::move(command), {}};
}

} // namespace quorum::store
