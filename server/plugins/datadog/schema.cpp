// datadog: a request's metrics with tags to a DogStatsD agent over UDP (Kong 2.8's
// kong/plugins/datadog/schema.lua).
#include "plugins/logging/statsd_metrics.h"
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;
using schema::json;

namespace {

json datadogDefaultMetrics() {
  json metrics = json::array();
  for (const char* name : {"request_count", "latency", "request_size", "response_size", "upstream_latency", "kong_latency"}) {
    const bool counter = std::string_view(name) == "request_count";
    json m{{"name", name}, {"stat_type", counter ? "counter" : "timer"}, {"tags", {"app:kong"}}, {"consumer_identifier", "custom_id"}};
    if (counter) m["sample_rate"] = 1;
    metrics.push_back(m);
  }
  return metrics;
}

// Kong's `match = "^.*[^:]$"`: a tag does not end with ':'.
std::optional<std::string> tagShape(const json& value) {
  const std::string tag = value.get<std::string>();
  if (tag.empty() || tag.back() == ':') return "invalid value: " + tag;
  return std::nullopt;
}

schema::Field datadogMetricElement() {
  return schema::recordField(
             "metric",
             {schema::stringField("name").asRequired().withOneOf(
                  {"kong_latency", "latency", "request_count", "request_size", "response_size", "upstream_latency"}),
              schema::stringField("stat_type").asRequired().withOneOf(
                  {"counter", "gauge", "histogram", "meter", "set", "timer", "distribution"}),
              schema::arrayField("tags", schema::stringField("tag").withCheck(tagShape)),
              schema::numberField("sample_rate").withBetween(0, 1),
              consumerIdentifierField()})
      .withRecordChecks({td::conditional("stat_type", {{"one_of", {"counter", "gauge"}}}, "sample_rate", {{"required", true}})});
}

}  // namespace

const schema::PluginSchema& datadogSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "datadog";
    p.protocols = schema::PluginProtocols::Any;
    p.priority = 10;
    p.config = statsdServerFields("The Datadog agent's DogStatsD endpoint (UDP).");
    for (schema::Field f : {
        schema::stringField("service_name_tag").withDefault("name").withDescription("The tag naming the service."),
        schema::stringField("status_tag").withDefault("status").withDescription("The tag carrying the response status."),
        schema::stringField("consumer_tag").withDefault("consumer").withDescription("The tag naming the consumer."),
        schema::arrayField("metrics", datadogMetricElement()).asRequired().withDefault(datadogDefaultMetrics()).withDescription(
            "The metrics sent for each request, and how."),
         })
      p.config.push_back(std::move(f));
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
