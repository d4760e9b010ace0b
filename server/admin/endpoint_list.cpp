#include "admin/endpoint_list.h"

#include "admin/entity_endpoints.h"
#include "model/registry.h"

#include <algorithm>
#include <set>
#include <string>

namespace sluice::admin {
namespace {

// The paths that do not come from an entity declaration.
constexpr const char* kFixed[] = {
    "/", "/cache", "/cache/{key}", "/clustering/data-planes", "/clustering/status", "/config", "/endpoints", "/metrics",
    "/plugins/enabled", "/plugins/schema/{name}", "/proxy-cache", "/proxy-cache/{cache_key}",
    "/proxy-cache/{plugin_id}/caches/{cache_key}", "/schemas/{name}", "/schemas/{db_entity_name}/validate",
    "/schemas/plugins/{name}", "/schemas/plugins/validate", "/status", "/tags", "/tags/{tags}",
    "/upstreams/{upstreams}/health", "/upstreams/{upstreams}/targets/all",
    "/upstreams/{upstreams}/targets/{targets}/healthy", "/upstreams/{upstreams}/targets/{targets}/unhealthy",
    "/upstreams/{upstreams}/targets/{targets}/{address}/healthy",
    "/upstreams/{upstreams}/targets/{targets}/{address}/unhealthy",
    // Sluice's own.
    "/sluice/cluster", "/sluice/config", "/sluice/config/apply", "/sluice/config/diff", "/sluice/entities", "/sluice/live", "/sluice/loadtests",
    "/sluice/loadtests/{id}", "/sluice/loadtests/{id}/stream", "/sluice/metrics/consumers", "/sluice/metrics/routes",
    "/sluice/metrics/services", "/sluice/metrics/targets", "/sluice/traces"};

}  // namespace

nlohmann::json endpointList() {
  std::set<std::string> paths(std::begin(kFixed), std::end(kFixed));
  const auto& entities = model::allEntities();
  for (const auto* parent : entities) {
    if (parent->adminPath.empty()) continue;
    const std::string self = "/" + parent->adminPath + "/{" + parent->name + "}";
    paths.insert("/" + parent->adminPath);
    paths.insert(self);
    for (const auto& f : parent->fields)  // /routes/{routes}/service
      if (f.type == schema::FieldType::Foreign && !f.reference.empty()) paths.insert(self + "/" + f.name);
    for (const auto* child : entities) {  // /services/{services}/routes/{routes}
      if (child->nestedPath.empty() || nestedChild(*parent, child->nestedPath).first != child) continue;
      paths.insert(self + "/" + child->nestedPath);
      paths.insert(self + "/" + child->nestedPath + "/{" + child->name + "}");
    }
  }
  std::vector<std::string> sorted(paths.begin(), paths.end());
  // Kong's order: "/" sorts before any character, so a path's children follow it.
  const auto key = [](std::string p) {
    std::replace(p.begin(), p.end(), '/', '\x01');
    return p;
  };
  std::sort(sorted.begin(), sorted.end(), [&](const std::string& a, const std::string& b) { return key(a) < key(b); });
  return nlohmann::json{{"data", sorted}};
}

}  // namespace sluice::admin
