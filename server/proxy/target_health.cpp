#include "proxy/target_health.h"

namespace sluice::proxy {
using snapshot::Outcome;

bool CheckedTarget::record(Outcome outcome, uint32_t successesToHeal, uint32_t threshold) {
  std::lock_guard lock(mutex_);
  const bool wasUp = up_.load(std::memory_order_relaxed);
  if (outcome == Outcome::Success) {
    httpFailures_ = tcpFailures_ = timeouts_ = 0;
    ++successes_;
    if (!wasUp && successesToHeal > 0 && successes_ >= successesToHeal) {
      up_.store(true, std::memory_order_relaxed);
      successes_ = 0;
      why_ = "healthy after " + std::to_string(successesToHeal) + " successes";
      return true;
    }
    return false;
  }
  successes_ = 0;
  uint32_t& counter = outcome == Outcome::HttpFailure ? httpFailures_ : outcome == Outcome::TcpFailure ? tcpFailures_ : timeouts_;
  ++counter;
  if (wasUp && threshold > 0 && counter >= threshold) {
    up_.store(false, std::memory_order_relaxed);
    why_ = "unhealthy after " + std::to_string(counter) +
           (outcome == Outcome::HttpFailure ? " HTTP failures" : outcome == Outcome::TcpFailure ? " TCP failures" : " timeouts");
    httpFailures_ = tcpFailures_ = timeouts_ = 0;
    return true;
  }
  return false;
}

void CheckedTarget::set(bool healthy, const std::string& why) {
  std::lock_guard lock(mutex_);
  up_.store(healthy, std::memory_order_relaxed);
  successes_ = httpFailures_ = tcpFailures_ = timeouts_ = 0;
  why_ = why;
}

std::string CheckedTarget::lastChange() const {
  std::lock_guard lock(mutex_);
  return why_;
}

}  // namespace sluice::proxy
