#pragma once

// String building for timeline lines and violation reports. Appending piece by piece instead of
// `"literal" + std::string(...)`, which GCC 12 -O3 flags with a false -Wrestrict.

#include <string>
#include <string_view>
#include <type_traits>

namespace quorum::sim {

namespace detail {
template <typename T>
void appendPart(std::string &out, const T &part)
{
    if constexpr (std::is_same_v<T, char>)
        out.push_back(part);
    else if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>)
        out.append(std::to_string(part));
    else
        out.append(std::string_view(part));
}
} // namespace detail

/// Concatenates strings, string views, literals, chars and integers.
template <typename... Parts>
std::string cat(const Parts &...parts)
{
    std::string out;
    (detail::appendPart(out, parts), ...);
    return out;
}

} // namespace quorum::sim
