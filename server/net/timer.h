#pragma once
// Timers in O(1): all timers with the same duration expire in the order they were (re)armed, so a
// FIFO list per duration is a sorted queue. Arming unlinks and appends; expiry pops list heads.
// This is how a reactor keeps per-connection timeouts (header, body, keep-alive, upstream read)
// without a heap operation per request.
#include <cstdint>
#include <map>

namespace sluice::net {

class TimerQueue;

class Timer {
 public:
  virtual ~Timer();
  bool armed() const { return list_ != nullptr; }
  uint64_t deadline() const { return deadline_; }

 protected:
  virtual void onTimer() = 0;

 private:
  friend class TimerQueue;
  struct List* list_ = nullptr;
  Timer* prev_ = nullptr;
  Timer* next_ = nullptr;
  uint64_t deadline_ = 0;
  uint64_t durationMs_ = 0;
};

struct List {
  Timer* head = nullptr;
  Timer* tail = nullptr;
};

class TimerQueue {
 public:
  // (Re)arms `timer` to fire `durationMs` after `now`. A timer re-armed with its duration within
  // lazyMs(duration) of its deadline keeps its place (as nginx does): it may then fire up to that
  // much early, and a connection that re-arms on every read or write does not relink every time.
  void arm(Timer& timer, uint64_t durationMs, uint64_t now);
  static constexpr uint64_t lazyMs(uint64_t durationMs) { return durationMs / 64 < 100 ? durationMs / 64 : 100; }
  static void disarm(Timer& timer);
  // Fires every timer due at `now`; returns milliseconds until the next one (or -1 when none).
  int expire(uint64_t now);

 private:
  List& listFor(uint64_t durationMs);

  std::map<uint64_t, List> lists_;  // by duration; a handful of distinct durations in practice
  // The last durations looked up (map nodes stay put): most arms find their list here.
  struct Recent {
    uint64_t durationMs = 0;
    List* list = nullptr;
  };
  Recent recent_[4];
};

}  // namespace sluice::net
