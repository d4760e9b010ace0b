#pragma once
// What every authentication plugin does once it knows who is calling (Kong's set_consumer): the
// consumer goes into the context for the plugins after it, and the upstream learns it through
// X-Consumer-ID, X-Consumer-Custom-ID, X-Consumer-Username, X-Credential-Identifier and
// X-Anonymous-Consumer — each set or cleared, so a client cannot forge them.
#include "plugins/build_context.h"
#include "plugins/plugin.h"
#include "plugins/request_context.h"
#include "snapshot/config_snapshot.h"

#include <string>
#include <string_view>

namespace sluice::plugins {

// `usernameCredential`: the credential is a username (basic-auth, hmac-auth), which Kong 2.8 also
// sends as the deprecated X-Credential-Username (set, or cleared for an anonymous consumer).
void authenticate(RequestContext& ctx, size_t consumerIndex, std::string_view credentialId,
                  std::string_view credentialIdentifier, bool usernameCredential = false);
// A credential that names no consumer (ldap-auth's directory user, Kong's set_consumer(nil, credential)):
// X-Consumer-* are cleared, X-Credential-Identifier and X-Credential-Username carry the username.
void authenticateCredential(RequestContext& ctx, std::string_view credentialId, std::string_view username);
// The `anonymous` fallback of a failed authentication (a consumer id or username): true when that consumer exists; otherwise
// a 500 is queued (Kong: the anonymous consumer is configured but does not exist).
bool authenticateAnonymous(RequestContext& ctx, const std::string& anonymous, bool usernameCredential = false);
// A failed authentication: with `anonymous` set the request goes on as that consumer (or gets a
// 500 when it does not exist); otherwise it is refused with `status` and `message`.
PhaseResult failAuthentication(RequestContext& ctx, const std::string& anonymous, int status, std::string_view message,
                               bool usernameCredential = false);
// Another authentication plugin of the chain already identified a real consumer or credential (the
// `anonymous` option then lets this one pass: Kong's "logical OR" of auth plugins).
inline bool alreadyAuthenticated(const RequestContext& ctx) {
  return !ctx.anonymous && (ctx.consumer || !ctx.credentialId.empty());
}

// Building a plugin's credential index: `add(row, consumer index)` for every row of a credential
// entity (keyauth_credentials, acls...) whose consumer is in the snapshot being built.
template <class Add>
void forEachCredential(BuildContext& context, const std::string& entity, Add&& add) {
  const auto& consumers = context.snapshot().consumerById;
  for (const auto& row : context.entities(entity)) {
    const auto consumer = consumers.find(row.at("consumer").at("id").template get<std::string>());
    if (consumer != consumers.end()) add(row, consumer->second);
  }
}

// Constant-time comparison for secrets.
bool secretsEqual(std::string_view a, std::string_view b);
// Standard base64 (with padding); false when `in` is not base64.
bool base64Decode(std::string_view in, std::string& out);

}  // namespace sluice::plugins
