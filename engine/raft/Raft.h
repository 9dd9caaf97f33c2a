#pragma once

// The raft state machine of one member (etcd-io/raft's `raft` struct). Internal to engine/raft:
// drivers use RawNode, which wraps this with the Ready/advance protocol. Single-threaded, no
// clock, no I/O: inputs are tick() and step(), outputs are the messages, log and read states
// that RawNode::ready() collects.

#include "engine/raft/Config.h"
#include "engine/raft/ConfChange.h"
#include "engine/raft/ProgressTracker.h"
#include "engine/raft/RaftLog.h"
#include "engine/raft/Random.h"
#include "engine/raft/ReadOnly.h"
#include "engine/raft/Types.h"

#include <sstream>
#include <string>
#include <vector>

namespace quorum::raft {

/// Outcome of a proposal (or of any step: other messages always yield Ok).
enum class ProposeResult : std::uint8_t {
    Ok,                 ///< appended to the leader's log, or forwarded to the known leader
    NotLeader,          ///< no leader known, or forwarding is disabled: retry elsewhere/later
    TransferInProgress, ///< the leader is handing over; retry after the transfer
    ConfChangePending,  ///< a previous configuration change is not applied yet
    InvalidConfChange,  ///< undecodable, a no-op, or would leave no voter
    Dropped,            ///< this member is not in the configuration any more
};
const char *toString(ProposeResult r);

/// One member's state machine. Not thread-safe: one thread drives it (through RawNode).
class Raft {
public:
    /// Restores from storage (hard state, configuration, log). Aborts on an invalid config
    /// (Config::validate) or a storage whose hard state contradicts its log.
    Raft(const Config &config, const Storage &storage);

    /// Advances the logical clock by one tick.
    void tick();
    /// Feeds one message: from the network, or a local request (term 0).
    ProposeResult step(const Message &m);
    /// Applies a committed configuration change; returns the new configuration.
    ConfState applyConfChange(const ConfChange &cc);

    // Read access for RawNode, Status and tests.
    NodeId id() const { return m_id; }
    std::uint64_t term() const { return m_term; }
    NodeId vote() const { return m_vote; }
    Role role() const { return m_role; }
    NodeId lead() const { return m_lead; }
    NodeId leadTransferee() const { return m_leadTransferee; }
    SoftState softState() const { return {m_lead, m_role}; }
    HardState hardState() const { return {m_term, m_vote, m_log.committed()}; }
    const RaftLog &log() const { return m_log; }
    RaftLog &log() { return m_log; }
    const ProgressTracker &tracker() const { return m_tracker; }
    /// Whether this member may campaign (a voter without a snapshot waiting to be persisted).
    bool promotable() const;
    const std::vector<Message> &messages() const { return m_msgs; }
    const std::vector<ReadState> &readStates() const { return m_readStates; }
    std::vector<Message> takeMessages();
    std::vector<ReadState> takeReadStates();

private:
    enum class CampaignType : std::uint8_t { PreElection, Election, Transfer };

    // Raft.cpp: clock, term rules, elections, configuration.
    void tickElection();
    void tickHeartbeat();
    void handleVoteRequest(const Message &m);
    void hup(CampaignType t);
    void campaign(CampaignType t);
    VoteTally poll(NodeId from, MessageType t, bool granted);
    void becomeFollower(std::uint64_t term, NodeId lead);
    void becomePreCandidate();
    void becomeCandidate();
    void becomeLeader();
    void reset(std::uint64_t term);
    void resetRandomizedElectionTimeout();
    void send(Message m);
    bool hasUnappliedConfChanges() const;
    ConfState switchToConfig(const ConfState &cs);
    void abortLeaderTransfer();

    // RaftLeader.cpp
    ProposeResult stepLeader(const Message &m);
    ProposeResult handleProposal(const Message &m);
    void handleAppendResponse(const Message &m, Progress &pr);
    void handleHeartbeatResponse(const Message &m, Progress &pr);
    void handleTransferLeader(const Message &m, Progress &pr);
    void sendTimeoutNow(NodeId to);
    void handleLeaderReadIndex(const Message &m);
    void startReadIndex(const Message &m);
    void releasePendingReadIndexMessages();
    void respondToReadIndex(const Message &request, std::uint64_t index);
    bool committedEntryInCurrentTerm() const;
    void appendEntries(std::vector<Entry> entries);
    bool maybeSendAppend(NodeId to, bool sendIfEmpty);
    bool sendSnapshot(NodeId to, Progress &pr);
    void sendHeartbeat(NodeId to, const std::string &ctx);
    void bcastAppend();
    void bcastHeartbeat();
    bool maybeCommit();

    // RaftFollower.cpp: followers and candidates.
    ProposeResult stepCandidate(const Message &m);
    ProposeResult stepFollower(const Message &m);
    ProposeResult forwardToLeader(const Message &m, const char *what);
    void handleAppendEntries(const Message &m);
    void handleHeartbeat(const Message &m);
    void handleSnapshot(const Message &m);
    bool restore(const Snapshot &s);

    // Log lines are only built when a Logger is set (benchmarks and simulations run without).
    template <typename... Args>
    void logLine(LogLevel level, const Args &...args)
    {
        if (!m_logger)
            return;
        std::ostringstream os;
        (os << ... << args);
        m_logger->log(level, os.str());
    }
    template <typename... Args>
    void debug(const Args &...args) { logLine(LogLevel::Debug, args...); }
    template <typename... Args>
    void info(const Args &...args) { logLine(LogLevel::Info, args...); }
    template <typename... Args>
    void warn(const Args &...args) { logLine(LogLevel::Warning, args...); }

    NodeId m_id;
    std::uint64_t m_term = 0;
    NodeId m_vote = kNone;
    NodeId m_lead = kNone;
    Role m_role = Role::Follower;

    RaftLog m_log;
    ProgressTracker m_tracker;
    std::uint64_t m_maxMsgSize;

    std::vector<Message> m_msgs;
    std::vector<ReadState> m_readStates;
    ReadOnly m_readOnly;
    // ReadIndex requests that arrived before this leader committed an entry of its term.
    std::vector<Message> m_pendingReadIndex;

    NodeId m_leadTransferee = kNone;
    // Log index of the latest configuration change proposed by this leader; a new one is
    // accepted only once applied >= this.
    std::uint64_t m_pendingConfIndex = 0;

    int m_electionElapsed = 0;  // leader: ticks since the last CheckQuorum; others: since the leader spoke
    int m_heartbeatElapsed = 0; // leader only
    int m_heartbeatTimeout;
    int m_electionTimeout;
    int m_randomizedElectionTimeout = 0; // in [m_electionTimeout, 2 * m_electionTimeout)

    bool m_checkQuorum;
    bool m_preVote;
    bool m_disableProposalForwarding;
    SplitMix64 m_rng;
    Logger *m_logger;
};

} // namespace quorum::raft
