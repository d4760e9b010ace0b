// key-auth credentials: an API key, optionally expiring after `ttl` seconds.
#include "plugins/key_auth/daos.h"

#include "plugins/credential_schema.h"

namespace sluice::plugins {

const schema::EntitySchema& keyauthCredentials() {
  static const schema::EntitySchema kSchema = [] {
    auto s = credentialSchema(
        "keyauth_credentials", "key-auths", "key-auth", "key",
        {schema::typedefs::autoString("key").asUnique().withDescription("The API key (generated when absent)."),
         schema::integerField("ttl").withBetween(0, 100000000).withDescription("Seconds until the key expires.")});
    s.afterRead = applyRowTtl;
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
