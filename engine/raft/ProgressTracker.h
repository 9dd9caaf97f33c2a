#pragma once

// The current configuration (voters and learners), the leader's Progress for each member, and
// the votes of an election. Quorum arithmetic lives here and nowhere else.

#include "engine/raft/Progress.h"
#include "engine/raft/Types.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <vector>

namespace quorum::raft {

enum class VoteResult : std::uint8_t { Pending, Won, Lost };

struct VoteTally {
    std::size_t granted = 0;
    std::size_t rejected = 0;
    VoteResult result = VoteResult::Pending;
};

class ProgressTracker {
public:
    ProgressTracker(std::size_t maxInflight, std::uint64_t maxInflightBytes);

    /// Replaces the configuration; every member gets a fresh Progress probing at nextIndex.
    void reset(const ConfState &cs, std::uint64_t nextIndex);
    /// Applies a configuration that differs from the current one by single-step changes:
    /// members kept keep their Progress, new ones probe at nextIndex and count as recently
    /// active (so CheckQuorum does not trip before they had a chance to answer).
    void switchTo(const ConfState &cs, std::uint64_t nextIndex);

    ConfState confState() const;
    const std::vector<NodeId> &voters() const { return m_voters; }
    const std::vector<NodeId> &learners() const { return m_learners; }
    bool isVoter(NodeId id) const;
    bool isLearner(NodeId id) const;
    std::size_t quorum() const { return m_voters.size() / 2 + 1; }
    bool isSingleton() const { return m_voters.size() == 1; }

    Progress *progress(NodeId id);
    const Progress *progress(NodeId id) const;
    /// Every member's Progress, ordered by id (deterministic iteration).
    std::map<NodeId, Progress> &progressMap() { return m_progress; }
    const std::map<NodeId, Progress> &progressMap() const { return m_progress; }

    /// The largest index replicated on a quorum of voters (the leader's own match included).
    std::uint64_t committed() const;
    /// Whether a quorum of voters was recently active; `self` always counts as active.
    bool quorumActive(NodeId self) const;
    /// Whether the given set of members contains a quorum of voters.
    bool hasQuorum(const std::set<NodeId> &ids) const;

    void resetVotes() { m_votes.clear(); }
    /// Records the first vote of `id`; later ones (duplicates) are ignored.
    void recordVote(NodeId id, bool granted);
    VoteTally tallyVotes() const;

private:
    std::size_t m_maxInflight;
    std::uint64_t m_maxInflightBytes;
    std::vector<NodeId> m_voters;   // sorted
    std::vector<NodeId> m_learners; // sorted
    std::map<NodeId, Progress> m_progress;
    std::map<NodeId, bool> m_votes;
};

} // namespace quorum::raft
