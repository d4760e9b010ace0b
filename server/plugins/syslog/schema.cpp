// syslog: Kong's log object through the system logger (Kong 2.8's kong/plugins/syslog/schema.lua).
#include "plugins/logging/severity.h"
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;
namespace {

const std::vector<schema::json>& syslogFacilities() {
  static const std::vector<schema::json> kFacilities{"auth",   "authpriv", "cron",   "daemon", "ftp",    "kern",   "lpr",
                                                     "mail",   "news",     "syslog", "user",   "uucp",   "local0", "local1",
                                                     "local2", "local3",   "local4", "local5", "local6", "local7"};
  return kFacilities;
}

}  // namespace

const schema::PluginSchema& syslogSchema() {
  static const schema::PluginSchema kSchema = [] {
    const auto severity = [](const char* name) {
      return schema::stringField(name).asRequired().withDefault("info").withOneOf(severityNames());
    };
    schema::PluginSchema p;
    p.name = "syslog";
    p.protocols = schema::PluginProtocols::Any;
    p.priority = 4;
    p.config = {
        severity("log_level"),
        severity("successful_severity"),
        severity("client_errors_severity"),
        severity("server_errors_severity"),
        td::luaCode("custom_fields_by_lua"),
        schema::stringField("facility").withOneOf(syslogFacilities()).withDescription("The syslog facility (user when absent)."),
    };
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
