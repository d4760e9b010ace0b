#pragma once
// The `redis` policy's shared store, one pipeline per exchange (Poco::Redis): per key one call of
// a Lua script (loaded once per connection, run by EVALSHA) that adds to the total, grants the
// holding and lists the nodes that added lately — atomic in Redis as a transaction is in SQL.
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
  std::vector<Answer> exchange(const std::string& node, uint32_t activeMs, const std::vector<Item>& items) override;
  std::string describe() const override { return "Redis " + settings_.host + ":" + std::to_string(settings_.port); }

 private:
  void connect();
  Settings settings_;
  Poco::Redis::Client client_;
  std::string script_;  // SHA1 of the exchange script on this connection
};

}  // namespace sluice::plugins
