#pragma once

// The tables and pragmas of a .quorum file, shared by the reader and the writer. Internal to
// engine/project; docs/project-format.md describes them for people.

#include <array>
#include <cstdint>

namespace quorum::project::detail {

/// PRAGMA application_id of every .quorum file: "QUOR" in ASCII.
inline constexpr std::int32_t kApplicationId = 0x51554F52;

/// The first 16 bytes of every SQLite 3 database.
inline constexpr char kSqliteMagic[] = "SQLite format 3";  // plus its terminating '\0': 16 bytes
inline constexpr std::size_t kSqliteMagicSize = sizeof kSqliteMagic;
/// SQLite's database header (the start of page 1).
inline constexpr std::size_t kSqliteHeaderSize = 100;

/// Format 1. Recorded runs will come as new tables (with a format bump), not as changes to these.
inline constexpr const char *kCreateTables = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE topology(yaml TEXT NOT NULL);
CREATE TABLE positions(element_id TEXT PRIMARY KEY, x REAL NOT NULL, y REAL NOT NULL);
CREATE TABLE scenarios(name TEXT PRIMARY KEY, yaml TEXT NOT NULL);
)sql";

/// The tables a format-1 file must have.
inline constexpr std::array<const char *, 4> kTables = {"meta", "topology", "positions", "scenarios"};

} // namespace quorum::project::detail
