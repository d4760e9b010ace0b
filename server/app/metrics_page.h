#pragma once
// GET /metrics: the Prometheus page of this node. Kong's families under Kong 2.8's names (or 3.x's,
// prometheus_kong_names = 3): the node's always, the per-route ones where a prometheus plugin
// counts, so Kong's Grafana dashboard reads Sluice unchanged; and Sluice's own figures under sluice_.
#include "observe/access_log.h"
#include "observe/node_metrics.h"
#include "plugins/prometheus/kong_series.h"
#include "snapshot/snapshot_publisher.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>

namespace sluice::app {

struct MetricsSources {
  std::string nodeId;
  std::string version;
  std::function<nlohmann::json()> connections;  // the /status "server" counters
  std::function<bool()> datastoreReachable;
  const snapshot::SnapshotPublisher* publisher = nullptr;
  std::shared_ptr<const plugins::KongSeries> kong;
  std::shared_ptr<const observe::NodeMetrics> requests;
  std::shared_ptr<const observe::AccessLog> accessLog;
};

std::string renderMetrics(const MetricsSources& sources);

// What a live frame says about the node besides requests: connections, process CPU and memory,
// the configuration version and every target's health.
void addNodeFigures(const MetricsSources& sources, nlohmann::json& frame);

// This process's CPU time (user + system, seconds) and resident memory (bytes), from /proc.
struct ProcessUsage {
  double cpuSeconds = 0;
  uint64_t residentBytes = 0;
};
ProcessUsage processUsage();

}  // namespace sluice::app
