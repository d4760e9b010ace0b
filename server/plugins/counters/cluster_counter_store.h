#pragma once
// The `cluster` policy's shared counters: the configuration database itself (SQLite for one node,
// PostgreSQL for a cluster), in the ratelimiting_counters table. This is the plugin's storage half
// (Kong's daos): it uses the store, so only the node links it in and hands the factory to the
// plugin through NodeState; the plugin's runtime sees SharedCounterStoreFactory alone.
#include "plugins/counters/shared_counter_store.h"
#include "store/store.h"

#include <atomic>
#include <memory>

namespace sluice::plugins {

class ClusterCounterStoreFactory final : public SharedCounterStoreFactory {
 public:
  explicit ClusterCounterStoreFactory(store::Store& store) : store_(store) {}
  std::unique_ptr<SharedCounterStore> make() override;

 private:
  store::Store& store_;
  // When expired counters were last deleted (unix seconds); shared with the stores made, which may
  // outlive this factory (a snapshot's plugins are released after the node state).
  std::shared_ptr<std::atomic<int64_t>> lastSweep_ = std::make_shared<std::atomic<int64_t>>(0);
};

}  // namespace sluice::plugins
