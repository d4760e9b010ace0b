#pragma once
// What one finished exchange tells the metrics: where it went, how it ended, and where its time
// went. Built by the session at the end of each exchange from the times it took on the way.
#include "observe/phase_timing.h"

#include <cstdint>
#include <span>

namespace sluice::observe {

struct RequestRecord {
  uint32_t route = 0;     // MetricNames id; 0: no route matched
  uint32_t consumer = 0;  // MetricNames consumer id, when per-consumer figures are on; 0: none
  uint32_t target = 0;    // MetricNames target id of the upstream target that answered; 0: none
  int status = 0;
  uint64_t bytesIn = 0, bytesOut = 0;
  // Microseconds. total = gateway + connect + ttfb + transfer, give or take the clock reads.
  uint64_t totalUs = 0;
  uint64_t gatewayUs = 0;   // Sluice's own time: before the request went upstream (connect excluded), or all of a local answer
  int64_t connectUs = -1;   // a new upstream connection (TCP, and TLS when https); -1: a kept-alive one, or none
  int64_t ttfbUs = -1;      // request sent → response head; -1: no upstream answer
  uint64_t transferUs = 0;  // response head → last byte to the client
  std::span<const PhaseTiming> timings;  // per plugin phase that ran
};

}  // namespace sluice::observe
