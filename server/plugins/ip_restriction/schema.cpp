// ip-restriction: allow or deny clients by IPv4/IPv6 address or CIDR range.
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;

const schema::PluginSchema& ipRestrictionSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "ip-restriction";
    p.priority = 990;
    p.config = {
        schema::arrayField("allow", td::cidr("ip_or_cidr")).withDescription("Addresses or CIDR ranges let in; others are refused."),
        schema::arrayField("deny", td::cidr("ip_or_cidr")).withDescription("Addresses or CIDR ranges refused (checked first)."),
        schema::numberField("status").withDescription("The status of a refusal (default 403)."),
        schema::stringField("message").withDescription("The message of a refusal (default 'Your IP address is not allowed')."),
    };
    p.configChecks = {td::atLeastOneOf({"allow", "deny"})};
    p.configShorthands = {td::legacyName("whitelist", p.config[0]),
                          td::legacyName("blacklist", p.config[1])};  // Kong 2.8's deprecated names
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
