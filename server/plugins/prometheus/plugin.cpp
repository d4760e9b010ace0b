#include "plugins/prometheus/plugin.h"

#include "plugins/prometheus/kong_series.h"
#include "snapshot/config_snapshot.h"

namespace sluice::plugins {
namespace {

// Label ids of one snapshot, shared by every prometheus instance built with it.
struct SnapshotLabels {
  std::vector<uint32_t> routes, consumers;
};

class PrometheusPlugin final : public Plugin {
 public:
  PrometheusPlugin(const nlohmann::json& config, std::shared_ptr<KongSeries> series,
                   std::shared_ptr<const SnapshotLabels> labels)
      : series_(std::move(series)),
        labels_(std::move(labels)),
        perConsumer_(config.at("per_consumer").get<bool>()),
        statusCodes_(config.at("status_code_metrics").get<bool>()),
        latency_(config.at("latency_metrics").get<bool>()),
        bandwidth_(config.at("bandwidth_metrics").get<bool>()) {}

  uint8_t phases() const override { return phaseBit(Phase::Log); }

  void log(const RequestContext& ctx) const override {
    if (!ctx.service || !ctx.route || !ctx.snapshot || !(statusCodes_ || latency_ || bandwidth_)) return;
    const auto routeIndex = static_cast<size_t>(ctx.route - ctx.snapshot->routes.data());
    KongObservation o;
    o.series = routeIndex < labels_->routes.size() ? labels_->routes[routeIndex] : 0;
    if (perConsumer_ && ctx.consumer && ctx.consumerIndex < labels_->consumers.size())
      o.consumer = labels_->consumers[ctx.consumerIndex];
    o.statusCodes = statusCodes_;
    o.status = ctx.status;
    o.fromService = ctx.firstByteUs != 0;
    o.bandwidth = bandwidth_;
    o.ingress = ctx.bytesReceived;
    o.egress = ctx.bytesSent;
    o.latency = latency_;
    const RequestLatencies l = latencies(ctx);
    o.requestMs = l.requestUs / 1000.0;
    o.kongMs = l.kongUs / 1000.0;
    o.upstreamMs = l.upstreamUs < 0 ? -1 : l.upstreamUs / 1000.0;
    series_->record(o);
  }

 private:
  std::shared_ptr<KongSeries> series_;
  std::shared_ptr<const SnapshotLabels> labels_;
  bool perConsumer_, statusCodes_, latency_, bandwidth_;
};

}  // namespace

PluginCreateResult createPrometheus(const nlohmann::json& config, BuildContext& context) {
  auto series = context.node().get<KongSeries>(kKongSeriesKey, [] { return std::make_shared<KongSeries>(); });
  if (config.at("upstream_health_metrics").get<bool>()) series->exportUpstreamHealth();
  auto labels = context.shared<SnapshotLabels>("prometheus:labels", [&] {
    auto l = std::make_shared<SnapshotLabels>();
    l->routes = series->routeSeries(context.snapshot());
    l->consumers = series->consumerLabels(context.snapshot());
    return l;
  });
  return PluginConstSharedPtr(std::make_shared<PrometheusPlugin>(config, std::move(series), std::move(labels)));
}

}  // namespace sluice::plugins
