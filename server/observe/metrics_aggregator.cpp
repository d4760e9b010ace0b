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
  if (thread_.joinable()) return;
  stopping_ = false;
  lastTick_ = std::chrono::steady_clock::now();
  thread_ = std::thread([this] { run(); });
}

void MetricsAggregator::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void MetricsAggregator::run() {
  // Ticks on the second boundaries of the steady clock, so frames stay a second apart however
  // long a tick takes.
  auto next = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (wake_.wait_until(lock, next, [this] { return stopping_; })) break;
    lock.unlock();
    tick();
    lock.lock();
    next += std::chrono::seconds(1);
    const auto now = std::chrono::steady_clock::now();
    if (next < now) next = now + std::chrono::seconds(1);  // fell behind (a stalled machine): no burst of ticks
  }
}

void MetricsAggregator::tick() {
  std::lock_guard lock(tickMutex_);
  if (flushReactors_) flushReactors_();
  const auto now = std::chrono::steady_clock::now();
  const double seconds = std::chrono::duration<double>(now - lastTick_).count();
  lastTick_ = now;
  nlohmann::json frame = metrics_->closeSecond(core::unixMillis(), seconds);
  if (nodeFigures_) nodeFigures_(frame);
  frames_->push(frame["seq"].get<uint64_t>(), frame);
}

}  // namespace sluice::observe
