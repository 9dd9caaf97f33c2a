#pragma once

// A small deterministic PRNG (SplitMix64). The raft core draws only election timeouts from it,
// so a run is reproducible from Config::seed.

#include <cstdint>

namespace quorum::raft {

class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed)
        : m_state(seed)
    {
    }

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    /// Uniform in [0, n). Precondition: n > 0. (Modulo bias is below 2^-50 for the small n used.)
    std::uint64_t below(std::uint64_t n) { return next() % n; }

private:
    std::uint64_t m_state;
};

} // namespace quorum::raft
