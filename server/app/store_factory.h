#pragma once
// Opens the configured store: SQLite (migrated on open: zero set-up), PostgreSQL (must be
// bootstrapped with `sluice migrations bootstrap`), or an in-memory store for DB-less mode.
#include "app/config.h"
#include "store/store.h"

namespace sluice::app {

core::Result<std::unique_ptr<store::Database>> openDatabase(const Config& config);
// The database behind `config`, checked to be migrated, wrapped in a Store.
core::Result<std::unique_ptr<store::Store>> openStore(const Config& config);

}  // namespace sluice::app
