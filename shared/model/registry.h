#pragma once
#include "schema/entity_schema.h"

#include <string_view>
#include <vector>

namespace sluice::model {

// All entities, parents before children (the order to create in; reverse it to delete): the core
// ones (model/entities.h), then those the plugins keep (declared in their folders, Kong's daos),
// in the order added.
const std::vector<const schema::EntitySchema*>& allEntities();
// Adds a plugin's entity (once per name; after its parents). At start, before anything reads the
// registry: the registry is not locked.
void addEntity(const schema::EntitySchema& entity);
const schema::EntitySchema* findEntity(std::string_view name);
const schema::EntitySchema* findByAdminPath(std::string_view path);
// The entity a collection path of the Admin API lists: "routes", "key-auths",
// "services/<id>/routes", "consumers/<id>/key-auth"; null for none.
const schema::EntitySchema* findByCollection(std::string_view path);
// In a nested collection path ("upstreams/<id>/targets"), the listed entity's foreign field that
// the owner fills ("upstream"); null for a top-level path.
const schema::Field* ownerField(std::string_view path);
// The collections nested under an entity of `parentName` ("services": routes, plugins).
std::vector<const schema::EntitySchema*> nestedUnder(std::string_view parentName);
// The entity that shows `child` as one of its own fields (certificates for snis), or null.
const schema::EntitySchema* transientParent(const schema::EntitySchema& child);
// The entities that have a foreign key to `parent`.
std::vector<std::pair<const schema::EntitySchema*, const schema::Field*>> referencing(std::string_view parent);

}  // namespace sluice::model
