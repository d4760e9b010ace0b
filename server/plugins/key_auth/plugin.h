#pragma once
// key-auth: the consumer is the owner of the API key found in a header or query argument.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createKeyAuth(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
