#include "store/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <cstring>
#include <memory>

namespace sluice::store {
namespace {

core::Error sqliteError(sqlite3* db, int rc) {
  const std::string message = sqlite3_errmsg(db);
  const int extended = sqlite3_extended_errcode(db);
  if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY)
    return core::Error{core::ErrorCode::UniqueViolation, message, nullptr};
  if (extended == SQLITE_CONSTRAINT_FOREIGNKEY) return core::Error{core::ErrorCode::ForeignKeyViolation, message, nullptr};
  const int primary = rc & 0xff;  // (extended result codes are on: SQLITE_IOERR_WRITE, ...)
  if (primary == SQLITE_IOERR || primary == SQLITE_FULL) {
    // A full disk, a file size limit, a failing device: say what is known (SQLite keeps the
    // system's errno only now and then).
    const int cause = sqlite3_system_errno(db);
    const bool writing = primary == SQLITE_FULL || extended == SQLITE_IOERR_WRITE || extended == SQLITE_IOERR_FSYNC ||
                         extended == SQLITE_IOERR_TRUNCATE || extended == SQLITE_IOERR_SHMSIZE;
    std::string why = cause ? std::strerror(cause) : "";
    if (writing) why += std::string(why.empty() ? "" : "; ") + "the database file could not be written: is its disk full?";
    return core::Error::unavailable("SQLite: " + message + (why.empty() ? std::string() : " (" + why + ")"));
  }
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_CANTOPEN) return core::Error::unavailable("SQLite: " + message);
  return core::Error::database("SQLite: " + message);
}

struct StatementDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

}  // namespace

core::Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const std::string& path) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr); rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return core::Error::unavailable("cannot open SQLite database '" + path + "': " + message);
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_extended_result_codes(db, 1);
  std::unique_ptr<SqliteDatabase> out(new SqliteDatabase(db));
  const bool memory = path == ":memory:";
  if (auto s = out->execScript(std::string(memory ? "" : "PRAGMA journal_mode=WAL;") +
                               "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
      !s)
    return s.error();
  return out;
}

SqliteDatabase::~SqliteDatabase() { sqlite3_close(db_); }

core::Result<SqlRows> SqliteDatabase::query(const std::string& sql, const std::vector<SqlValue>& params) {
  sqlite3_stmt* raw = nullptr;
  if (int rc = sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr); rc != SQLITE_OK)
    return sqliteError(db_, rc);
  std::unique_ptr<sqlite3_stmt, StatementDeleter> stmt(raw);
  for (size_t i = 0; i < params.size(); ++i) {
    const int at = static_cast<int>(i + 1);
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) sqlite3_bind_null(raw, at);
          else if constexpr (std::is_same_v<T, int64_t>) sqlite3_bind_int64(raw, at, v);
          else if constexpr (std::is_same_v<T, double>) sqlite3_bind_double(raw, at, v);
          else if constexpr (std::is_same_v<T, bool>) sqlite3_bind_int(raw, at, v ? 1 : 0);
          else sqlite3_bind_text(raw, at, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        },
        params[i]);
  }
  SqlRows rows;
  const int columns = sqlite3_column_count(raw);
  for (;;) {
    const int rc = sqlite3_step(raw);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return sqliteError(db_, rc);
    SqlRow row(columns);
    for (int c = 0; c < columns; ++c) {
      if (sqlite3_column_type(raw, c) == SQLITE_NULL) continue;
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(raw, c));
      row[c] = std::string(text, sqlite3_column_bytes(raw, c));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

core::Status SqliteDatabase::execScript(const std::string& sql) {
  char* error = nullptr;
  if (int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error); rc != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    return core::Error::database("SQLite: " + message);
  }
  return core::Ok{};
}

std::string SqliteDatabase::placeholder(int) const { return "?"; }

core::Result<std::vector<std::string>> SqliteDatabase::columns(const std::string& table) {
  auto rows = query("SELECT name FROM pragma_table_info(?)", {table});
  if (!rows) return rows.error();
  std::vector<std::string> out;
  for (const auto& r : *rows) out.push_back(r[0].value_or(""));
  return out;
}

bool SqliteDatabase::tableExists(const std::string& table) {
  auto rows = query("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", {table});
  return rows && !rows->empty();
}

}  // namespace sluice::store
