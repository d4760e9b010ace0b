#include "proxy/health_registry.h"

#include "core/clock.h"

namespace sluice::proxy {

std::shared_ptr<snapshot::TargetHealth> HealthRegistry::get(const std::string& upstreamId, const std::string& target) {
  std::lock_guard lock(mutex_);
  auto& slot = entries_[key(upstreamId, target)];
  if (!slot) slot = std::make_shared<CheckedTarget>(history_, upstreamId, target);
  return slot;
}

void HealthRegistry::noteAddresses(const std::string& upstreamId, const std::string& target,
                                   const std::vector<std::string>& addresses) {
  const auto join = [](const std::vector<std::string>& list) {
    std::string out;
    for (const auto& a : list) out += (out.empty() ? "" : ", ") + a;
    return out;
  };
  std::lock_guard lock(mutex_);
  auto [it, first] = addresses_.try_emplace(key(upstreamId, target));
  if (!first && it->second == addresses) return;
  // A host seen for the first time with answers is not a change; without any, it is news.
  if (first && !addresses.empty()) {
    it->second = addresses;
    return;
  }
  snapshot::HealthEvent e;
  e.atMs = core::unixMillis();
  e.target = target;
  e.healthy = !addresses.empty();
  e.source = "dns";
  const std::string host = target.substr(0, target.rfind(':'));
  if (addresses.empty()) e.reason = "no DNS answer for " + host;
  else if (it->second.empty()) e.reason = "DNS answers again for " + host + ": " + join(addresses);
  else e.reason = "DNS answers for " + host + " changed to " + join(addresses) + " (were " + join(it->second) + ")";
  it->second = addresses;
  history_->add(upstreamId, std::move(e));
}

void HealthRegistry::keepOnly(const std::set<std::string>& keys) {
  std::lock_guard lock(mutex_);
  for (auto it = addresses_.begin(); it != addresses_.end();) it = keys.count(it->first) ? std::next(it) : addresses_.erase(it);
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
