#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace quorum::ctl {

/// quorumctl watch ADDRESS [--from-start] [--count N] [--until DURATION] [--events-only]:
/// prints the telemetry stream of an engine (quorumd) as lines. Exit 0 when the stream ended
/// or the limit was reached, 1 when the engine cannot be reached, 2 on bad arguments.
int runWatch(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

} // namespace quorum::ctl
