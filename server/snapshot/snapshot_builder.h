#pragma once
// Compiles the store's entities into an immutable ConfigSnapshot (typed runtime objects, the
// router, resolved addresses) on its own thread and publishes it. Writes arriving in a burst are
// coalesced: one rebuild covers every change made while the previous one ran.
#include "plugins/node_state.h"
#include "plugins/plugin_catalog.h"
#include "snapshot/dns_cache.h"
#include "snapshot/target_health.h"
#include "snapshot/snapshot_publisher.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace sluice::store {
class Store;
}  // namespace sluice::snapshot

namespace sluice::snapshot {

// Builds a snapshot from the store's current contents (also used directly by tests and benches).
// Host names are resolved through `dns` (only those missing or past their TTL are queried).
// Plugin rows name their factory in `catalog`.
core::Result<ConfigSnapshotConstSharedPtr> buildSnapshot(store::Store& store, const plugins::PluginCatalog& catalog,
                                                         uint64_t version, DnsCache& dns,
                                                         const std::atomic<bool>* abort = nullptr,
                                                         HealthSource* health = nullptr,
                                                         plugins::NodeState* node = nullptr);

class SnapshotBuilder {
 public:
  SnapshotBuilder(store::Store& store, const plugins::PluginCatalog& catalog, SnapshotPublisher& publisher,
                  HealthSource& health, DnsSettings dns = {});
  ~SnapshotBuilder();

  // What plugins share across snapshots (counters, caches, metric series); the app provides some.
  plugins::NodeState& nodeState() { return node_; }
  // Node-wide plugin limits (before start()).
  void setPluginSettings(const plugins::PluginSettings& settings) {
    node_.provide("settings", std::make_shared<plugins::PluginSettings>(settings));
  }
  // Builds and publishes the first snapshot synchronously, then follows store changes.
  core::Status start();
  void stop();
  uint64_t builds() const { return builds_.load(); }

 private:
  void loop();
  core::Status rebuild();

  store::Store& store_;
  const plugins::PluginCatalog& catalog_;
  SnapshotPublisher& publisher_;
  HealthSource& health_;
  std::mutex mutex_;
  std::condition_variable changed_;
  uint64_t seenVersion_ = 0;
  bool stopping_ = false;
  std::atomic<bool> abort_{false};
  DnsCache dns_;
  plugins::NodeState node_;
  std::atomic<uint64_t> builds_{0};
  bool externalChange_ = false;  // another node wrote (PostgreSQL NOTIFY)
  std::thread thread_;
  std::thread feedThread_;
};

}  // namespace sluice::snapshot
