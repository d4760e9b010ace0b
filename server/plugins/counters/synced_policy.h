#pragma once
// The shared policies (`redis`, `cluster`): counts kept by every node of a cluster together.
// Reactors decide on local tables and never wait on the network: `pending` (requests not yet
// reported), `global` (the total the shared store last reported) and `held` (the holding it
// granted: how many requests this node may let through before it reports them). A background
// thread reports this node's requests once per interval, for every key it counted in the current
// window, and asks for a new holding: its fair share of what is left among the nodes adding to the
// key now, or a quarter of that for a key this node no longer sees requests for. The store grants
// holdings only out of what is free, so nodes deciding apart never let through more than the
// limit between them, and a node that stops leaves its holding to the others. While the store is
// unreachable, counting goes on locally and available() says so.
#include "core/bounded_queue.h"
#include "plugins/counters/counter_policy.h"
#include "plugins/counters/shared_counter_store.h"

#include <algorithm>
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
  void increment(uint64_t key, uint32_t window, uint32_t expiresAt, uint64_t n, uint64_t limit) override;
  uint64_t usageFor(uint64_t key, uint32_t window, uint64_t limit) const override;
  bool available() const override { return healthy_.load(std::memory_order_relaxed); }

 private:
  struct Touched {
    uint64_t key;
    uint32_t window, expiresAt;
    uint64_t limit;
  };
  struct Counted {  // the sync thread's own record of a key it counts in a window not yet over
    uint32_t expiresAt;
    uint64_t limit;
    uint64_t lastAddedMs;
  };
  void run();
  // A node that added to a key within this long counts as adding to it now, and a node's holding
  // is taken while it exchanged within this long (a few of this node's intervals).
  uint32_t activeMs() const { return std::max<uint32_t>(4 * intervalMs_, 100); }
  // How many nodes this node believes add to `key` now, and its rank among them.
  std::pair<uint32_t, uint32_t> split(uint64_t key) const;
  void sync(std::map<std::pair<uint64_t, uint32_t>, Counted>& touched);

  std::unique_ptr<SharedCounterStore> store_;
  const std::string node_;  // this process's id in the store's lists of nodes
  uint32_t intervalMs_;
  LocalCounters pending_, global_;
  LocalCounters held_;    // holding + 1 per key and window; 0: none granted yet
  LocalCounters shares_;  // per key (a new window starts with the last one's): nodes << 16 | rank
  // The most nodes seen adding to any key at the last exchange: a key no exchange has answered
  // for yet is split among that many (its first interval).
  std::atomic<uint32_t> nodesSeen_{1};
  core::BoundedQueue touched_;  // keys whose pending count went from 0 to 1
  std::atomic<bool> healthy_{true}, stopping_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread thread_;
};

}  // namespace sluice::plugins
