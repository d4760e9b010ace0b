#pragma once
// prometheus: counts each request of the routes it applies to into Kong's per-route families
// (kong_series.h); the node-wide families are written by the /metrics page itself.
#include "plugins/build_context.h"

namespace sluice::plugins {

// The node's series live in NodeState under this key (the app provides them, so /metrics can
// read them; tests get one made on first use).
inline constexpr const char* kKongSeriesKey = "prometheus:series";

PluginCreateResult createPrometheus(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
