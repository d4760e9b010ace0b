#pragma once
// The threads that are not the proxy's reactors (the Admin API's, configuration builds, the
// cluster link) run at a higher niceness, so that a burst of writes or a snapshot build at 10,000
// routes does not take CPU time from requests on a core they share. Linux schedules threads, so
// the niceness is per thread: each background thread calls enterBackground() once.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace sluice::core {

// Set once at start (background_niceness); 0 leaves every thread equal.
void setBackgroundNiceness(int niceness);
// Gives the calling thread the background niceness (once per thread; later calls do nothing).
void enterBackground();

// Work that first runs only in the CPU time the reactors leave idle (SCHED_IDLE: it never
// preempts a reactor, and a reactor that wakes preempts it at once), then, once a piece of it has
// waited `patience`, at the background niceness: a saturated core still finishes it, a core with
// headroom never notices it. Where the process may not leave SCHED_IDLE again (an unprivileged
// user whose RLIMIT_NICE is 0), or with a patience of 0, the work runs at the background niceness.
class IdleTimeWork {
 public:
  explicit IdleTimeWork(std::chrono::milliseconds patience);
  ~IdleTimeWork();
  IdleTimeWork(const IdleTimeWork&) = delete;
  IdleTimeWork& operator=(const IdleTimeWork&) = delete;

  // On the working thread, around each piece of work.
  void begin();
  void end();
  // Pieces that ran out of patience (moved to the background niceness before they finished).
  uint64_t hurried() const;

 private:
  void watch();

  const std::chrono::milliseconds patience_;
  bool enabled_ = false;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool working_ = false;
  bool stopping_ = false;
  long worker_ = 0;  // the working thread's id (gettid)
  uint64_t piece_ = 0;
  uint64_t hurried_ = 0;
  std::thread watcher_;
};

}  // namespace sluice::core
