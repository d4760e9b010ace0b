#include "store/cluster_counters.h"

#include <stdexcept>

namespace sluice::store {
namespace {

class DatabaseCounterStore final : public plugins::SharedCounterStore {
 public:
  explicit DatabaseCounterStore(Store& store) : store_(store) {}
  void exchange(const std::vector<Increment>& increments, std::vector<uint64_t>& totals, const std::vector<std::string>& reads,
                std::vector<uint64_t>& readTotals) override {
    std::vector<Store::CounterIncrement> rows;
    for (const auto& inc : increments) rows.push_back({inc.key, static_cast<int64_t>(inc.count), inc.expiresAt});
    auto result = store_.exchangeCounters(rows, reads);
    if (!result) throw std::runtime_error(result.error().message);
    for (int64_t t : result->first) totals.push_back(static_cast<uint64_t>(t));
    for (int64_t t : result->second) readTotals.push_back(static_cast<uint64_t>(t));
  }
  std::string describe() const override { return "the " + std::string(store_.kind()) + " database"; }

 private:
  Store& store_;
};

}  // namespace

std::unique_ptr<plugins::SharedCounterStore> ClusterCounterStoreFactory::make() {
  return std::make_unique<DatabaseCounterStore>(store_);
}

}  // namespace sluice::store
