#pragma once
// http-log: Kong's log object for each request, POSTed (or PUT/PATCHed) to an endpoint in
// batches by a background thread, with retries; a reactor only queues the line.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createHttpLog(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
