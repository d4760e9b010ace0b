#include "plugins/counters/cluster_counter_store.h"

#include <ctime>
#include <stdexcept>

namespace sluice::plugins {
namespace {

int64_t firstNumber(const store::SqlRows& rows) {
  return rows.empty() || rows[0].empty() || !rows[0][0] ? 0 : std::stoll(*rows[0][0]);
}

class DatabaseCounterStore final : public SharedCounterStore {
 public:
  DatabaseCounterStore(store::Store& store, std::shared_ptr<std::atomic<int64_t>> lastSweep)
      : store_(store), lastSweep_(std::move(lastSweep)) {}

  void exchange(const std::vector<Increment>& increments, std::vector<uint64_t>& totals, const std::vector<std::string>& reads,
                std::vector<uint64_t>& readTotals) override {
    std::vector<uint64_t> added, read;  // kept only when the transaction commits
    auto status = store_.transaction([&](store::Database& db) -> core::Status {
      added.clear();
      read.clear();
      const std::string p1 = db.placeholder(1);
      const std::string upsert = "INSERT INTO ratelimiting_counters (counter_key, count, expires_at) VALUES (" + p1 + ", " +
                                 db.placeholder(2) + ", " + db.placeholder(3) +
                                 ") ON CONFLICT (counter_key) DO UPDATE SET count = ratelimiting_counters.count + excluded.count, "
                                 "expires_at = excluded.expires_at RETURNING count";
      for (const auto& inc : increments) {
        auto rows = db.query(upsert, {inc.key, static_cast<int64_t>(inc.count), static_cast<int64_t>(inc.expiresAt)});
        if (!rows) return rows.error();
        added.push_back(static_cast<uint64_t>(firstNumber(*rows)));
      }
      for (const auto& key : reads) {
        auto rows = db.query("SELECT count FROM ratelimiting_counters WHERE counter_key = " + p1, {key});
        if (!rows) return rows.error();
        read.push_back(static_cast<uint64_t>(firstNumber(*rows)));
      }
      // Counters whose window is over go, once a minute (not on every exchange).
      const auto now = static_cast<int64_t>(std::time(nullptr));
      if (now - lastSweep_->load() >= 60) {
        if (auto swept = db.query("DELETE FROM ratelimiting_counters WHERE expires_at < " + p1, {now}); !swept) return swept.error();
        lastSweep_->store(now);
      }
      return core::Ok{};
    });
    if (!status) throw std::runtime_error(status.error().message);
    totals.insert(totals.end(), added.begin(), added.end());
    readTotals.insert(readTotals.end(), read.begin(), read.end());
  }
  std::string describe() const override { return "the " + std::string(store_.kind()) + " database"; }

 private:
  store::Store& store_;
  std::shared_ptr<std::atomic<int64_t>> lastSweep_;
};

}  // namespace

std::unique_ptr<SharedCounterStore> ClusterCounterStoreFactory::make() {
  return std::make_unique<DatabaseCounterStore>(store_, lastSweep_);
}

}  // namespace sluice::plugins
