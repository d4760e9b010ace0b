#pragma once
// A slow (or asked-for) request's timeline: when each step happened, relative to the moment its
// head was parsed, so the manager can draw it as a waterfall and say where the time went.
#include "observe/metric_names.h"
#include "observe/request_record.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::observe {

// The moments of one exchange (monotonic µs; 0: did not happen).
struct TraceTimes {
  uint64_t accepted = 0;  // the connection's accept, for its first request
  uint64_t parsed = 0;    // the head was complete: time zero of the trace
  uint64_t routed = 0;
  uint64_t pluginsStart = 0;
  uint64_t peerChosen = 0, tcpConnected = 0, connected = 0;  // connected: TLS done for https
  uint64_t requestSent = 0, firstByte = 0, lastByte = 0, logged = 0;
};

// What a trace is made of, copied out of the exchange (which is reused at once); turned into JSON
// later, off the request path, by buildTrace.
struct TraceInput {
  TraceTimes times;
  uint32_t route = 0;
  int status = 0;
  uint64_t totalUs = 0, gatewayUs = 0, transferUs = 0;
  int64_t connectUs = -1, ttfbUs = -1;
  struct PluginPhase {
    uint32_t plugin;  // MetricNames plugin id
    uint8_t phase;    // observe::Phase
    uint32_t micros;
  };
  std::vector<PluginPhase> phases;  // in the order they ran
  int64_t startedAtMs = 0;          // wall clock
  std::string requestId, method, path, host, clientIp, peer;
  bool clientTls = false;  // the request came over TLS
  bool forced = false;
  bool tls = false;

  // The record's figures and plugin phases.
  void take(const RequestRecord& r);
};

nlohmann::json buildTrace(const TraceInput& in, const MetricNames& names);

}  // namespace sluice::observe
