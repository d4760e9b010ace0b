#include "admin_client/api_error.h"

#include <nlohmann/json.hpp>

namespace sluice::admin_client {
namespace {

void flatten(const nlohmann::json& node, const std::string& path, std::map<std::string, std::string>& out) {
  if (node.is_object()) {
    for (auto it = node.begin(); it != node.end(); ++it) flatten(it.value(), path.empty() ? it.key() : path + "." + it.key(), out);
  } else if (node.is_array()) {
    for (size_t i = 0; i < node.size(); ++i) flatten(node[i], path + "." + std::to_string(i + 1), out);  // Kong counts from 1
  } else if (node.is_string()) {
    out[path] = node.get<std::string>();
  } else if (!node.is_null()) {
    out[path] = node.dump();
  }
}

}  // namespace

std::string ApiError::summary() const {
  std::string s = message.empty() ? "HTTP " + std::to_string(status) : message;
  for (const auto& [path, text] : fields) s += "; " + path + ": " + text;
  return s;
}

ApiError errorFrom(const Response& response) {
  ApiError e;
  e.status = response.status;
  if (response.status == 0) {
    e.message = response.networkError.empty() ? "no answer from the gateway" : response.networkError;
    return e;
  }
  const nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
  if (body.is_object()) {
    if (body.contains("message") && body["message"].is_string()) e.message = body["message"].get<std::string>();
    if (body.contains("fields")) flatten(body["fields"], "", e.fields);
  }
  if (e.message.empty()) e.message = "HTTP " + std::to_string(response.status);
  return e;
}

}  // namespace sluice::admin_client
