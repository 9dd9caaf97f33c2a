#include "app/quorumctl/RaftCommand.h"

#include "engine/sim/Text.h"
#include "engine/sim/Scenario.h"
#include "tests/engine/sim/SimHistory.h"

#include <cstdio>
#include <ostream>

namespace quorum::ctl {

namespace {

void printUsage(std::ostream &out)
{
    out << "usage: quorumctl raft --members N --seed S --for DURATION [--faults random|none] [--clients K]\n"
           "  --members N    cluster size, 1 to 9 (default 3)\n"
           "  --seed S       seed of the run (default 1); same arguments give the same output\n"
           "  --for D        virtual time to simulate: 30s, 10m, 1h, 1h30m, 250ms (default 60s)\n"
           "  --faults F     random (crashes, partitions, loss, duplication, reordering, leadership\n"
           "                 transfers) or none\n"
           "  --clients K    simulated clients issuing put/get/cas (default 3, 0 for none)\n";
}

std::optional<std::uint64_t> parseNumber(const std::string &text)
{
    if (text.empty() || text.size() > 19)
        return std::nullopt;
    std::uint64_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return v;
}

std::string fixed(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string seconds(sim::Micros t)
{
    return fixed(static_cast<double>(t) / 1e6, 3) + " s";
}

} // namespace

std::optional<std::int64_t> parseDuration(const std::string &text)
{
    if (auto plain = parseNumber(text)) {
        if (*plain == 0 || *plain > 1'000'000'000ULL)
            return std::nullopt;
        return static_cast<std::int64_t>(*plain) * sim::kSecond;
    }
    std::int64_t total = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t j = i;
        while (j < text.size() && text[j] >= '0' && text[j] <= '9')
            ++j;
        const auto n = parseNumber(text.substr(i, j - i));
        if (!n || *n > 1'000'000'000ULL)
            return std::nullopt;
        std::size_t k = j;
        while (k < text.size() && (text[k] < '0' || text[k] > '9'))
            ++k;
        const std::string unit = text.substr(j, k - j);
        std::int64_t scale = 0;
        if (unit == "ms")
            scale = sim::kMs;
        else if (unit == "s")
            scale = sim::kSecond;
        else if (unit == "m")
            scale = 60 * sim::kSecond;
        else if (unit == "h")
            scale = 3600 * sim::kSecond;
        else
            return std::nullopt;
        total += static_cast<std::int64_t>(*n) * scale;
        i = k;
    }
    if (total <= 0)
        return std::nullopt;
    return total;
}

int runRaft(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    sim::ScenarioOptions o;
    o.sim.members = 3;
    o.duration = 60 * sim::kSecond;
    o.clientOptions.clients = 3;
    auto bad = [&err](const std::string &what) {
        err << "quorumctl raft: " << what << "\n";
        printUsage(err);
        return 2;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a == "--help" || a == "-h") {
            printUsage(out);
            return 0;
        }
        if (a != "--members" && a != "--seed" && a != "--for" && a != "--faults" && a != "--clients")
            return bad(sim::cat("unknown argument '", a, "'"));
        if (i + 1 >= args.size())
            return bad(a + " needs a value");
        const std::string &v = args[++i];
        if (a == "--members") {
            const auto n = parseNumber(v);
            if (!n || *n < 1 || *n > 9)
                return bad(sim::cat("--members must be a number from 1 to 9, got '", v, "'"));
            o.sim.members = static_cast<int>(*n);
        } else if (a == "--seed") {
            const auto n = parseNumber(v);
            if (!n)
                return bad(sim::cat("--seed must be a non-negative number, got '", v, "'"));
            o.sim.seed = *n;
        } else if (a == "--for") {
            const auto d = parseDuration(v);
            if (!d)
                return bad(sim::cat("--for must be a positive duration like 30s, 10m, 1h or 250ms, got '", v, "'"));
            o.duration = *d;
        } else if (a == "--faults") {
            if (v != "random" && v != "none")
                return bad(sim::cat("--faults must be 'random' or 'none', got '", v, "'"));
            o.faults = v == "random";
        } else {
            const auto n = parseNumber(v);
            if (!n || *n > 64)
                return bad(sim::cat("--clients must be a number from 0 to 64, got '", v, "'"));
            o.clientOptions.clients = static_cast<int>(*n);
        }
    }

    out << "raft simulation: " << o.sim.members << " members, seed " << o.sim.seed << ", "
        << seconds(o.duration) << " of virtual time, faults " << (o.faults ? "random" : "none") << ", "
        << o.clientOptions.clients << " clients\n"
        << "tick 100 ms, election timeout 1000 ms (randomized to 2000 ms), PreVote and CheckQuorum on, "
           "links 0.1-1 ms\n"
        << "members on a WAL over simulated disks (fsync " << o.sim.fsyncMin << "-" << o.sim.fsyncMax
        << " us, crashes may keep torn tails), snapshot every " << o.sim.snapshotEvery << " entries keeping "
        << o.sim.snapshotCatchUpEntries << ", gets via ReadIndex\n\n";
    const sim::ScenarioResult r = sim::runScenario(o, [&out](const std::string &line) { out << line << "\n"; });

    const auto lin = sim::checkHistory(r.history);
    const double total = static_cast<double>(r.endTime);
    out << "\nsummary\n"
        << "  virtual time             " << seconds(r.endTime) << " (" << seconds(o.settle)
        << " of it healed, to settle)\n"
        << "  leader changes           " << r.stats.leaderChanges << "\n"
        << "  commits                  " << r.commits << " (commit index)\n"
        << "  availability             " << fixed(total > 0 ? 100.0 * static_cast<double>(r.stats.timeWithLeader) / total : 0, 2)
        << " % of the time with a leader\n"
        << "  longest without leader   " << seconds(r.stats.longestWithoutLeader) << "\n"
        << "  faults injected          " << r.faults << " (" << r.stats.crashes << " crashes, " << r.stats.transfers
        << " leadership transfers of which " << r.stats.transfersDone << " done)\n"
        << "  snapshots                " << r.stats.snapshotsTaken << " taken, " << r.stats.snapshotsSent << " sent, "
        << r.stats.snapshotsInstalled << " installed, " << r.stats.restoredFromSnapshot << " restarts from one\n"
        << "  crash recovery           " << r.stats.tornWrites << " torn writes, " << r.stats.tornTailsCut
        << " torn WAL tails cut\n"
        << "  messages                 " << r.network.sent << " sent, " << r.network.delivered << " delivered, "
        << r.network.lost << " lost, " << r.network.cut << " cut, " << r.network.duplicated << " duplicated\n"
        << "  client ops               " << r.clients.issued << " issued, " << r.clients.ok << " answered, "
        << r.clients.timedOut << " timed out, " << r.clients.redirects << " redirects, " << r.clients.readIndexReads
        << " ReadIndex gets\n"
        << "  ops checked              " << lin.operations << "\n"
        << "  safety checks            " << r.checks << "\n"
        << "  linearizable             " << (lin.gaveUp ? "undecided (search budget exhausted)" : lin.linearizable ? "yes" : "no")
        << "\n";
    if (r.violation) {
        out << "  invariants               VIOLATED\n\nfirst violation at " << sim::formatTime(r.violation->time) << ": "
            << r.violation->what << "\n";
        return 1;
    }
    if (!lin.gaveUp && !lin.linearizable) {
        out << "  invariants               held\n\nclient history not linearizable on key " << lin.failedKey << ":\n"
            << lin.explanation << "\n";
        return 1;
    }
    out << "  invariants               held\n";
    return 0;
}

} // namespace quorum::ctl
