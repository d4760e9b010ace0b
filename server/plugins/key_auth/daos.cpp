// key-auth credentials: an API key, optionally expiring after `ttl` seconds.
#include "plugins/key_auth/daos.h"

#include "plugins/credential_schema.h"

#include <cmath>

namespace sluice::plugins {
using schema::json;

namespace {

// `ttl` is returned as the whole seconds left, as Kong answers it (10 just after creation is 9);
// an expired key is gone.
bool applyTtl(json& entity, double now) {
  if (!entity["ttl"].is_number_integer() || !entity["created_at"].is_number()) return true;
  const double left = static_cast<double>(entity["ttl"].get<int64_t>()) - (now - entity["created_at"].get<double>());
  if (left <= 0) return false;
  entity["ttl"] = static_cast<int64_t>(std::floor(left));
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

const PluginDaos& keyAuthDaos() {
  static const PluginDaos kDaos{
      {&keyauthCredentials()}, {credentialTable("key-auth", "keyauth_credentials", "\"key\" TEXT UNIQUE, ttl BIGINT")}, {"keyauth_credentials"}};
  return kDaos;
}

}  // namespace sluice::plugins
