#pragma once
// The plugins a node offers, by Kong id: each one's schema and factory. The snapshot compiler and
// the Admin API are handed a catalog (plugins/builtin.cpp lists this build's, explicitly:
// static-init registration is dropped by linkers from static libraries).
#include "model/migration.h"
#include "plugins/build_context.h"
#include "schema/entity_schema.h"
#include "schema/plugin_schema.h"

#include <atomic>
#include <string>
#include <unordered_map>
#include <vector>

namespace sluice::plugins {

// What a plugin keeps in the database, declared in its folder (Kong's daos.lua and migrations/):
// its entities, served by the Admin API, kong.yml and the manager like the core ones, and the
// migration steps of its tables. The app hands them to the registry and the store at start
// (plugins/plugin_storage.h).
struct PluginDaos {
  std::vector<const schema::EntitySchema*> entities;  // parents before children
  std::vector<model::Migration> migrations;
  std::vector<std::string> tables;  // every table its migrations create (a reset drops them)
};

struct PluginFactory {
  const schema::PluginSchema* schema;
  // `config` has passed the schema (defaults filled in); null: the schema is known but this build
  // has no handler for it yet (the Admin API accepts it, the data plane skips it with a warning).
  PluginCreateResult (*create)(const nlohmann::json& config, BuildContext& context);
  // The phases its handler may run (phaseBit mask): an instance runs these or fewer.
  uint8_t phases = 0;
  // Kong's schema where it differs without a database (rate-limiting: no `cluster` policy, `local`
  // by default); null where it does not.
  const schema::PluginSchema* databaselessSchema = nullptr;
  const PluginDaos* daos = nullptr;  // null: it keeps nothing
};

class PluginCatalog {
 public:
  // `missing`: for a plugin Kong bundles that this catalog lacks, the message that refuses it.
  PluginCatalog(std::vector<PluginFactory> factories, std::string (*missing)(const std::string& name));

  // The node runs without a database (database = off): the catalog answers the DB-less schemas, as
  // Kong picks its schemas by kong.configuration.database. Set once at start.
  void useDatabaselessSchemas(bool databaseless) { databaseless_.store(databaseless, std::memory_order_relaxed); }

  const std::vector<PluginFactory>& factories() const { return factories_; }
  const PluginFactory* find(const std::string& name) const;
  // The schemas answered (with or without a database, as set), in catalog order.
  const std::vector<const schema::PluginSchema*>& schemas() const { return schemas_[databaseless() ? 1 : 0]; }
  const schema::PluginSchema* schema(const std::string& name) const;
  // The order plugins run in within a phase: descending priority (beside each schema), then name.
  const std::vector<const PluginFactory*>& byPriority() const { return byPriority_; }
  // The priority table as `sluice plugins` prints it: priority, name, phases.
  std::string priorityTable() const;
  // Empty unless `name` is one of Kong 2.8's bundled plugins that this catalog lacks.
  std::string missingKongPlugin(const std::string& name) const { return missing_ ? missing_(name) : std::string(); }

 private:
  bool databaseless() const { return databaseless_.load(std::memory_order_relaxed); }

  std::vector<PluginFactory> factories_;
  std::unordered_map<std::string, size_t> byName_;
  std::vector<const PluginFactory*> byPriority_;
  std::vector<const schema::PluginSchema*> schemas_[2];  // [0] with a database, [1] without
  std::string (*missing_)(const std::string&);
  std::atomic<bool> databaseless_{false};
};

// This build's plugins (builtin.cpp).
PluginCatalog& builtinCatalog();

}  // namespace sluice::plugins
