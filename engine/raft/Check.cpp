#include "engine/raft/Check.h"

#include <cstdio>
#include <cstdlib>

namespace quorum::raft::detail {

void failInvariant(const char *file, int line, const std::string &message)
{
    std::fprintf(stderr, "raft invariant violated at %s:%d: %s\n", file, line, message.c_str());
    std::fflush(stderr);
    std::abort();
}

} // namespace quorum::raft::detail
