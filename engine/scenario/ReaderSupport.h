#pragma once

// Field readers the scenario format needs beyond the model's MapReader (durations in
// microseconds, decimal numbers, node targets, paths), and the readers of the step bodies.
// Internal to engine/scenario.

#include "engine/model/YamlReader.h"
#include "engine/scenario/Scenario.h"

#include <limits>
#include <optional>
#include <string>

namespace quorum::scenario::detail {

using model::yaml::MapReader;
using model::yaml::Need;
using model::yaml::Reporter;

enum class Sign { ZeroOrMore, Positive };

/// The scalar text at key; reports a missing required field or a non-scalar value.
std::optional<std::string> scalarField(MapReader &map, Reporter &reporter, const char *key, Need need,
                                       const char *expected);
/// A non-empty string (names of nodes, workloads, zones).
bool readName(MapReader &map, Reporter &reporter, const char *key, std::string &out, Need need);
bool readDuration(MapReader &map, Reporter &reporter, const char *key, Micros &out, Need need,
                  Sign sign = Sign::ZeroOrMore);
/// A decimal number in [min, max]; Sign::Positive also refuses 0.
bool readNumber(MapReader &map, Reporter &reporter, const char *key, double &out, double min, double max,
                Need need, Sign sign = Sign::ZeroOrMore);
bool readUnsigned(MapReader &map, Reporter &reporter, const char *key, std::uint64_t &out, Need need);
/// A node name or a selector (etcd-leader, lease-holder:<lease>).
bool readTarget(MapReader &map, Reporter &reporter, const char *key, Target &out, Need need);
/// A path resolved against `folder` (the scenario file's folder).
bool readPath(MapReader &map, Reporter &reporter, const char *key, const std::string &folder, FilePath &out,
              Need need);
FilePath resolvePath(const std::string &folder, const std::string &given);
/// The shortest exact fixed-point spelling of a number: 99.5, 50, 0.25.
std::string formatDecimal(double value);

/// The leases the control plane elects holders for (lease-holder:<lease>, leaseHolderChanged).
const std::vector<std::string> &knownLeases();

// Step bodies. Each reports what is wrong and returns what it could read; the caller keeps the
// result only when the whole file had no error.
Fault readFault(Reporter &reporter, const YAML::Node &node, const std::string &path);
Heal readHeal(Reporter &reporter, const YAML::Node &node, const std::string &path);
Expectation readExpectation(Reporter &reporter, const YAML::Node &node, const std::string &path);

} // namespace quorum::scenario::detail
