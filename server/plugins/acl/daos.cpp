// acls: a group a consumer belongs to, checked by the acl plugin.
#include "plugins/acl/daos.h"

#include "plugins/credential_schema.h"

namespace sluice::plugins {

const schema::EntitySchema& acls() {
  static const schema::EntitySchema kSchema = [] {
    auto s = credentialSchema("acls", "acls", "acls", "group",
                              {schema::stringField("group").asRequired().withDescription("The group name.")});
    s.cacheKey = {"consumer", "group"};
    return s;
  }();
  return kSchema;
}

const PluginDaos& aclDaos() {
  static const PluginDaos kDaos{
      {&acls()}, {credentialTable("acl", "acls", "\"group\" TEXT", ", UNIQUE (consumer_id, \"group\")")}, {"acls"}};
  return kDaos;
}

}  // namespace sluice::plugins
