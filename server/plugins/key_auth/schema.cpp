// key-auth: authenticate consumers by an API key in a header, query argument or body field.
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;
using schema::json;

const schema::PluginSchema& keyAuthSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "key-auth";
    p.priority = 1003;
    p.noConsumer = true;
    p.config = {
        schema::arrayField("key_names", td::headerName("key_name"))
            .asRequired()
            .withDefault(json::array({"apikey"}))
            .withDescription("Header, query argument or body field names that may carry the key."),
        schema::booleanField("hide_credentials").asRequired().withDefault(false).withDescription(
            "Remove the key from the request before proxying."),
        schema::typedefs::anonymousConsumer(),
        schema::booleanField("key_in_header").asRequired().withDefault(true),
        schema::booleanField("key_in_query").asRequired().withDefault(true),
        schema::booleanField("key_in_body").asRequired().withDefault(false),
        schema::booleanField("run_on_preflight").asRequired().withDefault(true).withDescription(
            "Authenticate OPTIONS preflight requests too."),
    };
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
