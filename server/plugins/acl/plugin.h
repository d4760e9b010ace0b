#pragma once
// acl: lets in (allow) or keeps out (deny) the authenticated consumer by its groups.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createAcl(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
