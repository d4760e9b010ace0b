#include "plugins/prometheus/plugin.h"

#include "plugins/prometheus/kong_series.h"
#include "snapshot/config_snapshot.h"

namespace sluice::plugins {
namespace {

// Label ids of one snapshot (indexed like its routes, or its consumers), shared by every prometheus
// instance built with it.
struct SnapshotLabels {
  std::vector<uint32_t> ids;
};

class PrometheusPlugin final : public Plugin {
 public:
  PrometheusPlugin(std::shared_ptr<KongSeries> series, std::shared_ptr<const SnapshotLabels> routes,
                   std::shared_ptr<const SnapshotLabels> consumers)
      : series_(std::move(series)), routes_(std::move(routes)), consumers_(std::move(consumers)) {}

  uint8_t phases() const override { return phaseBit(Phase::Log); }

  // Kong 2.8 exports every family; per_consumer is its only switch.
  void log(const RequestContext& ctx) const override {
    if (!ctx.service || !ctx.route || !ctx.snapshot) return;  // Kong records nothing without a service
    const auto routeIndex = static_cast<size_t>(ctx.route - ctx.snapshot->routes.data());
    KongObservation o;
    o.series = routeIndex < routes_->ids.size() ? routes_->ids[routeIndex] : 0;
    if (consumers_ && ctx.consumer && ctx.consumerIndex < consumers_->ids.size()) o.consumer = consumers_->ids[ctx.consumerIndex];
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
  std::shared_ptr<const SnapshotLabels> routes_;
  std::shared_ptr<const SnapshotLabels> consumers_;  // null unless per_consumer
};

}  // namespace

PluginCreateResult createPrometheus(const nlohmann::json& config, BuildContext& context) {
  auto series = context.node().get<KongSeries>(kKongSeriesKey, [] { return std::make_shared<KongSeries>(); });
  series->exportUpstreamHealth();
  auto routes = context.shared<SnapshotLabels>("prometheus:route-labels", [&] {
    auto l = std::make_shared<SnapshotLabels>();
    l->ids = series->routeSeries(context.snapshot());
    return l;
  });
  // Usernames are interned only for an instance that labels by them (per_consumer): otherwise a node
  // whose consumers come and go would keep every name it ever saw.
  std::shared_ptr<const SnapshotLabels> consumers;
  if (config.value("per_consumer", false))
    consumers = context.shared<SnapshotLabels>("prometheus:consumer-labels", [&] {
      auto l = std::make_shared<SnapshotLabels>();
      l->ids = series->consumerLabels(context.snapshot());
      return l;
    });
  return PluginConstSharedPtr(std::make_shared<PrometheusPlugin>(std::move(series), std::move(routes), std::move(consumers)));
}

}  // namespace sluice::plugins
