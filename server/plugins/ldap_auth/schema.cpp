// ldap-auth: HTTP Basic-style credentials checked by a bind to an LDAP directory (Kong 2.8's
// kong/plugins/ldap-auth/schema.lua).
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;

const schema::PluginSchema& ldapAuthSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "ldap-auth";
    p.priority = 1002;
    p.noConsumer = true;
    p.config = {
        td::host("ldap_host").asRequired().withDescription("The directory server."),
        td::port("ldap_port").asRequired().withDefault(389),
        schema::booleanField("ldaps").asRequired().withDefault(false).withDescription("Speak TLS from the first byte (port 636)."),
        schema::booleanField("start_tls").asRequired().withDefault(false).withDescription(
            "Upgrade the connection with StartTLS before the bind."),
        schema::booleanField("verify_ldap_host").asRequired().withDefault(false).withDescription(
            "Check the server's certificate and name (against sluice.conf ldap_trusted_certificate)."),
        schema::stringField("base_dn").asRequired().withDescription("Where the users are: the bind DN is attribute=username,base_dn."),
        schema::stringField("attribute").asRequired().withDescription("The attribute naming a user (uid, cn)."),
        schema::numberField("cache_ttl").asRequired().withDefault(60).withDescription(
            "Seconds an answer of the directory (yes or no) is remembered for a username and password."),
        schema::booleanField("hide_credentials").asRequired().withDefault(false).withDescription(
            "Remove the Authorization and Proxy-Authorization headers before proxying."),
        schema::numberField("timeout").withDefault(10000).withDescription("Milliseconds for connecting and for each LDAP operation."),
        schema::numberField("keepalive").withDefault(60000).withDescription("Milliseconds an idle directory connection is kept."),
        td::anonymousConsumer(),
        schema::stringField("header_type").withDefault("ldap").withDescription("The scheme of the Authorization header (ldap, basic, ...)."),
    };
    p.configChecks = {td::conditional("ldaps", {{"eq", true}}, "start_tls", {{"eq", false}},
                                      "'ldaps' and 'start_tls' cannot be enabled simultaneously")};
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
