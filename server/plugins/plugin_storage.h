#pragma once
// Where the plugins' storage meets the store: each plugin's entities join the registry (so the
// Admin API, kong.yml and /schemas serve them) and its migration steps join the store's. Called
// once at start, before a store opens or the Admin API starts.
#include "plugins/plugin_catalog.h"

namespace sluice::plugins {

void installPluginStorage(const PluginCatalog& catalog);

}  // namespace sluice::plugins
