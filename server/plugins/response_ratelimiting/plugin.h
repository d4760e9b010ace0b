#pragma once
// response-ratelimiting: limits on what the upstream says each response used (Kong 2.8's). The
// upstream names its usage in a response header (`X-Kong-Limit: videos=2, images=1`); the plugin
// counts it per consumer, credential or client address in each configured period, tells the
// upstream what is left (`X-RateLimit-Remaining-videos`) and the client the limits
// (`X-RateLimit-Limit-videos-minute`, `X-RateLimit-Remaining-videos-minute`), and answers 429 to
// a response that uses a limit already used up (or, with block_on_first_violation, refuses the
// request before the upstream sees it).
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createResponseRatelimiting(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
