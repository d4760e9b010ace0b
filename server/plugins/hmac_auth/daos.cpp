// hmac-auth credentials: a username and the secret its signatures are made with (Kong 2.8's
// kong/plugins/hmac-auth/daos.lua).
#include "plugins/hmac_auth/daos.h"

#include "plugins/credential_schema.h"

namespace sluice::plugins {

const schema::EntitySchema& hmacauthCredentials() {
  static const schema::EntitySchema kSchema = [] {
    auto s = credentialSchema(
        "hmacauth_credentials", "hmac-auths", "hmac-auth", "username",
        {schema::stringField("username").asRequired().asUnique().withDescription("The user name signatures name."),
         schema::typedefs::autoString("secret").withDescription("The HMAC secret (generated when absent).")});
    s.cacheKey = {"username"};
    return s;
  }();
  return kSchema;
}

const PluginDaos& hmacAuthDaos() {
  static const PluginDaos kDaos{{&hmacauthCredentials()},
                                {credentialTable("hmac-auth", "hmacauth_credentials", "username TEXT UNIQUE, secret TEXT")},
                                {"hmacauth_credentials"}};
  return kDaos;
}

}  // namespace sluice::plugins
