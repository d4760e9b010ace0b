#pragma once
// A target's health as a snapshot shows it. It is not configuration: it moves while snapshots come
// and go, so a snapshot's targets point at it and its owner keeps it across snapshots — the proxy,
// whose health checks move it (proxy/target_health.h, proxy/health_registry.h). Readers here: the
// balancer (a relaxed load per pick), the Admin API, the metrics page.
#include <atomic>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace sluice::snapshot {

enum class Outcome { Success, HttpFailure, TcpFailure, Timeout };

// Where an outcome was seen, for the reason a change of state gives.
struct Evidence {
  const char* source = "passive";  // "active" (a probe) or "passive" (a proxied request)
  int status = 0;                  // the HTTP status, when there was one
};

// A change of a target's health, as GET /upstreams/{u}/health/history lists it.
struct HealthEvent {
  int64_t atMs = 0;  // wall clock
  std::string target;
  bool healthy = true;
  std::string reason;
  std::string source;  // active, passive, manual, dns
};

class TargetHealth {
 public:
  virtual ~TargetHealth() = default;
  bool healthy() const { return up_.load(std::memory_order_relaxed); }

  // Applies an outcome with the thresholds in force (0 disables that rule); true if the state flipped.
  virtual bool record(Outcome outcome, uint32_t successesToHeal, uint32_t threshold, Evidence evidence = {}) = 0;
  // Sets the state by hand (the Admin API's healthy/unhealthy), with the reason shown.
  virtual void set(bool healthy, const std::string& why) = 0;
  virtual std::string lastChange() const = 0;

 protected:
  std::atomic<bool> up_{true};
};

// Where the compiler gets each target's health: the same object for the same target in every
// snapshot, so an unhealthy target stays so when an unrelated route changes.
class HealthSource {
 public:
  virtual ~HealthSource() = default;
  virtual std::shared_ptr<TargetHealth> get(const std::string& upstreamId, const std::string& target) = 0;
  // Drops the entries of targets that no longer exist (keys as key() makes them).
  virtual void keepOnly(const std::set<std::string>& keys) = 0;
  static std::string key(const std::string& upstreamId, const std::string& target) { return upstreamId + "|" + target; }
  // The upstream's changes of target health since `sinceMs` (wall clock), oldest first.
  virtual std::vector<HealthEvent> history(const std::string& upstreamId, int64_t sinceMs) const = 0;
  // The addresses a target's host resolved to in a new snapshot: a change (or no answer at all)
  // goes into the history with source "dns".
  virtual void noteAddresses(const std::string& upstreamId, const std::string& target, const std::vector<std::string>& addresses) {
    (void)upstreamId, (void)target, (void)addresses;
  }
};

}  // namespace sluice::snapshot
