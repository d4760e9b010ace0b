// basic-auth: authenticate consumers with HTTP Basic credentials.
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;

const schema::PluginSchema& basicAuthSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "basic-auth";
    p.priority = 1001;
    p.noConsumer = true;
    p.config = {
        schema::typedefs::anonymousConsumer(),
        schema::booleanField("hide_credentials").asRequired().withDefault(false).withDescription(
            "Remove the Authorization header before proxying."),
    };
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
