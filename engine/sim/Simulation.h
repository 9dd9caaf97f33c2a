#pragma once

// A deterministic discrete-event simulation of a raft cluster: each member is a raft::RawNode
// over a durable::DurableStorage on its own durable::MemoryDisk, with a store::KvStore, ticked
// every Options::tickInterval of virtual time, connected by a simulated Network and driven
// through the Ready loop in the documented order (persist — taking a simulated fsync latency —
// THEN send, then apply, then advance).
//
// Durability model: a Ready is written to the member's disk (the page cache) when it is taken;
// after the simulated fsync latency the storage is synced, then the messages leave, committed
// entries are applied and the node advances. A crash is MemoryDisk::crash with seeded options:
// it keeps what was synced and, sometimes, a torn (sometimes garbled) prefix of what was only
// written, and pending directory entries. A restart reopens DurableStorage from the disk
// (recovery cuts torn tails) and rebuilds RawNode and KvStore (from the storage's snapshot,
// then the log).
//
// Snapshots: every SimOptions::snapshotEvery applied indexes a member snapshots its KvStore
// into its storage and compacts the log, keeping snapshotCatchUpEntries; a follower that falls
// behind the compacted log receives MsgSnap and restores its KvStore from it.
//
// Every choice comes from one Rng seeded by Options::seed; the same options give the same
// event history (historyHash()). Single-threaded; nothing here reads a clock.

#include "engine/raft/RawNode.h"
#include "engine/sim/ApplyWorker.h"
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
    /// Each member snapshots its store every this many applied indexes (at multiples of it);
    /// 0: never (the log then grows without bound).
    std::uint64_t snapshotEvery = 200;
    /// Entries kept in the log behind a snapshot, so a follower slightly behind catches up from
    /// the log instead of a snapshot (etcd's SnapshotCatchUpEntries).
    std::uint64_t snapshotCatchUpEntries = 50;
    /// WAL segment size: small, so compaction releases segments during a run.
    std::uint64_t walSegmentBytes = 64 << 10;
    /// Snapshot files each member keeps (durable::DurableOptions::snapshotsToKeep): more allow
    /// recovery to fall back past a corrupt newest one, at the price of disk (here: memory).
    std::size_t snapshotsToKeep = 2;
    /// Where a member's key-value state lives across restarts and snapshots.
    /// false: in the Raft snapshots — each snapshot holds the whole store, a restart restores the
    ///   store from the newest one and replays the log after it.
    /// true: in a backend that persists every applied entry and survives a crash (etcd v3's bolt
    ///   database with its consistent index): Raft snapshots carry no key-values (they only let
    ///   the log be compacted), a restart keeps the store and replays only the entries after its
    ///   applied index (earlier ones are AlreadyApplied), and a MsgSnap to a lagging follower
    ///   carries the sender's whole store as of sending, as etcd's merged snapshot message does
    ///   (its applied index may be past the snapshot's; the follower skips up to it).
    bool persistentBackend = false;
    /// Chances, per crash, that it keeps a torn prefix of each file's unsynced tail, that the
    /// kept tail ends in a garbled byte, and that unsynced directory entries survive.
    double crashKeepsTornTail = 0.5;
    double crashGarblesTornTail = 0.3;
    double crashKeepsPendingEntries = 0.5;
    /// TEST ONLY: send a Ready's messages before its fsync completes (a broken driver). The
    /// harness must catch this in some seed.
    bool unsafeSendBeforePersist = false;
    /// Apply committed entries to the members' stores on a second thread (ApplyWorker) while
    /// the fsync that comes before them is simulated; the simulation settles before anything
    /// else touches a store, and shows each store as of the entries it has finished applying
    /// (storeRevision, storeAppliedIndex). Apply observers see the same results in the same
    /// order. A member that crashes in that window may keep entries its store applied ahead.
    /// The members' WAL writes and fsyncs go to that thread too (DurableStorage write-behind),
    /// in order, settled before a crash or anything that reads the disk.
    bool applyThread = false;
};

/// Counters of one run, for summaries.
struct SimStats {
    std::uint64_t leaderChanges = 0;   ///< times some member became leader
    std::uint64_t crashes = 0;
    std::uint64_t restarts = 0;
    Micros timeWithLeader = 0;         ///< virtual time some running member was leader
    Micros longestWithoutLeader = 0;
    std::uint64_t entriesApplied = 0;  ///< on all members, replays included
    std::uint64_t snapshotsTaken = 0;  ///< store snapshots saved by members (log compactions)
    std::uint64_t snapshotsSent = 0;   ///< MsgSnap sent by leaders
    std::uint64_t snapshotsInstalled = 0; ///< received snapshots a member restored its store from
    std::uint64_t restoredFromSnapshot = 0; ///< restarts that restored the store from a snapshot
    std::uint64_t restartsWithBackend = 0;  ///< restarts that kept the persisted store (persistentBackend)
    std::uint64_t entriesSkipped = 0;       ///< entries the store had applied already (persistentBackend)
    std::uint64_t tornTailsCut = 0;    ///< recoveries that cut a torn WAL tail
    std::uint64_t tornWrites = 0;      ///< files a crash left with part of their unsynced tail
    std::uint64_t transfers = 0;       ///< leadership transfers requested
    std::uint64_t transfersDone = 0;   ///< ... after which the target became leader
    std::uint64_t readiesApplying = 0; ///< Readies with committed entries
    std::uint64_t readiesWithoutSync = 0; ///< ... of which need no fsync first (applied at once)
    std::uint64_t appliesAhead = 0;    ///< Readies whose entries the apply thread applied (applyThread)
};

class Simulation {
public:
    /// Called for every entry a member applies, with the store's result (clients use it).
    using ApplyObserver = std::function<void(raft::NodeId, std::uint64_t incarnation, const store::ApplyResult &)>;
    /// Called when a ReadIndex request `ctx` made at member `id` can be served: the member has
    /// applied up to the read index, so reading its store now is linearizable.
    using ReadObserver = std::function<void(raft::NodeId, std::uint64_t incarnation, const std::string &ctx)>;
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
    /// The value pool the members' stores share (what it has compressed, for benchmarks).
    const store::ValuePool &values() const
    {
        settle();
        return *m_values;
    }
    void setApplyObserver(ApplyObserver observer) { m_applyObserver = std::move(observer); }
    void setReadObserver(ReadObserver observer) { m_readObserver = std::move(observer); }
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
    /// The member's store (with applyThread: once the apply thread has settled; the store may
    /// then hold entries applied ahead of what storeRevision() shows).
    const store::KvStore &kv(raft::NodeId id) const;
    /// The same, for creating and draining watches (local to the member, not replicated). The
    /// store is replaced when the member restarts (see incarnation()).
    store::KvStore &kv(raft::NodeId id);
    /// The store's revision and applied index as of the entries the member has finished
    /// applying (without applyThread, the store's own). Precondition: isUp(id) or a kept store.
    std::int64_t storeRevision(raft::NodeId id) const;
    std::uint64_t storeAppliedIndex(raft::NodeId id) const;
    /// The apply thread's counters (applyThread), zero otherwise.
    ApplyWorker::Stats applyThreadStats() const;
    /// The apply thread (applyThread), for other work that may run beside the simulation and
    /// is settled with it; null otherwise.
    ApplyWorker *applyThread() const { return m_applyWorker.get(); }
    /// A slow disk: adds `extra` to every fsync of the member (0 heals it).
    void setExtraFsyncLatency(raft::NodeId id, Micros extra);
    /// Highest commit index any member reported.
    std::uint64_t highestCommitted() const { return m_highestCommit; }

    /// Proposes encoded store command bytes at member `id` (NotLeader if down).
    raft::ProposeResult propose(raft::NodeId id, std::string bytes);
    /// Same, several commands in one batch (benchmarks).
    raft::ProposeResult proposeBatch(raft::NodeId id, std::vector<std::string> batch);
    /// Starts a ReadIndex read at member `id` (NotLeader if down); the read observer hears
    /// `ctx` once it may be served. Precondition: ctx non-empty and unique among pending reads.
    raft::ProposeResult readIndex(raft::NodeId id, std::string ctx);

    /// Asks member `from` (normally the leader) to hand leadership to `to`; a timeline line
    /// and SimStats::transfers. Returns false if `from` is down.
    bool transferLeadership(raft::NodeId from, raft::NodeId to);

    // ---- faults (each writes a timeline line and counts) ----------------------------------
    /// Power loss: the process dies and the member's MemoryDisk crashes with seeded options.
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
    void restoreStore(Member &m, const raft::Snapshot &snap);
    void takeSnapshot(Member &m, std::uint64_t index, std::string data);
    /// Lets the safety monitor forget entries older than every member's log.
    void forgetCompactedEntries();
    void write(Member &m, const raft::Ready &rd);
    void send(raft::Message message);
    void scheduleTick(Member &m, Micros delay);
    void deliver(raft::Message message);
    void pump(Member &m);
    void finishReady(Member &m, const std::shared_ptr<raft::Ready> &rd, const std::shared_ptr<std::string> &backend);
    struct StoreStep;
    struct AheadApply;
    /// The store's side of applying `e` (apply, hash, snapshot bytes): touches only m.kv and
    /// the value pool, so it may run on the apply thread.
    StoreStep applyToStore(Member &m, const raft::Entry &e, std::int64_t nowMs) const;
    /// The rest: counters, the safety monitor, the observer, the log snapshot.
    void finishEntry(Member &m, const raft::Entry &e, StoreStep &step);
    /// Hands the Ready's committed entries to the apply thread when it waits for an fsync.
    void applyAhead(Member &m, const std::shared_ptr<raft::Ready> &rd, Micros at);
    void applyEntry(Member &m, const raft::Entry &e);
    /// Waits for the apply thread (applyThread) to finish what it was given.
    void settle() const;
    /// ... for the member's store (a store is the member's own; the value pool they share
    /// locks for itself). Its disk is settled by its storage (DurableStorage write-behind).
    void settle(const Member &m) const;
    /// With applyThread, the member's WAL writes go to the apply thread as well.
    void writeBehind(Member &m);
    void serveReads(Member &m);
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
    raft::ConfState m_conf; // fixed: the simulation makes no membership changes
    raft::NodeId m_transferTarget = raft::kNone;
    std::map<raft::NodeId, std::unique_ptr<Member>> m_members;
    std::shared_ptr<store::ValuePool> m_values = std::make_shared<store::ValuePool>(); // shared by the members' stores
    ApplyObserver m_applyObserver;
    ReadObserver m_readObserver;
    TimelineSink m_timeline;
    std::uint64_t m_faults = 0;
    std::uint64_t m_hash = 0xcbf29ce484222325ULL;
    std::uint64_t m_highestCommit = 0;
    bool m_hadLeader = false;
    Micros m_leaderClockSince = 0;
    std::unique_ptr<ApplyWorker> m_applyWorker; // applyThread; last: its jobs use the members
};

/// "   12.345678s" — the timeline's time column.
std::string formatTime(Micros t);

} // namespace quorum::sim
