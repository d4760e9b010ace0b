#pragma once
// Load tests run from the gateway host against one of its own routes (server/loadtest):
//   POST   /sluice/loadtests                 starts one (body: loadtest/loadtest_plan.h) → 201,
//                                            409 while another runs
//   GET    /sluice/loadtests                 every kept test, newest first, with headline figures
//   GET    /sluice/loadtests/{id}?since=N    its state, request, the seconds after N, its result
//   GET    /sluice/loadtests/{id}/stream     Server-Sent Events: a "second" event per second, then
//                                            "end" with the whole record
//   DELETE /sluice/loadtests/{id}            cancels a running test, forgets a finished one
// Writes need an admin token where tokens are configured (read-only tokens may watch).
#include "admin/admin_types.h"
#include "loadtest/loadtest_plan.h"
#include "loadtest/loadtest_runs.h"
#include "snapshot/snapshot_publisher.h"
#include "store/store.h"

#include <atomic>
#include <memory>

namespace sluice::admin {

class LoadtestEndpoints {
 public:
  LoadtestEndpoints(store::Store& store, snapshot::SnapshotPublisher& publisher, std::vector<net::ListenAddress> listeners,
                    loadtest::LoadtestLimits limits, std::shared_ptr<loadtest::LoadtestRuns> runs, int maxStreams)
      : store_(store), publisher_(publisher), listeners_(std::move(listeners)), limits_(limits), runs_(std::move(runs)),
        maxStreams_(maxStreams) {}

  std::optional<AdminResponse> handle(const AdminRequest& request);

 private:
  AdminResponse start(const AdminRequest& request);
  AdminResponse stream(const std::string& id);
  // The header that makes a request this consumer's on the route (loadgen/consumer_credential.h).
  core::Result<std::pair<std::string, std::string>> credentialOf(const std::string& consumer, const json& route);

  store::Store& store_;
  snapshot::SnapshotPublisher& publisher_;
  std::vector<net::ListenAddress> listeners_;
  loadtest::LoadtestLimits limits_;
  std::shared_ptr<loadtest::LoadtestRuns> runs_;
  const int maxStreams_;
  std::shared_ptr<std::atomic<int>> streams_ = std::make_shared<std::atomic<int>>(0);
};

}  // namespace sluice::admin
