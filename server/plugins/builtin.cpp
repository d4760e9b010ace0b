#include "plugins/plugin_catalog.h"

namespace sluice::plugins {

// Each plugin folder declares its schema here; handlers join them as they are built.
const schema::PluginSchema& keyAuthSchema();
const schema::PluginSchema& basicAuthSchema();
const schema::PluginSchema& jwtSchema();
const schema::PluginSchema& aclSchema();
const schema::PluginSchema& rateLimitingSchema();
const schema::PluginSchema& corsSchema();

const std::vector<const schema::PluginSchema*>& builtinPluginSchemas() {
  static const std::vector<const schema::PluginSchema*> kAll{&keyAuthSchema(), &basicAuthSchema(), &jwtSchema(),
                                                             &aclSchema(),     &rateLimitingSchema(), &corsSchema()};
  return kAll;
}

const schema::PluginSchema* findPluginSchema(const std::string& name) {
  for (const auto* p : builtinPluginSchemas())
    if (p->name == name) return p;
  return nullptr;
}

}  // namespace sluice::plugins
