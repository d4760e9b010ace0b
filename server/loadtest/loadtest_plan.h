#pragma once
// POST /sluice/loadtests's body → a LoadPlan against this node's own proxy listener, for one of
// its routes and nothing else: the request's method, Host and path must be ones the current
// configuration routes to that route (the router itself is asked), and the node's limits cap the
// connections, rate and duration.
//   {"route": "orders", "path": "/orders/1", "method": "GET", "headers": {"X-A": "1"},
//    "body": "..." | {...}, "connections": 10, "threads": 1, "duration": "10s", "requests": 1000,
//    "rate": 500, "stages": "10s:100/s,20s:100/s", "timeout": "2s", "thresholds": ["p99<50ms"],
//    "consumer": "alice", "capacity": {"start_rate": 100, "step": 100, "step_duration": "10s",
//    "max_rate": 5000, "max_steps": 30, "p99_limit": "50ms", "error_limit": 0.01, "follow_share": 0.9}}
// With "capacity" the test is a capacity search (loadgen/capacity_finder.h) instead of one run.
#include "core/result.h"
#include "loadgen/capacity_finder.h"
#include "loadgen/load_plan.h"
#include "net/listen_address.h"
#include "snapshot/config_snapshot.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sluice::loadtest {

struct LoadtestLimits {
  double maxSeconds = 300;
  int maxConnections = 1000;
  int maxThreads = 4;
};

struct LoadtestInput {
  const nlohmann::json& body;
  const nlohmann::json& route;  // the stored route entity
  const snapshot::ConfigSnapshot& snapshot;
  const std::vector<net::ListenAddress>& listeners;
  LoadtestLimits limits;
  // The consumer's credential as a request header (key-auth), when "consumer" was given.
  std::optional<std::pair<std::string, std::string>> credential;
};

// The plan, or a schema-violation error with one message per field.
core::Result<loadgen::LoadPlan> planLoadtest(const LoadtestInput& input);
// The body's "capacity" search (nullopt without one), its longest possible run within
// loadtest_max_duration; a schema-violation error names the fields at fault.
core::Result<std::optional<loadgen::CapacitySearch>> capacitySearchOf(const nlohmann::json& body, const LoadtestLimits& limits);

}  // namespace sluice::loadtest
