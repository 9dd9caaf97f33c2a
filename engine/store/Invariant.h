#pragma once

// Internal to engine/store: broken invariants abort loudly with one log line (STYLE.md, 6).

#include <string>

namespace quorum::store::detail {

[[noreturn]] void invariantFailed(const char *file, int line, const char *condition, const std::string &detail);

} // namespace quorum::store::detail

#define QUORUM_STORE_CHECK(condition, why)                                                      \
    do {                                                                                        \
        if (!(condition))                                                                       \
            ::quorum::store::detail::invariantFailed(__FILE__, __LINE__, #condition, (why));    \
    } while (false)
