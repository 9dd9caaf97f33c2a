#pragma once

// Helpers shared by the store tests: a Member that numbers entries and request ids and applies
// commands through their encoding, one-line descriptions of results for QCOMPARE, and a tiny
// script language for table rows ("put foo bar; del foo; compact 3").

#include "engine/store/Command.h"
#include "engine/store/KvStore.h"

#include <QString>
#include <QtTest>

#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

namespace quorum::store::test {

/// Printable form of a key or value: bytes outside ASCII 0x21..0x7e as \xNN.
inline std::string printable(std::string_view bytes)
{
    std::string out;
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == '\\') {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "\\x";
            out += kHex[u >> 4];
            out += kHex[u & 0xf];
        } else {
            out += c;
        }
    }
    return out;
}

/// "foo=bar c2 m3 v2" (+ " l7" when leased).
inline std::string describe(const KeyValue &kv)
{
    std::string out = printable(kv.key) + "=" + printable(kv.value) + " c" + std::to_string(kv.createRevision) + " m" +
                      std::to_string(kv.modRevision) + " v" + std::to_string(kv.version);
    if (kv.lease != 0)
        out += " l" + std::to_string(kv.lease);
    return out;
}

inline std::string describe(const std::vector<KeyValue> &kvs)
{
    std::string out;
    for (const KeyValue &kv : kvs)
        out += (out.empty() ? "" : ", ") + describe(kv);
    return out;
}

/// "PUT foo=bar c2 m2 v1" or "DELETE foo m4", with " prev(...)" when present.
inline std::string describe(const Event &e)
{
    std::string out = e.type == EventType::Put ? "PUT " + describe(e.kv)
                                               : "DELETE " + printable(e.kv.key) + " m" + std::to_string(e.kv.modRevision);
    if (e.prevKv)
        out += " prev(" + describe(*e.prevKv) + ")";
    return out;
}

inline std::string describe(const std::vector<Event> &events)
{
    std::string out;
    for (const Event &e : events)
        out += (out.empty() ? "" : "; ") + describe(e);
    return out;
}

/// Everything in a read but the message.
inline std::string describe(const RangeResult &r)
{
    return std::string(toString(r.error)) + " rev " + std::to_string(r.revision) + " count " +
           std::to_string(r.count) + (r.more ? " more" : "") + " [" + describe(r.kvs) + "]";
}

/// Everything in a result but the message: what members must agree on.
inline std::string describe(const ApplyResult &r)
{
    std::ostringstream s;
    s << "req " << r.requestId << " idx " << r.index << " rev " << r.revision << " " << toString(r.error)
      << (r.succeeded ? "" : " failed-branch");
    for (const OpResult &op : r.ops) {
        s << " | op" << static_cast<int>(op.kind) << " count " << op.count << (op.more ? " more" : "") << " ["
          << describe(op.kvs) << "]";
        if (op.prevKv)
            s << " prev(" << describe(*op.prevKv) << ")";
    }
    if (r.leaseId != 0 || r.ttlMs != 0)
        s << " lease " << r.leaseId << " ttl " << r.ttlMs;
    for (std::int64_t id : r.revoked)
        s << " revoked " << id;
    return s.str();
}

inline QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

/// One member: applies commands with consecutive indexes and request ids, through encoding.
class Member {
public:
    KvStore store;
    std::uint64_t index = 0;
    std::uint64_t requestId = 0;
    std::int64_t nowMs = 0;

    ApplyResult run(Command::Body body)
    {
        const std::string bytes = encodeCommand(Command{++requestId, std::move(body)});
        return store.apply(++index, bytes, nowMs);
    }
    ApplyResult put(std::string key, std::string value, std::int64_t lease = 0, bool prevKv = false)
    {
        return run(Put{std::move(key), std::move(value), lease, prevKv});
    }
    ApplyResult del(std::string key, std::string rangeEnd = {}, bool prevKv = false)
    {
        return run(DeleteRange{std::move(key), std::move(rangeEnd), prevKv});
    }
    ApplyResult grant(std::int64_t id, std::int64_t ttlMs) { return run(LeaseGrant{id, ttlMs}); }
    ApplyResult revoke(std::int64_t id) { return run(LeaseRevoke{id}); }
    ApplyResult keepAlive(std::int64_t id) { return run(LeaseKeepAlive{id}); }
    ApplyResult compact(std::int64_t revision) { return run(Compact{revision}); }

    /// All live keys at a revision (0 = latest), described.
    std::string all(std::int64_t revision = 0) const
    {
        RangeResult r = store.range(Range{std::string(1, '\0'), std::string(1, '\0'), revision, 0, false, false});
        if (r.error != Error::None)
            return std::string("error ") + toString(r.error);
        return describe(r.kvs);
    }
};

/// Replaces \xNN escapes, so table rows can hold any byte.
inline std::string unescape(const std::string &s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] == 'x') {
            out += static_cast<char>(std::stoi(s.substr(i + 2, 2), nullptr, 16));
            i += 3;
        } else {
            out += s[i];
        }
    }
    return out;
}

/// Runs "put K V [LEASE]; del K [END]; delp PREFIX; compact REV; grant ID TTL; revoke ID;
/// keepalive ID" and returns each command's result. Unknown words fail the test.
inline std::vector<ApplyResult> runScript(Member &m, const std::string &script)
{
    std::vector<ApplyResult> results;
    std::stringstream lines(script);
    std::string line;
    while (std::getline(lines, line, ';')) {
        std::stringstream words(line);
        std::vector<std::string> w;
        for (std::string word; words >> word;)
            w.push_back(unescape(word));
        if (w.empty())
            continue;
        auto arg = [&](std::size_t i) { return i < w.size() ? w[i] : std::string(); };
        auto num = [&](std::size_t i) { return i < w.size() ? std::stoll(w[i]) : 0; };
        if (w[0] == "put")
            results.push_back(m.put(arg(1), arg(2), num(3)));
        else if (w[0] == "del")
            results.push_back(m.del(arg(1), arg(2)));
        else if (w[0] == "delp")
            results.push_back(m.del(arg(1), prefixEnd(arg(1))));
        else if (w[0] == "compact")
            results.push_back(m.compact(num(1)));
        else if (w[0] == "grant")
            results.push_back(m.grant(num(1), num(2)));
        else if (w[0] == "revoke")
            results.push_back(m.revoke(num(1)));
        else if (w[0] == "keepalive")
            results.push_back(m.keepAlive(num(1)));
        else
            qFatal("unknown script word '%s'", w[0].c_str());
    }
    return results;
}

} // namespace quorum::store::test
