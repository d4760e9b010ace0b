#pragma once
// response-transformer: removes, renames, replaces, adds and appends the upstream's response
// headers (in that order) before they reach the client.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createResponseTransformer(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
