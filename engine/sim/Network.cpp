#include "engine/sim/Network.h"

#include <utility>

namespace quorum::sim {

Network::Network(EventQueue &queue, Rng &rng, Deliver deliver)
    : m_queue(queue)
    , m_rng(rng)
    , m_deliver(std::move(deliver))
{
}

LinkSpec Network::link(NodeId from, NodeId to) const
{
    auto it = m_links.find({from, to});
    return it == m_links.end() ? m_default : it->second;
}

void Network::partition(const std::vector<std::set<NodeId>> &groups, const std::vector<NodeId> &members)
{
    auto groupOf = [&groups](NodeId id) -> int {
        for (std::size_t g = 0; g < groups.size(); ++g) {
            if (groups[g].count(id))
                return static_cast<int>(g);
        }
        return -1;
    };
    for (NodeId a : members) {
        for (NodeId b : members) {
            const int ga = groupOf(a);
            if (a != b && (ga < 0 || ga != groupOf(b)))
                m_cut.insert({a, b});
        }
    }
}

Micros Network::drawLatency(const LinkSpec &spec)
{
    Micros latency = m_rng.uniform(spec.minLatency, spec.maxLatency);
    if (spec.jitter > 0)
        latency += m_rng.uniform(0, spec.jitter);
    return latency;
}

void Network::send(raft::Message message)
{
    ++m_stats.sent;
    const LinkSpec spec = link(message.from, message.to);
    if (!linked(message.from, message.to)) {
        ++m_stats.cut;
        return;
    }
    if (m_rng.chance(spec.loss)) {
        ++m_stats.lost;
        return;
    }
    const int copies = m_rng.chance(spec.duplicate) ? 2 : 1;
    if (copies == 2)
        ++m_stats.duplicated;
    for (int c = 0; c < copies; ++c) {
        const Micros latency = drawLatency(spec);
        raft::Message copy = c + 1 < copies ? message : std::move(message);
        m_queue.after(latency, [this, m = std::move(copy)]() mutable {
            if (!linked(m.from, m.to)) {
                ++m_stats.cut;
                return;
            }
            ++m_stats.delivered;
            m_deliver(std::move(m));
        });
    }
}

} // namespace quorum::sim
