#include "model/entity_directory.h"

#include "model/registry.h"

#include <deque>

namespace sluice::model {

using nlohmann::json;

json entityDirectory() {
  json data = json::array();
  for (const auto* e : allEntities()) {
    json foreign = json::array();
    for (const auto& f : e->fields)
      if (f.type == schema::FieldType::Foreign) foreign.push_back({{"field", f.name}, {"entity", f.reference}});
    data.push_back({{"name", e->name},
                    {"admin_path", e->adminPath},
                    {"nested_path", e->nestedPath},
                    {"nested_under", e->nestedUnder},
                    {"endpoint_key", e->endpointKey},
                    {"foreign_keys", foreign}});
  }
  return {{"data", data}};
}

size_t learnEntities(const json& directory) {
  static std::deque<schema::EntitySchema> learned;  // the registry keeps pointers: never moved
  const json& data = directory.is_object() ? directory.value("data", json::array()) : json::array();
  size_t added = 0;
  for (const json& entry : data.is_array() ? data : json::array()) {
    if (!entry.is_object() || !entry.value("name", json()).is_string()) continue;
    if (findEntity(entry["name"].get<std::string>())) continue;
    schema::EntitySchema e;
    e.name = entry["name"];
    const auto text = [&entry](const char* key) { return entry.value(key, json()).is_string() ? entry[key].get<std::string>() : std::string(); };
    e.adminPath = text("admin_path");
    e.nestedPath = text("nested_path");
    e.nestedUnder = text("nested_under");
    e.endpointKey = text("endpoint_key");
    const json foreign = entry.value("foreign_keys", json::array());
    for (const json& f : foreign.is_array() ? foreign : json::array())
      if (f.is_object() && f.value("field", json()).is_string() && f.value("entity", json()).is_string())
        e.fields.push_back(schema::foreignField(f["field"].get<std::string>(), f["entity"].get<std::string>()));
    learned.push_back(std::move(e));
    addEntity(learned.back());
    ++added;
  }
  return added;
}

}  // namespace sluice::model
