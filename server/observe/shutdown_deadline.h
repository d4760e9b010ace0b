#pragma once
// When the node is told to stop, log shippers have until the drain timeout to deliver what is
// queued: after that they drop it (counted and logged) instead of retrying an endpoint that is
// down, so that SIGTERM ends the process in bounded time. One per node, in the node state under
// kShutdownDeadlineKey; its waits wake at once when the shutdown starts.
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace sluice::observe {

inline constexpr const char* kShutdownDeadlineKey = "observe:shutdown";

class ShutdownDeadline {
 public:
  using Clock = std::chrono::steady_clock;

  // From now on, deliveries must be done within `budget`.
  void start(std::chrono::milliseconds budget);
  // Time left for one attempt: `wanted`, or less once the shutdown has started.
  std::chrono::milliseconds cap(std::chrono::milliseconds wanted) const;
  // Pauses between retries; returns early when the shutdown starts. False once the deadline passed.
  bool pause(std::chrono::milliseconds pause);

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool stopping_ = false;
  Clock::time_point deadline_{};
};

}  // namespace sluice::observe
