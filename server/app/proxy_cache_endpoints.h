#pragma once
// Kong's proxy-cache Admin API (kong/plugins/proxy-cache/api.lua): DELETE /proxy-cache purges every
// entry, GET and DELETE /proxy-cache/{key} and /proxy-cache/{plugin id}/caches/{key} read or purge
// one (the key is what X-Cache-Key said). Sluice's memory strategy is one node-wide store, held in
// the plugins' node state.
#include "admin/admin_api.h"
#include "plugins/node_state.h"
#include "store/store.h"

namespace sluice::app {

admin::AdminApi::Endpoints proxyCacheEndpoints(plugins::NodeState& node, store::Store& store);

}  // namespace sluice::app
