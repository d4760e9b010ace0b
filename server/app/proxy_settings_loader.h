#pragma once
// ProxySettings from sluice.conf.
#include "app/config.h"
#include "proxy/proxy_settings.h"

namespace sluice::app {

core::Result<proxy::ProxySettings> loadProxySettings(const Config& config, const std::string& version);

}  // namespace sluice::app
