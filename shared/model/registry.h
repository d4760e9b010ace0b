#pragma once
#include "schema/entity_schema.h"

#include <string_view>
#include <vector>

namespace sluice::model {

// All entities, parents before children (the order to create in; reverse it to delete).
const std::vector<const schema::EntitySchema*>& allEntities();
const schema::EntitySchema* findEntity(std::string_view name);
const schema::EntitySchema* findByAdminPath(std::string_view path);
// The entities that have a foreign key to `parent`.
std::vector<std::pair<const schema::EntitySchema*, const schema::Field*>> referencing(std::string_view parent);

}  // namespace sluice::model
