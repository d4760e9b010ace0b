#include "app/proxy_cache_endpoints.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "model/entities.h"
#include "plugins/proxy_cache/memory_cache.h"

namespace sluice::app {
namespace {

constexpr const char* kCacheKey = "proxy-cache:memory";  // where the plugin keeps its store

admin::AdminResponse keyEndpoint(plugins::NodeState& node, const std::string& key, const std::string& method) {
  const auto cache = node.find<plugins::MemoryCache>(kCacheKey);
  const auto entry = cache ? cache->find(key, core::unixSeconds()) : nullptr;
  if (!entry) return admin::AdminResponse{404, std::nullopt, {}};  // Kong: an empty 404
  if (method == "DELETE") {
    cache->erase(key);
    return admin::noContent();
  }
  return admin::jsonResponse(200, plugins::cachedResponseJson(*entry));
}

}  // namespace

admin::AdminApi::Endpoints proxyCacheEndpoints(plugins::NodeState& node, store::Store& store) {
  return [&node, &store](const admin::AdminRequest& request) -> std::optional<admin::AdminResponse> {
    const auto& s = request.segments;
    if (s.empty() || s[0] != "proxy-cache" || (s.size() != 1 && s.size() != 2 && s.size() != 4)) return std::nullopt;
    if (s.size() == 4 && s[2] != "caches") return std::nullopt;
    const bool read = request.method == "GET" || request.method == "HEAD";
    if (s.size() == 1) {
      if (request.method != "DELETE") return admin::messageResponse(405, "Method not allowed");
      if (const auto cache = node.find<plugins::MemoryCache>(kCacheKey)) cache->clear();
      return admin::noContent();
    }
    if (!read && request.method != "DELETE") return admin::messageResponse(405, "Method not allowed");
    if (s.size() == 4) {  // one plugin's entry: the plugin must exist and be a proxy-cache
      auto plugin = core::isUuid(s[1]) ? store.get(model::plugins(), s[1]) : core::Result<std::optional<nlohmann::json>>(std::nullopt);
      if (!plugin) return admin::errorResponse(plugin.error());
      if (!*plugin || (**plugin)["name"] != "proxy-cache") return admin::AdminResponse{404, std::nullopt, {}};
      return keyEndpoint(node, s[3], request.method);
    }
    return keyEndpoint(node, s[1], request.method);
  };
}

}  // namespace sluice::app
