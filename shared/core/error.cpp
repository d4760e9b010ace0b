#include "core/error.h"

#include <vector>

namespace sluice::core {
namespace {

struct ErrorRow {
  ErrorCode code;
  const char* name;
  int status;
};

constexpr ErrorRow kErrorTable[] = {
    {ErrorCode::InvalidPrimaryKey, "invalid primary key", 400},
    {ErrorCode::SchemaViolation, "schema violation", 400},
    {ErrorCode::PrimaryKeyViolation, "primary key violation", 400},
    {ErrorCode::ForeignKeyViolation, "foreign key violation", 400},
    {ErrorCode::UniqueViolation, "unique constraint violation", 409},
    {ErrorCode::NotFound, "not found", 404},
    {ErrorCode::InvalidOffset, "invalid offset", 400},
    {ErrorCode::DatabaseError, "database error", 500},
    {ErrorCode::InvalidSize, "invalid size", 400},
    {ErrorCode::InvalidOptions, "invalid options", 400},
    {ErrorCode::OperationUnsupported, "operation unsupported", 405},
    {ErrorCode::ForeignKeysUnresolved, "foreign keys unresolved", 400},
    {ErrorCode::DeclarativeConfig, "invalid declarative configuration", 400},
    {ErrorCode::DatabaseUnavailable, "", 503},
    {ErrorCode::BadRequest, "", 400},
    {ErrorCode::Unauthorized, "", 401},
    {ErrorCode::Forbidden, "", 403},
    {ErrorCode::MethodNotAllowed, "", 405},
    {ErrorCode::PayloadTooLarge, "", 413},
    {ErrorCode::UnsupportedMediaType, "", 415},
    {ErrorCode::Conflict, "", 409},
};

const ErrorRow& row(ErrorCode code) {
  for (const auto& r : kErrorTable)
    if (r.code == code) return r;
  return kErrorTable[7];  // database error
}

// Flattens {"config": {"minute": "expected a number"}} into "config.minute: expected a number".
void flatten(const nlohmann::json& fields, const std::string& prefix, std::vector<std::string>& out) {
  for (auto it = fields.begin(); it != fields.end(); ++it) {
    std::string key = prefix.empty() ? it.key() : prefix + "." + it.key();
    if (it->is_object()) {
      flatten(*it, key, out);
    } else if (it->is_array()) {
      for (const auto& item : *it) {
        if (item.is_string()) out.push_back(key + ": " + item.get<std::string>());
        else if (item.is_object()) flatten(item, key, out);
      }
    } else if (it->is_string()) {
      out.push_back(key + ": " + it->get<std::string>());
    }
  }
}

}  // namespace

Error Error::schemaViolation(nlohmann::json fields) {
  std::vector<std::string> parts;
  flatten(fields, "", parts);
  std::string joined;
  for (size_t i = 0; i < parts.size(); ++i) joined += (i ? "; " : "") + parts[i];
  std::string message = parts.size() == 1 ? "schema violation (" + joined + ")"
                                          : std::to_string(parts.size()) + " schema violations (" + joined + ")";
  return Error{ErrorCode::SchemaViolation, std::move(message), std::move(fields)};
}

Error Error::notFound() { return Error{ErrorCode::NotFound, "Not found", nullptr}; }

Error Error::database(std::string detail) { return Error{ErrorCode::DatabaseError, std::move(detail), nullptr}; }

Error Error::unavailable(std::string detail) {
  return Error{ErrorCode::DatabaseUnavailable, std::move(detail), nullptr};
}

Error Error::badRequest(std::string message) { return Error{ErrorCode::BadRequest, std::move(message), nullptr}; }

std::string errorName(ErrorCode code) { return row(code).name; }

int httpStatus(ErrorCode code) { return row(code).status; }

nlohmann::json errorBody(const Error& error) {
  const ErrorRow& r = row(error.code);
  if (r.name[0] == '\0' || error.code == ErrorCode::NotFound) {
    nlohmann::json body{{"message", error.message}};
    if (!error.fields.is_null()) body["fields"] = error.fields;
    return body;
  }
  if (error.code == ErrorCode::DatabaseError) return {{"message", "An unexpected error occurred"}};
  nlohmann::json body{{"code", static_cast<int>(error.code)}, {"name", r.name}, {"message", error.message}};
  if (!error.fields.is_null()) body["fields"] = error.fields;
  return body;
}

}  // namespace sluice::core
