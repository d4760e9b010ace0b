#pragma once
// A control plane's side of hybrid mode: listens on cluster_listen (WebSocket over mutual TLS,
// path /v1/outlet as Kong's), sends each data plane the whole configuration when it connects and
// every change after it, and keeps the list of data planes (Kong's /clustering/data-planes) from
// what they report: hostname, address, version, configuration hash, last seen. The list lives in
// this process: after a restart it fills again as the data planes reconnect.
#include "cluster/cluster_settings.h"
#include "snapshot/entity_mirror.h"

#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <mutex>

namespace Poco::Net {
class HTTPServerRequest;
class HTTPServerResponse;
}  // namespace Poco::Net

namespace sluice::cluster {

class ClusterLink;

class ControlPlane {
 public:
  explicit ControlPlane(ClusterSettings settings);
  ~ControlPlane();

  core::Status start();
  void stop();
  uint16_t port() const;

  // On the snapshot builder's thread, each time its mirror changed: pushed to every data plane.
  void mirrorChanged(const snapshot::EntityMirror& mirror, const snapshot::EntityMirror::Changes& changes, uint64_t version);

  // Kong 2.8's /clustering/data-planes rows and /clustering/status object.
  // `connected` adds whether each is connected now (Sluice's /sluice/cluster; Kong's rows lack it).
  schema::json dataPlanes(bool connected = false) const;
  schema::json status() const;
  std::string configHash() const;

  // One connection's life (a thread of the listener's pool); public for the request handler.
  void serve(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

 private:
  struct DataPlaneRow {
    std::string id, hostname, ip, version, configHash, syncStatus;
    std::chrono::system_clock::time_point lastSeen;
    bool connected = false;
  };
  struct Session {
    std::string id;
    ClusterLink* link = nullptr;
    std::deque<std::shared_ptr<const std::string>> outbox;  // changes messages, in order
    bool needsWhole = false;
  };

  // The whole configuration, compressed, built once per configuration version.
  std::shared_ptr<const std::string> wholeMessage();
  void converse(ClusterLink& link, const std::shared_ptr<Session>& session, bool sendWhole);
  void touch(const std::string& id, const std::function<void(DataPlaneRow&)>& edit);
  void purge();

  ClusterSettings settings_;
  std::unique_ptr<Poco::ThreadPool> pool_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  std::atomic<bool> stopping_{false};

  mutable std::mutex mutex_;
  snapshot::EntityMirror replica_;  // what the data planes are given: the builder's mirror, copied
  uint64_t version_ = 0;
  std::shared_ptr<const std::string> whole_;
  std::map<std::string, std::shared_ptr<Session>> sessions_;
  std::map<std::string, DataPlaneRow> dataPlanes_;
};

}  // namespace sluice::cluster
