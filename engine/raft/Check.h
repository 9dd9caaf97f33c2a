#pragma once

// Broken invariants abort loudly (STYLE.md, convention 6). Expected failures are return values;
// these macros are only for states that mean the code or the storage under it is wrong, where
// continuing could acknowledge a write that is then lost.

#include <sstream>
#include <string>

namespace quorum::raft::detail {

/// Prints "raft invariant violated at file:line: message" to stderr and aborts.
[[noreturn]] void failInvariant(const char *file, int line, const std::string &message);

} // namespace quorum::raft::detail

/// Aborts with a message built by streaming `what` (e.g. "index " << i).
#define RAFT_FAIL(what)                                                                            \
    do {                                                                                           \
        std::ostringstream raftFailStream_;                                                        \
        raftFailStream_ << what;                                                                   \
        ::quorum::raft::detail::failInvariant(__FILE__, __LINE__, raftFailStream_.str());          \
    } while (false)

/// Aborts unless `cond` holds.
#define RAFT_CHECK(cond, what)                                                                     \
    do {                                                                                           \
        if (!(cond))                                                                               \
            RAFT_FAIL("check '" #cond "' failed: " << what);                                       \
    } while (false)
