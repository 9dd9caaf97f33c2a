#include "engine/sim/Simulation.h"

#include "engine/durable/DurableStorage.h"
#include "engine/durable/MemoryDisk.h"
#include "engine/raft/Check.h"
#include "engine/sim/Text.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <limits>
#include <utility>

namespace quorum::sim {

using raft::NodeId;

namespace {

const char *const kStorageDir = "raft";

} // namespace

struct Simulation::Member {
    NodeId id = raft::kNone;
    raft::Config config;
    durable::DurableOptions storageOptions;
    durable::MemoryDisk disk; // survives crashes (with what a real disk would keep)
    std::unique_ptr<durable::DurableStorage> storage; // the process's view of the disk
    std::unique_ptr<raft::RawNode> node;
    std::unique_ptr<store::KvStore> kv;
    std::uint64_t incarnation = 0;
    std::uint64_t applied = 0; // last index applied to kv (or restored from a snapshot)
    std::vector<raft::ReadState> reads; // answered ReadIndex requests waiting for `applied`
    bool readyInFlight = false;
    Micros extraFsync = 0; // a slow disk (fault); survives restarts: it is the hardware
    raft::Role role = raft::Role::Follower;
    std::uint64_t logFirst = 0; // the log's first index when last looked at (kept while down)
    // The Ready in flight whose entries the apply thread is applying, or has (applyThread);
    // what the store showed before them, and as finishReady goes through their results.
    std::shared_ptr<AheadApply> ahead;
    std::int64_t shownRevision = 0;
    std::uint64_t shownApplied = 0;
    // The apply thread's last job for this member's store, and for its disk (WAL writes).
    std::uint64_t storeJob = 0;
    std::uint64_t diskJob = 0;
};

// One entry's store side, as applyToStore did it.
struct Simulation::StoreStep {
    bool skipped = false;  // the store held it already (persistentBackend)
    bool applied = false;  // `result` is the store's answer
    store::ApplyResult result;
    bool hashed = false;
    std::uint32_t hash = 0;
    bool snapshotHere = false; // a snapshot index: the log is snapshotted after the entry
    std::string snapshot;  // the store's bytes there (without persistentBackend)
    std::int64_t revisionAfter = 0;
    std::uint64_t appliedAfter = 0;
};

// A Ready whose committed entries the apply thread applies, and its steps (one per entry) once
// done. The Ready is not changed until finishReady has settled.
struct Simulation::AheadApply {
    std::shared_ptr<const raft::Ready> rd;
    std::vector<StoreStep> steps;
};

std::string formatTime(Micros t)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%11.6fs", static_cast<double>(t) / 1e6);
    return buf;
}

Simulation::Simulation(const SimOptions &options)
    : m_options(options)
    , m_rng(options.seed)
    , m_network(m_queue, m_rng, [this](raft::Message m) { deliver(std::move(m)); })
{
    m_network.setDefaultLink(options.link);
    for (int i = 1; i <= options.members; ++i) {
        m_ids.push_back(static_cast<NodeId>(i));
        m_conf.voters.push_back(static_cast<NodeId>(i));
    }
    const std::uint64_t raftSeed = m_rng.next();
    for (NodeId id : m_ids) {
        auto m = std::make_unique<Member>();
        m->id = id;
        m->config.id = id;
        m->config.electionTick = options.electionTick;
        m->config.heartbeatTick = options.heartbeatTick;
        m->config.preVote = true;
        m->config.checkQuorum = true;
        m->config.seed = raftSeed;
        m->storageOptions.wal.segmentBytes = options.walSegmentBytes;
        m->storageOptions.snapshotsToKeep = std::max<std::size_t>(1, options.snapshotsToKeep);
        auto opened = durable::DurableStorage::open(m->disk, kStorageDir, m->storageOptions);
        RAFT_CHECK(opened.ok(), "member " << id << ": " << opened.error());
        m->storage = std::move(*opened);
        const durable::Status boot = m->storage->bootstrap(m_conf);
        RAFT_CHECK(boot.ok(), "member " << id << ": " << boot.message());
        Member &ref = *m;
        m_members.emplace(id, std::move(m));
        startNode(ref);
    }
    if (options.applyThread) {
        m_applyWorker = std::make_unique<ApplyWorker>();
        for (auto &[id, m] : m_members)
            writeBehind(*m);
    }
}

Simulation::~Simulation()
{
    // First: the worker's jobs use the members (it runs what is queued, then ends).
    m_applyWorker.reset();
}

void Simulation::writeBehind(Member &m)
{
    if (!m_applyWorker || !m.storage)
        return;
    Member *member = &m;
    m.storage->setWriteBehind(
        [this, member](std::function<void()> job) { member->diskJob = m_applyWorker->submit(std::move(job)); },
        [this, member] {
            if (m_applyWorker) // (gone first when the simulation ends)
                m_applyWorker->waitFor(member->diskJob);
        });
}

void Simulation::settle() const
{
    if (m_applyWorker)
        m_applyWorker->settle();
}

void Simulation::settle(const Member &m) const
{
    if (m_applyWorker)
        m_applyWorker->waitFor(m.storeJob);
}

ApplyWorker::Stats Simulation::applyThreadStats() const
{
    return m_applyWorker ? m_applyWorker->stats() : ApplyWorker::Stats{};
}

std::int64_t Simulation::storeRevision(NodeId id) const
{
    const Member &m = member(id);
    // The worker only touches the store of a member with entries ahead: others read as they are.
    return m.ahead ? m.shownRevision : m.kv->revision();
}

std::uint64_t Simulation::storeAppliedIndex(NodeId id) const
{
    const Member &m = member(id);
    return m.ahead ? m.shownApplied : m.kv->appliedIndex();
}

Simulation::Member &Simulation::member(NodeId id)
{
    return *m_members.at(id);
}

const Simulation::Member &Simulation::member(NodeId id) const
{
    return *m_members.at(id);
}

bool Simulation::isUp(NodeId id) const
{
    auto it = m_members.find(id);
    return it != m_members.end() && it->second->node != nullptr;
}

std::uint64_t Simulation::incarnation(NodeId id) const
{
    return member(id).incarnation;
}

const raft::RawNode &Simulation::node(NodeId id) const
{
    return *member(id).node;
}

const store::KvStore &Simulation::kv(NodeId id) const
{
    const Member &m = member(id);
    settle(m);
    return *m.kv;
}

void Simulation::setExtraFsyncLatency(NodeId id, Micros extra)
{
    member(id).extraFsync = std::max<Micros>(0, extra);
}

store::KvStore &Simulation::kv(NodeId id)
{
    Member &m = member(id);
    settle(m);
    return *m.kv;
}

NodeId Simulation::leader() const
{
    NodeId best = raft::kNone;
    std::uint64_t bestTerm = 0;
    for (const auto &[id, m] : m_members) {
        if (m->node && m->node->raft().role() == raft::Role::Leader && m->node->raft().term() >= bestTerm) {
            best = id;
            bestTerm = m->node->raft().term();
        }
    }
    return best;
}

void Simulation::mixHash(std::uint64_t v)
{
    m_hash ^= v + 0x9E3779B97F4A7C15ULL + (m_hash << 6) + (m_hash >> 2);
}

void Simulation::timeline(const std::string &line)
{
    mixHash(std::hash<std::string>{}(line));
    if (m_timeline) {
        std::string out = formatTime(now());
        out += "  ";
        out += line;
        m_timeline(out);
    }
}

void Simulation::startNode(Member &m)
{
    // A restart recovers the storage from the disk. A failure to recover is a bug (in the WAL,
    // or in the driver's write order), never an expected outcome: abort loudly.
    if (!m.storage) {
        auto opened = durable::DurableStorage::open(m.disk, kStorageDir, m.storageOptions);
        RAFT_CHECK(opened.ok(), "member " << m.id << " cannot recover its storage: " << opened.error());
        m.storage = std::move(*opened);
        writeBehind(m);
        const durable::RecoveryReport &report = m.storage->recoveryReport();
        if (report.wal.tornTailTruncated) {
            ++m_stats.tornTailsCut;
            timeline(cat("n", m.id, " recovery cut a torn WAL tail of ", report.wal.tornBytes, " bytes (",
                         report.wal.tornReason, ")"));
        }
        if (m_options.checkSafety)
            m_safety.onRecovered(now(), m.id, m.storage->hardState(), m.storage->lastIndex());
    }
    // The store starts from the storage's snapshot (Config::applied 0 = the snapshot index), the
    // node replays the committed log after it.
    m.node = std::make_unique<raft::RawNode>(m.config, *m.storage);
    m.reads.clear();
    if (m_options.persistentBackend && m.kv) {
        // The backend survived: the log replay skips what it already holds.
        m.applied = std::max<std::uint64_t>(m.storage->firstIndex() - 1, m.kv->appliedIndex());
        ++m_stats.restartsWithBackend;
    } else {
        m.kv = std::make_unique<store::KvStore>();
        m.kv->setValuePool(m_values);
        const raft::Snapshot &snap = m.storage->snapshot().value;
        m.applied = snap.metadata.index;
        if (!snap.data.empty()) {
            restoreStore(m, snap);
            ++m_stats.restoredFromSnapshot;
        }
    }
    m.role = raft::Role::Follower;
    m.readyInFlight = false;
    // A random phase, so members do not tick in lockstep.
    scheduleTick(m, m_rng.uniform(1, m_options.tickInterval));
}

void Simulation::scheduleTick(Member &m, Micros delay)
{
    const NodeId id = m.id;
    const std::uint64_t inc = m.incarnation;
    m_queue.after(delay, [this, id, inc] {
        Member &mm = member(id);
        if (!mm.node || mm.incarnation != inc)
            return;
        mm.node->tick();
        afterInput(mm);
        scheduleTick(mm, m_options.tickInterval);
    });
}

void Simulation::deliver(raft::Message message)
{
    Member &m = member(message.to);
    if (!m.node)
        return;
    mixHash((static_cast<std::uint64_t>(now()) << 16) ^ (message.from << 8) ^ message.to);
    mixHash((message.term << 20) ^ (message.index << 4) ^ static_cast<std::uint64_t>(message.type));
    const bool snap = message.type == raft::MessageType::MsgSnap;
    const NodeId from = message.from;
    m.node->step(message);
    if (snap && isUp(from)) {
        member(from).node->reportSnapshot(m.id, raft::SnapshotStatus::Finish);
        afterInput(member(from));
    }
    afterInput(m);
}

void Simulation::afterInput(Member &m)
{
    if (m_options.checkSafety)
        m_safety.observe(now(), *m.node);
    m_highestCommit = std::max(m_highestCommit, m.node->raft().log().committed());
    pump(m);
}

void Simulation::pump(Member &m)
{
    if (!m.node || m.readyInFlight || !m.node->hasReady())
        return;
    auto rd = std::make_shared<raft::Ready>(m.node->ready());
    m.readyInFlight = true;
    if (rd->softState && rd->softState->role != m.role) {
        m.role = rd->softState->role;
        const auto &r = m.node->raft();
        if (m.role == raft::Role::Leader) {
            ++m_stats.leaderChanges;
            settle(m);
            m.kv->promote(now() / kMs);
            if (m.id == m_transferTarget)
                ++m_stats.transfersDone;
            m_transferTarget = raft::kNone;
        }
        timeline(cat("n", m.id, " ", raft::toString(m.role), " term ", r.term(), " commit ", r.log().committed()));
        updateLeaderClock();
    }
    // With a persistent backend, a received snapshot's data is the sender's store: it goes to
    // the backend (after the persist, below), not into the snapshot file.
    std::shared_ptr<std::string> backend;
    if (m_options.persistentBackend && rd->snapshot && !rd->snapshot->data.empty()) {
        backend = std::make_shared<std::string>(std::move(rd->snapshot->data));
        rd->snapshot->data.clear();
    }
    write(m, *rd);
    if (m_options.unsafeSendBeforePersist) {
        for (raft::Message &msg : rd->messages)
            send(std::move(msg));
        rd->messages.clear();
    }
    if (!rd->committedEntries.empty()) {
        ++m_stats.readiesApplying;
        m_stats.readiesWithoutSync += rd->mustSync ? 0 : 1;
    }
    if (!rd->mustSync) {
        finishReady(m, rd, backend);
        return;
    }
    const NodeId id = m.id;
    const std::uint64_t inc = m.incarnation;
    const Micros delay = m_rng.uniform(m_options.fsyncMin, m_options.fsyncMax) + m.extraFsync;
    if (m_applyWorker && !rd->committedEntries.empty() && !(rd->snapshot && !rd->snapshot->empty()))
        applyAhead(m, rd, now() + delay);
    m_queue.after(delay, [this, id, inc, rd, backend] {
        Member &mm = member(id);
        if (mm.node && mm.incarnation == inc)
            finishReady(mm, rd, backend);
    });
}

void Simulation::write(Member &m, const raft::Ready &rd)
{
    const durable::Status s = m.storage->write(rd);
    RAFT_CHECK(s.ok(), "member " << m.id << ": " << s.message());
    if (rd.snapshot && !rd.snapshot->empty() && m_options.checkSafety)
        m_safety.onRewrite(m.id, rd.snapshot->metadata.index + 1);
    if (rd.entries.empty())
        return;
    if (m_options.checkSafety)
        m_safety.onRewrite(m.id, rd.entries.front().index);
    // Recorded at the write, not the sync: a crash may keep written entries, so whatever can
    // reappear after a recovery has been seen by the monitor.
    for (const raft::Entry &e : rd.entries) {
        if (e.index < m.storage->firstIndex())
            continue; // inside the snapshot that came with it: not written
        const std::uint64_t hash = entryHash(e);
        mixHash((e.index << 24) ^ e.term ^ hash);
        if (m_options.checkSafety)
            m_safety.onPersisted(now(), m.id, e, m.storage->term(e.index - 1).value, hash);
    }
}

void Simulation::send(raft::Message message)
{
    if (message.type == raft::MessageType::MsgSnap) {
        ++m_stats.snapshotsSent;
        // etcd's merged snapshot message: the Raft snapshot's metadata with the sender's
        // whole backend as of now.
        if (m_options.persistentBackend) {
            const Member &from = member(message.from);
            settle(from);
            if (from.kv && message.snapshot)
                message.snapshot->data = from.kv->snapshot();
        }
    }
    if (m_options.checkSafety)
        m_safety.onSent(message);
    m_network.send(std::move(message));
}

void Simulation::finishReady(Member &m, const std::shared_ptr<raft::Ready> &rd, const std::shared_ptr<std::string> &backend)
{
    // 1. Sync what pump() wrote (the fsync has completed).
    if (rd->mustSync) {
        const durable::Status s = m.storage->sync();
        RAFT_CHECK(s.ok(), "member " << m.id << ": " << s.message());
    }
    // 2. Send.
    for (raft::Message &msg : rd->messages)
        send(std::move(msg));
    // 3. Apply: a received snapshot replaces the store, then the committed entries after it.
    if (rd->snapshot && !rd->snapshot->empty()) {
        if (backend) {
            raft::Snapshot withData{rd->snapshot->metadata, std::move(*backend)};
            restoreStore(m, withData);
        } else {
            restoreStore(m, *rd->snapshot);
        }
        ++m_stats.snapshotsInstalled;
        timeline(cat("n", m.id, " installed a snapshot at index ", rd->snapshot->metadata.index));
    }
    if (std::shared_ptr<AheadApply> ahead = m.ahead) {
        RAFT_CHECK(ahead->rd == rd, "member " << m.id << ": entries applied ahead for another Ready");
        settle(m);
        for (std::size_t i = 0; i < rd->committedEntries.size(); ++i) {
            StoreStep &step = ahead->steps[i];
            m.shownRevision = step.revisionAfter;
            m.shownApplied = step.appliedAfter;
            finishEntry(m, rd->committedEntries[i], step);
        }
        m.ahead.reset();
    } else {
        if (!rd->committedEntries.empty())
            settle(m); // the store's earlier jobs (the value pool locks for itself)
        for (const raft::Entry &e : rd->committedEntries)
            applyEntry(m, e);
    }
    m.reads.insert(m.reads.end(), rd->readStates.begin(), rd->readStates.end());
    serveReads(m);
    m.node->advance(*rd);
    m.readyInFlight = false;
    afterInput(m);
}

void Simulation::serveReads(Member &m)
{
    // Read states arrive in request order with non-decreasing indexes.
    std::size_t served = 0;
    while (served < m.reads.size() && m.reads[served].index <= m.applied) {
        if (m_readObserver)
            m_readObserver(m.id, m.incarnation, m.reads[served].requestCtx);
        ++served;
    }
    m.reads.erase(m.reads.begin(), m.reads.begin() + static_cast<std::ptrdiff_t>(served));
}

void Simulation::applyEntry(Member &m, const raft::Entry &e)
{
    StoreStep step = applyToStore(m, e, now() / kMs);
    finishEntry(m, e, step);
}

Simulation::StoreStep Simulation::applyToStore(Member &m, const raft::Entry &e, std::int64_t nowMs) const
{
    StoreStep step;
    // A persistent backend already holds entries up to its applied index (after a restart or
    // a merged snapshot): they are skipped, and nobody is told again.
    step.skipped = e.index <= m.kv->appliedIndex();
    if (!step.skipped && e.type == raft::EntryType::Normal && !e.data.empty()) {
        step.result = m.kv->apply(e.index, e.data, nowMs);
        step.applied = true;
    }
    const bool snapshotHere = m_options.snapshotEvery != 0 && e.index % m_options.snapshotEvery == 0;
    step.snapshotHere = snapshotHere;
    if (m_options.checkSafety && m_options.storeHashEvery != 0) {
        // The hash costs O(store history), so the spacing grows with the log (a function of the
        // index only, so every member hashes at the same indexes): O(log n) checks per member.
        // Snapshot indexes are always checked: a member restored from a snapshot is compared
        // there (restoreStore).
        const std::uint64_t every = std::max<std::uint64_t>(m_options.storeHashEvery, std::bit_floor(e.index / 32));
        if (!step.skipped && (e.index % every == 0 || snapshotHere)) {
            step.hashed = true;
            step.hash = m.kv->hash();
        }
    }
    // With a persistent backend the key-values are not part of the Raft snapshot.
    if (snapshotHere && !m_options.persistentBackend)
        step.snapshot = m.kv->snapshot();
    step.revisionAfter = m.kv->revision();
    step.appliedAfter = m.kv->appliedIndex();
    return step;
}

void Simulation::finishEntry(Member &m, const raft::Entry &e, StoreStep &step)
{
    ++m_stats.entriesApplied;
    m.applied = std::max(m.applied, e.index);
    if (m_options.checkSafety)
        m_safety.onApplied(now(), m.id, e);
    if (step.skipped)
        ++m_stats.entriesSkipped;
    if (step.applied && m_applyObserver)
        m_applyObserver(m.id, m.incarnation, step.result);
    if (step.hashed)
        m_safety.onStoreHash(now(), m.id, e.index, step.hash);
    if (step.snapshotHere)
        takeSnapshot(m, e.index, std::move(step.snapshot));
}

void Simulation::applyAhead(Member &m, const std::shared_ptr<raft::Ready> &rd, Micros at)
{
    // The store is the worker's until finishReady settles: nothing else of the member's is.
    auto ahead = std::make_shared<AheadApply>();
    ahead->rd = rd;
    settle(m); // nothing of the store's is still running
    m.shownRevision = m.kv->revision();
    m.shownApplied = m.kv->appliedIndex();
    m.ahead = ahead;
    ++m_stats.appliesAhead;
    Member *member = &m;
    const std::int64_t nowMs = at / kMs;
    m.storeJob = m_applyWorker->submit([this, member, ahead, nowMs] {
        ahead->steps.reserve(ahead->rd->committedEntries.size());
        for (const raft::Entry &e : ahead->rd->committedEntries)
            ahead->steps.push_back(applyToStore(*member, e, nowMs));
    });
}

void Simulation::takeSnapshot(Member &m, std::uint64_t index, std::string data)
{
    auto r = m.storage->createSnapshot(index, m_conf, std::move(data));
    RAFT_CHECK(r.ok(), "member " << m.id << ": " << r.error());
    if (!r->ok())
        return; // OutOfDate: a snapshot received from the leader is newer
    ++m_stats.snapshotsTaken;
    mixHash(index ^ (static_cast<std::uint64_t>(m.id) << 56));
    if (index > m_options.snapshotCatchUpEntries) {
        auto c = m.storage->compact(index - m_options.snapshotCatchUpEntries);
        RAFT_CHECK(c.ok(), "member " << m.id << ": " << c.error());
        if (m_options.checkSafety)
            forgetCompactedEntries();
    }
}

void Simulation::forgetCompactedEntries()
{
    // No member persists or applies an entry before the first index of every log (a member
    // that is down counts with the log it had): what the safety monitor keeps of older entries
    // can go, so a long run does not grow with its length.
    std::uint64_t first = std::numeric_limits<std::uint64_t>::max();
    for (auto &[id, m] : m_members) {
        if (m->storage)
            m->logFirst = m->storage->firstIndex();
        first = std::min(first, m->logFirst);
    }
    m_safety.forgetBelow(first);
}

void Simulation::restoreStore(Member &m, const raft::Snapshot &snap)
{
    settle(m);
    const store::RestoreResult r = m.kv->restore(snap.data, now() / kMs);
    RAFT_CHECK(r.ok(), "member " << m.id << " cannot restore the snapshot at " << snap.metadata.index << ": " << r.error);
    // A merged snapshot (persistentBackend) may be ahead of its metadata index.
    m.applied = std::max<std::uint64_t>(snap.metadata.index, m.kv->appliedIndex());
    mixHash(snap.metadata.index ^ (static_cast<std::uint64_t>(m.id) << 48));
    if (m_options.checkSafety && m_options.storeHashEvery != 0)
        m_safety.onStoreHash(now(), m.id, m.applied, m.kv->hash());
}

raft::ProposeResult Simulation::propose(NodeId id, std::string bytes)
{
    Member &m = member(id);
    if (!m.node)
        return raft::ProposeResult::NotLeader;
    const raft::ProposeResult r = m.node->propose(std::move(bytes));
    afterInput(m);
    return r;
}

raft::ProposeResult Simulation::readIndex(NodeId id, std::string ctx)
{
    Member &m = member(id);
    if (!m.node)
        return raft::ProposeResult::NotLeader;
    const raft::ProposeResult r = m.node->readIndex(std::move(ctx));
    afterInput(m);
    return r;
}

raft::ProposeResult Simulation::proposeBatch(NodeId id, std::vector<std::string> batch)
{
    Member &m = member(id);
    if (!m.node)
        return raft::ProposeResult::NotLeader;
    const raft::ProposeResult r = m.node->proposeBatch(std::move(batch));
    afterInput(m);
    return r;
}

bool Simulation::transferLeadership(NodeId from, NodeId to)
{
    Member &m = member(from);
    if (!m.node)
        return false;
    noteFault(cat("transfer leadership n", from, " -> n", to));
    ++m_stats.transfers;
    m_transferTarget = to;
    m.node->transferLeadership(to);
    afterInput(m);
    return true;
}

void Simulation::noteFault(const std::string &what)
{
    ++m_faults;
    timeline(cat("fault: ", what));
}

void Simulation::crash(NodeId id)
{
    Member &m = member(id);
    if (!m.node)
        return;
    noteFault(cat("crash n", id));
    ++m_stats.crashes;
    ++m.incarnation;
    settle(m); // its store; its disk before the crash, below (the storage settles it)
    m.ahead.reset(); // applied, never finished: a kept backend holds them, nobody was told
    m.node.reset();
    if (m_options.persistentBackend && m.kv)
        m.kv->cancelAllWatches(); // the process's watchers die with it; the backend stays
    else
        m.kv.reset();
    m.storage.reset();
    m.readyInFlight = false; // the process is gone; what its unsynced Ready wrote is up to the disk
    durable::CrashOptions co;
    co.seed = m_rng.next();
    co.keepTornTail = m_rng.chance(m_options.crashKeepsTornTail);
    co.garbleTornTail = co.keepTornTail && m_rng.chance(m_options.crashGarblesTornTail);
    co.keepPendingEntries = m_rng.chance(m_options.crashKeepsPendingEntries);
    const durable::CrashReport report = m.disk.crash(co);
    m_stats.tornWrites += report.filesTorn;
    mixHash(report.unsyncedBytesLost ^ (static_cast<std::uint64_t>(report.filesTorn) << 40));
    m.role = raft::Role::Follower;
    updateLeaderClock();
}

void Simulation::restart(NodeId id)
{
    Member &m = member(id);
    if (m.node)
        return;
    noteFault(cat("restart n", id));
    ++m_stats.restarts;
    startNode(m);
    afterInput(m);
}

void Simulation::updateLeaderClock()
{
    const bool has = leader() != raft::kNone;
    if (has == m_hadLeader)
        return;
    const Micros span = now() - m_leaderClockSince;
    if (m_hadLeader)
        m_stats.timeWithLeader += span;
    else
        m_stats.longestWithoutLeader = std::max(m_stats.longestWithoutLeader, span);
    m_hadLeader = has;
    m_leaderClockSince = now();
}

void Simulation::finishStats()
{
    const Micros span = now() - m_leaderClockSince;
    if (m_hadLeader)
        m_stats.timeWithLeader += span;
    else
        m_stats.longestWithoutLeader = std::max(m_stats.longestWithoutLeader, span);
    m_leaderClockSince = now();
}

void Simulation::runUntil(Micros until)
{
    const bool check = m_options.checkSafety;
    m_queue.runUntil(until, [this, check] { return check && !m_safety.ok(); });
}

bool Simulation::runUntil(Micros until, const std::function<bool()> &done)
{
    bool finished = false;
    m_queue.runUntil(until, [&] {
        finished = done();
        return finished || (m_options.checkSafety && !m_safety.ok());
    });
    return finished;
}

} // namespace quorum::sim
