#include "app/store_factory.h"

#include "store/migrations.h"
#include "store/postgres/postgres_database.h"
#include "store/sqlite/sqlite_database.h"

namespace sluice::app {

core::Result<std::unique_ptr<store::Database>> openDatabase(const Config& config) {
  const std::string kind = config.get("database");
  if (kind == "postgres") {
    store::PostgresSettings pg;
    pg.host = config.get("pg_host");
    auto port = config.integer("pg_port");
    if (!port) return port.error();
    pg.port = static_cast<int>(*port);
    pg.user = config.get("pg_user");
    pg.password = config.get("pg_password");
    pg.database = config.get("pg_database");
    auto ssl = config.boolean("pg_ssl");
    if (!ssl) return ssl.error();
    pg.ssl = *ssl;
    auto timeout = config.milliseconds("pg_timeout");
    if (!timeout) return timeout.error();
    pg.connectTimeoutSeconds = std::max<int>(1, static_cast<int>(*timeout / 1000));
    auto db = std::make_unique<store::PostgresDatabase>(pg);
    if (auto s = db->connect(); !s) return s.error();
    return std::unique_ptr<store::Database>(std::move(db));
  }
  const std::string path = kind == "off" ? ":memory:" : config.get("sqlite_path");
  auto db = store::SqliteDatabase::open(path);
  if (!db) return db.error();
  return std::unique_ptr<store::Database>(std::move(*db));
}

core::Result<std::unique_ptr<store::Store>> openStore(const Config& config) {
  auto db = openDatabase(config);
  if (!db) return db.error();
  if ((*db)->kind() == "sqlite") {
    if (auto ran = store::migrateUp(**db); !ran) return ran.error();
  } else {
    auto state = store::migrationState(**db);
    if (!state) return state.error();
    if (!state->bootstrapped)
      return core::Error::badRequest("the PostgreSQL database is not bootstrapped: run 'sluice migrations bootstrap'");
    if (!state->pending.empty())
      return core::Error::badRequest("the PostgreSQL database has pending migrations: run 'sluice migrations up'");
  }
  return std::make_unique<store::Store>(std::move(*db));
}

}  // namespace sluice::app
