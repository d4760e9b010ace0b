#pragma once
// What every consumer credential shares: its owner and its place under /consumers/{c}/...
#include "model/entities.h"
#include "schema/typedefs.h"

namespace sluice::model {

// A credential schema with id, created_at, the owning consumer (cascade) and tags; `fields` go
// between the consumer and tags.
inline schema::EntitySchema credentialSchema(std::string name, std::string adminPath, std::string nestedPath,
                                             std::string endpointKey, std::vector<schema::Field> fields) {
  schema::EntitySchema s;
  s.name = std::move(name);
  s.adminPath = std::move(adminPath);
  s.nestedPath = std::move(nestedPath);
  s.nestedUnder = "consumer";
  s.endpointKey = std::move(endpointKey);
  s.fields = {schema::typedefs::id(), schema::typedefs::createdAt(),
              schema::foreignField("consumer", "consumers").asRequired().onDeleteCascade()};
  for (auto& f : fields) s.fields.push_back(std::move(f));
  s.fields.push_back(schema::typedefs::tags());
  return s;
}

}  // namespace sluice::model
