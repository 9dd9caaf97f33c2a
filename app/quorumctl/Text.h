#pragma once

// Shared text helpers of the quorumctl commands.

#include <cstdint>
#include <cstdio>
#include <string>

namespace quorum::ctl {

/// Virtual time as the commands print it: "    12.345s".
inline std::string stamp(std::int64_t micros)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%10.3fs", static_cast<double>(micros) / 1e6);
    return buf;
}

} // namespace quorum::ctl
