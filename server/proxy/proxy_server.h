#pragma once
// The data plane: one ProxyWorker (reactor thread) per configured worker, each with its own
// SO_REUSEPORT listeners. Stopping drains: listeners close, in-flight exchanges finish (up to a
// deadline), then the threads end.
#include "proxy/proxy_worker.h"

#include <nlohmann/json.hpp>

#include <thread>

namespace sluice::proxy {

class ProxyServer {
 public:
  ProxyServer(ProxySettings settings, snapshot::SnapshotPublisher& publisher);
  ~ProxyServer();

  void start();                          // throws on a listener that cannot bind
  void stop(uint64_t drainTimeoutMs);   // graceful
  nlohmann::json counters() const;       // for /status

 private:
  ProxySettings settings_;
  snapshot::SnapshotPublisher& publisher_;
  std::vector<std::unique_ptr<ProxyWorker>> workers_;
  std::vector<std::thread> threads_;
};

}  // namespace sluice::proxy
