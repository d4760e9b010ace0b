#pragma once
// request-transformer: removes, renames, replaces, adds and appends request headers and query
// arguments (in that order), and may change the method and the upstream path.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createRequestTransformer(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
