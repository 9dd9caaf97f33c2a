#include "tests/engine/raft/SafetyChecker.h"

#include "engine/raft/Describe.h"

namespace quorum::raft::testing {

void SafetyChecker::violation(std::string what)
{
    // Keep the first few: after one violation the rest is usually noise.
    if (m_violations.size() < 10)
        m_violations.push_back(std::move(what));
}

void SafetyChecker::onPersisted(NodeId id, const Entry &e, std::uint64_t prevTerm, bool prevKnown)
{
    ++m_checks;
    auto [it, inserted] = m_persisted.try_emplace({e.index, e.term}, Persisted{prevTerm, prevKnown, e.type, e.data});
    if (inserted)
        return;
    Persisted &p = it->second;
    if (p.type != e.type || p.data != e.data)
        violation("log matching: member " + std::to_string(id) + " persisted " + describeEntry(e)
                  + " but another member has different data at " + std::to_string(e.term) + "/" + std::to_string(e.index));
    if (prevKnown && p.prevKnown && p.prevTerm != prevTerm)
        violation("log matching: member " + std::to_string(id) + " has " + describeEntry(e) + " after term "
                  + std::to_string(prevTerm) + ", another member after term " + std::to_string(p.prevTerm));
    if (prevKnown && !p.prevKnown) {
        p.prevTerm = prevTerm;
        p.prevKnown = true;
    }
}

void SafetyChecker::onApplied(NodeId id, const Entry &e)
{
    ++m_checks;
    auto [it, inserted] = m_applied.try_emplace(e.index, e);
    if (!inserted && it->second != e)
        violation("state machine safety: member " + std::to_string(id) + " applied " + describeEntry(e)
                  + " but another applied " + describeEntry(it->second));
    auto c = m_committed.find(e.index);
    if (c != m_committed.end() && c->second.term != e.term)
        violation("state machine safety: member " + std::to_string(id) + " applied " + describeEntry(e)
                  + " but a leader committed term " + std::to_string(c->second.term) + " there");
}

void SafetyChecker::checkLeaderHas(const RawNode &leader, std::uint64_t from, std::uint64_t to)
{
    const Raft &r = leader.raft();
    const std::uint64_t term = r.term();
    // Entries before the leader's snapshot are inside it, and snapshots only hold applied
    // (hence committed, hence checked) entries.
    const std::uint64_t first = std::max(from, r.log().firstIndex());
    for (std::uint64_t i = first; i <= to; ++i) {
        auto c = m_committed.find(i);
        if (c == m_committed.end() || c->second.commitTerm >= term)
            continue;
        ++m_checks;
        const auto t = r.log().term(i);
        if (!t.ok() || t.value != c->second.term)
            violation("leader completeness: leader " + std::to_string(r.id()) + " of term " + std::to_string(term)
                      + " lacks entry " + std::to_string(c->second.term) + "/" + std::to_string(i)
                      + " committed in term " + std::to_string(c->second.commitTerm));
    }
}

void SafetyChecker::onStep(const std::vector<const RawNode *> &nodes)
{
    const std::uint64_t before = m_highestCommitted;
    for (const RawNode *n : nodes) {
        const Raft &r = n->raft();
        if (r.role() != Role::Leader)
            continue;
        ++m_checks;
        auto [it, inserted] = m_leaderOfTerm.try_emplace(r.term(), r.id());
        if (!inserted && it->second != r.id())
            violation("election safety: " + std::to_string(it->second) + " and " + std::to_string(r.id())
                      + " are both leaders of term " + std::to_string(r.term()));
        // Indices a leader commits for the first time were committed in its term.
        const std::uint64_t committed = r.log().committed();
        for (std::uint64_t i = m_highestCommitted + 1; i <= committed; ++i) {
            const auto t = r.log().term(i);
            if (!t.ok())
                continue; // compacted: it was committed long ago and is in a snapshot
            m_committed[i] = Committed{t.value, r.term()};
            auto a = m_applied.find(i);
            if (a != m_applied.end() && a->second.term != t.value)
                violation("state machine safety: leader " + std::to_string(r.id()) + " committed term "
                          + std::to_string(t.value) + " at " + std::to_string(i) + " but "
                          + describeEntry(a->second) + " was applied");
        }
        m_highestCommitted = std::max(m_highestCommitted, committed);
    }
    for (const RawNode *n : nodes) {
        const Raft &r = n->raft();
        if (r.role() != Role::Leader)
            continue;
        if (m_checkedLeaders.insert({r.id(), r.term()}).second)
            checkLeaderHas(*n, 1, m_highestCommitted); // a new leader: everything so far
        else if (m_highestCommitted > before)
            checkLeaderHas(*n, before + 1, m_highestCommitted);
    }
}

} // namespace quorum::raft::testing
