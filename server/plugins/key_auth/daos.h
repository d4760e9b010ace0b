#pragma once
// key-auth's entity: keyauth_credentials (/key-auths, /consumers/{c}/key-auth).
#include "plugins/plugin_catalog.h"

namespace sluice::plugins {

const schema::EntitySchema& keyauthCredentials();
const PluginDaos& keyAuthDaos();

}  // namespace sluice::plugins
