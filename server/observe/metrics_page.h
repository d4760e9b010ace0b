#pragma once
// GET /metrics: the Prometheus page of this node. Kong's families under Kong 2.8's names (or 3.x's,
// prometheus_kong_names = 3): the node's always, the per-route ones where a prometheus plugin
// counts, so Kong's Grafana dashboard reads Sluice unchanged; and Sluice's own figures under sluice_.
// The page is observe's; what it shows comes in through MetricsSources: the configuration in
// service (snapshot/config_figures) and the per-route families of the prometheus plugin.
#include "observe/access_log.h"
#include "observe/node_metrics.h"
#include "observe/prometheus_text.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sluice::observe {

// The configuration snapshot in service, as the page and the live frames show it.
struct ConfigFigures {
  uint64_t version = 0;
  double buildSeconds = 0;
  size_t routes = 0;
  struct Target {
    std::string upstream, target;
    std::string state;  // Kong's: HEALTHY, UNHEALTHY, HEALTHCHECKS_OFF or DNS_ERROR
    std::vector<std::string> addresses;
  };
  std::vector<Target> targets;
};

struct MetricsSources {
  std::string nodeId;
  std::string version;
  std::function<nlohmann::json()> connections;  // the /status "server" counters
  std::function<bool()> datastoreReachable;
  std::function<uint64_t()> configVersion;                 // the version published (0: none yet)
  std::function<std::optional<ConfigFigures>()> config;  // nullopt: no snapshot yet
  bool kong28Names = true;                                 // prometheus_kong_names: 2.8's, or 3.x's
  std::function<void(PrometheusText&)> kongFamilies;       // the prometheus plugin's per-route families
  std::function<bool()> kongUpstreamHealth;                // 3.x: target health once a plugin is configured
  std::shared_ptr<const NodeMetrics> requests;
  std::shared_ptr<const AccessLog> accessLog;
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

}  // namespace sluice::observe
