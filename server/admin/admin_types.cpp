#include "admin/admin_types.h"

namespace sluice::admin {

std::optional<std::string> AdminRequest::queryValue(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

AdminResponse jsonResponse(int status, json body) { return AdminResponse{status, std::move(body), {}}; }

AdminResponse messageResponse(int status, const std::string& message) {
  return jsonResponse(status, json{{"message", message}});
}

AdminResponse errorResponse(const core::Error& error) {
  return jsonResponse(core::httpStatus(error.code), core::errorBody(error));
}

AdminResponse noContent() { return AdminResponse{204, std::nullopt, {}}; }

}  // namespace sluice::admin
