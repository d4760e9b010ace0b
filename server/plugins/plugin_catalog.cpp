#include "plugins/plugin_catalog.h"

namespace sluice::plugins {

PluginCatalog::PluginCatalog(std::vector<PluginFactory> factories, std::string (*missing)(const std::string& name))
    : factories_(std::move(factories)), missing_(missing) {
  for (size_t i = 0; i < factories_.size(); ++i) {
    const PluginFactory& p = factories_[i];
    byName_.emplace(p.schema->name, i);
    schemas_[0].push_back(p.schema);
    schemas_[1].push_back(p.databaselessSchema ? p.databaselessSchema : p.schema);
  }
}

const PluginFactory* PluginCatalog::find(const std::string& name) const {
  const auto it = byName_.find(name);
  return it == byName_.end() ? nullptr : &factories_[it->second];
}

const schema::PluginSchema* PluginCatalog::schema(const std::string& name) const {
  const auto it = byName_.find(name);
  return it == byName_.end() ? nullptr : schemas()[it->second];
}

}  // namespace sluice::plugins
