#pragma once
// syslog: Kong's log object for each request whose severity reaches log_level, through the system
// logger: one datagram per request to its socket (sluice.conf `syslog_socket`, /dev/log), framed as
// the C library's syslog() frames it (`<PRI>Mmm dd hh:mm:ss kong: json`), from a background thread.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createSyslog(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
