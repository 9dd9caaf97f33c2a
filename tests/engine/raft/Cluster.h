#pragma once

// An in-memory cluster of RawNodes with a scriptable network, for golden traces, the randomized
// safety test and the benchmark. Everything is deterministic: no threads, no clock; messages
// wait in one queue until the test delivers, drops or duplicates them.
//
// Each member runs the standard driver loop (RawNode.h) in processReady(): persist to its
// MemoryStorage, queue messages, apply, advance. The "application" is a running hash of the
// applied entries, so snapshots are tiny and two members' states compare by value.

#include "engine/raft/MemoryStorage.h"
#include "engine/raft/RawNode.h"
#include "tests/engine/raft/SafetyChecker.h"

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace quorum::raft::testing {

/// How much the cluster writes into its trace.
enum class TraceLevel : std::uint8_t {
    None,     ///< nothing
    LogsOnly, ///< raft log lines only (timelines)
    Full,     ///< Ready contents, message deliveries and log lines (golden traces)
};

class Cluster {
public:
    struct Member {
        NodeId id = kNone;
        Config config;
        std::unique_ptr<MemoryStorage> storage;
        std::unique_ptr<RawNode> node; // null while crashed
        // Application state: hash of everything applied, and the applied index.
        std::uint64_t appHash = 0;
        std::uint64_t appApplied = 0;
        // (index, hash) and (index, configuration) after each applied entry since the last
        // snapshot, so a snapshot can be cut at any applied index.
        std::vector<std::pair<std::uint64_t, std::uint64_t>> hashHistory;
        std::vector<std::pair<std::uint64_t, ConfState>> confHistory;
        std::vector<ReadState> readStates; // every ReadState received, in order
        std::uint64_t appliedCount = 0;    // entries applied since start (for benchmarks)
    };

    explicit Cluster(std::uint64_t seed = 1);
    ~Cluster();
    Cluster(const Cluster &) = delete;
    Cluster &operator=(const Cluster &) = delete;

    /// Where trace output goes (appended); null for none.
    void setTrace(std::string *out, TraceLevel level);
    void setLogLevel(LogLevel minimum) { m_logLevel = minimum; }
    /// Prefix for trace lines written from now on (e.g. "  " or "t=3 ").
    void setTracePrefix(std::string prefix) { m_prefix = std::move(prefix); }
    std::string *trace() const { return m_trace; }
    TraceLevel traceLevel() const { return m_traceLevel; }

    /// Adds member `config.id` (seed and logger are filled in). With `bootstrap`, its storage
    /// starts as a member of a new cluster with that configuration at `index`; without, it
    /// starts empty and waits for a leader's snapshot.
    void addMember(Config config, const ConfState *bootstrap, std::uint64_t index = 1);

    bool has(NodeId id) const { return m_members.count(id) != 0; }
    bool isUp(NodeId id) const;
    Member &member(NodeId id);
    const Member &member(NodeId id) const;
    RawNode &node(NodeId id);
    const std::vector<NodeId> &ids() const;
    std::vector<NodeId> upIds() const;
    /// The member that is leader with the highest term, or kNone.
    NodeId leader() const;

    /// Runs the driver loop once for `id` if it has a Ready. Returns whether it had one.
    bool processReady(NodeId id);
    /// Delivers every message currently queued for `id` (in order). Returns how many.
    std::size_t deliverTo(NodeId id);
    /// Drops every message currently queued for `id`.
    std::size_t dropTo(NodeId id);
    /// Delivers (or, if the link is cut or the receiver down, drops) queued message i.
    void deliverAt(std::size_t i);
    void dropAt(std::size_t i);
    void duplicateAt(std::size_t i);
    const std::vector<Message> &network() const { return m_network; }
    /// Until nothing happens: every member processes its Ready, then receives its messages.
    /// Returns false if it did not settle within maxRounds (a livelock).
    bool stabilize(std::size_t maxRounds = 1000);

    /// Messages between different groups are dropped at delivery. Members in no group are
    /// cut off from everyone.
    void partition(const std::vector<std::set<NodeId>> &groups);
    void isolate(NodeId id);
    void heal() { m_cut.clear(); }
    bool linked(NodeId from, NodeId to) const { return m_cut.count({from, to}) == 0; }

    /// Loses the member's volatile state (RawNode, application state, pending Ready);
    /// its storage survives, as a synced disk would.
    void crash(NodeId id);
    /// Restarts a crashed member from its storage; it re-applies committed entries.
    void restart(NodeId id);
    /// Snapshots `id`'s application at `index` (<= applied) and compacts its log up to it.
    /// Returns false (with `why`) if that is not possible.
    bool compact(NodeId id, std::uint64_t index, std::string *why);

    SafetyChecker &safety() { return m_safety; }
    /// Benchmarks switch the checker off: it remembers every entry ever persisted.
    void setSafetyChecks(bool on) { m_checkSafety = on; }
    /// Runs the per-step safety checks over the running members.
    void checkSafety();

private:
    class TraceLogger;
    void write(const std::string &line);
    void applyEntry(Member &m, const Entry &e);
    void restoreApp(Member &m, const Snapshot &s);
    void startNode(Member &m);
    void deliver(Message msg);
    void drop(const Message &msg);

    std::uint64_t m_seed;
    std::map<NodeId, Member> m_members;
    std::vector<NodeId> m_ids; // sorted keys of m_members
    std::vector<Message> m_network;
    std::set<std::pair<NodeId, NodeId>> m_cut;
    SafetyChecker m_safety;
    bool m_checkSafety = true;
    std::unique_ptr<TraceLogger> m_logger;
    std::string *m_trace = nullptr;
    TraceLevel m_traceLevel = TraceLevel::None;
    LogLevel m_logLevel = LogLevel::Info;
    std::string m_prefix;
    std::string m_indent; // nesting inside a Ready or a delivery (full traces only)
};

} // namespace quorum::raft::testing
