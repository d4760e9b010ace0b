#pragma once
// cors: answers CORS preflights and adds the Access-Control-* headers to responses.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createCors(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
