#include "observe/route_figures.h"

#include <algorithm>

namespace sluice::observe {
namespace {

void addCode(std::vector<std::pair<uint16_t, uint64_t>>& codes, uint16_t code, uint64_t n) {
  const auto it = std::lower_bound(codes.begin(), codes.end(), code, [](const auto& p, uint16_t c) { return p.first < c; });
  if (it != codes.end() && it->first == code) it->second += n;
  else codes.insert(it, {code, n});
}

void addPhase(std::vector<PhaseTime>& phases, uint32_t plugin, uint8_t phase, uint64_t calls, uint64_t micros) {
  const auto key = [](uint32_t p, uint8_t ph) { return (uint64_t{p} << 8) | ph; };
  const auto it = std::lower_bound(phases.begin(), phases.end(), key(plugin, phase),
                                   [&](const PhaseTime& t, uint64_t k) { return key(t.plugin, t.phase) < k; });
  if (it != phases.end() && it->plugin == plugin && it->phase == phase) {
    it->calls += calls;
    it->micros += micros;
  } else {
    phases.insert(it, PhaseTime{plugin, phase, calls, micros});
  }
}

}  // namespace

void RouteFigures::record(const RequestRecord& r) {
  ++requests;
  const int cls = r.status / 100;
  ++classes[cls >= 1 && cls <= 5 ? static_cast<size_t>(cls) : 0];
  if (r.status > 0 && r.status < 1000) addCode(codes, static_cast<uint16_t>(r.status), 1);
  bytesIn += r.bytesIn;
  bytesOut += r.bytesOut;
  total.record(r.totalUs);
  gateway.record(r.gatewayUs);
  if (r.connectUs >= 0) connect.record(static_cast<uint64_t>(r.connectUs));
  if (r.ttfbUs >= 0) ttfb.record(static_cast<uint64_t>(r.ttfbUs));
  transferUs += r.transferUs;
  for (const PhaseTiming& t : r.timings) {
    pluginUs += t.micros;
    addPhase(phases, t.plugin, static_cast<uint8_t>(t.phase), 1, t.micros);
  }
}

void RouteFigures::add(const RouteFigures& o) {
  requests += o.requests;
  for (size_t i = 0; i < classes.size(); ++i) classes[i] += o.classes[i];
  for (const auto& [code, n] : o.codes) addCode(codes, code, n);
  bytesIn += o.bytesIn;
  bytesOut += o.bytesOut;
  total.add(o.total);
  gateway.add(o.gateway);
  connect.add(o.connect);
  ttfb.add(o.ttfb);
  transferUs += o.transferUs;
  pluginUs += o.pluginUs;
  for (const PhaseTime& t : o.phases) addPhase(phases, t.plugin, t.phase, t.calls, t.micros);
}

void RouteFigures::clear() {
  requests = bytesIn = bytesOut = transferUs = pluginUs = 0;
  classes.fill(0);
  codes.clear();
  total.clear();
  gateway.clear();
  connect.clear();
  ttfb.clear();
  phases.clear();
}

}  // namespace sluice::observe
