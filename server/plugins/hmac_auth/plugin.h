#pragma once
// hmac-auth: the consumer whose secret signed the request (an Authorization or Proxy-Authorization
// "hmac username=..., algorithm=..., headers=..., signature=..." header), within the clock skew of
// its Date or X-Date header, and optionally with a body matching its Digest header.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createHmacAuth(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
