#pragma once

// Virtual time as telemetry carries it. The engine's clock is virtual (STYLE.md, convention 2);
// telemetry only stores and forwards its readings, so it defines the unit rather than depending
// on engine/sim.

#include <cstdint>
#include <memory>
#include <string>

namespace quorum::telemetry {

/// Virtual time or a duration, in microseconds since the start of the run.
using Micros = std::int64_t;

inline constexpr Micros kMillisecond = 1000;
inline constexpr Micros kSecond = 1000 * kMillisecond;

/// Time ranges in queries are half-open: [from, to).
struct TimeRange {
    Micros from = 0;
    Micros to = 0;
    bool contains(Micros t) const { return t >= from && t < to; }
};

/// What opening a file-backed object gives: the object, or a message naming the file and the
/// reason (never both).
template <typename T> struct Opened {
    std::unique_ptr<T> value;
    std::string error;
    bool ok() const { return value != nullptr; }
};

} // namespace quorum::telemetry
