#pragma once
// Versioned schema migrations, hand-written SQL (the same text serves SQLite and PostgreSQL; a
// migration may carry a PostgreSQL-only or SQLite-only addendum). A test checks that every schema field has a
// column in both backends.
#include "store/database.h"

#include <string>
#include <vector>

namespace sluice::store {

struct Migration {
  std::string name;
  std::string sql;
  std::string postgresOnly;
  std::string sqliteOnly;  // where the two dialects differ (JSON functions)
};

const std::vector<Migration>& allMigrations();

struct MigrationState {
  std::vector<std::string> executed;
  std::vector<std::string> pending;
  bool bootstrapped = false;
};

core::Result<MigrationState> migrationState(Database& db);
// bootstrap: create everything on an empty database; up: run pending migrations; reset: drop all.
core::Result<std::vector<std::string>> bootstrap(Database& db);
core::Result<std::vector<std::string>> migrateUp(Database& db);
core::Status resetDatabase(Database& db);

}  // namespace sluice::store
