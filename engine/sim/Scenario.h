#pragma once

// One seeded run of the safety harness: a cluster, random faults (or none), clients, and the
// continuous invariant checks; stops at the first violation. The caller checks the returned
// client history for linearizability (tests/support/Linearizability.h).

#include "engine/sim/Clients.h"
#include "engine/sim/FaultSchedule.h"
#include "engine/sim/Simulation.h"

#include <optional>
#include <string>
#include <vector>

namespace quorum::sim {

struct ScenarioOptions {
    SimOptions sim;
    Micros duration = 60 * kSecond;
    bool faults = true;
    FaultOptions faultOptions;
    ClientOptions clientOptions; ///< clientOptions.clients == 0: no clients
    /// After `duration`: heal everything and run this long without faults, so the run ends in
    /// a settled cluster (and the timeline shows the recovery).
    Micros settle = 3 * kSecond;
};

struct ScenarioResult {
    SimStats stats;
    NetworkStats network;
    ClientStats clients;
    std::vector<ClientOp> history;
    std::uint64_t faults = 0;
    std::uint64_t commits = 0;        ///< highest commit index reached
    std::uint64_t checks = 0;         ///< safety checks performed
    std::uint64_t historyHash = 0;
    std::uint64_t events = 0;
    Micros endTime = 0;
    std::optional<Violation> violation; ///< the first one
};

/// The standard seeded schedule of the fault suite and the soak: 3 or 5 members (by seed),
/// random faults, three clients, `duration` of virtual time.
ScenarioOptions seededScenario(std::uint64_t seed, Micros duration = 20 * kSecond);

/// Adds the counters of `b` to `a` (seed suites sum their runs; time fields are summed too,
/// longestWithoutLeader takes the maximum).
void accumulate(SimStats &a, const SimStats &b);
/// "snapshots 12 taken, 3 sent, 3 installed, 2 restarts from a snapshot; 4 torn WAL tails cut;
/// leadership transfers 5 requested, 4 done" — the storage side of a run, for summaries.
std::string describeStorage(const SimStats &s);

/// Runs one scenario. `timeline`, if set, receives the timeline lines as they happen.
ScenarioResult runScenario(const ScenarioOptions &options, const Simulation::TimelineSink &timeline = {});

} // namespace quorum::sim
