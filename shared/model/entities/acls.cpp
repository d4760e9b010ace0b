// acls: a group a consumer belongs to, checked by the acl plugin.
#include "model/entities/credentials_common.h"

namespace sluice::model {

const schema::EntitySchema& acls() {
  static const schema::EntitySchema kSchema = [] {
    auto s = credentialSchema("acls", "acls", "acls", "group",
                              {schema::stringField("group").asRequired().withDescription("The group name.")});
    s.cacheKey = {"consumer", "group"};
    return s;
  }();
  return kSchema;
}

}  // namespace sluice::model
