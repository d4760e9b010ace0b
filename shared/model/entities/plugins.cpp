// Plugins: a plugin configuration applied globally or to a service, route and/or consumer.
// `config` is validated against the schema of the plugin named by `name`.
#include "model/entities.h"
#include "schema/typedefs.h"

namespace sluice::model {
namespace td = schema::typedefs;
using schema::json;

const schema::EntitySchema& plugins() {
  static const schema::EntitySchema kSchema = [] {
    schema::EntitySchema s;
    s.name = "plugins";
    s.adminPath = "plugins";
    s.nestedPath = "plugins";
    s.cacheKey = {"name", "route", "service", "consumer"};
    schema::Field config = schema::recordField("config", {}).withDescription(
        "The plugin's configuration (see /schemas/plugins/{name}).");
    config.pluginConfig = true;
    s.fields = {
        td::id(),
        schema::stringField("name").asRequired().withDescription("The plugin to run."),
        td::createdAt(),
        schema::foreignField("route", "routes").onDeleteCascade().withDescription("Apply only on this route."),
        schema::foreignField("service", "services").onDeleteCascade().withDescription("Apply only on this service."),
        schema::foreignField("consumer", "consumers").onDeleteCascade().withDescription("Apply only for this consumer."),
        config,
        schema::setField("protocols", schema::stringField("protocol").withOneOf(td::serviceProtocols()))
            .asRequired()
            .withDefault(json::array({"grpc", "grpcs", "http", "https"}))
            .withDescription("Protocols the plugin runs on."),
        schema::booleanField("enabled").asRequired().withDefault(true).withDescription("Whether the plugin runs."),
        td::tags(),
    };
    return s;
  }();
  return kSchema;
}

}  // namespace sluice::model
