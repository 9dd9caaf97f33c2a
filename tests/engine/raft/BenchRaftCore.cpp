// bench_raft_core — commits per second of the raft core alone: an in-memory cluster (no I/O,
// no serialization, instant network), so the figure is the CPU cost of consensus per entry:
// RawNode work on every member plus the test driver's bookkeeping (MemoryStorage appends,
// message queues, a hash as the state machine). Members compact every 10,000 entries.
//
// For 3 and 5 members and batches of 1 and 64 entries per round (a round: propose the batch
// on the leader, then run every member's Ready loop and deliver messages until quiet), it
// runs 5 times for --seconds each (default 0.5) and prints the median. A batch of 64 is one
// proposeBatch() (one MsgApp per follower); "64x1" is 64 separate propose() calls in a round
// (one MsgApp per entry and follower, as etcd's raft does for separate proposals).
//
// Build it in Release for meaningful numbers: cmake --build <build> --target bench_raft_core

#include "tests/engine/raft/Cluster.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace quorum::raft;
using namespace quorum::raft::testing;

namespace {

struct Sample {
    double commitsPerSecond = 0;
    std::uint64_t entries = 0;
};

Sample runOnce(int members, int batch, bool separate, double seconds, std::uint64_t seed)
{
    Cluster cluster(seed);
    cluster.setSafetyChecks(false);
    ConfState cs;
    for (int i = 1; i <= members; ++i)
        cs.voters.push_back(NodeId(i));
    for (NodeId id : cs.voters) {
        Config c;
        c.id = id;
        cluster.addMember(c, &cs);
    }
    cluster.node(1).campaign();
    if (!cluster.stabilize() || cluster.leader() != 1) {
        std::fprintf(stderr, "bench: no leader\n");
        std::exit(1);
    }
    const std::string payload(256, 'v'); // the value size of TARGETS.md's etcd figures
    RawNode &leader = cluster.node(1);
    const std::uint64_t startApplied = cluster.member(1).appliedCount;
    std::uint64_t nextCompaction = 10000;
    const auto start = std::chrono::steady_clock::now();
    const auto deadline = start + std::chrono::duration<double>(seconds);
    auto now = start;
    while (now < deadline) {
        // Check the clock every few rounds only: reading it costs as much as a small round.
        for (int round = 0; round < 16; ++round) {
            ProposeResult r = ProposeResult::Ok;
            if (batch == 1) {
                r = leader.propose(payload);
            } else if (separate) {
                for (int i = 0; i < batch && r == ProposeResult::Ok; ++i)
                    r = leader.propose(payload);
            } else {
                r = leader.proposeBatch(std::vector<std::string>(std::size_t(batch), payload));
            }
            if (r != ProposeResult::Ok) {
                std::fprintf(stderr, "bench: proposal refused: %s\n", toString(r));
                std::exit(1);
            }
            cluster.stabilize();
        }
        const std::uint64_t applied = cluster.member(1).appApplied;
        if (applied >= nextCompaction) {
            std::string why;
            for (NodeId id : cs.voters)
                cluster.compact(id, cluster.member(id).appApplied, &why);
            nextCompaction = applied + 10000;
        }
        now = std::chrono::steady_clock::now();
    }
    const double elapsed = std::chrono::duration<double>(now - start).count();
    Sample s;
    s.entries = cluster.member(1).appliedCount - startApplied;
    s.commitsPerSecond = double(s.entries) / elapsed;
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    double seconds = 0.5;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
            seconds = std::atof(argv[++i]);
        } else {
            std::fprintf(stderr, "usage: bench_raft_core [--seconds S]\n");
            return 2;
        }
    }
#ifndef NDEBUG
    std::printf("note: this is a debug build; build with -DCMAKE_BUILD_TYPE=Release for real figures\n");
#endif
    std::printf("raft core, in-memory cluster, 256-byte entries, median of 5 runs of %.2f s\n", seconds);
    std::printf("%-8s %-6s %16s %14s   %s\n", "members", "batch", "commits/s", "us/commit", "runs (commits/s)");
    struct Mode {
        int batch;
        bool separate;
        const char *name;
    };
    const Mode modes[] = {{1, false, "1"}, {64, false, "64"}, {64, true, "64x1"}};
    for (int members : {3, 5}) {
        for (const Mode &mode : modes) {
            std::array<double, 5> rates{};
            for (std::size_t run = 0; run < rates.size(); ++run)
                rates[run] = runOnce(members, mode.batch, mode.separate, seconds, run + 1).commitsPerSecond;
            std::array<double, 5> sorted = rates;
            std::sort(sorted.begin(), sorted.end());
            const double median = sorted[2];
            std::string runs;
            for (double r : rates) {
                runs += std::to_string(static_cast<long long>(r));
                runs += ' ';
            }
            std::printf("%-8d %-6s %16.0f %14.2f   %s\n", members, mode.name, median, 1e6 / median, runs.c_str());
        }
    }
    return 0;
}
