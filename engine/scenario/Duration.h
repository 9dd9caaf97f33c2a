#pragma once

// Go / Kubernetes style durations in microseconds: "500ms", "30s", "5m", "1h", "1m30s",
// "1.5s", "250us". Exact decimal arithmetic (no floating point), resolution 1 µs.

#include "engine/scenario/Scenario.h"

#include <optional>
#include <string>
#include <string_view>

namespace quorum::scenario {

struct DurationParse {
    std::optional<Micros> value;
    std::string problem;  ///< why the text is not a duration, when value is empty
};

/// Parses a non-negative duration. Units: h, m, s, ms, us (or µs); "0" alone needs no unit.
/// Fractions finer than a microsecond are dropped. Negative, unit-less, unknown-unit and
/// overflowing values are refused with a one-sentence problem naming the text.
DurationParse parseDuration(std::string_view text);

/// The shortest exact spelling: 3000000 -> "3s", 90000000 -> "1m30s", 1500 -> "1.5ms",
/// 0 -> "0s".
std::string formatDuration(Micros duration);

} // namespace quorum::scenario
