#pragma once
// jwt's entity: jwt_secrets (/jwts, /consumers/{c}/jwt).
#include "plugins/plugin_catalog.h"

namespace sluice::plugins {

const schema::EntitySchema& jwtSecrets();
const PluginDaos& jwtDaos();

}  // namespace sluice::plugins
