#pragma once
// Active health checks: one thread (never a reactor) probes the targets of every upstream whose
// healthchecks.active intervals are set — an HTTP GET of http_path (statuses judged by the healthy
// and unhealthy lists) or a TCP connect — every healthy.interval while a target is healthy and
// every unhealthy.interval while it is not, and moves its shared health state with Kong's
// consecutive-count thresholds.
#include "snapshot/snapshot_publisher.h"

#include <condition_variable>
#include <map>
#include <thread>

namespace sluice::proxy {

class HealthChecker {
 public:
  explicit HealthChecker(snapshot::SnapshotPublisher& publisher) : publisher_(publisher) {}
  ~HealthChecker() { stop(); }
  void start();
  void stop();

 private:
  void loop();
  void probe(const snapshot::UpstreamRuntime& upstream, const snapshot::TargetRuntime& target);

  snapshot::SnapshotPublisher& publisher_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::map<std::string, std::chrono::steady_clock::time_point> due_;
  std::thread thread_;
};

}  // namespace sluice::proxy
