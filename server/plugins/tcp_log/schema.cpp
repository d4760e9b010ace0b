// tcp-log: Kong's log object for each request, a JSON line over TCP (or TLS) to a collector
// (Kong 2.8's kong/plugins/tcp-log/schema.lua).
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;

const schema::PluginSchema& tcpLogSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "tcp-log";
    p.protocols = schema::PluginProtocols::Any;
    p.priority = 7;
    p.config = {
        td::host("host").asRequired().withDescription("The collector's host."),
        td::port("port").asRequired(),
        schema::numberField("timeout").withDefault(10000).withDescription("Milliseconds to connect and send."),
        schema::numberField("keepalive").withDefault(60000).withDescription("Milliseconds an idle connection is kept."),
        schema::booleanField("tls").asRequired().withDefault(false).withDescription("Send over TLS (the peer is not verified)."),
        schema::stringField("tls_sni").withDescription("The server name sent in the TLS handshake."),
        td::luaCode("custom_fields_by_lua"),
    };
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
