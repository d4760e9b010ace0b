// request-size-limiting: refuse request bodies over a size.
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {

const schema::PluginSchema& requestSizeLimitingSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "request-size-limiting";
    p.priority = 951;
    p.config = {
        schema::integerField("allowed_payload_size").withDefault(128).withDescription(
            "The largest body allowed, in size_unit."),
        schema::stringField("size_unit")
            .asRequired()
            .withDefault("megabytes")
            .withOneOf({"megabytes", "kilobytes", "bytes"})
            .withDescription("The unit of allowed_payload_size (binary: a kilobyte is 1024 bytes)."),
        schema::booleanField("require_content_length").asRequired().withDefault(false).withDescription(
            "Refuse bodies sent without a Content-Length (411)."),
    };
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
