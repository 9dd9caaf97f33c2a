// soak_raft: the long seeded soak of the raft simulation (not a ctest test).
//   soak_raft [--seeds N] [--first S] [--for SECONDS]
// Runs N seeded fault schedules (default 100,000) and reports how many ran, the faults
// injected, client operations checked and violations found. Exit 1 if any violation.

#include "engine/sim/Scenario.h"
#include "tests/engine/sim/SimHistory.h"

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace quorum::sim;

int main(int argc, char **argv)
{
    unsigned long long seeds = 100000;
    unsigned long long first = 1;
    long long seconds = 20;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        const unsigned long long v = std::strtoull(argv[i + 1], nullptr, 10);
        if (a == "--seeds")
            seeds = v;
        else if (a == "--first")
            first = v;
        else if (a == "--for")
            seconds = static_cast<long long>(v);
        else {
            std::fprintf(stderr, "soak_raft: unknown option %s\n", a.c_str());
            return 2;
        }
    }
    unsigned long long faults = 0, ops = 0, violations = 0, gaveUp = 0;
    SimStats total;
    for (unsigned long long s = first; s < first + seeds; ++s) {
        const ScenarioResult r = runScenario(seededScenario(s, seconds * kSecond));
        faults += r.faults;
        accumulate(total, r.stats);
        if (r.violation) {
            ++violations;
            std::printf("seed %llu: VIOLATION at %s: %s\n", s, formatTime(r.violation->time).c_str(),
                        r.violation->what.c_str());
        }
        const auto lin = checkHistory(r.history);
        ops += lin.operations;
        if (lin.gaveUp) {
            ++gaveUp;
        } else if (!lin.linearizable) {
            ++violations;
            std::printf("seed %llu: NOT LINEARIZABLE on key %s\n", s, lin.failedKey.c_str());
        }
        if ((s - first + 1) % 1000 == 0)
            std::printf("... %llu seeds, %llu faults, %llu violations\n", s - first + 1, faults, violations);
        std::fflush(stdout);
    }
    std::printf("soak_raft: %llu seeds, %llu faults injected, %llu client ops checked, %llu undecided, %llu violations\n",
                seeds, faults, ops, gaveUp, violations);
    std::printf("soak_raft: %llu crashes; %s\n", static_cast<unsigned long long>(total.crashes),
                describeStorage(total).c_str());
    return violations == 0 ? 0 : 1;
}
