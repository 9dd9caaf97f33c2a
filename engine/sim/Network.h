#pragma once

// The simulated network between members: every message gets a latency drawn from its link's
// distribution (so messages overtake each other: reordering), may be lost or duplicated, and is
// dropped when its direction is cut by a partition. Partitions may be asymmetric (a -> b cut
// while b -> a works). Delivery happens through the event queue; the receiver decides whether
// it is up when the message arrives.

#include "engine/raft/Types.h"
#include "engine/sim/EventQueue.h"
#include "engine/sim/Random.h"

#include <functional>
#include <map>
#include <set>
#include <utility>
#include <vector>

namespace quorum::sim {

using raft::NodeId;

/// Behaviour of one direction of a link.
struct LinkSpec {
    Micros minLatency = 100;   ///< uniform latency in [minLatency, maxLatency]
    Micros maxLatency = 1000;
    double loss = 0.0;         ///< probability a message is lost
    double duplicate = 0.0;    ///< probability a message is delivered twice
    Micros jitter = 0;         ///< extra uniform latency in [0, jitter] (reordering window)
};

/// Counters for reports and tests.
struct NetworkStats {
    std::uint64_t sent = 0;
    std::uint64_t delivered = 0;
    std::uint64_t lost = 0;       ///< by loss probability
    std::uint64_t cut = 0;        ///< by a partition
    std::uint64_t duplicated = 0;
};

class Network {
public:
    using Deliver = std::function<void(raft::Message)>;

    /// `deliver` is called from the event queue when a message arrives.
    Network(EventQueue &queue, Rng &rng, Deliver deliver);

    /// The spec used for every link without an override.
    void setDefaultLink(const LinkSpec &spec) { m_default = spec; }
    const LinkSpec &defaultLink() const { return m_default; }
    /// Overrides the direction from -> to.
    void setLink(NodeId from, NodeId to, const LinkSpec &spec) { m_links[{from, to}] = spec; }
    void clearLinkOverrides() { m_links.clear(); }
    LinkSpec link(NodeId from, NodeId to) const;

    /// Cuts one direction (asymmetric partition).
    void cut(NodeId from, NodeId to) { m_cut.insert({from, to}); }
    /// Splits `members` into groups: every direction between different groups is cut. Members
    /// in no group are cut off from everyone. Adds to existing cuts.
    void partition(const std::vector<std::set<NodeId>> &groups, const std::vector<NodeId> &members);
    /// Removes every cut.
    void heal() { m_cut.clear(); }
    bool linked(NodeId from, NodeId to) const { return m_cut.count({from, to}) == 0; }
    bool anyCut() const { return !m_cut.empty(); }

    /// Sends a message: checks the cut at send time and again on arrival (a partition that
    /// starts while a message is in flight also drops it).
    void send(raft::Message message);
    const NetworkStats &stats() const { return m_stats; }

private:
    Micros drawLatency(const LinkSpec &spec);

    EventQueue &m_queue;
    Rng &m_rng;
    Deliver m_deliver;
    LinkSpec m_default;
    std::map<std::pair<NodeId, NodeId>, LinkSpec> m_links;
    std::set<std::pair<NodeId, NodeId>> m_cut;
    NetworkStats m_stats;
};

} // namespace quorum::sim
