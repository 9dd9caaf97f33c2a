#include "app/quorumctl/BenchCommand.h"

#include "engine/sim/Text.h"
#include "engine/sim/Simulation.h"
#include "engine/store/Command.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ostream>

namespace quorum::ctl {

namespace {

using sim::kMs;
using sim::kSecond;
using sim::Micros;

void printUsage(std::ostream &out)
{
    out << "usage: quorumctl bench raft-failover [--members N] [--trials T] [--seed S]\n"
           "       quorumctl bench raft-throughput [--entries N]\n"
           "  raft-failover    simulated leader crash -> first committed write (100 ms tick, 1000 ms\n"
           "                   election timeout, PreVote, CheckQuorum, 0.1-1 ms links): min/median/p99/max\n"
           "  raft-throughput  commits per second of the raft core + WAL + KvStore apply, no real I/O (zero\n"
           "                   network and fsync latency, the WAL on a simulated in-memory disk), 3 and 5\n"
           "                   members, batches of 1 and 64\n";
}

bool parseCount(const std::string &v, std::uint64_t &n, std::uint64_t lo, std::uint64_t hi)
{
    if (v.empty() || v.size() > 12 || v.find_first_not_of("0123456789") != std::string::npos)
        return false;
    n = std::stoull(v);
    return n >= lo && n <= hi;
}

std::string putBytes(std::uint64_t requestId, std::size_t valueSize)
{
    store::Command cmd;
    cmd.requestId = requestId;
    cmd.body = store::Put{sim::cat("key", requestId % 1024), std::string(valueSize, 'v'), 0, false};
    return store::encodeCommand(cmd);
}

std::string ms(Micros t)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f ms", static_cast<double>(t) / 1000.0);
    return buf;
}

/// One failover trial: elect, run a random extra while, crash the leader, then a writer
/// proposes at the first new leader it sees; returns crash -> write committed there.
std::optional<Micros> failoverTrial(int members, std::uint64_t seed)
{
    sim::SimOptions o;
    o.seed = seed;
    o.members = members;
    o.checkSafety = false;
    sim::Simulation s(o);
    s.runUntil(10 * kSecond, [&s] { return s.leader() != raft::kNone; });
    const raft::NodeId old = s.leader();
    if (old == raft::kNone)
        return std::nullopt;
    // Crash at a random point of the heartbeat cycle.
    s.runUntil(s.now() + 1 * kSecond + s.rng().uniform(0, 1 * kSecond));
    const raft::NodeId leader = s.leader();
    if (leader == raft::kNone)
        return std::nullopt;
    s.crash(leader);
    const Micros crashedAt = s.now();
    raft::NodeId writer = raft::kNone;
    std::uint64_t index = 0;
    const bool done = s.runUntil(s.now() + 30 * kSecond, [&] {
        if (writer == raft::kNone) {
            const raft::NodeId l = s.leader();
            if (l == raft::kNone)
                return false;
            if (s.propose(l, putBytes(1, 256)) != raft::ProposeResult::Ok)
                return false;
            writer = l;
            index = s.node(l).raft().log().lastIndex();
            return false;
        }
        if (!s.isUp(writer))
            return false;
        return s.node(writer).raft().log().committed() >= index;
    });
    if (!done)
        return std::nullopt;
    return s.now() - crashedAt;
}

int benchFailover(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    std::uint64_t members = 3;
    std::uint64_t trials = 1000;
    std::uint64_t seed = 1;
    for (std::size_t i = 0; i < args.size(); i += 2) {
        const std::string v = i + 1 < args.size() ? args[i + 1] : "";
        bool ok = false;
        if (args[i] == "--members")
            ok = parseCount(v, members, 3, 9);
        else if (args[i] == "--trials")
            ok = parseCount(v, trials, 1, 1'000'000);
        else if (args[i] == "--seed")
            ok = parseCount(v, seed, 0, 999'999'999'999ULL);
        if (!ok) {
            err << "quorumctl bench raft-failover: bad argument '" << args[i] << (v.empty() ? "" : " ") << v << "'\n";
            printUsage(err);
            return 2;
        }
    }
    std::vector<Micros> times;
    std::uint64_t failed = 0;
    const auto start = std::chrono::steady_clock::now();
    for (std::uint64_t t = 0; t < trials; ++t) {
        const auto r = failoverTrial(static_cast<int>(members), seed + t);
        if (r)
            times.push_back(*r);
        else
            ++failed;
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::sort(times.begin(), times.end());
    out << "raft-failover: " << members << " members, " << trials << " trials (simulated: 100 ms tick, 1000 ms "
        << "election timeout randomized to 2000 ms, PreVote, CheckQuorum, 0.1-1 ms links, fsync 0.05-0.5 ms)\n"
        << "time from leader crash to the first committed write (virtual time):\n";
    if (times.empty()) {
        out << "  no trial completed\n";
        return 0;
    }
    auto pct = [&times](double p) {
        const auto i = static_cast<std::size_t>(p * static_cast<double>(times.size() - 1) + 0.5);
        return times[std::min(i, times.size() - 1)];
    };
    out << "  min " << ms(times.front()) << "  median " << ms(pct(0.5)) << "  p99 " << ms(pct(0.99)) << "  max "
        << ms(times.back()) << "  (" << failed << " trials without a write in 30 s)\n"
        << "  goal: median <= 1150 ms, max <= 1500 ms; etcd 3.4 measured here: median 1288 ms, max 2212 ms\n";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", wall);
    out << "  wall time " << buf << " s\n";
    return 0;
}

/// Commits per wall-clock second of `members` members proposing batches of `batch`.
double throughput(int members, std::size_t batch, std::uint64_t entries)
{
    sim::SimOptions o;
    o.members = members;
    o.checkSafety = false;
    o.storeHashEvery = 0;
    o.link.minLatency = 0;
    o.link.maxLatency = 0;
    o.fsyncMin = 0;
    o.fsyncMax = 0;
    o.snapshotEvery = 0; // a store snapshot costs O(history): it would dominate a long run
    sim::Simulation s(o);
    s.runUntil(10 * kSecond, [&s] { return s.leader() != raft::kNone; });
    const raft::NodeId l = s.leader();
    if (l == raft::kNone)
        return 0;
    const std::uint64_t base = s.node(l).raft().log().committed();
    std::vector<std::string> payloads;
    for (std::size_t i = 0; i < batch; ++i)
        payloads.push_back(putBytes(i + 1, 256));
    std::uint64_t proposed = 0;
    const std::size_t window = 8; // batches in flight
    const auto start = std::chrono::steady_clock::now();
    while (s.node(l).raft().log().committed() < base + entries) {
        const std::uint64_t committed = s.node(l).raft().log().committed() - base;
        while (proposed < entries && proposed < committed + window * batch) {
            if (batch == 1)
                s.propose(l, payloads[0]);
            else
                s.proposeBatch(l, payloads);
            proposed += batch;
        }
        if (!s.queue().runOne())
            break;
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::uint64_t done = s.node(l).raft().log().committed() - base;
    return wall > 0 ? static_cast<double>(done) / wall : 0;
}

int benchThroughput(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    std::uint64_t entries = 200'000;
    for (std::size_t i = 0; i < args.size(); i += 2) {
        const std::string v = i + 1 < args.size() ? args[i + 1] : "";
        if (args[i] != "--entries" || !parseCount(v, entries, 1, 100'000'000)) {
            err << "quorumctl bench raft-throughput: bad argument '" << args[i] << "'\n";
            printUsage(err);
            return 2;
        }
    }
    out << "raft-throughput: " << entries << " committed 256-byte puts per case, no real I/O (raft core + message\n"
        << "passing + WAL records on a simulated in-memory disk + KvStore apply on every member, no snapshots,\n"
        << "one thread), commits per second of wall time:\n";
    for (int members : {3, 5}) {
        for (std::size_t batch : {std::size_t(1), std::size_t(64)}) {
            // The median of three runs: the machine is shared.
            std::vector<double> runs;
            for (int r = 0; r < 3; ++r)
                runs.push_back(throughput(members, batch, entries));
            std::sort(runs.begin(), runs.end());
            char buf[128];
            std::snprintf(buf, sizeof buf, "  %d members, batch %2zu: %10.0f commits/s  (%.2f us per commit)\n", members,
                          batch, runs[1], runs[1] > 0 ? 1e6 / runs[1] : 0.0);
            out << buf;
        }
    }
    return 0;
}

} // namespace

int runBench(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    if (args.empty()) {
        printUsage(err);
        return 2;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args[0] == "raft-failover")
        return benchFailover(rest, out, err);
    if (args[0] == "raft-throughput")
        return benchThroughput(rest, out, err);
    if (args[0] == "--help" || args[0] == "-h") {
        printUsage(out);
        return 0;
    }
    err << "quorumctl bench: unknown benchmark '" << args[0] << "'\n";
    printUsage(err);
    return 2;
}

} // namespace quorum::ctl
