#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace quorum::ctl {

/// `quorumctl bench raft-failover [--members N] [--trials T]` and
/// `quorumctl bench raft-throughput [--entries N]`: benchmarks of the raft core in the
/// deterministic simulation (virtual-time latencies; wall-clock cost for throughput).
/// Returns 0, or 2 on bad arguments.
int runBench(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

} // namespace quorum::ctl
