#pragma once
// acl's entity: acls, a consumer's groups (/acls, /consumers/{c}/acls).
#include "plugins/plugin_catalog.h"

namespace sluice::plugins {

const schema::EntitySchema& acls();
const PluginDaos& aclDaos();

}  // namespace sluice::plugins
