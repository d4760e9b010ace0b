#include "plugins/counters/local_counters.h"

#include <ctime>

namespace sluice::plugins {

LocalCounters::LocalCounters(size_t capacity) {
  size_t n = 1024;
  while (n < capacity) n <<= 1;
  mask_ = n - 1;
  slots_ = std::make_unique<Slot[]>(n);
}

// Lookups probe the whole neighbourhood: a swept slot leaves a hole that must not end a search.
namespace {

uint64_t nonZero(uint64_t key) { return key ? key : 0x9e3779b97f4a7c15ULL; }  // 0 marks a free slot

}  // namespace

uint64_t LocalCounters::read(uint64_t key, uint32_t window) const {
  key = nonZero(key);
  for (int i = 0; i < kProbe; ++i) {
    const Slot& s = slots_[(key + static_cast<uint64_t>(i)) & mask_];
    if (s.key.load(std::memory_order_acquire) != key) continue;
    const uint64_t wc = s.windowCount.load(std::memory_order_relaxed);
    return (wc >> 32) == window ? (wc & 0xffffffffu) : 0;
  }
  return 0;
}

LocalCounters::Slot* LocalCounters::slotFor(uint64_t key, uint32_t expiresAt) {
  const uint32_t now = static_cast<uint32_t>(std::time(nullptr));
  if ((increments_.fetch_add(1, std::memory_order_relaxed) & 1023) == 0) sweep(now);
  Slot* slot = nullptr;
  for (int i = 0; i < kProbe && !slot; ++i) {
    Slot& s = slots_[(key + static_cast<uint64_t>(i)) & mask_];
    if (s.key.load(std::memory_order_acquire) == key) slot = &s;
  }
  for (int i = 0; i < kProbe && !slot; ++i) {  // a new key: the first free slot
    Slot& s = slots_[(key + static_cast<uint64_t>(i)) & mask_];
    uint64_t expected = 0;
    if (s.key.compare_exchange_strong(expected, key, std::memory_order_acq_rel) || expected == key) slot = &s;
  }
  if (!slot) {
    dropped_.fetch_add(1, std::memory_order_relaxed);
    return nullptr;
  }
  slot->expiresAt.store(expiresAt, std::memory_order_relaxed);
  return slot;
}

uint64_t LocalCounters::add(uint64_t key, uint32_t window, uint32_t expiresAt, uint64_t n) {
  Slot* slot = slotFor(nonZero(key), expiresAt);
  if (!slot) return 0;
  uint64_t wc = slot->windowCount.load(std::memory_order_relaxed);
  for (;;) {
    const uint64_t next = (wc >> 32) == window ? wc + n : (uint64_t{window} << 32 | n);
    if (slot->windowCount.compare_exchange_weak(wc, next, std::memory_order_relaxed)) return next & 0xffffffffu;
  }
}

void LocalCounters::subtract(uint64_t key, uint32_t window, uint64_t n) {
  key = nonZero(key);
  for (int i = 0; i < kProbe; ++i) {
    Slot& s = slots_[(key + static_cast<uint64_t>(i)) & mask_];
    if (s.key.load(std::memory_order_acquire) != key) continue;
    uint64_t wc = s.windowCount.load(std::memory_order_relaxed);
    for (;;) {
      if ((wc >> 32) != window) return;
      const uint64_t count = wc & 0xffffffffu;
      const uint64_t next = (uint64_t{window} << 32) | (count > n ? count - n : 0);
      if (s.windowCount.compare_exchange_weak(wc, next, std::memory_order_relaxed)) return;
    }
  }
}

void LocalCounters::set(uint64_t key, uint32_t window, uint32_t expiresAt, uint64_t count) {
  if (Slot* slot = slotFor(nonZero(key), expiresAt))
    slot->windowCount.store((uint64_t{window} << 32) | (count & 0xffffffffu), std::memory_order_relaxed);
}

// Frees a slice of slots whose window is over, so that a table of limited size serves an
// unbounded stream of identifiers (IP addresses) over time.
void LocalCounters::sweep(uint32_t now) {
  constexpr size_t kSlice = 4096;
  const size_t start = sweepCursor_.fetch_add(kSlice, std::memory_order_relaxed);
  for (size_t i = 0; i < kSlice; ++i) {
    Slot& s = slots_[(start + i) & mask_];
    const uint32_t expires = s.expiresAt.load(std::memory_order_relaxed);
    if (s.key.load(std::memory_order_relaxed) == 0 || expires == 0 || expires >= now) continue;
    // A counter whose last window has ended holds nothing worth keeping.
    s.windowCount.store(0, std::memory_order_relaxed);
    s.expiresAt.store(0, std::memory_order_relaxed);
    s.key.store(0, std::memory_order_release);
  }
}

}  // namespace sluice::plugins
