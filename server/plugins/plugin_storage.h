#pragma once
// Where the plugins' storage meets the store: each plugin's entities join the registry (so the
// Admin API, kong.yml and /schemas serve them) and its migration steps join the store's. Called
// once at start, before a store opens or the Admin API starts.
#include "plugins/plugin_catalog.h"
#include "plugins/plugin_rows.h"

#include <memory>

namespace sluice::store {
class Store;
}  // namespace sluice::store

namespace sluice::plugins {

void installPluginStorage(const PluginCatalog& catalog);

// The store as the plugins' row writer (see plugin_rows.h).
std::shared_ptr<PluginRowWriter> storeRowWriter(store::Store& store);

}  // namespace sluice::plugins
