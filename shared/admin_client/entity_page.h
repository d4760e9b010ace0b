#pragma once
// Kong's paginated lists: GET /services?size=N&offset=TOKEN answers {"data": [...], "next": URL,
// "offset": TOKEN}; a client asks for the next page with the token until there is none.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::admin_client {

struct EntityPage {
  std::vector<nlohmann::json> data;
  std::optional<std::string> offset;  // the next page's token; none on the last page
};

// nullopt when the body is not a page.
std::optional<EntityPage> parsePage(std::string_view body);

// "/services?size=100&offset=...&tags=a,b" — `collection` may be nested ("services/x/routes").
std::string listPath(std::string_view collection, size_t size, std::string_view offset = {}, std::string_view tags = {});

}  // namespace sluice::admin_client
