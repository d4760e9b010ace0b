#include "schema/entity_schema.h"

namespace sluice::schema {

const Field* EntitySchema::field(const std::string& fieldName) const {
  for (const auto& f : fields)
    if (f.name == fieldName) return &f;
  return nullptr;
}

const Field* EntitySchema::foreignTo(const std::string& entityName) const {
  for (const auto& f : fields)
    if (f.type == FieldType::Foreign && f.reference == entityName) return &f;
  return nullptr;
}

}  // namespace sluice::schema
