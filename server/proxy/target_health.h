#pragma once
// The health checks' bookkeeping of one target: the consecutive counters that move its state.
// Active probes and passive outcomes share the counters, as in Kong (lua-resty-healthcheck): a
// success clears the failure counts and a failure clears the success count.
#include "snapshot/target_health.h"

#include <mutex>

namespace sluice::proxy {

class CheckedTarget final : public snapshot::TargetHealth {
 public:
  bool record(snapshot::Outcome outcome, uint32_t successesToHeal, uint32_t threshold) override;
  void set(bool healthy, const std::string& why) override;
  std::string lastChange() const override;

 private:
  mutable std::mutex mutex_;  // outcomes are rare next to requests: a response whose status is listed
  uint32_t successes_ = 0, httpFailures_ = 0, tcpFailures_ = 0, timeouts_ = 0;
  std::string why_;
};

}  // namespace sluice::proxy
