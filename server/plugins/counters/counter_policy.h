#pragma once
// Where the rate-limiting plugins (rate-limiting, response-ratelimiting) count. `local`: this
// node's lock-free table. `redis` and `cluster`: the same table for the decision, kept in step with
// a shared store by a background thread (increments pushed, totals pulled back every sync
// interval), so reactors never wait on the network.
#include "plugins/counters/local_counters.h"

#include <atomic>
#include <cstdint>

namespace sluice::plugins {

class CounterPolicy {
 public:
  virtual ~CounterPolicy() = default;
  // Requests counted in `window` for `key` (as far as this node knows).
  virtual uint64_t usage(uint64_t key, uint32_t window) const = 0;
  // `limit`: the one usageFor() was asked about (0 for usage counted after the fact).
  virtual void increment(uint64_t key, uint32_t window, uint32_t expiresAt, uint64_t n, uint64_t limit) = 0;
  // The usage a decision under `limit` goes by: usage(), or `limit` itself when a shared policy's
  // node has used the holding the store granted it (the rest of the limit is held elsewhere).
  virtual uint64_t usageFor(uint64_t key, uint32_t window, uint64_t /*limit*/) const { return usage(key, window); }
  // False while a shared store is out of reach (fault_tolerant decides what happens then).
  virtual bool available() const { return true; }
};

class LocalPolicy final : public CounterPolicy {
 public:
  explicit LocalPolicy(size_t capacity) : counters_(capacity) {}
  uint64_t usage(uint64_t key, uint32_t window) const override { return counters_.read(key, window); }
  void increment(uint64_t key, uint32_t window, uint32_t expiresAt, uint64_t n, uint64_t /*limit*/) override {
    counters_.add(key, window, expiresAt, n);
  }

 private:
  LocalCounters counters_;
};

}  // namespace sluice::plugins
