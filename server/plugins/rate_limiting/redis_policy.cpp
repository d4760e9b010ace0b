#include "plugins/rate_limiting/redis_policy.h"

#include <Poco/Logger.h>
#include <Poco/Redis/Array.h>
#include <Poco/Redis/Command.h>

#include <chrono>
#include <cstring>
#include <ctime>

namespace sluice::plugins {
namespace {

std::string redisKey(uint64_t key, uint32_t window) {
  char text[64];
  std::snprintf(text, sizeof text, "sluice:ratelimit:%016llx:%u", static_cast<unsigned long long>(key), window);
  return text;
}

}  // namespace

RedisPolicy::RedisPolicy(Settings settings) : settings_(std::move(settings)), touched_(65536) {
  thread_ = std::thread([this] { run(); });
}

RedisPolicy::~RedisPolicy() {
  stopping_ = true;
  wake_.notify_one();
  thread_.join();
}

void RedisPolicy::increment(uint64_t key, uint32_t window, uint32_t expiresAt) {
  if (pending_.add(key, window, expiresAt, 1) != 1) return;  // already known to the sync thread
  std::string event(sizeof(Touched), '\0');
  const Touched t{key, window, expiresAt};
  std::memcpy(event.data(), &t, sizeof t);
  touched_.push(std::move(event));  // full: the key is picked up on its next first increment
}

void RedisPolicy::connect() {
  client_.disconnect();
  client_.connect(settings_.host, settings_.port, Poco::Timespan(static_cast<long>(settings_.timeoutMs) * 1000));
  client_.setReceiveTimeout(Poco::Timespan(static_cast<long>(settings_.timeoutMs) * 1000));
  if (!settings_.password.empty()) {
    Poco::Redis::Array auth;
    auth << "AUTH";
    if (!settings_.username.empty()) auth << settings_.username;
    auth << settings_.password;
    client_.execute<std::string>(auth);
  }
  if (settings_.database != 0) {
    Poco::Redis::Array select;
    select << "SELECT" << std::to_string(settings_.database);
    client_.execute<std::string>(select);
  }
}

void RedisPolicy::run() {
  std::map<std::pair<uint64_t, uint32_t>, uint32_t> touched;  // (key, window) -> expiresAt
  std::string event;
  while (!stopping_.load()) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, std::chrono::milliseconds(settings_.syncMs));
    }
    while (touched_.pop(event)) {
      Touched t{};
      std::memcpy(&t, event.data(), sizeof t);
      touched[{t.key, t.window}] = t.expiresAt;
    }
    if (!touched.empty()) sync(touched);
  }
}

// `touched`: every key this node counted in a window not yet over. Keys with pending increments
// are pushed (INCRBY, EXPIRE); the others are read back (GET), so that each node learns the
// other nodes' requests within one interval even for keys it has stopped counting (at the limit).
void RedisPolicy::sync(std::map<std::pair<uint64_t, uint32_t>, uint32_t>& touched) {
  const auto now = static_cast<uint32_t>(std::time(nullptr));
  struct Item {
    uint64_t key;
    uint32_t window, expiresAt;
    uint64_t count;  // pending increments; 0: a refresh
  };
  std::vector<Item> items;
  std::vector<Poco::Redis::Array> commands;
  constexpr size_t kMaxPerInterval = 10000;
  for (auto it = touched.begin(); it != touched.end() && items.size() < kMaxPerInterval;) {
    if (it->second < now) {  // its window is over
      it = touched.erase(it);
      continue;
    }
    const uint64_t count = pending_.read(it->first.first, it->first.second);
    const std::string key = redisKey(it->first.first, it->first.second);
    Poco::Redis::Array command;
    if (count > 0) {
      Poco::Redis::Array expire;
      command << "INCRBY" << key << std::to_string(count);
      expire << "EXPIRE" << key << std::to_string(it->second - now + 1);
      commands.push_back(command);
      commands.push_back(expire);
    } else {
      command << "GET" << key;
      commands.push_back(command);
    }
    items.push_back(Item{it->first.first, it->first.second, it->second, count});
    ++it;
  }
  if (items.empty()) return;
  try {
    if (!client_.isConnected()) connect();
    const Poco::Redis::Array replies = client_.sendCommands(commands);
    size_t reply = 0;
    for (const Item& item : items) {
      if (item.count > 0) {
        const auto total = replies.get<Poco::Int64>(reply);
        reply += 2;
        // The total first: for a moment the count may be high, never low.
        global_.set(item.key, item.window, item.expiresAt, static_cast<uint64_t>(total));
        pending_.subtract(item.key, item.window, item.count);
      } else {
        const auto value = replies.get<Poco::Redis::BulkString>(reply++);
        if (!value.isNull()) global_.set(item.key, item.window, item.expiresAt, std::stoull(value.value()));
      }
    }
    if (!healthy_.exchange(true)) Poco::Logger::get("sluice.plugins").notice("rate-limiting: Redis %s:%d is back", settings_.host, settings_.port);
  } catch (const std::exception& e) {
    if (healthy_.exchange(false))
      Poco::Logger::get("sluice.plugins").error("rate-limiting: Redis %s:%d unreachable (%s); counting on this node meanwhile",
                                                settings_.host, settings_.port, std::string(e.what()));
    try {
      client_.disconnect();
    } catch (...) {
    }
  }
}

}  // namespace sluice::plugins
