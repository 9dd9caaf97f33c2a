#pragma once

// A deterministic discrete-event simulation of a raft cluster: each member is a raft::RawNode
// with its storage and a store::KvStore, ticked every Options::tickInterval of virtual time,
// connected by a simulated Network and driven through the Ready loop in the documented order
// (persist — taking a simulated fsync latency — THEN send, then apply, then advance).
//
// Durability model: what a member persisted is written to its storage only when the simulated
// fsync completes, so a crash loses the Ready in flight (hard state, entries, messages) and
// keeps everything synced before. A restart rebuilds RawNode and KvStore from that storage.
// TODO(durable): run members on engine/durable's DurableStorage over MemoryDisk instead of a
// raft::MemoryStorage, to also exercise the WAL and torn-tail recovery under faults.
//
// Every choice comes from one Rng seeded by Options::seed; the same options give the same
// event history (historyHash()). Single-threaded; nothing here reads a clock.

#include "engine/raft/MemoryStorage.h"
#include "engine/raft/RawNode.h"
#include "engine/sim/EventQueue.h"
#include "engine/sim/Network.h"
#include "engine/sim/Random.h"
#include "engine/sim/SafetyMonitor.h"
#include "engine/store/KvStore.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace quorum::sim {

struct SimOptions {
    std::uint64_t seed = 1;
    int members = 3;
    Micros tickInterval = 100 * kMs; ///< raft tick (etcd: 100 ms heartbeat)
    int electionTick = 10;           ///< election timeout 1000 ms, randomized up to 2x
    int heartbeatTick = 1;
    LinkSpec link;                   ///< default 0.1–1 ms, no loss
    Micros fsyncMin = 50;            ///< simulated fsync latency, uniform in [fsyncMin, fsyncMax]
    Micros fsyncMax = 500;
    bool checkSafety = true;
    /// Compare KvStore hashes across members every this many applied indexes at least (the
    /// spacing grows with the log, see applyEntry); 0: never.
    std::uint64_t storeHashEvery = 16;
    /// TEST ONLY: send a Ready's messages before its fsync completes (a broken driver). The
    /// harness must catch this in some seed.
    bool unsafeSendBeforePersist = false;
};

/// Counters of one run, for summaries.
struct SimStats {
    std::uint64_t leaderChanges = 0;   ///< times some member became leader
    std::uint64_t crashes = 0;
    std::uint64_t restarts = 0;
    Micros timeWithLeader = 0;         ///< virtual time some running member was leader
    Micros longestWithoutLeader = 0;
    std::uint64_t entriesApplied = 0;  ///< on all members, replays included
};

class Simulation {
public:
    /// Called for every entry a member applies, with the store's result (clients use it).
    using ApplyObserver = std::function<void(raft::NodeId, std::uint64_t incarnation, const store::ApplyResult &)>;
    /// Receives timeline lines (role changes, faults), already prefixed with the virtual time.
    using TimelineSink = std::function<void(const std::string &)>;

    explicit Simulation(const SimOptions &options);
    ~Simulation();
    Simulation(const Simulation &) = delete;
    Simulation &operator=(const Simulation &) = delete;

    const SimOptions &options() const { return m_options; }
    EventQueue &queue() { return m_queue; }
    Micros now() const { return m_queue.now(); }
    Rng &rng() { return m_rng; }
    Network &network() { return m_network; }
    SafetyMonitor &safety() { return m_safety; }
    const SimStats &stats() const { return m_stats; }
    void setApplyObserver(ApplyObserver observer) { m_applyObserver = std::move(observer); }
    void setTimeline(TimelineSink sink) { m_timeline = std::move(sink); }

    /// Ids 1..members.
    const std::vector<raft::NodeId> &ids() const { return m_ids; }
    bool isUp(raft::NodeId id) const;
    /// Bumped on every crash: lets callers ignore events of an earlier life of a member.
    std::uint64_t incarnation(raft::NodeId id) const;
    /// Running member that is leader with the highest term, or kNone.
    raft::NodeId leader() const;
    /// The member's node; precondition: isUp(id).
    const raft::RawNode &node(raft::NodeId id) const;
    const store::KvStore &kv(raft::NodeId id) const;
    /// Highest commit index any member reported.
    std::uint64_t highestCommitted() const { return m_highestCommit; }

    /// Proposes encoded store command bytes at member `id` (NotLeader if down).
    raft::ProposeResult propose(raft::NodeId id, std::string bytes);
    /// Same, several commands in one batch (benchmarks).
    raft::ProposeResult proposeBatch(raft::NodeId id, std::vector<std::string> batch);

    // ---- faults (each writes a timeline line and counts) ----------------------------------
    void crash(raft::NodeId id);
    void restart(raft::NodeId id);
    /// Writes "fault: <what>" to the timeline and counts a fault (network faults call it).
    void noteFault(const std::string &what);
    /// Writes a timeline line (heals, markers) without counting a fault.
    void note(const std::string &what) { timeline(what); }
    std::uint64_t faults() const { return m_faults; }

    /// Runs until virtual time `until`, or until the first safety violation.
    void runUntil(Micros until);
    /// Runs until `done` is true (checked after every event) or `until`; returns whether done.
    bool runUntil(Micros until, const std::function<bool()> &done);
    /// Updates leader statistics up to now (call before reading stats at the end of a run).
    void finishStats();

    /// Running hash of everything that happened (deliveries, persists, applies, faults).
    std::uint64_t historyHash() const { return m_hash; }

private:
    struct Member;
    Member &member(raft::NodeId id);
    const Member &member(raft::NodeId id) const;
    void startNode(Member &m);
    void scheduleTick(Member &m, Micros delay);
    void deliver(raft::Message message);
    void pump(Member &m);
    void finishReady(Member &m, const std::shared_ptr<raft::Ready> &rd);
    void applyEntry(Member &m, const raft::Entry &e);
    void afterInput(Member &m);
    void updateLeaderClock();
    void timeline(const std::string &line);
    void mixHash(std::uint64_t v);

    SimOptions m_options;
    EventQueue m_queue;
    Rng m_rng;
    Network m_network;
    SafetyMonitor m_safety;
    SimStats m_stats;
    std::vector<raft::NodeId> m_ids;
    std::map<raft::NodeId, std::unique_ptr<Member>> m_members;
    ApplyObserver m_applyObserver;
    TimelineSink m_timeline;
    std::uint64_t m_faults = 0;
    std::uint64_t m_hash = 0xcbf29ce484222325ULL;
    std::uint64_t m_highestCommit = 0;
    bool m_hadLeader = false;
    Micros m_leaderClockSince = 0;
};

/// "   12.345678s" — the timeline's time column.
std::string formatTime(Micros t);

} // namespace quorum::sim
