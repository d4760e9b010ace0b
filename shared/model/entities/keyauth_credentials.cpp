// key-auth credentials: an API key, optionally expiring after `ttl` seconds.
#include "model/entities/credentials_common.h"

namespace sluice::model {
using schema::json;

namespace {

// `ttl` is returned as the remaining lifetime; an expired key is gone.
bool applyTtl(json& entity, int64_t now) {
  if (!entity["ttl"].is_number_integer() || !entity["created_at"].is_number()) return true;
  const int64_t remaining = entity["ttl"].get<int64_t>() - (now - entity["created_at"].get<int64_t>());
  if (remaining <= 0) return false;
  entity["ttl"] = remaining;
  return true;
}

}  // namespace

const schema::EntitySchema& keyauthCredentials() {
  static const schema::EntitySchema kSchema = [] {
    auto s = credentialSchema(
        "keyauth_credentials", "key-auths", "key-auth", "key",
        {schema::typedefs::autoString("key").asUnique().withDescription("The API key (generated when absent)."),
         schema::integerField("ttl").withBetween(0, 100000000).withDescription("Seconds until the key expires.")});
    s.afterRead = applyTtl;
    s.ttl = true;
    return s;
  }();
  return kSchema;
}

}  // namespace sluice::model
