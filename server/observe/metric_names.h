#pragma once
// Small, stable ids for what metrics are kept per: routes (by route id) and plugins (by name).
// The snapshot builder assigns them as it compiles each snapshot, so a route keeps its id — and
// its figures — across configuration changes, and reactors index arrays instead of hashing
// strings. Labels (names, the service) follow the latest snapshot. Id 0 is "no route matched"
// (and "no consumer").
#include <cstdint>
#include <mutex>
#include <utility>
#include <string>
#include <unordered_map>
#include <vector>

namespace sluice::observe {

struct RouteLabels {
  std::string id, name, serviceId, serviceName;
};

class MetricNames {
 public:
  // `consumers`: consumers get ids (observability_consumers); otherwise consumer() is always 0, so
  // that a node whose consumers come and go does not keep every one it ever had.
  explicit MetricNames(bool consumers = true);
  // Builder thread.
  uint32_t route(const std::string& id, const std::string& name, const std::string& serviceId, const std::string& serviceName);
  uint32_t plugin(const std::string& name);
  uint32_t consumer(const std::string& id, const std::string& name);  // name: username, else custom_id
  uint32_t target(const std::string& id, const std::string& upstream, const std::string& target);

  // Any thread.
  RouteLabels routeLabels(uint32_t id) const;
  std::string pluginName(uint32_t id) const;
  std::pair<std::string, std::string> consumerLabels(uint32_t id) const;  // (id, name)
  std::pair<std::string, std::string> targetLabels(uint32_t id) const;    // (upstream, target)
  size_t routeCount() const;
  size_t pluginCount() const;

 private:
  const bool trackConsumers_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, uint32_t> routeIds_, pluginIds_, consumerIds_, targetIds_;
  std::vector<std::pair<std::string, std::string>> targets_;
  std::vector<std::pair<std::string, std::string>> consumers_;
  std::vector<RouteLabels> routes_;
  std::vector<std::string> plugins_;
};

// The key under which a node's MetricNames live in the snapshot builder's node state.
inline constexpr const char* kMetricNamesKey = "observe:names";

}  // namespace sluice::observe
