#pragma once
// correlation-id: a request id in a header, generated unless the client sent one.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createCorrelationId(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
