#pragma once
// The health checks' bookkeeping of one target: the consecutive counters that move its state.
// Active probes and passive outcomes share the counters, as in Kong (lua-resty-healthcheck): a
// success clears the failure counts and a failure clears the success count. Each change of state
// goes into the node's health history with its reason.
#include "proxy/health_history.h"
#include "snapshot/target_health.h"

#include <memory>
#include <mutex>

namespace sluice::proxy {

class CheckedTarget final : public snapshot::TargetHealth {
 public:
  CheckedTarget() = default;  // no history kept (tests)
  CheckedTarget(std::shared_ptr<HealthHistory> history, std::string upstreamId, std::string target)
      : history_(std::move(history)), upstreamId_(std::move(upstreamId)), target_(std::move(target)) {}

  bool record(snapshot::Outcome outcome, uint32_t successesToHeal, uint32_t threshold, snapshot::Evidence evidence = {}) override;
  void set(bool healthy, const std::string& why) override;
  std::string lastChange() const override;

 private:
  void remember(bool healthy, const std::string& reason, const char* source);  // under mutex_

  mutable std::mutex mutex_;  // outcomes are rare next to requests: a response whose status is listed
  uint32_t successes_ = 0, httpFailures_ = 0, tcpFailures_ = 0, timeouts_ = 0;
  std::string why_;
  std::shared_ptr<HealthHistory> history_;
  std::string upstreamId_, target_;
};

}  // namespace sluice::proxy
