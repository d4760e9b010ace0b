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
      : series_(std::move(series)), labels_(std::move(labels)), perConsumer_(config.value("per_consumer", false)) {}

  uint8_t phases() const override { return phaseBit(Phase::Log); }

  // Kong 2.8 exports every family; per_consumer is its only switch.
  void log(const RequestContext& ctx) const override {
    if (!ctx.service || !ctx.route || !ctx.snapshot) return;  // Kong records nothing without a service
    const auto routeIndex = static_cast<size_t>(ctx.route - ctx.snapshot->routes.data());
    KongObservation o;
    o.series = routeIndex < labels_->routes.size() ? labels_->routes[routeIndex] : 0;
    if (perConsumer_ && ctx.consumer && ctx.consumerIndex < labels_->consumers.size())
      o.consumer = labels_->consumers[ctx.consumerIndex];
    o.status = ctx.status;
    o.fromService = ctx.firstByteUs != 0;
    o.ingress = ctx.bytesReceived;
    o.egress = ctx.bytesSent;
    const RequestLatencies l = latencies(ctx);
    o.requestMs = l.requestUs / 1000.0;
    o.kongMs = l.kongUs / 1000.0;
    o.upstreamMs = l.upstreamUs < 0 ? -1 : l.upstreamUs / 1000.0;
    series_->record(o);
  }

 private:
  std::shared_ptr<KongSeries> series_;
  std::shared_ptr<const SnapshotLabels> labels_;
  bool perConsumer_;
};

}  // namespace

PluginCreateResult createPrometheus(const nlohmann::json& config, BuildContext& context) {
  auto series = context.node().get<KongSeries>(kKongSeriesKey, [] { return std::make_shared<KongSeries>(); });
  series->exportUpstreamHealth();
  auto labels = context.shared<SnapshotLabels>("prometheus:labels", [&] {
    auto l = std::make_shared<SnapshotLabels>();
    l->routes = series->routeSeries(context.snapshot());
    l->consumers = series->consumerLabels(context.snapshot());
    return l;
  });
  return PluginConstSharedPtr(std::make_shared<PrometheusPlugin>(config, std::move(series), std::move(labels)));
}

}  // namespace sluice::plugins
