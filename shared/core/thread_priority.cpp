#include "core/thread_priority.h"

#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>

namespace sluice::core {

namespace {
std::atomic<int> backgroundNiceness{0};

long threadId() { return ::syscall(SYS_gettid); }

bool setPolicy(long tid, int policy) {
  sched_param none{};
  return ::sched_setscheduler(static_cast<pid_t>(tid), policy, &none) == 0;
}

// Leaving SCHED_IDLE needs CAP_SYS_NICE or an RLIMIT_NICE that allows the niceness it returns to
// (the systemd unit sets LimitNICE): asked once, of a throwaway thread.
bool mayLeaveIdle() {
  static const bool allowed = [] {
    bool ok = false;
    std::thread([&] {
      const long self = threadId();
      ::setpriority(PRIO_PROCESS, static_cast<id_t>(self), backgroundNiceness.load());
      ok = setPolicy(self, SCHED_IDLE) && setPolicy(self, SCHED_OTHER);
    }).join();
    return ok;
  }();
  return allowed;
}
}  // namespace

void setBackgroundNiceness(int niceness) { backgroundNiceness = niceness; }

void enterBackground() {
  thread_local bool entered = false;
  if (entered) return;
  entered = true;
  const int niceness = backgroundNiceness.load();
  if (niceness == 0) return;
  // PRIO_PROCESS with a thread id applies to that thread alone on Linux. Raising one's own
  // niceness needs no privilege; a failure leaves the thread as it was.
  ::setpriority(PRIO_PROCESS, static_cast<id_t>(threadId()), niceness);
}

IdleTimeWork::IdleTimeWork(std::chrono::milliseconds patience) : patience_(patience) {
  enabled_ = patience_.count() > 0 && mayLeaveIdle();
  if (enabled_) watcher_ = std::thread([this] { watch(); });
}

IdleTimeWork::~IdleTimeWork() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (watcher_.joinable()) watcher_.join();
}

void IdleTimeWork::begin() {
  if (!enabled_) return;
  setPolicy(0, SCHED_IDLE);
  std::lock_guard lock(mutex_);
  worker_ = threadId();
  working_ = true;
  ++piece_;
  changed_.notify_all();
}

void IdleTimeWork::end() {
  if (!enabled_) return;
  {
    std::lock_guard lock(mutex_);
    working_ = false;
    changed_.notify_all();
  }
  setPolicy(0, SCHED_OTHER);  // (the niceness is kept across policies)
}

uint64_t IdleTimeWork::hurried() const {
  std::lock_guard lock(mutex_);
  return hurried_;
}

void IdleTimeWork::watch() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    changed_.wait(lock, [&] { return stopping_ || working_; });
    if (stopping_) break;
    const uint64_t piece = piece_;
    const bool finished = changed_.wait_for(lock, patience_, [&] { return stopping_ || !working_ || piece_ != piece; });
    if (finished) continue;
    // Still waiting for idle time: the rest of this piece runs at the background niceness.
    setPolicy(worker_, SCHED_OTHER);
    ++hurried_;
    changed_.wait(lock, [&] { return stopping_ || !working_ || piece_ != piece; });
  }
}

}  // namespace sluice::core
