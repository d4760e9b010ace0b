#include "plugins/plugin_storage.h"

#include "model/registry.h"
#include "store/migrations.h"

namespace sluice::plugins {

void installPluginStorage(const PluginCatalog& catalog) {
  for (const PluginFactory& factory : catalog.factories()) {
    if (!factory.daos) continue;
    for (const auto* entity : factory.daos->entities) model::addEntity(*entity);
    store::addMigrations(factory.daos->migrations, factory.daos->tables);
  }
}

}  // namespace sluice::plugins
