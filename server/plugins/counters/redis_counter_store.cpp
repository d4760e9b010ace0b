#include "plugins/counters/redis_counter_store.h"

#include <Poco/Redis/Array.h>
#include <Poco/Redis/Command.h>
#include <Poco/Redis/Error.h>

#include <ctime>
#include <stdexcept>

namespace sluice::plugins {
namespace {

// KEYS: total, nodes by last add (sorted set), nodes by last exchange (sorted set), holdings (hash).
// ARGV: node, now (ms), activeMs, added, keep, want, limit, ttl (s). Returns {total, held, ids...}.
// The holding rule is holdingGranted()'s. Lua numbers are doubles: exact for any count or time here.
constexpr const char* kExchangeScript = R"lua(
local node, now, active = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local added, keep, want, limit, ttl = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]), ARGV[8]
local since = '(' .. string.format('%d', now - active)
local total = redis.call('INCRBY', KEYS[1], added)
redis.call('EXPIRE', KEYS[1], ttl)
if added > 0 then
  redis.call('ZADD', KEYS[2], now, node)
  redis.call('EXPIRE', KEYS[2], ttl)
end
local held = 0
if limit > 0 then
  local others = 0
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[3], since, '+inf')) do
    if id ~= node then others = others + (tonumber(redis.call('HGET', KEYS[4], id)) or 0) end
  end
  local free = math.max(limit - total - others, 0)
  held = math.max(keep, math.min(want, free))
  redis.call('HSET', KEYS[4], node, held)
  redis.call('ZADD', KEYS[3], now, node)
  redis.call('EXPIRE', KEYS[3], ttl)
  redis.call('EXPIRE', KEYS[4], ttl)
end
local answer = {total, held}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], since, '+inf')) do answer[#answer + 1] = id end
return answer
)lua";

}  // namespace

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
  Poco::Redis::Array load;
  load << "SCRIPT" << "LOAD" << kExchangeScript;
  script_ = client_.execute<Poco::Redis::BulkString>(load).value();
}

std::vector<SharedCounterStore::Answer> RedisCounterStore::exchange(const std::string& node, uint32_t activeMs,
                                                                     const std::vector<Item>& items) {
  const auto now = static_cast<uint32_t>(std::time(nullptr));
  const std::string nowMs = std::to_string(nowMilliseconds()), active = std::to_string(activeMs);
  try {
    if (!client_.isConnected()) connect();
    std::vector<Poco::Redis::Array> commands;
    commands.reserve(items.size());
    for (const auto& item : items) {
      Poco::Redis::Array call;
      call << "EVALSHA" << script_ << "4" << item.key << item.key + ":added" << item.key + ":seen" << item.key + ":held" << node << nowMs
           << active << std::to_string(item.added) << std::to_string(item.keep) << std::to_string(item.want)
           << std::to_string(item.limit) << std::to_string(item.expiresAt > now ? item.expiresAt - now + 1 : 1);
      commands.push_back(std::move(call));
    }
    const Poco::Redis::Array replies = client_.sendCommands(commands);
    std::vector<Answer> answers;
    answers.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
      if (replies.getType(i) == Poco::Redis::RedisTypeTraits<Poco::Redis::Error>::TypeId)
        throw std::runtime_error(replies.get<Poco::Redis::Error>(i).getMessage());
      const auto reply = replies.get<Poco::Redis::Array>(i);
      std::vector<std::string> ids;
      for (size_t m = 2; m < reply.size(); ++m) ids.push_back(reply.get<Poco::Redis::BulkString>(m).value());
      answers.push_back(answerFor(static_cast<uint64_t>(reply.get<Poco::Int64>(0)), static_cast<uint64_t>(reply.get<Poco::Int64>(1)),
                                  std::move(ids), node));
    }
    return answers;
  } catch (...) {
    try {
      client_.disconnect();
    } catch (...) {
    }
    throw;
  }
}

}  // namespace sluice::plugins
