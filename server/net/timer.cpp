#include "net/timer.h"

#include <iterator>

namespace sluice::net {

Timer::~Timer() { TimerQueue::disarm(*this); }

void TimerQueue::disarm(Timer& t) {
  if (!t.list_) return;
  if (t.prev_) t.prev_->next_ = t.next_;
  else t.list_->head = t.next_;
  if (t.next_) t.next_->prev_ = t.prev_;
  else t.list_->tail = t.prev_;
  t.prev_ = t.next_ = nullptr;
  t.list_ = nullptr;
}

List& TimerQueue::listFor(uint64_t durationMs) {
  Recent& slot = recent_[durationMs % std::size(recent_)];
  if (slot.list && slot.durationMs == durationMs) return *slot.list;
  List& list = lists_[durationMs];
  slot = {durationMs, &list};
  return list;
}

void TimerQueue::arm(Timer& t, uint64_t durationMs, uint64_t now) {
  if (t.list_ && t.durationMs_ == durationMs && now + durationMs - t.deadline_ <= lazyMs(durationMs)) return;
  disarm(t);
  List& list = listFor(durationMs);
  t.deadline_ = now + durationMs;
  t.durationMs_ = durationMs;
  t.list_ = &list;
  t.prev_ = list.tail;
  if (list.tail) list.tail->next_ = &t;
  else list.head = &t;
  list.tail = &t;
}

int TimerQueue::expire(uint64_t now) {
  int64_t next = -1;
  for (auto& [duration, list] : lists_) {
    while (list.head && list.head->deadline_ <= now) {
      Timer* t = list.head;
      disarm(*t);
      t->onTimer();  // may re-arm t or others, or destroy t
    }
    if (list.head) {
      const int64_t wait = static_cast<int64_t>(list.head->deadline_ - now);
      if (next < 0 || wait < next) next = wait;
    }
  }
  return static_cast<int>(next);
}

}  // namespace sluice::net
