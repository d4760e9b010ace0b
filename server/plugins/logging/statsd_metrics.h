#pragma once
// What the statsd and datadog plugins share (Kong 2.8's two statsd_logger.lua and handlers): the
// metrics a configuration asks for, the values Kong reports for a request (count, sizes,
// latencies), the consumer identifiers, the service's name in a metric, StatsD's line format, and a
// plugin that ships a request's lines from the log phase — one datagram per line, through a log sink
// (a bounded queue drained by a thread of its own: a reactor never waits on the network).
#include "plugins/build_context.h"
#include "plugins/plugin.h"
#include "schema/field.h"

#include <functional>
#include <string>
#include <vector>

namespace sluice::plugins {

enum class MetricName {
  RequestCount, Latency, RequestSize, ResponseSize, UpstreamLatency, KongLatency,  // one value a request
  StatusCount, UniqueUsers, RequestPerUser, StatusCountPerUser                       // statsd's own shapes
};
enum class ConsumerIdentifier { None, ConsumerId, CustomId, Username };

struct MetricConfig {
  MetricName name = MetricName::RequestCount;
  std::string kind;  // StatsD's type: "c", "ms", "g", "h", "m", "s", "d"
  std::string rate;  // "|@0.5", or empty for none or 1
  ConsumerIdentifier consumer = ConsumerIdentifier::None;
  std::string tags;  // datadog: the metric's own tags, comma-separated
};

// The config fields both schemas open with: the server (`host`, `port` 8125) and the `prefix`.
std::vector<schema::Field> statsdServerFields(const char* serverDescription);
// A metric's `consumer_identifier`.
schema::Field consumerIdentifierField();

// The config's `metrics` array, as the schema has validated it.
std::vector<MetricConfig> metricConfigs(const nlohmann::json& metrics);

// The service in a metric name: its name, else its host, with '.' as '_'.
std::string metricServiceName(const RequestContext& ctx);
// The consumer as the metric identifies it; empty when there is none (no consumer, no custom_id).
std::string metricConsumer(ConsumerIdentifier identifier, const RequestContext& ctx);
// A one-value metric's name after the prefix (and statsd's service): "request.count", "latency"...
std::string_view metricStatName(MetricName name);
// A one-value metric's value for this request (Kong's log serializer: sizes in bytes, ms).
int64_t metricValue(MetricName name, const RequestContext& ctx);

// Appends "prefix.stat:value|kind[|@rate][|#tags]" and a newline.
void appendStatsdLine(std::string& out, const std::string& prefix, std::string_view stat, std::string_view value,
                      const MetricConfig& metric, std::string_view tags = {});

// The plugin: its log phase composes a request's lines (only for a request that reached a service,
// as Kong's) and queues them for the configuration's `host`:`port`.
using ComposeStatsdLines = std::function<void(const RequestContext& ctx, std::string& lines)>;
PluginCreateResult createStatsdShipping(const char* plugin, const nlohmann::json& config, BuildContext& context,
                                        ComposeStatsdLines compose);

}  // namespace sluice::plugins
