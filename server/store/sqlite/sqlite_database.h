#pragma once
#include "store/database.h"

struct sqlite3;

namespace sluice::store {

// The embedded store: one file, WAL journal, synchronous=FULL (an acknowledged write survives a
// crash or power loss), foreign keys on. ":memory:" gives a private in-memory database (DB-less mode).
class SqliteDatabase final : public Database {
 public:
  static core::Result<std::unique_ptr<SqliteDatabase>> open(const std::string& path);
  ~SqliteDatabase() override;

  std::string_view kind() const override { return "sqlite"; }
  core::Result<SqlRows> query(const std::string& sql, const std::vector<SqlValue>& params) override;
  core::Status execScript(const std::string& sql) override;
  std::string placeholder(int index) const override;
  core::Result<std::vector<std::string>> columns(const std::string& table) override;
  bool tableExists(const std::string& table) override;

 private:
  explicit SqliteDatabase(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

}  // namespace sluice::store
