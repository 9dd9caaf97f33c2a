#pragma once

// The simulation's one source of randomness: xoshiro256** seeded through splitmix64. Every
// random choice of a run (latencies, losses, faults, client operations, election seeds) is
// drawn from one Rng, so a seed fixes the whole history.

#include <cstdint>

namespace quorum::sim {

/// splitmix64 step: also used to derive independent seeds from one.
inline std::uint64_t splitmix64(std::uint64_t &state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/// Deterministic PRNG. Not thread-safe (the simulation has one thread).
class Rng {
public:
    explicit Rng(std::uint64_t seed)
    {
        std::uint64_t s = seed;
        for (auto &word : m_s)
            word = splitmix64(s);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    /// Uniform in [lo, hi]. Precondition: lo <= hi.
    std::int64_t uniform(std::int64_t lo, std::int64_t hi)
    {
        const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
        return span == 0 ? static_cast<std::int64_t>(next()) : lo + static_cast<std::int64_t>(next() % span);
    }

    /// Uniform in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    /// True with probability p.
    bool chance(double p) { return p > 0 && unit() < p; }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_s[4];
};

} // namespace quorum::sim
