#include "plugins/counters/redis_counter_store.h"

#include <Poco/Redis/Array.h>
#include <Poco/Redis/Command.h>

#include <ctime>

namespace sluice::plugins {

void RedisCounterStore::connect() {
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

void RedisCounterStore::exchange(const std::vector<Increment>& increments, std::vector<uint64_t>& totals,
                                 const std::vector<std::string>& reads, std::vector<uint64_t>& readTotals) {
  const auto now = static_cast<uint32_t>(std::time(nullptr));
  std::vector<Poco::Redis::Array> commands;
  for (const auto& inc : increments) {
    Poco::Redis::Array incr, expire;
    incr << "INCRBY" << inc.key << std::to_string(inc.count);
    expire << "EXPIRE" << inc.key << std::to_string(inc.expiresAt > now ? inc.expiresAt - now + 1 : 1);
    commands.push_back(incr);
    commands.push_back(expire);
  }
  for (const auto& key : reads) {
    Poco::Redis::Array get;
    get << "GET" << key;
    commands.push_back(get);
  }
  try {
    if (!client_.isConnected()) connect();
    const Poco::Redis::Array replies = client_.sendCommands(commands);
    size_t reply = 0;
    for (size_t i = 0; i < increments.size(); ++i, reply += 2) totals.push_back(static_cast<uint64_t>(replies.get<Poco::Int64>(reply)));
    for (size_t i = 0; i < reads.size(); ++i) {
      const auto value = replies.get<Poco::Redis::BulkString>(reply++);
      readTotals.push_back(value.isNull() ? 0 : std::stoull(value.value()));
    }
  } catch (...) {
    try {
      client_.disconnect();
    } catch (...) {
    }
    throw;
  }
}

}  // namespace sluice::plugins
