#pragma once

// Which malloc a process runs on, for benchmark reports and tests/app/tst_allocator: jemalloc
// when its mallctl() is reachable (cmake/Allocator.cmake links it into our executables), else
// the C library's. Asks through dlsym, so it needs no jemalloc headers and works either way.

#include <dlfcn.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace quorum::testing {

using MallctlFn = int (*)(const char *, void *, std::size_t *, void *, std::size_t);

inline MallctlFn jemallocCtl()
{
    return reinterpret_cast<MallctlFn>(dlsym(RTLD_DEFAULT, "mallctl"));
}

/// "jemalloc 5.3.0-0-g54eaed1d8b56b1aa528be3bdd1877e59c56fa90c" or "glibc malloc".
inline std::string allocatorInUse()
{
    if (MallctlFn ctl = jemallocCtl()) {
        const char *version = nullptr;
        std::size_t size = sizeof version;
        if (ctl("version", &version, &size, nullptr, 0) == 0 && version)
            return std::string("jemalloc ") + version;
        return "jemalloc";
    }
    return "glibc malloc";
}

/// One of jemalloc's size_t statistics ("stats.allocated": bytes handed out and not taken back;
/// "stats.resident": bytes of its pages in memory), freshly read; -1 without jemalloc.
inline std::int64_t jemallocStat(const char *name)
{
    MallctlFn ctl = jemallocCtl();
    if (!ctl)
        return -1;
    std::uint64_t epoch = 1;
    std::size_t size = sizeof epoch;
    ctl("epoch", &epoch, &size, &epoch, size); // refreshes the statistics
    std::size_t value = 0;
    size = sizeof value;
    if (ctl(name, &value, &size, nullptr, 0) != 0)
        return -1;
    return static_cast<std::int64_t>(value);
}

inline std::int64_t jemallocAllocated() { return jemallocStat("stats.allocated"); }

} // namespace quorum::testing
