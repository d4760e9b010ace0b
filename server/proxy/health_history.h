#pragma once
// The changes of target health on this node, per upstream, the newest `kept` of each (setting
// health_history_kept): what GET /upstreams/{u}/health/history answers and the manager's health
// timeline draws. In memory: a restart starts a new history, as the health itself starts anew.
#include "snapshot/target_health.h"

#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace sluice::proxy {

class HealthHistory {
 public:
  explicit HealthHistory(size_t kept) : kept_(kept) {}

  void add(const std::string& upstreamId, snapshot::HealthEvent event);
  std::vector<snapshot::HealthEvent> since(const std::string& upstreamId, int64_t sinceMs) const;
  // Forgets the upstreams not in `upstreamIds` (deleted ones).
  void keepOnly(const std::set<std::string>& upstreamIds);

 private:
  const size_t kept_;
  mutable std::mutex mutex_;
  std::map<std::string, std::deque<snapshot::HealthEvent>> byUpstream_;
};

}  // namespace sluice::proxy
