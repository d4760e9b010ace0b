#pragma once
// What a load test measured: counts, errors by kind, status codes, latency histograms (in an
// open-loop run `latency` is measured from each request's intended start — corrected for
// coordinated omission — and `uncorrected` from the moment it was written), a per-second
// timeline, and the verdict of its thresholds. JSON for machines (`toJson`), CSV for the timeline.
#include "metrics/latency_histogram.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sluice::loadgen {

struct ErrorCounts {
  uint64_t connect = 0;   // refused, unreachable, or no connection within the connect timeout
  uint64_t timeout = 0;   // no complete answer within the request timeout
  uint64_t reset = 0;     // the connection closed or reset in the middle of an exchange
  uint64_t tls = 0;       // the TLS handshake failed
  uint64_t protocol = 0;  // an answer that is not HTTP/1.x
  uint64_t transport() const { return connect + timeout + reset + tls + protocol; }
  void add(const ErrorCounts& o) {
    connect += o.connect, timeout += o.timeout, reset += o.reset, tls += o.tls, protocol += o.protocol;
  }
};

// One second of a run, as the progress callback and the timeline see it.
struct SecondFigures {
  uint32_t second = 0;        // since the start
  uint64_t requests = 0;      // ended this second: answered or failed
  uint64_t errors = 0;        // failed, or answered with a status outside 200-399
  uint64_t bytesRead = 0;
  int connections = 0;        // open at the end of the second
  double targetRate = 0;      // the open-loop rate asked for (0 in closed loop)
  metrics::LatencyHistogram latency;
  void add(const SecondFigures& o);
};

// A second as the timeline keeps it (no histogram).
struct TimelinePoint {
  uint32_t second = 0;
  uint64_t requests = 0, errors = 0, bytesRead = 0;
  int connections = 0;
  double targetRate = 0;
  double p50Ms = 0, p90Ms = 0, p99Ms = 0, maxMs = 0, meanMs = 0;
  static TimelinePoint of(const SecondFigures& s);
  nlohmann::json toJson() const;
};

struct ThresholdVerdict {
  std::string threshold;
  double value = 0;
  bool ok = false;
};

struct LoadResult {
  std::string url;
  std::string mode;  // "closed-loop", "constant-rate", "ramping-rate", "ramping-connections"
  int threads = 0, connections = 0;
  double rate = 0;
  double durationSeconds = 0;
  bool cancelled = false;
  uint64_t requests = 0;   // ended: answered or failed
  uint64_t responses = 0;  // answered (any status)
  uint64_t dropped = 0;    // open loop: due before the end but never sent (every connection busy)
  // The generator's own limits: open-loop requests it sent late while a connection was free, and
  // its busiest thread's CPU share. Past kGeneratorBusy or kGeneratorLate the figures describe
  // the tool, not the server.
  uint64_t late = 0;
  double busiestThreadCpu = 0;  // 0..1
  static constexpr double kGeneratorBusy = 0.9, kGeneratorLate = 0.05;
  bool generatorLimited() const;
  std::string generatorWarning() const;  // empty when the generator kept up
  uint64_t bytesRead = 0, bytesWritten = 0, reconnects = 0;
  ErrorCounts transportErrors;
  std::map<int, uint64_t> statuses;
  std::vector<std::pair<std::string, uint64_t>> perTemplate;  // responses per request template
  metrics::LatencyHistogram latency;
  metrics::LatencyHistogram uncorrected;  // open loop only
  std::vector<TimelinePoint> timeline;
  std::vector<ThresholdVerdict> thresholds;
  bool passed = true;

  uint64_t statusErrors() const;  // answers outside 200-399
  uint64_t errors() const { return transportErrors.transport() + statusErrors(); }
  double rps() const { return durationSeconds > 0 ? static_cast<double>(requests) / durationSeconds : 0; }
  double errorRate() const { return requests ? static_cast<double>(errors()) / static_cast<double>(requests) : 0; }

  nlohmann::json toJson() const;
  std::string timelineCsv() const;
};

// {"min":..,"mean":..,"p50":..,"p75":..,"p90":..,"p99":..,"p99.9":..,"p99.99":..,"max":..} in ms.
nlohmann::json latencySummary(const metrics::LatencyHistogram& h);

}  // namespace sluice::loadgen
