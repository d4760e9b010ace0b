#pragma once
// The `local` policy's counters: one node-wide table shared by every reactor, lock-free. A
// counter is a 64-bit key (hash of plugin, identifier and period) and one atomic word holding
// the window it counts and the count, so that a new window restarts the count with one CAS.
// Open addressing with a short probe; expired counters are swept a slice at a time as requests
// pass. A full neighbourhood lets the request through (fault tolerant) and is counted.
#include <atomic>
#include <cstdint>
#include <memory>

namespace sluice::plugins {

class LocalCounters {
 public:
  explicit LocalCounters(size_t capacity = size_t{1} << 18);

  // The count in `window` (0 when the counter is absent or counts an older window).
  uint64_t read(uint64_t key, uint32_t window) const;
  // Adds one to the count of `window`; false when the table has no room for the key.
  bool increment(uint64_t key, uint32_t window, uint32_t expiresAt) { return add(key, window, expiresAt, 1) != 0; }
  // Adds `n` and returns the new count (0 when the table has no room for the key).
  uint64_t add(uint64_t key, uint32_t window, uint32_t expiresAt, uint64_t n);
  // Takes `n` off the count of `window` (no-op once another window started).
  void subtract(uint64_t key, uint32_t window, uint64_t n);
  // Sets the count of `window` (a total learnt from elsewhere).
  void set(uint64_t key, uint32_t window, uint32_t expiresAt, uint64_t count);
  uint64_t dropped() const { return dropped_.load(std::memory_order_relaxed); }

 private:
  struct Slot {
    std::atomic<uint64_t> key{0};
    std::atomic<uint64_t> windowCount{0};  // window << 32 | count
    std::atomic<uint32_t> expiresAt{0};    // unix seconds after which the slot may be reused
  };
  static constexpr int kProbe = 16;
  void sweep(uint32_t now);
  Slot* slotFor(uint64_t key, uint32_t expiresAt);  // finds or claims; null when full

  size_t mask_;
  std::unique_ptr<Slot[]> slots_;
  std::atomic<uint64_t> increments_{0}, dropped_{0};
  std::atomic<size_t> sweepCursor_{0};
};

}  // namespace sluice::plugins
