#include "admin_client/plugin_form_schema.h"

namespace sluice::admin_client {

nlohmann::json pluginFormFields(const nlohmann::json& entityFields, const nlohmann::json& pluginFields) {
  nlohmann::json declared = nlohmann::json::object();
  if (pluginFields.is_array())
    for (const auto& entry : pluginFields)
      if (entry.is_object())
        for (const auto& [name, field] : entry.items()) declared[name] = field;
  nlohmann::json out = nlohmann::json::array();
  if (!entityFields.is_array()) return out;
  for (const auto& entry : entityFields) {
    if (!entry.is_object() || entry.empty()) continue;
    const std::string name = entry.begin().key();
    if (!declared.contains(name)) {
      out.push_back(entry);
      continue;
    }
    const nlohmann::json& field = declared[name];
    if (field.contains("eq") && field["eq"].is_null()) continue;  // a scope this plugin cannot have
    out.push_back(nlohmann::json{{name, field}});
  }
  return out;
}

}  // namespace sluice::admin_client
