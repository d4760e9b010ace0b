#include "plugins/prometheus/kong_series.h"

#include "snapshot/config_snapshot.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <span>
#include <tuple>

namespace sluice::plugins {
namespace {

constexpr auto kRelaxed = std::memory_order_relaxed;

// One writer per shard: a load and a store, no locked read-modify-write.
void bump(std::atomic<uint64_t>& counter, uint64_t n) { counter.store(counter.load(kRelaxed) + n, kRelaxed); }

// Counts below each bound (and above the last), for whichever bucket set the names call for.
struct Histogram {
  std::array<std::atomic<uint64_t>, kMaxLatencyBuckets + 1> counts{};
  std::atomic<double> sum{0};

  void observe(double value, std::span<const double> bounds) {
    // The first bound not below the value (Prometheus buckets are "less than or equal"); above the
    // last, the +Inf bucket.
    const size_t i = static_cast<size_t>(std::lower_bound(bounds.begin(), bounds.end(), value) - bounds.begin());
    bump(counts[i], 1);
    sum.store(sum.load(kRelaxed) + value, kRelaxed);
  }
};

struct HistogramTotal {
  std::array<uint64_t, kMaxLatencyBuckets + 1> counts{};
  double sum = 0;
  void add(const Histogram& h) {
    for (size_t i = 0; i < counts.size(); ++i) counts[i] += h.counts[i].load(kRelaxed);
    sum += h.sum.load(kRelaxed);
  }
  bool empty() const {
    for (const uint64_t c : counts)
      if (c) return false;
    return true;
  }
};

struct LatencyCell {
  Histogram kong, upstream, request;
};

struct LatencyTotal {
  HistogramTotal kong, upstream, request;
};

struct BandwidthCell {
  std::atomic<uint64_t> ingress{0}, egress{0};
};

// status key: series | consumer | code | source, packed into 64 bits.
constexpr uint64_t statusKey(uint32_t series, uint32_t consumer, int code, bool fromService) {
  return uint64_t{series} << 32 | uint64_t{consumer & 0x1fffff} << 11 | uint64_t(code & 0x3ff) << 1 | (fromService ? 1 : 0);
}
constexpr uint64_t pairKey(uint32_t series, uint32_t consumer) { return uint64_t{series} << 32 | consumer; }

std::atomic<uint64_t> nextGeneration{1};

}  // namespace

struct KongSeries::Shard {
  // The owning reactor holds it only to add a cell (lookups need no lock: only the owner changes
  // the maps); a scrape holds it while it reads.
  std::mutex cells;
  std::unordered_map<uint64_t, std::atomic<uint64_t>> status;
  std::unordered_map<uint64_t, BandwidthCell> bandwidth;
  std::unordered_map<uint32_t, LatencyCell> latency;

  template <class Map>
  typename Map::mapped_type& cell(Map& map, typename Map::key_type key) {
    if (const auto it = map.find(key); it != map.end()) return it->second;
    std::lock_guard lock(cells);
    return map.try_emplace(key).first->second;
  }
};

KongSeries::KongSeries(KongMetricNames names) : names_(names), generation_(nextGeneration.fetch_add(1)) {
  seriesLabels_.emplace_back();  // id 0: no route
  consumerNames_.emplace_back();  // id 0: no consumer (the empty label)
  consumerIds_.emplace("", 0);
}

KongSeries::~KongSeries() = default;

std::vector<uint32_t> KongSeries::routeSeries(const snapshot::ConfigSnapshot& snap) {
  std::vector<uint32_t> ids(snap.routes.size(), 0);
  std::lock_guard lock(labelsMutex_);
  std::string key;
  for (size_t i = 0; i < snap.routes.size(); ++i) {
    const auto& route = snap.routes[i];
    if (route.service < 0) continue;  // Kong records nothing without a service
    const auto& service = snap.services[static_cast<size_t>(route.service)];
    const std::string& serviceLabel = service.name.empty() ? service.host : service.name;
    const std::string& routeLabel = route.name.empty() ? route.id : route.name;
    key.assign(serviceLabel).push_back('\0');
    key.append(routeLabel);
    auto [it, added] = seriesIds_.try_emplace(key, static_cast<uint32_t>(seriesLabels_.size()));
    if (added) seriesLabels_.emplace_back(serviceLabel, routeLabel);
    ids[i] = it->second;
  }
  return ids;
}

std::vector<uint32_t> KongSeries::consumerLabels(const snapshot::ConfigSnapshot& snap) {
  std::vector<uint32_t> ids(snap.consumers.size(), 0);
  std::lock_guard lock(labelsMutex_);
  for (size_t i = 0; i < snap.consumers.size(); ++i) {
    const std::string& name = snap.consumers[i].username;
    auto [it, added] = consumerIds_.try_emplace(name, static_cast<uint32_t>(consumerNames_.size()));
    if (added) consumerNames_.push_back(name);
    ids[i] = it->second;
  }
  return ids;
}

KongSeries::Shard& KongSeries::localShard() {
  // A reactor thread finds its shard without a lock after the first time. (A thread may record
  // into more than one KongSeries — tests do — so it remembers a few.)
  struct Cached {
    uint64_t generation;
    Shard* shard;
  };
  thread_local std::vector<Cached> cached;
  for (const Cached& c : cached)
    if (c.generation == generation_) return *c.shard;
  std::lock_guard lock(shardsMutex_);
  shards_.push_back(std::make_unique<Shard>());
  cached.push_back({generation_, shards_.back().get()});
  return *shards_.back();
}

void KongSeries::record(const KongObservation& o) {
  Shard& shard = localShard();
  bump(shard.cell(shard.status, statusKey(o.series, o.consumer, o.status, o.fromService)), 1);
  if (o.ingress || o.egress) {
    BandwidthCell& b = shard.cell(shard.bandwidth, pairKey(o.series, o.consumer));
    if (o.ingress) bump(b.ingress, o.ingress);
    if (o.egress) bump(b.egress, o.egress);
  }
  const bool kong28 = names_ == KongMetricNames::Kong28;
  const std::span<const double> kongBounds = kong28 ? std::span<const double>(kKong28LatencyBuckets) : kKongLatencyBuckets;
  const std::span<const double> otherBounds = kong28 ? std::span<const double>(kKong28LatencyBuckets) : kUpstreamLatencyBuckets;
  LatencyCell& l = shard.cell(shard.latency, o.series);
  if (o.requestMs >= 0) l.request.observe(o.requestMs, otherBounds);
  if (o.upstreamMs >= 0) l.upstream.observe(o.upstreamMs, otherBounds);
  if (o.kongMs >= 0) l.kong.observe(o.kongMs, kongBounds);
}

struct KongSeries::Totals {
  std::map<uint64_t, uint64_t> status;
  std::map<uint64_t, std::pair<uint64_t, uint64_t>> bandwidth;  // ingress, egress
  std::map<uint32_t, LatencyTotal> latency;
};

void KongSeries::render(observe::PrometheusText& out) const {
  Totals totals;
  {
    std::lock_guard lock(shardsMutex_);
    for (const auto& shard : shards_) {
      std::lock_guard cells(shard->cells);
      for (const auto& [key, count] : shard->status) totals.status[key] += count.load(kRelaxed);
      for (const auto& [key, b] : shard->bandwidth) {
        auto& total = totals.bandwidth[key];
        total.first += b.ingress.load(kRelaxed);
        total.second += b.egress.load(kRelaxed);
      }
      for (const auto& [key, l] : shard->latency) {
        LatencyTotal& total = totals.latency[key];
        total.kong.add(l.kong);
        total.upstream.add(l.upstream);
        total.request.add(l.request);
      }
    }
  }
  std::lock_guard lock(labelsMutex_);
  if (names_ == KongMetricNames::Kong28) render28(totals, out);
  else render3(totals, out);
}

namespace {

std::string_view codeText(uint64_t key, char (&buffer)[8]) {
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, (key >> 1) & 0x3ff);
  return std::string_view(buffer, static_cast<size_t>(r.ptr - buffer));
}

std::span<const uint64_t> bucketCounts(const HistogramTotal& h, size_t bounds) { return std::span(h.counts.data(), bounds + 1); }

}  // namespace

// Kong 2.8: status per (service, route, code) whoever answered, per consumer only where
// per_consumer filled one; one latency histogram with a `type` label; bandwidth by `type`.
void KongSeries::render28(const Totals& totals, observe::PrometheusText& out) const {
  const auto labelsOf = [this](uint64_t series) -> const std::pair<std::string, std::string>& {
    return seriesLabels_[series < seriesLabels_.size() ? series : 0];
  };
  const auto consumerOf = [this](uint64_t id) -> const std::string& { return consumerNames_[id < consumerNames_.size() ? id : 0]; };
  char code[8];
  std::map<std::pair<uint32_t, int>, uint64_t> byRoute;  // (series, code)
  bool anyConsumer = false;
  for (const auto& [key, count] : totals.status) {
    byRoute[{static_cast<uint32_t>(key >> 32), static_cast<int>((key >> 1) & 0x3ff)}] += count;
    anyConsumer = anyConsumer || ((key >> 11) & 0x1fffff) != 0;
  }
  if (!byRoute.empty()) out.family("kong_http_status", "HTTP status codes per service/route in Kong", "counter");
  for (const auto& [key, count] : byRoute) {
    const auto& [service, route] = labelsOf(key.first);
    const auto r = std::to_chars(code, code + sizeof code, key.second);
    out.sample("kong_http_status",
               {{"service", service}, {"route", route}, {"code", std::string_view(code, static_cast<size_t>(r.ptr - code))}},
               static_cast<double>(count));
  }
  if (!totals.latency.empty())
    out.family("kong_latency", "Latency added by Kong, total request time and upstream latency for each service/route in Kong",
               "histogram");
  for (const auto& [series, total] : totals.latency) {
    const auto& [service, route] = labelsOf(series);
    const size_t n = kKong28LatencyBuckets.size();
    if (!total.kong.empty())
      out.histogram("kong_latency", {{"service", service}, {"route", route}, {"type", "kong"}}, kKong28LatencyBuckets,
                    bucketCounts(total.kong, n), total.kong.sum);
    if (!total.request.empty())
      out.histogram("kong_latency", {{"service", service}, {"route", route}, {"type", "request"}}, kKong28LatencyBuckets,
                    bucketCounts(total.request, n), total.request.sum);
    if (!total.upstream.empty())
      out.histogram("kong_latency", {{"service", service}, {"route", route}, {"type", "upstream"}}, kKong28LatencyBuckets,
                    bucketCounts(total.upstream, n), total.upstream.sum);
  }
  std::map<uint32_t, std::pair<uint64_t, uint64_t>> bandwidth;
  for (const auto& [key, total] : totals.bandwidth) {
    auto& sum = bandwidth[static_cast<uint32_t>(key >> 32)];
    sum.first += total.first;
    sum.second += total.second;
  }
  if (!bandwidth.empty()) out.family("kong_bandwidth", "Total bandwidth in bytes consumed per service/route in Kong", "counter");
  for (const auto& [series, total] : bandwidth) {
    const auto& [service, route] = labelsOf(series);
    if (total.second) out.sample("kong_bandwidth", {{"service", service}, {"route", route}, {"type", "egress"}}, static_cast<double>(total.second));
    if (total.first) out.sample("kong_bandwidth", {{"service", service}, {"route", route}, {"type", "ingress"}}, static_cast<double>(total.first));
  }
  if (!anyConsumer) return;
  out.family("kong_http_consumer_status", "HTTP status codes for customer per service/route in Kong", "counter");
  std::map<std::tuple<uint32_t, int, uint32_t>, uint64_t> byConsumer;
  for (const auto& [key, count] : totals.status)
    if (const auto consumer = static_cast<uint32_t>((key >> 11) & 0x1fffff))
      byConsumer[{static_cast<uint32_t>(key >> 32), static_cast<int>((key >> 1) & 0x3ff), consumer}] += count;
  for (const auto& [key, count] : byConsumer) {
    const auto& [service, route] = labelsOf(std::get<0>(key));
    const auto r = std::to_chars(code, code + sizeof code, std::get<1>(key));
    out.sample("kong_http_consumer_status",
               {{"service", service}, {"route", route}, {"code", std::string_view(code, static_cast<size_t>(r.ptr - code))},
                {"consumer", consumerOf(std::get<2>(key))}},
               static_cast<double>(count));
  }
}

// Kong 3.x: status with its source and consumer label, three latency histograms, bandwidth with
// direction and consumer.
void KongSeries::render3(const Totals& totals, observe::PrometheusText& out) const {
  const auto labelsOf = [this](uint64_t series) -> const std::pair<std::string, std::string>& {
    return seriesLabels_[series < seriesLabels_.size() ? series : 0];
  };
  const auto consumerOf = [this](uint64_t id) -> const std::string& { return consumerNames_[id < consumerNames_.size() ? id : 0]; };
  if (!totals.status.empty()) {
    out.family("kong_http_requests_total", "HTTP status codes per consumer/service/route in Kong", "counter");
    char code[8];
    for (const auto& [key, count] : totals.status) {
      const auto& [service, route] = labelsOf(key >> 32);
      out.sample("kong_http_requests_total",
                 {{"service", service}, {"route", route}, {"code", codeText(key, code)},
                  {"source", key & 1 ? "service" : "kong"}, {"consumer", consumerOf((key >> 11) & 0x1fffff)}},
                 static_cast<double>(count));
    }
  }
  const auto histograms = [&](const char* name, const char* help, auto member, std::span<const double> bounds) {
    bool any = false;
    for (const auto& [series, total] : totals.latency) {
      const HistogramTotal& h = total.*member;
      if (h.empty()) continue;
      if (!any) out.family(name, help, "histogram");
      any = true;
      const auto& [service, route] = labelsOf(series);
      out.histogram(name, {{"service", service}, {"route", route}}, bounds, bucketCounts(h, bounds.size()), h.sum);
    }
  };
  histograms("kong_kong_latency_ms", "Latency added by Kong and enabled plugins for each service/route in Kong",
             &LatencyTotal::kong, kKongLatencyBuckets);
  histograms("kong_upstream_latency_ms", "Latency added by upstream response for each service/route in Kong",
             &LatencyTotal::upstream, kUpstreamLatencyBuckets);
  histograms("kong_request_latency_ms", "Total latency incurred during requests for each service/route in Kong",
             &LatencyTotal::request, kUpstreamLatencyBuckets);
  if (!totals.bandwidth.empty()) {
    out.family("kong_bandwidth_bytes", "Total bandwidth (ingress/egress) throughput in bytes", "counter");
    for (const auto& [key, total] : totals.bandwidth) {
      const auto& [service, route] = labelsOf(key >> 32);
      const std::string& consumer = consumerOf(key & 0xffffffff);
      if (total.second)
        out.sample("kong_bandwidth_bytes", {{"service", service}, {"route", route}, {"direction", "egress"}, {"consumer", consumer}},
                   static_cast<double>(total.second));
      if (total.first)
        out.sample("kong_bandwidth_bytes", {{"service", service}, {"route", route}, {"direction", "ingress"}, {"consumer", consumer}},
                   static_cast<double>(total.first));
    }
  }
}

}  // namespace sluice::plugins
