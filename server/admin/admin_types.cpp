#include "admin/admin_types.h"

#include "core/url_encoding.h"
#include "http/query_string.h"

namespace sluice::admin {

std::optional<std::string> AdminRequest::queryValue(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

AdminRequest adminRequest(std::string method, std::string_view target) {
  AdminRequest request;
  request.method = std::move(method);
  const auto q = target.find('?');
  std::string_view path = target.substr(0, q);
  while (!path.empty()) {
    const size_t slash = path.find('/');
    if (slash != 0) request.segments.push_back(core::percentDecode(path.substr(0, slash), false));
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
  }
  if (q != std::string_view::npos)
    http::forEachQueryPair(target.substr(q + 1), [&](std::string_view name, std::string_view value) {
      request.query.emplace(core::percentDecode(name, true), core::percentDecode(value, true));
    });
  return request;
}

AdminResponse jsonResponse(int status, json body) { return AdminResponse{status, std::move(body), {}}; }

AdminResponse messageResponse(int status, const std::string& message) {
  return jsonResponse(status, json{{"message", message}});
}

AdminResponse errorResponse(const core::Error& error) {
  return jsonResponse(core::httpStatus(error.code), core::errorBody(error));
}

AdminResponse noContent() { return AdminResponse{204, std::nullopt, {}}; }

AdminResponse methodNotAllowed() { return messageResponse(405, "Method not allowed"); }

}  // namespace sluice::admin
