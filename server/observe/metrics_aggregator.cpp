#include "observe/metrics_aggregator.h"

#include "core/clock.h"

#include <chrono>

namespace sluice::observe {

MetricsAggregator::MetricsAggregator(std::shared_ptr<NodeMetrics> metrics, std::shared_ptr<LiveFrames> frames,
                                     std::function<void()> flushReactors, std::function<void(nlohmann::json&)> nodeFigures)
    : metrics_(std::move(metrics)),
      frames_(std::move(frames)),
      flushReactors_(std::move(flushReactors)),
      nodeFigures_(std::move(nodeFigures)),
      lastTick_(std::chrono::steady_clock::now()) {}

MetricsAggregator::~MetricsAggregator() { stop(); }

void MetricsAggregator::start() {
  {
    std::lock_guard lock(tickMutex_);
    lastTick_ = std::chrono::steady_clock::now();
  }
  // Frames stay a second apart however long a tick takes.
  thread_.start(std::chrono::seconds(1), [this] { tick(); });
}

void MetricsAggregator::stop() { thread_.stop(); }

void MetricsAggregator::tick() {
  std::lock_guard lock(tickMutex_);
  if (flushReactors_) flushReactors_();
  const auto now = std::chrono::steady_clock::now();
  const double seconds = std::chrono::duration<double>(now - lastTick_).count();
  lastTick_ = now;
  const bool figures = onSecond_ && (!routesWanted_ || routesWanted_());
  const int64_t wallMs = core::unixMillis();
  nlohmann::json frame = metrics_->closeSecond(wallMs, seconds, figures ? &second_ : nullptr);
  if (onSecond_) {
    if (!figures) {
      second_ = SecondFigures{};
      second_.wallMs = wallMs;
    }
    onSecond_(second_);
  }
  if (nodeFigures_) nodeFigures_(frame);
  frames_->push(frame["seq"].get<uint64_t>(), frame);
}

}  // namespace sluice::observe
