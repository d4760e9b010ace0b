#include "plugins/request_json.h"

#include "core/url_encoding.h"
#include "http/query_string.h"

namespace sluice::plugins {

nlohmann::json headersJson(const http::Headers& headers) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& h : headers) {
    auto& slot = out[http::toLower(h.name)];
    if (slot.is_null()) slot = std::string(h.value);
    else if (slot.is_string()) slot = nlohmann::json::array({slot, std::string(h.value)});
    else slot.push_back(std::string(h.value));
  }
  return out;
}

nlohmann::json queryJson(std::string_view query) {
  nlohmann::json out = nlohmann::json::object();
  http::forEachQueryPair(query, [&](std::string_view n, std::string_view v) {
    out[core::percentDecode(n, true)] = v.data() ? nlohmann::json(core::percentDecode(v, true)) : nlohmann::json(true);
  });
  return out;
}

}  // namespace sluice::plugins
