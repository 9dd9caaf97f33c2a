#pragma once

// Thin RAII over SQLite's C API shared by SqliteRecorder and SqliteReader, and the recording
// schema. Internal to engine/telemetry.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace quorum::telemetry::detail {

/// The schema this version writes and the newest it reads. Bump it when tables change, and
/// teach openRecording to migrate older files.
inline constexpr int kSchemaVersion = 1;
inline constexpr const char *kApplicationId = "quorum-studio-recording";

/// A prepared statement. Bind indices are 1-based, column indices 0-based (as in SQLite).
class Statement {
public:
    Statement() = default;
    Statement(sqlite3 *db, const char *sql);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool valid() const { return m_stmt != nullptr; }
    void bind(int index, std::int64_t value);
    void bindText(int index, std::string_view text);
    void bindBlob(int index, std::string_view bytes);
    /// SQLITE_ROW, SQLITE_DONE or an error code.
    int step();
    /// Resets for the next execution and clears the bindings.
    void reset();

    std::int64_t int64(int column) const;
    std::string text(int column) const;
    std::string_view blob(int column) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
};

/// An open database file.
class Database {
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    sqlite3 *handle() const { return m_db; }
    const std::string &path() const { return m_path; }
    /// Runs SQL without results. Returns an empty string, or a message naming the file.
    std::string exec(const char *sql);
    /// "<path>: <what> (<SQLite's message>)".
    std::string error(const std::string &what) const;

    /// Opens a recording: creates the schema when `writable` and the file is new or empty,
    /// refuses files that are not recordings, corrupt, or of a newer schema version.
    static std::unique_ptr<Database> openRecording(const std::string &path, bool writable, std::string &error);

private:
    Database(sqlite3 *db, std::string path) : m_db(db), m_path(std::move(path)) {}
    /// Creates or checks the schema; returns an error message or "".
    std::string prepareSchema(bool writable);

    sqlite3 *m_db;
    std::string m_path;
};

} // namespace quorum::telemetry::detail
