#pragma once
// udp-log: Kong's log object for each request, one JSON datagram per request, sent by a background
// thread; a reactor only queues the line.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createUdpLog(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
