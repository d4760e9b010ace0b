#pragma once
// ldap-auth: "LDAP base64(username:password)" in Proxy-Authorization or Authorization, accepted when
// the directory takes a simple bind as `attribute=username,base_dn` with that password (Kong 2.8's
// kong/plugins/ldap-auth/access.lua). The bind runs on the plugin threads while the request waits
// (plugins::Suspension); the directory's answer is remembered for cache_ttl seconds per username and
// password. No consumer is named: the upstream learns the username (X-Credential-Identifier).
#include "plugins/build_context.h"

namespace sluice::plugins {

PluginCreateResult createLdapAuth(const nlohmann::json& config, BuildContext& context);

}  // namespace sluice::plugins
