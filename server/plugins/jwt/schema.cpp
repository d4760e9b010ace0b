// jwt: verify HS/RS/ES-signed JSON Web Tokens against consumers' jwt credentials.
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;
using schema::json;

const schema::PluginSchema& jwtSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "jwt";
    p.priority = 1005;
    p.noConsumer = true;
    p.config = {
        schema::setField("uri_param_names", schema::stringField("name"))
            .withDefault(json::array({"jwt"}))
            .withDescription("Query arguments that may carry the token."),
        schema::setField("cookie_names", schema::stringField("name")).withDefault(json::array()),
        schema::stringField("key_claim_name").withDefault("iss").withDescription("Claim that names the credential key."),
        schema::booleanField("secret_is_base64").asRequired().withDefault(false),
        schema::setField("claims_to_verify", schema::stringField("claim").withOneOf({"exp", "nbf"})),
        schema::typedefs::anonymousConsumer(),
        schema::booleanField("run_on_preflight").asRequired().withDefault(true),
        schema::numberField("maximum_expiration").withDefault(0).withBetween(0, 31536000),
        schema::setField("header_names", schema::stringField("name")).withDefault(json::array({"authorization"})),
    };
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
