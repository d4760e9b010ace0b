#pragma once
// Opens the configured store: SQLite (migrated on open: zero set-up), PostgreSQL (must be
// bootstrapped with `sluice migrations bootstrap`), or an in-memory store for DB-less mode.
#include "app/config.h"
#include "store/store.h"

namespace sluice::app {

core::Result<std::unique_ptr<store::Database>> openDatabase(const Config& config);
// The database behind `config`, checked to be migrated, wrapped in a Store.
core::Result<std::unique_ptr<store::Store>> openStore(const Config& config);
// The read-only server of pg_ro_host (the node's own configuration reads), or null when none is set.
core::Result<std::unique_ptr<store::Store>> openReadOnlyStore(const Config& config);

}  // namespace sluice::app
