// correlation-id: give every request an id in a header, for tracing it across services.
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;

const schema::PluginSchema& correlationIdSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "correlation-id";
    p.priority = 1;
    p.config = {
        td::headerName("header_name").withDefault("Kong-Request-ID").withDescription("The header that carries the id."),
        schema::stringField("generator")
            .withDefault("uuid#counter")
            .withOneOf({"uuid", "uuid#counter", "tracker"})
            .withDescription("uuid: a random UUID; uuid#counter: a per-worker UUID and a counter; tracker: where and when."),
        schema::booleanField("echo_downstream").asRequired().withDefault(false).withDescription(
            "Send the id back to the client too."),
    };
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
