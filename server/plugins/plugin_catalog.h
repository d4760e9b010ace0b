#pragma once
// The plugins this build offers, by Kong id: each one's schema and factory. The list is explicit
// (builtin.cpp): static-init registration is dropped by linkers from static libraries.
#include "plugins/build_context.h"
#include "schema/plugin_schema.h"

#include <string>
#include <vector>

namespace sluice::plugins {

struct PluginFactory {
  const schema::PluginSchema* schema;
  // `config` has passed the schema (defaults filled in); null: the schema is known but this build
  // has no handler for it yet (the Admin API accepts it, the data plane skips it with a warning).
  PluginCreateResult (*create)(const nlohmann::json& config, BuildContext& context);
  // Kong's schema where it differs without a database (rate-limiting: no `cluster` policy, `local`
  // by default); null where it does not.
  const schema::PluginSchema* databaselessSchema = nullptr;
};

// The node runs without a database (database = off): the catalog answers the DB-less schemas, as
// Kong picks its schemas by kong.configuration.database. Set once at start.
void useDatabaselessSchemas(bool databaseless);

const std::vector<PluginFactory>& builtinPlugins();
const PluginFactory* findPlugin(const std::string& name);
const std::vector<const schema::PluginSchema*>& builtinPluginSchemas();
const schema::PluginSchema* findPluginSchema(const std::string& name);
// For one of Kong 2.8's bundled plugins that this build lacks: the message that refuses it, saying
// whether it is planned or why it is not coming. Empty for any other name.
std::string missingKongPlugin(const std::string& name);

}  // namespace sluice::plugins
