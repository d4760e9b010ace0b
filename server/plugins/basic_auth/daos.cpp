// basic-auth credentials: a username and a password, stored hashed.
#include "plugins/basic_auth/daos.h"

#include "model/password_hash.h"
#include "plugins/credential_schema.h"

namespace sluice::plugins {
using schema::json;
using model::hashPassword;
using model::isPasswordHash;
using model::kongSha1Hash;

const schema::EntitySchema& basicauthCredentials() {
  static const schema::EntitySchema kSchema = [] {
    auto s = credentialSchema(
        "basicauth_credentials", "basic-auths", "basic-auth", "username",
        {schema::stringField("username").asRequired().asUnique().withDescription("The user name."),
         schema::stringField("password").asRequired().withDescription("The password (stored as a salted hash).")});
    s.adoptTransformed = [](json& entity) {
      if (!entity["password"].is_string() || isPasswordHash(entity["password"].get<std::string>())) return;
      const json& consumer = entity["consumer"];
      const json id = consumer.is_object() ? consumer.value("id", json()) : consumer;
      if (id.is_string()) entity["password"] = kongSha1Hash(id.get<std::string>(), entity["password"].get<std::string>());
    };
    s.beforeWrite = [](json& entity) -> core::Status {
      const std::string password = entity["password"].get<std::string>();
      if (!isPasswordHash(password)) entity["password"] = hashPassword(password);
      return core::Ok{};
    };
    return s;
  }();
  return kSchema;
}

const PluginDaos& basicAuthDaos() {
  static const PluginDaos kDaos{{&basicauthCredentials()},
                                {credentialTable("basic-auth", "basicauth_credentials", "username TEXT UNIQUE, password TEXT")},
                                {"basicauth_credentials"}};
  return kDaos;
}

}  // namespace sluice::plugins
