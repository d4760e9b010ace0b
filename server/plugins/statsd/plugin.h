#pragma once
// statsd: for each request that reached a service, Kong 2.8's StatsD metrics
// (`kong.<service>.request.count:1|c`, latencies and sizes as timers, status and per-consumer
// counts, unique users as a set), one UDP datagram each, sent by a background thread.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createStatsd(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
