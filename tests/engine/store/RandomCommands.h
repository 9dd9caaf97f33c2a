#pragma once

// A seeded generator of plausible, often conflicting commands over a small key space, used by
// the model-based test and the snapshot tests. Deterministic for a given seed.

#include "engine/store/Command.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace quorum::store::test {

/// What the generator may know of the store, to aim at live revisions and leases.
struct GeneratorHints {
    std::int64_t revision = 1;
    std::int64_t compactRevision = 0;
    std::map<std::int64_t, std::uint64_t> leases;  ///< id -> keep-alive count
};

class CommandGenerator {
public:
    explicit CommandGenerator(std::uint64_t seed) : m_rng(seed) {}

    std::mt19937_64 &rng() { return m_rng; }

    /// A number in [lo, hi].
    std::int64_t pick(std::int64_t lo, std::int64_t hi)
    {
        return lo + static_cast<std::int64_t>(m_rng() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    bool chance(int percent) { return pick(1, 100) <= percent; }

    std::string key()
    {
        static const std::vector<std::string> kKeys = {"a", "ab", "abc", "b", std::string("b\0", 2), "ba", "c", "d",
                                                       "\xff", "\xff\xff"};
        if (chance(1))
            return {};  // refused: key is not provided
        return kKeys[static_cast<std::size_t>(pick(0, static_cast<std::int64_t>(kKeys.size()) - 1))];
    }

    std::string value()
    {
        std::string v(static_cast<std::size_t>(pick(0, 6)), 'x');
        for (char &c : v)
            c = static_cast<char>('a' + pick(0, 3));
        return v;
    }

    /// (key, rangeEnd) in every etcd form: single key, [k1, k2), prefix, from key on, all.
    std::pair<std::string, std::string> range()
    {
        const std::string all(1, '\0');
        switch (pick(0, 5)) {
        case 0:
        case 1: return {key(), {}};
        case 2: return {key(), key()};
        case 3: {
            std::string k = key();
            return {k, prefixEnd(k)};
        }
        case 4: return {key(), all};
        default: return {all, all};
        }
    }

    std::int64_t revision(const GeneratorHints &h)
    {
        if (chance(50))
            return 0;
        return pick(std::max<std::int64_t>(h.compactRevision - 1, -1), h.revision + 1);
    }

    std::int64_t lease(const GeneratorHints &h)
    {
        if (chance(70))
            return 0;
        if (h.leases.empty() || chance(15))
            return pick(1, 9);
        auto it = h.leases.begin();
        std::advance(it, pick(0, static_cast<std::int64_t>(h.leases.size()) - 1));
        return it->first;
    }

    Range rangeRequest(const GeneratorHints &h)
    {
        auto [k, end] = range();
        return Range{k, end, revision(h), chance(25) ? pick(-1, 3) : 0, chance(10), chance(10)};
    }

    TxnOp op(const GeneratorHints &h)
    {
        switch (pick(0, 2)) {
        case 0: return rangeRequest(h);
        case 1: return Put{key(), value(), lease(h), chance(50)};
        default: {
            auto [k, end] = range();
            return DeleteRange{k, end, chance(50)};
        }
        }
    }

    Compare compare(const GeneratorHints &h)
    {
        Compare c;
        c.target = static_cast<Compare::Target>(pick(0, 4));
        c.op = static_cast<Compare::Op>(pick(0, 3));
        if (chance(80)) {
            c.key = key();
        } else {
            auto [k, end] = range();
            c.key = k;
            c.rangeEnd = end;
        }
        if (c.target == Compare::Target::Value)
            c.value = value();
        else if (c.target == Compare::Target::Lease)
            c.number = lease(h);
        else
            c.number = pick(0, c.target == Compare::Target::Version ? 4 : h.revision + 1);
        return c;
    }

    Command::Body next(const GeneratorHints &h)
    {
        const std::int64_t roll = pick(1, 100);
        if (roll <= 35)
            return Put{key(), value(), lease(h), chance(50)};
        if (roll <= 45) {
            auto [k, end] = range();
            return DeleteRange{k, end, chance(50)};
        }
        if (roll <= 65) {
            Txn t;
            for (std::int64_t i = pick(0, 3); i > 0; --i)
                t.compares.push_back(compare(h));
            for (std::int64_t i = pick(0, 4); i > 0; --i)
                t.success.push_back(op(h));
            for (std::int64_t i = pick(0, 3); i > 0; --i)
                t.failure.push_back(op(h));
            return t;
        }
        if (roll <= 72)
            return LeaseGrant{chance(50) ? 0 : pick(-1, 9), chance(5) ? 0 : pick(1, 1000)};
        if (roll <= 76)
            return LeaseRevoke{lease(h)};
        if (roll <= 84)
            return LeaseKeepAlive{lease(h)};
        if (roll <= 87)
            return Compact{pick(h.compactRevision, h.revision + 1)};
        LeaseExpire e;
        for (const auto &[id, keepAlives] : h.leases) {
            if (chance(50))
                e.leases.push_back({id, chance(80) ? keepAlives : keepAlives + 1});
        }
        if (chance(20))
            e.leases.push_back({pick(1, 9), 0});
        return e;
    }

private:
    std::mt19937_64 m_rng;
};

} // namespace quorum::store::test
