#pragma once
// zipkin: Kong 2.8's tracing plugin. Each request gets a trace (the caller's, from its B3, W3C,
// Jaeger or OT headers, or a new one, sampled at sample_ratio unless the caller decided): a SERVER
// span for the request, a CLIENT span for the proxying with Kong's phase annotations, and one per
// balancer try; the upstream gets the trace in the configured headers, and sampled spans go to the
// collector (Zipkin's JSON v2 at http_endpoint) from a background thread.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createZipkin(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
