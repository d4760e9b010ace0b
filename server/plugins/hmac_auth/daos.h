#pragma once
// hmac-auth's entity: hmacauth_credentials (/hmac-auths, /consumers/{c}/hmac-auth).
#include "plugins/plugin_catalog.h"

namespace sluice::plugins {

const schema::EntitySchema& hmacauthCredentials();
const PluginDaos& hmacAuthDaos();

}  // namespace sluice::plugins
