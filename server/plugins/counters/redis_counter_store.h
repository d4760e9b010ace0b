#pragma once
// The `redis` policy's shared store: INCRBY + EXPIRE and GET in one pipeline (Poco::Redis).
#include "plugins/counters/shared_counter_store.h"

#include <Poco/Redis/Client.h>

namespace sluice::plugins {

class RedisCounterStore final : public SharedCounterStore {
 public:
  struct Settings {
    std::string host;
    int port = 6379;
    std::string username, password;
    int database = 0;
    uint32_t timeoutMs = 2000;
  };
  explicit RedisCounterStore(Settings settings) : settings_(std::move(settings)) {}
  void exchange(const std::vector<Increment>& increments, std::vector<uint64_t>& totals, const std::vector<std::string>& reads,
                std::vector<uint64_t>& readTotals) override;
  std::string describe() const override { return "Redis " + settings_.host + ":" + std::to_string(settings_.port); }

 private:
  void connect();
  Settings settings_;
  Poco::Redis::Client client_;
};

}  // namespace sluice::plugins
