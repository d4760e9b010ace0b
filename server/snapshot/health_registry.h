#pragma once
// Every target's health on this node, kept across configuration snapshots (a target that is
// unhealthy stays so when an unrelated route changes) and shared by all workers, the active prober
// and the Admin API.
#include "snapshot/target_health.h"

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

namespace sluice::snapshot {

class HealthRegistry {
 public:
  std::shared_ptr<TargetHealth> get(const std::string& upstreamId, const std::string& target);
  std::shared_ptr<TargetHealth> find(const std::string& upstreamId, const std::string& target) const;
  // Drops the entries of targets that no longer exist.
  void keepOnly(const std::set<std::string>& keys);
  static std::string key(const std::string& upstreamId, const std::string& target) { return upstreamId + "|" + target; }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<TargetHealth>> entries_;
};

}  // namespace sluice::snapshot
