#pragma once
// A thread of its own that runs a piece of work every period, on the period's boundaries (a slow
// run does not shift the ones after it; a machine that stalled gets no burst of catch-up runs),
// until stop(), which wakes it at once and joins it. For background duties — the metrics
// aggregator's second, the health checker's probes — never for the request path.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace sluice::core {

class PeriodicThread {
 public:
  PeriodicThread() = default;
  PeriodicThread(const PeriodicThread&) = delete;
  PeriodicThread& operator=(const PeriodicThread&) = delete;
  ~PeriodicThread() { stop(); }

  // Starts the thread (a second start while it runs does nothing); the first run comes one period
  // from now.
  void start(std::chrono::milliseconds period, std::function<void()> work);
  void stop();

 private:
  void run(std::chrono::milliseconds period);

  std::function<void()> work_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace sluice::core
