#pragma once
// ip-restriction: refuses clients outside `allow` or inside `deny` (addresses and CIDR ranges).
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createIpRestriction(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
