#pragma once
// Compiles the plugins entity into the snapshot: one instance per enabled row (its factory given the
// validated config), then one chain per route with Kong's precedence resolved ahead of time
// (plugins/plugin_chain.h). Routes with the same plugins share one chain.
#include "core/result.h"
#include "plugins/node_state.h"
#include "plugins/plugin_catalog.h"
#include "snapshot/config_snapshot.h"
#include "snapshot/entity_mirror.h"

namespace sluice::snapshot {

// Fills snap.consumers, snap.plugins, snap.chains and each route's chain index. Routes and
// services must already be in `snap`. `node` holds what outlives snapshots (counters).
// Plugin rows name their factory in `catalog`.
core::Status compilePlugins(const EntityMirror& mirror, const plugins::PluginCatalog& catalog, ConfigSnapshot& snap,
                            plugins::NodeState& node);

}  // namespace sluice::snapshot
