#include "plugins/rate_limiting/daos.h"

namespace sluice::plugins {

const PluginDaos& rateLimitingDaos() {
  // One count per key and window for all nodes (the `cluster` policy).
  static const PluginDaos kDaos{{},
                                {{"rate-limiting/000_counters", R"sql(
CREATE TABLE IF NOT EXISTS ratelimiting_counters (
  counter_key TEXT PRIMARY KEY, count BIGINT NOT NULL, expires_at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS ratelimiting_counters_expires ON ratelimiting_counters (expires_at);
)sql",
                                  "", ""}},
                                {"ratelimiting_counters"}};
  return kDaos;
}

}  // namespace sluice::plugins
