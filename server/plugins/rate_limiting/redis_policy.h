#pragma once
// The `redis` policy: counts shared by every node using the same Redis. Reactors count in two
// local tables — `pending` (increments not yet in Redis) and `global` (the totals Redis last
// reported) — and decide on their sum; a background thread pushes pending increments with
// INCRBY/EXPIRE and reads back the other keys it counted in this window (GET), in one pipeline
// per interval, and stores the totals Redis answers. Nodes agree within one sync interval (a
// node's first request for a key is decided on what it knows then); while Redis is unreachable,
// counting goes on locally.
#include "plugins/logging/bounded_queue.h"
#include "plugins/rate_limiting/counter_policy.h"

#include <Poco/Redis/Client.h>

#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace sluice::plugins {

class RedisPolicy final : public CounterPolicy {
 public:
  struct Settings {
    std::string host;
    int port = 6379;
    std::string username, password;
    int database = 0;
    uint32_t timeoutMs = 2000;
    uint32_t syncMs = 50;
  };
  explicit RedisPolicy(Settings settings);
  ~RedisPolicy() override;

  uint64_t usage(uint64_t key, uint32_t window) const override { return global_.read(key, window) + pending_.read(key, window); }
  void increment(uint64_t key, uint32_t window, uint32_t expiresAt) override;
  bool available() const override { return healthy_.load(std::memory_order_relaxed); }

 private:
  struct Touched {
    uint64_t key;
    uint32_t window, expiresAt;
  };
  void run();
  void sync(std::map<std::pair<uint64_t, uint32_t>, uint32_t>& touched);
  void connect();

  Settings settings_;
  LocalCounters pending_, global_;
  BoundedQueue touched_;  // keys whose pending count went from 0 to 1
  std::atomic<bool> healthy_{true}, stopping_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  Poco::Redis::Client client_;
  std::thread thread_;
};

}  // namespace sluice::plugins
