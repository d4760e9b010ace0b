// statsd: a request's metrics to a StatsD server over UDP (Kong 2.8's kong/plugins/statsd/schema.lua).
#include "plugins/logging/statsd_metrics.h"
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;
using schema::json;

namespace {

json statsdDefaultMetrics() {
  const auto metric = [](const char* name, const char* statType) { return json{{"name", name}, {"stat_type", statType}}; };
  const auto counted = [&](const char* name, const char* consumer = nullptr) {
    json m = metric(name, "counter");
    m["sample_rate"] = 1;
    if (consumer) m["consumer_identifier"] = consumer;
    return m;
  };
  json uniques = metric("unique_users", "set");
  uniques["consumer_identifier"] = "custom_id";
  return json::array({counted("request_count"), metric("latency", "timer"), metric("request_size", "timer"),
                      counted("status_count"), metric("response_size", "timer"), uniques,
                      counted("request_per_user", "custom_id"), metric("upstream_latency", "timer"),
                      metric("kong_latency", "timer"), counted("status_count_per_user", "custom_id")});
}

schema::Field statsdMetricElement() {
  const json perUser = json::array({"status_count_per_user", "request_per_user", "unique_users"});
  return schema::recordField(
             "metric",
             {schema::stringField("name").asRequired().withOneOf({"kong_latency", "latency", "request_count", "request_per_user",
                                                                  "request_size", "response_size", "status_count",
                                                                  "status_count_per_user", "unique_users", "upstream_latency"}),
              schema::stringField("stat_type").asRequired().withOneOf({"counter", "gauge", "histogram", "meter", "set", "timer"}),
              schema::numberField("sample_rate").withGreaterThan(0),
              consumerIdentifierField()})
      .withRecordChecks({
          td::conditional("name", {{"eq", "unique_users"}}, "stat_type", {{"eq", "set"}}),
          td::conditional("stat_type", {{"one_of", {"counter", "gauge"}}}, "sample_rate", {{"required", true}}),
          td::conditional("name", {{"one_of", perUser}}, "consumer_identifier", {{"required", true}}),
          td::conditional("name", {{"one_of", {"status_count", "status_count_per_user", "request_per_user"}}}, "stat_type",
                          {{"eq", "counter"}}),
      });
}

}  // namespace

const schema::PluginSchema& statsdSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "statsd";
    p.protocols = schema::PluginProtocols::Any;
    p.priority = 11;
    p.config = statsdServerFields("The StatsD server (UDP).");
    for (schema::Field f : {
        schema::arrayField("metrics", statsdMetricElement()).withDefault(statsdDefaultMetrics()).withDescription(
            "The metrics sent for each request, and how."),
         })
      p.config.push_back(std::move(f));
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
