// prometheus: Kong 3.x's per-route metric families on GET /metrics (Admin API and status_listen).
#include "schema/plugin_schema.h"

namespace sluice::plugins {

const schema::PluginSchema& prometheusSchema() {
  static const schema::PluginSchema kSchema = [] {
    const auto flag = [](const char* name, const char* description) {
      return schema::booleanField(name).asRequired().withDefault(false).withDescription(description);
    };
    schema::PluginSchema p;
    p.name = "prometheus";
    p.priority = 13;
    p.config = {
        flag("per_consumer", "Fill the consumer label of kong_http_requests_total and kong_bandwidth_bytes."),
        flag("status_code_metrics", "Export kong_http_requests_total."),
        flag("latency_metrics", "Export kong_kong_latency_ms, kong_upstream_latency_ms and kong_request_latency_ms."),
        flag("bandwidth_metrics", "Export kong_bandwidth_bytes."),
        flag("upstream_health_metrics", "Export kong_upstream_target_health."),
        flag("ai_metrics", "Accepted for Kong compatibility; Sluice has no AI plugins, so it exports nothing."),
        flag("wasm_metrics", "Accepted for Kong compatibility; Sluice runs no Wasm filters, so it exports nothing."),
    };
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
