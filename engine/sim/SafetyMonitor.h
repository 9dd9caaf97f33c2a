#pragma once

// Raft's safety properties, checked continuously while a simulation runs (after every event
// that touched a member), plus agreement of the replicated store:
//   election safety      at most one leader per term;
//   log matching         every persisted (index, term) has one payload and one predecessor term
//                        (which implies the log matching property by induction);
//   leader completeness  a newly elected leader's log holds every entry committed before;
//   state-machine safety no two members apply different entries at one index;
//   store agreement      members that applied the same index have the same KvStore hash;
//   durability           what a member acknowledged over the network (an appended index, a
//                        granted vote) is still in its storage after a crash and recovery — the
//                        property a driver that sends before its fsync completes breaks.
// Entries are recorded as persisted when they are written (not when synced): a crash may keep
// written-but-unsynced entries, so anything that can reappear after recovery was seen here.
// A violation is recorded (with the virtual time and what was seen), never aborts: the harness
// reports the FIRST one with its context.
// Records of entries no member's log holds any more are forgotten (forgetBelow), so a long run
// keeps memory in proportion to the logs, not to its length.

#include "engine/raft/RawNode.h"
#include "engine/sim/EventQueue.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace quorum::sim {

/// A 64-bit hash of an entry's type and payload.
std::uint64_t entryHash(const raft::Entry &e);

struct Violation {
    Micros time = 0;
    std::string what;
};

class SafetyMonitor {
public:
    /// `id` persisted `e`, whose entryHash() is `hash`; `prevTerm` is the term of the entry
    /// before it in that log.
    void onPersisted(Micros now, raft::NodeId id, const raft::Entry &e, std::uint64_t prevTerm, std::uint64_t hash);
    /// `id` applied `e` to its state machine.
    void onApplied(Micros now, raft::NodeId id, const raft::Entry &e);
    /// `id`'s store hash after applying `index`.
    void onStoreHash(Micros now, raft::NodeId id, std::uint64_t index, std::uint32_t hash);
    /// After `node` handled an input: election safety, commits, leader completeness.
    void observe(Micros now, const raft::RawNode &node);
    /// A member sent `m`: remembers what it acknowledged (MsgAppResp, granted MsgVoteResp).
    void onSent(const raft::Message &m);
    /// `id` wrote a log suffix starting at `firstIndex` (a write replaces the log after it), or
    /// installed a snapshot at firstIndex - 1: acknowledgements past firstIndex - 1 are void.
    void onRewrite(raft::NodeId id, std::uint64_t firstIndex);
    /// `id` recovered `hs` and a log ending at `lastIndex` after a crash: checks durability.
    void onRecovered(Micros now, raft::NodeId id, const raft::HardState &hs, std::uint64_t lastIndex);
    /// Forgets what was seen of entries before `index`. Precondition (the caller's): no member
    /// can persist or apply an entry before `index` any more, i.e. `index` is at most the first
    /// index of every member's log, up or down. Entries before it are no longer checked.
    void forgetBelow(std::uint64_t index);
    /// The first index still checked (0 or 1 before anything was forgotten).
    std::uint64_t firstKept() const { return m_firstKept; }
    /// Entries whose persisted, applied or committed records are kept (for tests and memory).
    std::size_t recordsKept() const { return m_persisted.size() + m_applied.size() + m_committedTerm.size() + m_storeHash.size(); }

    bool ok() const { return m_violations.empty(); }
    const std::vector<Violation> &violations() const { return m_violations; }
    /// Individual property checks performed.
    std::uint64_t checks() const { return m_checks; }
    std::uint64_t highestCommitted() const { return m_highestCommitted; }

private:
    struct Record {
        std::uint64_t term = 0;
        std::uint64_t hash = 0;
    };
    void violation(Micros now, std::string what);
    /// The applied record of index i, or nullptr when i was forgotten.
    Record *appliedAt(std::uint64_t i);
    /// The committed term of index i (0: not known committed, or forgotten).
    std::uint64_t committedTermAt(std::uint64_t i) const;

    std::vector<Violation> m_violations;
    std::uint64_t m_checks = 0;
    std::map<std::uint64_t, raft::NodeId> m_leaderOfTerm;
    std::set<std::pair<raft::NodeId, std::uint64_t>> m_seenLeaders; // (id, term)
    struct PairHash {
        std::size_t operator()(const std::pair<std::uint64_t, std::uint64_t> &p) const
        {
            return static_cast<std::size_t>(p.first * 0x9E3779B97F4A7C15ULL ^ p.second);
        }
    };
    std::unordered_map<std::pair<std::uint64_t, std::uint64_t>, Record, PairHash> m_persisted; // (index, term) -> (prevTerm, hash)
    std::uint64_t m_firstKept = 0;   // m_applied[0] and m_committedTerm[0] are this index
    std::vector<Record> m_applied;   // by index - m_firstKept; term 0 = not applied yet
    std::vector<std::uint64_t> m_committedTerm; // by index - m_firstKept; 0 = not known committed
    std::uint64_t m_highestCommitted = 0;
    std::unordered_map<std::uint64_t, std::uint32_t> m_storeHash; // applied index -> hash
    struct Acknowledged {
        std::uint64_t index = 0;     // highest index acknowledged by MsgAppResp, still in the log
        std::uint64_t voteTerm = 0;  // last term in which a vote was granted ...
        raft::NodeId votedFor = raft::kNone; // ... and to whom
    };
    std::map<raft::NodeId, Acknowledged> m_acknowledged;
};

} // namespace quorum::sim
