#pragma once

// Internal to engine/durable: building messages piece by piece. (GCC 12 at -O3 reports a false
// -Wrestrict on `"literal" + std::string`, so messages are appended, never concatenated that way.)

#include "engine/raft/Types.h"

#include <string>
#include <string_view>

namespace quorum::durable::text {

/// Concatenates string-like pieces: cat("segment ", std::to_string(n), " is missing").
template <typename... Pieces>
std::string cat(const Pieces &...pieces)
{
    std::string out;
    ((out += std::string_view(pieces)), ...);
    return out;
}

/// "{term T, vote V, commit C}"
std::string hardState(const raft::HardState &hs);

} // namespace quorum::durable::text
