#include "observe/shutdown_deadline.h"

#include <algorithm>

namespace sluice::observe {

void ShutdownDeadline::start(std::chrono::milliseconds budget) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
    deadline_ = Clock::now() + budget;
  }
  changed_.notify_all();
}

std::chrono::milliseconds ShutdownDeadline::cap(std::chrono::milliseconds wanted) const {
  std::lock_guard lock(mutex_);
  if (!stopping_) return wanted;
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
  return std::clamp(left, std::chrono::milliseconds(0), wanted);
}

bool ShutdownDeadline::pause(std::chrono::milliseconds pause) {
  std::unique_lock lock(mutex_);
  const auto until = Clock::now() + pause;
  // A shutdown that starts meanwhile shortens the pause to its deadline.
  for (;;) {
    const auto end = stopping_ ? std::min(until, deadline_) : until;
    if (Clock::now() >= end) break;
    changed_.wait_until(lock, end);
  }
  return !(stopping_ && Clock::now() >= deadline_);
}

}  // namespace sluice::observe
