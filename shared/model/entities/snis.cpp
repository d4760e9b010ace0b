// SNIs: a TLS server name served with a certificate.
#include "model/entities.h"
#include "schema/typedefs.h"

namespace sluice::model {
namespace td = schema::typedefs;

const schema::EntitySchema& snis() {
  static const schema::EntitySchema kSchema = [] {
    schema::EntitySchema s;
    s.name = "snis";
    s.adminPath = "snis";
    s.nestedPath = "snis";
    s.nestedUnder = "certificate";
    s.endpointKey = "name";
    s.fields = {
        td::id(),
        td::wildcardHost("name").asRequired().asUnique().withDescription("The server name (wildcards allowed)."),
        td::createdAt(),
        td::tags(),
        schema::foreignField("certificate", "certificates").asRequired().onDeleteCascade(),
    };
    return s;
  }();
  return kSchema;
}

}  // namespace sluice::model
