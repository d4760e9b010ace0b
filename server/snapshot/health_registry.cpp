#include "snapshot/health_registry.h"

namespace sluice::snapshot {

std::shared_ptr<TargetHealth> HealthRegistry::get(const std::string& upstreamId, const std::string& target) {
  std::lock_guard lock(mutex_);
  auto& slot = entries_[key(upstreamId, target)];
  if (!slot) slot = std::make_shared<TargetHealth>();
  return slot;
}

std::shared_ptr<TargetHealth> HealthRegistry::find(const std::string& upstreamId, const std::string& target) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key(upstreamId, target));
  return it == entries_.end() ? nullptr : it->second;
}

void HealthRegistry::keepOnly(const std::set<std::string>& keys) {
  std::lock_guard lock(mutex_);
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (keys.count(it->first)) ++it;
    else it = entries_.erase(it);
  }
}

}  // namespace sluice::snapshot
