#pragma once

// A line diff for golden-file mismatches: what the reviewer needs to see, not a full diff tool.

#include <string>

namespace quorum::raft::testing {

/// Lines only in `expected` start with "-", lines only in `actual` with "+", and up to
/// `context` unchanged lines around each change with " "; "@@ line N" marks each hunk.
/// Empty if the texts are equal.
std::string lineDiff(const std::string &expected, const std::string &actual, int context = 3);

} // namespace quorum::raft::testing
