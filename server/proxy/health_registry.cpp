#include "proxy/health_registry.h"

namespace sluice::proxy {

std::shared_ptr<snapshot::TargetHealth> HealthRegistry::get(const std::string& upstreamId, const std::string& target) {
  std::lock_guard lock(mutex_);
  auto& slot = entries_[key(upstreamId, target)];
  if (!slot) slot = std::make_shared<CheckedTarget>(history_, upstreamId, target);
  return slot;
}

void HealthRegistry::keepOnly(const std::set<std::string>& keys) {
  std::lock_guard lock(mutex_);
  std::set<std::string> upstreams;
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (keys.count(it->first)) {
      upstreams.insert(it->first.substr(0, it->first.find('|')));
      ++it;
    } else {
      it = entries_.erase(it);
    }
  }
  history_->keepOnly(upstreams);
}

}  // namespace sluice::proxy
