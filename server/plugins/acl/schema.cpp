// acl: allow or deny consumers by the groups (acls) they belong to.
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;
using schema::json;

namespace {

schema::EntityCheck allowXorDeny() {
  schema::EntityCheck check;
  check.name = "only_one_of";
  check.args = json::array({"allow", "deny"});
  check.fieldNames = {"allow", "deny"};
  check.run = [](const json& config) -> std::optional<json> {
    const bool allow = config["allow"].is_array() && !config["allow"].empty();
    const bool deny = config["deny"].is_array() && !config["deny"].empty();
    if (allow == deny) return json::array({"exactly one of these fields must be non-empty: 'allow', 'deny'"});
    return std::nullopt;
  };
  return check;
}

}  // namespace

const schema::PluginSchema& aclSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "acl";
    p.priority = 950;
    p.noConsumer = true;
    p.config = {
        schema::arrayField("allow", schema::stringField("group")).withDescription("Groups allowed in."),
        schema::arrayField("deny", schema::stringField("group")).withDescription("Groups kept out."),
        schema::booleanField("hide_groups_header").asRequired().withDefault(false).withDescription(
            "Do not send X-Consumer-Groups upstream."),
    };
    p.configChecks = {allowXorDeny()};
    p.configShorthands = {td::legacyName("whitelist", p.config[0]),
                          td::legacyName("blacklist", p.config[1])};  // Kong 2.8's deprecated names
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
