#pragma once
// The figures kept per route (and for the node as a whole): counts by status, bytes, latency
// histograms of the total, gateway, upstream connect and upstream time-to-first-byte, and the
// time spent per plugin and phase. A reactor fills one per route for the current second; once a
// second it adds them into the node's (route_figures are added, never subtracted).
#include "metrics/latency_histogram.h"
#include "observe/request_record.h"

#include <array>
#include <cstdint>
#include <vector>

namespace sluice::observe {

struct PhaseTime {
  uint32_t plugin = 0;  // MetricNames plugin id
  uint8_t phase = 0;    // observe::Phase
  uint64_t calls = 0, micros = 0;
};

struct RouteFigures {
  uint64_t requests = 0;
  std::array<uint64_t, 6> classes{};                 // [1]..[5]: 1xx..5xx; [0]: anything else
  std::vector<std::pair<uint16_t, uint64_t>> codes;  // by code, sorted
  uint64_t bytesIn = 0, bytesOut = 0;
  metrics::LatencyHistogram total, gateway, connect, ttfb;
  uint64_t transferUs = 0, pluginUs = 0;
  std::vector<PhaseTime> phases;  // by (plugin, phase), sorted

  void record(const RequestRecord& r);
  void add(const RouteFigures& other);
  void clear();  // keeps capacity and histogram blocks
  uint64_t errors() const { return classes[5]; }
};

}  // namespace sluice::observe
