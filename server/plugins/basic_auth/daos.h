#pragma once
// basic-auth's entity: basicauth_credentials (/basic-auths, /consumers/{c}/basic-auth).
#include "plugins/plugin_catalog.h"

namespace sluice::plugins {

const schema::EntitySchema& basicauthCredentials();
const PluginDaos& basicAuthDaos();

}  // namespace sluice::plugins
