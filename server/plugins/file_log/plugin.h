#pragma once
// file-log: one JSON object per line per request (Kong's log serializer), written by a thread of
// its own so that a slow disk never holds a request.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createFileLog(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
