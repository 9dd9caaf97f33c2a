#pragma once

// Raft's safety properties, checked incrementally while a Cluster runs (the LogCabin habit: an
// invariant checker runs after every step, not just at the end):
//   election safety      at most one leader per term;
//   log matching         two logs with an entry of the same index and term are identical up to
//                        it — checked as "every persisted (index, term) has one payload and one
//                        predecessor term", which implies it by induction;
//   leader completeness  an entry committed in term T is in the log of every leader of a term > T;
//   state-machine safety no two members apply different entries at one index.

#include "engine/raft/RawNode.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace quorum::raft::testing {

class SafetyChecker {
public:
    /// An entry was persisted by `id`; `prevTerm` is the term before it in that log (0 if unknown).
    void onPersisted(NodeId id, const Entry &e, std::uint64_t prevTerm, bool prevKnown);
    /// `id` applied `e` to its state machine.
    void onApplied(NodeId id, const Entry &e);
    /// Called after every step with every running member: checks election safety, records what
    /// leaders committed and checks leader completeness.
    void onStep(const std::vector<const RawNode *> &nodes);

    bool ok() const { return m_violations.empty(); }
    const std::vector<std::string> &violations() const { return m_violations; }
    std::size_t checks() const { return m_checks; }
    /// Terms that had a leader so far.
    std::size_t leaderTerms() const { return m_leaderOfTerm.size(); }
    /// Highest index any member applied.
    std::uint64_t highestApplied() const { return m_applied.empty() ? 0 : m_applied.rbegin()->first; }

private:
    struct Persisted {
        std::uint64_t prevTerm = 0;
        bool prevKnown = false;
        EntryType type = EntryType::Normal;
        std::string data;
    };
    struct Committed {
        std::uint64_t term = 0;       // term of the entry
        std::uint64_t commitTerm = 0; // term of the leader that first committed it
    };

    void violation(std::string what);
    void checkLeaderHas(const RawNode &leader, std::uint64_t from, std::uint64_t to);

    std::vector<std::string> m_violations;
    std::size_t m_checks = 0;
    std::map<std::uint64_t, NodeId> m_leaderOfTerm;
    std::set<std::pair<NodeId, std::uint64_t>> m_checkedLeaders; // (id, term) already checked in full
    std::map<std::pair<std::uint64_t, std::uint64_t>, Persisted> m_persisted; // (index, term)
    std::map<std::uint64_t, Entry> m_applied;
    std::map<std::uint64_t, Committed> m_committed;
    std::uint64_t m_highestCommitted = 0;
};

} // namespace quorum::raft::testing
