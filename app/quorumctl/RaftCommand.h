#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace quorum::ctl {

/// `quorumctl raft --members N --seed S --for DURATION [--faults random|none] [--clients K]`:
/// runs the deterministic raft simulation (engine/sim) headless, printing a timeline (virtual
/// time, member, role change, term, commit index; faults as they happen) and a summary.
/// Returns 0 when every invariant held and the client history is linearizable, 1 with the first
/// violation printed, 2 on bad arguments. Same arguments, same output.
int runRaft(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

/// Parses "90s", "10m", "1h", "250ms", "1h30m" or a plain number of seconds into microseconds;
/// nullopt if malformed or not positive.
std::optional<std::int64_t> parseDuration(const std::string &text);

} // namespace quorum::ctl
