#pragma once
// Every target's health on this node, kept across configuration snapshots and shared by all
// workers, the active prober and the Admin API; the snapshot compiler attaches it to the targets.
// It keeps their changes of state too (health_history_kept per upstream).
#include "proxy/health_history.h"
#include "proxy/target_health.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace sluice::proxy {

class HealthRegistry final : public snapshot::HealthSource {
 public:
  explicit HealthRegistry(size_t historyKept = 1000) : history_(std::make_shared<HealthHistory>(historyKept)) {}

  std::shared_ptr<snapshot::TargetHealth> get(const std::string& upstreamId, const std::string& target) override;
  void keepOnly(const std::set<std::string>& keys) override;
  std::vector<snapshot::HealthEvent> history(const std::string& upstreamId, int64_t sinceMs) const override {
    return history_->since(upstreamId, sinceMs);
  }
  void noteAddresses(const std::string& upstreamId, const std::string& target, const std::vector<std::string>& addresses) override;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<CheckedTarget>> entries_;
  std::shared_ptr<HealthHistory> history_;
  std::map<std::string, std::vector<std::string>> addresses_;  // by key(): what the host resolved to last
};

}  // namespace sluice::proxy
