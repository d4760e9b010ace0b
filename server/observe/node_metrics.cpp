#include "observe/node_metrics.h"

#include "observe/phase_timing.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>

namespace sluice::observe {
namespace {

using nlohmann::json;

constexpr size_t kTopRoutes = 10;
constexpr uint32_t kIdleSecondsBeforeRelease = 120;
// Prometheus bucket bounds (µs), chosen on the histogram's bucket boundaries.
constexpr std::array<uint64_t, 16> kBoundsUs{500,    1000,   2500,    5000,    10000,   25000,   50000,    100000,
                                              250000, 500000, 1000000, 2500000, 5000000, 10000000, 30000000, 60000000};

double ms(double micros) { return micros / 1000.0; }

json summary(const metrics::LatencyHistogram& h) {
  return {{"count", h.count()},
          {"mean", ms(h.mean())},
          {"p50", ms(static_cast<double>(h.percentile(0.5)))},
          {"p90", ms(static_cast<double>(h.percentile(0.9)))},
          {"p99", ms(static_cast<double>(h.percentile(0.99)))},
          {"p999", ms(static_cast<double>(h.percentile(0.999)))},
          {"max", ms(static_cast<double>(h.max()))}};
}

json statusClasses(const RouteFigures& f) {
  return {{"1xx", f.classes[1]}, {"2xx", f.classes[2]}, {"3xx", f.classes[3]}, {"4xx", f.classes[4]}, {"5xx", f.classes[5]}};
}

std::string labelOr(const std::string& name, const std::string& id) { return name.empty() ? id : name; }

void histogram(PrometheusText& out, std::string_view name, std::initializer_list<Label> labels, const metrics::LatencyHistogram& h) {
  static const std::array<double, kBoundsUs.size()> kBoundsSeconds = [] {
    std::array<double, kBoundsUs.size()> s{};
    for (size_t i = 0; i < kBoundsUs.size(); ++i) s[i] = static_cast<double>(kBoundsUs[i]) / 1e6;
    return s;
  }();
  std::array<uint64_t, kBoundsUs.size() + 1> counts{};
  uint64_t below = 0;
  for (size_t i = 0; i < kBoundsUs.size(); ++i) {
    const uint64_t atOrBelow = h.countAtOrBelow(kBoundsUs[i]);
    counts[i] = atOrBelow - below;
    below = atOrBelow;
  }
  counts[kBoundsUs.size()] = h.count() - below;
  out.histogram(name, labels, kBoundsSeconds, counts, static_cast<double>(h.sum()) / 1e6);
}

}  // namespace

NodeMetrics::NodeMetrics(std::shared_ptr<const MetricNames> names) : names_(std::move(names)) {}

void NodeMetrics::Writer::route(uint32_t id, const RouteFigures& second) {
  if (id >= m_.routes_.size()) m_.routes_.resize(id + 1);
  auto& r = m_.routes_[id];
  if (!r) r = std::make_unique<Route>();
  if (!r->active) {
    r->active = true;
    m_.active_.push_back(id);
  }
  r->second.add(second);
  r->cumulative.add(second);
  m_.allSecond_.add(second);
  m_.all_.add(second);
}

void NodeMetrics::Writer::pluginPhase(uint32_t index, const metrics::LatencyHistogram& second) {
  if (index >= m_.pluginPhases_.size()) m_.pluginPhases_.resize(index + 1);
  auto& p = m_.pluginPhases_[index];
  if (!p) p = std::make_unique<PluginPhase>();
  p->second.add(second);
  p->cumulative.add(second);
}

void NodeMetrics::Writer::consumer(uint32_t id, const RouteFigures& second) {
  if (id >= m_.consumers_.size()) m_.consumers_.resize(id + 1);
  auto& c = m_.consumers_[id];
  if (!c) c = std::make_unique<Consumer>();
  if (c->second == 0) m_.activeConsumers_.push_back(id);
  c->second += second.requests;
  c->cumulative.add(second);
}

void NodeMetrics::Writer::target(uint32_t id, const RouteFigures& second) {
  if (id >= m_.targets_.size()) m_.targets_.resize(id + 1);
  auto& t = m_.targets_[id];
  if (!t) t = std::make_unique<RouteFigures>();
  t->add(second);
}

json NodeMetrics::closeSecond(int64_t wallMs, double seconds, SecondFigures* figures) {
  std::lock_guard lock(mutex_);
  if (seconds <= 0) seconds = 1;
  json f;
  f["seq"] = ++sequence_;
  f["time"] = wallMs;
  f["interval_s"] = seconds;
  f["requests"] = allSecond_.requests;
  f["rps"] = static_cast<double>(allSecond_.requests) / seconds;
  f["status"] = statusClasses(allSecond_);
  f["bytes"] = {{"in", allSecond_.bytesIn}, {"out", allSecond_.bytesOut}};
  f["latency_ms"] = {{"total", summary(allSecond_.total)},
                     {"gateway", summary(allSecond_.gateway)},
                     {"upstream_connect", summary(allSecond_.connect)},
                     {"upstream_ttfb", summary(allSecond_.ttfb)}};
  // Where the second's time went, summed over its requests (for stacked bars).
  f["time_ms"] = {{"total", ms(static_cast<double>(allSecond_.total.sum()))},
                  {"gateway", ms(static_cast<double>(allSecond_.gateway.sum()))},
                  {"plugins", ms(static_cast<double>(allSecond_.pluginUs))},
                  {"upstream_connect", ms(static_cast<double>(allSecond_.connect.sum()))},
                  {"upstream_ttfb", ms(static_cast<double>(allSecond_.ttfb.sum()))},
                  {"transfer", ms(static_cast<double>(allSecond_.transferUs))}};
  f["histogram"] = allSecond_.total.toJson();

  const auto routeJson = [&](uint32_t id, const Route& r) {
    const RouteLabels l = names_->routeLabels(id);
    const RouteFigures& s = r.second;
    return json{{"id", l.id},
                {"name", l.name},
                {"service", labelOr(l.serviceName, l.serviceId)},
                {"requests", s.requests},
                {"rps", static_cast<double>(s.requests) / seconds},
                {"errors", s.errors()},
                {"p50_ms", ms(static_cast<double>(s.total.percentile(0.5)))},
                {"p99_ms", ms(static_cast<double>(s.total.percentile(0.99)))},
                {"gateway_ms", ms(s.gateway.mean())},
                {"upstream_ms", ms(s.ttfb.mean())},
                {"plugins_share", s.total.sum() ? static_cast<double>(s.pluginUs) / static_cast<double>(s.total.sum()) : 0.0}};
  };
  std::vector<uint32_t> byRequests = active_, byP99 = active_;
  const auto top = [&](std::vector<uint32_t>& ids, auto better) {
    const size_t n = std::min(kTopRoutes, ids.size());
    std::partial_sort(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(n), ids.end(), better);
    json list = json::array();
    for (size_t i = 0; i < n; ++i) list.push_back(routeJson(ids[i], *routes_[ids[i]]));
    return list;
  };
  f["top_routes_by_requests"] = top(byRequests, [&](uint32_t a, uint32_t b) { return routes_[a]->second.requests > routes_[b]->second.requests; });
  f["top_routes_by_p99"] = top(byP99, [&](uint32_t a, uint32_t b) {
    return routes_[a]->second.total.percentile(0.99) > routes_[b]->second.total.percentile(0.99);
  });
  f["active_routes"] = active_.size();
  if (!activeConsumers_.empty()) {
    const size_t n = std::min(kTopRoutes, activeConsumers_.size());
    std::partial_sort(activeConsumers_.begin(), activeConsumers_.begin() + static_cast<std::ptrdiff_t>(n), activeConsumers_.end(),
                      [&](uint32_t a, uint32_t b) { return consumers_[a]->second > consumers_[b]->second; });
    json top = json::array();
    for (size_t i = 0; i < n; ++i) {
      const auto [id, name] = names_->consumerLabels(activeConsumers_[i]);
      top.push_back({{"id", id}, {"name", name}, {"requests", consumers_[activeConsumers_[i]]->second},
                     {"rps", static_cast<double>(consumers_[activeConsumers_[i]]->second) / seconds}});
    }
    f["top_consumers_by_requests"] = std::move(top);
    for (const uint32_t id : activeConsumers_) consumers_[id]->second = 0;
    activeConsumers_.clear();
  }

  json plugins = json::array();
  const double totalUs = static_cast<double>(allSecond_.total.sum());
  for (const PhaseTime& t : allSecond_.phases)
    plugins.push_back({{"plugin", names_->pluginName(t.plugin)},
                       {"phase", phaseName(static_cast<Phase>(t.phase))},
                       {"calls", t.calls},
                       {"ms", ms(static_cast<double>(t.micros))},
                       {"share", totalUs > 0 ? static_cast<double>(t.micros) / totalUs : 0.0}});
  f["plugins"] = std::move(plugins);

  if (figures) {
    figures->wallMs = wallMs;
    figures->requests = allSecond_.requests;
    figures->serverErrors = allSecond_.errors();
    figures->total = allSecond_.total;
    figures->routes.clear();
    figures->routes.reserve(active_.size());
    for (const uint32_t id : active_) {
      const RouteLabels l = names_->routeLabels(id);
      const RouteFigures& r = routes_[id]->second;
      figures->routes.push_back({l.id, l.serviceId, r.requests, r.errors(), r.total});
    }
  }

  // The second is over: into the minute windows, and the next one starts empty.
  const bool newMinute = sequence_ % 60 == 0;  // sequence_ counts the seconds closed
  for (const uint32_t id : active_) {
    Route& r = *routes_[id];
    r.minute.add(r.second.total);
    r.minuteRequests += r.second.requests;
    r.minuteErrors += r.second.errors();
    r.second.clear();
    r.active = false;
    r.idleSeconds = 0;
  }
  active_.clear();
  for (auto& r : routes_) {
    if (!r) continue;
    if (newMinute) {
      std::swap(r->minute, r->lastMinute);
      r->minute.clear();
      r->lastMinuteRequests = std::exchange(r->minuteRequests, 0);
      r->lastMinuteErrors = std::exchange(r->minuteErrors, 0);
    }
    // A route quiet for two minutes keeps its totals but gives back its window memory.
    if (++r->idleSeconds == kIdleSecondsBeforeRelease) {
      r->second = RouteFigures{};
      r->minute = r->lastMinute = metrics::LatencyHistogram{};
    }
  }
  allSecond_.clear();
  for (auto& p : pluginPhases_)
    if (p) p->second.clear();
  return f;
}

json NodeMetrics::routesTable() const {
  std::lock_guard lock(mutex_);
  json rows = json::array();
  for (uint32_t id = 0; id < routes_.size(); ++id) {
    const Route* r = routes_[id].get();
    if (!r || r->cumulative.requests == 0) continue;
    const RouteLabels l = names_->routeLabels(id);
    metrics::LatencyHistogram recent = r->lastMinute;  // the last full minute and this one so far
    recent.add(r->minute);
    const uint64_t recentRequests = r->lastMinuteRequests + r->minuteRequests;
    const uint64_t recentErrors = r->lastMinuteErrors + r->minuteErrors;
    const double window = static_cast<double>(60 + sequence_ % 60);
    const RouteFigures& c = r->cumulative;
    rows.push_back({{"id", l.id},
                    {"name", l.name},
                    {"service_id", l.serviceId},
                    {"service", labelOr(l.serviceName, l.serviceId)},
                    {"requests", c.requests},
                    {"errors", c.errors()},
                    {"status", statusClasses(c)},
                    {"bytes_in", c.bytesIn},
                    {"bytes_out", c.bytesOut},
                    {"recent", {{"seconds", window},
                                {"rps", static_cast<double>(recentRequests) / window},
                                {"error_rate", recentRequests ? static_cast<double>(recentErrors) / static_cast<double>(recentRequests) : 0.0},
                                {"latency_ms", summary(recent)}}},
                    {"latency_ms", {{"total", summary(c.total)},
                                    {"gateway", summary(c.gateway)},
                                    {"upstream_connect", summary(c.connect)},
                                    {"upstream_ttfb", summary(c.ttfb)}}},
                    {"plugins_share", c.total.sum() ? static_cast<double>(c.pluginUs) / static_cast<double>(c.total.sum()) : 0.0},
                    // Totals since start, per part: two reads a second apart give that second's split.
                    {"time_ms", {{"total", ms(static_cast<double>(c.total.sum()))},
                                 {"gateway", ms(static_cast<double>(c.gateway.sum()))},
                                 {"plugins", ms(static_cast<double>(c.pluginUs))},
                                 {"upstream_connect", ms(static_cast<double>(c.connect.sum()))},
                                 {"upstream_ttfb", ms(static_cast<double>(c.ttfb.sum()))},
                                 {"transfer", ms(static_cast<double>(c.transferUs))}}}});
  }
  return rows;
}

json NodeMetrics::servicesTable() const {
  std::lock_guard lock(mutex_);
  struct Service {
    std::string name;
    RouteFigures figures;
    size_t routes = 0;
  };
  std::map<std::string, Service> services;  // by service id
  for (uint32_t id = 1; id < routes_.size(); ++id) {
    const Route* r = routes_[id].get();
    if (!r || r->cumulative.requests == 0) continue;
    const RouteLabels l = names_->routeLabels(id);
    if (l.serviceId.empty()) continue;
    Service& s = services[l.serviceId];
    s.name = l.serviceName;
    s.figures.add(r->cumulative);
    ++s.routes;
  }
  json rows = json::array();
  for (const auto& [id, s] : services)
    rows.push_back({{"id", id},
                    {"name", s.name},
                    {"routes", s.routes},
                    {"requests", s.figures.requests},
                    {"errors", s.figures.errors()},
                    {"status", statusClasses(s.figures)},
                    {"bytes_in", s.figures.bytesIn},
                    {"bytes_out", s.figures.bytesOut},
                    {"latency_ms", {{"total", summary(s.figures.total)},
                                    {"gateway", summary(s.figures.gateway)},
                                    {"upstream_connect", summary(s.figures.connect)},
                                    {"upstream_ttfb", summary(s.figures.ttfb)}}},
                    {"plugins_share", s.figures.total.sum() ? static_cast<double>(s.figures.pluginUs) / static_cast<double>(s.figures.total.sum()) : 0.0}});
  return rows;
}

json NodeMetrics::targetsTable() const {
  std::lock_guard lock(mutex_);
  json rows = json::array();
  for (uint32_t id = 1; id < targets_.size(); ++id) {
    const RouteFigures* t = targets_[id].get();
    if (!t || t->requests == 0) continue;
    const auto [upstream, target] = names_->targetLabels(id);
    rows.push_back({{"upstream", upstream},
                    {"target", target},
                    {"requests", t->requests},
                    {"errors", t->errors()},
                    {"status", statusClasses(*t)},
                    {"latency_ms", {{"upstream_connect", summary(t->connect)}, {"upstream_ttfb", summary(t->ttfb)}, {"total", summary(t->total)}}}});
  }
  return rows;
}

json NodeMetrics::consumersTable() const {
  std::lock_guard lock(mutex_);
  json rows = json::array();
  for (uint32_t id = 1; id < consumers_.size(); ++id) {
    const Consumer* c = consumers_[id].get();
    if (!c || c->cumulative.requests == 0) continue;
    const auto [consumerId, name] = names_->consumerLabels(id);
    rows.push_back({{"id", consumerId},
                    {"name", name},
                    {"requests", c->cumulative.requests},
                    {"errors", c->cumulative.errors()},
                    {"status", statusClasses(c->cumulative)},
                    {"bytes_in", c->cumulative.bytesIn},
                    {"bytes_out", c->cumulative.bytesOut},
                    {"latency_ms", summary(c->cumulative.total)}});
  }
  return rows;
}

void NodeMetrics::renderPrometheus(PrometheusText& out) const {
  std::lock_guard lock(mutex_);
  std::vector<std::pair<uint32_t, RouteLabels>> routes;
  for (uint32_t id = 0; id < routes_.size(); ++id)
    if (routes_[id] && routes_[id]->cumulative.requests > 0) routes.emplace_back(id, names_->routeLabels(id));
  const auto routeLabel = [](const RouteLabels& l) { return labelOr(l.name, l.id); };
  if (!routes.empty()) {
    out.family("sluice_http_requests_total", "Requests answered, by route, service and status code", "counter");
    char code[8];
    for (const auto& [id, l] : routes) {
      const std::string route = routeLabel(l), service = labelOr(l.serviceName, l.serviceId);
      for (const auto& [c, n] : routes_[id]->cumulative.codes) {
        const auto r = std::to_chars(code, code + sizeof code, c);
        out.sample("sluice_http_requests_total",
                   {{"route", route}, {"service", service}, {"code", std::string_view(code, static_cast<size_t>(r.ptr - code))}},
                   static_cast<double>(n));
      }
    }
    out.family("sluice_http_bytes_total", "Bytes received from clients and sent to them, by route and service", "counter");
    for (const auto& [id, l] : routes) {
      const std::string route = routeLabel(l), service = labelOr(l.serviceName, l.serviceId);
      out.sample("sluice_http_bytes_total", {{"route", route}, {"service", service}, {"direction", "in"}},
                 static_cast<double>(routes_[id]->cumulative.bytesIn));
      out.sample("sluice_http_bytes_total", {{"route", route}, {"service", service}, {"direction", "out"}},
                 static_cast<double>(routes_[id]->cumulative.bytesOut));
    }
    out.family("sluice_route_latency_seconds", "Total request latency, by route and service", "histogram");
    for (const auto& [id, l] : routes)
      histogram(out, "sluice_route_latency_seconds", {{"route", routeLabel(l)}, {"service", labelOr(l.serviceName, l.serviceId)}},
                routes_[id]->cumulative.total);
    out.family("sluice_route_plugin_seconds_total", "Time spent in plugins, by route and service", "counter");
    for (const auto& [id, l] : routes)
      out.sample("sluice_route_plugin_seconds_total", {{"route", routeLabel(l)}, {"service", labelOr(l.serviceName, l.serviceId)}},
                 static_cast<double>(routes_[id]->cumulative.pluginUs) / 1e6);
  }
  bool anyConsumer = false;
  for (uint32_t id = 1; id < consumers_.size(); ++id) {
    const Consumer* c = consumers_[id].get();
    if (!c || c->cumulative.requests == 0) continue;
    if (!anyConsumer) out.family("sluice_consumer_requests_total", "Requests answered, by consumer and status code", "counter");
    anyConsumer = true;
    const std::string name = names_->consumerLabels(id).second;
    char code[8];
    for (const auto& [cd, n] : c->cumulative.codes) {
      const auto r = std::to_chars(code, code + sizeof code, cd);
      out.sample("sluice_consumer_requests_total", {{"consumer", name}, {"code", std::string_view(code, static_cast<size_t>(r.ptr - code))}},
                 static_cast<double>(n));
    }
  }
  if (anyConsumer) {
    out.family("sluice_consumer_latency_seconds", "Total request latency, by consumer", "histogram");
    for (uint32_t id = 1; id < consumers_.size(); ++id)
      if (consumers_[id] && consumers_[id]->cumulative.requests > 0)
        histogram(out, "sluice_consumer_latency_seconds", {{"consumer", names_->consumerLabels(id).second}}, consumers_[id]->cumulative.total);
  }
  out.family("sluice_http_latency_seconds",
             "Request latency of the node: total, the gateway's own time, upstream connect and time to first byte", "histogram");
  histogram(out, "sluice_http_latency_seconds", {{"part", "total"}}, all_.total);
  histogram(out, "sluice_http_latency_seconds", {{"part", "gateway"}}, all_.gateway);
  histogram(out, "sluice_http_latency_seconds", {{"part", "upstream_connect"}}, all_.connect);
  histogram(out, "sluice_http_latency_seconds", {{"part", "upstream_ttfb"}}, all_.ttfb);
  bool anyPlugin = false;
  for (uint32_t index = 0; index < pluginPhases_.size(); ++index) {
    if (!pluginPhases_[index] || pluginPhases_[index]->cumulative.count() == 0) continue;
    if (!anyPlugin) out.family("sluice_plugin_phase_seconds", "Time each plugin spends in each phase, per call", "histogram");
    anyPlugin = true;
    const std::string plugin = names_->pluginName(index / kPhaseCount);
    histogram(out, "sluice_plugin_phase_seconds",
              {{"plugin", plugin}, {"phase", phaseName(static_cast<Phase>(index % kPhaseCount))}},
              pluginPhases_[index]->cumulative);
  }
}

}  // namespace sluice::observe
