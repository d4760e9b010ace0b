#include "app/store_factory.h"

#include "store/migrations.h"
#include "store/postgres/postgres_database.h"
#include "store/sqlite/sqlite_database.h"

#include <Poco/Logger.h>

#include <algorithm>

namespace sluice::app {

namespace {

core::Result<store::PostgresSettings> postgresSettings(const Config& config) {
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
  pg.notifyHost = config.get("pg_notify_host");
  auto notifyPort = config.integer("pg_notify_port");
  if (!notifyPort || *notifyPort < 0 || *notifyPort > 65535) return core::Error::badRequest("pg_notify_port: expected a port (0: pg_port)");
  pg.notifyPort = static_cast<int>(*notifyPort);
  return pg;
}

// The read-only server's settings: each pg_ro_ key set replaces its pg_ counterpart (Kong 2.8).
core::Result<store::PostgresSettings> readOnlySettings(const Config& config) {
  auto pg = postgresSettings(config);
  if (!pg) return pg.error();
  const auto set = [&](const char* key) { return !config.get(key).empty(); };
  pg->host = config.get("pg_ro_host");
  if (set("pg_ro_port")) {
    auto port = config.integer("pg_ro_port");
    if (!port || *port < 1 || *port > 65535) return core::Error::badRequest("pg_ro_port: expected a port");
    pg->port = static_cast<int>(*port);
  }
  if (set("pg_ro_user")) pg->user = config.get("pg_ro_user");
  if (set("pg_ro_password")) pg->password = config.get("pg_ro_password");
  if (set("pg_ro_database")) pg->database = config.get("pg_ro_database");
  if (set("pg_ro_ssl")) {
    auto ssl = config.boolean("pg_ro_ssl");
    if (!ssl) return ssl.error();
    pg->ssl = *ssl;
  }
  if (set("pg_ro_timeout")) {
    auto timeout = config.milliseconds("pg_ro_timeout");
    if (!timeout) return timeout.error();
    pg->connectTimeoutSeconds = std::max<int>(1, static_cast<int>(*timeout / 1000));
  }
  return pg;
}

}  // namespace

core::Result<std::unique_ptr<store::Database>> openDatabase(const Config& config) {
  const std::string kind = config.get("database");
  if (kind == "postgres") {
    auto pg = postgresSettings(config);
    if (!pg) return pg.error();
    auto db = std::make_unique<store::PostgresDatabase>(*pg);
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
  if ((*db)->kind() != "postgres") return std::make_unique<store::Store>(std::move(*db));
  // Admin requests run side by side on PostgreSQL, each on a connection of its own.
  auto pg = postgresSettings(config);
  if (!pg) return pg.error();
  const int64_t most = *config.integer("pg_max_concurrent_queries");
  const auto connections = static_cast<size_t>(most > 0 ? most : *config.integer("admin_threads"));
  return std::make_unique<store::Store>(
      std::move(*db), [settings = *pg] { return std::make_unique<store::PostgresDatabase>(settings); }, connections,
      std::chrono::milliseconds(*config.milliseconds("pg_semaphore_timeout")));
}

core::Result<std::unique_ptr<store::Store>> openReadOnlyStore(const Config& config) {
  if (config.get("pg_ro_host").empty() || config.get("database") != "postgres") return std::unique_ptr<store::Store>();
  auto pg = readOnlySettings(config);
  if (!pg) return pg.error();
  auto first = std::make_unique<store::PostgresDatabase>(*pg);
  // Away at start: the node starts anyway, reads from the primary meanwhile, and reconnects.
  if (auto s = first->connect(); !s)
    Poco::Logger::get("sluice").warning("the read-only server %s is not reachable yet: %s", pg->host, s.error().message);
  const auto integerOr = [&](const char* key, const char* fallback) {
    return config.get(key).empty() ? config.integer(fallback) : config.integer(key);
  };
  auto most = integerOr("pg_ro_max_concurrent_queries", "pg_max_concurrent_queries");
  if (!most || *most < 0) return core::Error::badRequest("pg_ro_max_concurrent_queries: expected a positive integer");
  auto wait = config.get("pg_ro_semaphore_timeout").empty() ? config.milliseconds("pg_semaphore_timeout")
                                                             : config.milliseconds("pg_ro_semaphore_timeout");
  if (!wait) return wait.error();
  // The node's reads are few and one at a time (the snapshot builder): a small pool.
  const auto connections = static_cast<size_t>(*most > 0 ? *most : 2);
  return std::make_unique<store::Store>(
      std::move(first), [settings = *pg] { return std::make_unique<store::PostgresDatabase>(settings); }, connections,
      std::chrono::milliseconds(*wait));
}

}  // namespace sluice::app
