#include "plugins/rate_limiting/daos.h"

namespace sluice::plugins {

const PluginDaos& rateLimitingDaos() {
  // One count per key and window for all nodes (the `cluster` policy), and per key the nodes
  // counting it: when each last added to it and last exchanged, and the holding it was granted.
  static const PluginDaos kDaos{{},
                                {{"rate-limiting/000_counters", R"sql(
CREATE TABLE IF NOT EXISTS ratelimiting_counters (
  counter_key TEXT PRIMARY KEY, count BIGINT NOT NULL, expires_at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS ratelimiting_counters_expires ON ratelimiting_counters (expires_at);
)sql",
                                  "", ""},
                                 {"rate-limiting/001_nodes", R"sql(
CREATE TABLE IF NOT EXISTS ratelimiting_nodes (
  counter_key TEXT NOT NULL, node_id TEXT NOT NULL, added_at_ms BIGINT NOT NULL, seen_at_ms BIGINT NOT NULL,
  held BIGINT NOT NULL, expires_at BIGINT NOT NULL,
  PRIMARY KEY (counter_key, node_id));
CREATE INDEX IF NOT EXISTS ratelimiting_nodes_expires ON ratelimiting_nodes (expires_at);
)sql",
                                  "", ""}},
                                {"ratelimiting_counters", "ratelimiting_nodes"}};
  return kDaos;
}

}  // namespace sluice::plugins
