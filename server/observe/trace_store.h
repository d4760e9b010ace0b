#pragma once
// The node's slow-request traces: for each route and minute the N slowest requests (reactors
// send candidates, the store keeps the slowest), plus every trace a client asked for
// (X-Sluice-Trace: 1), in a ring of bounded size. GET /sluice/traces reads it with filters.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace sluice::observe {

struct TraceCandidate {
  uint32_t route = 0;
  int64_t minute = 0;
  uint64_t totalUs = 0;
  bool forced = false;
  nlohmann::json trace;  // buildTrace's
};

struct TraceQuery {
  std::string route;    // id or name
  std::string service;  // id or name
  double minMs = 0;
  std::optional<int> status;       // exact code
  std::optional<int> statusClass;  // 1..5 ("5xx")
  size_t limit = 100;
};

class TraceStore {
 public:
  TraceStore(size_t capacity, uint32_t slowestPerRouteMinute) : capacity_(capacity), slowest_(slowestPerRouteMinute) {}

  void add(std::vector<TraceCandidate>& candidates);
  // Newest first.
  nlohmann::json query(const TraceQuery& q) const;

 private:
  struct Entry {
    uint32_t route;
    int64_t minute;
    uint64_t totalUs;
    bool forced;
    std::shared_ptr<const nlohmann::json> trace;
  };
  const size_t capacity_;
  const uint32_t slowest_;
  mutable std::mutex mutex_;
  std::deque<Entry> ring_;  // oldest first
};

}  // namespace sluice::observe
