#pragma once
// rate-limiting: at most N requests per second/minute/hour/day/month/year per consumer,
// credential, IP, service, header or path, with Kong's headers and 429.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createRateLimiting(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
