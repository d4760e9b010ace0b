// Consumers: the clients of an API, identified by credentials (Kong's consumers.lua).
#include "model/entities.h"
#include "schema/typedefs.h"

namespace sluice::model {
namespace td = schema::typedefs;

const schema::EntitySchema& consumers() {
  static const schema::EntitySchema kSchema = [] {
    schema::EntitySchema s;
    s.name = "consumers";
    s.adminPath = "consumers";
    s.endpointKey = "username";
    s.fields = {
        td::id(),
        td::createdAt(),
        schema::stringField("username").asUnique().withDescription("A unique user name."),
        schema::stringField("custom_id").asUnique().withDescription("A unique id from another system."),
        td::tags(),
    };
    s.checks = {td::atLeastOneOf({"custom_id", "username"})};
    return s;
  }();
  return kSchema;
}

}  // namespace sluice::model
