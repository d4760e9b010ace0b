#pragma once
// Active health checks: one thread (never a reactor) probes the targets of every upstream whose
// healthchecks.active intervals are set — an HTTP GET of http_path (statuses judged by the healthy
// and unhealthy lists) or a TCP connect — every healthy.interval while a target is healthy and
// every unhealthy.interval while it is not, and moves its shared health state with Kong's
// consecutive-count thresholds.
#include "snapshot/snapshot_publisher.h"

#include "core/periodic_thread.h"

#include <map>

namespace sluice::proxy {

class HealthChecker {
 public:
  explicit HealthChecker(snapshot::SnapshotPublisher& publisher) : publisher_(publisher) {}
  ~HealthChecker() { stop(); }
  void start();
  void stop();

 private:
  void probeDueTargets();
  void probe(const snapshot::UpstreamRuntime& upstream, const snapshot::TargetRuntime& target);

  snapshot::SnapshotPublisher& publisher_;
  std::map<std::string, std::chrono::steady_clock::time_point> due_;  // the thread's own
  core::PeriodicThread thread_;
};

}  // namespace sluice::proxy
