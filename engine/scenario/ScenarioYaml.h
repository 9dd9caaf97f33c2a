#pragma once

// Reading scenario files (apiVersion quorum.studio/v1alpha1, kind Scenario; docs/scenarios.md).
// Diagnostics are the model's: file, line, column, field path and message, with "did you
// mean" suggestions for misspelt fields and choices.

#include "engine/model/TopologyYaml.h"
#include "engine/scenario/Scenario.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::scenario {

using model::Diagnostic;

struct ScenarioLoadResult {
    std::optional<Scenario> scenario;  ///< set only when there are no errors
    std::vector<Diagnostic> errors;    ///< a syntax error stops at the first; schema errors are all listed
    bool ok() const { return scenario.has_value(); }
};

inline constexpr const char *kScenarioApiVersion = "quorum.studio/v1alpha1";
inline constexpr const char *kScenarioKind = "Scenario";
/// Files larger than this are refused before parsing.
inline constexpr std::int64_t kMaxScenarioFileBytes = 4LL * 1024 * 1024;

/// Parses scenario YAML. fileName names the file in diagnostics, and its folder is where
/// relative paths (spec.topology, apply) are resolved from ("<input>": the current folder).
/// Thread-safe.
ScenarioLoadResult parseScenario(std::string_view text, const std::string &fileName = "<input>");

/// Reads and parses a file; a missing, unreadable, binary or oversized file gives one diagnostic.
ScenarioLoadResult loadScenarioFile(const std::string &path);

} // namespace quorum::scenario
