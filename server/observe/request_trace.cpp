#include "observe/request_trace.h"

namespace sluice::observe {
namespace {

double msBetween(uint64_t from, uint64_t to) {
  return (static_cast<double>(to) - static_cast<double>(from)) / 1000.0;
}

}  // namespace

void TraceInput::take(const RequestRecord& r) {
  route = r.route;
  status = r.status;
  totalUs = r.totalUs;
  gatewayUs = r.gatewayUs;
  transferUs = r.transferUs;
  connectUs = r.connectUs;
  ttfbUs = r.ttfbUs;
  phases.clear();
  for (const PhaseTiming& p : r.timings) phases.push_back({p.plugin, static_cast<uint8_t>(p.phase), p.micros});
}

nlohmann::json buildTrace(const TraceInput& in, const MetricNames& names) {
  using nlohmann::json;
  const TraceTimes& t = in.times;
  const TraceInput& r = in;
  const RouteLabels route = names.routeLabels(r.route);
  json timeline = json::array();
  const auto event = [&](const char* name, uint64_t at) {
    if (at) timeline.push_back({{"event", name}, {"at_ms", msBetween(t.parsed, at)}});
  };
  event("connection accepted", t.accepted);
  event("headers parsed", t.parsed);
  event("routed", t.routed);
  // Plugin phases ran back to back: rewrite and access from pluginsStart, header_filter once the
  // response head was in, log after the last byte.
  uint64_t requestClock = t.pluginsStart, responseClock = t.firstByte, logClock = t.lastByte;
  for (const TraceInput::PluginPhase& p : r.phases) {
    const auto phase = static_cast<Phase>(p.phase);
    uint64_t& clock = phase == Phase::Log                                               ? logClock
                      : phase == Phase::HeaderFilter || phase == Phase::BodyFilter ? responseClock
                                                                                                   : requestClock;
    if (!clock) continue;
    timeline.push_back({{"event", "plugin"},
                        {"plugin", names.pluginName(p.plugin)},
                        {"phase", phaseName(phase)},
                        {"at_ms", msBetween(t.parsed, clock)},
                        {"duration_ms", p.micros / 1000.0}});
    clock += p.micros;
  }
  event("peer chosen", t.peerChosen);
  if (in.tls) event("tcp connected", t.tcpConnected);
  event(in.tls ? "tls done" : "connected", t.connected);
  event("request sent", t.requestSent);
  event("first byte", t.firstByte);
  event("last byte", t.lastByte);
  event("logged", t.logged);

  uint64_t pluginUs = 0;
  for (const TraceInput::PluginPhase& p : r.phases) pluginUs += p.micros;
  return json{{"id", in.requestId},
              {"started_at", in.startedAtMs},
              {"route", {{"id", route.id}, {"name", route.name}}},
              {"service", {{"id", route.serviceId}, {"name", route.serviceName}}},
              {"method", in.method},
              {"path", in.path},
              {"host", in.host},
              {"scheme", in.clientTls ? "https" : "http"},
              {"client_ip", in.clientIp},
              {"status", r.status},
              {"upstream", in.peer.empty() ? json(nullptr) : json(in.peer)},
              {"forced", in.forced},
              {"total_ms", r.totalUs / 1000.0},
              {"parts_ms",
               {{"gateway", r.gatewayUs / 1000.0},
                {"plugins", pluginUs / 1000.0},
                {"upstream_connect", r.connectUs > 0 ? r.connectUs / 1000.0 : 0.0},
                {"upstream_ttfb", r.ttfbUs > 0 ? r.ttfbUs / 1000.0 : 0.0},
                {"transfer", r.transferUs / 1000.0}}},
              {"timeline", std::move(timeline)}};
}

}  // namespace sluice::observe
