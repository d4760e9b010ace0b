#pragma once
// basic-auth: the consumer owning the username and password of an Authorization (or
// Proxy-Authorization) header.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createBasicAuth(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
