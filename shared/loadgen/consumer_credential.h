#pragma once
// The header a load test sends to be a given consumer on a route: the consumer's key-auth key
// under the key name of the key-auth plugin nearest the route, or — where the route asks for a JWT
// instead — a token signed with the consumer's HS256/384/512 jwt secret (its key in the plugin's
// key claim, an expiry that outlasts the run), in the plugin's first header. The gateway (from its
// store) and the manager (over the Admin API) gather the same inputs and both ask this.
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sluice::loadgen {

struct ConsumerCredentials {
  std::vector<nlohmann::json> keyAuths;  // keyauth_credentials of the consumer
  std::vector<nlohmann::json> jwts;      // jwt_secrets of the consumer
};

// The config of the plugin called `name` that applies to `route` (Admin API JSON of the route and
// of plugins): the route's own, else its service's, else a global one; nullopt when none.
std::optional<nlohmann::json> nearestPluginConfig(const std::vector<nlohmann::json>& plugins, const std::string& name,
                                                  const nlohmann::json& route);

// (header name, value) or a schema-violation error on "consumer". `validSeconds`: how long a
// signed token must stay valid; `now`: unix seconds.
core::Result<std::pair<std::string, std::string>> credentialHeader(const ConsumerCredentials& consumer,
                                                                   const std::vector<nlohmann::json>& plugins,
                                                                   const nlohmann::json& route, int64_t now,
                                                                   int64_t validSeconds);

// An HS256/HS384/HS512 JSON Web Token over `claims`; nullopt for another algorithm or a secret
// that is not base64 when `secretIsBase64`.
std::optional<std::string> signJwt(const std::string& algorithm, const std::string& secret, bool secretIsBase64,
                                   const nlohmann::json& claims);

}  // namespace sluice::loadgen
