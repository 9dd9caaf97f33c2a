#include "engine/sim/FaultSchedule.h"

#include "engine/sim/Text.h"

#include <set>

namespace quorum::sim {

using raft::NodeId;

namespace {

std::string name(NodeId id)
{
    return cat("n", id);
}

} // namespace

FaultSchedule::FaultSchedule(Simulation &sim, const FaultOptions &options)
    : m_sim(sim)
    , m_options(options)
    , m_baseLink(sim.network().defaultLink())
{
    if (m_options.maxDown < 0)
        m_options.maxDown = (sim.options().members - 1) / 2;
}

void FaultSchedule::start()
{
    scheduleNext();
}

Micros FaultSchedule::hold()
{
    return m_sim.rng().uniform(m_options.minHold, m_options.maxHold);
}

NodeId FaultSchedule::randomMember()
{
    const auto &ids = m_sim.ids();
    return ids[static_cast<std::size_t>(m_sim.rng().uniform(0, static_cast<std::int64_t>(ids.size()) - 1))];
}

void FaultSchedule::scheduleNext()
{
    m_sim.queue().after(m_sim.rng().uniform(0, 2 * m_options.meanInterval), [this] {
        if (m_stopped)
            return;
        inject();
        scheduleNext();
    });
}

void FaultSchedule::inject()
{
    Rng &rng = m_sim.rng();
    Network &net = m_sim.network();
    const auto &ids = m_sim.ids();
    switch (rng.uniform(0, 8)) {
    case 0:
    case 1:
    case 7: { // crash, restart later; sometimes long enough for the leader to compact past it
        const NodeId id = randomMember();
        if (!m_sim.isUp(id) || m_down >= m_options.maxDown)
            return;
        const bool longCrash = rng.chance(0.3);
        m_sim.crash(id);
        ++m_down;
        const Micros down = longCrash ? m_sim.rng().uniform(m_options.maxHold, m_options.longHold) : hold();
        m_sim.queue().after(down, [this, id] {
            if (m_down > 0)
                --m_down;
            m_sim.restart(id); // no-op if healAll() restarted it already
        });
        return;
    }
    case 2: { // symmetric split into two groups
        std::set<NodeId> a;
        std::set<NodeId> b;
        for (NodeId id : ids)
            (rng.chance(0.5) ? a : b).insert(id);
        if (a.empty() || b.empty())
            return;
        net.partition({a, b}, ids);
        std::string what = "partition {";
        for (NodeId id : a)
            what += cat(" ", name(id));
        what += " } | {";
        for (NodeId id : b)
            what += cat(" ", name(id));
        what += " }";
        m_sim.noteFault(what);
        break;
    }
    case 3: { // isolate the leader
        const NodeId l = m_sim.leader();
        if (l == raft::kNone)
            return;
        std::set<NodeId> rest;
        for (NodeId id : ids) {
            if (id != l)
                rest.insert(id);
        }
        net.partition({{l}, rest}, ids);
        m_sim.noteFault(cat("isolate leader ", name(l)));
        break;
    }
    case 4: { // asymmetric: one or two directions cut
        const int cuts = static_cast<int>(rng.uniform(1, 2));
        std::string what = "cut";
        for (int i = 0; i < cuts; ++i) {
            const NodeId from = randomMember();
            const NodeId to = randomMember();
            if (from == to)
                continue;
            net.cut(from, to);
            what += cat(" ", name(from), "->", name(to));
        }
        if (what == "cut")
            return;
        m_sim.noteFault(what);
        break;
    }
    case 8: { // leadership transfer to a random other member (who may be down or behind)
        const NodeId l = m_sim.leader();
        const NodeId to = randomMember();
        if (l == raft::kNone || to == l)
            return;
        m_sim.transferLeadership(l, to);
        return;
    }
    case 5: { // loss burst
        LinkSpec spec = m_baseLink;
        spec.loss = 0.2 + 0.5 * rng.unit();
        degradeLinks(spec, cat("loss ", static_cast<int>(spec.loss * 100), "%"));
        return;
    }
    default: { // duplication and reordering window
        LinkSpec spec = m_baseLink;
        spec.duplicate = 0.05 + 0.25 * rng.unit();
        spec.jitter = rng.uniform(1 * kMs, 50 * kMs);
        degradeLinks(spec, cat("duplicate ", static_cast<int>(spec.duplicate * 100), "% reorder ", spec.jitter / kMs, "ms"));
        return;
    }
    }
    // Partitions end with a heal of every cut (overlapping partitions end together).
    m_sim.queue().after(hold(), [this] {
        if (!m_sim.network().anyCut())
            return;
        m_sim.network().heal();
        m_sim.note("heal");
    });
}

void FaultSchedule::degradeLinks(const LinkSpec &spec, const std::string &description)
{
    m_sim.network().setDefaultLink(spec);
    m_sim.noteFault(description);
    const std::uint64_t epoch = ++m_linkEpoch;
    m_sim.queue().after(hold(), [this, epoch] {
        if (epoch != m_linkEpoch)
            return;
        m_sim.network().setDefaultLink(m_baseLink);
        m_sim.note("links restored");
    });
}

void FaultSchedule::healAll()
{
    m_stopped = true;
    ++m_linkEpoch;
    m_sim.network().heal();
    m_sim.network().setDefaultLink(m_baseLink);
    for (NodeId id : m_sim.ids()) {
        if (!m_sim.isUp(id))
            m_sim.restart(id);
    }
    m_down = 0;
    m_sim.note("heal all");
}

} // namespace quorum::sim
