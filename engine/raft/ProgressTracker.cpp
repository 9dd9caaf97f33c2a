#include "engine/raft/ProgressTracker.h"

#include "engine/raft/Check.h"

#include <algorithm>
#include <functional>

namespace quorum::raft {

ProgressTracker::ProgressTracker(std::size_t maxInflight, std::uint64_t maxInflightBytes)
    : m_maxInflight(maxInflight)
    , m_maxInflightBytes(maxInflightBytes)
{
}

void ProgressTracker::reset(const ConfState &cs, std::uint64_t nextIndex)
{
    m_progress.clear();
    switchTo(cs, nextIndex);
    for (auto &[id, pr] : m_progress)
        pr.recentActive = false;
}

void ProgressTracker::switchTo(const ConfState &cs, std::uint64_t nextIndex)
{
    RAFT_CHECK(std::is_sorted(cs.voters.begin(), cs.voters.end()) && std::is_sorted(cs.learners.begin(), cs.learners.end()),
               "configuration ids must be sorted");
    for (NodeId id : cs.voters)
        RAFT_CHECK(!std::binary_search(cs.learners.begin(), cs.learners.end(), id), id << " is both voter and learner");
    m_voters = cs.voters;
    m_learners = cs.learners;
    std::map<NodeId, Progress> next;
    auto keep = [&](NodeId id, bool learner) {
        auto it = m_progress.find(id);
        if (it != m_progress.end()) {
            it->second.isLearner = learner;
            next.emplace(id, std::move(it->second));
            return;
        }
        Progress pr(m_maxInflight, m_maxInflightBytes);
        pr.next = nextIndex;
        pr.isLearner = learner;
        pr.recentActive = true;
        next.emplace(id, std::move(pr));
    };
    for (NodeId id : m_voters)
        keep(id, false);
    for (NodeId id : m_learners)
        keep(id, true);
    m_progress = std::move(next);
}

ConfState ProgressTracker::confState() const
{
    return {m_voters, m_learners};
}

bool ProgressTracker::isVoter(NodeId id) const
{
    return std::binary_search(m_voters.begin(), m_voters.end(), id);
}

bool ProgressTracker::isLearner(NodeId id) const
{
    return std::binary_search(m_learners.begin(), m_learners.end(), id);
}

Progress *ProgressTracker::progress(NodeId id)
{
    auto it = m_progress.find(id);
    return it == m_progress.end() ? nullptr : &it->second;
}

const Progress *ProgressTracker::progress(NodeId id) const
{
    auto it = m_progress.find(id);
    return it == m_progress.end() ? nullptr : &it->second;
}

std::uint64_t ProgressTracker::committed() const
{
    if (m_voters.empty())
        return 0;
    std::vector<std::uint64_t> matches;
    matches.reserve(m_voters.size());
    for (NodeId id : m_voters)
        matches.push_back(m_progress.at(id).match);
    // The quorum-th largest match is on at least a quorum of voters.
    std::sort(matches.begin(), matches.end(), std::greater<>());
    return matches[quorum() - 1];
}

bool ProgressTracker::quorumActive(NodeId self) const
{
    std::size_t active = 0;
    for (NodeId id : m_voters) {
        if (id == self || m_progress.at(id).recentActive)
            ++active;
    }
    return active >= quorum();
}

bool ProgressTracker::hasQuorum(const std::set<NodeId> &ids) const
{
    std::size_t n = 0;
    for (NodeId id : m_voters)
        n += ids.count(id);
    return !m_voters.empty() && n >= quorum();
}

void ProgressTracker::recordVote(NodeId id, bool granted)
{
    m_votes.emplace(id, granted);
}

VoteTally ProgressTracker::tallyVotes() const
{
    VoteTally t;
    for (NodeId id : m_voters) {
        auto it = m_votes.find(id);
        if (it == m_votes.end())
            continue;
        if (it->second)
            ++t.granted;
        else
            ++t.rejected;
    }
    const std::size_t missing = m_voters.size() - t.granted - t.rejected;
    if (t.granted >= quorum())
        t.result = VoteResult::Won;
    else if (t.granted + missing < quorum())
        t.result = VoteResult::Lost;
    return t;
}

} // namespace quorum::raft
