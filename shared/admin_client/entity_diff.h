#pragma once
// What changed between two states of an entity, field by field, as the manager's History view shows
// it: nested records (a plugin's config, an upstream's healthchecks) as dotted paths, arrays and
// scalars compared whole, the timestamps left out. A state that is null is an entity that did not
// exist (a creation) or no longer does (a deletion): every field it has then counts.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sluice::admin_client {

struct FieldChange {
  std::string path;       // "config.minute"
  nlohmann::json before;  // null when the field was absent or null
  nlohmann::json after;
};

std::vector<FieldChange> diffEntity(const nlohmann::json& before, const nlohmann::json& after);
// A value as one short line ("null" for null, strings without quotes, the rest as compact JSON).
std::string shortValue(const nlohmann::json& value);

}  // namespace sluice::admin_client
