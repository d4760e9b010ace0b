#include "plugins/statsd/plugin.h"

#include "plugins/logging/statsd_metrics.h"

namespace sluice::plugins {

PluginCreateResult createStatsd(const nlohmann::json& config, BuildContext& context) {
  const std::string prefix = config.contains("prefix") && config["prefix"].is_string() ? config["prefix"].get<std::string>() : "kong";
  auto compose = [prefix, metrics = metricConfigs(config.at("metrics"))](const RequestContext& ctx, std::string& lines) {
    const std::string service = metricServiceName(ctx);
    const std::string status = std::to_string(ctx.status);
    for (const MetricConfig& m : metrics) {
      switch (m.name) {
        case MetricName::StatusCount:
          appendStatsdLine(lines, prefix, service + ".request.status." + status, "1", m);
          appendStatsdLine(lines, prefix, service + ".request.status.total", "1", m);
          break;
        case MetricName::UniqueUsers:
          if (const std::string user = metricConsumer(m.consumer, ctx); !user.empty())
            appendStatsdLine(lines, prefix, service + ".user.uniques", user, m);
          break;
        case MetricName::RequestPerUser:
          if (const std::string user = metricConsumer(m.consumer, ctx); !user.empty())
            appendStatsdLine(lines, prefix, service + ".user." + user + ".request.count", "1", m);
          break;
        case MetricName::StatusCountPerUser:
          if (const std::string user = metricConsumer(m.consumer, ctx); !user.empty()) {
            appendStatsdLine(lines, prefix, service + ".user." + user + ".request.status." + status, "1", m);
            appendStatsdLine(lines, prefix, service + ".user." + user + ".request.status.total", "1", m);
          }
          break;
        default:
          appendStatsdLine(lines, prefix, service + "." + std::string(metricStatName(m.name)), std::to_string(metricValue(m.name, ctx)), m);
      }
    }
  };
  return createStatsdShipping("statsd", config, context, std::move(compose));
}

}  // namespace sluice::plugins
