#pragma once
// The SQL backend interface the store runs on: SQLite (embedded, default) or PostgreSQL (libpq).
// Everything above it (the schema-driven Store, migrations) is written once for both.
#include "core/result.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sluice::store {

using SqlValue = std::variant<std::nullptr_t, int64_t, double, bool, std::string>;
// Rows as text (NULL as nullopt); the store converts by field type.
using SqlRow = std::vector<std::optional<std::string>>;
using SqlRows = std::vector<SqlRow>;

// A row another process wrote: its table and id; an empty id when the writer did not say which
// (a truncation, or a node of an older version).
struct ChangedRow {
  std::string table;
  std::string id;
};

// Notifications that another process changed the configuration (PostgreSQL LISTEN/NOTIFY).
class ChangeFeed {
 public:
  virtual ~ChangeFeed() = default;
  // Waits up to `timeoutMs`; true when a change was announced, its rows appended to `rows`. True
  // with nothing appended when changes may have been missed (the feed reconnected): read everything.
  virtual bool wait(int timeoutMs, std::vector<ChangedRow>& rows) = 0;
};

class Database {
 public:
  virtual ~Database() = default;

  virtual std::string_view kind() const = 0;  // "sqlite" or "postgres"
  // Runs one statement. Constraint failures come back as UniqueViolation/ForeignKeyViolation, a lost
  // or refused connection as DatabaseUnavailable (the next call reconnects).
  virtual core::Result<SqlRows> query(const std::string& sql, const std::vector<SqlValue>& params = {}) = 0;
  // Runs a script of several statements without parameters (migrations).
  virtual core::Status execScript(const std::string& sql) = 0;
  // The parameter marker for the 1-based index: "?" or "$1".
  virtual std::string placeholder(int index) const = 0;
  virtual core::Result<std::vector<std::string>> columns(const std::string& table) = 0;
  virtual bool tableExists(const std::string& table) = 0;
  // A feed of other processes' writes, or null when the database has a single writer (SQLite).
  virtual std::unique_ptr<ChangeFeed> changeFeed() { return nullptr; }
};

// Runs `body` in a transaction, committing if it succeeds and rolling back otherwise.
template <typename T, typename Body>
core::Result<T> inTransaction(Database& db, Body&& body) {
  if (auto begun = db.query("BEGIN"); !begun) return begun.error();
  core::Result<T> result = body();
  if (result) {
    if (auto committed = db.query("COMMIT"); !committed) {
      (void)db.query("ROLLBACK");
      return committed.error();
    }
  } else {
    (void)db.query("ROLLBACK");
  }
  return result;
}

}  // namespace sluice::store
