#pragma once
// tcp-log: Kong's log object for each request, one JSON line per request over a kept-alive TCP
// (optionally TLS) connection, sent by a background thread; a reactor only queues the line.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createTcpLog(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
