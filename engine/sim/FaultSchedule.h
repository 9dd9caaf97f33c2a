#pragma once

// A random fault schedule, driven by the simulation's Rng: at random intervals it crashes a
// member (restarting it later; some crashes last long enough for the others to compact their
// logs past it, so it comes back through a snapshot), splits the cluster (symmetric
// partitions, isolating the leader), cuts single directions (asymmetric partitions), opens
// loss bursts and duplication/reordering windows, asks the leader to transfer leadership to a
// random member, and heals them after a random hold time.

#include "engine/sim/Simulation.h"

namespace quorum::sim {

struct FaultOptions {
    Micros meanInterval = 4 * kSecond; ///< time between faults, uniform in [0, 2 * mean]
    Micros minHold = 300 * kMs;        ///< how long a fault lasts, uniform
    Micros maxHold = 8 * kSecond;
    /// A long crash (30% of crashes) lasts uniform in [maxHold, longHold].
    Micros longHold = 20 * kSecond;
    /// At most this many members down at once; -1: a minority ((members - 1) / 2). Safety
    /// must hold with any number; keeping a majority up keeps the run interesting.
    int maxDown = -1;
};

class FaultSchedule {
public:
    FaultSchedule(Simulation &sim, const FaultOptions &options);

    /// Schedules the first fault; each fault schedules the next one until stop().
    void start();
    void stop() { m_stopped = true; }
    /// Heals the network, restores links and restarts every crashed member.
    void healAll();

private:
    void scheduleNext();
    void inject();
    Micros hold();
    raft::NodeId randomMember();
    /// Sets every link to `spec` for a random hold time, then restores the base link (unless a
    /// later link fault replaced it first).
    void degradeLinks(const LinkSpec &spec, const std::string &description);

    Simulation &m_sim;
    FaultOptions m_options;
    LinkSpec m_baseLink;
    int m_down = 0;
    std::uint64_t m_linkEpoch = 0; // a link fault's end only restores its own change
    bool m_stopped = false;
};

} // namespace quorum::sim
