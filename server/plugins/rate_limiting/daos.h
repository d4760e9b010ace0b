#pragma once
// rate-limiting's table: the `cluster` policy's counters (no entity: only the plugin reads them,
// through cluster_counter_store.h).
#include "plugins/plugin_catalog.h"

namespace sluice::plugins {

const PluginDaos& rateLimitingDaos();

}  // namespace sluice::plugins
