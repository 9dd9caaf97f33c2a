#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace quorum::ctl {

/// `quorumctl simulate TOPOLOGY [--scenario FILE] [--seed N] [--until DURATION] [--csv FILE]
/// [--record FILE] [--quiet]`: boots the design in the cluster engine (engine/clustersim) and runs it headless as
/// fast as the CPU allows, printing every event and each expectation's result with its observed
/// time. --csv writes the per-second samples to FILE and the events to FILE with "-events"
/// before the extension; --record writes a SQLite run file (engine/telemetry). Returns 0 when every expectation held, 1 when one failed (or a step
/// could not run), 2 on bad input (messages name file, line and column).
int runSimulate(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

} // namespace quorum::ctl
