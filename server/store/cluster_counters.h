#pragma once
// The rate-limiting `cluster` policy's shared store: the configuration database itself (SQLite
// for one node, PostgreSQL for a cluster), through Store::exchangeCounters.
#include "plugins/rate_limiting/shared_counter_store.h"
#include "store/store.h"

namespace sluice::store {

class ClusterCounterStoreFactory final : public plugins::SharedCounterStoreFactory {
 public:
  explicit ClusterCounterStoreFactory(Store& store) : store_(store) {}
  std::unique_ptr<plugins::SharedCounterStore> make() override;

 private:
  Store& store_;
};

}  // namespace sluice::store
