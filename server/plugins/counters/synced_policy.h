#pragma once
// The shared policies (`redis`, `cluster`): counts kept by every node of a cluster together.
// Reactors decide on two local tables — `pending` (increments not yet shared) and `global` (the
// totals the shared store last reported) — and never wait on the network: a background thread
// pushes this node's pending increments and reads back the other keys it counted in the current
// window, once per interval, and stores the totals. Nodes agree within one interval (a node's
// first request for a key is decided on what it knows then); while the store is unreachable,
// counting goes on locally and available() says so.
#include "core/bounded_queue.h"
#include "plugins/counters/counter_policy.h"
#include "plugins/counters/shared_counter_store.h"

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace sluice::plugins {

class SyncedPolicy final : public CounterPolicy {
 public:
  SyncedPolicy(std::unique_ptr<SharedCounterStore> store, uint32_t intervalMs, size_t capacity);
  ~SyncedPolicy() override;

  uint64_t usage(uint64_t key, uint32_t window) const override { return global_.read(key, window) + pending_.read(key, window); }
  void increment(uint64_t key, uint32_t window, uint32_t expiresAt, uint64_t n) override;
  bool available() const override { return healthy_.load(std::memory_order_relaxed); }

 private:
  struct Touched {
    uint64_t key;
    uint32_t window, expiresAt;
  };
  void run();
  void sync(std::map<std::pair<uint64_t, uint32_t>, uint32_t>& touched);

  std::unique_ptr<SharedCounterStore> store_;
  uint32_t intervalMs_;
  LocalCounters pending_, global_;
  core::BoundedQueue touched_;  // keys whose pending count went from 0 to 1
  std::atomic<bool> healthy_{true}, stopping_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread thread_;
};

}  // namespace sluice::plugins
