#include "declarative/config_plan.h"

#include "declarative/yaml_json.h"
#include "model/registry.h"

#include <map>
#include <set>

namespace sluice::declarative {
namespace {

using json = nlohmann::json;

std::string labelOf(const schema::EntitySchema& schema, const json& e) {
  if (!schema.endpointKey.empty() && e.contains(schema.endpointKey) && e[schema.endpointKey].is_string())
    return e[schema.endpointKey].get<std::string>();
  return e.value("id", "");
}

// Whether the stored entity already says what the file says (timestamps aside).
bool same(const schema::EntitySchema& schema, const json& stored, const json& wanted) {
  for (const auto& f : schema.fields) {
    if (f.name == "created_at" || f.name == "updated_at") continue;
    const json a = stored.contains(f.name) ? stored[f.name] : json();
    const json b = wanted.contains(f.name) ? wanted[f.name] : json();
    if (a != b) return false;
  }
  return true;
}

void remapIds(json& value, const std::map<std::string, std::string>& ids) {
  if (value.is_object()) {
    if (value.size() == 1 && value.contains("id") && value["id"].is_string()) {
      const auto it = ids.find(value["id"].get<std::string>());
      if (it != ids.end()) value["id"] = it->second;
      return;
    }
    for (auto& [key, v] : value.items()) remapIds(v, ids);
  }
}

}  // namespace

core::Result<ConfigPlan> planConfig(store::Store& store, const std::string& text, const schema::ValidationContext& ctx, bool replace) {
  auto doc = parseYaml(text);
  if (!doc) return doc.error();
  auto entities = flatten(*doc, ctx);
  if (!entities) return entities.error();
  ConfigPlan plan;
  // 1. Match each entity to a stored one: by id, else by endpoint key.
  std::map<std::string, std::string> ids;  // the file's (or generated) id -> the store's
  std::vector<std::optional<json>> stored(entities->size());
  for (size_t i = 0; i < entities->size(); ++i) {
    auto& [schema, e] = (*entities)[i];
    auto byId = store.get(*schema, e["id"].get<std::string>());
    if (!byId) return byId.error();
    if (*byId) {
      stored[i] = **byId;
      continue;
    }
    if (!schema->endpointKey.empty() && e.contains(schema->endpointKey) && e[schema->endpointKey].is_string()) {
      auto byKey = store.findBy(*schema, schema->endpointKey, e[schema->endpointKey]);
      if (!byKey) return byKey.error();
      if (*byKey) {
        ids[e["id"].get<std::string>()] = (**byKey)["id"].get<std::string>();
        stored[i] = **byKey;
      }
    }
  }
  // 2. Use the store's ids, in the entities and in the references to them.
  for (auto& [schema, e] : *entities) {
    if (const auto it = ids.find(e["id"].get<std::string>()); it != ids.end()) e["id"] = it->second;
    for (auto& [key, v] : e.items())
      if (key != "id") remapIds(v, ids);
  }
  // 3. Sort.
  std::map<std::string, std::set<std::string>> kept;
  for (size_t i = 0; i < entities->size(); ++i) {
    const auto& [schema, e] = (*entities)[i];
    kept[schema->name].insert(e["id"].get<std::string>());
    PlannedChange c{schema->name, e["id"].get<std::string>(), labelOf(*schema, e)};
    if (!stored[i]) plan.creates.push_back(c);
    else if (!same(*schema, *stored[i], e)) plan.updates.push_back(c);
    else ++plan.unchanged;
  }
  if (replace)
    for (const auto* schema : model::allEntities()) {
      auto all = store.listAll(*schema);
      if (!all) return all.error();
      for (const auto& e : *all)
        if (!kept[schema->name].count(e["id"].get<std::string>()))
          plan.deletes.push_back({schema->name, e["id"].get<std::string>(), labelOf(*schema, e)});
    }
  plan.entities = std::move(*entities);
  return plan;
}

core::Status applyPlan(store::Store& store, const ConfigPlan& plan, bool replace) { return store.applyAll(plan.entities, replace); }

json planJson(const ConfigPlan& plan) {
  const auto list = [](const std::vector<PlannedChange>& changes) {
    json out = json::array();
    for (const auto& c : changes) out.push_back({{"entity", c.entity}, {"id", c.id}, {"name", c.label}});
    return out;
  };
  return {{"create", list(plan.creates)}, {"update", list(plan.updates)}, {"delete", list(plan.deletes)}, {"unchanged", plan.unchanged}};
}

}  // namespace sluice::declarative
