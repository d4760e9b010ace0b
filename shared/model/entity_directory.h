#pragma once
// The entities a gateway serves, as GET /sluice/entities lists them: each one's collection paths,
// endpoint key and foreign keys. The core entities are in every build's registry; the plugins'
// (credentials) are declared in the gateway's plugin folders, so a client (the manager) learns
// them from this list.
#include <nlohmann/json.hpp>

#include <cstddef>

namespace sluice::model {

// {"data": [{"name", "admin_path", "nested_path", "nested_under", "endpoint_key",
//            "foreign_keys": [{"field", "entity"}, ...]}, ...]}, from this process's registry.
nlohmann::json entityDirectory();
// Adds to this process's registry the entities of `directory` it lacks (what a client needs to
// list and link them: paths, endpoint key, foreign keys); returns how many. On the thread that
// reads the registry (the manager's GUI thread).
size_t learnEntities(const nlohmann::json& directory);

}  // namespace sluice::model
