// prometheus: Kong's per-route metric families on GET /metrics (Admin API and status_listen).
#include "schema/plugin_schema.h"

namespace sluice::plugins {

const schema::PluginSchema& prometheusSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "prometheus";
    p.protocols = schema::PluginProtocols::Undeclared;
    p.priority = 13;
    p.config = {
        schema::booleanField("per_consumer").withDefault(false).withDescription(
            "Also count requests and bandwidth per consumer (kong_http_consumer_status)."),
    };
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
