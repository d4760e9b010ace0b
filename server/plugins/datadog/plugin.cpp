#include "plugins/datadog/plugin.h"

#include "plugins/logging/statsd_metrics.h"

namespace sluice::plugins {
namespace {

std::string configText(const nlohmann::json& config, const char* name, const char* fallback) {
  const auto it = config.find(name);
  return it != config.end() && it->is_string() ? it->get<std::string>() : fallback;
}

}  // namespace

PluginCreateResult createDatadog(const nlohmann::json& config, BuildContext& context) {
  auto compose = [prefix = configText(config, "prefix", "kong"), serviceTag = configText(config, "service_name_tag", "name") + ":",
                  statusTag = configText(config, "status_tag", "status") + ":",
                  consumerTag = configText(config, "consumer_tag", "consumer") + ":",
                  metrics = metricConfigs(config.at("metrics"))](const RequestContext& ctx, std::string& lines) {
    const std::string common = serviceTag + metricServiceName(ctx) + "," + statusTag + std::to_string(ctx.status);
    std::string tags;
    for (const MetricConfig& m : metrics) {
      tags = common;
      if (const std::string consumer = metricConsumer(m.consumer, ctx); !consumer.empty()) tags += "," + consumerTag + consumer;
      if (!m.tags.empty()) tags += "," + m.tags;
      appendStatsdLine(lines, prefix, metricStatName(m.name), std::to_string(metricValue(m.name, ctx)), m, tags);
    }
  };
  return createStatsdShipping("datadog", config, context, std::move(compose));
}

}  // namespace sluice::plugins
