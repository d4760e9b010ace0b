#pragma once
// Plugin state that outlives configuration snapshots, one per node: the rate-limiting counters
// must keep counting when a route is added. Objects are created on first use by a factory (on
// the snapshot builder's thread) and then shared, by pointer, with the plugin instances of every
// later snapshot.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sluice::plugins {

// Node-wide plugin settings from sluice.conf (proxy_cache_size, rate_limiting_counters,
// rate_limiting_sync_interval, syslog_socket, trusted_ips, plugin_threads, plugin_queue,
// plugin_trusted_certificates), provided to factories under the key "settings".
struct PluginSettings {
  size_t proxyCacheBytes = size_t{64} << 20;
  size_t rateLimitingCounters = size_t{1} << 18;
  uint32_t rateLimitingSyncMs = 50;
  std::string syslogSocket = "/dev/log";  // the system logger's datagram socket
  std::vector<std::string> trustedIps;    // proxies whose X-Forwarded-Proto is believed (sluice.conf trusted_ips)
  size_t pluginThreads = 8;               // blocking_pool.h
  std::string trustedCertificates;        // PEM bundle for verified TLS to plugin servers; empty: the system's
  size_t pluginQueue = 1024;
};

class NodeState {
 public:
  // Something the node provides to plugins (the cluster's counter store), or null.
  template <class T>
  std::shared_ptr<T> find(const std::string& key) {
    std::lock_guard lock(mutex_);
    const auto it = objects_.find(key);
    return it == objects_.end() ? nullptr : std::static_pointer_cast<T>(it->second);
  }
  template <class T>
  void provide(const std::string& key, std::shared_ptr<T> object) {
    std::lock_guard lock(mutex_);
    objects_[key] = std::move(object);
  }

  PluginSettings settings() {
    const auto provided = find<PluginSettings>("settings");
    return provided ? *provided : PluginSettings{};
  }

  template <class T>
  std::shared_ptr<T> get(const std::string& key, const std::function<std::shared_ptr<T>()>& make) {
    std::lock_guard lock(mutex_);
    auto& slot = objects_[key];
    if (!slot) slot = make();
    return std::static_pointer_cast<T>(slot);
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<void>> objects_;
};

}  // namespace sluice::plugins
