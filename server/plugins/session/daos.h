#pragma once
// session's entity (Kong 2.8's kong/plugins/session/daos.lua): `sessions`, the sessions of the
// `kong` storage, expiring with their ttl.
#include "plugins/plugin_catalog.h"

namespace sluice::plugins {

const schema::EntitySchema& sessions();
const PluginDaos& sessionDaos();

}  // namespace sluice::plugins
