#pragma once
// One event loop per core. Each file descriptor is registered once, edge-triggered, for reading
// and writing (no epoll_ctl per request); handlers remember what would block. The loop's clock is
// read once per iteration (CLOCK_MONOTONIC_COARSE, a vDSO call). Work from other threads arrives
// through post() (a mutex-guarded queue and an eventfd): configuration changes, shutdown, and the
// wake-up of a request whose plugin waited for work done on another thread (ldap-auth's bind).
#include "net/timer.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace sluice::net {

class EventHandler {
 public:
  virtual ~EventHandler() = default;
  // `events` is EPOLLIN / EPOLLOUT / EPOLLRDHUP / EPOLLERR / EPOLLHUP bits. Must not throw.
  virtual void onEvents(uint32_t events) = 0;
};

class Reactor;

// A reactor's address for threads that may outlive it (a plugin's worker threads): posting through
// it after the reactor is gone drops the task.
class ReactorHandle {
 public:
  explicit ReactorHandle(Reactor* reactor) : reactor_(reactor) {}
  bool post(std::function<void()> task);  // false: the reactor is gone
  void detach();

 private:
  std::mutex mutex_;
  Reactor* reactor_;
};

class Reactor {
 public:
  explicit Reactor(int index);
  ~Reactor();
  Reactor(const Reactor&) = delete;
  Reactor& operator=(const Reactor&) = delete;

  int index() const { return index_; }
  void run();               // until stop(); on the reactor's own thread
  void stop();              // any thread
  void post(std::function<void()> task);  // any thread; runs on the reactor thread
  const std::shared_ptr<ReactorHandle>& handle() const { return handle_; }

  bool add(int fd, EventHandler* handler);  // edge-triggered, in and out
  // The fd's events go to `handler` from now on (a connection changing protocol); its readiness is
  // reported again.
  bool handOver(int fd, EventHandler* handler);
  void remove(int fd);

  uint64_t now() const { return now_; }  // milliseconds, monotonic, per loop iteration
  void refreshClock();
  TimerQueue& timers() { return timers_; }
  void arm(Timer& t, uint64_t durationMs) { timers_.arm(t, durationMs, now_); }

  // Deletes `handler` after the current batch of events: another event of the batch may still
  // name it. The handler must already be off epoll (remove()).
  void retire(std::unique_ptr<EventHandler> handler) { retired_.push_back(std::move(handler)); }

  // Called every loop iteration before waiting (configuration swaps, deferred frees).
  void setIdleHook(std::function<void()> hook) { idleHook_ = std::move(hook); }

 private:
  void drainPosted();

  int index_;
  int epoll_ = -1;
  int wake_ = -1;
  std::atomic<bool> running_{false};
  uint64_t now_ = 0;
  TimerQueue timers_;
  std::mutex postedMutex_;
  std::vector<std::function<void()>> posted_;
  std::function<void()> idleHook_;
  std::vector<std::unique_ptr<EventHandler>> retired_;
  std::shared_ptr<ReactorHandle> handle_;
};

}  // namespace sluice::net
