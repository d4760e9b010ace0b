#include "observe/trace_store.h"

#include <algorithm>

namespace sluice::observe {

void TraceStore::add(std::vector<TraceCandidate>& candidates) {
  std::lock_guard lock(mutex_);
  for (TraceCandidate& c : candidates) {
    if (!c.forced) {
      // Only the N slowest of a route's minute stay: the fastest kept one makes room, or this one goes.
      size_t kept = 0;
      auto fastest = ring_.end();
      for (auto it = ring_.begin(); it != ring_.end(); ++it) {
        if (it->forced || it->route != c.route || it->minute != c.minute) continue;
        ++kept;
        if (fastest == ring_.end() || it->totalUs < fastest->totalUs) fastest = it;
      }
      if (kept >= slowest_) {
        if (slowest_ == 0 || fastest->totalUs >= c.totalUs) continue;
        ring_.erase(fastest);
      }
    }
    ring_.push_back(Entry{c.route, c.minute, c.totalUs, c.forced, std::make_shared<const nlohmann::json>(std::move(c.trace))});
    while (ring_.size() > capacity_) ring_.pop_front();
  }
}

nlohmann::json TraceStore::query(const TraceQuery& q) const {
  std::vector<std::shared_ptr<const nlohmann::json>> picked;
  {
    std::lock_guard lock(mutex_);
    for (const Entry& e : ring_) {
      const nlohmann::json& t = *e.trace;
      if (q.minMs > 0 && static_cast<double>(e.totalUs) / 1000.0 < q.minMs) continue;
      const int status = t.value("status", 0);
      if (q.status && status != *q.status) continue;
      if (q.statusClass && status / 100 != *q.statusClass) continue;
      if (!q.route.empty() && t["route"].value("id", "") != q.route && t["route"].value("name", "") != q.route) continue;
      if (!q.service.empty() && t["service"].value("id", "") != q.service && t["service"].value("name", "") != q.service)
        continue;
      picked.push_back(e.trace);
    }
  }
  // Newest first by when the request started (reactors hand their traces over at different moments).
  std::stable_sort(picked.begin(), picked.end(), [](const auto& a, const auto& b) {
    return a->value("started_at", int64_t{0}) > b->value("started_at", int64_t{0});
  });
  if (picked.size() > q.limit) picked.resize(q.limit);
  nlohmann::json data = nlohmann::json::array();
  for (const auto& t : picked) data.push_back(*t);
  return data;
}

}  // namespace sluice::observe
