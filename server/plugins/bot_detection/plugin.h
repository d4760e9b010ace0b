#pragma once
// bot-detection: refuses requests whose User-Agent matches `deny` or a built-in bot rule, unless
// it matches `allow`.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createBotDetection(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
