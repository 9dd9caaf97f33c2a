#include "engine/sim/Simulation.h"

#include "engine/sim/Text.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <utility>

namespace quorum::sim {

using raft::NodeId;

struct Simulation::Member {
    NodeId id = raft::kNone;
    raft::Config config;
    raft::MemoryStorage storage; // the synced state: survives crashes
    std::unique_ptr<raft::RawNode> node;
    std::unique_ptr<store::KvStore> kv;
    std::uint64_t incarnation = 0;
    bool readyInFlight = false;
    raft::Role role = raft::Role::Follower;
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
    raft::ConfState conf;
    for (int i = 1; i <= options.members; ++i) {
        m_ids.push_back(static_cast<NodeId>(i));
        conf.voters.push_back(static_cast<NodeId>(i));
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
        m->storage.bootstrap(conf);
        Member &ref = *m;
        m_members.emplace(id, std::move(m));
        startNode(ref);
    }
}

Simulation::~Simulation() = default;

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
    return *member(id).kv;
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
    // No compaction in the simulation: the member replays its whole committed log into a fresh
    // store (applied starts at the bootstrap snapshot).
    m.node = std::make_unique<raft::RawNode>(m.config, m.storage);
    m.kv = std::make_unique<store::KvStore>();
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
            m.kv->promote(now() / kMs);
        }
        timeline(cat("n", m.id, " ", raft::toString(m.role), " term ", r.term(), " commit ", r.log().committed()));
        updateLeaderClock();
    }
    if (m_options.unsafeSendBeforePersist) {
        for (raft::Message &msg : rd->messages)
            m_network.send(std::move(msg));
        rd->messages.clear();
    }
    if (!rd->mustSync) {
        finishReady(m, rd);
        return;
    }
    const NodeId id = m.id;
    const std::uint64_t inc = m.incarnation;
    m_queue.after(m_rng.uniform(m_options.fsyncMin, m_options.fsyncMax), [this, id, inc, rd] {
        Member &mm = member(id);
        if (mm.node && mm.incarnation == inc)
            finishReady(mm, rd);
    });
}

void Simulation::finishReady(Member &m, const std::shared_ptr<raft::Ready> &rd)
{
    // 1. Persist (the fsync has completed).
    if (rd->hardState)
        m.storage.setHardState(*rd->hardState);
    if (rd->snapshot)
        m.storage.applySnapshot(*rd->snapshot);
    if (!rd->entries.empty()) {
        m.storage.append(rd->entries);
        for (const raft::Entry &e : rd->entries) {
            mixHash((e.index << 24) ^ e.term ^ entryHash(e));
            if (m_options.checkSafety) {
                const auto prev = m.storage.term(e.index - 1);
                m_safety.onPersisted(now(), m.id, e, prev.ok() ? prev.value : 0);
            }
        }
    }
    // 2. Send.
    for (raft::Message &msg : rd->messages)
        m_network.send(std::move(msg));
    // 3. Apply.
    for (const raft::Entry &e : rd->committedEntries)
        applyEntry(m, e);
    m.node->advance(*rd);
    m.readyInFlight = false;
    afterInput(m);
}

void Simulation::applyEntry(Member &m, const raft::Entry &e)
{
    ++m_stats.entriesApplied;
    if (m_options.checkSafety)
        m_safety.onApplied(now(), m.id, e);
    if (e.type == raft::EntryType::Normal && !e.data.empty()) {
        const store::ApplyResult result = m.kv->apply(e.index, e.data, now() / kMs);
        if (m_applyObserver)
            m_applyObserver(m.id, m.incarnation, result);
    }
    if (m_options.checkSafety && m_options.storeHashEvery != 0) {
        // The hash costs O(store history), so the spacing grows with the log (a function of the
        // index only, so every member hashes at the same indexes): O(log n) checks per member.
        const std::uint64_t every = std::max<std::uint64_t>(m_options.storeHashEvery, std::bit_floor(e.index / 32));
        if (e.index % every == 0)
            m_safety.onStoreHash(now(), m.id, e.index, m.kv->hash());
    }
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

raft::ProposeResult Simulation::proposeBatch(NodeId id, std::vector<std::string> batch)
{
    Member &m = member(id);
    if (!m.node)
        return raft::ProposeResult::NotLeader;
    const raft::ProposeResult r = m.node->proposeBatch(std::move(batch));
    afterInput(m);
    return r;
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
    m.node.reset();
    m.kv.reset();
    m.readyInFlight = false; // the unsynced Ready is lost with the process
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
