#pragma once

// The recording schema over engine/sqlite's connection, shared by SqliteRecorder and
// SqliteReader. Internal to engine/telemetry.

#include "engine/sqlite/Sqlite.h"

#include <memory>
#include <string>

namespace quorum::telemetry::detail {

using sqlite::Database;
using sqlite::Statement;

/// The schema this version writes and the newest it reads. Bump it when tables change, and
/// teach openRecording to migrate older files.
inline constexpr int kSchemaVersion = 1;
inline constexpr const char *kApplicationId = "quorum-studio-recording";

/// Opens a recording: creates the schema when `writable` and the file is new or empty,
/// refuses files that are not recordings, corrupt, or of a newer schema version (then returns
/// nullptr and sets `error`, naming the file).
std::unique_ptr<Database> openRecording(const std::string &path, bool writable, std::string &error);

} // namespace quorum::telemetry::detail
