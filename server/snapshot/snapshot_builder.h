#pragma once
// Compiles the store's entities into an immutable ConfigSnapshot (typed runtime objects, the
// router, resolved addresses) on its own thread and publishes it. Writes arriving in a burst are
// coalesced: one rebuild covers every change made while the previous one ran.
#include "plugins/node_state.h"
#include "plugins/plugin_catalog.h"
#include "core/thread_priority.h"
#include "snapshot/compiled_cache.h"
#include "snapshot/dns_cache.h"
#include "snapshot/entity_mirror.h"
#include "snapshot/target_health.h"
#include "snapshot/snapshot_publisher.h"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "store/store.h"

namespace sluice::snapshot {

// A route as compiled from its entity, before it is linked to its service and numbered.
struct CompiledRoute {
  RouteRuntime runtime;
  router::RouteSpec spec;
  std::string serviceId;
  bool http = false;  // false: a stream route, not served by the HTTP router
  // runtime.metricsId was interned for this revision of the route and of its service.
  bool metricsNamed = false;
  uint64_t metricsServiceRevision = 0;
};

// What one build compiled, for the next to reuse.
struct CompiledEntities {
  CompiledCache<ServiceRuntime> services;
  CompiledCache<CompiledRoute> routes;
};

// Builds a snapshot from the entities in `mirror`, reusing what `compiled` holds from the previous
// build for the entities that did not change since. Host names are resolved through `dns` (only
// those missing or past their TTL are queried). Plugin rows name their factory in `catalog`.
core::Result<ConfigSnapshotConstSharedPtr> buildSnapshot(const EntityMirror& mirror, const plugins::PluginCatalog& catalog,
                                                         uint64_t version, DnsCache& dns,
                                                         const std::atomic<bool>* abort = nullptr,
                                                         HealthSource* health = nullptr,
                                                         plugins::NodeState* node = nullptr,
                                                         CompiledEntities* compiled = nullptr);
// The same from the store's current contents, read whole (tests and benches).
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
  // Before start(): told, on the builder's thread, of each change to the entities in memory (a
  // control plane pushes them to its data planes).
  using MirrorListener = std::function<void(const EntityMirror&, const EntityMirror::Changes&, uint64_t version)>;
  void onMirrorChanged(MirrorListener listener) { mirrorListener_ = std::move(listener); }
  // Before start(): read the entities from `replica` (pg_ro_host) rather than the store, once it
  // has replayed what the store had written when the change was heard of; a replica further behind
  // than `maxLag`, or unreachable, is passed over for that read (the store answers).
  void readFrom(store::Store& replica, std::chrono::milliseconds maxLag) {
    replica_ = &replica;
    maxLag_ = maxLag;
  }
  // Before start(): later builds run in the CPU time the proxy leaves idle, and at the background
  // niceness once one has waited `patience` (config_build_idle_wait; 0: at the niceness at once).
  void buildInIdleTime(std::chrono::milliseconds patience) { idle_ = std::make_unique<core::IdleTimeWork>(patience); }
  // Builds and publishes the first snapshot synchronously, then follows store changes.
  core::Status start();
  void stop();
  uint64_t builds() const { return builds_.load(); }

 private:
  void loop();
  // Brings the mirror up to date with what changed since the last call and, if anything did (or
  // `force`), publishes a new snapshot.
  core::Status rebuild(bool force);

  // More changes than this at once (an import) read the whole store rather than entity by entity.
  static constexpr size_t kMostRereads = 2000;

  // Where this rebuild reads: the replica once it caught up with the store, or the store.
  store::Store& readSource();

  store::Store& store_;
  store::Store* replica_ = nullptr;
  std::chrono::milliseconds maxLag_{0};
  bool replicaFailing_ = false;  // logged once per outage
  MirrorListener mirrorListener_;
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
  EntityMirror mirror_;
  CompiledEntities compiled_;  // the builder thread's (start() fills it before the thread runs)
  std::vector<store::EntityRef> touched_;  // written here or by other nodes since the last rebuild
  bool reloadAll_ = false;                 // read everything again (a replacement, a lost feed, a failure)
  std::unique_ptr<core::IdleTimeWork> idle_;
  std::thread thread_;
  std::thread feedThread_;
};

}  // namespace sluice::snapshot
