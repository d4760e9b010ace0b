#pragma once
// request-termination: a fixed response instead of the upstream's (maintenance, blocked routes).
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createRequestTermination(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
