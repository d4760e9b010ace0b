#pragma once
// The node's figures: every reactor's seconds added up. Kept per route (since start, this second,
// this minute and the last one) and for the node as a whole; the aggregator closes each second
// into a live frame (live_frames.h), and /metrics renders the totals in the Prometheus format.
// Reactors add under the mutex once a second; nothing here is on the request path.
#include "metrics/latency_histogram.h"
#include "observe/metric_names.h"
#include "observe/prometheus_text.h"
#include "observe/route_figures.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <mutex>
#include <vector>

namespace sluice::observe {

// A closed second as the alert rules read it (server/alerts): every route that had requests, with
// its service, and the node as a whole.
struct SecondFigures {
  struct Route {
    std::string id, serviceId;
    uint64_t requests = 0, serverErrors = 0;
    metrics::LatencyHistogram total;
  };
  int64_t wallMs = 0;
  std::vector<Route> routes;
  uint64_t requests = 0, serverErrors = 0;
  metrics::LatencyHistogram total;
};

class NodeMetrics {
 public:
  explicit NodeMetrics(std::shared_ptr<const MetricNames> names);
  const MetricNames& names() const { return *names_; }

  class Writer {
   public:
    explicit Writer(NodeMetrics& m) : m_(m), lock_(m.mutex_) {}
    void route(uint32_t id, const RouteFigures& second);
    void pluginPhase(uint32_t index, const metrics::LatencyHistogram& second);  // plugin id * kPhaseCount + phase
    void consumer(uint32_t id, const RouteFigures& second);
    void target(uint32_t id, const RouteFigures& second);

   private:
    NodeMetrics& m_;
    std::unique_lock<std::mutex> lock_;
  };
  Writer writer() { return Writer(*this); }

  // Closes the second: the frame of what it held (without node figures the caller adds), and when
  // `figures` is given, the second's figures of every route.
  nlohmann::json closeSecond(int64_t wallMs, double seconds, SecondFigures* figures = nullptr);
  // Every route seen, with its figures over the last minute and since start.
  nlohmann::json routesTable() const;
  // Every service seen: its routes' figures added up.
  nlohmann::json servicesTable() const;
  // Every upstream target that answered, with its figures since start (its share of a route's latency).
  nlohmann::json targetsTable() const;
  // Every consumer seen (observability_consumers), with its figures since start.
  nlohmann::json consumersTable() const;
  // sluice_ families of the request figures.
  void renderPrometheus(PrometheusText& out) const;

 private:
  struct Route {
    RouteFigures cumulative, second;
    metrics::LatencyHistogram minute, lastMinute;  // total latency
    uint64_t minuteRequests = 0, lastMinuteRequests = 0, minuteErrors = 0, lastMinuteErrors = 0;
    uint32_t idleSeconds = 0;
    bool active = false;  // has figures this second
  };
  struct PluginPhase {
    metrics::LatencyHistogram cumulative, second;
  };

  std::shared_ptr<const MetricNames> names_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Route>> routes_;
  std::vector<uint32_t> active_;  // routes with figures this second
  RouteFigures all_, allSecond_;
  std::vector<std::unique_ptr<PluginPhase>> pluginPhases_;
  struct Consumer {
    RouteFigures cumulative;
    uint64_t second = 0;  // requests this second, for the frame's top list
  };
  std::vector<std::unique_ptr<Consumer>> consumers_;
  std::vector<uint32_t> activeConsumers_;
  std::vector<std::unique_ptr<RouteFigures>> targets_;
  uint64_t sequence_ = 0;  // seconds closed so far (a frame's seq)
};

}  // namespace sluice::observe
