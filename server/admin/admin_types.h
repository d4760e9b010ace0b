#pragma once
// An Admin API exchange as plain data, so that endpoints are testable without sockets.
#include "core/error.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <ostream>
#include <optional>
#include <string>
#include <vector>

namespace sluice::admin {

using json = nlohmann::json;

struct AdminRequest {
  std::string method;                 // "GET", "POST", ...
  std::vector<std::string> segments;  // percent-decoded path segments: /services/a -> {"services","a"}
  std::multimap<std::string, std::string> query;
  std::string contentType;
  std::string authorization;
  std::string clientAddress;  // the peer's IP address
  std::string body;

  std::optional<std::string> queryValue(const std::string& name) const;
};

// A request for `method` on `target` (a path and query as sent): the path's segments and the
// query's pairs, percent-decoded ('+' a space in the query only).
AdminRequest adminRequest(std::string method, std::string_view target);

struct AdminResponse {
  int status = 200;
  std::optional<json> body;  // no body (204) when empty
  std::vector<std::pair<std::string, std::string>> headers;
  // A body that is not JSON (the Prometheus page), sent as is with its content type.
  std::optional<std::string> text = std::nullopt;
  std::string contentType = {};
  // A body written as it is produced (Server-Sent Events), until the function returns.
  std::function<void(std::ostream&)> stream = {};
};

AdminResponse jsonResponse(int status, json body);
AdminResponse messageResponse(int status, const std::string& message);
AdminResponse errorResponse(const core::Error& error);
AdminResponse noContent();
AdminResponse methodNotAllowed();  // 405, in Kong's words

}  // namespace sluice::admin
