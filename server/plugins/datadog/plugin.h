#pragma once
// datadog: for each request that reached a service, Kong 2.8's DogStatsD metrics
// (`kong.request.count:1|c|#name:<service>,status:200,consumer:<id>,app:kong`), one UDP datagram
// each, sent by a background thread.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createDatadog(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
