// http-log: send request logs to an HTTP endpoint, in batches, from a background queue.
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;
using schema::json;

const schema::PluginSchema& httpLogSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "http-log";
    p.protocols = schema::PluginProtocols::Any;
    p.priority = 12;
    p.config = {
        td::url("http_endpoint").asRequired().withDescription("Where to send the logs (http or https URL)."),
        schema::stringField("method").withDefault("POST").withOneOf({"POST", "PUT", "PATCH"}),
        schema::stringField("content_type").withDefault("application/json").withOneOf({"application/json"}),
        schema::numberField("timeout").withDefault(10000).withDescription("Milliseconds to wait for the endpoint."),
        schema::numberField("keepalive").withDefault(60000).withDescription("Milliseconds an idle connection is kept."),
        schema::integerField("retry_count").withDefault(10).withDescription(
            "Attempts after the first failure, with a growing pause."),
        schema::integerField("queue_size").withDefault(1).withDescription(
            "Logs per request to the endpoint (more than one: a JSON array)."),
        schema::numberField("flush_timeout").withDefault(2).withDescription("Seconds a partial batch may wait."),
        schema::mapField("headers", td::headerName("name"), schema::arrayField("values", schema::stringField("value"))).withDescription(
            "Headers sent with every batch."),
        schema::typedefs::luaCode("custom_fields_by_lua"),
    };
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
