#include "store/migrations.h"

#include "core/clock.h"
#include "model/registry.h"
#include "store/sql_mapping.h"

#include <algorithm>

namespace sluice::store {

namespace {

std::vector<std::string>& pluginTables() {
  static std::vector<std::string> tables;
  return tables;
}

// Column conventions (see sql_mapping.h): scalar fields keep their name, foreign keys are
// "<field>_id", arrays, sets, maps and records are JSON text.
std::vector<Migration>& migrations() {
  static std::vector<Migration> kMigrations{
      {"000_base",
       R"sql(
CREATE TABLE certificates (
  id TEXT PRIMARY KEY, created_at BIGINT, cert TEXT, "key" TEXT, cert_alt TEXT, key_alt TEXT, tags TEXT);
CREATE TABLE snis (
  id TEXT PRIMARY KEY, name TEXT UNIQUE, created_at BIGINT, tags TEXT,
  certificate_id TEXT REFERENCES certificates (id) ON DELETE CASCADE);
CREATE INDEX snis_certificate_id ON snis (certificate_id);
CREATE TABLE ca_certificates (
  id TEXT PRIMARY KEY, created_at BIGINT, cert TEXT, cert_digest TEXT UNIQUE, tags TEXT);
CREATE TABLE services (
  id TEXT PRIMARY KEY, created_at BIGINT, updated_at BIGINT, name TEXT UNIQUE, retries BIGINT, protocol TEXT,
  host TEXT, port BIGINT, path TEXT, connect_timeout BIGINT, write_timeout BIGINT, read_timeout BIGINT, tags TEXT,
  client_certificate_id TEXT REFERENCES certificates (id), tls_verify BOOLEAN, tls_verify_depth BIGINT,
  ca_certificates TEXT, enabled BOOLEAN);
CREATE TABLE routes (
  id TEXT PRIMARY KEY, created_at BIGINT, updated_at BIGINT, name TEXT UNIQUE, protocols TEXT, methods TEXT,
  hosts TEXT, paths TEXT, headers TEXT, https_redirect_status_code BIGINT, regex_priority BIGINT,
  strip_path BOOLEAN, path_handling TEXT, preserve_host BOOLEAN, request_buffering BOOLEAN,
  response_buffering BOOLEAN, snis TEXT, sources TEXT, destinations TEXT, tags TEXT,
  service_id TEXT REFERENCES services (id));
CREATE INDEX routes_service_id ON routes (service_id);
CREATE TABLE consumers (
  id TEXT PRIMARY KEY, created_at BIGINT, username TEXT UNIQUE, custom_id TEXT UNIQUE, tags TEXT);
CREATE TABLE upstreams (
  id TEXT PRIMARY KEY, created_at BIGINT, name TEXT UNIQUE, algorithm TEXT, hash_on TEXT, hash_fallback TEXT,
  hash_on_header TEXT, hash_fallback_header TEXT, hash_on_cookie TEXT, hash_on_cookie_path TEXT,
  hash_on_query_arg TEXT, hash_fallback_query_arg TEXT, hash_on_uri_capture TEXT, hash_fallback_uri_capture TEXT,
  slots BIGINT, healthchecks TEXT, tags TEXT, host_header TEXT,
  client_certificate_id TEXT REFERENCES certificates (id));
CREATE TABLE targets (
  id TEXT PRIMARY KEY, created_at DOUBLE PRECISION,
  upstream_id TEXT REFERENCES upstreams (id) ON DELETE CASCADE, target TEXT, weight BIGINT, tags TEXT,
  UNIQUE (upstream_id, target));
CREATE TABLE plugins (
  id TEXT PRIMARY KEY, name TEXT, created_at BIGINT,
  route_id TEXT REFERENCES routes (id) ON DELETE CASCADE,
  service_id TEXT REFERENCES services (id) ON DELETE CASCADE,
  consumer_id TEXT REFERENCES consumers (id) ON DELETE CASCADE,
  config TEXT, protocols TEXT, enabled BOOLEAN, tags TEXT);
CREATE INDEX plugins_route_id ON plugins (route_id);
CREATE INDEX plugins_service_id ON plugins (service_id);
CREATE INDEX plugins_consumer_id ON plugins (consumer_id);
)sql",
       "", ""},
      // Every node LISTENs on sluice_config and rebuilds its snapshot as soon as another node writes.
      {"001_change_notifications", "",
       R"sql(
CREATE OR REPLACE FUNCTION sluice_notify_change() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('sluice_config', TG_TABLE_NAME);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER sluice_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON certificates
  FOR EACH STATEMENT EXECUTE FUNCTION sluice_notify_change();
CREATE TRIGGER sluice_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON snis
  FOR EACH STATEMENT EXECUTE FUNCTION sluice_notify_change();
CREATE TRIGGER sluice_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ca_certificates
  FOR EACH STATEMENT EXECUTE FUNCTION sluice_notify_change();
CREATE TRIGGER sluice_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON services
  FOR EACH STATEMENT EXECUTE FUNCTION sluice_notify_change();
CREATE TRIGGER sluice_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON routes
  FOR EACH STATEMENT EXECUTE FUNCTION sluice_notify_change();
CREATE TRIGGER sluice_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON consumers
  FOR EACH STATEMENT EXECUTE FUNCTION sluice_notify_change();
CREATE TRIGGER sluice_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON upstreams
  FOR EACH STATEMENT EXECUTE FUNCTION sluice_notify_change();
CREATE TRIGGER sluice_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON targets
  FOR EACH STATEMENT EXECUTE FUNCTION sluice_notify_change();
CREATE TRIGGER sluice_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plugins
  FOR EACH STATEMENT EXECUTE FUNCTION sluice_notify_change();
)sql",
       ""},
      // (002 created rate-limiting's counters: its step is in its folder now.)
      // Upstreams answer Kong 2.8's fields only: the 3.x hashing inputs and the latency algorithm go.
      {"003_kong28_upstreams",
       R"sql(
UPDATE upstreams SET hash_on = 'none' WHERE hash_on IN ('path', 'query_arg', 'uri_capture');
UPDATE upstreams SET hash_fallback = 'none' WHERE hash_fallback IN ('path', 'query_arg', 'uri_capture');
UPDATE upstreams SET algorithm = 'round-robin' WHERE algorithm = 'latency';
ALTER TABLE upstreams DROP COLUMN hash_on_query_arg;
ALTER TABLE upstreams DROP COLUMN hash_fallback_query_arg;
ALTER TABLE upstreams DROP COLUMN hash_on_uri_capture;
ALTER TABLE upstreams DROP COLUMN hash_fallback_uri_capture;
)sql",
       "", ""},
      // Stored configurations lose the fields Kong 2.8 does not have (they were accepted before):
      // rate-limiting's error_code/error_message, prometheus' 3.x switches, jwt's leeway, upstreams'
      // active health-check headers.
      {"004_kong28_configs", "",
       R"sql(
UPDATE plugins SET config = (config::jsonb - 'error_code' - 'error_message')::text WHERE name = 'rate-limiting';
UPDATE plugins SET config = (config::jsonb - 'status_code_metrics' - 'latency_metrics' - 'bandwidth_metrics'
  - 'upstream_health_metrics' - 'ai_metrics' - 'wasm_metrics')::text WHERE name = 'prometheus';
UPDATE plugins SET config = (config::jsonb - 'leeway')::text WHERE name = 'jwt';
UPDATE upstreams SET healthchecks = (healthchecks::jsonb #- '{active,headers}')::text WHERE healthchecks IS NOT NULL;
)sql",
       R"sql(
UPDATE plugins SET config = json_remove(config, '$.error_code', '$.error_message') WHERE name = 'rate-limiting';
UPDATE plugins SET config = json_remove(config, '$.status_code_metrics', '$.latency_metrics', '$.bandwidth_metrics',
  '$.upstream_health_metrics', '$.ai_metrics', '$.wasm_metrics') WHERE name = 'prometheus';
UPDATE plugins SET config = json_remove(config, '$.leeway') WHERE name = 'jwt';
UPDATE upstreams SET healthchecks = json_remove(healthchecks, '$.active.headers') WHERE healthchecks IS NOT NULL;
)sql"},
      // Notifications name the row ("routes:<id>"), so that the other nodes re-read that entity
      // alone instead of the whole configuration. Arguments: the table and column to announce (a
      // certificate's SNI announces its certificate).
      {"005_row_change_notifications", "",
       R"sql(
CREATE OR REPLACE FUNCTION sluice_notify_row() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('sluice_config', TG_ARGV[0] || ':' || coalesce(to_jsonb(OLD) ->> TG_ARGV[1], ''));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_notify('sluice_config', TG_ARGV[0] || ':' || coalesce(to_jsonb(NEW) ->> TG_ARGV[1], ''));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
)sql",
       ""},
      // Two Admin calls may now write side by side (PostgreSQL's connection pool): the plugins'
      // scope, checked by the store, is also enforced by the database.
      {"006_plugin_scope_unique",
       R"sql(
CREATE UNIQUE INDEX plugins_scope ON plugins
  (name, COALESCE(route_id, ''), COALESCE(service_id, ''), COALESCE(consumer_id, ''));
)sql",
       "", ""},
      // The change history (store/change_log.h): a row per entity a write changed, numbered by the
      // configuration version the write made.
      {"007_change_history", "",
       R"sql(
CREATE SEQUENCE sluice_config_version;
CREATE TABLE sluice_changes (
  id BIGSERIAL PRIMARY KEY, version BIGINT NOT NULL, changed_at DOUBLE PRECISION, author TEXT, method TEXT, path TEXT,
  source TEXT, entity TEXT, entity_id TEXT, cascaded_from TEXT, before_state TEXT, after_state TEXT);
CREATE INDEX sluice_changes_version ON sluice_changes (version);
CREATE INDEX sluice_changes_entity ON sluice_changes (entity, entity_id);
CREATE INDEX sluice_changes_at ON sluice_changes (changed_at);
)sql",
       R"sql(
CREATE TABLE sluice_config_version (version BIGINT NOT NULL);
INSERT INTO sluice_config_version (version) VALUES (0);
CREATE TABLE sluice_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT, version BIGINT NOT NULL, changed_at DOUBLE PRECISION, author TEXT, method TEXT,
  path TEXT, source TEXT, entity TEXT, entity_id TEXT, cascaded_from TEXT, before_state TEXT, after_state TEXT);
CREATE INDEX sluice_changes_version ON sluice_changes (version);
CREATE INDEX sluice_changes_entity ON sluice_changes (entity, entity_id);
CREATE INDEX sluice_changes_at ON sluice_changes (changed_at);
)sql"},
      // Alert rules (model/entities/sluice_alert_rules.cpp; evaluated by server/alerts).
      {"008_alert_rules",
       R"sql(
CREATE TABLE sluice_alert_rules (
  id TEXT PRIMARY KEY, created_at BIGINT, updated_at BIGINT, name TEXT UNIQUE, enabled BOOLEAN, kind TEXT,
  route_id TEXT REFERENCES routes (id) ON DELETE CASCADE,
  service_id TEXT REFERENCES services (id) ON DELETE CASCADE,
  upstream_id TEXT REFERENCES upstreams (id) ON DELETE CASCADE,
  threshold DOUBLE PRECISION, for_seconds BIGINT, min_requests BIGINT, webhook_url TEXT, webhook_retries BIGINT, tags TEXT);
CREATE INDEX sluice_alert_rules_route_id ON sluice_alert_rules (route_id);
CREATE INDEX sluice_alert_rules_service_id ON sluice_alert_rules (service_id);
CREATE INDEX sluice_alert_rules_upstream_id ON sluice_alert_rules (upstream_id);
)sql",
       "", ""},
  };
  return kMigrations;
}

constexpr const char* kMetaTable = "sluice_migrations";

core::Status ensureMetaTable(Database& db) {
  return db.execScript(std::string("CREATE TABLE IF NOT EXISTS ") + kMetaTable +
                       " (name TEXT PRIMARY KEY, executed_at BIGINT)");
}

core::Status runOne(Database& db, const Migration& m) {
  auto result = inTransaction<core::Ok>(db, [&]() -> core::Status {
    if (!m.sql.empty())
      if (auto s = db.execScript(m.sql); !s) return s;
    if (db.kind() == "postgres" && !m.postgresOnly.empty())
      if (auto s = db.execScript(m.postgresOnly); !s) return s;
    if (db.kind() == "sqlite" && !m.sqliteOnly.empty())
      if (auto s = db.execScript(m.sqliteOnly); !s) return s;
    auto r = db.query(std::string("INSERT INTO ") + kMetaTable + " (name, executed_at) VALUES (" + db.placeholder(1) +
                          ", " + db.placeholder(2) + ")",
                      {m.name, core::unixSeconds()});
    if (!r) return r.error();
    return core::Ok{};
  });
  return result;
}

// The entity a row change announces: the row's own, or for a transient child (snis) its parent's.
std::pair<std::string, std::string> announcedAs(const schema::EntitySchema& entity) {
  if (const auto* parent = model::transientParent(entity))
    if (const auto* foreign = entity.foreignTo(parent->name)) return {parent->name, columnName(*foreign)};
  return {entity.name, "id"};
}

// Every entity's table tells the other nodes of each row it changes (005's function) and of a
// truncation (001's), the plugins' tables included.
core::Status notifyOnEveryEntity(Database& db) {
  for (const auto* e : model::allEntities()) {
    if (!db.tableExists(e->name)) continue;
    const auto [table, column] = announcedAs(*e);
    const std::string triggers =
        "CREATE OR REPLACE TRIGGER sluice_notify AFTER TRUNCATE ON " + e->name +
        " FOR EACH STATEMENT EXECUTE FUNCTION sluice_notify_change();\n"
        "CREATE OR REPLACE TRIGGER sluice_notify_row AFTER INSERT OR UPDATE OR DELETE ON " + e->name +
        " FOR EACH ROW EXECUTE FUNCTION sluice_notify_row('" + table + "', '" + column + "');";
    if (auto s = db.execScript(triggers); !s) return s;
  }
  return core::Ok{};
}

}  // namespace

const std::vector<Migration>& allMigrations() { return migrations(); }

void addMigrations(const std::vector<Migration>& steps, const std::vector<std::string>& tables) {
  for (const auto& m : steps)
    if (std::none_of(migrations().begin(), migrations().end(), [&m](const Migration& known) { return known.name == m.name; }))
      migrations().push_back(m);
  for (const auto& t : tables)
    if (std::find(pluginTables().begin(), pluginTables().end(), t) == pluginTables().end()) pluginTables().push_back(t);
}

core::Result<MigrationState> migrationState(Database& db) {
  MigrationState state;
  if (!db.tableExists(kMetaTable)) {
    for (const auto& m : allMigrations()) state.pending.push_back(m.name);
    return state;
  }
  state.bootstrapped = true;
  auto rows = db.query(std::string("SELECT name FROM ") + kMetaTable + " ORDER BY name");
  if (!rows) return rows.error();
  for (const auto& r : *rows) state.executed.push_back(r[0].value_or(""));
  for (const auto& m : allMigrations())
    if (std::find(state.executed.begin(), state.executed.end(), m.name) == state.executed.end())
      state.pending.push_back(m.name);
  return state;
}

core::Result<std::vector<std::string>> bootstrap(Database& db) {
  auto state = migrationState(db);
  if (!state) return state.error();
  if (state->bootstrapped) return core::Error::badRequest("database already bootstrapped; use 'migrations up'");
  if (auto s = ensureMetaTable(db); !s) return s.error();
  return migrateUp(db);
}

core::Result<std::vector<std::string>> migrateUp(Database& db) {
  if (auto s = ensureMetaTable(db); !s) return s.error();
  auto state = migrationState(db);
  if (!state) return state.error();
  std::vector<std::string> ran;
  for (const auto& m : allMigrations()) {
    if (std::find(state->pending.begin(), state->pending.end(), m.name) == state->pending.end()) continue;
    if (auto s = runOne(db, m); !s) return s.error();
    ran.push_back(m.name);
  }
  if (db.kind() == "postgres" && !ran.empty())
    if (auto s = notifyOnEveryEntity(db); !s) return s.error();
  return ran;
}

core::Status resetDatabase(Database& db) {
  const auto drop = [&db](const std::string& table) {
    return db.execScript("DROP TABLE IF EXISTS " + table + (db.kind() == "postgres" ? " CASCADE" : ""));
  };
  const auto& entities = model::allEntities();
  for (auto it = entities.rbegin(); it != entities.rend(); ++it)
    if (auto s = drop((*it)->name); !s) return s;
  for (const auto& table : pluginTables())
    if (auto s = drop(table); !s) return s;
  if (auto s = drop("sluice_changes"); !s) return s;
  if (db.kind() == "sqlite")  // (a sequence on PostgreSQL, dropped below)
    if (auto s = drop("sluice_config_version"); !s) return s;
  if (db.kind() == "postgres")
    if (auto s = db.execScript("DROP SEQUENCE IF EXISTS sluice_config_version;\n"
                               "DROP FUNCTION IF EXISTS sluice_notify_change() CASCADE;\n"
                               "DROP FUNCTION IF EXISTS sluice_notify_row() CASCADE");
        !s)
      return s;
  return db.execScript(std::string("DROP TABLE IF EXISTS ") + kMetaTable);
}

}  // namespace sluice::store
