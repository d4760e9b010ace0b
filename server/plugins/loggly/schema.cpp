// loggly: Kong's log object in a syslog frame, one UDP datagram per request (Kong 2.8's
// kong/plugins/loggly/schema.lua).
#include "plugins/logging/severity.h"
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;
using schema::json;

const schema::PluginSchema& logglySchema() {
  static const schema::PluginSchema kSchema = [] {
    const auto severity = [](const char* name) { return schema::stringField(name).withDefault("info").withOneOf(severityNames()); };
    schema::PluginSchema p;
    p.name = "loggly";
    p.protocols = schema::PluginProtocols::Any;
    p.priority = 6;
    p.config = {
        td::host("host").withDefault("logs-01.loggly.com").withDescription("Loggly's syslog endpoint (UDP)."),
        td::port("port").withDefault(514),
        schema::stringField("key").asRequired().withDescription("The customer token."),
        schema::setField("tags", schema::stringField("tag")).withDefault(json::array({"kong"})),
        severity("log_level"),
        severity("successful_severity"),
        severity("client_errors_severity"),
        severity("server_errors_severity"),
        schema::numberField("timeout").withDefault(10000),
        td::luaCode("custom_fields_by_lua"),
    };
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
