// bot-detection: refuse common bots, by regular expressions on the User-Agent.
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;
using schema::json;

const schema::PluginSchema& botDetectionSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::Field rule = schema::stringField("rule");
    rule.regexPattern = true;
    schema::PluginSchema p;
    p.name = "bot-detection";
    p.priority = 2500;
    p.noConsumer = true;
    p.config = {
        schema::arrayField("allow", rule).withDefault(json::array()).withDescription("User-Agent regexes always let in (checked first)."),
        schema::arrayField("deny", rule).withDefault(json::array()).withDescription("User-Agent regexes refused, besides the built-in bot rules."),
    };
    p.configShorthands = {td::legacyName("whitelist", p.config[0]),
                          td::legacyName("blacklist", p.config[1])};  // Kong 2.8's deprecated names
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
