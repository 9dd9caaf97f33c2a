#pragma once

// The reference the model-based test compares KvStore against: a deliberately naive store that
// keeps a full copy of the key-value map at every revision and the list of events of each
// revision, written from etcd's documented semantics without sharing code with engine/store
// (only the value types and inRange()).

#include "engine/store/Command.h"
#include "engine/store/KvStore.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace quorum::store::test {

class ReferenceModel {
public:
    using State = std::map<std::string, KeyValue>;
    struct ModelLease {
        std::int64_t ttlMs = 0;
        std::uint64_t keepAlives = 0;
        std::int64_t deadlineMs = 0;
    };

    std::vector<State> states{State{}, State{}};  ///< states[r]: the map at revision r (r >= 1)
    std::vector<std::vector<Event>> events{{}, {}};  ///< events[r]: changes of revision r, in order
    std::int64_t revision = 1;
    std::int64_t compactRevision = 0;
    std::map<std::int64_t, ModelLease> leases;
    std::int64_t lastAutoLease = 0;
    std::uint64_t appliedIndex = 0;

    ApplyResult apply(std::uint64_t index, const Command &command, std::int64_t nowMs)
    {
        ApplyResult r;
        r.requestId = command.requestId;
        r.index = index;
        if (index <= appliedIndex) {
            r.error = Error::AlreadyApplied;
        } else {
            appliedIndex = index;
            m_now = nowMs;
            std::visit([&](const auto &body) { run(body, r); }, command.body);
        }
        r.revision = revision;
        return r;
    }

    ApplyResult corrupt(std::uint64_t index)
    {
        ApplyResult r;
        r.index = index;
        r.revision = revision;
        r.error = index <= appliedIndex ? Error::AlreadyApplied : Error::CorruptCommand;
        appliedIndex = std::max(appliedIndex, index);
        return r;
    }

    RangeResult range(const Range &q) const { return read(q, states[static_cast<std::size_t>(revision)]); }

    std::vector<ExpiredLease> expired(std::int64_t nowMs) const
    {
        std::vector<ExpiredLease> out;
        for (const auto &[id, l] : leases)
            if (l.deadlineMs <= nowMs)
                out.push_back({id, l.keepAlives});
        return out;
    }

private:
    struct Write {
        State state;
        std::vector<Event> events;
    };

    static bool fail(ApplyResult &r, Error e)
    {
        r.error = e;
        return false;
    }

    RangeResult read(const Range &q, const State &latest) const
    {
        RangeResult out;
        out.revision = revision;
        if (q.key.empty())
            out.error = Error::EmptyKey;
        else if (q.revision > revision)
            out.error = Error::FutureRevision;
        else if (q.revision > 0 && q.revision < compactRevision)
            out.error = Error::Compacted;
        if (out.error != Error::None)
            return out;
        const State &s = q.revision > 0 ? states[static_cast<std::size_t>(q.revision)] : latest;
        for (const auto &[key, kv] : s) {
            if (!inRange(key, q.key, q.rangeEnd))
                continue;
            ++out.count;
            if (!q.countOnly && (q.limit <= 0 || static_cast<std::int64_t>(out.kvs.size()) < q.limit)) {
                out.kvs.push_back(kv);
                if (q.keysOnly)
                    out.kvs.back().value.clear();
            }
        }
        out.more = !q.countOnly && out.count > static_cast<std::int64_t>(out.kvs.size());
        return out;
    }

    Write begin() const { return Write{states[static_cast<std::size_t>(revision)], {}}; }

    void commit(Write &w)
    {
        if (w.events.empty())
            return;
        ++revision;
        states.push_back(std::move(w.state));
        events.push_back(std::move(w.events));
    }

    void put(Write &w, const Put &p, OpResult &out)
    {
        out.kind = OpResult::Kind::Put;
        std::optional<KeyValue> prev;
        if (auto it = w.state.find(p.key); it != w.state.end())
            prev = it->second;
        KeyValue kv{p.key, prev ? prev->createRevision : revision + 1, revision + 1, prev ? prev->version + 1 : 1,
                    p.value, p.lease};
        w.state[p.key] = kv;
        w.events.push_back({EventType::Put, kv, prev});
        if (p.prevKv)
            out.prevKv = prev;
    }

    void remove(Write &w, const std::string &key, OpResult *out, bool wantPrev)
    {
        const KeyValue prev = w.state.at(key);
        w.state.erase(key);
        KeyValue kv;
        kv.key = key;
        kv.modRevision = revision + 1;
        w.events.push_back({EventType::Delete, kv, prev});
        if (out) {
            ++out->count;
            if (wantPrev)
                out->kvs.push_back(prev);
        }
    }

    void deleteRange(Write &w, const DeleteRange &d, OpResult &out)
    {
        out.kind = OpResult::Kind::DeleteRange;
        std::vector<std::string> keys;
        for (const auto &[key, kv] : w.state)
            if (inRange(key, d.key, d.rangeEnd))
                keys.push_back(key);
        for (const std::string &key : keys)
            remove(w, key, &out, d.prevKv);
    }

    void revokeInto(Write &w, std::int64_t id)
    {
        std::vector<std::string> keys;
        for (const auto &[key, kv] : w.state)
            if (kv.lease == id)
                keys.push_back(key);
        for (const std::string &key : keys)
            remove(w, key, nullptr, false);
        leases.erase(id);
    }

    static const std::string &keyOf(const TxnOp &op)
    {
        return std::visit([](const auto &o) -> const std::string & { return o.key; }, op);
    }

    static bool branchIsWellFormed(const std::vector<TxnOp> &ops, ApplyResult &r)
    {
        if (ops.size() > kMaxTxnOps)
            return fail(r, Error::TooManyOps);
        for (const TxnOp &op : ops)
            if (keyOf(op).empty())
                return fail(r, Error::EmptyKey);
        for (std::size_t i = 0; i < ops.size(); ++i) {
            const auto *p = std::get_if<Put>(&ops[i]);
            if (!p)
                continue;
            for (std::size_t j = 0; j < ops.size(); ++j) {
                if (const auto *p2 = std::get_if<Put>(&ops[j]); p2 && j != i && p2->key == p->key)
                    return fail(r, Error::DuplicateKey);
                if (const auto *d = std::get_if<DeleteRange>(&ops[j]); d && inRange(p->key, d->key, d->rangeEnd))
                    return fail(r, Error::DuplicateKey);
            }
        }
        return true;
    }

    bool holds(const Compare &c) const
    {
        std::vector<KeyValue> kvs;
        for (const auto &[key, kv] : states[static_cast<std::size_t>(revision)])
            if (inRange(key, c.key, c.rangeEnd))
                kvs.push_back(kv);
        if (kvs.empty()) {
            if (c.target == Compare::Target::Value)
                return false;
            kvs.push_back(KeyValue{});
        }
        for (const KeyValue &kv : kvs) {
            int order = 0;
            switch (c.target) {
            case Compare::Target::Value: order = kv.value.compare(c.value); break;
            case Compare::Target::Version: order = kv.version < c.number ? -1 : kv.version > c.number; break;
            case Compare::Target::CreateRevision:
                order = kv.createRevision < c.number ? -1 : kv.createRevision > c.number;
                break;
            case Compare::Target::ModRevision: order = kv.modRevision < c.number ? -1 : kv.modRevision > c.number; break;
            case Compare::Target::Lease: order = kv.lease < c.number ? -1 : kv.lease > c.number; break;
            }
            const bool ok = c.op == Compare::Op::Equal      ? order == 0
                            : c.op == Compare::Op::NotEqual ? order != 0
                            : c.op == Compare::Op::Less     ? order < 0
                                                            : order > 0;
            if (!ok)
                return false;
        }
        return true;
    }

    void run(const Put &p, ApplyResult &r)
    {
        if (p.key.empty())
            return void(fail(r, Error::EmptyKey));
        if (p.lease != 0 && !leases.count(p.lease))
            return void(fail(r, Error::LeaseNotFound));
        Write w = begin();
        put(w, p, r.ops.emplace_back());
        commit(w);
    }

    void run(const DeleteRange &d, ApplyResult &r)
    {
        if (d.key.empty())
            return void(fail(r, Error::EmptyKey));
        Write w = begin();
        deleteRange(w, d, r.ops.emplace_back());
        commit(w);
    }

    void run(const Txn &t, ApplyResult &r)
    {
        for (const Compare &c : t.compares)
            if (c.key.empty())
                return void(fail(r, Error::EmptyKey));
        if (!branchIsWellFormed(t.success, r) || !branchIsWellFormed(t.failure, r))
            return;
        bool ok = true;
        for (const Compare &c : t.compares)
            ok = ok && holds(c);
        const std::vector<TxnOp> &ops = ok ? t.success : t.failure;
        for (const TxnOp &op : ops) {
            if (const auto *p = std::get_if<Put>(&op); p && p->lease != 0 && !leases.count(p->lease))
                return void(fail(r, Error::LeaseNotFound));
            if (const auto *q = std::get_if<Range>(&op)) {
                if (q->revision > revision)
                    return void(fail(r, Error::FutureRevision));
                if (q->revision > 0 && q->revision < compactRevision)
                    return void(fail(r, Error::Compacted));
            }
        }
        r.succeeded = ok;
        Write w = begin();
        for (const TxnOp &op : ops) {
            OpResult &out = r.ops.emplace_back();
            if (const auto *q = std::get_if<Range>(&op)) {
                RangeResult rr = read(*q, w.state);
                out.kind = OpResult::Kind::Range;
                out.kvs = rr.kvs;
                out.count = rr.count;
                out.more = rr.more;
            } else if (const auto *p = std::get_if<Put>(&op)) {
                put(w, *p, out);
            } else {
                deleteRange(w, std::get<DeleteRange>(op), out);
            }
        }
        commit(w);
    }

    void run(const LeaseGrant &g, ApplyResult &r)
    {
        if (g.id < 0)
            return void(fail(r, Error::InvalidLeaseId));
        if (g.ttlMs < 1 || g.ttlMs > kMaxLeaseTtlMs)
            return void(fail(r, Error::InvalidTtl));
        std::int64_t id = g.id;
        if (id == 0)
            for (id = lastAutoLease + 1; leases.count(id); ++id) {
            }
        if (leases.count(id))
            return void(fail(r, Error::LeaseExists));
        if (g.id == 0)
            lastAutoLease = id;
        leases[id] = ModelLease{g.ttlMs, 0, m_now + g.ttlMs};
        r.leaseId = id;
        r.ttlMs = g.ttlMs;
    }

    void run(const LeaseRevoke &v, ApplyResult &r)
    {
        r.leaseId = v.id;
        if (!leases.count(v.id))
            return void(fail(r, Error::LeaseNotFound));
        Write w = begin();
        revokeInto(w, v.id);
        commit(w);
    }

    void run(const LeaseKeepAlive &k, ApplyResult &r)
    {
        r.leaseId = k.id;
        auto it = leases.find(k.id);
        if (it == leases.end())
            return void(fail(r, Error::LeaseNotFound));
        ++it->second.keepAlives;
        it->second.deadlineMs = m_now + it->second.ttlMs;
        r.ttlMs = it->second.ttlMs;
    }

    void run(const Compact &c, ApplyResult &r)
    {
        if (c.revision <= compactRevision)
            return void(fail(r, Error::Compacted));
        if (c.revision > revision)
            return void(fail(r, Error::FutureRevision));
        compactRevision = c.revision;
    }

    void run(const LeaseExpire &e, ApplyResult &r)
    {
        Write w = begin();
        for (const ExpiredLease &x : e.leases) {
            auto it = leases.find(x.id);
            if (it == leases.end() || it->second.keepAlives != x.keepAlives)
                continue;
            revokeInto(w, x.id);
            r.revoked.push_back(x.id);
        }
        commit(w);
    }

    std::int64_t m_now = 0;
};

} // namespace quorum::store::test
