#pragma once
// oauth2: the OAuth 2.0 provider Kong 2.8 ships, step for step after its access.lua. On a route's
// own paths it serves `POST …/oauth2/authorize` (authorization code, with PKCE, and implicit
// grants; called by the application's backend with the provision_key) and `POST …/oauth2/token`
// (authorization code, client credentials, password and refresh token grants); every other request
// needs a valid bearer token, whose consumer, scope and authenticated user the upstream learns
// (X-Consumer-*, X-Authenticated-Scope, X-Authenticated-UserId). Tokens and codes live in
// OAuth2Grants (memory, written behind to the store).
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createOAuth2(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
