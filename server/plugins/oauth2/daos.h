#pragma once
// oauth2's entities (Kong 2.8's kong/plugins/oauth2/daos.lua): the client applications
// (oauth2_credentials: /oauth2, /consumers/{c}/oauth2), the tokens they were given
// (oauth2_tokens: /oauth2_tokens) and the authorization codes waiting to be exchanged
// (oauth2_authorization_codes, no Admin API). Tokens and codes expire (`ttl`).
#include "plugins/plugin_catalog.h"

namespace sluice::plugins {

const schema::EntitySchema& oauth2Credentials();
const schema::EntitySchema& oauth2Tokens();
const schema::EntitySchema& oauth2AuthorizationCodes();
const PluginDaos& oauth2Daos();

}  // namespace sluice::plugins
