#include "plugins/oauth2/daos.h"

#include "model/password_hash.h"
#include "plugins/credential_schema.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

namespace sluice::plugins {
using schema::json;
namespace td = schema::typedefs;

namespace {

// Kong's validate_uri: a scheme and a host, no fragment.
std::optional<std::string> redirectUriShape(const json& value) {
  const std::string uri = value.get<std::string>();
  try {
    const Poco::URI parsed(uri);
    if (parsed.getScheme().empty() || parsed.getHost().empty()) return "cannot parse '" + uri + "'";
    if (uri.find('#') != std::string::npos) return "fragment not allowed in '" + uri + "'";
  } catch (const Poco::Exception&) {
    return "cannot parse '" + uri + "'";
  }
  return std::nullopt;
}

// What a token and a code share: the service it was given for (none: a global credential) and the
// application it was given to.
std::vector<schema::Field> grantOwners() {
  return {schema::foreignField("service", "services").onDeleteCascade(),
          schema::foreignField("credential", "oauth2_credentials").asRequired().onDeleteCascade()};
}

}  // namespace

const schema::EntitySchema& oauth2Credentials() {
  static const schema::EntitySchema kSchema = [] {
    auto s = credentialSchema(
        "oauth2_credentials", "oauth2", "oauth2", "client_id",
        {schema::stringField("name").asRequired().withDescription("The application's name."),
         td::autoString("client_id").asUnique().withDescription("Generated when absent."),
         td::autoString("client_secret").withDescription("Generated when absent; stored hashed with hash_secret."),
         schema::booleanField("hash_secret").asRequired().withDefault(false),
         schema::arrayField("redirect_uris", schema::stringField("uri").withCheck(redirectUriShape))
             .withDescription("Where the authorization endpoint sends the user back."),
         schema::stringField("client_type").asRequired().withDefault("confidential").withOneOf({"confidential", "public"})});
    s.cacheKey = {"client_id"};
    // Kong's transformation: with hash_secret the secret is stored as Kong hashes it (PBKDF2-SHA512).
    s.beforeWrite = [](json& entity) -> core::Status {
      if (entity.value("hash_secret", false) && entity["client_secret"].is_string() &&
          !model::isKongSecretHash(entity["client_secret"].get<std::string>()))
        entity["client_secret"] = model::hashKongSecret(entity["client_secret"].get<std::string>());
      return core::Ok{};
    };
    return s;
  }();
  return kSchema;
}

const schema::EntitySchema& oauth2Tokens() {
  static const schema::EntitySchema kSchema = [] {
    schema::EntitySchema s;
    s.name = "oauth2_tokens";
    s.adminPath = "oauth2_tokens";
    s.endpointKey = "access_token";
    s.cacheKey = {"access_token"};
    s.fields = {td::id(), td::createdAt()};
    for (auto& f : grantOwners()) s.fields.push_back(f);
    for (auto& f : std::vector<schema::Field>{
             schema::stringField("token_type").asRequired().withDefault("bearer").withOneOf({"bearer"}),
             schema::integerField("expires_in").asRequired().withDescription("Seconds the access token is valid (0: for ever)."),
             td::autoString("access_token").asUnique(),
             schema::stringField("refresh_token").asUnique(),
             schema::stringField("authenticated_userid"),
             schema::stringField("scope"),
             schema::integerField("ttl").withBetween(0, 100000000).withDescription("Seconds until the row is deleted."),
         })
      s.fields.push_back(f);
    s.ttl = true;
    s.afterRead = applyRowTtl;
    return s;
  }();
  return kSchema;
}

const schema::EntitySchema& oauth2AuthorizationCodes() {
  static const schema::EntitySchema kSchema = [] {
    schema::EntitySchema s;
    s.name = "oauth2_authorization_codes";
    s.fields = {td::id(), td::createdAt()};
    for (auto& f : grantOwners()) s.fields.push_back(f);
    for (auto& f : std::vector<schema::Field>{
             td::autoString("code").asUnique(),
             schema::stringField("authenticated_userid"),
             schema::stringField("scope"),
             schema::stringField("challenge"),
             schema::stringField("challenge_method").withOneOf({"S256"}),
             schema::integerField("ttl").withBetween(0, 100000000),
         })
      s.fields.push_back(f);
    s.ttl = true;
    s.afterRead = applyRowTtl;
    return s;
  }();
  return kSchema;
}

const PluginDaos& oauth2Daos() {
  static const PluginDaos kDaos{
      {&oauth2Credentials(), &oauth2Tokens(), &oauth2AuthorizationCodes()},
      {credentialTable("oauth2", "oauth2_credentials",
                       "name TEXT, client_id TEXT UNIQUE, client_secret TEXT, hash_secret BOOLEAN, redirect_uris TEXT, client_type TEXT"),
       {"oauth2/001_grants", R"sql(
CREATE TABLE IF NOT EXISTS oauth2_tokens (
  id TEXT PRIMARY KEY, created_at BIGINT,
  service_id TEXT REFERENCES services (id) ON DELETE CASCADE,
  credential_id TEXT REFERENCES oauth2_credentials (id) ON DELETE CASCADE,
  token_type TEXT, expires_in BIGINT, access_token TEXT UNIQUE, refresh_token TEXT UNIQUE,
  authenticated_userid TEXT, scope TEXT, ttl BIGINT);
CREATE INDEX IF NOT EXISTS oauth2_tokens_credential_id ON oauth2_tokens (credential_id);
CREATE INDEX IF NOT EXISTS oauth2_tokens_service_id ON oauth2_tokens (service_id);
CREATE TABLE IF NOT EXISTS oauth2_authorization_codes (
  id TEXT PRIMARY KEY, created_at BIGINT,
  service_id TEXT REFERENCES services (id) ON DELETE CASCADE,
  credential_id TEXT REFERENCES oauth2_credentials (id) ON DELETE CASCADE,
  code TEXT UNIQUE, authenticated_userid TEXT, scope TEXT, challenge TEXT, challenge_method TEXT, ttl BIGINT);
CREATE INDEX IF NOT EXISTS oauth2_authorization_codes_credential_id ON oauth2_authorization_codes (credential_id);
)sql",
        "", ""}},
      {"oauth2_tokens", "oauth2_authorization_codes", "oauth2_credentials"}};
  return kDaos;
}

}  // namespace sluice::plugins
