#include "proxy/target_health.h"

#include "core/clock.h"

namespace sluice::proxy {
using snapshot::Outcome;

namespace {
// "(active probe: HTTP 500)", "(proxied request: HTTP 502)", "(active probe)".
std::string seenIn(const snapshot::Evidence& e) {
  std::string where = std::string(e.source) == "active" ? "active probe" : "proxied requests";
  if (e.status > 0) where += ": last HTTP " + std::to_string(e.status);
  return " (" + where + ")";
}
}  // namespace

void CheckedTarget::remember(bool healthy, const std::string& reason, const char* source) {
  why_ = reason;
  if (history_) history_->add(upstreamId_, {core::unixMillis(), target_, healthy, reason, source});
}

bool CheckedTarget::record(Outcome outcome, uint32_t successesToHeal, uint32_t threshold, snapshot::Evidence evidence) {
  std::lock_guard lock(mutex_);
  const bool wasUp = up_.load(std::memory_order_relaxed);
  if (outcome == Outcome::Success) {
    httpFailures_ = tcpFailures_ = timeouts_ = 0;
    ++successes_;
    if (!wasUp && successesToHeal > 0 && successes_ >= successesToHeal) {
      up_.store(true, std::memory_order_relaxed);
      successes_ = 0;
      remember(true, "healthy after " + std::to_string(successesToHeal) + " successes" + seenIn(evidence), evidence.source);
      return true;
    }
    return false;
  }
  successes_ = 0;
  uint32_t& counter = outcome == Outcome::HttpFailure ? httpFailures_ : outcome == Outcome::TcpFailure ? tcpFailures_ : timeouts_;
  ++counter;
  if (wasUp && threshold > 0 && counter >= threshold) {
    up_.store(false, std::memory_order_relaxed);
    remember(false,
             "unhealthy after " + std::to_string(counter) +
                 (outcome == Outcome::HttpFailure ? " HTTP failures" : outcome == Outcome::TcpFailure ? " TCP failures" : " timeouts") +
                 seenIn(evidence),
             evidence.source);
    httpFailures_ = tcpFailures_ = timeouts_ = 0;
    return true;
  }
  return false;
}

void CheckedTarget::set(bool healthy, const std::string& why) {
  std::lock_guard lock(mutex_);
  up_.store(healthy, std::memory_order_relaxed);
  successes_ = httpFailures_ = tcpFailures_ = timeouts_ = 0;
  remember(healthy, why, "manual");
}

std::string CheckedTarget::lastChange() const {
  std::lock_guard lock(mutex_);
  return why_;
}

}  // namespace sluice::proxy
