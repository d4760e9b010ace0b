#pragma once
// GET /endpoints: every path the Admin API answers, as Kong 2.8 lists them ("/services/{services}"),
// sorted segment by segment. Entity paths come from the entity declarations.
#include <nlohmann/json.hpp>

namespace sluice::admin {

nlohmann::json endpointList();

}  // namespace sluice::admin
