#pragma once
// jwt: the consumer owning the key named by a token's `iss` (or `key_claim_name`) claim, once the
// token's signature verifies with that credential's secret or public key.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createJwt(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
