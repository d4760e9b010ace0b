// oauth2: the OAuth 2.0 provider Kong 2.8 ships (kong/plugins/oauth2/schema.lua).
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;
using schema::json;

namespace {

// Kong's custom_validator: a provider offers at least one flow.
schema::EntityCheck someFlowEnabled() {
  schema::EntityCheck check;
  check.name = "custom_validator";
  check.args = json::array();
  check.fieldNames = {"enable_authorization_code", "enable_implicit_grant", "enable_client_credentials", "enable_password_grant"};
  check.run = [names = check.fieldNames](const json& config) -> std::optional<json> {
    for (const auto& n : names)
      if (config.value(n, false)) return std::nullopt;
    return json::array({"at least one of these fields must be true: enable_authorization_code, enable_implicit_grant, "
                        "enable_client_credentials, enable_password_grant"});
  };
  return check;
}

schema::Field flag(const char* name, const char* description = nullptr) {
  schema::Field f = schema::booleanField(name).asRequired().withDefault(false);
  return description ? f.withDescription(description) : f;
}

}  // namespace

const schema::PluginSchema& oauth2Schema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "oauth2";
    p.priority = 1004;
    p.noConsumer = true;
    p.config = {
        schema::arrayField("scopes", schema::stringField("scope")).withDescription("The scopes a client may ask for."),
        flag("mandatory_scope", "A client must ask for a scope."),
        td::autoString("provision_key").asRequired().asUnique().withDescription(
            "The key the application's own backend sends to /oauth2/authorize (generated when absent)."),
        schema::numberField("token_expiration").asRequired().withDefault(7200).withDescription("Seconds an access token lasts (0: for ever)."),
        flag("enable_authorization_code"),
        flag("enable_implicit_grant"),
        flag("enable_client_credentials"),
        flag("enable_password_grant"),
        flag("hide_credentials"),
        flag("accept_http_if_already_terminated", "Accept plain HTTP from a trusted proxy that says X-Forwarded-Proto: https."),
        td::anonymousConsumer(),
        flag("global_credentials", "Tokens are good for every service with oauth2 global_credentials."),
        schema::stringField("auth_header_name").withDefault("authorization"),
        schema::numberField("refresh_token_ttl").asRequired().withDefault(1209600).withDescription(
            "Seconds a refresh token lasts (0: for ever)."),
        flag("reuse_refresh_token"),
        schema::stringField("pkce").withDefault("lax").withOneOf({"none", "lax", "strict"}),
    };
    p.configChecks = {someFlowEnabled(), td::conditional("mandatory_scope", {{"eq", true}}, "scopes", {{"required", true}})};
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
