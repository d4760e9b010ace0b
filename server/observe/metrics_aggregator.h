#pragma once
// The one thread that closes each second: it asks every reactor to hand over its figures (on the
// reactor's own thread, between events), closes the second in NodeMetrics, adds the node figures
// (connections, target health) and publishes the frame. Nothing here runs on the request path.
#include "observe/live_frames.h"
#include "observe/node_metrics.h"

#include "core/periodic_thread.h"

#include <functional>
#include <memory>
#include <mutex>

namespace sluice::observe {

class MetricsAggregator {
 public:
  // flushReactors: makes every reactor flush into the NodeMetrics and returns when they have
  // (or after a short deadline). nodeFigures: adds what the node knows to a frame.
  MetricsAggregator(std::shared_ptr<NodeMetrics> metrics, std::shared_ptr<LiveFrames> frames,
                    std::function<void()> flushReactors, std::function<void(nlohmann::json&)> nodeFigures);
  ~MetricsAggregator();

  // Told of each closed second's figures, on the aggregator's thread before the frame is
  // published (the alert rules). `routesWanted` says whether it reads the routes' figures this
  // second (copying them costs a histogram per active route); when not, it gets the time alone.
  // Set before start().
  void onSecond(std::function<void(const SecondFigures&)> observer, std::function<bool()> routesWanted) {
    onSecond_ = std::move(observer);
    routesWanted_ = std::move(routesWanted);
  }

  void start();
  void stop();
  // One tick now (the thread calls it once a second).
  void tick();

 private:
  std::shared_ptr<NodeMetrics> metrics_;
  std::shared_ptr<LiveFrames> frames_;
  std::function<void()> flushReactors_;
  std::function<void(nlohmann::json&)> nodeFigures_;
  std::function<void(const SecondFigures&)> onSecond_;
  std::function<bool()> routesWanted_;
  SecondFigures second_;  // reused: its vectors keep their capacity
  std::mutex tickMutex_;  // tick() from the thread and from callers, one at a time
  std::chrono::steady_clock::time_point lastTick_;
  core::PeriodicThread thread_;  // ticks on the steady clock's second boundaries
};

}  // namespace sluice::observe
