#include "cluster/config_sync.h"

#include "model/registry.h"

#include <cstdio>

namespace sluice::cluster {

using snapshot::EntityMirror;

json configOf(const EntityMirror& mirror) {
  json config = json::object();
  for (const auto* schema : model::allEntities()) {
    if (!EntityMirror::mirrored(*schema)) continue;
    json rows = json::array();
    for (const auto& [id, entry] : mirror.rows(*schema)) rows.push_back(entry.value);
    config[schema->name] = std::move(rows);
  }
  return config;
}

std::string reconfigureMessage(const EntityMirror& mirror, uint64_t version) {
  return json{{"type", "reconfigure"}, {"version", version}, {"config_hash", mirror.hash()}, {"config", configOf(mirror)}}.dump();
}

std::string changesMessage(const EntityMirror& mirror, const EntityMirror::Changes& changes, uint64_t version) {
  json list = json::array();
  for (const auto& change : changes.list) {
    const auto& rows = mirror.rows(*change.schema);
    const auto it = rows.find(change.id);
    if (change.removed || it == rows.end())  // (written, then removed by a later change of the same batch)
      list.push_back(json{{"kind", change.schema->name}, {"id", change.id}, {"removed", true}});
    else
      list.push_back(json{{"kind", change.schema->name}, {"id", change.id}, {"entity", it->second.value}});
  }
  return json{{"type", "changes"}, {"version", version}, {"config_hash", mirror.hash()}, {"changes", std::move(list)}}.dump();
}

core::Status applyConfiguration(store::Store& store, EntityMirror& replica, const json& config) {
  if (!config.is_object()) return core::Error::badRequest("a configuration that is not an object");
  std::vector<std::pair<const schema::EntitySchema*, json>> entities;
  for (const auto* schema : model::allEntities()) {
    if (!EntityMirror::mirrored(*schema)) continue;
    const auto rows = config.find(schema->name);
    if (rows == config.end()) continue;
    if (!rows->is_array()) return core::Error::badRequest("'" + schema->name + "' is not a list");
    for (const auto& row : *rows) {
      if (!row.is_object() || !row.contains("id") || !row["id"].is_string())
        return core::Error::badRequest("an entity of '" + schema->name + "' without an id");
      entities.emplace_back(schema, row);
    }
  }
  size_t failed = 0;
  store::ChangeOriginScope origin({"", "", "", "cluster"});
  if (auto s = store.applyAll(entities, true, &failed); !s)
    return core::Error::badRequest(entities[failed].first->name + " " + entities[failed].second["id"].get<std::string>() + ": " +
                                   s.error().message);
  replica.clear();
  for (auto& [schema, row] : entities) replica.upsert(*schema, std::move(row));
  replica.takeChanges();
  return core::Ok{};
}

core::Status applyChanges(store::Store& store, EntityMirror& replica, const json& changes) {
  if (!changes.is_array()) return core::Error::badRequest("changes that are not a list");
  store::ChangeOriginScope origin({"", "", "", "cluster"});
  for (const auto& change : changes) {
    const auto* schema = model::findEntity(change.value("kind", std::string()));
    const std::string id = change.value("id", std::string());
    if (!schema || !EntityMirror::mirrored(*schema) || id.empty()) return core::Error::badRequest("a change of an unknown kind");
    if (change.value("removed", false)) {
      // A child whose removal the parent's already cascaded is simply not there any more.
      if (auto s = store.remove(*schema, id); !s && s.error().code != core::ErrorCode::NotFound) return s.error();
      replica.remove(*schema, id);
      continue;
    }
    const auto entity = change.find("entity");
    if (entity == change.end() || !entity->is_object()) return core::Error::badRequest("a change without its entity");
    if (auto written = store.upsert(*schema, *entity); !written)
      return core::Error::badRequest(schema->name + " " + id + ": " + written.error().message);
    replica.upsert(*schema, *entity);
  }
  replica.takeChanges();
  return core::Ok{};
}

std::optional<std::string> versionRefusal(const std::string& controlPlane, const std::string& dataPlane) {
  const auto majorMinor = [](const std::string& v, int& major, int& minor) {
    return std::sscanf(v.c_str(), "%d.%d", &major, &minor) == 2;
  };
  int cpMajor = 0, cpMinor = 0, dpMajor = 0, dpMinor = 0;
  if (!majorMinor(controlPlane, cpMajor, cpMinor)) return std::nullopt;
  if (!majorMinor(dataPlane, dpMajor, dpMinor))
    return "data plane version '" + dataPlane + "' is not a version: control plane " + controlPlane + " accepts " +
           std::to_string(cpMajor) + "." + std::to_string(cpMinor) + ".x and older minor versions";
  if (dpMajor != cpMajor)
    return "data plane version " + dataPlane + " is incompatible with control plane version " + controlPlane + " (only " +
           std::to_string(cpMajor) + ".x.y are accepted)";
  if (dpMinor > cpMinor)
    return "data plane version " + dataPlane + " is newer than control plane version " + controlPlane +
           ": upgrade the control plane first";
  return std::nullopt;
}

}  // namespace sluice::cluster
