#include "engine/sim/Scenario.h"

#include "engine/sim/Text.h"

#include <algorithm>

namespace quorum::sim {

ScenarioOptions seededScenario(std::uint64_t seed, Micros duration)
{
    ScenarioOptions o;
    o.sim.seed = seed;
    o.sim.members = seed % 2 == 0 ? 3 : 5;
    o.duration = duration;
    o.faults = true;
    // Short runs need faults often enough to matter.
    o.faultOptions.meanInterval = 1500 * kMs;
    o.faultOptions.maxHold = 4 * kSecond;
    o.faultOptions.longHold = 12 * kSecond;
    // A few hundred commits per run: snapshot often enough that long crashes and partitions
    // leave members behind the compacted log, so they come back through MsgSnap.
    o.sim.snapshotEvery = 32;
    o.sim.snapshotCatchUpEntries = 8;
    o.clientOptions.clients = 3;
    return o;
}

void accumulate(SimStats &a, const SimStats &b)
{
    a.leaderChanges += b.leaderChanges;
    a.crashes += b.crashes;
    a.restarts += b.restarts;
    a.timeWithLeader += b.timeWithLeader;
    a.longestWithoutLeader = std::max(a.longestWithoutLeader, b.longestWithoutLeader);
    a.entriesApplied += b.entriesApplied;
    a.snapshotsTaken += b.snapshotsTaken;
    a.snapshotsSent += b.snapshotsSent;
    a.snapshotsInstalled += b.snapshotsInstalled;
    a.restoredFromSnapshot += b.restoredFromSnapshot;
    a.restartsWithBackend += b.restartsWithBackend;
    a.entriesSkipped += b.entriesSkipped;
    a.tornTailsCut += b.tornTailsCut;
    a.tornWrites += b.tornWrites;
    a.transfers += b.transfers;
    a.transfersDone += b.transfersDone;
}

std::string describeStorage(const SimStats &s)
{
    return cat("snapshots ", s.snapshotsTaken, " taken, ", s.snapshotsSent, " sent, ", s.snapshotsInstalled,
               " installed, ", s.restoredFromSnapshot, " restarts from a snapshot, ", s.restartsWithBackend,
               " restarts keeping the backend (", s.entriesSkipped, " entries skipped); ", s.tornWrites,
               " torn writes left by crashes, ", s.tornTailsCut, " torn WAL tails cut by recovery; leadership transfers ",
               s.transfers, " requested, ", s.transfersDone, " done");
}

ScenarioResult runScenario(const ScenarioOptions &options, const Simulation::TimelineSink &timeline)
{
    Simulation sim(options.sim);
    if (timeline)
        sim.setTimeline(timeline);
    FaultSchedule faults(sim, options.faultOptions);
    std::optional<ClientPool> clients;
    if (options.clientOptions.clients > 0) {
        clients.emplace(sim, options.clientOptions);
        clients->start();
    }
    if (options.faults)
        faults.start();
    sim.runUntil(options.duration);
    if (sim.safety().ok()) {
        faults.healAll();
        sim.runUntil(options.duration + options.settle);
    }
    if (clients)
        clients->stop();
    sim.finishStats();

    ScenarioResult r;
    r.stats = sim.stats();
    r.network = sim.network().stats();
    if (clients) {
        r.clients = clients->stats();
        r.history = clients->history();
    }
    r.faults = sim.faults();
    r.commits = sim.highestCommitted();
    r.checks = sim.safety().checks();
    r.historyHash = sim.historyHash();
    r.events = sim.queue().processed();
    r.endTime = sim.now();
    if (!sim.safety().ok())
        r.violation = sim.safety().violations().front();
    return r;
}

} // namespace quorum::sim
