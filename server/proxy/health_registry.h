#pragma once
// Every target's health on this node, kept across configuration snapshots and shared by all
// workers, the active prober and the Admin API; the snapshot compiler attaches it to the targets.
#include "proxy/target_health.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace sluice::proxy {

class HealthRegistry final : public snapshot::HealthSource {
 public:
  std::shared_ptr<snapshot::TargetHealth> get(const std::string& upstreamId, const std::string& target) override;
  void keepOnly(const std::set<std::string>& keys) override;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<CheckedTarget>> entries_;
};

}  // namespace sluice::proxy
