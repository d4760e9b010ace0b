#pragma once
// The counters a rate-limiting plugin's `policy` names, kept by the node across snapshots and
// shared by every instance that counts there (keys are seeded with the plugin's id):
// `local` (this node's lock-free table), `redis` (`redis_host`, `redis_port`, … of the config)
// or `cluster` (the configuration database; `local`, with a warning, when there is none).
#include "plugins/build_context.h"
#include "plugins/counters/counter_policy.h"

#include <memory>

namespace sluice::plugins {

std::shared_ptr<CounterPolicy> countersForPolicy(const char* plugin, const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
