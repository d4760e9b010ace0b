#pragma once
// The data plane: one ProxyWorker (reactor thread) per configured worker, each with its own
// SO_REUSEPORT listeners. Stopping drains: listeners close, in-flight exchanges finish (up to a
// deadline), then the threads end.
#include "observe/node_metrics.h"
#include "observe/trace_store.h"
#include "proxy/proxy_worker.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

namespace sluice::proxy {

class ProxyServer {
 public:
  ProxyServer(ProxySettings settings, snapshot::SnapshotPublisher& publisher);
  ~ProxyServer();

  void start();                          // throws on a listener that cannot bind
  void stop(uint64_t drainTimeoutMs);   // graceful
  // Applies settings that can change without a restart (timeouts, limits, keep-alive, headers);
  // listeners, workers and TLS certificates stay as they are.
  void reload(ProxySettings settings);
  nlohmann::json counters() const;       // for /status
  // Every worker adds its request figures into `node` (on its own thread); returns when all have,
  // or after `deadline`.
  void flushMetrics(const std::shared_ptr<observe::NodeMetrics>& node, const std::shared_ptr<observe::TraceStore>& traces,
                    std::chrono::milliseconds deadline);

 private:
  std::shared_ptr<const ProxySettings> settings_;
  snapshot::SnapshotPublisher& publisher_;
  std::vector<std::unique_ptr<ProxyWorker>> workers_;
  std::vector<std::thread> threads_;
};

}  // namespace sluice::proxy
