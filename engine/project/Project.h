#pragma once

// .quorum project files: one SQLite database holding the design (topology), the diagram layout,
// the scenarios and the recorded runs. Format in docs/project-format.md.

#include "engine/model/Topology.h"
#include "engine/model/TopologyYaml.h"  // model::Diagnostic

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace quorum::project {

/// Top-left corner of an element's card in diagram (scene) units.
struct Point {
    double x = 0;
    double y = 0;
    bool operator==(const Point &) const = default;
};

/// A zone lane's or band's size the user dragged, in diagram (scene) units; 0 in a dimension: the
/// automatic size in that one. left and top (format 4 for lanes, format 7 for bands): how far its
/// left and top edges were dragged out past where the automatic layout starts it (0: not at all).
struct Size {
    double width = 0;
    double height = 0;
    double left = 0;
    double top = 0;
    bool operator==(const Size &) const = default;
};

/// A scenario kept in the project: its file name ("kill-etcd-leader.yaml") and YAML text.
struct ScenarioEntry {
    std::string name;
    std::string yaml;
    bool operator==(const ScenarioEntry &) const = default;
};

/// Everything a .quorum file holds.
struct Project {
    model::Topology topology;
    /// Element id string ("node/cp-1", "zone/zone-a", "loadbalancer/api") -> card position the user placed;
    /// elements without an entry are placed by the automatic layout. Format 6: the offset of the
    /// card's top-left corner from where the automatic layout starts its container (a node's zone
    /// lane, a load balancer's, storage element's or workload's band; docs/project-format.md), so
    /// the card follows its container; formats 1 to 5: the corner in scene units. Entries whose element is no
    /// longer in the design are kept as they are.
    std::map<std::string, Point> positions;
    /// Element id string ("zone/zone-a") -> the lane size the user dragged (format 3); elements
    /// without an entry get the automatic size. Kept like positions when the element is gone.
    /// Format 5: also the bands' sizes ("band/loadbalancers", "band/storage", "band/workloads"),
    /// format 7 with their outsets; saveProject refuses other "band/" ids and loadProject refuses
    /// them too, and band outsets in a file older than format 7.
    std::map<std::string, Size> sizes;
    /// Names are unique and non-empty (saveProject refuses others); loadProject returns them in
    /// name order.
    std::vector<ScenarioEntry> scenarios;
};

/// The format this version writes, and the newest it reads.
/// Format 2 added the recorded runs, format 3 the zone sizes, format 4 their left and top
/// outsets, format 5 the bands' sizes (in `sizes`, as "band/storage" and the like); format 1
/// files read as projects without runs, format 1 and 2 files as projects without sizes, format 3
/// files with outsets of 0, format 1 to 4 files with automatic band sizes. Format 6 keeps positions
/// relative to the cards' lanes and bands (kPlacementsFormatVersion). Format 7 lets band rows carry
/// outsets (kBandOutsetsFormatVersion); a format-6 file reads as it is.
inline constexpr int kProjectFormatVersion = 7;
/// The first format whose positions are offsets from the cards' containers rather than scene positions.
inline constexpr int kPlacementsFormatVersion = 6;
/// The first format whose band rows in `sizes` may have left and top outsets.
inline constexpr int kBandOutsetsFormatVersion = 7;

/// The outcome of loadProject.
struct ProjectLoad {
    std::optional<Project> project;          ///< set only without errors
    std::vector<model::Diagnostic> errors;   ///< each names the file (and line/column/field where known)
    int recordedRuns = 0;                    ///< runs kept in the file (extractRuns reads them)
    /// The file's format version. Below kPlacementsFormatVersion, Project::positions are scene
    /// positions, which the reader of the layout (the designer) turns into placements.
    int format = 0;
    bool ok() const { return project.has_value(); }
};

/// Reads a .quorum file. Never throws; thread-safe (each call has its own connection).
/// Not a SQLite file / not a Quorum project (wrong application id) / truncated or corrupt
/// (checked against the header's page count and with `PRAGMA quick_check`) / newer format
/// version ("written by a newer Quorum Studio: format 2, this version reads up to 1") / missing
/// tables each give one clear diagnostic naming the file. A topology YAML error gives the
/// parser's diagnostics with the file, the line and column inside the stored YAML, and a field
/// starting with "topology" ("topology" or "topology.spec.nodes[2].role").
/// Opens read-only and never modifies the file.
ProjectLoad loadProject(const std::string &path);

/// Test hook for the crash-during-save simulation.
struct SaveHooks {
    /// Called after the temporary file is fully written and synced, before it is renamed over the target.
    std::function<void(const std::string &tempPath)> beforeRename;
};

/// Saves atomically: writes a new SQLite database to the temporary file ".<name>.saving" in the
/// target's folder, syncs it, renames it over the target, syncs the folder. On any failure the
/// target is untouched, the temporary file removed, and the message names the file and the
/// reason. A temporary file left by a crash is replaced (and so removed) by the next save to the
/// same target. Returns std::nullopt on success. Never throws. Two saves to the same target at
/// the same time (threads or processes) are not supported.
/// With `runsFrom` (a recording file of engine/telemetry, e.g. the one the engine records the
/// open design's runs into), every run in it is copied into the project; a file that is missing
/// or not a recording fails the save, naming it. Runs are copied as SQLite rows (fast: about
/// the file's size in bytes) and read from the recording's last committed state.
std::optional<std::string> saveProject(const Project &project, const std::string &path, const SaveHooks &hooks = {},
                                       const std::string &runsFrom = {});

/// Writes the runs kept in project `projectPath` into a new recording file `recordingPath`
/// (replacing whatever was there), so that they can be replayed and recorded beside. A
/// project without runs gives a recording without runs. std::nullopt on success, else the
/// reason naming the file. Never throws.
std::optional<std::string> extractRuns(const std::string &projectPath, const std::string &recordingPath);

/// True when the file starts with SQLite's header ("SQLite format 3\0") — lets callers tell a
/// project from a topology YAML. False for unreadable files. Thread-safe.
bool looksLikeProject(const std::string &path);

} // namespace quorum::project
