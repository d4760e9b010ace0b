#pragma once
// The per-route series of Kong's prometheus plugin, one object per node, under Kong 2.8's names
// (kong_http_status, kong_http_consumer_status, kong_latency{type}, kong_bandwidth{type}: what
// Kong 2.8's Grafana dashboard queries) or, with `prometheus_kong_names = 3`, Kong 3.x's
// (kong_http_requests_total, kong_bandwidth_bytes, kong_kong_latency_ms, kong_upstream_latency_ms,
// kong_request_latency_ms). Reactors record into their own shard (found through a thread-local) with
// plain relaxed stores: nothing on the request path locks, except the first request of a new label
// set, which adds its cell. A scrape sums the shards.
//
// Labels are interned: a route's (service, route) label pair and a consumer's username get a small
// id once per snapshot, so recording hashes integers, not strings. Ids are kept for the life of the
// process (as Kong keeps a deleted route's series until a restart).
#include "observe/prometheus_text.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sluice::snapshot {
struct ConfigSnapshot;
}

namespace sluice::plugins {

// Kong's bucket bounds, in milliseconds: 2.8's one set for every latency, 3.x's two.
inline constexpr std::array<double, 26> kKong28LatencyBuckets{1,   2,   5,   7,   10,   15,   20,    25,    30,
                                                              40,  50,  60,  70,  80,   90,   100,   200,   300,
                                                              400, 500, 1000, 2000, 5000, 10000, 30000, 60000};
inline constexpr std::array<double, 15> kKongLatencyBuckets{1, 2, 5, 7, 10, 15, 20, 30, 50, 75, 100, 200, 500, 750, 1000};
inline constexpr std::array<double, 13> kUpstreamLatencyBuckets{25,   50,   80,   100,   250,   400,  700,
                                                                 1000, 2000, 5000, 10000, 30000, 60000};
inline constexpr size_t kMaxLatencyBuckets = kKong28LatencyBuckets.size();

// Which of Kong's metric names the page uses (sluice.conf prometheus_kong_names).
enum class KongMetricNames { Kong28, Kong3 };

struct KongObservation {
  uint32_t series = 0;    // from routeSeries()
  uint32_t consumer = 0;  // from consumerLabels(); 0 is the empty label
  int status = 0;
  bool fromService = false;  // the upstream answered (source="service"), or Sluice did ("kong")
  uint64_t ingress = 0, egress = 0;
  double requestMs = 0, kongMs = -1, upstreamMs = -1;  // negative: did not happen
};

class KongSeries {
 public:
  explicit KongSeries(KongMetricNames names = KongMetricNames::Kong28);
  ~KongSeries();
  KongSeries(const KongSeries&) = delete;
  KongSeries& operator=(const KongSeries&) = delete;

  // Label ids for a snapshot, indexed like its routes / consumers (snapshot builder thread).
  std::vector<uint32_t> routeSeries(const snapshot::ConfigSnapshot& snapshot);
  std::vector<uint32_t> consumerLabels(const snapshot::ConfigSnapshot& snapshot);

  // On a reactor thread.
  void record(const KongObservation& o);

  // kong_upstream_target_health is exported once a prometheus plugin is configured (as in Kong,
  // until a restart).
  void exportUpstreamHealth() { upstreamHealth_.store(true, std::memory_order_relaxed); }
  bool upstreamHealthExported() const { return upstreamHealth_.load(std::memory_order_relaxed); }
  KongMetricNames names() const { return names_; }

  // The per-route families, summed over every reactor.
  void render(observe::PrometheusText& out) const;

 private:
  struct Shard;
  struct Totals;
  Shard& localShard();
  void render28(const Totals& totals, observe::PrometheusText& out) const;
  void render3(const Totals& totals, observe::PrometheusText& out) const;

  const KongMetricNames names_;
  const uint64_t generation_;
  mutable std::mutex labelsMutex_;
  std::unordered_map<std::string, uint32_t> seriesIds_;                // "service\0route" -> id
  std::vector<std::pair<std::string, std::string>> seriesLabels_;      // id -> (service, route)
  std::unordered_map<std::string, uint32_t> consumerIds_;
  std::vector<std::string> consumerNames_;                             // id -> username; 0: ""
  mutable std::mutex shardsMutex_;
  std::vector<std::unique_ptr<Shard>> shards_;
  std::atomic<bool> upstreamHealth_{false};
};

}  // namespace sluice::plugins
