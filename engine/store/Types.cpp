#include "engine/store/Types.h"

#include "engine/store/Invariant.h"

#include <cstdio>
#include <cstdlib>

namespace quorum::store {

namespace detail {

void invariantFailed(const char *file, int line, const char *condition, const std::string &detail)
{
    std::fprintf(stderr, "engine/store: invariant broken at %s:%d: %s (%s)\n", file, line, condition, detail.c_str());
    std::fflush(stderr);
    std::abort();
}

} // namespace detail

const char *toString(Error error)
{
    switch (error) {
    case Error::None: return "ok";
    case Error::Compacted: return "compacted";
    case Error::FutureRevision: return "future-revision";
    case Error::EmptyKey: return "empty-key";
    case Error::DuplicateKey: return "duplicate-key";
    case Error::TooManyOps: return "too-many-ops";
    case Error::LeaseNotFound: return "lease-not-found";
    case Error::LeaseExists: return "lease-exists";
    case Error::InvalidTtl: return "invalid-ttl";
    case Error::InvalidLeaseId: return "invalid-lease-id";
    case Error::CorruptCommand: return "corrupt-command";
    case Error::AlreadyApplied: return "already-applied";
    }
    return "unknown";
}

const char *toString(EventType type)
{
    return type == EventType::Put ? "PUT" : "DELETE";
}

std::string prefixEnd(std::string_view prefix)
{
    std::string end(prefix);
    while (!end.empty()) {
        const auto last = static_cast<unsigned char>(end.back());
        if (last < 0xff) {
            end.back() = static_cast<char>(last + 1);
            return end;
        }
        end.pop_back();
    }
    return std::string(1, '\0');
}

bool inRange(std::string_view key, std::string_view begin, std::string_view rangeEnd)
{
    if (rangeEnd.empty())
        return key == begin;
    if (key < begin)
        return false;
    if (rangeEnd == std::string_view("\0", 1))
        return true;
    return key < rangeEnd;
}

} // namespace quorum::store
