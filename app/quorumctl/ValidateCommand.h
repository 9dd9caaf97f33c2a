#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace quorum::ctl {

/// `quorumctl validate FILE...`: prints one finding a line ("error|warning|info <element>: <message>").
/// Returns 0 when no file has an error finding, 1 when one has, 2 when a file cannot be read or parsed
/// (the diagnostics, with file, line, column and field, go to `err`).
int runValidate(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

} // namespace quorum::ctl
