#include "plugins/counters/policy_choice.h"

#include "plugins/config_values.h"
#include "plugins/counters/redis_counter_store.h"
#include "plugins/counters/synced_policy.h"

#include <Poco/Logger.h>

namespace sluice::plugins {

std::shared_ptr<CounterPolicy> countersForPolicy(const char* plugin, const nlohmann::json& config, BuildContext& context) {
  const std::string policy = config.value("policy", "local");
  const PluginSettings limits = context.node().settings();
  if (policy == "redis") {
    RedisCounterStore::Settings settings;
    settings.host = optionalString(config, "redis_host");
    settings.port = config.value("redis_port", 6379);
    settings.username = optionalString(config, "redis_username");
    settings.password = optionalString(config, "redis_password");
    settings.database = static_cast<int>(config.value("redis_database", 0.0));
    settings.timeoutMs = static_cast<uint32_t>(config.value("redis_timeout", 2000.0));
    // One sync thread and one pair of tables per Redis database.
    const std::string key = "counters:redis:" + settings.host + ":" + std::to_string(settings.port) + "/" +
                            std::to_string(settings.database) + "@" + settings.username;
    return context.node().get<CounterPolicy>(key, [&settings, &limits] {
      return std::make_shared<SyncedPolicy>(std::make_unique<RedisCounterStore>(settings), limits.rateLimitingSyncMs,
                                            limits.rateLimitingCounters);
    });
  }
  if (auto database = policy == "cluster" ? context.node().find<SharedCounterStoreFactory>("cluster") : nullptr) {
    return context.node().get<CounterPolicy>("counters:cluster", [&database, &limits] {
      return std::make_shared<SyncedPolicy>(database->make(), limits.rateLimitingSyncMs, limits.rateLimitingCounters);
    });
  }
  if (policy != "local")
    Poco::Logger::get("sluice.plugins")
        .warning("%s (%s): the %s policy needs a database; counting on this node only (local)", std::string(plugin),
                 context.pluginId(), policy);
  const size_t slots = limits.rateLimitingCounters;
  return context.node().get<CounterPolicy>("counters:local", [slots] { return std::make_shared<LocalPolicy>(slots); });
}

}  // namespace sluice::plugins
