#pragma once
// session: cookie sessions, as Kong 2.8's session plugin keeps them. When an authentication plugin
// identifies a consumer with a credential, the response sets a session cookie; a later request
// with that cookie is the same consumer without credentials (the consumer headers, the credential
// as X-Credential-Identifier; the authentication plugins let it pass when they have `anonymous`).
// Sessions last cookie_lifetime (renewed within cookie_renew of their end), end after
// cookie_idletime without a renewal, and end on a logout (a logout_methods request with the
// logout query or form argument: 200 and an expired cookie). Storage `cookie` seals the session
// in the cookie (AES-256-GCM under the config's secret); `kong` keeps it in the sessions table and
// the cookie holds its id, signed.
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createSession(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
