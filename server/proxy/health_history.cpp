#include "proxy/health_history.h"

namespace sluice::proxy {

void HealthHistory::add(const std::string& upstreamId, snapshot::HealthEvent event) {
  if (kept_ == 0) return;
  std::lock_guard lock(mutex_);
  auto& events = byUpstream_[upstreamId];
  events.push_back(std::move(event));
  while (events.size() > kept_) events.pop_front();
}

std::vector<snapshot::HealthEvent> HealthHistory::since(const std::string& upstreamId, int64_t sinceMs) const {
  std::lock_guard lock(mutex_);
  std::vector<snapshot::HealthEvent> out;
  const auto it = byUpstream_.find(upstreamId);
  if (it == byUpstream_.end()) return out;
  for (const auto& e : it->second)
    if (e.atMs >= sinceMs) out.push_back(e);
  return out;
}

void HealthHistory::keepOnly(const std::set<std::string>& upstreamIds) {
  std::lock_guard lock(mutex_);
  for (auto it = byUpstream_.begin(); it != byUpstream_.end();) {
    if (upstreamIds.count(it->first)) ++it;
    else it = byUpstream_.erase(it);
  }
}

}  // namespace sluice::proxy
