#pragma once
// The health of upstream targets as this node sees it (Kong's shapes):
//   GET  /upstreams/{u}/health                       every target with HEALTHY, UNHEALTHY,
//                                                    HEALTHCHECKS_OFF or DNS_ERROR and its addresses
//   GET  /upstreams/{u}/health?balancer_health=1     the upstream as a whole
//   POST /upstreams/{u}/targets/{t}/healthy|unhealthy   set a target's health by hand (204)
//   GET  /upstreams/{u}/health/history[?since=MS&target=T]   the changes of its targets' health on
//                                                    this node, oldest first, with their reason
#include "admin/admin_types.h"
#include "snapshot/snapshot_publisher.h"
#include "snapshot/target_health.h"
#include "store/store.h"

namespace sluice::admin {

class HealthEndpoints {
 public:
  HealthEndpoints(store::Store& store, snapshot::SnapshotPublisher& publisher, snapshot::HealthSource& registry,
                  std::string nodeId)
      : store_(store), publisher_(publisher), registry_(registry), nodeId_(std::move(nodeId)) {}

  // Handles the request if its path is one of the above; nullopt otherwise.
  std::optional<AdminResponse> handle(const AdminRequest& request);

 private:
  AdminResponse health(const json& upstream, const AdminRequest& request);
  AdminResponse history(const json& upstream, const AdminRequest& request);
  AdminResponse setHealth(const json& upstream, const std::string& target, const std::string& address, bool healthy);

  store::Store& store_;
  snapshot::SnapshotPublisher& publisher_;
  snapshot::HealthSource& registry_;
  std::string nodeId_;
};

}  // namespace sluice::admin
