// proxy-cache: keep upstream responses in memory and answer repeated requests from there.
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;
using schema::json;

const schema::PluginSchema& proxyCacheSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "proxy-cache";
    p.priority = 100;
    p.protocols = schema::PluginProtocols::Undeclared;
    p.config = {
        schema::arrayField("response_code", schema::integerField("code").withBetween(100, 900))
            .asRequired()
            .withDefault(json::array({200, 301, 404}))
            .withDescription("Upstream statuses that are cached."),
        schema::arrayField("request_method", td::httpMethod("method").withOneOf({"HEAD", "GET", "POST", "PATCH", "PUT"}))
            .asRequired()
            .withDefault(json::array({"GET", "HEAD"}))
            .withDescription("Request methods that are answered from the cache."),
        schema::arrayField("content_type", schema::stringField("type"))
            .asRequired()
            .withDefault(json::array({"text/plain", "application/json"}))
            .withDescription("Response media types that are cached (parameters such as charset ignored)."),
        schema::integerField("cache_ttl").withDefault(300).withGreaterThan(0).withDescription("Seconds an entry is served."),
        schema::stringField("strategy").asRequired().withOneOf({"memory"}).withDescription("Where entries live."),
        schema::booleanField("cache_control").asRequired().withDefault(false).withDescription(
            "Honour the response's Cache-Control (no-store, private, no-cache, max-age)."),
        schema::integerField("storage_ttl").withDescription("Accepted for compatibility."),
        schema::recordField("memory", {schema::stringField("dictionary_name").asRequired().withDefault("kong_db_cache")}),
        schema::arrayField("vary_query_params", schema::stringField("name")).withDescription(
            "Query arguments that make a different entry (default: all)."),
        schema::arrayField("vary_headers", schema::stringField("name")).withDescription("Request headers that make a different entry."),
    };
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
