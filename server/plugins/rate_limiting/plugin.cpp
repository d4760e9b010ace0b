#include "plugins/rate_limiting/plugin.h"

#include "plugins/config_values.h"
#include "plugins/rate_limiting/counter_policy.h"
#include "plugins/rate_limiting/redis_counter_store.h"
#include "plugins/rate_limiting/synced_policy.h"
#include "snapshot/config_snapshot.h"

#include <Poco/Logger.h>

#include <array>
#include <charconv>
#include <ctime>
#include <functional>

namespace sluice::plugins {
namespace {

enum Period { kSecond, kMinute, kHour, kDay, kMonth, kYear, kPeriods };
constexpr std::array<const char*, kPeriods> kNames{"second", "minute", "hour", "day", "month", "year"};
constexpr std::array<const char*, kPeriods> kTitles{"Second", "Minute", "Hour", "Day", "Month", "Year"};
// Kong's EXPIRATION table: the length used for RateLimit-Reset (months and years approximated).
constexpr std::array<uint32_t, kPeriods> kLength{1, 60, 3600, 86400, 2592000, 31536000};

struct Window {
  uint32_t index;  // which window of the period `now` falls in
  uint32_t start;  // its first second (unix time)
};

Window windowOf(Period p, time_t now) {
  const auto t = static_cast<uint32_t>(now);
  if (p <= kDay) return {t / kLength[p], t / kLength[p] * kLength[p]};
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::tm first{};
  first.tm_year = utc.tm_year;
  first.tm_mon = p == kMonth ? utc.tm_mon : 0;
  first.tm_mday = 1;
  const auto start = static_cast<uint32_t>(timegm(&first));
  return {static_cast<uint32_t>(p == kMonth ? utc.tm_year * 12 + utc.tm_mon : utc.tm_year), start};
}

uint64_t mix(uint64_t h) {  // splitmix64's finaliser
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

std::string number(uint64_t n) {
  char digits[24];
  const auto r = std::to_chars(digits, digits + sizeof digits, n);
  return std::string(digits, r.ptr);
}

class RateLimitingPlugin final : public Plugin {
 public:
  RateLimitingPlugin(const nlohmann::json& config, const std::string& id, std::shared_ptr<CounterPolicy> counters)
      : counters_(std::move(counters)), seed_(mix(std::hash<std::string>{}(id))) {
    faultTolerant_ = config.value("fault_tolerant", true);
    for (int p = 0; p < kPeriods; ++p)
      if (config.contains(kNames[p]) && config[kNames[p]].is_number()) {
        limits_[p] = static_cast<uint64_t>(config[kNames[p]].get<double>());
        configured_[p] = true;
        limitText_[p] = number(limits_[p]);
        limitHeader_[p] = std::string("X-RateLimit-Limit-") + kTitles[p];
        remainingHeader_[p] = std::string("X-RateLimit-Remaining-") + kTitles[p];
      }
    limitBy_ = config.value("limit_by", "consumer");
    if (config.contains("header_name") && config["header_name"].is_string()) headerName_ = config["header_name"].get<std::string>();
    if (config.contains("path") && config["path"].is_string()) path_ = config["path"].get<std::string>();
    hideHeaders_ = config.at("hide_client_headers").get<bool>();
  }

  uint8_t phases() const override { return phaseBit(Phase::Access); }

  PhaseResult access(RequestContext& ctx) const override {
    if (!faultTolerant_ && !counters_->available()) {  // the shared store is away: refuse rather than guess
      ctx.respond(500, "An unexpected error occurred");
      return PhaseResult::Respond;
    }
    const time_t now = std::time(nullptr);
    const uint64_t who = mix(seed_ ^ std::hash<std::string_view>{}(identifier(ctx)));
    std::array<Window, kPeriods> windows{};
    std::array<uint64_t, kPeriods> keys{}, used{};
    int stop = -1;
    for (int p = 0; p < kPeriods; ++p) {
      if (!configured_[p]) continue;
      windows[p] = windowOf(static_cast<Period>(p), now);
      keys[p] = mix(who + static_cast<uint64_t>(p));
      used[p] = counters_->usage(keys[p], windows[p].index);
      if (used[p] >= limits_[p] && stop < 0) stop = p;
    }
    // Kong's headers: per period, then the period closest to its limit (the longer on a tie).
    uint64_t remaining = 0, limit = 0, reset = 0;
    int chosen = -1;
    for (int p = 0; p < kPeriods; ++p) {
      if (!configured_[p]) continue;
      uint64_t left = limits_[p] > used[p] ? limits_[p] - used[p] : 0;
      if ((stop < 0 || stop == p) && left > 0) --left;  // this request
      if (chosen < 0 || left < remaining || (left == remaining && kLength[p] > kLength[chosen])) {
        chosen = p;
        remaining = left;
        limit = limits_[p];
        const uint64_t elapsed = static_cast<uint64_t>(now) - windows[p].start;
        reset = kLength[p] > elapsed + 1 ? kLength[p] - elapsed : 1;
      }
      if (!hideHeaders_) {
        ctx.responseHeaders.add(limitHeader_[p], limitText_[p]);
        ctx.responseHeaders.add(remainingHeader_[p], number(left));
      }
    }
    if (!hideHeaders_ && chosen >= 0) {
      ctx.responseHeaders.add("RateLimit-Limit", number(limit));
      ctx.responseHeaders.add("RateLimit-Remaining", number(remaining));
      ctx.responseHeaders.add("RateLimit-Reset", number(reset));
    }
    if (stop >= 0) {
      ctx.responseHeaders.add("Retry-After", number(reset));
      ctx.respond(429, "API rate limit exceeded");
      return PhaseResult::Respond;
    }
    for (int p = 0; p < kPeriods; ++p)
      if (configured_[p])
        counters_->increment(keys[p], windows[p].index,
                             windows[p].start + (p <= kDay ? kLength[p] : static_cast<uint32_t>(kLength[p] + 86400 * 31)));
    return PhaseResult::Continue;
  }

 private:
  // What the counters are kept for (Kong's get_identifier); the client address when it is missing.
  std::string_view identifier(const RequestContext& ctx) const {
    std::string_view id;
    if (limitBy_ == "consumer") id = ctx.consumer ? std::string_view(ctx.consumer->id) : std::string_view(ctx.credentialId);
    else if (limitBy_ == "credential") id = ctx.credentialId;
    else if (limitBy_ == "service") id = ctx.service ? std::string_view(ctx.service->id) : std::string_view();
    else if (limitBy_ == "header") id = ctx.header(headerName_);
    else if (limitBy_ == "path" && ctx.path == path_) id = ctx.path;
    return id.empty() ? ctx.clientIp : id;
  }

  std::shared_ptr<CounterPolicy> counters_;
  uint64_t seed_;
  bool faultTolerant_ = true;
  std::array<uint64_t, kPeriods> limits_{};
  std::array<bool, kPeriods> configured_{};
  std::array<std::string, kPeriods> limitText_, limitHeader_, remainingHeader_;
  std::string limitBy_, headerName_, path_;
  bool hideHeaders_ = false;
};

}  // namespace

PluginCreateResult createRateLimiting(const nlohmann::json& config, BuildContext& context) {
  const std::string policy = config.value("policy", "local");
  std::shared_ptr<CounterPolicy> counters;
  if (policy == "redis") {
    RedisCounterStore::Settings settings;
    settings.host = optionalString(config, "redis_host");
    settings.port = config.value("redis_port", 6379);
    settings.username = optionalString(config, "redis_username");
    settings.password = optionalString(config, "redis_password");
    settings.database = config.value("redis_database", 0);
    settings.timeoutMs = static_cast<uint32_t>(config.value("redis_timeout", 2000.0));
    // One sync thread and one pair of tables per Redis database, kept across snapshots.
    const std::string key = "rate-limiting:redis:" + settings.host + ":" + std::to_string(settings.port) + "/" +
                            std::to_string(settings.database) + "@" + settings.username;
    const PluginSettings limits = context.node().settings();
    counters = context.node().get<CounterPolicy>(key, [&settings, &limits] {
      return std::make_shared<SyncedPolicy>(std::make_unique<RedisCounterStore>(settings), limits.rateLimitingSyncMs,
                                            limits.rateLimitingCounters);
    });
  } else if (auto database = policy == "cluster" ? context.node().find<SharedCounterStoreFactory>("cluster") : nullptr) {
    // The configuration database, shared by the nodes of a cluster.
    const PluginSettings limits = context.node().settings();
    counters = context.node().get<CounterPolicy>("rate-limiting:cluster", [&database, &limits] {
      return std::make_shared<SyncedPolicy>(database->make(), limits.rateLimitingSyncMs, limits.rateLimitingCounters);
    });
  } else {
    if (policy != "local")
      Poco::Logger::get("sluice.plugins")
          .warning("rate-limiting (%s): the %s policy needs a database; counting on this node only (local)",
                   context.pluginId(), policy);
    const size_t slots = context.node().settings().rateLimitingCounters;
    counters = context.node().get<CounterPolicy>("rate-limiting:local", [slots] { return std::make_shared<LocalPolicy>(slots); });
  }
  return PluginConstSharedPtr(std::make_shared<RateLimitingPlugin>(config, context.pluginId(), std::move(counters)));
}

}  // namespace sluice::plugins
