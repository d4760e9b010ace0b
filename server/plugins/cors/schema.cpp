// cors: answer CORS preflights and add CORS headers to responses.
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;
using schema::json;

const std::vector<json> kMethods{"GET", "HEAD", "PUT", "PATCH", "POST", "DELETE", "OPTIONS", "TRACE", "CONNECT"};

const schema::PluginSchema& corsSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::Field origin = schema::stringField("origin");
    origin.regexPattern = true;  // an entry with characters beyond [A-Za-z0-9.:/-] is a regex
    origin.asteriskAllowed = true;  // Kong 2.8: "*" or a regex
    schema::PluginSchema p;
    p.name = "cors";
    p.priority = 2000;
    p.noConsumer = true;
    p.config = {
        schema::arrayField("origins", origin).withDescription("Allowed origins ('*', exact origins or regexes)."),
        schema::arrayField("headers", schema::stringField("header")).withDescription("Access-Control-Allow-Headers."),
        schema::arrayField("exposed_headers", schema::stringField("header")).withDescription(
            "Access-Control-Expose-Headers."),
        schema::arrayField("methods", td::httpMethod("method").withOneOf(kMethods))
            .withDefault(json(kMethods))
            .withDescription("Access-Control-Allow-Methods."),
        schema::numberField("max_age").withDescription("Access-Control-Max-Age, in seconds."),
        schema::booleanField("credentials").asRequired().withDefault(false),
        schema::booleanField("preflight_continue").asRequired().withDefault(false).withDescription(
            "Proxy preflights upstream instead of answering them."),
    };
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
