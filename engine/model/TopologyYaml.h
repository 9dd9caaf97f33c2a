#pragma once

// Topology YAML I/O (apiVersion quorum.studio/v1alpha1, kind Topology; see docs/topology-format.md).

#include "engine/model/Topology.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::model {

/// A problem in an input file, with its place. line/column are 1-based; 0 when unknown.
struct Diagnostic {
    std::string file;
    int line = 0;
    int column = 0;
    std::string field;    ///< path of the offending field, e.g. "spec.nodes[2].role"; may be empty
    std::string message;  ///< what is wrong, in English

    /// "file:line:column: field: message" (parts that are unknown are left out).
    std::string toString() const;
};

struct LoadResult {
    std::optional<Topology> topology;   ///< set only when there are no errors
    std::vector<Diagnostic> errors;     ///< syntax errors stop at the first; schema errors are all listed
    bool ok() const { return topology.has_value(); }
};

/// Files larger than this are refused before parsing.
constexpr std::int64_t kMaxTopologyFileBytes = 64LL * 1024 * 1024;

/// Parses topology YAML text. fileName is only used in diagnostics. Thread-safe.
LoadResult parseTopology(std::string_view text, const std::string &fileName = "<input>");
/// Reads and parses a file; unreadable, empty or oversized files give one diagnostic.
LoadResult loadTopologyFile(const std::string &path);

/// Writes the design as topology YAML. Defaults are left out; saving what was loaded and
/// loading it again gives the same design (Topology::sameDesign).
std::string topologyToYaml(const Topology &topology);

/// Saves atomically: writes a temporary file beside the target, flushes it to disk, then
/// renames it over the target, so a crash never leaves a half-written file.
/// Returns std::nullopt on success, or a message naming the file and the reason.
std::optional<std::string> saveTopologyFile(const Topology &topology, const std::string &path);

// ---- Kubernetes quantities and durations, as the format writes them ----------------------

/// "4" -> 4000, "500m" -> 500, "0.5" -> 500. std::nullopt when malformed or negative.
std::optional<std::int64_t> parseCpuMillis(const std::string &text);
/// "16Gi", "512Mi", "1G", "1e9", "1024" -> bytes. std::nullopt when malformed or negative.
std::optional<std::int64_t> parseBytes(const std::string &text);
/// "100ms", "40s", "5m", "1h30m" -> milliseconds. std::nullopt when malformed.
std::optional<std::int64_t> parseDurationMs(const std::string &text);
std::string formatCpuMillis(std::int64_t millis);
std::string formatBytes(std::int64_t bytes);
std::string formatDurationMs(std::int64_t ms);

} // namespace quorum::model
