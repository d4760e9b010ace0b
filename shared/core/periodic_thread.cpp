#include "core/periodic_thread.h"

namespace sluice::core {

void PeriodicThread::start(std::chrono::milliseconds period, std::function<void()> work) {
  if (thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = false;
  }
  work_ = std::move(work);
  thread_ = std::thread([this, period] { run(period); });
}

void PeriodicThread::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PeriodicThread::run(std::chrono::milliseconds period) {
  auto next = std::chrono::steady_clock::now() + period;
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (wake_.wait_until(lock, next, [this] { return stopping_; })) break;
    lock.unlock();
    work_();
    lock.lock();
    next += period;
    const auto now = std::chrono::steady_clock::now();
    if (next < now) next = now + period;  // fell behind: start again from now, no burst
  }
}

}  // namespace sluice::core
