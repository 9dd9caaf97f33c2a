#include "tests/support/Linearizability.h"

#include <algorithm>
#include <limits>
#include <map>
#include <sstream>
#include <unordered_set>

namespace quorum::testing {

namespace {

using State = std::optional<std::string>;

/// Applies op to the register; false when the op's observed output is impossible in `state`.
bool step(const KvOp &op, const State &state, State &next)
{
    switch (op.kind) {
    case KvOpKind::Put:
        next = op.value;
        return true;
    case KvOpKind::Delete:
        next.reset();
        return true;
    case KvOpKind::Get:
        next = state;
        return op.output == state;
    case KvOpKind::Cas: {
        const bool matches = state == op.expected;
        if (op.returned && op.succeeded != matches)
            return false;
        next = matches ? State(op.value) : state;
        return true;
    }
    }
    return false;
}

class Bitset {
public:
    explicit Bitset(std::size_t n) : m_words((n + 63) / 64, 0) {}
    void set(std::size_t i) { m_words[i / 64] |= (std::uint64_t(1) << (i % 64)); }
    void reset(std::size_t i) { m_words[i / 64] &= ~(std::uint64_t(1) << (i % 64)); }
    bool operator==(const Bitset &) const = default;
    std::size_t hash() const
    {
        std::size_t h = 1469598103934665603ULL;
        for (std::uint64_t w : m_words)
            h = (h ^ w) * 1099511628211ULL;
        return h;
    }

private:
    std::vector<std::uint64_t> m_words;
};

struct CacheEntry {
    Bitset done;
    State state;
    bool operator==(const CacheEntry &) const = default;
};

struct CacheHash {
    std::size_t operator()(const CacheEntry &e) const
    {
        return e.done.hash() ^ (e.state ? std::hash<std::string>()(*e.state) * 31 : 7);
    }
};

/// One event of the doubly linked list the search lifts operations out of.
struct Event {
    std::size_t op;
    bool isCall;
    std::int64_t time;
    Event *match = nullptr;  // call <-> return
    Event *prev = nullptr;
    Event *next = nullptr;
};

void lift(Event *call)
{
    call->prev->next = call->next;
    if (call->next)
        call->next->prev = call->prev;
    Event *ret = call->match;
    ret->prev->next = ret->next;
    if (ret->next)
        ret->next->prev = ret->prev;
}

void unlift(Event *call)
{
    Event *ret = call->match;
    ret->prev->next = ret;
    if (ret->next)
        ret->next->prev = ret;
    call->prev->next = call;
    if (call->next)
        call->next->prev = call;
}

struct KeyVerdict {
    bool ok = true;
    bool gaveUp = false;
    std::size_t explored = 0;
};

KeyVerdict checkKey(const std::vector<const KvOp *> &ops, std::size_t budget)
{
    KeyVerdict verdict;
    const std::size_t n = ops.size();
    std::vector<Event> events;
    events.reserve(2 * n + 1);
    events.push_back(Event{0, false, std::numeric_limits<std::int64_t>::min()});  // head sentinel
    for (std::size_t i = 0; i < n; ++i) {
        events.push_back(Event{i, true, ops[i]->callTime});
        const std::int64_t ret = ops[i]->returned ? ops[i]->returnTime : std::numeric_limits<std::int64_t>::max();
        events.push_back(Event{i, false, ret});
    }
    // Calls sort before returns at the same instant: operations that touch are concurrent.
    std::stable_sort(events.begin() + 1, events.end(), [](const Event &a, const Event &b) {
        return a.time != b.time ? a.time < b.time : (a.isCall && !b.isCall);
    });
    std::vector<Event *> callOf(n), returnOf(n);
    for (std::size_t i = 1; i < events.size(); ++i)
        (events[i].isCall ? callOf : returnOf)[events[i].op] = &events[i];
    for (std::size_t i = 0; i < n; ++i) {
        callOf[i]->match = returnOf[i];
        returnOf[i]->match = callOf[i];
    }
    for (std::size_t i = 0; i < events.size(); ++i) {
        events[i].prev = i ? &events[i - 1] : nullptr;
        events[i].next = i + 1 < events.size() ? &events[i + 1] : nullptr;
    }
    Event *head = &events[0];

    State state;
    Bitset done(n);
    std::unordered_set<CacheEntry, CacheHash> cache;
    std::vector<std::pair<Event *, State>> stack;
    Event *entry = head->next;
    while (head->next) {
        if (++verdict.explored > budget) {
            verdict.ok = false;
            verdict.gaveUp = true;
            return verdict;
        }
        if (entry->isCall) {
            State next;
            if (step(*ops[entry->op], state, next)) {
                Bitset after = done;
                after.set(entry->op);
                if (cache.insert(CacheEntry{after, next}).second) {
                    stack.emplace_back(entry, state);
                    state = std::move(next);
                    done = std::move(after);
                    lift(entry);
                    entry = head->next;
                    continue;
                }
            }
            entry = entry->next;
        } else {
            // A return with its call still pending: something before it must be undone.
            if (stack.empty()) {
                verdict.ok = false;
                return verdict;
            }
            auto [call, previous] = std::move(stack.back());
            stack.pop_back();
            state = std::move(previous);
            done.reset(call->op);
            unlift(call);
            entry = call->next;
        }
    }
    return verdict;
}

} // namespace

std::string describeOp(const KvOp &op)
{
    std::ostringstream out;
    out << "c" << op.client << " ";
    auto show = [](const std::optional<std::string> &v) { return v ? "'" + *v + "'" : std::string("<absent>"); };
    switch (op.kind) {
    case KvOpKind::Put: out << "put " << op.key << "='" << op.value << "'"; break;
    case KvOpKind::Delete: out << "delete " << op.key; break;
    case KvOpKind::Get: out << "get " << op.key << " -> " << show(op.output); break;
    case KvOpKind::Cas:
        out << "cas " << op.key << " " << show(op.expected) << "->'" << op.value << "'";
        if (op.returned)
            out << (op.succeeded ? " ok" : " failed");
        break;
    }
    out << " [" << op.callTime << ", " << (op.returned ? std::to_string(op.returnTime) : std::string("?")) << "]";
    return out.str();
}

LinearizabilityResult checkLinearizable(const std::vector<KvOp> &history, std::size_t maxStatesPerKey)
{
    LinearizabilityResult result;
    std::map<std::string, std::vector<const KvOp *>> byKey;
    for (const KvOp &op : history) {
        if (op.kind == KvOpKind::Get && !op.returned)
            continue;  // an unanswered read has no effect and observed nothing
        byKey[op.key].push_back(&op);
        ++result.operations;
    }
    for (const auto &[key, ops] : byKey) {
        const KeyVerdict v = checkKey(ops, maxStatesPerKey);
        result.statesExplored += v.explored;
        if (!v.ok) {
            result.linearizable = false;
            result.gaveUp = v.gaveUp;
            result.failedKey = key;
            std::ostringstream out;
            out << (v.gaveUp ? "search budget exhausted for key " : "no linearization for key ") << key << ":\n";
            std::vector<const KvOp *> sorted = ops;
            std::sort(sorted.begin(), sorted.end(), [](const KvOp *a, const KvOp *b) { return a->callTime < b->callTime; });
            for (const KvOp *op : sorted)
                out << "  " << describeOp(*op) << "\n";
            result.explanation = out.str();
            return result;
        }
    }
    return result;
}

} // namespace quorum::testing
