#include "plugins/logging/statsd_metrics.h"

#include "plugins/config_values.h"
#include "plugins/logging/log_plugin.h"
#include "plugins/logging/udp_sender.h"
#include "schema/typedefs.h"
#include "snapshot/config_snapshot.h"


namespace sluice::plugins {
namespace {

struct NamedMetric {
  std::string_view name;
  MetricName metric;
};
constexpr NamedMetric kMetricNames[] = {
    {"request_count", MetricName::RequestCount},     {"latency", MetricName::Latency},
    {"request_size", MetricName::RequestSize},       {"response_size", MetricName::ResponseSize},
    {"upstream_latency", MetricName::UpstreamLatency}, {"kong_latency", MetricName::KongLatency},
    {"status_count", MetricName::StatusCount},       {"unique_users", MetricName::UniqueUsers},
    {"request_per_user", MetricName::RequestPerUser}, {"status_count_per_user", MetricName::StatusCountPerUser},
};

const char* statsdKind(const std::string& statType) {
  if (statType == "counter") return "c";
  if (statType == "gauge") return "g";
  if (statType == "timer") return "ms";
  if (statType == "histogram") return "h";
  if (statType == "meter") return "m";
  if (statType == "set") return "s";
  return "d";  // datadog's distribution
}

// Ships each queued block's lines as one datagram each.
class StatsdSender {
 public:
  explicit StatsdSender(const nlohmann::json& config) : udp_(config) {}
  void send(std::vector<std::string>& blocks) {
    datagrams_.clear();
    for (const std::string& block : blocks) {
      size_t start = 0;
      for (size_t end; (end = block.find('\n', start)) != std::string::npos; start = end + 1)
        datagrams_.emplace_back(block, start, end - start);
    }
    udp_.send(datagrams_);
  }

 private:
  UdpSender udp_;
  std::vector<std::string> datagrams_;
};

class StatsdShippingPlugin final : public Plugin {
 public:
  StatsdShippingPlugin(std::shared_ptr<observe::LogSink> sink, ComposeStatsdLines compose)
      : sink_(std::move(sink)), compose_(std::move(compose)) {}
  uint8_t phases() const override { return phaseBit(Phase::Log); }
  void log(const RequestContext& ctx) const override {
    if (!ctx.service) return;
    std::string lines;
    compose_(ctx, lines);
    if (!lines.empty()) sink_->push(std::move(lines));
  }

 private:
  std::shared_ptr<observe::LogSink> sink_;
  ComposeStatsdLines compose_;
};

}  // namespace

std::vector<schema::Field> statsdServerFields(const char* serverDescription) {
  namespace td = schema::typedefs;
  return {td::host("host").withDefault("localhost").withDescription(serverDescription), td::port("port").withDefault(8125),
          schema::stringField("prefix").withDefault("kong").withDescription("Put before every metric's name.")};
}

schema::Field consumerIdentifierField() {
  return schema::stringField("consumer_identifier").withOneOf({"consumer_id", "custom_id", "username"});
}

std::vector<MetricConfig> metricConfigs(const nlohmann::json& metrics) {
  std::vector<MetricConfig> out;
  for (const auto& m : metrics) {
    MetricConfig metric;
    const std::string name = m.value("name", "");
    for (const NamedMetric& n : kMetricNames)
      if (n.name == name) metric.name = n.metric;
    metric.kind = statsdKind(m.value("stat_type", ""));
    if (const auto rate = m.find("sample_rate"); rate != m.end() && rate->is_number() && rate->get<double>() != 1)
      metric.rate = "|@" + luaNumber(rate->get<double>());
    const std::string consumer = m.contains("consumer_identifier") && m["consumer_identifier"].is_string()
                                     ? m["consumer_identifier"].get<std::string>()
                                     : "";
    metric.consumer = consumer == "consumer_id" ? ConsumerIdentifier::ConsumerId
                      : consumer == "custom_id" ? ConsumerIdentifier::CustomId
                      : consumer == "username"  ? ConsumerIdentifier::Username
                                                : ConsumerIdentifier::None;
    if (const auto tags = m.find("tags"); tags != m.end() && tags->is_array())
      for (const auto& tag : *tags) metric.tags.append(metric.tags.empty() ? "" : ",").append(tag.get<std::string>());
    out.push_back(std::move(metric));
  }
  return out;
}

std::string metricServiceName(const RequestContext& ctx) {
  std::string name = ctx.service->name.empty() ? ctx.service->host : ctx.service->name;
  for (char& c : name)
    if (c == '.') c = '_';
  return name;
}

std::string metricConsumer(ConsumerIdentifier identifier, const RequestContext& ctx) {
  if (!ctx.consumer) return {};
  switch (identifier) {
    case ConsumerIdentifier::None: return {};
    case ConsumerIdentifier::CustomId: return ctx.consumer->customId;
    case ConsumerIdentifier::Username: return ctx.consumer->username;
    case ConsumerIdentifier::ConsumerId: {
      std::string id = ctx.consumer->id;
      for (char& c : id)
        if (c == '-') c = '_';
      return id;
    }
  }
  return {};
}

std::string_view metricStatName(MetricName name) {
  switch (name) {
    case MetricName::RequestSize: return "request.size";
    case MetricName::ResponseSize: return "response.size";
    case MetricName::Latency: return "latency";
    case MetricName::UpstreamLatency: return "upstream_latency";
    case MetricName::KongLatency: return "kong_latency";
    default: return "request.count";
  }
}

int64_t metricValue(MetricName name, const RequestContext& ctx) {
  switch (name) {
    case MetricName::RequestSize: return static_cast<int64_t>(ctx.bytesReceived);
    case MetricName::ResponseSize: return static_cast<int64_t>(ctx.bytesSent);
    case MetricName::Latency: return latencies(ctx).requestUs / 1000;
    case MetricName::UpstreamLatency: {
      const int64_t us = latencies(ctx).upstreamUs;
      return us < 0 ? -1 : us / 1000;
    }
    case MetricName::KongLatency: return latencies(ctx).kongUs / 1000;
    default: return 1;  // the counts
  }
}

void appendStatsdLine(std::string& out, const std::string& prefix, std::string_view stat, std::string_view value,
                      const MetricConfig& metric, std::string_view tags) {
  out.append(prefix).append(".").append(stat).append(":").append(value).append("|").append(metric.kind).append(metric.rate);
  if (!tags.empty()) out.append("|#").append(tags);
  out.push_back('\n');
}

PluginCreateResult createStatsdShipping(const char* plugin, const nlohmann::json& config, BuildContext& context,
                                        ComposeStatsdLines compose) {
  auto sink = shippingSink<StatsdSender>(plugin, config, context);
  return PluginConstSharedPtr(std::make_shared<StatsdShippingPlugin>(std::move(sink), std::move(compose)));
}

}  // namespace sluice::plugins
