#include "engine/store/KvStore.h"

#include "engine/store/Invariant.h"

#include <algorithm>
#include <limits>

namespace quorum::store {

namespace {

bool fail(ApplyResult &result, Error error, std::string message)
{
    result.error = error;
    result.message = std::move(message);
    return false;
}

std::string quoted(std::string_view key)
{
    std::string out = "'";
    for (char c : key) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x7f || c == '\'' || c == '\\') {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "\\x";
            out += kHex[u >> 4];
            out += kHex[u & 0xf];
        } else {
            out += c;
        }
    }
    return out + "'";
}

const std::string &opKey(const TxnOp &op)
{
    return std::visit([](const auto &o) -> const std::string & { return o.key; }, op);
}

// "[i]: " — the place of op i in a branch, for messages. Appended piecewise: GCC 12 at -O3
// warns wrongly (-Wrestrict) about "[" + std::to_string(i) + ...
std::string opPlace(std::size_t i)
{
    std::string out = "[";
    out += std::to_string(i);
    out += "]: ";
    return out;
}

template <class T>
int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

} // namespace

// ---- applying ----------------------------------------------------------------------------

ApplyResult KvStore::apply(std::uint64_t index, std::string_view commandBytes, std::int64_t nowMs)
{
    DecodedCommand decoded = decodeCommand(commandBytes);
    if (index <= m_appliedIndex)
        return refused(index, decoded.command ? decoded.command->requestId : 0, Error::AlreadyApplied, {});
    if (!decoded.command) {
        m_appliedIndex = index;  // every member has the same bytes: they all skip the entry
        return refused(index, 0, Error::CorruptCommand, std::move(decoded.error));
    }
    return execute(index, *decoded.command, nowMs);
}

ApplyResult KvStore::apply(std::uint64_t index, const Command &command, std::int64_t nowMs)
{
    if (index <= m_appliedIndex)
        return refused(index, command.requestId, Error::AlreadyApplied, {});
    return execute(index, command, nowMs);
}

ApplyResult KvStore::refused(std::uint64_t index, std::uint64_t requestId, Error error, std::string message) const
{
    ApplyResult result;
    result.requestId = requestId;
    result.index = index;
    result.revision = m_history.currentRevision();
    if (error == Error::AlreadyApplied)
        message = "index " + std::to_string(index) + " already applied (applied index " +
                  std::to_string(m_appliedIndex) + ")";
    fail(result, error, std::move(message));
    return result;
}

ApplyResult KvStore::execute(std::uint64_t index, const Command &command, std::int64_t nowMs)
{
    m_appliedIndex = index;
    m_now = nowMs;
    ApplyResult result;
    result.requestId = command.requestId;
    result.index = index;
    std::visit([&](const auto &body) { applyBody(body, result); }, command.body);
    QUORUM_STORE_CHECK(!m_history.writing(), "write txn left open by a command");
    result.revision = m_history.currentRevision();
    return result;
}

void KvStore::applyBody(const Put &put, ApplyResult &result)
{
    if (put.key.empty()) {
        fail(result, Error::EmptyKey, "put: key is not provided");
        return;
    }
    if (put.lease != 0 && !m_lessor.contains(put.lease)) {
        fail(result, Error::LeaseNotFound, "put: lease " + std::to_string(put.lease) + " not found");
        return;
    }
    beginWrite();
    writePut(put, result.ops.emplace_back());
    endWrite();
}

void KvStore::applyBody(const DeleteRange &del, ApplyResult &result)
{
    if (del.key.empty()) {
        fail(result, Error::EmptyKey, "deleteRange: key is not provided");
        return;
    }
    beginWrite();
    writeDelete(del, result.ops.emplace_back());
    endWrite();
}

void KvStore::applyBody(const Txn &txn, ApplyResult &result)
{
    for (std::size_t i = 0; i < txn.compares.size(); ++i) {
        if (txn.compares[i].key.empty()) {
            fail(result, Error::EmptyKey, "compares" + opPlace(i) + "key is not provided");
            return;
        }
    }
    if (!checkStatic(txn.success, result)) {
        result.message = "success" + result.message;
        return;
    }
    if (!checkStatic(txn.failure, result)) {
        result.message = "failure" + result.message;
        return;
    }
    const bool holds = std::all_of(txn.compares.begin(), txn.compares.end(),
                                   [&](const Compare &c) { return compareHolds(c); });
    const std::vector<TxnOp> &ops = holds ? txn.success : txn.failure;
    if (!checkBranch(ops, result)) {
        result.message = (holds ? "success" : "failure") + result.message;
        return;
    }
    result.succeeded = holds;
    beginWrite();
    for (const TxnOp &op : ops) {
        OpResult &out = result.ops.emplace_back();
        if (const auto *range = std::get_if<Range>(&op)) {
            RangeResult read = this->range(*range);
            QUORUM_STORE_CHECK(read.error == Error::None, "txn range failed after its checks: " + read.message);
            out.kind = OpResult::Kind::Range;
            out.kvs = std::move(read.kvs);
            out.count = read.count;
            out.more = read.more;
        } else if (const auto *put = std::get_if<Put>(&op)) {
            writePut(*put, out);
        } else {
            writeDelete(std::get<DeleteRange>(op), out);
        }
    }
    endWrite();
}

void KvStore::applyBody(const LeaseGrant &grant, ApplyResult &result)
{
    if (grant.id < 0) {
        fail(result, Error::InvalidLeaseId, "leaseGrant: negative lease id " + std::to_string(grant.id));
        return;
    }
    if (grant.ttlMs < 1 || grant.ttlMs > kMaxLeaseTtlMs) {
        fail(result, Error::InvalidTtl,
             "leaseGrant: TTL " + std::to_string(grant.ttlMs) + " ms outside [1, " + std::to_string(kMaxLeaseTtlMs) + "]");
        return;
    }
    const std::int64_t id = grant.id != 0 ? grant.id : m_lessor.nextAutoId();
    if (m_lessor.contains(id)) {
        fail(result, Error::LeaseExists, "leaseGrant: lease " + std::to_string(id) + " already exists");
        return;
    }
    m_lessor.grant(id, grant.ttlMs, m_now, grant.id == 0);
    result.leaseId = id;
    result.ttlMs = grant.ttlMs;
}

void KvStore::applyBody(const LeaseRevoke &revoke, ApplyResult &result)
{
    result.leaseId = revoke.id;
    if (!m_lessor.contains(revoke.id)) {
        fail(result, Error::LeaseNotFound, "leaseRevoke: lease " + std::to_string(revoke.id) + " not found");
        return;
    }
    beginWrite();
    revokeLease(revoke.id);
    endWrite();
}

void KvStore::applyBody(const LeaseKeepAlive &keepAlive, ApplyResult &result)
{
    result.leaseId = keepAlive.id;
    const Lease *lease = m_lessor.find(keepAlive.id);
    if (!lease) {
        fail(result, Error::LeaseNotFound, "leaseKeepAlive: lease " + std::to_string(keepAlive.id) + " not found");
        return;
    }
    result.ttlMs = lease->ttlMs;
    m_lessor.keepAlive(keepAlive.id, m_now);
}

void KvStore::applyBody(const Compact &compact, ApplyResult &result)
{
    if (compact.revision <= m_history.compactRevision()) {
        fail(result, Error::Compacted,
             "compact: revision " + std::to_string(compact.revision) + " has been compacted (compact revision " +
                 std::to_string(m_history.compactRevision()) + ")");
        return;
    }
    if (compact.revision > m_history.currentRevision()) {
        fail(result, Error::FutureRevision,
             "compact: revision " + std::to_string(compact.revision) + " is a future revision (current " +
                 std::to_string(m_history.currentRevision()) + ")");
        return;
    }
    m_history.compact(compact.revision);
}

void KvStore::applyBody(const LeaseExpire &expire, ApplyResult &result)
{
    beginWrite();
    for (const ExpiredLease &e : expire.leases) {
        const Lease *lease = m_lessor.find(e.id);
        if (!lease || lease->keepAlives != e.keepAlives)
            continue;  // revoked already, or kept alive after the leader looked
        revokeLease(e.id);
        result.revoked.push_back(e.id);
    }
    endWrite();
}

// ---- write txn ---------------------------------------------------------------------------

void KvStore::beginWrite()
{
    m_history.beginWrite();
    m_txnEvents.clear();
    m_collectEvents = !m_watches.empty();
    m_collectPrevKv = m_collectEvents && m_watches.anyWantsPrevKv();
}

void KvStore::endWrite()
{
    const std::int64_t before = m_history.currentRevision();
    const std::int64_t after = m_history.endWrite();
    QUORUM_STORE_CHECK(m_txnEvents.empty() || after == before + 1, "events without a new revision");
    if (!m_txnEvents.empty())
        m_watches.notify(m_txnEvents, after);
    m_txnEvents.clear();
}

void KvStore::writePut(const Put &put, OpResult &result)
{
    result.kind = OpResult::Kind::Put;
    const KeyRevision *prev = m_history.latest(put.key);
    std::optional<KeyValue> prevKv;
    if (prev && (put.prevKv || m_collectPrevKv))
        prevKv = m_history.toKeyValue(put.key, *prev);
    const std::int64_t prevLease = prev ? prev->lease : 0;
    const KeyRevision &written = m_history.put(put.key, put.value, put.lease, prev);  // prev is stale now
    if (prevLease != put.lease) {
        m_lessor.detach(prevLease, put.key);
        m_lessor.attach(put.lease, put.key);
    }
    if (m_collectEvents)
        // The value as written is at hand: no need to read it back (it may be a frame now).
        m_txnEvents.push_back({EventType::Put,
                               KeyValue{put.key, written.createRevision, written.main, written.version, put.value,
                                        written.lease},
                               m_collectPrevKv ? prevKv : std::nullopt});
    if (put.prevKv)
        result.prevKv = std::move(prevKv);
}

void KvStore::writeDelete(const DeleteRange &del, OpResult &result)
{
    result.kind = OpResult::Kind::DeleteRange;
    std::vector<std::string> keys;
    m_history.forEachLive(del.key, del.rangeEnd, 0, [&](const std::string &key, const KeyRevision &) {
        keys.push_back(key);
        return true;
    });
    for (const std::string &key : keys)
        deleteKey(key, &result, del.prevKv);
}

void KvStore::deleteKey(const std::string &key, OpResult *result, bool wantPrev)
{
    const KeyRevision *prev = m_history.latest(key);
    QUORUM_STORE_CHECK(prev != nullptr, "delete of missing key " + quoted(key));
    std::optional<KeyValue> prevKv;
    if (wantPrev || m_collectPrevKv)
        prevKv = m_history.toKeyValue(key, *prev);
    const std::int64_t lease = prev->lease;
    m_history.remove(key);  // prev is stale now
    m_lessor.detach(lease, key);
    if (m_collectEvents) {
        Event &e = m_txnEvents.emplace_back();
        e.type = EventType::Delete;
        e.kv.key = key;
        e.kv.modRevision = m_history.currentRevision() + 1;
        if (m_collectPrevKv)
            e.prevKv = prevKv;
    }
    if (result) {
        ++result->count;
        if (wantPrev)
            result->kvs.push_back(std::move(*prevKv));
    }
}

void KvStore::revokeLease(std::int64_t id)
{
    const Lease *lease = m_lessor.find(id);
    QUORUM_STORE_CHECK(lease != nullptr, "revoke of missing lease " + std::to_string(id));
    const std::vector<std::string> keys(lease->keys.begin(), lease->keys.end());  // sorted
    for (const std::string &key : keys)
        deleteKey(key, nullptr, false);
    const auto left = m_lessor.revoke(id);
    QUORUM_STORE_CHECK(left.empty(), "lease " + std::to_string(id) + " kept keys after its keys were deleted");
}

// ---- checks ------------------------------------------------------------------------------

bool KvStore::checkStatic(const std::vector<TxnOp> &ops, ApplyResult &result) const
{
    if (ops.size() > kMaxTxnOps)
        return fail(result, Error::TooManyOps,
                    ": too many operations in txn request (" + std::to_string(ops.size()) + " > " +
                        std::to_string(kMaxTxnOps) + ")");
    std::vector<std::string_view> puts;
    for (std::size_t i = 0; i < ops.size(); ++i) {
        if (opKey(ops[i]).empty())
            return fail(result, Error::EmptyKey, opPlace(i) + "key is not provided");
        if (const auto *put = std::get_if<Put>(&ops[i]))
            puts.push_back(put->key);
    }
    std::sort(puts.begin(), puts.end());
    auto dup = std::adjacent_find(puts.begin(), puts.end());
    if (dup != puts.end())
        return fail(result, Error::DuplicateKey, ": duplicate key given in txn request: " + quoted(*dup));
    for (const TxnOp &op : ops) {
        const auto *del = std::get_if<DeleteRange>(&op);
        if (!del)
            continue;
        for (std::string_view key : puts) {
            if (inRange(key, del->key, del->rangeEnd))
                return fail(result, Error::DuplicateKey,
                            ": duplicate key given in txn request: " + quoted(key) + " is put and deleted");
        }
    }
    return true;
}

bool KvStore::checkBranch(const std::vector<TxnOp> &ops, ApplyResult &result) const
{
    for (std::size_t i = 0; i < ops.size(); ++i) {
        if (const auto *put = std::get_if<Put>(&ops[i])) {
            if (put->lease != 0 && !m_lessor.contains(put->lease))
                return fail(result, Error::LeaseNotFound,
                            opPlace(i) + "lease " + std::to_string(put->lease) + " not found");
        } else if (const auto *range = std::get_if<Range>(&ops[i])) {
            if (range->revision > m_history.currentRevision())
                return fail(result, Error::FutureRevision,
                            opPlace(i) + "revision " + std::to_string(range->revision) + " is a future revision");
            if (range->revision > 0 && range->revision < m_history.compactRevision())
                return fail(result, Error::Compacted,
                            opPlace(i) + "revision " + std::to_string(range->revision) + " has been compacted");
        }
    }
    return true;
}

bool KvStore::compareHolds(const Compare &c) const
{
    std::string scratch;
    auto check = [&c, &scratch, this](const KeyRevision *v) {
        int order = 0;
        switch (c.target) {
        case Compare::Target::Value:
            if (!v)
                return false;  // etcd: a missing key fails every value compare
            order = threeWay(m_history.value(*v, scratch), std::string_view(c.value));
            break;
        case Compare::Target::Version: order = threeWay(v ? v->version : 0, c.number); break;
        case Compare::Target::CreateRevision: order = threeWay(v ? v->createRevision : 0, c.number); break;
        case Compare::Target::ModRevision: order = threeWay(v ? v->main : 0, c.number); break;
        case Compare::Target::Lease: order = threeWay(v ? v->lease : 0, c.number); break;
        }
        switch (c.op) {
        case Compare::Op::Equal: return order == 0;
        case Compare::Op::NotEqual: return order != 0;
        case Compare::Op::Less: return order < 0;
        case Compare::Op::Greater: return order > 0;
        }
        return false;
    };
    if (c.rangeEnd.empty())
        return check(m_history.latest(c.key));
    bool any = false;
    bool all = true;
    m_history.forEachLive(c.key, c.rangeEnd, 0, [&](const std::string &, const KeyRevision &v) {
        any = true;
        all = check(&v);
        return all;
    });
    return any ? all : check(nullptr);
}

// ---- reading -----------------------------------------------------------------------------

RangeResult KvStore::range(const Range &request) const
{
    RangeResult out;
    out.revision = m_history.currentRevision();
    if (request.key.empty()) {
        out.error = Error::EmptyKey;
        out.message = "range: key is not provided";
        return out;
    }
    if (request.revision > m_history.currentRevision()) {
        out.error = Error::FutureRevision;
        out.message = "range: revision " + std::to_string(request.revision) + " is a future revision (current " +
                      std::to_string(m_history.currentRevision()) + ")";
        return out;
    }
    if (request.revision > 0 && request.revision < m_history.compactRevision()) {
        out.error = Error::Compacted;
        out.message = "range: revision " + std::to_string(request.revision) + " has been compacted (compact revision " +
                      std::to_string(m_history.compactRevision()) + ")";
        return out;
    }
    const auto limit = request.limit > 0 ? static_cast<std::uint64_t>(request.limit)
                                         : std::numeric_limits<std::uint64_t>::max();
    m_history.forEachLive(request.key, request.rangeEnd, request.revision,
                          [&](const std::string &key, const KeyRevision &v) {
                              ++out.count;
                              if (!request.countOnly && out.kvs.size() < limit) {
                                  KeyValue &kv = out.kvs.emplace_back();
                                  kv.key = key;
                                  kv.createRevision = v.createRevision;
                                  kv.modRevision = v.main;
                                  kv.version = v.version;
                                  kv.lease = v.lease;
                                  if (!request.keysOnly)
                                      kv.value = m_history.valueCopy(v);
                              }
                              return true;
                          });
    out.more = !request.countOnly && static_cast<std::uint64_t>(out.count) > out.kvs.size();
    return out;
}

std::optional<KeyValue> KvStore::get(std::string_view key) const
{
    const KeyRevision *v = m_history.latest(key);
    if (!v)
        return std::nullopt;
    return m_history.toKeyValue(std::string(key), *v);
}

} // namespace quorum::store
