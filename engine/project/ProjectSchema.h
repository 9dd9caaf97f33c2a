#pragma once

// The tables and pragmas of a .quorum file, shared by the reader and the writer. Internal to
// engine/project; docs/project-format.md describes them for people.

#include "engine/project/Project.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

namespace quorum::project::detail {

/// PRAGMA application_id of every .quorum file: "QUOR" in ASCII.
inline constexpr std::int32_t kApplicationId = 0x51554F52;

/// The first 16 bytes of every SQLite 3 database.
inline constexpr char kSqliteMagic[] = "SQLite format 3";  // plus its terminating '\0': 16 bytes
inline constexpr std::size_t kSqliteMagicSize = sizeof kSqliteMagic;
/// SQLite's database header (the start of page 1).
inline constexpr std::size_t kSqliteHeaderSize = 100;

/// Format 4: format 1's four tables, the recorded runs in format 2's three run tables, whose
/// columns are those of a recording's runs, events and samples (engine/telemetry, docs/telemetry.md),
/// format 3's zone sizes with format 4's left and top outsets.
inline constexpr const char *kCreateTables = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE topology(yaml TEXT NOT NULL);
CREATE TABLE positions(element_id TEXT PRIMARY KEY, x REAL NOT NULL, y REAL NOT NULL);
CREATE TABLE scenarios(name TEXT PRIMARY KEY, yaml TEXT NOT NULL);
CREATE TABLE sizes(element_id TEXT PRIMARY KEY, width REAL NOT NULL, height REAL NOT NULL,
                   outset_left REAL NOT NULL, outset_top REAL NOT NULL);
CREATE TABLE runs(
  id INTEGER PRIMARY KEY,
  started_label TEXT NOT NULL,
  topology_name TEXT NOT NULL,
  seed INTEGER NOT NULL,
  scenario TEXT NOT NULL);
CREATE TABLE run_events(
  run INTEGER NOT NULL REFERENCES runs(id),
  time_us INTEGER NOT NULL,
  kind TEXT NOT NULL,
  type TEXT NOT NULL,
  object TEXT NOT NULL,
  reason TEXT NOT NULL,
  message TEXT NOT NULL,
  attrs TEXT NOT NULL);
CREATE TABLE run_samples(
  run INTEGER NOT NULL REFERENCES runs(id),
  time_us INTEGER NOT NULL,
  data BLOB NOT NULL);
)sql";

/// The tables every file must have (format 1 and later).
inline constexpr std::array<const char *, 4> kTables = {"meta", "topology", "positions", "scenarios"};
/// The tables format 2 added.
inline constexpr std::array<const char *, 3> kRunTables = {"runs", "run_events", "run_samples"};
/// The table format 3 added.
inline constexpr const char *kSizesTable = "sizes";

/// Format 5 keeps the sizes of the diagram's bands in `sizes` too, as "band/<name>" rows.
inline constexpr std::array<const char *, 3> kBandIds = {"band/loadbalancers", "band/storage", "band/workloads"};

/// The names of a `sizes` row's numbers (width, height, outset_left, outset_top) in messages.
inline constexpr std::array<const char *, 4> kSizeFields = {"width", "height", "left outset", "top outset"};

/// What is wrong with the `sizes` row of `id` as a band's in a file of `format` ("" for a good
/// band row and for every row that is not a band's): an unknown band, or, before format 7
/// (kBandOutsetsFormatVersion), an outset. The numbers themselves are checked as every row's are.
inline std::string bandSizeProblem(const std::string &id, double outsetLeft, double outsetTop, int format)
{
    if (id.rfind("band/", 0) != 0)
        return {};
    if (std::find(kBandIds.begin(), kBandIds.end(), id) == kBandIds.end())
        return "'" + id + "' is not a band of the diagram (band/loadbalancers, band/storage or band/workloads)";
    if (format < kBandOutsetsFormatVersion && (outsetLeft != 0 || outsetTop != 0))
        return "the band '" + id + "' has an outset, which a format-" + std::to_string(format) +
               " file cannot have (band outsets came with format " + std::to_string(kBandOutsetsFormatVersion) + ")";
    return {};
}

/// Copies the runs of the attached database `from` (tables `fromRuns`, `fromEvents`,
/// `fromSamples`) into `to`'s, keeping run ids (the target's tables are empty).
inline std::string copyRunsSql(const std::string &from, const char *fromRuns, const char *fromEvents, const char *fromSamples,
                               const std::string &to, const char *toRuns, const char *toEvents, const char *toSamples)
{
    const std::string events = " (run, time_us, kind, type, object, reason, message, attrs) ";
    return "INSERT INTO " + to + "." + toRuns + " (id, started_label, topology_name, seed, scenario) SELECT id, " +
           "started_label, topology_name, seed, scenario FROM " + from + "." + fromRuns + " ORDER BY id; " +
           "INSERT INTO " + to + "." + toEvents + events + "SELECT run, time_us, kind, type, object, reason, message, attrs FROM " +
           from + "." + fromEvents + " ORDER BY rowid; " + "INSERT INTO " + to + "." + toSamples +
           " (run, time_us, data) SELECT run, time_us, data FROM " + from + "." + fromSamples + " ORDER BY rowid;";
}

} // namespace quorum::project::detail
