// udp-log: Kong's log object for each request, one JSON datagram to a collector (Kong 2.8's
// kong/plugins/udp-log/schema.lua).
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;

const schema::PluginSchema& udpLogSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "udp-log";
    p.protocols = schema::PluginProtocols::Any;
    p.priority = 8;
    p.config = {
        td::host("host").asRequired().withDescription("The collector's host."),
        td::port("port").asRequired(),
        schema::numberField("timeout").withDefault(10000).withDescription("Milliseconds to send."),
        td::luaCode("custom_fields_by_lua"),
    };
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
