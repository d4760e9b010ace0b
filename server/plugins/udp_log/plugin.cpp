#include "plugins/udp_log/plugin.h"

#include "plugins/logging/log_plugin.h"
#include "plugins/logging/udp_sender.h"

namespace sluice::plugins {

PluginCreateResult createUdpLog(const nlohmann::json& config, BuildContext& context) {
  return shippingLogPlugin<UdpSender>("udp-log", config, context);
}

}  // namespace sluice::plugins
