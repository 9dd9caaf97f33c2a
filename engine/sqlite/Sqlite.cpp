#include "engine/sqlite/Sqlite.h"

#include <utility>

namespace quorum::sqlite {

Statement::Statement(sqlite3 *db, const char *sql)
{
    if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK)
        m_stmt = nullptr;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept : m_stmt(std::exchange(other.m_stmt, nullptr)) {}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

void Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void Statement::bindDouble(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
}

void Statement::bindText(int index, std::string_view text)
{
    sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void Statement::bindBlob(int index, std::string_view bytes)
{
    sqlite3_bind_blob(m_stmt, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
}

int Statement::step()
{
    return sqlite3_step(m_stmt);
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::type(int column) const
{
    return sqlite3_column_type(m_stmt, column);
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::text(int column) const
{
    const auto *p = sqlite3_column_text(m_stmt, column);
    return p ? std::string(reinterpret_cast<const char *>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
             : std::string();
}

std::string_view Statement::blob(int column) const
{
    const void *p = sqlite3_column_blob(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return p ? std::string_view(static_cast<const char *>(p), static_cast<std::size_t>(size)) : std::string_view();
}

std::unique_ptr<Database> Database::open(const std::string &path, int flags, const std::string &what,
                                         std::string &error)
{
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    // The handle is owned (and closed) even when opening failed: SQLite allocates it anyway.
    std::unique_ptr<Database> db(new Database(raw, path));
    if (rc != SQLITE_OK) {
        error = db->error(what);
        return nullptr;
    }
    sqlite3_busy_timeout(raw, 2000);
    sqlite3_extended_result_codes(raw, 1);
    return db;
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

std::string Database::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return {};
    std::string text = message ? message : sqlite3_errmsg(m_db);
    sqlite3_free(message);
    return m_path + ": " + text;
}

std::string Database::error(const std::string &what) const
{
    return m_path + ": " + what + " (" + (m_db ? sqlite3_errmsg(m_db) : "out of memory") + ")";
}

} // namespace quorum::sqlite
