#pragma once
// Versioned schema migrations (model/migration.h): the core entities' steps, then the plugins'
// (declared in their folders, added at start). A test checks that every schema field has a column
// in both backends.
#include "model/migration.h"
#include "store/database.h"

#include <string>
#include <vector>

namespace sluice::store {

using Migration = model::Migration;

// The core steps, then the plugins' in the order added.
const std::vector<Migration>& allMigrations();
// A plugin's steps and the tables they create (a reset drops them). At start, before a store
// opens: the list is not locked.
void addMigrations(const std::vector<Migration>& migrations, const std::vector<std::string>& tables);

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
