#include "tests/engine/raft/Cluster.h"

#include "engine/raft/Check.h"
#include "engine/raft/ConfChange.h"
#include "engine/raft/Describe.h"

#include <algorithm>
#include <functional>
#include <string_view>
#include <sstream>

namespace quorum::raft::testing {

namespace {

std::uint64_t mix(std::uint64_t hash, const Entry &e)
{
    // Chained hash of index, type and data: equal hashes at equal indexes mean equal
    // histories (with overwhelming probability), at a cost small next to raft's own.
    const std::uint64_t data = e.data.hash(); // std::hash of the bytes, kept with them
    std::uint64_t h = hash ^ (e.index * 0x9E3779B97F4A7C15ULL) ^ (data + static_cast<std::uint64_t>(e.type));
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

std::string encodeApp(std::uint64_t hash, std::uint64_t applied)
{
    return std::to_string(hash) + " " + std::to_string(applied);
}

} // namespace

class Cluster::TraceLogger final : public Logger {
public:
    explicit TraceLogger(Cluster &cluster)
        : m_cluster(cluster)
    {
    }
    void log(LogLevel level, const std::string &line) override
    {
        if (m_cluster.m_traceLevel == TraceLevel::None || level < m_cluster.m_logLevel)
            return;
        m_cluster.write(std::string(toString(level)) + " " + line);
    }

private:
    Cluster &m_cluster;
};

Cluster::Cluster(std::uint64_t seed)
    : m_seed(seed)
    , m_logger(std::make_unique<TraceLogger>(*this))
{
}

Cluster::~Cluster() = default;

void Cluster::setTrace(std::string *out, TraceLevel level)
{
    m_trace = out;
    m_traceLevel = out ? level : TraceLevel::None;
}

void Cluster::write(const std::string &line)
{
    if (m_trace)
        *m_trace += m_prefix + m_indent + line + "\n";
}

void Cluster::addMember(Config config, const ConfState *bootstrap, std::uint64_t index)
{
    RAFT_CHECK(!has(config.id), "member " << config.id << " exists");
    Member m;
    m.id = config.id;
    config.seed = m_seed;
    config.logger = m_logger.get();
    m.config = config;
    m.storage = std::make_unique<MemoryStorage>();
    if (bootstrap)
        m.storage->bootstrap(*bootstrap, index, 1);
    auto [it, inserted] = m_members.emplace(m.id, std::move(m));
    m_ids.insert(std::lower_bound(m_ids.begin(), m_ids.end(), config.id), config.id);
    startNode(it->second);
}

void Cluster::startNode(Member &m)
{
    // Like a real application, restore the state machine from the latest snapshot and tell
    // raft how far that got (the snapshot may be newer than the log's compaction point).
    const auto snap = m.storage->snapshot();
    Config c = m.config;
    c.applied = snap.value.metadata.index;
    m.node = std::make_unique<RawNode>(c, *m.storage);
    restoreApp(m, snap.value);
    m.readStates.clear();
}

bool Cluster::isUp(NodeId id) const
{
    auto it = m_members.find(id);
    return it != m_members.end() && it->second.node != nullptr;
}

Cluster::Member &Cluster::member(NodeId id)
{
    auto it = m_members.find(id);
    RAFT_CHECK(it != m_members.end(), "no member " << id);
    return it->second;
}

const Cluster::Member &Cluster::member(NodeId id) const
{
    auto it = m_members.find(id);
    RAFT_CHECK(it != m_members.end(), "no member " << id);
    return it->second;
}

RawNode &Cluster::node(NodeId id)
{
    Member &m = member(id);
    RAFT_CHECK(m.node, "member " << id << " is down");
    return *m.node;
}

const std::vector<NodeId> &Cluster::ids() const
{
    return m_ids;
}

std::vector<NodeId> Cluster::upIds() const
{
    std::vector<NodeId> out;
    for (const auto &[id, m] : m_members) {
        if (m.node)
            out.push_back(id);
    }
    return out;
}

NodeId Cluster::leader() const
{
    NodeId best = kNone;
    std::uint64_t bestTerm = 0;
    for (const auto &[id, m] : m_members) {
        if (m.node && m.node->raft().role() == Role::Leader && m.node->raft().term() >= bestTerm) {
            best = id;
            bestTerm = m.node->raft().term();
        }
    }
    return best;
}

bool Cluster::processReady(NodeId id)
{
    Member &m = member(id);
    if (!m.node || !m.node->hasReady())
        return false;
    const bool full = m_traceLevel == TraceLevel::Full;
    Ready rd = m.node->ready();
    if (full) {
        write("> " + std::to_string(id) + " handling Ready");
        if (m_trace) {
            std::istringstream lines(describeReady(rd, "  "));
            for (std::string line; std::getline(lines, line);)
                write(line);
        }
    }
    // 1. Persist.
    if (rd.hardState)
        m.storage->setHardState(*rd.hardState);
    if (rd.snapshot) {
        const StorageStatus s = m.storage->applySnapshot(*rd.snapshot);
        RAFT_CHECK(s == StorageStatus::Ok, "member " << id << " could not persist snapshot: " << toString(s));
    }
    m.storage->append(rd.entries);
    for (const Entry &e : rd.entries) {
        if (!m_checkSafety)
            break;
        const auto prev = m.storage->term(e.index - 1);
        m_safety.onPersisted(id, e, prev.value, prev.ok());
    }
    // 2. Send.
    for (Message &msg : rd.messages)
        m_network.push_back(std::move(msg));
    // 3. Apply.
    const std::string outer = m_indent;
    if (full)
        m_indent += "  ";
    if (rd.snapshot)
        restoreApp(m, *rd.snapshot);
    for (const Entry &e : rd.committedEntries)
        applyEntry(m, e);
    m_indent = outer;
    m.readStates.insert(m.readStates.end(), rd.readStates.begin(), rd.readStates.end());
    m.node->advance(rd);
    return true;
}

void Cluster::applyEntry(Member &m, const Entry &e)
{
    RAFT_CHECK(e.index == m.appApplied + 1,
               "member " << m.id << " applied " << describeEntry(e) << " after " << m.appApplied);
    if (m_checkSafety)
        m_safety.onApplied(m.id, e);
    if (e.type == EntryType::ConfChange) {
        const auto cc = decodeConfChange(e.data);
        RAFT_CHECK(cc.has_value(), "member " << m.id << " cannot decode committed conf change '" << e.data << "'");
        m.confHistory.emplace_back(e.index, m.node->applyConfChange(*cc));
    }
    m.appHash = mix(m.appHash, e);
    m.appApplied = e.index;
    m.hashHistory.emplace_back(e.index, m.appHash);
    ++m.appliedCount;
    if (e.type == EntryType::ConfChange) {
        // A member added later must find itself in the snapshot the leader sends it (raft
        // refuses a snapshot whose configuration lacks it). etcd's test harness serves
        // snapshots on demand for this; cutting one at every configuration change is the
        // same for our purposes. OutOfDate (a replay after restart) is fine.
        m.storage->createSnapshot(e.index, m.confHistory.back().second, encodeApp(m.appHash, e.index));
    }
}

void Cluster::restoreApp(Member &m, const Snapshot &s)
{
    std::uint64_t hash = 0;
    std::uint64_t applied = s.metadata.index;
    if (!s.data.empty()) {
        std::istringstream in(s.data);
        in >> hash >> applied;
        RAFT_CHECK(applied == s.metadata.index, "snapshot data of member " << m.id << " is inconsistent");
    }
    m.appHash = hash;
    m.appApplied = applied;
    m.hashHistory.assign(1, {applied, hash});
    m.confHistory.assign(1, {applied, s.metadata.confState});
}

std::size_t Cluster::deliverTo(NodeId id)
{
    // Take this member's messages out in one pass, keeping the others in order.
    std::vector<Message> mine;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < m_network.size(); ++i) {
        if (m_network[i].to == id)
            mine.push_back(std::move(m_network[i]));
        else if (kept++ != i)
            m_network[kept - 1] = std::move(m_network[i]);
    }
    m_network.resize(kept);
    if (mine.empty())
        return 0;
    if (m_traceLevel == TraceLevel::Full)
        write("> " + std::to_string(id) + " receiving messages");
    for (Message &msg : mine)
        deliver(std::move(msg));
    return mine.size();
}

std::size_t Cluster::dropTo(NodeId id)
{
    std::size_t n = 0;
    for (std::size_t i = 0; i < m_network.size();) {
        if (m_network[i].to == id) {
            dropAt(i);
            ++n;
        } else {
            ++i;
        }
    }
    return n;
}

void Cluster::dropAt(std::size_t i)
{
    RAFT_CHECK(i < m_network.size(), "no queued message " << i);
    Message msg = std::move(m_network[i]);
    m_network.erase(m_network.begin() + static_cast<std::ptrdiff_t>(i));
    drop(msg);
}

void Cluster::drop(const Message &msg)
{
    if (m_traceLevel == TraceLevel::Full)
        write("  dropped: " + describeMessage(msg));
    // A real transport reports a snapshot it could not send; without that the leader would
    // wait for this one forever.
    if (msg.type == MessageType::MsgSnap && isUp(msg.from))
        node(msg.from).reportSnapshot(msg.to, SnapshotStatus::Failure);
}

void Cluster::duplicateAt(std::size_t i)
{
    RAFT_CHECK(i < m_network.size(), "no queued message " << i);
    m_network.push_back(m_network[i]);
}

void Cluster::deliverAt(std::size_t i)
{
    RAFT_CHECK(i < m_network.size(), "no queued message " << i);
    Message msg = std::move(m_network[i]);
    m_network.erase(m_network.begin() + static_cast<std::ptrdiff_t>(i));
    deliver(std::move(msg));
}

void Cluster::deliver(Message msg)
{
    if (!isUp(msg.to) || !linked(msg.from, msg.to)) {
        drop(msg);
        return;
    }
    const bool full = m_traceLevel == TraceLevel::Full;
    if (full)
        write("  " + describeMessage(msg));
    const std::string outer = m_indent;
    if (full)
        m_indent += "  ";
    const StepResult r = node(msg.to).step(msg);
    if (r != StepResult::Ok && full)
        write(std::string("step refused: ") + toString(r));
    if (msg.type == MessageType::MsgSnap && isUp(msg.from))
        node(msg.from).reportSnapshot(msg.to, SnapshotStatus::Finish);
    m_indent = outer;
}

bool Cluster::stabilize(std::size_t maxRounds)
{
    for (std::size_t round = 0; round < maxRounds; ++round) {
        bool any = false;
        for (NodeId id : ids())
            any = processReady(id) || any;
        checkSafety();
        for (NodeId id : ids())
            any = deliverTo(id) > 0 || any;
        checkSafety();
        if (!any)
            return true;
    }
    return false;
}

void Cluster::partition(const std::vector<std::set<NodeId>> &groups)
{
    m_cut.clear();
    auto groupOf = [&groups](NodeId id) -> int {
        for (std::size_t g = 0; g < groups.size(); ++g) {
            if (groups[g].count(id))
                return static_cast<int>(g);
        }
        return -1;
    };
    for (NodeId a : ids()) {
        for (NodeId b : ids()) {
            const int ga = groupOf(a);
            if (a != b && (ga < 0 || ga != groupOf(b)))
                m_cut.insert({a, b});
        }
    }
}

void Cluster::isolate(NodeId id)
{
    std::set<NodeId> rest;
    for (NodeId other : ids()) {
        if (other != id)
            rest.insert(other);
    }
    partition({{id}, rest});
}

void Cluster::crash(NodeId id)
{
    Member &m = member(id);
    m.node.reset();
}

void Cluster::restart(NodeId id)
{
    Member &m = member(id);
    RAFT_CHECK(!m.node, "member " << id << " is already running");
    startNode(m);
}

bool Cluster::compact(NodeId id, std::uint64_t index, std::string *why)
{
    Member &m = member(id);
    if (index > m.appApplied) {
        *why = "index " + std::to_string(index) + " is not applied yet (applied " + std::to_string(m.appApplied) + ")";
        return false;
    }
    auto h = std::find_if(m.hashHistory.begin(), m.hashHistory.end(), [index](const auto &p) { return p.first == index; });
    if (index < m.storage->firstIndex() || h == m.hashHistory.end()) {
        *why = "index " + std::to_string(index) + " is already compacted";
        return false;
    }
    auto c = std::find_if(m.confHistory.rbegin(), m.confHistory.rend(), [index](const auto &p) { return p.first <= index; });
    RAFT_CHECK(c != m.confHistory.rend(), "no configuration known at " << index);
    const auto snap = m.storage->createSnapshot(index, c->second, encodeApp(h->second, index));
    if (!snap.ok()) {
        *why = toString(snap.status);
        return false;
    }
    m.storage->compact(index);
    // Keep history from the snapshot on: it is the new base.
    std::vector<std::pair<std::uint64_t, ConfState>> confs{{index, c->second}};
    for (auto &p : m.confHistory) {
        if (p.first > index)
            confs.push_back(std::move(p));
    }
    m.confHistory = std::move(confs);
    m.hashHistory.erase(m.hashHistory.begin(), h);
    return true;
}

void Cluster::checkSafety()
{
    if (!m_checkSafety)
        return;
    std::vector<const RawNode *> nodes;
    for (const auto &[id, m] : m_members) {
        if (m.node)
            nodes.push_back(m.node.get());
    }
    m_safety.onStep(nodes);
}

} // namespace quorum::raft::testing
