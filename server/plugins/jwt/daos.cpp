// jwt credentials: the `iss`/kid key and the secret or public key that verifies a consumer's tokens.
#include "plugins/jwt/daos.h"

#include "plugins/credential_schema.h"

namespace sluice::plugins {
using schema::json;

namespace {

schema::EntityCheck publicKeyForAsymmetric() {
  schema::EntityCheck check;
  check.name = "conditional";
  check.args = {{"if_field", "algorithm"}, {"if_match", "RS*, ES*"}, {"then_field", "rsa_public_key"},
                {"then_match", {{"required", true}}}};
  check.fieldNames = {"algorithm", "rsa_public_key"};
  check.run = [](const json& e) -> std::optional<json> {
    const std::string alg = e["algorithm"];
    if (alg.rfind("HS", 0) != 0 && e["rsa_public_key"].is_null())
      return json{{"rsa_public_key", "required field missing"}};
    return std::nullopt;
  };
  return check;
}

}  // namespace

const schema::EntitySchema& jwtSecrets() {
  static const schema::EntitySchema kSchema = [] {
    auto s = credentialSchema(
        "jwt_secrets", "jwts", "jwt", "key",
        {schema::typedefs::autoString("key").asUnique().withDescription("Matched against the token's iss claim."),
         schema::typedefs::autoString("secret").withDescription("HMAC secret (generated when absent)."),
         schema::stringField("rsa_public_key").withDescription("PEM public key for RS/ES algorithms."),
         schema::stringField("algorithm")
             .withDefault("HS256")
             .withOneOf({"HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384"})
             .withDescription("The signing algorithm.")});
    s.checks = {publicKeyForAsymmetric()};
    return s;
  }();
  return kSchema;
}

const PluginDaos& jwtDaos() {
  static const PluginDaos kDaos{
      {&jwtSecrets()},
      {credentialTable("jwt", "jwt_secrets", "\"key\" TEXT UNIQUE, secret TEXT, rsa_public_key TEXT, algorithm TEXT")},
      {"jwt_secrets"}};
  return kDaos;
}

}  // namespace sluice::plugins
