#pragma once
// The data plane: one ProxyWorker (reactor thread) per configured worker, each with its own
// SO_REUSEPORT listeners, bound here or handed over by a predecessor. Stopping drains: listeners
// close, in-flight exchanges finish (up to a deadline), then the threads end.
#include "observe/node_metrics.h"
#include "observe/trace_store.h"
#include "proxy/proxy_worker.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <thread>

namespace sluice::proxy {

class ProxyServer {
 public:
  ProxyServer(ProxySettings settings, snapshot::SnapshotPublisher& publisher);
  ~ProxyServer();

  // Throws on a listener that cannot bind. `inherited`: listening sockets a predecessor handed over
  // (app/takeover.h); each is used for the proxy_listen address it is bound to, the others closed.
  // With `acceptNow` false the workers accept only from acceptConnections() on: a successor serves
  // the sockets it was handed only once it can serve everything (until then its predecessor does).
  void start(std::vector<int> inherited = {}, bool acceptNow = true);
  void acceptConnections();
  // Graceful: listeners close, in-flight exchanges finish. `lingerIdle` when a successor took the
  // listeners over: idle keep-alive connections get a moment for a last request.
  void stop(uint64_t drainTimeoutMs, bool lingerIdle = false);
  // Every worker's listening sockets (stable from start() until stop()).
  const std::vector<int>& listenerFds() const { return listenerFds_; }
  // How many inherited sockets start() used, and how many it closed (no address of proxy_listen).
  size_t inheritedUsed() const { return inheritedUsed_; }
  size_t inheritedClosed() const { return inheritedClosed_; }
  // Applies settings that can change without a restart (timeouts, limits, keep-alive, headers);
  // listeners, workers and TLS certificates stay as they are.
  void reload(ProxySettings settings);
  nlohmann::json counters() const;       // for /status
  // Every worker adds its request figures into `node` (on its own thread); returns when all have,
  // or after `deadline`.
  void flushMetrics(const std::shared_ptr<observe::NodeMetrics>& node, const std::shared_ptr<observe::TraceStore>& traces,
                    std::chrono::milliseconds deadline);
  // True when every worker's reactor ran a task posted now within `deadline` (the watchdog's test
  // that the data plane is not stuck).
  bool responsive(std::chrono::milliseconds deadline);

 private:
  // Posts `task` to every worker's reactor; true when all have run it within `deadline`.
  bool onEveryWorker(const std::function<void(ProxyWorker&)>& task, std::chrono::milliseconds deadline);

  std::shared_ptr<const ProxySettings> settings_;
  snapshot::SnapshotPublisher& publisher_;
  std::vector<std::unique_ptr<ProxyWorker>> workers_;
  std::vector<std::thread> threads_;
  std::vector<int> listenerFds_;
  size_t inheritedUsed_ = 0, inheritedClosed_ = 0;
};

}  // namespace sluice::proxy
