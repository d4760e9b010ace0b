#pragma once
// The health of one target as every worker sees it: a flag read with a relaxed load on the request
// path, and the consecutive counters that move it. Active probes and passive outcomes share the
// counters, as in Kong (lua-resty-healthcheck): a success clears the failure counts and a failure
// clears the success count.
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>

namespace sluice::snapshot {

enum class Outcome { Success, HttpFailure, TcpFailure, Timeout };

struct TargetHealth {
  std::atomic<bool> up{true};
  bool healthy() const { return up.load(std::memory_order_relaxed); }

  // Applies an outcome with the thresholds in force (0 disables that rule); true if the state flipped.
  bool record(Outcome outcome, uint32_t successesToHeal, uint32_t threshold);
  void set(bool healthy, const std::string& why);
  std::string lastChange() const;

 private:
  mutable std::mutex mutex_;  // outcomes are rare next to requests: a response whose status is listed
  uint32_t successes_ = 0, httpFailures_ = 0, tcpFailures_ = 0, timeouts_ = 0;
  std::string why_;
};

}  // namespace sluice::snapshot
