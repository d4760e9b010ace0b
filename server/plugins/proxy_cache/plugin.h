#pragma once
// proxy-cache: answers repeated requests from memory (X-Cache-Status Hit/Miss/Bypass/Refresh,
// X-Cache-Key, Age), storing the upstream's cacheable responses as they stream to the client.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createProxyCache(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
