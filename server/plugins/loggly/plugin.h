#pragma once
// loggly: Kong's log object for each request whose severity reaches log_level, framed as Kong's
// loggly plugin frames it (`<PRI>1 time host kong - - [KEY@41058 tag="…"] json`) and sent as one
// UDP datagram by a background thread.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createLoggly(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
