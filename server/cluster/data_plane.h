#pragma once
// A data plane's side of hybrid mode: keeps a connection to cluster_control_plane (reconnecting
// with backoff), applies the configuration it is sent to its in-memory store (from which the
// snapshot builder compiles, as in DB-less mode), reports its configuration hash, and keeps the
// last configuration it applied in <prefix>/config.cache.json (0600) to serve from when it starts
// while the control plane is away.
#include "cluster/cluster_settings.h"
#include "snapshot/entity_mirror.h"
#include "store/store.h"

#include <Poco/Net/Context.h>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace sluice::cluster {

class ClusterLink;

class DataPlane {
 public:
  // `applied` is told the configuration hash each time a configuration or change was applied.
  DataPlane(ClusterSettings settings, store::Store& store, std::function<void(const std::string& hash)> applied);
  ~DataPlane();

  // Loads the saved configuration, if any, into the store (call before the snapshot builder
  // starts, so that the first snapshot serves it), then connects in the background.
  core::Status start();
  void stop();

  std::string configHash() const;
  bool connected() const { return connected_.load(); }
  std::string cachePath() const { return settings_.prefix + "/config.cache.json"; }

 private:
  void loop();
  // One connection, until it fails or stop(); true if it got as far as the control plane.
  bool session();
  void handle(ClusterLink& link, const std::string& text);
  void sendPing(ClusterLink& link);
  void save();
  bool pause(std::chrono::milliseconds delay);

  ClusterSettings settings_;
  store::Store& store_;
  std::function<void(const std::string&)> applied_;
  Poco::Net::Context::Ptr context_;

  mutable std::mutex mutex_;  // replica_ and version_ (read by configHash() from other threads)
  snapshot::EntityMirror replica_;  // what the control plane sent, as it sent it: the hash's source
  uint64_t version_ = 0;
  bool unsaved_ = false;
  std::chrono::steady_clock::time_point lastApplied_;

  std::atomic<bool> connected_{false};
  std::atomic<ClusterLink*> link_{nullptr};
  std::mutex stopMutex_;
  std::condition_variable stopSignal_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace sluice::cluster
