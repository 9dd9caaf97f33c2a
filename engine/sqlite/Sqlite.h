#pragma once

// Thin RAII over SQLite's C API: one connection, prepared statements, and error messages that
// name the file. What tables a file holds is the business of the library that owns the file
// (engine/telemetry for recordings, engine/project for .quorum files).

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace quorum::sqlite {

/// A prepared statement. Bind indices are 1-based, column indices 0-based (as in SQLite).
/// Must be destroyed before its Database. Not thread-safe (like the connection it belongs to).
class Statement {
public:
    Statement() = default;
    /// Prepares `sql`; on a syntax error or an unreadable file valid() is false and the
    /// connection's error message (Database::error) says why.
    Statement(sqlite3 *db, const char *sql);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool valid() const { return m_stmt != nullptr; }
    void bind(int index, std::int64_t value);
    void bindDouble(int index, double value);
    void bindText(int index, std::string_view text);
    void bindBlob(int index, std::string_view bytes);
    /// SQLITE_ROW, SQLITE_DONE or an error code.
    int step();
    /// Resets for the next execution and clears the bindings.
    void reset();

    /// SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB or SQLITE_NULL.
    int type(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::string_view blob(int column) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
};

/// An open database connection. Not thread-safe: one thread at a time.
class Database {
public:
    /// Opens `path` with sqlite3_open_v2 `flags` (SQLITE_OPEN_READONLY, ..._READWRITE | ..._CREATE),
    /// with extended result codes and a 2 s busy timeout. On failure returns nullptr and sets
    /// `error` to "<path>: <what> (<SQLite's message>)".
    static std::unique_ptr<Database> open(const std::string &path, int flags, const std::string &what,
                                          std::string &error);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    sqlite3 *handle() const { return m_db; }
    const std::string &path() const { return m_path; }
    /// Runs SQL without results. Returns an empty string, or a message naming the file.
    std::string exec(const char *sql);
    /// "<path>: <what> (<SQLite's message>)".
    std::string error(const std::string &what) const;

private:
    Database(sqlite3 *db, std::string path) : m_db(db), m_path(std::move(path)) {}

    sqlite3 *m_db;
    std::string m_path;
};

} // namespace quorum::sqlite
