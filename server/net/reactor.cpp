#include "net/reactor.h"

#include "core/clock.h"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <ctime>
#include <stdexcept>

namespace sluice::net {

Reactor::Reactor(int index) : index_(index) {
  epoll_ = epoll_create1(EPOLL_CLOEXEC);
  wake_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (epoll_ < 0 || wake_ < 0) throw std::runtime_error("cannot create an event loop");
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.ptr = nullptr;  // null: the wake-up eventfd
  epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &ev);
  refreshClock();
  handle_ = std::make_shared<ReactorHandle>(this);
}

Reactor::~Reactor() {
  handle_->detach();
  if (wake_ >= 0) close(wake_);
  if (epoll_ >= 0) close(epoll_);
}

void Reactor::refreshClock() { now_ = core::coarseMonotonicMillis(); }

bool Reactor::add(int fd, EventHandler* handler) {
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
  ev.data.ptr = handler;
  return epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &ev) == 0;
}

bool Reactor::handOver(int fd, EventHandler* handler) {
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
  ev.data.ptr = handler;
  return epoll_ctl(epoll_, EPOLL_CTL_MOD, fd, &ev) == 0;
}

void Reactor::remove(int fd) { epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr); }

void Reactor::post(std::function<void()> task) {
  {
    std::lock_guard lock(postedMutex_);
    posted_.push_back(std::move(task));
  }
  const uint64_t one = 1;
  [[maybe_unused]] auto n = write(wake_, &one, sizeof one);
}

bool ReactorHandle::post(std::function<void()> task) {
  std::lock_guard lock(mutex_);
  if (!reactor_) return false;
  reactor_->post(std::move(task));
  return true;
}

void ReactorHandle::detach() {
  std::lock_guard lock(mutex_);
  reactor_ = nullptr;
}

void Reactor::stop() {
  running_ = false;
  post([] {});
}

void Reactor::drainPosted() {
  uint64_t count = 0;
  [[maybe_unused]] auto n = read(wake_, &count, sizeof count);
  std::vector<std::function<void()>> tasks;
  {
    std::lock_guard lock(postedMutex_);
    tasks.swap(posted_);
  }
  for (auto& t : tasks) t();
}

void Reactor::run() {
  running_ = true;
  constexpr int kMaxEvents = 256;
  epoll_event events[kMaxEvents];
  while (running_) {
    refreshClock();
    int timeout = timers_.expire(now_);
    if (idleHook_) idleHook_();
    const int n = epoll_wait(epoll_, events, kMaxEvents, timeout);
    refreshClock();
    for (int i = 0; i < n; ++i) {
      auto* handler = static_cast<EventHandler*>(events[i].data.ptr);
      if (!handler) drainPosted();
      else handler->onEvents(events[i].events);
    }
    retired_.clear();
  }
  drainPosted();
}

}  // namespace sluice::net
