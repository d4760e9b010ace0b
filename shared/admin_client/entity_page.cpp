#include "admin_client/entity_page.h"

#include "core/url_encoding.h"

namespace sluice::admin_client {

std::optional<EntityPage> parsePage(std::string_view body) {
  const nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
  if (!j.is_object() || !j.contains("data") || !j["data"].is_array()) return std::nullopt;
  EntityPage page;
  page.data.assign(j["data"].begin(), j["data"].end());
  if (j.contains("offset") && j["offset"].is_string()) page.offset = j["offset"].get<std::string>();
  return page;
}

std::string listPath(std::string_view collection, size_t size, std::string_view offset, std::string_view tags) {
  std::string path = "/";
  path.append(collection).append("?size=").append(std::to_string(size));
  if (!offset.empty()) path.append("&offset=").append(core::percentEncode(offset));
  if (!tags.empty()) path.append("&tags=").append(core::percentEncode(tags));
  return path;
}

}  // namespace sluice::admin_client
