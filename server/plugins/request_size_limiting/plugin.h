#pragma once
// request-size-limiting: 413 for bodies over the allowed size — at once when Content-Length says
// so, or as soon as a chunked body passes the limit while it streams.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createRequestSizeLimiting(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
