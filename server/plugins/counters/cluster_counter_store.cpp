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

  std::vector<Answer> exchange(const std::string& node, uint32_t activeMs, const std::vector<Item>& items) override {
    const auto nowMs = static_cast<int64_t>(nowMilliseconds());
    std::vector<Answer> answers;  // kept only when the transaction commits
    auto status = store_.transaction([&](store::Database& db) -> core::Status {
      answers.clear();
      // Statements with their parameters in column order ($1, $2, … or ?).
      const auto values = [&db](int n) {
        std::string list;
        for (int i = 1; i <= n; ++i) list += (i > 1 ? ", " : "") + db.placeholder(i);
        return "(" + list + ")";
      };
      const std::string p1 = db.placeholder(1), p2 = db.placeholder(2), p3 = db.placeholder(3);
      const std::string upsert = "INSERT INTO ratelimiting_counters (counter_key, count, expires_at) VALUES " + values(3) +
                                 " ON CONFLICT (counter_key) DO UPDATE SET count = ratelimiting_counters.count + excluded.count, "
                                 "expires_at = excluded.expires_at RETURNING count";
      // The counter row's lock (taken by the upsert, held to the commit) makes each key's exchange
      // atomic across nodes; every node takes keys in the same order, so no deadlock.
      const std::string others = "SELECT COALESCE(SUM(held), 0) FROM ratelimiting_nodes WHERE counter_key = " + p1 +
                                 " AND node_id <> " + p2 + " AND seen_at_ms > " + p3;
      const std::string note = "INSERT INTO ratelimiting_nodes (counter_key, node_id, added_at_ms, seen_at_ms, held, expires_at) VALUES " +
                               values(6) +
                               " ON CONFLICT (counter_key, node_id) DO UPDATE SET added_at_ms = CASE WHEN excluded.added_at_ms > 0 "
                               "THEN excluded.added_at_ms ELSE ratelimiting_nodes.added_at_ms END, seen_at_ms = excluded.seen_at_ms, "
                               "held = excluded.held, expires_at = excluded.expires_at";
      const std::string members = "SELECT node_id FROM ratelimiting_nodes WHERE counter_key = " + p1 + " AND added_at_ms > " + p2;
      const int64_t liveSince = nowMs - static_cast<int64_t>(activeMs);
      for (const auto& item : items) {
        auto counted = db.query(upsert, {item.key, static_cast<int64_t>(item.added), static_cast<int64_t>(item.expiresAt)});
        if (!counted) return counted.error();
        const auto total = static_cast<uint64_t>(firstNumber(*counted));
        uint64_t held = 0;
        if (item.limit > 0) {
          auto othersHeld = db.query(others, {item.key, node, liveSince});
          if (!othersHeld) return othersHeld.error();
          held = holdingGranted(item, total, static_cast<uint64_t>(firstNumber(*othersHeld)));
        }
        if (item.added > 0 || item.limit > 0) {
          const int64_t addedAt = item.added > 0 ? nowMs : 0;
          if (auto noted = db.query(note, {item.key, node, addedAt, nowMs, static_cast<int64_t>(held), static_cast<int64_t>(item.expiresAt)});
              !noted)
            return noted.error();
        }
        auto rows = db.query(members, {item.key, liveSince});
        if (!rows) return rows.error();
        std::vector<std::string> ids;
        for (const auto& row : *rows)
          if (!row.empty() && row[0]) ids.push_back(*row[0]);
        answers.push_back(answerFor(total, held, std::move(ids), node));
      }
      // Counters whose window is over go, once a minute (not on every exchange).
      const auto now = static_cast<int64_t>(std::time(nullptr));
      if (now - lastSweep_->load() >= 60) {
        for (const char* table : {"ratelimiting_counters", "ratelimiting_nodes"})
          if (auto swept = db.query(std::string("DELETE FROM ") + table + " WHERE expires_at < " + p1, {now}); !swept)
            return swept.error();
        lastSweep_->store(now);
      }
      return core::Ok{};
    });
    if (!status) throw std::runtime_error(status.error().message);
    return answers;
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
