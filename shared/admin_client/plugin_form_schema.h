#pragma once
// The fields a form for one plugin shows. Kong answers a plugin's schema (/schemas/plugins/{name})
// with only what the plugin declares — the scopes it forbids, its protocols, its config — while
// the scope fields, `enabled` and `tags` belong to the plugins entity (/schemas/plugins). A client
// merges the two: the entity's fields, with the plugin's declarations in place of the entity's.
#include <nlohmann/json.hpp>

namespace sluice::admin_client {

// Both arguments and the result are Kong's `fields` arrays ([{"name": {...}}, ...]). A scope the
// plugin forbids (`eq: null`) is left out.
nlohmann::json pluginFormFields(const nlohmann::json& entityFields, const nlohmann::json& pluginFields);

}  // namespace sluice::admin_client
